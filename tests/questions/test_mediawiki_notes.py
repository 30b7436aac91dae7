"""Notes written in MediaWiki markup (a team wiki's page) and handed in as they are: "== … =="
headings, '''bold''' and ''italics'', "*" and "#" lists, ";term : text" definitions, "{|" … "|}"
tables, "<pre>" code, and the page's bookkeeping (citations, templates, categories). Read as
Markdown the page was one section of paragraphs and every "#" item a heading; read as
MediaWiki it has its sections, lists, tables and code."""

from __future__ import annotations

from questions.parse.markdown import parse_document
from questions.parse.mediawiki import is_wiki, wiki_as_markdown
from questions.parse.model import Block, Document

WIKI = """{{Note|Team notes for '''Security+ SY0-701'''. Summarize, don't paste.}}
__TOC__

== Exam facts ==
* Max '''90 questions''', '''90 minutes'''
* Passing score '''750'''<ref>CompTIA exam objectives, p. 2</ref> on a scale of 100–900{{Citation needed}}
* Valid ''3 years'', renew with <code>50 CEUs</code>

{| class="wikitable"
! Domain !! Weight
|-
| 1.0 General Security Concepts || 12%
|-
| style="background:#eee" | 4.0 Security Operations || 28%
|}

== Crypto ==
=== Hashes ===
;MD5 : 128-bit digest, collisions
;SHA-256
:256-bit digest
* Symmetric: one shared key
** AES, a block cipher
*** keys 128/192/256
Related: [[Deception technology|honeypots]], [[PKI]] and [https://www.comptia.org the objectives]. [[File:cia.png|thumb|CIA triad]]

=== Incident response ===
# Preparation
## Detection and analysis
# Recovery
* Order of volatility:
*# CPU registers, cache
*# RAM

=== Ports ===
{| class="wikitable"
|+ Secure replacements
|-
! Insecure
! Port
|-
| Telnet
| 23
|-
| LDAP
| 389
|}

== Email security ==
<pre>
== not a heading ==
_dmarc.example.com. TXT "v=DMARC1; p=quarantine"
</pre>
<syntaxhighlight lang="bash">
dig +short txt example.com
</syntaxhighlight>
<!-- TODO: add DKIM
selector examples -->

[[Category:Certifications]]
"""
LINES = WIKI.split("\n")


def _doc() -> Document:
    return parse_document("\n".join(wiki_as_markdown(LINES)[0]), "secplus.md")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_headings_are_sections_with_their_keys() -> None:
    keys = [s.key for s in _doc().sections]
    for key in ("Exam facts", "Crypto › Hashes", "Crypto › Incident response", "Email security"):
        assert key in keys, keys
    assert not any("=" in k for k in keys), keys


def test_quotes_and_code_tags_are_bold_italics_and_code() -> None:
    out, _ = wiki_as_markdown(LINES)
    doc = _doc()
    assert "90 questions" in _block(doc, "Max 90 questions").inline.strong
    valid = _block(doc, "Valid 3 years")
    assert valid.text == "Valid 3 years, renew with 50 CEUs"
    assert "50 CEUs" in valid.inline.code
    assert out[LINES.index("* Valid ''3 years'', renew with <code>50 CEUs</code>")] == (
        "- Valid *3 years*, renew with `50 CEUs`"
    )
    assert not any("''" in b.text or "<code>" in b.text for b in doc.blocks)


def test_nested_lists_keep_their_depth_and_kind() -> None:
    doc = _doc()
    aes, keys = _block(doc, "AES, a block cipher"), _block(doc, "keys 128/192/256")
    assert (aes.depth, keys.depth) == (2, 3)
    assert aes.parent is not None and aes.parent.text == "Symmetric: one shared key"
    detection = _block(doc, "Detection and analysis")
    assert detection.ordered and detection.depth == 2 and detection.kind == "item"
    ram = _block(doc, "RAM")
    assert ram.ordered and ram.parent is not None and ram.parent.text == "Order of volatility:"
    assert "Preparation" not in [s.heading for s in doc.sections]  # "#": an item, no heading


def test_definition_lines_are_term_items() -> None:
    out, _ = wiki_as_markdown(LINES)
    assert out[LINES.index(";MD5 : 128-bit digest, collisions")] == (
        "- **MD5**: 128-bit digest, collisions"
    )
    assert out[LINES.index(";SHA-256")] == "- **SHA-256**: 256-bit digest"
    assert out[LINES.index(":256-bit digest")] == ""
    doc = _doc()
    assert _block(doc, "SHA-256").text == "SHA-256: 256-bit digest"
    assert "MD5" in _block(doc, "MD5").inline.strong


def test_tables_with_cells_on_one_line_and_one_per_line_are_tables() -> None:
    tables = [b.table for b in _doc().content if b.kind == "table"]
    assert len(tables) == 2 and all(t is not None for t in tables)
    weights, ports = tables
    assert weights is not None and ports is not None
    assert weights.header == ("Domain", "Weight")
    assert weights.rows == (
        ("1.0 General Security Concepts", "12%"),
        ("4.0 Security Operations", "28%"),
    )
    assert ports.header == ("Insecure", "Port")
    assert ports.rows == (("Telnet", "23"), ("LDAP", "389"))


def test_a_table_without_a_header_row_and_a_pipe_in_a_cell() -> None:
    lines = ["== Tools ==", "== More ==", "{|", "| grep || <code>a|b</code>", "|-"]
    lines += ["| [[Secure Shell|SSH]] || 22", "|}"]
    out, _ = wiki_as_markdown(lines)
    assert out[2:] == ["", "| grep | `a\\|b` |", "| --- | --- |", "| SSH | 22 |", ""]
    table = next(b.table for b in parse_document("\n".join(out), "t.md").blocks if b.table)
    assert table.header == ("grep", "a|b") and table.rows == (("SSH", "22"),)


def test_citations_templates_links_and_categories_leave_their_words() -> None:
    doc = _doc()
    texts = [b.text for b in doc.blocks]
    assert "Team notes for Security+ SY0-701. Summarize, don't paste." in texts, texts
    assert _block(doc, "Passing score").text == "Passing score 750 on a scale of 100–900"
    assert _block(doc, "Related:").text == "Related: honeypots, PKI and the objectives."
    assert not any(
        "{{" in t or "[[" in t or "CompTIA exam" in t or "Citation" in t or "CIA triad" in t
        for t in texts
    ), texts
    _, skipped = wiki_as_markdown(LINES)
    category = LINES.index("[[Category:Certifications]]") + 1
    assert [(n, text) for n, reason, text in skipped if reason == "wiki metadata"] == [
        (2, "__TOC__"),
        (category, "[[Category:Certifications]]"),
    ]
    comments = [text for _, reason, text in skipped if reason == "wiki comment"]
    assert comments == ["<!-- TODO: add DKIM", "selector examples -->"]


def test_pre_and_syntaxhighlight_are_code_and_nothing_in_them_a_heading() -> None:
    doc = _doc()
    pre, bash = (b for b in doc.blocks if b.kind == "code")
    assert pre.code.startswith("== not a heading ==\n_dmarc.example.com.")
    assert (bash.lang, bash.code.strip()) == ("bash", "dig +short txt example.com")
    assert not any("not a heading" in s.key for s in doc.sections)
    out, _ = wiki_as_markdown(LINES)
    assert out[LINES.index("<pre>")] == "```" and out[LINES.index("</pre>")] == "```"


def test_every_line_stays_on_its_line() -> None:
    out, skipped = wiki_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert out[LINES.index("=== Hashes ===")] == "### Hashes"
    assert out[LINES.index("== Exam facts ==")] == "## Exam facts"
    assert out[LINES.index("*# RAM")] == "  1. RAM"
    table = LINES.index('{| class="wikitable"')
    assert out[table + 1 : table + 3] == ["| Domain | Weight |", "| --- | --- |"]
    assert out[table + 5 : table + 7] == ["", ""]  # the table's lines it no longer needs
    assert [n for n, _, _ in skipped] == sorted(n for n, _, _ in skipped)
    assert all(out[n - 1] == "" and LINES[n - 1].strip() == text for n, _, text in skipped)


def test_a_paragraph_right_under_a_list_stays_apart_from_its_last_item() -> None:
    lines = ["== Change ==", "== Steps ==", "# Approval", "# Backout plan"]
    lines.append("Technical implications: restarts.")  # a paragraph of its own in MediaWiki
    doc = parse_document("\n".join(wiki_as_markdown(lines)[0]), "c.md")
    assert [b.text for b in doc.blocks] == [
        "Approval",
        "Backout plan",
        "Technical implications: restarts.",
    ]


def test_notes_of_other_formats_are_left_alone() -> None:
    markdown = ["# Notes", "## Ports", "* a list item", "- **bold** and ''quotes''", "| a | b |"]
    asciidoc = ["= Book", "== Chapter one", "Some text.", "== Chapter two", "* item"]
    rst = ["Models", "======", "", "Fields", "------", "", ":SlugField: max_length 50"]
    org = ["#+TITLE: Notes", "* Heading", "** Sub heading", "- item"]
    highlights = ["# Notes", "==important==", "==also important=="]  # Obsidian's highlights
    fenced = ["# Wiki syntax", "```", "== Heading ==", "== Another ==", "```"]
    for lines in (markdown, asciidoc, rst, org, highlights, fenced):
        assert not is_wiki(lines), lines
        assert wiki_as_markdown(lines) == (lines, [])
    assert is_wiki(LINES) and wiki_as_markdown(LINES)[0] != LINES
