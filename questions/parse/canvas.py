"""An Obsidian Canvas saved as its .canvas JSON: read as the Markdown its cards show.

A canvas is a JSON object: its "nodes" a list of cards, each with an "id", a "type", its box
("x", "y", "width", "height") and perhaps a "color": a "text" card holds Markdown in "text", a
"file" card names a note or image of the vault ("file", perhaps a "subpath"), a "link" card a
"url", a "group" is a rectangle with a "label" drawn around other cards. Its "edges" join two
nodes ("fromNode"/"toNode", the sides they leave and reach, "fromEnd"/"toEnd" arrows), some
with a "label". Obsidian writes each node and edge on a line of its own. Read as Markdown the
file was one block of JSON, and only fragments of its strings were asked.

Here each group's label is a heading over the cards that lie within its rectangle (the
smallest group a card lies in holds it; a group within a group is a heading one level down),
and each text card is its Markdown, its headings moved so that its shallowest sits one level
under its group's: cards are laid side by side, so a "###" card read after a "##" one is no
part of it. A group's own cards come before its inner groups, and of those the cards that open
with no heading come first (each card that opens with one starts a section of its own, and a
card read after it would be taken for its part); otherwise cards are read as the canvas is,
row by row (by y, then x). The cards no group holds come first. File and link cards are
skipped: a file card only names another note (its text is not in this file, and a path's
words are no fact) and a link card is a bare address.

A labelled edge is a statement the notes make: an item under the card it leaves, "Bell-LaPadula
enforced by **MAC**", each end named by its card's title (its first line, a heading's words; a
group's label) without the aside after a dash or in brackets ("(1973)", "— Orange Book").
The card it reaches is in bold: the answer the line names, asked as "Bell-LaPadula enforced by
___" among the other cards' names. The definition-like "Bell-LaPadula enforced by: MAC" was
read as a term "Bell-LaPadula enforced by" described as "MAC", and asked backwards; and a
whole title brought its years into the blanks. Edges with no label, joining a file or link
card, or labelled with the name of the card they reach (they only point at it) are skipped.

The file is read by the standard library's json module, and only a file that opens as a canvas
does ("{" first, "nodes" or "edges" near the top), is not too large, parses and holds a
"nodes" list of objects that each have a "type" (one at least a canvas's own), an "id" and a
number for "x" and "y". As for a notebook (questions/parse/notebook.py) the json module tells
no line, so each string is found on its line by reading the file's strings in order (a file
whose strings are not the canvas's in its order, a key given twice, is left as it was). A card
takes more lines than its line of JSON and the cards are read in another order than they are
written, so the cards' lines cannot all stay on their own: as a notebook's cells do, each card
(a group's heading, a card with its edges' statements) takes lines of its own, in the order
read, a blank line between two, the last ones past the file's end; each starts as near its
line of JSON as the others let it (least sum of distances, so that a card read early but
written late pulls the others no further than they must go).
"""

from __future__ import annotations

import heapq
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from questions.parse.json_strings import JsonStrings, string_lines
from questions.parse.xhtml_text import noise_text

_HEAD_LINES = 5
_HEAD_CHARS = 4096
_HEAD = re.compile(r'"(?:nodes|edges)"\s*:')
#: a larger file is not read: a canvas of notes is far smaller
MAX_CHARS = 4_000_000
#: more cards and groups than this are read with no groups: each card is tried in each group
MAX_CONTAINMENT_CHECKS = 1_000_000
#: a title longer than this is a sentence, no name: an edge to its card says nothing
MAX_TITLE = 80
_MARKUP = "canvas markup"
_FILE = "canvas file card"
_LINK = "canvas link card"
_EDGE = "canvas edge"
#: which reason a line holding strings of several kinds is skipped as
_RANK = {_FILE: 3, _LINK: 2, _EDGE: 1, _MARKUP: 0}
#: an ATX heading: its hashes, and the text after them ("#tag" is none)
_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*))?$")
_FENCE = re.compile(r"^ {0,3}(?P<mark>`{3,}|~{3,})(?P<rest>.*)$")
#: what opens a line of Markdown but is no part of its words: a quote's ">", a callout's
#: "[!tip]", an item's bullet or number, a task's box
_LINE_MARKS = re.compile(
    r"^(?:>[ \t]?)*(?:\[![\w-]{1,30}\][+-]?[ \t]*)?"
    r"(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?"
)
#: a wiki link "[[Note|shown]]" or a Markdown link "[shown](target)": the words shown
_WIKI_LINK = re.compile(r"\[\[(?:[^\[\]|]{0,200}\|)?(?P<shown>[^\[\]|]{0,200})\]\]")
_MD_LINK = re.compile(r"!?\[(?P<shown>[^\[\]]{0,200})\]\([^()\s]{0,500}\)")
#: emphasis marks: "**", "__", "==" (a highlight), and a lone "*" or "_" at a word's edge
_EMPHASIS = re.compile(r"\*\*|__|==|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")


@dataclass
class _Node:
    index: int  # its place in the nodes list
    id: str
    kind: str
    x: float
    y: float
    width: float
    height: float
    text: str  # a text card's Markdown, a group's label, a file card's path, a link's address
    line: int = -1  # the line its text (a group's label) is on
    parent: int = -1  # the group that holds it, -1 for none
    depth: int = 0  # a group's: 1 for one no group holds

    def holds(self, other: _Node) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.x + other.width <= self.x + self.width
            and other.y + other.height <= self.y + self.height
        )


@dataclass
class _Edge:
    source: str
    target: str
    label: str
    line: int = -1  # the line its label is on


@dataclass
class _Read(JsonStrings):
    """The canvas's strings in the order it holds them, what each is, its nodes and edges."""

    nodes: list[_Node] = field(default_factory=list)
    edges: list[_Edge] = field(default_factory=list)
    #: the string a node's text (an edge's label) is, by the node's (edge's) place
    node_text: dict[int, int] = field(default_factory=dict)
    edge_label: dict[int, int] = field(default_factory=dict)


def is_canvas(lines: list[str]) -> bool:
    """The file opens as a canvas does: "{" first, "nodes" or "edges" near the top."""
    head = "\n".join(lines[:_HEAD_LINES])[:_HEAD_CHARS].lstrip("\ufeff \t\n")
    return head.startswith("{") and _HEAD.search(head) is not None


def canvas_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The canvas's cards as Markdown under its groups' labels, its labelled edges as
    statements, and the lines of its JSON, file and link cards and bare edges skipped as (line
    number, reason, text); the lines as they were for a file that is no canvas."""
    if not is_canvas(lines) or sum(len(line) + 1 for line in lines) > MAX_CHARS:
        return lines, []
    text = "\n".join(lines)
    try:
        canvas = json.loads(text[1:] if text.startswith("\ufeff") else text)
        read = _read(canvas)
        places = string_lines(lines, read.strings) if read is not None else None
    except (ValueError, RecursionError):
        return lines, []
    if read is None or places is None:
        return lines, []
    for i, n in read.node_text.items():
        read.nodes[i].line = places[n]
    for i, n in read.edge_label.items():
        read.edges[i].line = places[n]
    return _markdown(lines, read, places)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _node(index: int, item: object) -> _Node | None:
    """The card an item of "nodes" is; None for one that is no card."""
    if not isinstance(item, dict):
        return None
    kind, ident = item.get("type"), item.get("id")
    x, y = _number(item.get("x")), _number(item.get("y"))
    if not isinstance(kind, str) or not isinstance(ident, str) or x is None or y is None:
        return None
    width, height = _number(item.get("width")), _number(item.get("height"))
    key = {"text": "text", "group": "label", "file": "file", "link": "url"}.get(kind, "")
    text = item.get(key, "") if key else ""
    if not isinstance(text, str):
        text = ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    width, height = max(width or 0.0, 0.0), max(height or 0.0, 0.0)
    return _Node(index, ident, kind, x, y, width, height, text)


def _read(canvas: Any) -> _Read | None:
    """The canvas's strings, nodes and edges; None for JSON that is no canvas."""
    if not isinstance(canvas, dict):
        return None
    items = canvas.get("nodes")
    if not isinstance(items, list) or not items:
        return None
    read = _Read()
    for i, item in enumerate(items):
        node = _node(i, item)
        if node is None:
            return None
        read.nodes.append(node)
    if not any(n.kind in ("text", "file", "link", "group") for n in read.nodes):
        return None
    for key, value in canvas.items():
        read.add(str(key), _MARKUP)
        if key == "nodes":
            for node, item in zip(read.nodes, items, strict=True):
                reason = {"file": _FILE, "link": _LINK}.get(node.kind, _MARKUP)
                text_key = {"text": "text", "group": "label"}.get(node.kind)
                for k, v in item.items():
                    read.add(str(k), reason)
                    if k == text_key and isinstance(v, str):
                        read.node_text[node.index] = read.add(v, reason)
                    else:
                        read.walk(v, reason)
        elif key == "edges" and isinstance(value, list):
            for item in value:
                _edge(read, item)
        else:
            read.walk(value, _MARKUP)
    return read


def _edge(read: _Read, item: object) -> None:
    """An item of "edges": its strings, and the edge if it joins two nodes."""
    if not isinstance(item, dict):
        read.walk(item, _EDGE)
        return
    source, target, label = item.get("fromNode"), item.get("toNode"), item.get("label")
    if item.get("toEnd") == "none" and item.get("fromEnd") == "arrow":
        source, target = target, source  # the arrow points back
    joins = isinstance(source, str) and isinstance(target, str) and isinstance(label, str)
    if joins:
        read.edges.append(_Edge(str(source), str(target), str(label)))
    for k, v in item.items():
        read.add(str(k), _EDGE)
        if joins and k == "label":
            read.edge_label[len(read.edges) - 1] = read.add(str(v), _EDGE)
        else:
            read.walk(v, _EDGE)


def _nest(nodes: list[_Node]) -> bool:
    """Each node's group: the smallest that holds it (of two alike, the first); False when
    there are too many to try, and the groups are not read."""
    groups = sorted(
        (n for n in nodes if n.kind == "group"), key=lambda g: (-g.width * g.height, g.index)
    )
    if len(groups) * len(nodes) > MAX_CONTAINMENT_CHECKS:
        return False
    order = {g.index: i for i, g in enumerate(groups)}
    for node in nodes:
        # a group is held only by one before it in this order: no group holds itself
        end = order.get(node.index, len(groups))
        for g in reversed(groups[:end]):
            if g.holds(node):
                node.parent = g.index
                break
    for g in groups:  # a group's holder comes before it
        g.depth = nodes[g.parent].depth + 1 if g.parent >= 0 else 1
    return True


def _heading(line: str) -> tuple[int, str] | None:
    """An ATX heading's level and words (its closing hashes dropped); None for no heading."""
    m = _HEADING.match(line)
    if m is None:
        return None
    words = (m.group("text") or "").strip()
    bare = words.rstrip("#")
    if bare != words and (not bare or bare[-1] in " \t"):
        words = bare.rstrip()  # "## Biba ##"
    return len(m.group("marks")), words


def _outside_fences(text: str) -> list[str]:
    """A card's lines that are no fenced code, nor its fences."""
    kept: list[str] = []
    fence = ""
    for line in text.split("\n"):
        if (m := _FENCE.match(line)) is not None:
            mark = m.group("mark")
            if not fence:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence) and not m.group("rest").strip():
                fence = ""
            continue
        if not fence:
            kept.append(line)
    return kept


def _title(node: _Node) -> str:
    """What a card is called: its first line, the words of a heading, with no markup; a
    group's label."""
    if node.kind == "group":
        return _plain(node.text)
    first = next((line for line in _outside_fences(node.text) if line.strip()), "")
    heading = _heading(first)
    if heading is not None:
        return _plain(heading[1])
    return _plain(_LINE_MARKS.sub("", first.strip(), count=1))


def _plain(text: str) -> str:
    """The words a line of Markdown shows: its links' words, no emphasis marks."""
    text = _WIKI_LINK.sub(lambda m: m.group("shown"), text[:1000])
    text = _MD_LINK.sub(lambda m: m.group("shown"), text)
    return " ".join(_EMPHASIS.sub("", text).split())


def _headings(node: _Node) -> tuple[bool, int]:
    """Whether the card opens with a heading (or a bold line, which reads as one), and its
    shallowest heading's level (7: none)."""
    kept = [line.strip() for line in _outside_fences(node.text) if line.strip()]
    levels = [h[0] for line in kept if (h := _heading(line)) is not None]
    first = kept[0] if kept else ""
    bold = len(first) > 4 and first.startswith("**") and first.endswith("**")
    bold = bold and "**" not in first[2:-2]  # "**legend**": Markdown's bold sub-heading
    return bold or _heading(first) is not None, min(levels, default=7)


def _card_lines(text: str, shift: int) -> list[str]:
    """A card's Markdown: its headings moved by the shift, a fence it leaves open closed."""
    out: list[str] = []
    fence = ""
    for line in text.split("\n"):
        if (m := _FENCE.match(line)) is not None:
            mark = m.group("mark")
            if not fence:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence) and not m.group("rest").strip():
                fence = ""
        elif not fence and shift and (h := _heading(line)) is not None:
            level = min(max(h[0] + shift, 1), 6)
            line = "#" * level + (" " + h[1] if h[1] else "")
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    if fence and out:
        out.append(fence)  # the card ends the fence
    return out


def _statement(source: str, label: str, target: str) -> str:
    """What a labelled edge says, as an item: the card it leaves, its label, and the card it
    reaches in bold, the answer the line names."""
    return f"- {source} {label} **{target}**"


def _name(title: str) -> str:
    """A card's name as a statement says it: its title with no aside after a dash or in
    brackets ("Kerberos v5 (RFC 4120)", "TCB — Trusted Computing Base")."""
    for mark in (" — ", " – ", " - ", " (", ": "):
        at = title.find(mark)
        if at > 0:
            title = title[:at]
    return title.strip()


def _order(read: _Read) -> list[_Node]:
    """The groups and text cards in the order they are read: a group's heading, its own cards
    (the ones with no heading first), then its inner groups; each set by row, then column."""
    nodes = read.nodes
    kids: dict[int, list[_Node]] = {}
    for node in nodes:
        if node.kind in ("group", "text"):
            kids.setdefault(node.parent, []).append(node)
    opens = {n.index: _headings(n)[0] for n in nodes if n.kind == "text"}

    def sort_key(n: _Node) -> tuple[bool, bool, float, float, int]:
        return (n.kind == "group", opens.get(n.index, True), n.y, n.x, n.index)

    order: list[_Node] = []
    stack = list(reversed(sorted(kids.get(-1, []), key=sort_key)))
    while stack:
        node = stack.pop()
        order.append(node)
        if node.kind == "group":
            stack.extend(reversed(sorted(kids.get(node.index, []), key=sort_key)))
    return order


def _markdown(
    lines: list[str], read: _Read, places: list[int]
) -> tuple[list[str], list[tuple[int, str, str]]]:
    grouped = _nest(read.nodes)
    nodes = read.nodes
    shown = {
        n.index
        for n in nodes
        if n.line >= 0
        and ((n.kind == "group" and grouped) or (n.kind == "text" and _card_lines(n.text, 0)))
    }
    titles = {n.index: _title(n) for n in nodes if n.index in shown}
    said, content = _statements(read, titles)
    chunks: list[tuple[int, list[str]]] = []
    for node in _order(read):
        if node.index not in shown:
            continue
        if node.kind == "group":
            if not titles[node.index]:
                continue
            body = ["#" * min(node.depth, 6) + " " + titles[node.index]]
        else:
            depth = nodes[node.parent].depth if node.parent >= 0 else 0
            body = _card_lines(node.text, depth + 1 - _headings(node)[1])
            if node.index in said:
                body += ["", *said[node.index]]
        chunks.append((node.line, body))
        content.add(node.line)
    out = [""] * len(lines)
    for start, (_, body) in zip(_starts(chunks), chunks, strict=True):
        out += [""] * (start + len(body) - len(out))
        out[start : start + len(body)] = body
    return out, _skipped(lines, read, places, content)


def _statements(read: _Read, titles: dict[int, str]) -> tuple[dict[int, list[str]], set[int]]:
    """The statements the labelled edges make, by the card each is said under, and the lines
    of the edges that make them."""
    by_id = {n.id: n for n in reversed(read.nodes)}  # of two alike, the first
    said: dict[int, list[str]] = {}
    lines: set[int] = set()
    for edge in read.edges:
        a, b = by_id.get(edge.source), by_id.get(edge.target)
        if a is None or b is None or a is b or a.index not in titles or b.index not in titles:
            continue
        label = _plain(edge.label)
        names = [_name(titles[a.index]), _name(titles[b.index])]
        if not label or not all(names) or max(len(t) for t in names) > MAX_TITLE:
            continue
        under = a if a.kind == "text" else b
        if under.kind != "text":
            continue  # two groups joined: no card to say it under
        if label.casefold() in names[1].casefold() or names[1].casefold() in label.casefold():
            continue  # "MAC —environments→ MAC environments": it only points at the card
        said.setdefault(under.index, []).append(_statement(names[0], label, names[1]))
        lines.add(edge.line)
    return said, lines


def _starts(chunks: list[tuple[int, list[str]]]) -> list[int]:
    """The line each chunk (a card, a heading) starts on: in the order they are read, a blank
    line between two, each as near its own line as the others let it be. Less the lines the
    chunks before it take, the line a chunk's middle is on must rise from chunk to chunk: the
    nearest such lines (least sum of distances, so that one card read early but written late
    moves no others) are found with a heap of the lines asked for so far."""
    offsets: list[int] = []
    wants: list[int] = []
    taken = 0
    for anchor, body in chunks:
        offsets.append(taken)
        wants.append(anchor - taken - (len(body) - 1) // 2)
        taken += len(body) + 1
    heap: list[int] = []  # the lines asked for, negated: the highest on top
    tops: list[int] = []
    for want in wants:
        heapq.heappush(heap, -want)
        if -heap[0] > want:
            heapq.heapreplace(heap, -want)
        tops.append(-heap[0])
    fitted = tops[:]
    for i in range(len(fitted) - 2, -1, -1):
        fitted[i] = min(fitted[i], fitted[i + 1])
    return [offset + max(0, line) for offset, line in zip(offsets, fitted, strict=True)]


def _skipped(
    lines: list[str], read: _Read, places: list[int], content: set[int]
) -> list[tuple[int, str, str]]:
    """The lines no shown card, label or edge is on, each skipped as what its strings are."""
    reasons: dict[int, str] = {}
    for i, n in enumerate(places):
        reason = read.reasons[i]
        if n not in reasons or _RANK[reason] > _RANK[reasons[n]]:
            reasons[n] = reason
    return [
        (n + 1, reasons.get(n, _MARKUP), noise_text(line))
        for n, line in enumerate(lines)
        if line.strip() and n not in content
    ]
