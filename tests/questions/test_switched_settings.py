"""Options that switch different settings on and off are all switched as the key is: beside
"fsync = off" (what can corrupt the cluster), "archive_mode = on" is ruled out by its "on"
alone, and beside "summarize_wal = on" (what incremental backups need) "fsync = off" is absurd;
session 40's review of the PostgreSQL bank marked both too easy. A blank keeps the key's value
and asks the setting by name."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.common import switched_alike

NOTES = """# Postgres ops

## WAL

- `synchronous_commit = off` -> faster commits, a crash can lose the last few transactions
- `fsync = off` -> CAN corrupt the cluster, never in prod
- WAL archiving for PITR: `archive_mode = on` + `archive_command`
- PG 17: incremental backups need `summarize_wal = on`
"""


def test_switched_settings_are_offered_switched_as_the_key_is() -> None:
    # asked by a description, the key's value is part of what it is: every option takes it
    # ("fsync" alone does not corrupt a cluster; the final review read that as wrong)
    assert switched_alike("Which setting corrupts?", "fsync = off", ["archive_mode = on"]) == (
        "Which setting corrupts?",
        "fsync = off",
        ["archive_mode = off"],
    )
    assert switched_alike("needs ___", "summarize_wal = on", ["fsync = off", "x = on"]) == (
        "needs ___ = on",
        "summarize_wal",
        ["fsync", "x"],
    )


def test_values_that_say_more_or_one_setting_or_one_value_stay() -> None:
    for answer, wrong in (
        ("type: LoadBalancer", ["sessionAffinity: ClientIP"]),  # values that say more
        ("restartPolicy: Always", ["restartPolicy: Never"]),  # one setting's values
        ("clusterIP: None", ["nodePort: None"]),  # one value
    ):
        assert switched_alike("Q ___", answer, wrong) == ("Q ___", answer, wrong)


def test_no_question_offers_a_setting_switched_the_other_way() -> None:
    asked = [q for _, q in generate_document("pg.md", NOTES).chosen]
    assert asked
    for q in asked:
        values = {c.split(" = ")[1] for c in q.choices if " = " in c}
        assert len(values) <= 1, q.choices
    assert any(q.prompt.endswith("need ___ = on") for q in asked), [q.prompt for q in asked]
