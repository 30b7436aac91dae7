"""Notes kept in TiddlyWiki and handed in as its wikitext: ".tid" tiddlers joined in one file,
each opening with header lines ("title: …", "tags: [[A B]] c", "created: 20240302101500123",
"type: text/vnd.tiddlywiki", the writer's own fields) and a blank line, then "!" headings,
"*" and "#" lists ("##" nested), "; term" over ": definition", ''bold'', //italics//,
__underline__, @@highlights@@, {{{code}}} and "{{{" … "}}}" blocks, "|!Header|" tables with
"|…|c" captions and "|…|k" class rows, [[links]], "<<<" quotes, ~CamelCase escapes, and the
wiki's machinery (<<macros>>, <$widgets>, {{transclusions}}, {{{ [filters] }}}, comments).
Read as Markdown the header lines were facts, the "!" headings and '' marks stayed raw and
every "#" item was a heading; read as TiddlyWiki each tiddler is a section of its own."""

from __future__ import annotations

import time
from pathlib import Path

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document
from questions.parse.tiddlywiki import is_tiddlywiki, tiddlywiki_as_markdown
from tests.questions.test_asciidoc_notes import ADOC
from tests.questions.test_confluence_notes import NOTES as CONFLUENCE
from tests.questions.test_dokuwiki_notes import DOKU
from tests.questions.test_mediawiki_notes import WIKI
from tests.questions.test_trac_notes import TRAC

TIDDLERS = """created: 20240302101500123
modified: 20240305183000456
tags: Networking [[Exam prep]]
title: DNS records
type: text/vnd.tiddlywiki
difficulty: medium

! Record types
|Common DNS records|c
|!Type|!Holds|!Example|
|A|an IPv4 address|`93.184.216.34`|
|AAAA|an IPv6 address|`2606:2800::1`|
|MX|a mail server and its ''preference''|`10 mail.example.com`|
|CNAME|an alias for [[another name|Canonical names]]|`www` → `example.com`|
|SRV|a service's host and ''port''|`_sip._tcp 5060`|
|CAA|the CAs allowed to issue certificates|`0 issue "letsencrypt.org"`|
|records|k

!! Resolution
# the stub resolver asks the ''recursive resolver''
# the recursive resolver asks a root server
## the root server refers it to the ''TLD'' server
## the TLD server refers it to the authoritative server
# the answer is cached for its @@TTL@@ seconds

; {{{dig +trace example.com}}}
: follows the delegation from the root servers down
; {{{dig -x 8.8.8.8}}}
: looks up the PTR record of an address

<<list-links filter:"[tag[DNS]]">>
<$list filter="[tag[DNS]]"><$link/></$list>
{{DNS cheat sheet}}

created: 20240303090000000
modified: 20240303091500000
tags: Networking
title: TCP handshake
type: text/vnd.tiddlywiki

! Three-way handshake
* the client sends ''SYN''
* the server answers ''SYN-ACK''
** both sides pick an initial sequence number
* the client sends ''ACK''
The default ~MaxSegmentSize on Ethernet is ''1460'' bytes.
<!-- check the MSS with jumbo frames -->

{{{
tcpdump -i eth0 'tcp[tcpflags] & tcp-syn != 0'
! not a heading
}}}

<<<
A closed port answers a SYN with an RST segment.
<<< my networking course

Well-known ports: //SSH// on __22__, HTTPS on 443. See [[DNS records]] and [[the RFC|https://www.rfc-editor.org/rfc/rfc9293]].
{{{ [tag[Networking]] }}}
"""
LINES = TIDDLERS.split("\n")

MARKDOWN = """# Networking

## DNS
* **A** holds an IPv4 address
* `dig +trace example.com` follows the delegation

| Type | Holds |
|---|---|
| MX | a mail server |

![topology](img/net.png)
"""

RAW_MARKS = ("''", "@@", "{{", "}}", "[[", "<<", "<$", "|!", "title:", "created:", "~Max")


def _doc() -> Document:
    return parse_document(TIDDLERS, "network.md")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_each_tiddler_is_a_section_under_its_title() -> None:
    doc = _doc()
    keys = [s.key for s in doc.sections]
    for key in (
        "DNS records",
        "DNS records › Record types",
        "DNS records › Record types › Resolution",
        "TCP handshake",
        "TCP handshake › Three-way handshake",
    ):
        assert key in keys, keys
    assert not any("!" in k or ":" in k for k in keys), keys
    assert _block(doc, "the client sends ACK").section.key == "TCP handshake › Three-way handshake"


def test_header_lines_and_the_wikis_machinery_are_noise() -> None:
    doc = _doc()
    noise = {(n.reason, n.text) for n in doc.noise}
    for line in (
        "created: 20240302101500123",
        "tags: Networking [[Exam prep]]",
        "difficulty: medium",
        "type: text/vnd.tiddlywiki",
        '<<list-links filter:"[tag[DNS]]">>',
        "{{DNS cheat sheet}}",
        "{{{ [tag[Networking]] }}}",
        "|records|k",
    ):
        assert ("tiddlywiki metadata", line) in noise, (line, noise)
    assert ("tiddlywiki comment", "<!-- check the MSS with jumbo frames -->") in noise
    assert ("quote source", "<<< my networking course") in noise
    texts = [b.text for b in doc.blocks]
    assert not any("2024030" in t or "medium" in t or "cheat sheet" in t for t in texts), texts


def test_a_table_keeps_its_header_caption_and_rows_on_their_lines() -> None:
    doc = _doc()
    (table,) = (b.table for b in doc.blocks if b.table is not None)
    assert table.header == ("Type", "Holds", "Example")
    assert table.rows[2] == ("MX", "a mail server and its preference", "10 mail.example.com")
    assert table.rows[3][1] == "an alias for another name"
    assert table.rows[4] == ("SRV", "a service's host and port", "_sip._tcp 5060")
    rows = [n for n, line in enumerate(LINES, 1) if line.startswith("|") and "!" not in line]
    assert list(table.lines) == rows[1:7]  # between the caption row and the class row
    # its caption a label over it, the heading above moving up a line to make room for it
    table_block = next(b for b in doc.blocks if b.table is not None)
    assert table_block.section.key == "DNS records › Record types › Common DNS records"


def test_lists_nest_and_definitions_are_items_on_their_lines() -> None:
    doc = _doc()
    tld = _block(doc, "the root server refers it to the TLD server")
    assert tld.kind == "item" and tld.ordered and tld.depth == 2
    assert tld.parent is not None and tld.parent.text == "the recursive resolver asks a root server"
    pick = _block(doc, "both sides pick")
    assert pick.depth == 2 and not pick.ordered
    assert pick.parent is not None and pick.parent.text == "the server answers SYN-ACK"
    trace = _block(doc, "dig +trace example.com")
    assert trace.kind == "item"
    assert trace.text == "dig +trace example.com: follows the delegation from the root servers down"
    assert trace.line == LINES.index(": follows the delegation from the root servers down") + 1
    # a paragraph right under a list is no part of the list's last item
    assert _block(doc, "the client sends ACK").text == "the client sends ACK"
    mss = _block(doc, "The default MaxSegmentSize")
    assert mss.line == LINES.index("The default ~MaxSegmentSize on Ethernet is ''1460'' bytes.") + 1


def test_inline_marks_become_markdown_marks() -> None:
    doc = _doc()
    assert "1460" in _block(doc, "The default MaxSegmentSize").inline.strong
    assert "TTL" in _block(doc, "the answer is cached").inline.strong
    assert "recursive resolver" in _block(doc, "the stub resolver").inline.strong
    ports = _block(doc, "Well-known ports")
    assert ports.text == "Well-known ports: SSH on 22, HTTPS on 443. See DNS records and the RFC."
    assert "dig -x 8.8.8.8" in _block(doc, "dig -x").inline.code
    texts = [b.text for b in doc.blocks]
    assert not any(mark in t for t in texts for mark in RAW_MARKS), texts


def test_code_blocks_are_code_and_quotes_are_said() -> None:
    doc = _doc()
    (code,) = (b for b in doc.blocks if b.kind == "code")
    assert code.code.startswith("tcpdump -i eth0") and "! not a heading" in code.code
    assert not any("not a heading" in s.key for s in doc.sections)
    assert "A closed port answers a SYN with an RST segment." in [b.text for b in doc.blocks]


def test_no_markup_reaches_a_prompt_or_a_choice_and_keys_are_right() -> None:
    result = generate_document("network.md", TIDDLERS)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 5, [q.prompt for q in asked]
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert not any(mark in text for mark in RAW_MARKS), (q.prompt, q.choices)
            assert "20240302101500123" not in text and "DNS cheat" not in text
    rows = {n: line.replace("`", "") for n, line in enumerate(LINES, 1) if line.startswith("|")}
    keyed = [q for q in asked if q.source is not None and q.source.line in rows]
    assert keyed, [(q.prompt, q.choices) for q in asked]
    for q in keyed:  # the answer is a cell of the row the question points at
        assert q.source is not None
        assert q.answer_text in rows[q.source.line], (q.prompt, q.answer_text, q.source.line)


def test_each_line_keeps_its_line() -> None:
    out, skipped = tiddlywiki_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert out[LINES.index("title: DNS records")] == "# DNS records"
    assert out[LINES.index("!! Resolution")] == "### Resolution"
    assert out[LINES.index("## the TLD server refers it to the authoritative server")] == (
        "   1. the TLD server refers it to the authoritative server"
    )
    assert out[LINES.index("{{{")] == "```" and out[LINES.index("}}}")] == "```"
    assert out[LINES.index("|A|an IPv4 address|`93.184.216.34`|")] == (
        "| A | an IPv4 address | `93.184.216.34` |"
    )
    tld = "## the TLD server refers it to the authoritative server"
    item = _block(_doc(), "the TLD server refers")
    assert item.kind == "item" and item.line == LINES.index(tld) + 1
    assert [n for n, _, _ in skipped] == sorted(n for n, _, _ in skipped)
    assert all(out[n - 1] == "" and LINES[n - 1].strip() == text for n, _, text in skipped)


def test_wikitext_without_headers_is_read_when_it_marks_itself() -> None:
    page = [
        "! Git",
        "''git stash'' shelves the changes of the working tree.",
        "",
        "!! Branches",
        "|!Command|!Does|",
        "|{{{git switch -c}}}|creates a branch and switches to it|",
        "* ~GitHub calls a merge request a //pull request//",
    ]
    assert is_tiddlywiki(page)
    doc = parse_document("\n".join(page), "git.md")
    assert doc.title == "Git" and [s.key for s in doc.sections if s.level == 2] == ["Branches"]
    (table,) = (b.table for b in doc.blocks if b.table is not None)
    assert table.header == ("Command", "Does") and table.rows[0][0] == "git switch -c"
    assert _block(doc, "GitHub calls").text == "GitHub calls a merge request a pull request"


def test_system_and_script_tiddlers_say_nothing() -> None:
    page = [
        "created: 20240301120000000",
        "title: $:/config/Navigation/openLinkFromInsideRiver",
        "",
        "below",
        "",
        "created: 20240301120000000",
        "title: helpers.js",
        "type: application/javascript",
        "",
        "exports.answer = 42;",
        "",
        "created: 20240301120000000",
        "title: Cron",
        "",
        "Cron's ''@reboot'' entry runs once at startup.",
    ]
    doc = parse_document("\n".join(page), "wiki.md")
    assert [b.text for b in doc.blocks] == ["Cron's @reboot entry runs once at startup."]
    assert doc.title == "Cron"


def test_notes_of_other_formats_are_left_alone() -> None:
    front_matter = ["---", "title: DNS", "tags: [net]", "---", "", "# DNS", "An A record."]
    keys = ["title: DNS", "created: yesterday", "", "Notes on DNS."]  # no TiddlyWiki stamp
    for text in (WIKI, DOKU, TRAC, CONFLUENCE, ADOC, MARKDOWN):
        lines = text.split("\n")
        assert not is_tiddlywiki(lines), text[:40]
        assert tiddlywiki_as_markdown(lines) == (lines, [])
    for lines in (front_matter, keys):
        assert not is_tiddlywiki(lines)
    for path in sorted((Path(__file__).parent / "notes").glob("*.md")):
        assert not is_tiddlywiki(path.read_text(encoding="utf-8").split("\n")), path.name
    assert "TCP handshake" in [s.key for s in _doc().sections]  # and these notes are its own
    md = parse_document(MARKDOWN, "net.md")
    assert [s.key for s in md.sections if s.level == 2] == ["DNS"]
    assert any(b.table is not None for b in md.blocks)


def test_hostile_lines_are_read_in_bounded_time() -> None:
    hostile = ["''" * 10000, "//" * 10000, "@@" * 10000, "{{{" * 7000, "<<" * 10000,
               "<<<" * 7000, "[[" * 10000, "[[a|" * 5000, "|" * 20000, "|!" * 10000,
               "!" * 20000, "#*" * 10000, ";" * 20000, "`a" * 10000, '<$a "' * 5000,
               "<!--" * 5000, "{{" * 10000, "~A" * 10000, "__" * 10000, "[img[" * 5000,
               "http://" * 3000, "|[[a|b]]" * 3000 + "|", "\\define " + "(" * 20000,
               "$$$" * 5000, "<div " * 5000, "title: " + "x" * 20000]  # fmt: skip
    for line in hostile:
        page = ["created: 20240301123456789", "title: Page", "", "! Part", "|!Key|!Value|"]
        page += ["|a|b|", "", line, "", "* " + line, "|" + line + "|", "; " + line, ": " + line]
        started = time.process_time()
        out, _ = tiddlywiki_as_markdown(page)
        assert time.process_time() - started < 0.5, line[:10]
        assert len(out) == len(page)
        doc = parse_document("\n".join(page), "hostile.md")
        assert time.process_time() - started < 5, line[:10]
        table = next(b.table for b in doc.blocks if b.table is not None)
        assert table.header == ("Key", "Value"), line[:10]
    deep = ["created: 20240301123456789", "title: Page", ""] + ["*" * 60 + " x"] * 20000
    started = time.process_time()
    out, _ = tiddlywiki_as_markdown(deep)
    assert time.process_time() - started < 2 and max(map(len, out)) < 40
