"""A table's remarks ("| Call | Result | Note |"): a note remarks on the row's name. Keyed by
a value further right, "Which result is described here: “inverse: split(…)”?" asked the result
of a remark on the call (a Terraform site, reviewed broken four times)."""

from __future__ import annotations

from questions.facts.table_facts import table_facts
from questions.parse.markdown import parse_document

FUNCTIONS = """## Functions

| Call | Result | Note |
|---|---|---|
| `lookup({a = "x"}, "b", "def")` | `"def"` | third arg = default |
| `max(5, 12, 9, 3)` | `12` | a list needs `max(list...)` |
| `join("-", ["a", "b", "c"])` | `"a-b-c"` | inverse: `split` |
| `merge({a = 1}, {a = 2})` | `{a = 2}` | later args win |
"""

POLICIES = """## Eviction

| Scope | Policy | Note |
|---|---|---|
| none | noeviction | the default, writes fail |
| keys with a TTL | volatile-lru | least recently used |
|  | volatile-ttl | shortest TTL first |
| all keys | allkeys-lru | the usual choice |
|  | allkeys-random | random |
"""


def _facts(text: str) -> list[tuple[str, str, str]]:
    table = next(b for b in parse_document(text, "t.md").blocks if b.kind == "table")
    return [(f.subject, f.attribute, f.value) for f in table_facts(table) if f.kind == "property"]


def test_a_remark_is_no_description_of_a_value_keyed_right_of_the_name() -> None:
    facts = _facts(FUNCTIONS)
    assert facts  # the call still gives its result
    assert not [f for f in facts if f[1] == "Note"], facts


def test_a_remark_describes_a_key_whose_left_column_only_groups_the_rows() -> None:
    facts = _facts(POLICIES)
    assert ("volatile-ttl", "Note", "shortest TTL first") in facts
