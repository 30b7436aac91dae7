"""A digit written as a plural after a word that counts digits ("drop leading 0s", "trailing
0s", "binary 1s") is zeros or ones, not seconds: "drop leading ___" offered 0s, 2s, 5s and 10s
(a review). A duration is still a duration ("a timeout of 5s", "wait 1s")."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.parse.markdown import parse_document

NOTES = """# IPv6 notes

## Writing addresses

- shortening: drop leading 0s per hextet, `::` replaces one run of all-zero hextets
- a /64 prefix leaves 64 bits for the interface ID
- neighbor cache entries go stale after 30s, a probe waits 1s for an answer
"""


def test_zeros_are_no_duration() -> None:
    spans = [f.span for f in extract(parse_document(NOTES, "t.md")) if f.kind == "number"]
    assert "0s" not in spans
    assert "30s" in spans and "1s" in spans
