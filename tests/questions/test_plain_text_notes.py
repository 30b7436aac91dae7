"""Notes typed in a plain-text editor and saved as Markdown: few marks, lines opened by "=>"
or ":" under a lead-in, titles underlined with "=====" or "-----"."""

from __future__ import annotations

from questions.generate import generate_document


def test_lines_opened_by_an_arrow_or_a_colon_are_read_without_a_crash() -> None:
    # "=> precedence: …" splits to nothing before its first colon: no key, no crash
    notes = (
        "VARIABLES\n=========\n\n"
        "Intro line\n\n"
        "=> precedence: env < tfvars < auto.tfvars < -var\n"
        "=> lock file: providers only, commit it\n"
        ": a bare colon line\n"
    )
    result = generate_document("plain.md", notes)
    assert result.doc.sections
