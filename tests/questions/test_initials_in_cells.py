"""A cell's value is no tell for its row when another row writes its initials: EIGRP's
"advanced DV" is a distance vector protocol too, so "which has the type distance vector?"
with RIPv2 as the only key was wrong (a review)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.tables import distinguishing

NOTES = """# Routing notes

## Protocols

| Feature | RIPv2 | OSPFv2 | EIGRP |
|---|---|---|---|
| Type | distance vector | link state | advanced DV ("hybrid") |
| AD | 120 | 110 | 90 |
| Transport | UDP 520 | IP protocol 89 | IP protocol 88 |

## Databases

| Database | Consistency model |
|---|---|
| Postgres | strong consistency |
| Cassandra | eventual consistency, tunable per query |
| CosmosDB | five levels, from SC down to EC |
"""


def test_initials_of_a_value_in_another_cell_tell_no_row_apart() -> None:
    column = ["strong consistency", "eventual consistency", "tunable: SC, EC or three levels"]
    assert not distinguishing("strong consistency", column)
    assert distinguishing("strong consistency", ["strong consistency", "weak", "tunable"])
    assert distinguishing("SQL API", ["SQL", "CQL", "SQL API", "commands"])


def test_no_question_keys_distance_vector_to_one_row() -> None:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    assert chosen
    for q in chosen:
        assert "“distance vector”" not in q.prompt, q.prompt
