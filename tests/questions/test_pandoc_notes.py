"""Notes written in Pandoc's Markdown and handed in as they are: headings with attributes
("## Stars {#sec-stars}"), bracketed spans, citations, numbered examples "(@label)", line
blocks, fenced divs, table captions, inline footnotes and raw LaTeX lines. Read as CommonMark
all of it was text: "{#sec-stars}" in every stem of its section, a caption asked as a fact."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.model import Document
from questions.parse.pandoc import is_pandoc, pandoc_as_markdown

NOTES = """---
title: "Observational astronomy — revision notes"
author: "K. Lindqvist"
bibliography: astro.bib
---

| Trust the spectrum before the photograph.
| Magnitudes run backwards: smaller is brighter.

Most numbers here come from the textbook [@carroll2017] and the lecture slides [see @ostlie2007, ch. 3].

# Stellar classification {#sec-class}

## Spectral types {#sec-types .unnumbered}

| Type | Colour       | Surface temperature |
|------|--------------|---------------------|
| O    | blue         | above 30,000 K      |
| B    | blue-white   | 10,000–30,000 K     |
| G    | yellow       | 5,200–6,000 K       |
| M    | red          | below 3,700 K       |

Table: Harvard spectral classes, hottest first [@carroll2017, p. 204].

The Sun is a [G2V]{.smallcaps} star^[The V marks a main-sequence dwarf.]. Its surface sits near 5,772 K.

@carroll2017 says the Hertzsprung–Russell diagram plots luminosity against temperature.

\\newpage

# Distances {#sec-distance}

Parallax worked examples:

(@vega) Vega shows a parallax of 0.130 arcseconds, so it lies 7.7 parsecs away.
(@) Sirius shows a parallax of 0.379 arcseconds, so it lies 2.64 parsecs away.

As (@vega) shows, one parsec is about 3.26 light-years.

::: warning
Parallax fails beyond about 1,000 parsecs from the ground; Gaia reaches much further.
:::

```python
# {#not-an-id} [@not-a-citation] (@not-an-example)
parsecs = 1 / 0.130
```

| Instrument | Aperture |
|------------|----------|
| Hubble     | 2.4 m    |
| JWST       | 6.5 m    |

: Space telescopes compared. {#tbl:scopes}
"""


def _doc() -> Document:
    return parse_document(NOTES, "astro.md")


def _said(doc: Document) -> list[str]:
    return [s.key for s in doc.sections] + [b.text for b in doc.blocks]


PANDOC_MARKS = ("{#", "]{.", "[@", "(@", ":::", "Table:", "^[", "\\newpage")


def test_no_pandoc_syntax_in_sections_prompts_or_choices() -> None:
    result = generate_document("astro.md", NOTES)
    assert result.chosen
    said = [s.key for s in result.doc.sections]
    for _, q in result.chosen:
        said += [q.topic, q.prompt, *q.choices]
    for text in said:
        for mark in PANDOC_MARKS:
            assert mark not in text, (mark, text)


def test_headings_without_their_attributes() -> None:
    keys = [s.key for s in _doc().sections]
    assert "Stellar classification › Spectral types" in keys
    assert "Distances" in keys


def test_examples_are_a_numbered_list_and_references_dropped() -> None:
    doc = _doc()
    items = [b for b in doc.blocks if b.kind == "item" and "parallax of" in b.text]
    assert [b.text.split(" shows")[0] for b in items] == ["Vega", "Sirius"]
    assert all(b.ordered for b in items) and len({b.group for b in items}) == 1
    said = next(b.text for b in doc.blocks if "3.26 light-years" in b.text)
    assert said.startswith("As shows, one parsec")


def test_captions_are_skipped_not_asked() -> None:
    doc = _doc()
    captions = [n.text for n in doc.noise if n.reason == "table caption"]
    assert len(captions) == 2
    assert captions[0].startswith("Table: Harvard spectral classes")
    assert captions[1].startswith(": Space telescopes compared")
    assert not [t for t in _said(doc) if "Harvard spectral" in t or "compared" in t]


def test_citations_spans_footnotes_and_line_blocks_read_as_the_pdf_shows() -> None:
    said = _said(_doc())
    assert any(t.endswith("the textbook and the lecture slides.") for t in said)
    sun = next(t for t in said if t.startswith("The Sun"))
    assert sun.startswith("The Sun is a G2V star. The V marks a main-sequence dwarf.")
    assert any(t.startswith("Carroll (2017) says the Hertzsprung–Russell") for t in said)
    motto = next(t for t in said if "Trust the spectrum" in t)
    assert not motto.startswith("|") and "| Magnitudes" not in motto
    assert any(t.startswith("Parallax fails beyond") for t in said)  # the div's body is kept


def test_divs_latex_and_code_blocks() -> None:
    doc = _doc()
    skipped = {(n.reason, n.text) for n in doc.noise}
    assert ("fenced div", "::: warning") in skipped
    assert ("raw latex", "\\newpage") in skipped
    code = next(b for b in doc.blocks if b.kind == "code")
    assert code.code.startswith("# {#not-an-id} [@not-a-citation] (@not-an-example)\n")


def test_lines_stay_on_their_lines() -> None:
    lines = NOTES.split("\n")
    out, skipped = pandoc_as_markdown(lines)
    assert len(out) == len(lines)
    assert all(lines[n - 1].strip() == text for n, _, text in skipped)
    vega = next(b for b in _doc().blocks if b.text.startswith("Vega"))
    assert lines[vega.line - 1].startswith("(@vega)")


PLAIN = """# Tides

## Spring tides {#spring}

Spring tides come at new and full moon, when Sun and Moon pull in line.

| a line that is no table
Table: the tides at Brest, as a plain paragraph.

Follow @tidewatch for the daily tables; email tides@example.org.

A literal (@) here, and so are (@x), [brackets]{curly} and {#x}.
"""


def test_attributes_dropped_in_any_file_and_the_rest_left_alone() -> None:
    lines = PLAIN.split("\n")
    assert not is_pandoc(lines)
    out, skipped = pandoc_as_markdown(lines)
    assert skipped == []
    assert out[2] == "## Spring tides"
    assert [x for n, x in enumerate(out) if n != 2] == [x for n, x in enumerate(lines) if n != 2]
    doc = parse_document(PLAIN, "tides.md")
    assert "Spring tides" in [s.key for s in doc.sections]
    said = _said(doc)
    assert any("Follow @tidewatch" in t for t in said)
    assert any(t.startswith("A literal (@) here, and so are (@x), [brackets]{curly}") for t in said)


def test_markdown_without_marks_is_unchanged() -> None:
    text = PLAIN.replace(" {#spring}", "")
    lines = text.split("\n")
    assert pandoc_as_markdown(lines) == (lines, [])
    doc = parse_document(
        text + "\n## Neaps {.unnumbered}\n\nNeap tides come at the quarters.\n", "t.md"
    )
    assert "Neaps" in [s.key for s in doc.sections]


def test_hostile_lines_run() -> None:
    hostile = [
        "{#" * 10000,
        "[@" * 10000,
        "(@" * 10000,
        ":::" * 7000,
        "]{." * 7000,
        "^[" * 10000,
        "## x " + "{#a " * 5000,
        "[x]{" + ".a " * 7000,
        "| " + "[@a] " * 4000,
        "^a" * 10000 + "~b" * 10000,
        "@" + "a." * 10000,
        " " * 20000 + "[@a]",
        "^[a. " * 5000 + "]" * 5000,
        "` " * 5000 + "^[x]",
        "[a]{#b " * 3000,
    ]
    text = NOTES + "\n" + "\n\n".join(hostile) + "\n"
    doc = parse_document(text, "astro.md")
    assert "Stellar classification › Spectral types" in [s.key for s in doc.sections]
    out, _ = pandoc_as_markdown(text.split("\n"))
    assert len(out) == len(text.split("\n"))
