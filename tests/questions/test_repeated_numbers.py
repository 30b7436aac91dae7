"""A number a sentence states twice ("promoted after 30 s, but 30 s of writes can be lost") is
asked from the fuller of its two clauses, the other clause left out so the stem does not show
the answer."""

from __future__ import annotations

from questions.generate import generate_document

FAILOVER = """# Database operations

## Failover

- **Failover** – a replica is promoted after 30 s, but 30 s of acknowledged writes can be lost in that window
- the old primary rejoins as a replica once it has rewound its WAL
- backups are taken from a replica, never from the primary, to keep its load low
"""


def test_a_number_stated_twice_is_asked_from_its_fuller_clause() -> None:
    r = generate_document("t.md", FAILOVER)
    asked = [q for _, q in r.chosen if q.choices[q.answer] == "30 s"]
    assert asked, [q.prompt for _, q in r.chosen]
    for q in asked:
        assert "writes can be lost" in q.prompt and "30 s" not in q.prompt, q.prompt
        assert not q.prompt.split("：")[-1].lstrip().startswith("but"), q.prompt
