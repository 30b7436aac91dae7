"""A table's remarks ("| Call | Result | Note |"): a note remarks on the row's name. Keyed by
a value further right, "Which result is described here: “inverse: split(…)”?" asked the result
of a remark on the call (a Terraform site, reviewed broken four times)."""

from __future__ import annotations

import re

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


SPEEDS = """## Spanning tree

| Link speed | Short cost | Long cost |
|---|---|---|
| 10 Mbps | 100 | 2,000,000 |
| 100 Mbps | 19 | 200,000 |
| 1 Gbps | 4 | 20,000 |
| 10 Gbps | 2 | 2,000 |

## VLANs

| VLAN range | Type |
|---|---|
| 0, 4095 | reserved |
| 1 | default |
| 2–1001 | normal |
| 1006–4094 | extended |
"""


def test_a_row_keyed_by_a_value_is_named_with_its_column() -> None:
    """ "What is the long cost of 10 Mbps?" and "What is the type of 0, 4095?" asked of bare
    values (a CCNA wiki, reviewed broken): the key column's head names what they are."""
    from questions.generate import generate_document

    prompts = [c.prompt for c in generate_document("stp.md", SPEEDS).candidates]
    keyed = [p for p in prompts if re.search(r"\b(?:of|fits) [\w ]*?\d", p)]
    assert keyed, prompts
    for p in keyed:
        assert re.search(r"(?:link speed|VLAN range) \d", p), p


def test_a_header_saying_what_the_row_does_or_what_to_do_reads_as_a_verb() -> None:
    """ "| Type | Matches | Place it |" made "The place it of Standard is close to destination"
    and "The matches of Extended are source IP only"."""
    from questions.stems import table_forward, table_statement

    assert table_statement("Extended", "Matches", "src/dst IP, ports", "en") == (
        "Extended matches “src/dst IP, ports”"
    )
    assert table_statement("Standard", "Place it", "close to destination", "en") == (
        "Place Standard “close to destination”"
    )
    assert table_forward("Standard", "Place it", "en") == "How should you place Standard?"
    assert table_forward("Standard", "Matches", "en") == "What does Standard match?"


CALLS = """## Functions

| Call | Result | Note |
|---|---|---|
| `max(5, 12, 9)` | `12` | list? use `max([5,12,9]...)` |
| `join("-", ["a", "b"])` | `"a-b"` | inverse: `split(",", "a,b")` |
| `element(["a","b","c"], 3)` | `"a"` | wraps around! |
| `lookup({a = "x"}, "b", "def")` | `"def"` | third arg = default |
| `merge({a=1}, {a=2, b=3})` | `{a=2, b=3}` | later args win |
| `flatten([["a"], ["b","c"]])` | `["a","b","c"]` | |
| `coalesce("", "b")` | `"b"` | first non-null, non-empty |
| `cidrsubnet("10.0.0.0/16", 8, 2)` | `"10.0.2.0/24"` | adds 8 bits |
"""

DOMAINS = """## Domains

| Domain | Name | Weight |
|---|---|---|
| 1 | Security and Risk Management | 16% |
| 2 | Asset Security | 10% |
| 3 | Security Architecture | 13% |
| 4 | Network Security | 13% |
"""


def test_a_row_named_by_a_value_is_asked_only_the_way_back() -> None:
    """Keyed by Result right of its Call, "What is the call of “a”?" and true/false sentences
    of a result said nothing; "Which result has the call …?" asks the row as written."""
    from questions.generate import generate_document

    asked = [q.prompt for _, q in generate_document("f.md", CALLS).chosen]
    assert asked
    assert not [p for p in asked if p.startswith(("What is the call", "True or false"))], asked
    # a column of row numbers left of the names leaves the names the rows' key
    weights = [q.prompt for _, q in generate_document("d.md", DOMAINS).chosen]
    assert any(p.startswith("What is the weight of") for p in weights), weights
    from questions.tables import analyse

    def keyed(text: str) -> tuple[str, bool]:
        block = next(b for b in parse_document(text, "t.md").blocks if b.kind == "table")
        assert block.table is not None
        table = analyse(block.table)
        assert table is not None
        return table.key_header, table.key_first

    assert keyed(CALLS) == ("Result", False)
    assert keyed(DOMAINS) == ("Name", True)
    assert keyed(POLICIES) == ("Policy", True)
