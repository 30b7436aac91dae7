"""A line headed by a restriction ("Built-in only – no user-defined functions", "IPv4 alone –
…") says something of its section's subject; the head names no thing, so it is never asked
as a term ("Which description fits Built-in only?", a review) nor offered beside terms."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.parse.markdown import parse_document

NOTES = """# Language notes

## Functions

Built-in only – no user-defined functions in the language.

- **format** – builds a string from a template
- **join** – glues a list into one string
- **split** – cuts a string into a list

## Addresses

IPv4 alone – the cluster has no IPv6 support yet.

**Dual stack** – pods get an IPv4 and an IPv6 address.
"""


def test_a_restriction_is_no_term() -> None:
    terms = {f.subject for f in extract(parse_document(NOTES, "t.md")) if f.kind == "definition"}
    assert {"format", "join", "split"} <= terms
    assert "Built-in only" not in terms and "IPv4 alone" not in terms
