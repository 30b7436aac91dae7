"""What a blind review found in banks of unseen notes (issue #13, round 5): "which of these is
described" under a section about one product offered labels of other sections ("Terraform
bits — …" with "Detection" of a drift section and "Stacks" of a Pulumi section): the stem
names its product, so those options are eliminable. Labels of other sections are offered only
when the key's section names no product; its own list comes first either way."""

from __future__ import annotations

from tests.questions import own_notes

NAME = "iac-tools.md"
LABELS = {
    "Ansible": {"Handlers", "Facts", "Vault"},
    "Terraform": {"Imports", "Targets"},
    "Pulumi": {"Stacks", "Outputs", "Providers"},
    "Drift": {"Detection", "Remediation"},
}
PRODUCTS = ("Ansible", "Terraform", "Pulumi")


def _section(label: str) -> str:
    return next(s for s, labels in LABELS.items() if label in labels)


def _questions() -> list[tuple[str, list[str], str]]:
    return own_notes.keyed(NAME)


def test_a_product_section_offers_no_other_section_labels() -> None:
    keyed = 0
    for prompt, choices, key in _questions():
        if not any(key in LABELS[p] for p in PRODUCTS):
            continue
        keyed += 1
        own = _section(key)
        others = [c for c in choices if c in set().union(*LABELS.values()) and _section(c) != own]
        assert not others, (prompt, choices)
    assert keyed >= 3


def test_own_list_first_and_no_product_sections_still_asked() -> None:
    questions = _questions()
    stacks = [c for p, c, k in questions if k == "Stacks" and "described" in p]
    assert stacks and set(stacks[0]) == {"Stacks", "Outputs", "Providers"}
    # a section that names no product still takes labels from the others
    assert any(k in LABELS["Drift"] for _, _, k in questions)


def test_question_labels_are_never_options() -> None:
    for prompt, choices, _ in _questions():
        assert not {"Why no agent?", "Why no agent", "How previews work"} & set(choices), prompt
