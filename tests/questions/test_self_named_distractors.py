"""A wrong description that names its own term ("default type, gets a virtual cluster IP" of
ClusterIP, offered for LoadBalancer; "允许的请求头" of Allow-Headers, offered for
Expose-Headers) rules itself out: the player reads whose it is. Such a description is never
a wrong option of "which description fits X?", from a table or from a list. (Where every
description means its term's name, kin_meanings asks them alike, each naming its own.)"""

from __future__ import annotations

from questions.generate import generate_document

TABLE = """# Object storage notes

## Storage classes

| Storage class | Notes |
|---|---|
| StandardIA | infrequent access, cheaper to store, a fee per retrieval |
| GlacierDeep | archive kept for years, hours to restore |
| OneZone | kept in one zone only, lost if that zone burns |
| IntelligentTiering | moves objects between tiers by their access pattern |
| Reduced | legacy class, do not use for new buckets |
"""

LIST = """# Workload notes

## Controllers

- **Deployment** – keeps identical pods running and rolls out new versions
- **StatefulSet** – pods with a stable identity and their own volumes (a stateful set)
- **DaemonSet** – runs one pod on every node of the cluster
- **Job** – runs pods until a number of them complete
- **CronJob** – creates a Job on a schedule
"""


def _forward(notes: str) -> list[tuple[str, list[str], str]]:
    """Every "which description fits" candidate, kept or not: the reverse question is often
    preferred, so the kept ones alone would test little."""
    made = generate_document("t.md", notes).candidates
    return [
        (c.prompt, list(c.options), c.answer_text)
        for c in made
        if c.prompt.startswith("Which description fits") and c.style == "forward"
    ]


def test_no_table_row_description_naming_its_row_is_offered() -> None:
    asked = _forward(TABLE)
    assert asked
    for prompt, choices, key in asked:
        if key != "kept in one zone only, lost if that zone burns":
            assert "kept in one zone only, lost if that zone burns" not in choices, prompt


def test_no_list_description_naming_its_term_is_offered() -> None:
    asked = _forward(LIST)
    assert asked
    for prompt, choices, key in asked:
        own = "pods with a stable identity and their own volumes (a stateful set)"
        if key != own:
            assert own not in choices, prompt
