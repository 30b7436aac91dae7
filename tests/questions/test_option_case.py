"""Options that are plain phrases are written with the key's first letter: "lifecycle policy"
alone in lower case beside "Deployment policy" and "Resource policy" was the key at a glance (a
review). Names whose case is their own (containerd, Podman, IAM policy) keep it."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.generate import generate_document
from questions.generators.common import cased_like


@pytest.mark.parametrize(
    ("answer", "options", "shown"),
    [
        ("lifecycle policy", ["Deployment policy", "Resource policy"],
         ["deployment policy", "resource policy"]),
        ("Alias record", ["NACL deny rule", "gateway endpoint"],
         ["NACL deny rule", "Gateway endpoint"]),
        ("Server-side encryption", ["client-side encryption", "envelope encryption"],
         ["Client-side encryption", "Envelope encryption"]),
        # one word may be a name whose case is its own
        ("containerd", ["Podman", "Docker"], ["Podman", "Docker"]),
        ("right-sizing", ["Reservations", "Spot VMs"], ["Reservations", "Spot VMs"]),
        # a key that is no plain phrase sets no case
        ("IAM policy", ["retention policy", "Lifecycle policy"],
         ["retention policy", "Lifecycle policy"]),
    ],
)  # fmt: skip
def test_plain_phrases_take_the_keys_first_letter(
    answer: str, options: list[str], shown: list[str]
) -> None:
    assert cased_like(answer, options) == shown


def test_no_key_stands_alone_in_its_case() -> None:
    """The GCP notes write "a lifecycle policy …" in prose and "## Retention policy" as a
    heading: the options of a question about one are written alike."""
    text = (Path(__file__).parent / "notes" / "gcp-services.md").read_text(encoding="utf-8")
    chosen = [q for _, q in generate_document("gcp-services.md", text).chosen]
    policies = [q for q in chosen if any(c.lower().endswith(" policy") for c in q.choices)]
    assert policies, [q.prompt for q in chosen]
    for q in policies:
        plain = [c for c in q.choices if c.lower().endswith(" policy") and c.split()[0] != "IAM"]
        assert len({c[0].isupper() for c in plain}) == 1, q.choices
