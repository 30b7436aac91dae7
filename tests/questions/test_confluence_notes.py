"""Notes exported from Confluence as wiki markup and handed in as they are: "h2. " headings,
"||header||" and "|cell|" tables, *bold*, _italics_ and {{code}}, "*", "#" and "*#" lists,
"{code}" and "{noformat}" blocks, boxes such as "{tip}" and "{info}", links, user mentions and
page furniture ("{toc}", "{status}", "{anchor}"). Read as Markdown the page was one section of
paragraphs full of raw markup; read as Confluence it has its sections, lists, tables and code."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.confluence import confluence_as_markdown, is_confluence
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document

NOTES = """{toc:maxLevel=2}

h1. AZ-700 notes — networking

{info:title=How to use this page}
Team notes for the *AZ-700* exam. Ask [~dmorgan] before moving sections.
{info}

h2. Virtual networks

* A VNet is scoped to *one region* and one subscription.
* Azure reserves *5 addresses* in every subnet:
** {{x.x.x.0}} network address
** {{x.x.x.1}} default gateway
** {{x.x.x.255}} broadcast
* so a /29 gives 8 - 5 = *3 usable* addresses.
* -Basic SKU public IPs- are retired; use _Standard_ SKU.

h3. NSG rules

||Property||Range||Note||
|Priority|100-4096|lower number wins|
|Default rules|65000-65500|cannot be deleted|
|Service tags|[list|https://learn.microsoft.com/azure/virtual-network/service-tags-overview]|{status:colour=Green|title=PREFERRED}|

Effective rules are shown in +Network Watcher+.

h3. Peering
# Create the peering on *both* VNets.
# Turn on {{Allow gateway transit}} on the hub.
#* Tick {{Use remote gateways}} on the spoke.
Peering is ??not transitive??. See [the peering docs|https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview].

{tip:title=Exam tip}
Hub-and-spoke without transitivity -> put an NVA or *Azure Firewall* in the hub.
{tip}

h2. {anchor:lb}Load balancing
||Service||Layer||Scope||
|Azure Load Balancer|4|regional|
|Application Gateway|7|regional|
|Front Door|7|global|
|Traffic Manager|DNS|global|

{code:language=powershell}
New-AzLoadBalancer -Name lb1 -Sku Standard
# h2. not a heading, *not bold*, {{not mono}}
{code}

{noformat}
||not|a table||
{noformat}

{note:title=Health probes}
* Probe interval default *5 seconds*.
* Unhealthy after *2* failed probes.
{note}

{warning}
Basic Load Balancer has *no SLA*.
{warning}
"""
LINES = NOTES.split("\n")


def _doc() -> Document:
    return parse_document(NOTES, "az700.md")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def _line(text: str) -> int:
    """The line number (from 1) a line of the notes is on."""
    return LINES.index(text) + 1


def test_headings_are_sections_with_their_keys() -> None:
    doc = _doc()
    assert doc.title == "AZ-700 notes — networking"
    keys = [s.key for s in doc.sections]
    for key in ("Virtual networks", "Virtual networks › NSG rules", "Load balancing"):
        assert key in keys, keys
    assert not any("h2." in k or "h3." in k or "{" in k for k in keys), keys
    assert _block(doc, "Create the peering").section.key == "Virtual networks › Peering"


def test_header_rows_and_rows_are_tables_with_their_lines() -> None:
    doc = _doc()
    tables = [b.table for b in doc.content if b.table is not None]
    assert len(tables) == 2, tables  # the "||" line in {noformat} is code
    nsg, balancers = tables
    assert nsg.header == ("Property", "Range", "Note")
    assert nsg.rows[0] == ("Priority", "100-4096", "lower number wins")
    assert nsg.rows[2] == ("Service tags", "list", "PREFERRED")  # a link, a status lozenge
    assert balancers.header == ("Service", "Layer", "Scope")
    assert [r[0] for r in balancers.rows] == [
        "Azure Load Balancer",
        "Application Gateway",
        "Front Door",
        "Traffic Manager",
    ]
    # the delimiter row takes the blank line (or the heading's) above: no row moves
    assert nsg.lines == tuple(_line(r) for r in LINES if r.startswith(("|Pri", "|Def", "|Ser")))
    assert balancers.lines[0] == _line("|Azure Load Balancer|4|regional|")


def test_a_question_is_keyed_from_a_table_row() -> None:
    chosen = [q for _, q in generate_document("az700.md", NOTES).chosen]
    rows = {_line(r): r.split("|")[1] for r in LINES if r.startswith("|") and "||" not in r}
    from_rows = [q for q in chosen if q.source.line in rows]
    assert from_rows, [q.prompt for q in chosen]
    for q in from_rows:
        assert q.choices[q.answer] == rows[q.source.line] or rows[q.source.line] in q.explanation


def test_no_raw_mark_reaches_a_question_or_a_block() -> None:
    doc = _doc()
    raw = ("{{", "}}", "||", "h2.", "h3.", "{code", "{tip", "{info", "{status", "[~", "??", "*")
    texts = [b.text for b in doc.blocks if b.kind != "code"]
    texts += [c for b in doc.blocks if b.table for c in b.table.header]
    texts += [c for b in doc.blocks if b.table for r in b.table.rows for c in r]
    chosen = [q for _, q in generate_document("az700.md", NOTES).chosen]
    assert chosen
    for q in chosen:
        texts += [q.prompt, q.explanation, *q.choices]
    leaked = [t for t in texts if any(mark in t for mark in raw)]
    assert not leaked, leaked
    assert "5 addresses" in _block(doc, "Azure reserves").inline.strong
    assert "x.x.x.0" in _block(doc, "x.x.x.0").inline.code
    assert "Allow gateway transit" in _block(doc, "Turn on").inline.code


def test_code_and_noformat_stay_code_as_written() -> None:
    doc = _doc()
    powershell, plain = (b for b in doc.blocks if b.kind == "code")
    assert powershell.lang == "powershell"
    assert powershell.code == (
        "New-AzLoadBalancer -Name lb1 -Sku Standard\n"
        "# h2. not a heading, *not bold*, {{not mono}}\n"
    )
    assert (plain.lang, plain.code) == ("", "||not|a table||\n")
    assert not any("not a heading" in s.key for s in doc.sections)


def test_boxes_keep_their_bodies_and_their_macro_lines_are_skipped() -> None:
    doc = _doc()
    macros = [(n.line, n.text) for n in doc.noise if n.reason == "confluence macro"]
    assert macros == [
        (1, "{toc:maxLevel=2}"),
        (_line("{info:title=How to use this page}"), "{info:title=How to use this page}"),
        (_line("{info}"), "{info}"),
        (_line("{tip:title=Exam tip}"), "{tip:title=Exam tip}"),
        (_line("{tip}"), "{tip}"),
        (_line("{note}"), "{note}"),
        (_line("{warning}"), "{warning}"),
        (_line("{warning}") + 2, "{warning}"),
    ]
    tip = _block(doc, "Hub-and-spoke")
    assert tip.noise is None and tip.text.endswith("put an NVA or Azure Firewall in the hub.")
    assert _block(doc, "Basic Load Balancer has no SLA.").noise is None
    # a box's title over the list it opens with leads into that list
    probes = _block(doc, "Health probes:")
    assert probes.line == _line("{note:title=Health probes}") and probes.leads_in
    interval = _block(doc, "Probe interval default 5 seconds.")
    assert interval.lead is not None and interval.lead.text == "Health probes:"


def test_lists_nest_by_their_marks() -> None:
    doc = _doc()
    gateway = _block(doc, "x.x.x.1 default gateway")
    assert gateway.kind == "item" and gateway.depth == 2
    assert gateway.parent is not None and gateway.parent.text.startswith("Azure reserves")
    first = _block(doc, "Create the peering")
    assert first.ordered and first.depth == 1
    tick = _block(doc, "Tick Use remote gateways")
    assert not tick.ordered and tick.depth == 2 and tick.parent is not None
    assert tick.parent.text == "Turn on Allow gateway transit on the hub."
    # the paragraph right under the list is no part of its last item
    after = _block(doc, "Peering is not transitive.")
    assert after.text == "Peering is not transitive. See the peering docs."
    assert after.line == _line(next(r for r in LINES if r.startswith("Peering is")))


def test_links_mentions_and_inline_marks_read_as_their_words() -> None:
    doc = _doc()
    intro = _block(doc, "Team notes")
    assert intro.text == "Team notes for the AZ-700 exam. Ask dmorgan before moving sections."
    assert _block(doc, "so a /29").text == "so a /29 gives 8 - 5 = 3 usable addresses."
    assert _block(doc, "Effective rules").text == "Effective rules are shown in Network Watcher."
    retired = next(
        b for b in doc.blocks if b.line == _line(LINES[LINES.index("h3. NSG rules") - 2])
    )
    assert "-" not in retired.text and "_" not in retired.text
    assert retired.text.endswith("use Standard SKU.")


def test_only_notes_confluence_marks_as_its_own_are_read_so() -> None:
    page = ["h2. Quotas", "", "||Resource||Limit||", "|VNets per subscription|1000|"]
    doc = parse_document("\n".join(page), "q.md")
    assert [s.key for s in doc.sections if s.level] == ["Quotas"]
    table = next(b.table for b in doc.blocks if b.table is not None)
    assert table.rows == (("VNets per subscription", "1000"),)
    markdown = ["# Notes", "## Ports", "* a *list* item", "- **bold** and {{x}}", "| a | b |"]
    one_heading = ["h2. Quotas", "Some *bold* text."]
    fenced = ["# Confluence syntax", "```", "h1. Title", "h2. Section", "||a||b||", "```"]
    wiki = ["== Crypto ==", "=== Hashes ===", "* '''MD5''' 128-bit", "{{Note|text}}"]
    asciidoc = ["= Book", "== Chapter one", "|===", "| a | b", "|==="]
    for lines in (markdown, one_heading, fenced, wiki, asciidoc):
        assert not is_confluence(lines), lines
        assert confluence_as_markdown(lines) == (lines, [])


def test_hostile_lines_finish() -> None:
    hostile = [
        "*" * 20000,
        "{{" * 10000,
        "|" * 20000,
        "h1. " + "x" * 20000,
        "_a" * 10000,
        "*a " * 7000,
        "[~" * 10000,
        "x " + "{code:x}" * 2500,
        "|" + "[a|" * 7000,
        "-a " * 7000,
    ]
    for line in hostile:
        doc = parse_document("\n".join(["h1. Start", "", "h2. Next", "", line]), "h.md")
        assert "Next" in [s.heading for s in doc.sections]
