"""A mind map saved by FreeMind or Freeplane (an .mm file): read as the Markdown outline.

The file is XML: `<map version="1.0.1">` (or "freeplane 1.9.13") holding one root `<node
TEXT="…">`, every branch a `<node>` nested in its parent, a line break in a node's words written
"&#xa;". A node's note (and Freeplane's "details") is a `<richcontent TYPE="NOTE">` holding
XHTML (or plain text or Markdown in a `<text>`), a node written as rich text one of TYPE="NODE"
in place of TEXT, its attributes `<attribute NAME=… VALUE=…/>`; icons, fonts, edges, clouds,
arrow links and hooks are only how it is drawn, and the `<hook NAME="MapStyle">` carries the
map's styles as `<stylenode>`s, which are no one's notes. Read as Markdown it was one block of
tags, so no question was asked.

Here the map is read as the OPML reader reads an outline: the root node is the title, a branch
off the root with branches of its own a heading, every other node a list item nested as in
the map. A node's other lines of words are items under its first (the lines a node's words
were typed as: "Focus on value" / "link everything back to value"), or items beside it when
each is a definition of its own ("Standard = …" / "Normal = …"). A node's attributes are
"NAME: VALUE" items under it, its note its text under it: paragraphs, lists, a table (the
pipe table the HTML table reader writes of it), code. The XML is read by the standard
library's expat parser; a file declaring a DOCTYPE or an entity is not read at all (an entity
can expand a small file into a huge one), nor one that does not parse. HTML's named entities
("&nbsp;") are written as the characters' numbers first, as expat knows only XML's five.
Each node stays on the line its element opens on, a note's line on the line it was on; what
takes more lines than its markup did moves what follows down to the next free line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.entities import name2codepoint
from xml.parsers import expat

from questions.parse.spans import block_safe
from questions.parse.xhtml_text import (
    MAX_LISTS,
    XhtmlText,
    escaped,
    fenced,
    noise_text,
    parse_xml,
    pipe_table,
    placed,
)

#: the map's opening: an XML declaration and a comment may come first
_MAP = re.compile(
    r"^\ufeff?\s*(?:<\?xml[^<>]*\?>\s*)?(?:<!--[^<>]*-->\s*)?"
    r"<map\s+version\s*=\s*[\"'](?:[A-Za-z]+\s+)?\d[\w.-]*[\"']"
)
_HEAD_CHARS = 4096
#: what is never read: a DOCTYPE, an entity
_DECLARATION = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.I)
#: an HTML entity by its name ("&nbsp;"): bounded, no backtracking
_NAMED = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_NAMES = frozenset({"amp", "lt", "gt", "quot", "apos"})
#: FreeMind 0.8's rich text, kept in TEXT as HTML: a tag that breaks a line, any tag
_HTML_TEXT = re.compile(r"^\s*<html\b", re.I)
_BREAK_TAG = re.compile(r"<(?:br|p|div|li|tr|h[1-6])\b[^<>]*>", re.I)
_ANY_TAG = re.compile(r"<[^<>]*>")
#: a line of a node's words or a plain note that is a list's item: "- goods", "• access"
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+•]|\d{1,9}[.)])[ \t]+(?=\S)")
#: a Markdown note's heading and fence
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)")
#: tags that hold a block of their own: the text inside them is a line of its own
_BLOCKS = frozenset(
    {"p", "div", "blockquote", "center", "section", "article", "dl", "dt", "dd", "address",
     "body", "html", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br"}
)  # fmt: skip
#: tags whose text is no note's: the XHTML's head, a script, a style
_DROPPED = frozenset({"head", "script", "style", "title", "object"})
#: deeper nodes are read at this depth: Markdown reads a deeper indent as code
MAX_DEPTH = 6
_MAX_TERM_WORDS = 4
_MARKUP = "mind map markup"
_STYLES = "mind map styles"


def _opening(lines: list[str]) -> re.Match[str] | None:
    return _MAP.match("\n".join(lines[:5])[:_HEAD_CHARS])


def is_freemind(lines: list[str]) -> bool:
    return _opening(lines) is not None


@dataclass(frozen=True)
class _Piece:
    """A line of Markdown a note or a node's words make, with the line of the map it was on
    and the indent it has in its note (a list's nesting)."""

    src: int
    text: str
    kind: str  # para, item, cont, table, code
    indent: int = 0
    group: int = -1  # the table or code block it is a line of


@dataclass
class _Node:
    line: int  # 0-based line its element opens on
    depth: int  # the root's is 0
    words: list[str]  # its lines of words, as Markdown
    children: int = 0
    extras: int = 0  # its attributes and notes


@dataclass
class _Entry:
    """What the map says, in its order: a node, an attribute or a note of one."""

    node: int
    kind: str  # node, attribute, note
    line: int = 0
    text: str = ""
    pieces: list[_Piece] = field(default_factory=list)


@dataclass(frozen=True)
class _Out:
    src: int  # the line it goes on, or the next free one
    text: str
    kind: str  # head, item, para, table, code
    block: str = ""  # the note, table or code block it is a line of
    origin: int = -1  # the line of the map its words were on, when not src


def freemind_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The mind map as Markdown, and the lines of its markup and styles skipped as (line
    number, reason, text); the lines as they were for a file that is no FreeMind map."""
    if not is_freemind(lines):
        return lines, []
    text = "\n".join(lines)
    if _DECLARATION.search(text):
        return lines, []
    read = _read(_NAMED.sub(_numbered, text).encode("utf-8", "replace"))
    if read is None:
        return lines, []
    nodes, entries, styles, covered, table_skips = read
    pieces = _layout(nodes, entries)
    out = placed(pieces, len(lines), _needs_blank)
    used = {p.src if p.origin < 0 else p.origin for p in pieces} | covered
    skipped = [
        (n + 1, _STYLES if n in styles else _MARKUP, noise_text(line))
        for n, line in enumerate(lines)
        if line.strip() and n not in used
    ]
    return out, sorted(skipped + table_skips, key=lambda s: s[0])


def _numbered(m: re.Match[str]) -> str:
    name = m.group(1)
    if name in _XML_NAMES or name not in name2codepoint:
        return m.group()
    return f"&#{name2codepoint[name]};"


def _words(text: str) -> list[str]:
    """A node's TEXT as its lines of Markdown words (FreeMind 0.8 kept rich text there as
    HTML: its words, a line each of its paragraphs)."""
    if _HTML_TEXT.match(text):
        text = html.unescape(_ANY_TAG.sub("", _BREAK_TAG.sub("\n", text)))
    return [escaped(" ".join(line.split())) for line in text.split("\n") if line.strip()]


# the map read


def _read(
    data: bytes,
) -> tuple[list[_Node], list[_Entry], set[int], set[int], list[tuple[int, str, str]]] | None:
    """The map's nodes, what it says in its order, the lines of its styles and the lines its
    notes' tables, code and rich words took (0-based), and the lines its tables skipped."""
    parser = expat.ParserCreate("utf-8")
    nodes: list[_Node] = []
    entries: list[_Entry] = []
    path: list[int] = []  # the nodes open
    styles: set[int] = set()
    covered: set[int] = set()
    table_skips: list[tuple[int, str, str]] = []
    state: dict[str, int] = {"map": 0, "ignore": 0, "style_from": -1, "rich_depth": 0}
    rich: list[_Rich] = []  # the rich content being read, if any

    def line_now() -> int:
        return int(parser.CurrentLineNumber) - 1

    def start(name: str, attrs: dict[str, str]) -> None:
        line = line_now()
        if state["ignore"]:
            state["ignore"] += 1
            return
        if rich:
            state["rich_depth"] += 1
            rich[0].start(name.lower(), attrs, line, int(parser.CurrentByteIndex))
            return
        if name == "map" and not state["map"]:
            state["map"] = 1
        elif name == "node" and state["map"] and (path or not nodes):
            if path:
                nodes[path[-1]].children += 1
            nodes.append(_Node(line, len(path), _words(attrs.get("TEXT", ""))))
            path.append(len(nodes) - 1)
            entries.append(_Entry(len(nodes) - 1, "node"))
        elif name == "richcontent" and path:
            kind = attrs.get("TYPE", "NOTE").upper()
            rich.append(_Rich(data, attrs.get("CONTENT-TYPE", ""), kind == "NODE", line))
            state["rich_depth"] = 0
        elif name == "attribute" and path:
            said = _attribute(attrs.get("NAME", ""), attrs.get("VALUE", ""))
            if said:
                nodes[path[-1]].extras += 1
                entries.append(_Entry(path[-1], "attribute", line, said))
        else:
            state["ignore"] = 1
            if name == "hook" and attrs.get("NAME") == "MapStyle":
                state["style_from"] = line

    def end(name: str) -> None:
        if state["ignore"]:
            state["ignore"] -= 1
            if not state["ignore"] and state["style_from"] >= 0:
                styles.update(range(state["style_from"], line_now() + 1))
                state["style_from"] = -1
            return
        if rich:
            if state["rich_depth"]:
                state["rich_depth"] -= 1
                rich[0].end(name.lower(), line_now(), int(parser.CurrentByteIndex))
                return
            _rich_end(rich.pop(), line_now())
        elif name == "node" and path:
            path.pop()

    def _rich_end(done: _Rich, line: int) -> None:
        pieces = done.finish(line)
        table_skips.extend(done.skipped)
        covered.update(done.covered)
        node = nodes[path[-1]]
        if done.node:  # the node's words, written as rich text: its lines, the rest its note
            words = [p for p in pieces if p.kind in ("para", "item", "cont")]
            node.words += [_unmarked(p.text) for p in words]
            covered.update(p.src for p in words)
            pieces = [p for p in pieces if p.kind not in ("para", "item", "cont")]
        if pieces:
            node.extras += 1
            entries.append(_Entry(path[-1], "note", pieces=pieces))

    def chars(text: str) -> None:
        if not state["ignore"] and rich:
            rich[0].text(text, line_now())

    if not parse_xml(parser, data, start, end, chars):
        return None
    if not nodes:
        return None
    return nodes, entries, styles, covered, table_skips


def _unmarked(words: str) -> str:
    """A line without the list's marker it opens with."""
    item = _ITEM.match(words)
    return words[item.end() :] if item else words


def _attribute(name: str, value: str) -> str:
    name, value = " ".join(name.split()), " ".join(value.split())
    if not value:
        return ""
    return f"{escaped(name)}: {escaped(value)}" if name else escaped(value)


# a note's XHTML read


class _Rich(XhtmlText):
    """A `<richcontent>`'s XHTML (or plain text) read as Markdown pieces, each with the line
    it was on; the tags come from the map's own parser. A link is its words."""

    def __init__(self, data: bytes, content_type: str, node: bool, line: int) -> None:
        super().__init__()
        self.data = data
        self.plain = content_type.lower().startswith("plain/")
        self.markdown = content_type.lower() == "plain/markdown"
        self.node = node
        self.pieces: list[_Piece] = []
        self.skipped: list[tuple[int, str, str]] = []
        self.covered: set[int] = set()  # the lines a table's or code's markup took
        self.dropping = 0
        self.groups = 0
        self.chunks: list[tuple[int, str]] = []  # plain text, or a <pre>'s
        self.pre = 0
        self.pre_line = line
        self.table_at = -1  # the byte its <table> opened at
        self.table_line = 0
        self.tables = 0

    def start(self, name: str, attrs: dict[str, str], line: int, at: int) -> None:
        if self.plain or self.table_at >= 0 or self.pre:
            self.tables += name == "table" and self.table_at >= 0
            self.pre += name == "pre" and self.pre > 0
            return
        if self.dropping or name in _DROPPED:
            self.dropping += 1
            return
        if name in _BLOCKS or name in ("ul", "ol", "li", "table", "pre", "tr"):
            self._flush()
        if name == "table":
            self.table_at, self.table_line, self.tables = at, line, 1
        elif name == "pre":
            self.pre, self.pre_line, self.chunks = 1, line, []
        elif name in ("ul", "ol"):
            self.open_list(name == "ol")
        elif name == "li" and self.lists:
            self.lists[-1].new_item()
        elif name not in _BLOCKS:
            self.open_inline(name, attrs)

    def end(self, name: str, line: int, at: int) -> None:
        if self.plain:
            return
        if self.table_at >= 0:
            self.tables -= name == "table"
            if self.tables <= 0:
                self._table(at, line)
            return
        if self.pre:
            self.pre -= name == "pre"
            if not self.pre:
                self._code(line)
            return
        if self.dropping:
            self.dropping -= 1
            return
        if name in _BLOCKS or name in ("ul", "ol", "li", "tr"):
            self._flush()
        if name in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif name not in _BLOCKS:
            self.close_inline(name)

    def text(self, data: str, line: int) -> None:
        if self.table_at >= 0 or self.dropping:
            return
        if self.plain or self.pre:
            self.chunks.append((line, data))
            return
        words = len(data) - len(data.lstrip())
        self.add_words(data, line + data.count("\n", 0, words))  # the line its first word is on

    def finish(self, line: int) -> list[_Piece]:
        if self.plain:
            self._plain()
        else:
            self._flush()
            if self.pre:
                self._code(line)
        return self.pieces

    def _flush(self) -> None:
        line = self.take_line()
        if line is None:
            return
        words = line.text()
        if not words or line.src < 0:
            return
        if not self.lists:
            self.pieces.append(_Piece(line.src, block_safe(words), "para"))
            return
        lst = self.lists[-1]
        if lst.started:
            self.pieces.append(_Piece(line.src, block_safe(words), "cont", lst.indent + lst.width))
            return
        marker = lst.marker()
        self.pieces.append(_Piece(line.src, f"{marker} {block_safe(words)}", "item", lst.indent))

    def _lines(self) -> list[tuple[int, str]]:
        """The text read so far, a line each, with the line of the map it was on."""
        out: list[tuple[int, str]] = []
        for line, data in self.chunks:
            for k, part in enumerate(data.split("\n")):
                if k or not out:
                    out.append((line + k, part))
                else:
                    out[-1] = (out[-1][0], out[-1][1] + part)
        return out

    def _code(self, line: int) -> None:
        fence, code = fenced(self._lines())
        self.chunks = []
        if not code:
            return
        self.groups += 1
        self.pieces.append(_Piece(self.pre_line, fence, "code", group=self.groups))
        self.pieces += [_Piece(src, c.rstrip(), "code", group=self.groups) for src, c in code]
        self.pieces.append(_Piece(line, fence, "code", group=self.groups))
        self.covered.update(range(self.pre_line, line + 1))

    def _table(self, at: int, line: int) -> None:
        """The table's markup read by the HTML table reader: its pipe table."""
        end = self.data.find(b">", at)
        end = len(self.data) if end < 0 else end + 1
        markup = self.data[self.table_at : end].decode("utf-8", "replace")
        start, self.table_at = self.table_line, -1
        self.covered.update(range(start, line + 1))
        out, skipped = pipe_table(markup, start)
        self.skipped += skipped
        rows = [row for row in out if row.strip()]
        if not rows:
            return
        self.groups += 1
        self.pieces += [_Piece(start, row, "table", group=self.groups) for row in rows]

    def _plain(self) -> None:
        """A plain note's lines: a list's item each of its items, a paragraph each other line
        (a Markdown note's own marks kept, its headings its words)."""
        fenced = False
        for src, raw in self._lines():
            if not raw.strip():
                continue
            if _FENCE.match(raw):
                fenced = not fenced
                self.pieces.append(_Piece(src, raw.strip(), "code", group=self.groups + 1))
                self.groups += not fenced
                continue
            if fenced:
                self.pieces.append(_Piece(src, raw.rstrip(), "code", group=self.groups + 1))
                continue
            item = _ITEM.match(raw)
            words = raw[item.end() :] if item else raw
            if self.markdown:
                heading = _MD_HEADING.match(words)
                words = words[heading.end() :] if heading else words
            else:
                words = escaped(words)
            words = block_safe(" ".join(words.split()))
            if item:
                indent = min(len(item.group("indent").expandtabs(4)) // 2 * 2, 2 * MAX_LISTS)
                self.pieces.append(_Piece(src, f"- {words}", "item", indent))
            else:
                self.pieces.append(_Piece(src, words, "para"))
        if fenced:
            self.pieces.append(_Piece(self.pieces[-1].src, "```", "code", group=self.groups + 1))


# the map laid out as Markdown


def _level(node: _Node) -> int:
    """A node's list level: a branch off the root is a top-level item, as are its own."""
    return max(0, min(node.depth, MAX_DEPTH) - 2)


def _is_heading(node: _Node) -> bool:
    return node.depth == 0 or (node.depth == 1 and node.children > 0)


def _layout(nodes: list[_Node], entries: list[_Entry]) -> list[_Out]:
    out: list[_Out] = []
    notes = 0
    for entry in entries:
        node = nodes[entry.node]
        heading = _is_heading(node)
        level = _level(node)
        column = 0 if heading else 2 * level + 2  # where what is under the node starts
        if entry.kind == "node":
            out += _node_lines(node, heading, level)
        elif entry.kind == "attribute":
            out.append(_Out(entry.line, f"{' ' * column}- {block_safe(entry.text)}", "item"))
        else:
            notes += 1
            for p in entry.pieces:
                pad = " " * (column + p.indent)
                kind = "para" if p.kind == "cont" else p.kind
                block = f"{notes}:{p.group}" if kind in ("table", "code") else f"{notes}"
                out.append(_Out(p.src, pad + p.text, kind, block))
    return out


def _node_lines(node: _Node, heading: bool, level: int) -> list[_Out]:
    if not node.words:
        return []
    if heading:
        marks = "#" if node.depth == 0 else "##"
        return [_Out(node.line, f"{marks} {' '.join(node.words)}", "head")]
    first, *rest = node.words
    pad = "  " * level
    out = [_Out(node.line, f"{pad}- {block_safe(first)}", "item")]
    # the lines each a definition of their own ("Standard = …" / "Normal = …"): items beside
    # it, when nothing is to go under it; any other lines are items under its first
    beside = not node.children and not node.extras and all(map(_defines, node.words))
    inner = pad if beside else pad + "  "
    for k, words in enumerate(rest, 1):
        text = f"{inner}- {block_safe(_unmarked(words))}"
        out.append(_Out(node.line + k, text, "item", origin=node.line))
    return out


def _defines(words: str) -> bool:
    """A line that is a definition of its own: a short term, " = ", what it is."""
    term, sep, _ = words.partition(" = ")
    return bool(sep) and term[:1].isalnum() and len(term.split()) <= _MAX_TERM_WORDS


def _needs_blank(prev: _Out, piece: _Out) -> bool:
    """A blank line must part the two: a paragraph would go on as more of the item or the
    table above it, a table start inside an item's words."""
    if prev.kind == "table":
        return piece.kind != "table" or piece.block != prev.block
    if piece.kind == "table":
        return prev.kind != "head"
    if piece.kind == "para":
        return prev.kind == "item" or (prev.kind == "para" and prev.block != piece.block)
    return piece.kind == "item" and prev.kind == "para"
