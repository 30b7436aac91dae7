"""A status code asked by its description is offered beside codes of its own class when the
notes' table holds two or more: a description says its class ("成功", "server error"), and a
code of another class beside it is ruled out by that word alone (a review: "成功 rules out the
redirects")."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.generate import generate_document

API = """# API error handling

## Status codes

| Code | Meaning |
|---|---|
| 200 | the request worked and the body holds the result |
| 201 | a new resource was made; its address is in the Location header |
| 301 | the resource moved for good, clients should update their links |
| 302 | the resource is somewhere else for now, keep the old link |
| 400 | the request body failed validation |
| 404 | nothing lives at this path |
| 429 | the client sent too many requests, wait for Retry-After seconds |
| 500 | the server hit a bug it did not expect |
| 502 | the gateway got an invalid answer from the upstream service |
| 503 | the service is overloaded or down for maintenance |
| 504 | the gateway gave up waiting for the upstream service |
"""


def _by_key() -> dict[str, BankQuestion]:
    chosen = [q for _, q in generate_document("t.md", API).chosen]
    return {q.choices[q.answer]: q for q in chosen if "“" in q.prompt}


def test_a_code_is_offered_beside_codes_of_its_class() -> None:
    """Four 5xx codes: each is asked among the other three. Three 4xx codes: at most one
    option of another class, which keeps 429 from standing far above 400 and 404 alone, and
    two questions from offering the same three options."""
    asked = _by_key()
    for key in ("500", "502", "503", "504"):
        assert sorted(asked[key].choices) == ["500", "502", "503", "504"], asked[key].choices
    for key in ("400", "404", "429"):
        q = asked[key]
        assert sum(c[0] != "4" for c in q.choices) <= 1, (key, q.choices)


def test_a_code_with_one_like_code_still_meets_others() -> None:
    """Two 3xx codes: a third option comes from the nearest codes of other classes, so the
    question is not a coin toss between the two redirects."""
    asked = _by_key()
    for key, other in (("301", "302"), ("302", "301")):
        q = asked[key]
        assert other in q.choices and len(q.choices) >= 3, q.choices
