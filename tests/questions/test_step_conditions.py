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


REVALIDATE = """# HTTP caching

## Revalidation

1. the client sends the validator of its cached copy in an If-None-Match header
2. unchanged -> the server answers with status code 304 and an empty body
3. changed -> the server answers with status code 200 and the whole new body

## Freshness

- a response stays fresh for the number of seconds its max-age directive gives
- a shared cache such as a CDN may keep a response only when it is not marked private
"""


def test_a_step_quoted_as_context_does_not_show_another_questions_answer() -> None:
    """The 304 stem quotes step 1, so it names If-None-Match: a question keyed If-None-Match
    beside it would be answered by the bank itself."""
    r = generate_document("t.md", REVALIDATE)
    keyed = [q for _, q in r.chosen if q.choices[q.answer] == "If-None-Match"]
    naming = [q for _, q in r.chosen if "If-None-Match" in q.prompt]
    assert naming, [q.prompt for _, q in r.chosen]
    assert not keyed, [q.prompt for q in keyed]
