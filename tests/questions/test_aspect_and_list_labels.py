"""Labels that name no thing and numbers said twice (issue #13, review of unseen notes in
session 17): a label under each item of a list ("解决：…", "Fix: …") is an aspect of each item,
a label over a list of names ("Sources: HTTPS, SSH, …") heads the list; neither is a term to
ask or offer. A cell that only points at another column ("同 MyISAM") is that column's value.
A blank inside a rounding or conversion of the number before it ("10000（单位微秒，即 ___）"),
or before an example worked from the stem ("6379 … + ___（e.g. 16379）"), is not asked.
Notes: tests/questions/notes/mysql-aspect-labels-zh.md, git-aspect-labels.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from questions.bank import Bank
from questions.cues import restating_aside, worked_example
from questions.facts.definitions import _split_cached, list_label
from questions.facts.extract import aspect_labels, extract
from questions.generate import generate_document, generate_from_texts
from questions.parse import parse_document

NOTES = Path(__file__).parent / "notes"
MYSQL = NOTES / "mysql-aspect-labels-zh.md"
GIT = NOTES / "git-aspect-labels.md"


def _bank(path: Path) -> Bank:
    bank, _ = generate_from_texts([(path.name, path.read_text(encoding="utf-8"))], "b")
    return bank


@pytest.mark.parametrize(("path", "label"), [(MYSQL, "解决"), (GIT, "Fix")])
def test_an_aspect_label_is_no_term(path: Path, label: str) -> None:
    bank = _bank(path)
    for q in bank.questions:
        assert label not in q.choices, (q.prompt, q.choices)
        assert q.choices[q.answer] != label
    # the items the label hangs under are still asked, each among the others
    parents = [
        q for q in bank.questions if "以下描述的是哪一项" in q.prompt or "described" in q.prompt
    ]
    assert len(parents) >= 2, [q.prompt for q in bank.questions]


def test_a_label_over_a_list_of_names_is_no_term() -> None:
    assert list_label("Sources", "HTTPS, SSH, `git://`, local path, GitHub CLI.", ("git://",))
    assert list_label("Related", "`a` (new), `b` (change)", ("a", "b"))
    assert list_label("Types", "primitive `string`/`number`; collection `list`; `any`.",
                      ("string", "number", "list", "any"))  # fmt: skip
    # short names glossed in brackets are names too, lower case or not
    assert list_label("terms", "inside local (private host IP), inside global (its public IP), "
                      "outside global (real remote IP)", ())  # fmt: skip
    assert not list_label("steps", "pull (fetch the image), then run it, then check the logs", ())
    assert not list_label("Secrets", "base64 encoded, not encrypted, mounted as files", ())
    assert not list_label("Immutable", "Deploy the new version to a fresh group", ())
    assert not list_label("Protocol", "HTTPS, SSH, `git://`", ("git://",))  # a singular noun
    assert not list_label("Remote setup", "HTTPS, SSH, Git", ())
    asked = [" ".join((q.prompt, *q.choices)) for q in _bank(GIT).questions]
    assert asked
    for text in asked:
        assert "Sources" not in text and "Related" not in text, text


def test_a_cell_pointing_at_another_column_reads_its_value() -> None:
    doc = parse_document(MYSQL.read_text(encoding="utf-8"), "m.md")
    table = next(b.table for b in doc.content if b.table is not None)
    locks = next(r for r in table.rows if r[0] == "锁粒度")
    assert locks == ("锁粒度", "行锁", "表锁", "表锁")
    assert next(r for r in table.rows if r[0] == "事务")[3] == "不支持"
    for q in _bank(MYSQL).questions:
        assert not any("同 MyISAM" in c for c in q.choices), q.choices


def test_a_blank_in_a_restating_aside() -> None:
    assert restating_aside("slowlog-log-slower-than 10000（单位微秒，即 ___），max-len 128")
    assert restating_aside("最多 2^32 - 1 个元素（约 ___ 亿）")
    assert restating_aside("timeout 900 s (about ___ min)")
    assert not restating_aside("max ___ s (about 15 min)")
    assert not restating_aside("立即生效（立即 ___ 次）")
    assert not restating_aside("重试（约 ___ 次）")  # no number before the aside
    assert worked_example("默认端口 6379，总线端口 = 数据端口 + ___（e.g. 16379）", 10000)
    assert worked_example("shards = nodes × ___ (e.g. 12), nodes 4", 3)
    assert not worked_example("默认端口 6379，总线端口 = 数据端口 + ___（e.g. 16380）", 10000)
    assert not worked_example("总线端口 = 数据端口 + ___", 10000)


def test_no_number_is_asked_beside_its_own_rounding() -> None:
    bank = _bank(MYSQL)
    for q in bank.questions:
        assert "约 4 千" not in q.prompt, q.prompt
        assert not restating_aside(q.prompt), q.prompt
    git = _bank(GIT)
    assert any("___" in q.prompt and "MB" in q.choices[q.answer] for q in git.questions)
    for q in git.questions:
        assert not ("___" in q.prompt and "0.1 GB" in q.prompt and q.choices[q.answer] == "100 MB")


def test_a_description_that_only_gives_a_default_is_no_meaning() -> None:
    """ "`fetch.prune` — default false" says the flag's default, not what it is: no "which
    flag is described as “default false”", no true/false of it, no such option."""
    bank = _bank(GIT)
    flags = [q for q in bank.questions if "rebase.autoStash" in " ".join((q.prompt, *q.choices))]
    assert flags, [q.prompt for q in bank.questions]
    for q in bank.questions:
        for text in (q.prompt, *q.choices):
            assert "default false" not in text, (q.prompt, q.choices)


def test_a_label_under_parents_of_different_lists_is_an_aspect_too() -> None:
    """ "原因：" and "解决：" under a replication error and under a full disk, lists apart: an
    aspect still, never asked as the term a cause describes (原因 / 解决 as a coin toss)."""
    with pytest.MonkeyPatch.context() as mp:  # the facts as read, before aspects are dropped
        mp.setattr("questions.facts.extract.without_aspect_labels", lambda facts: facts)
        # 原因 / 解决 are remark labels too (a single one is no term either): off here, so the
        # aspect rule across lists is what this test reads
        mp.setattr("questions.facts.definitions._ZH_LABEL", re.compile(r"(注意|备注)"))
        _split_cached.cache_clear()  # lines split before, with the labels on
        facts = extract(parse_document(MYSQL.read_text(encoding="utf-8"), "m.md"))
    _split_cached.cache_clear()  # nor kept after
    causes = {f.block.parent_line for f in facts if f.subject == "原因"}
    assert len(causes) == 2  # under the replication error and under the full disk
    assert {"原因", "解决"} <= aspect_labels(facts)
    for q in _bank(MYSQL).questions:
        for label in ("原因", "解决"):
            assert label not in q.choices, (q.prompt, q.choices)


def test_a_nested_term_copied_with_its_section_is_no_aspect() -> None:
    """Notes repeated with their numbers changed say the same thing of a copied term under
    each copy of its parent: still a term, not an aspect of the parents."""
    section = (
        "## Rollouts {n}\n\n- Deployment strategy {n}:\n"
        "  - maxSurge: extra pods above the desired count during an update, {n} by default\n"
    )
    text = "# K\n\n" + "\n".join(section.format(n=n) for n in (1, 2, 3))
    facts = extract(parse_document(text, "k.md"))
    assert [f for f in facts if f.kind == "definition" and f.subject == "maxSurge"]
    assert "maxsurge" not in aspect_labels(facts)


TRACING = """# Tracing

## X-Ray

- IAM: the daemon needs write access to send segments
- Annotations = key/value pairs, indexed, usable in filter expressions
- Metadata = any JSON value, not indexed
- Sampling
  - first request each second, then 5 % of the rest
  - rules set per service
- Enabling
  - Lambda: the "Active tracing" checkbox, the daemon is built in
  - Beanstalk: a config file in .ebextensions or a console option
  - ECS: the daemon runs as a sidecar container
"""


def test_an_activity_over_lines_for_each_name_has_no_properties() -> None:
    facts = extract(parse_document(TRACING, "t.md"))
    labelled = {f.subject for f in facts if f.kind == "definition" and f.role == "label"}
    assert "Sampling" in labelled, labelled  # its lines say what it does
    assert "Enabling" not in labelled, labelled
    keyed = {
        q.choices[q.answer] for q in generate_from_texts([("t.md", TRACING)], "t")[0].questions
    }
    assert "Enabling" not in keyed, keyed


def test_a_remark_in_brackets_after_a_marked_name_is_no_part_of_it() -> None:
    notes = (
        "# Teams\n\n## Models\n\n- **Tuckman** (in order): the stages a team goes through, "
        "from forming to performing\n- **McGregor**: Theory X vs Theory Y\n- **Herzberg**: hygiene factors vs "
        "motivators\n- **Maslow**（必考）：needs in a pyramid, physiological first\n"
        "- Internet Gateway (IGW): lets a VPC reach the internet\n"
    )
    terms = {f.subject for f in extract(parse_document(notes, "t.md")) if f.kind == "definition"}
    assert {"Tuckman", "McGregor", "Herzberg", "Maslow"} <= terms, terms
    assert not [t for t in terms if "in order" in t or "必考" in t], terms
    # an abbreviation in brackets, of a name not marked, stays with it
    assert [t for t in terms if t.startswith("Internet Gateway")], terms


def test_a_head_with_a_marked_word_inside_is_defined_whole() -> None:
    notes = (
        "# Biometrics\n\n## Errors\n\n- Type **I** error = false reject, the FRR\n"
        "- Type **II** error = false accept, the FAR\n- **CER** = where the two rates cross\n"
    )
    terms = {f.subject for f in extract(parse_document(notes, "b.md")) if f.kind == "definition"}
    assert {"Type I error", "Type II error"} <= terms, terms
    assert "I error" not in terms, terms


def test_a_plural_over_short_members_is_no_term_named_or_not() -> None:
    """ "Methods: encryption, hashing, masking, …" under "Data protection": the label says
    what the members are; "which is described here: encryption, hashing … → Methods" asked
    the label (Security+ notes, reviewed broken)."""
    assert list_label("Methods", "encryption, hashing, masking, tokenization, obfuscation", ())
    assert list_label("Classifications", "sensitive, confidential, public, restricted, private", ())
    assert not list_label("Secrets", "base64 encoded, not encrypted, mounted as files", ())
    assert not list_label("Method", "encryption, hashing, masking", ())  # a singular names one


CARDS = """# Pharmacology cards

## Beta blockers

**Metoprolol**
Indications: hypertension, angina, post-MI
Hold: HR < 60 or SBP < 90

## Loop diuretics

**Furosemide**
Indications: edema, pulmonary edema
Hold: SBP < 90 or K+ < 3.5

## Anticonvulsants

**Magnesium sulfate**
Indications: seizure prophylaxis in preeclampsia
Antidote: calcium gluconate 1 g IV

**Phenytoin**
Indications: tonic-clonic seizures
Antidote: none, supportive care
"""


def test_a_label_opening_lines_on_many_cards_is_a_field_not_a_term() -> None:
    """ "Indications: …" on every drug's card: "which is described here: seizure prophylaxis
    … → Indications" (beside Prednisone, Aspirin) asked the card's field."""
    result = generate_document("cards.md", CARDS)
    fields = {"Indications"}  # on four cards; "Hold" on two may still be a term
    assert not [f for f in result.facts if f.kind == "definition" and f.subject in fields]
    for _, q in result.chosen:
        assert not fields & set(q.choices), q.prompt


def test_a_cards_labelled_line_names_no_kind_of_the_list_after_it() -> None:
    """A drug card's last line "Teaching: K+-rich foods (bananas, …)" before the next
    paragraph's entries made "Which food is described here: K+-sparing …" of Spironolactone."""
    from questions.nouns import lead_category

    assert lead_category("Teaching: K+-rich foods (bananas, potatoes); report cramps") is None
    assert lead_category("last section: management tools") == "management tool"
    assert lead_category("Two built-in strategies (rolling, recreate):") == "built-in strategy"


BOLD_CARDS = """# Anticoagulants

## Vitamin K antagonists

**Warfarin (Coumadin)**
Class: vitamin K antagonist
Therapeutic INR: 2–3 for most indications
Antidote: vitamin K

**Alteplase (tPA)** — ischemic stroke within 3 h of onset; 0.9 mg/kg IV, max 90 mg.

**Heparin**
Class: indirect thrombin inhibitor
Antidote: protamine sulfate
"""


def test_an_entry_naming_its_own_drug_is_not_labelled_with_the_card_above() -> None:
    """ "Warfarin — Alteplase (tPA) — ischemic stroke within ___": the bold card above named
    another drug; the line names its own."""
    for _, q in generate_document("cards.md", BOLD_CARDS).chosen:
        if "Alteplase" in q.prompt:
            assert "Warfarin" not in q.prompt, q.prompt
    asked = [q.prompt for _, q in generate_document("cards.md", BOLD_CARDS).chosen]
    assert any("Alteplase" in p for p in asked), asked


def test_a_hyphenated_plural_is_singular_at_its_last_part() -> None:
    """ "Which built-ins is described here" (an Azure RBAC list "built-ins: Owner, …")."""
    from questions.nouns import singular_word

    assert singular_word("built-ins") == "built-in"
    assert singular_word("add-ons") == "add-on"
    assert singular_word("read-replicas") == "read-replica"
    assert singular_word("x-ray") == "x-ray"


def test_a_quoted_claim_with_its_verdict_is_no_fact() -> None:
    """ "“Management groups can go 10 levels deep” → False, 6" was asked as a cloze keyed 10."""
    text = (
        "## Mistakes\n\n"
        '- "Management groups can go 10 levels deep" → False, 6\n'
        "- “Tags are inherited by default” → **False**\n"
        "- Management groups nest at most 6 levels below the root\n"
    )
    doc = parse_document(text, "m.md")
    judged = [b.text for b in doc.blocks if b.noise == "judged claim"]
    assert len(judged) == 2, [(b.text, b.noise) for b in doc.blocks]
    assert not [b for b in doc.blocks if b.noise is None and "10 levels" in b.text]


def test_a_term_defined_alike_in_many_places_is_no_cards_field() -> None:
    """Notes pasted three times over ("Pod: smallest deployable unit" in each copy) define
    one term again and again: a card's field says another thing on every card."""
    copy = "## Pods {n}\n\n- Pod: smallest deployable unit\n- Node: a worker machine\n"
    text = "\n".join(copy.format(n=n) for n in range(3))
    facts = extract(parse_document(text, "x.md"))
    assert {f.subject for f in facts if f.kind == "definition"} >= {"Pod", "Node"}
