"""Notes of very many headings parse in time that grows with them (session 39's hostile run:
20,000 one-character "=" lines make 10,000 setext headings, and finding whether each was a
leaf, and the heading each sat under, read the list of sections again: 2.4 s, 10 s at 40,000)."""

from __future__ import annotations

import time

from questions.parse.markdown import parse_document


def test_forty_thousand_underline_lines_parse_in_bounded_time() -> None:
    start = time.process_time()
    doc = parse_document("## A\n\n" + "=\n" * 40_000, "x.md")
    assert time.process_time() - start < 4
    assert len(doc.sections) > 10_000


def test_a_statement_heading_still_sits_under_its_parent() -> None:
    notes = (
        "# T\n\n## Users\n\n### user pool is the user directory of Cognito\n\n## Other\n\nx y z\n"
    )
    doc = parse_document(notes, "x.md")
    said = next(b for b in doc.blocks if b.text.startswith("user pool is"))
    assert said.from_heading and said.section.heading == "Users"
