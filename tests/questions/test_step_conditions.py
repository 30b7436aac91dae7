"""A numbered step that opens with a bare condition ("没变 -> 304", "no match -> 401") is asked
with the step that states what the condition is about: alone, "no match -> ___" tests nothing."""

from __future__ import annotations

from questions.generate import generate_document

LOGIN = """# Web service

## Login flow

1. the client sends the user name and a one-time code with the login request
2. match -> the server answers with status code 200 and sets a session cookie
3. no match -> the server answers with status code 401 and counts the failed try against the lockout limit

## Sessions

- a session cookie expires after 30 minutes without a request
- logging out deletes the session on the server as well
"""


def test_a_bare_condition_step_is_asked_with_the_step_it_answers() -> None:
    r = generate_document("t.md", LOGIN)
    steps = [q.prompt for c, q in r.chosen if c.fact.line in (6, 7) and "___" in q.prompt]
    assert steps, [q.prompt for _, q in r.chosen]
    assert all("one-time code" in p for p in steps), steps
