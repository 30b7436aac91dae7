"""A nested item whose subject points back at its parent ("Messages over the cap …") is asked
with the parent's term in front (review 5: "Requests over the limit are rejected with ___"
lost limit_req_zone, so "the limit" meant nothing)."""

from __future__ import annotations

from questions.generate import generate_document

QUEUE = """# Message queue

## Consumers

- `max_inflight` caps how many messages one consumer holds at once.
  - Messages over the cap wait on the broker for 30 seconds before they are offered again.
- `visibility_window` hides a message from other consumers while one works on it.
"""


def test_a_nested_clause_that_says_the_cap_keeps_its_parents_term() -> None:
    result = generate_document("t.md", QUEUE)
    asked = [c.prompt for c in result.candidates if c.answer_text == "30 seconds"]
    assert asked, [c.prompt for c in result.candidates]
    assert all("max_inflight" in p for p in asked), asked
