"""A reverse proxy's headers are a kind of their own (`vocabulary.TERMS`): a blanked
`X-Forwarded-Proto` is asked among the other proxy headers even where the notes name only
one or two, and a stem that writes the answer's initials ("skip_xff_append") loses them
(issue #13, review 16). Notes: tests/questions/notes/edge-proxy-headers.md."""

from __future__ import annotations

from pathlib import Path

from questions.cues import clue
from questions.generate import generate_from_texts
from questions.vocabulary import TERMS, like_terms

NOTES = Path(__file__).parent / "notes" / "edge-proxy-headers.md"
PROXY = set(TERMS["HTTP proxy header"])


def test_proxy_headers_are_offered_beside_proxy_headers() -> None:
    assert set(like_terms("X-Real-IP")) == PROXY - {"X-Real-IP"}
    bank, _ = generate_from_texts([("n.md", NOTES.read_text(encoding="utf-8"))], "b")
    asked = {q.choices[q.answer]: q for q in bank.questions if q.choices[q.answer] in PROXY}
    assert set(asked) == {"X-Forwarded-Proto", "X-Forwarded-For"}, [
        q.prompt for q in bank.questions
    ]
    for q in asked.values():
        assert set(q.choices) <= PROXY, q.choices
    assert "xff" not in asked["X-Forwarded-For"].prompt.lower()


def test_a_stem_writing_the_answers_initials_gives_it_away() -> None:
    wrong = ["X-Forwarded-Proto", "X-Real-IP", "X-Forwarded-Host"]
    assert clue("appends to ___ unless skip_xff_append is set", "X-Forwarded-For", wrong) == "xff"
    assert clue("原 XFF + $remote_addr", "X-Forwarded-For", wrong) == "XFF"
    assert clue("appends the peer to ___", "X-Forwarded-For", wrong) is None
    # initials every option shares tell none apart
    assert clue("skip_xff_append is set", "X-Forwarded-For", ["X-Frame-Fence", "X-Real-IP"]) is None
