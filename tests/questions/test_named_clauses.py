"""Unseen notes review (issue #13), OAuth notes: "3. `iss` exact, `aud` has client_id, `exp` >
now (small skew), `nonce` matches" was asked "Which of these has client_id, exp > now (small
skew)?" → aud: the description of `aud` ran on into the clause `exp` opens."""

from __future__ import annotations

from questions.facts.definitions import multi_definitions
from questions.parse import parse_document

NOTES = """# Webhook checks

## Verify

1. `host` exact, `signature` matches the HMAC of the raw body, `timestamp` < 5 min old, `event_id` matches no earlier one
"""


def test_a_description_ends_where_another_name_opens_a_clause() -> None:
    block = next(b for b in parse_document(NOTES, "t.md").content if b.kind == "item")
    found = {d.term: d.description for d in multi_definitions(block)}
    assert found.get("signature") == "matches the HMAC of the raw body", found
