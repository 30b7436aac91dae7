"""Study notes kept as a YAML file: read as the Markdown they mean.

Some keep their notes as YAML to query them with a tool: a top-level key per topic
("bigquery:"), nested maps of "key: value" facts ("max_row_size: 100 MB"), lists, "|" and ">"
block scalars of prose, "# exam tip: …" comments, quoted strings, anchors merged into other
maps ("&defaults" / "<<: *defaults") and lists of maps ("- name: Bigtable" over
"latency: ms"). Read as Markdown the file was one paragraph a topic, its "key_name:" runs glued
into every stem, and a comment a heading. Here a top-level key over its children is a heading,
a nested key over its children an item leading them, a "key: value" fact an item "key words:
value" nested by its indentation (quotes dropped, a trailing comment kept in brackets), a list
entry an item, a map in a list an item named by its "name:" with the map's other keys under
it, a block scalar's lines a paragraph or one item's text, and a comment an item of its own
(unless it is commented-out YAML or a rule). Anchors, aliases, merge keys and document
markers are skipped. The file is never loaded as YAML (an alias bomb expands nothing here),
and only a file that is YAML as a whole is read so: two top-level keys over indented
children, nine lines in ten of YAML's shapes, keys like identifiers, and no Markdown heading,
fence, table or "key:: value" property. Each line stays on its line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

#: a key as notes in YAML name things: "max_row_size", "insertAll", "Pub/Sub", "k8s.io"
_IDENT = re.compile(r"[\w$][\w$.+/-]*")
#: a plain key of a few words ("Cloud SQL"): YAML takes it, though no identifier
_WORDS_KEY = re.compile(r"[\w$(][\w$.+/()'-]*(?: [\w$(][\w$.+/()'-]*){0,5}")
_MAX_KEY = 80
#: what cannot open a plain key: YAML's indicators
_NOT_KEY_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_MD_HEADING = re.compile(r"^#{2,6}\s")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_SETEXT = re.compile(r"^={3,}\s*$")
#: a Logseq / Roam property ("type:: concept")
_PROPERTY = re.compile(r"^\s*(?:- )?[\w-]+::(?:\s|$)")
#: a comment that only draws a line: "# -----", "#######", "# ==== ===="
_RULE = re.compile(r"^#[\s#=*~_+.-]*$")
#: a commented-out setting: "#max_row_size: 100 MB", "# enabled: true", "# - item"
_COMMENTED_KEY = re.compile(r"^#\s*(?P<key>[A-Za-z_][\w.-]*):(?:\s+(?P<value>.*))?$")
_COMMENTED_ENTRY = re.compile(r"^#\s*-\s")
_YAML_SCALAR = re.compile(
    r"^(?:[\"'&*\[{|>!]|-?\d[\d.,_]*\s*\w{0,3}$|true$|false$|yes$|no$|null$|~$)", re.I
)
#: a block scalar's indicator: "|", ">-", "|2+"
_BLOCK = re.compile(r"^[|>][+-]?\d?[+-]?$")
#: a Markdown block a line of text would open: "# x", "> x", "- x", "1. x", "```", "<div>"
_BLOCK_MARK = re.compile(r"^(?:(?P<num>\d{1,9})[.)]|[-+*>#=|~`<](?=.)|[-+*>#])")
#: keys whose value names the map it opens in a list: "- name: Bigtable"
_NAME_KEYS = frozenset({"name", "title", "term"})
#: an alias as a whole value: "*defaults", perhaps before a comment ("*.log" is no alias)
_ALIAS = re.compile(r"\*(?P<name>[\w-]+)[ \t]*(?=#|$)")
_MIN_PARENTS = 2  # top-level keys over indented children
_MIN_SHARE = 0.9  # of the lines that are YAML's shapes


@dataclass
class _Value:
    """A value after a key or a list's dash, as the notes mean it."""

    text: str = ""
    comment: str = ""
    block: bool = False  # a "|" or ">" block scalar follows
    open_quote: str = ""  # a quoted scalar goes on past the line
    open_flow: int = 0  # brackets a flow collection left open
    anchor: str = ""
    alias: str = ""  # the value is "*name" and nothing else
    empty: bool = True


@dataclass
class _Shape:
    """One line read as YAML."""

    kind: str  # "blank", "comment", "marker", "directive", "key", "entry", "text"
    indent: int = 0
    dashes: int = 0  # list dashes before the key or value ("- - x": 2)
    at: int = 0  # the column the key or value after the dashes opens at
    key: str = ""  # as written
    identifier: bool = False
    value: _Value | None = None
    text: str = ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _close_quote(s: str, i: int) -> int:
    """Where the quoted scalar opening at s[i] closes, or -1."""
    q = s[i]
    j = i + 1
    while True:
        k = s.find(q, j)
        if k < 0:
            return -1
        if q == "'":
            if s.startswith("''", k):
                j = k + 2
                continue
            return k
        slashes = 0
        while k - slashes - 1 > i and s[k - slashes - 1] == "\\":
            slashes += 1
        if slashes % 2 == 0:
            return k
        j = k + 1


def _unquote(body: str, q: str) -> str:
    if q == "'":
        return body.replace("''", "'")
    if "\\" not in body:
        return body
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": " ", "t": " ", "\\": "\\", '"': '"', "/": "/"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _comment_at(s: str, i: int) -> int:
    """Where a comment opens in plain text from s[i] on: a "#" after a space, or -1."""
    j = i
    while True:
        k = s.find("#", j)
        if k < 0:
            return -1
        if k == i or s[k - 1] in " \t":
            return k
        j = k + 1


def _flow_end(s: str, i: int) -> tuple[int, int]:
    """Where the flow collection opening at s[i] closes, or (-1, brackets left open)."""
    depth = 0
    j = i
    n = len(s)
    while j < n:
        ch = s[j]
        if ch in "\"'" and (j == i or s[j - 1] in " ,[{:"):
            k = _close_quote(s, j)
            if k < 0:
                return -1, depth
            j = k + 1
            continue
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                return j, 0
        elif ch == "#" and s[j - 1] in " \t":
            return -1, depth
        j += 1
    return -1, depth


def _split_flow(body: str) -> list[str]:
    """A flow collection's entries, split at its own commas."""
    parts: list[str] = []
    depth = 0
    start = 0
    j = 0
    n = len(body)
    while j < n:
        ch = body[j]
        if ch in "\"'" and (j == 0 or body[j - 1] in " ,[{:"):
            k = _close_quote(body, j)
            if k < 0:
                break
            j = k + 1
            continue
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:j])
            start = j + 1
        j += 1
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


def _scalar(text: str) -> str:
    """A scalar as it reads: its quotes dropped."""
    text = text.strip()
    if text[:1] in ("'", '"') and len(text) > 1 and _close_quote(text, 0) == len(text) - 1:
        return _unquote(text[1:-1], text[0])
    return text


def _key_words(key: str) -> str:
    """A key as words: "max_row_size" → "max row size"."""
    words = key.replace("_", " ").split()
    return " ".join(words) if words else key


def _flow_text(body: str, mapping: bool) -> str:
    """A flow collection's entries as text: "[a, b]" as "a, b"; "{name: fixed, aka: tumbling}"
    as "fixed — aka: tumbling"; "{ssd: 5 TB, hdd: 16 TB}" as "ssd = 5 TB; hdd = 16 TB"."""
    if not mapping:
        return ", ".join(t for t in (_scalar(p) for p in _split_flow(body)) if t)
    name = ""
    pairs: list[tuple[str, str]] = []
    for part in _split_flow(body):
        key, sep, value = part.partition(": ")
        if not sep:
            key, value = (part[:-1], "") if part.endswith(":") else (part, "")
        key_text, value_text = _key_words(_scalar(key)), _scalar(value)
        if not name and _scalar(key) in _NAME_KEYS and value_text:
            name = value_text
        else:
            pairs.append((key_text, value_text))
    if name:
        said = "; ".join(f"{k}: {v}" if v else k for k, v in pairs)
        return f"{name} — {said}" if said else name
    return "; ".join(f"{k} = {v}" if v else k for k, v in pairs)


def _value(s: str, i: int, anchors: dict[str, str]) -> _Value:
    """The value written from s[i] on."""
    v = _Value()
    n = len(s)
    while True:  # anchors and tags before the value: "&defaults", "!!str"
        while i < n and s[i] in " \t":
            i += 1
        if i < n and s[i] in "&!":
            k = s.find(" ", i)
            k = n if k < 0 else k
            if s[i] == "&":
                v.anchor = s[i + 1 : k]
            i = k
            continue
        break
    if i >= n:
        return v
    ch = s[i]
    rest_at = -1
    if ch == "#":
        v.comment = s[i + 1 :].strip()
        return v
    v.empty = False
    alias = _ALIAS.match(s, i) if ch == "*" else None
    if alias is not None:
        name = alias.group("name")
        if name in anchors:
            v.text = anchors[name]
        else:
            v.alias = name
        rest_at = alias.end()
    elif ch in "|>":
        k = _comment_at(s, i)
        indicator = s[i:k].strip() if k >= 0 else s[i:].strip()
        if _BLOCK.match(indicator):
            v.block = True
            v.empty = True
            if k >= 0:
                v.comment = s[k + 1 :].strip()
            return v
        v.text = s[i:k].strip() if k >= 0 else s[i:].strip()
        rest_at = k if k >= 0 else n
    elif ch in "\"'":
        k = _close_quote(s, i)
        if k < 0:
            v.open_quote = ch
            v.text = _unquote(s[i + 1 :], ch).strip()
            return v
        v.text = _unquote(s[i + 1 : k], ch)
        rest_at = k + 1
    elif ch in "[{":
        k, depth = _flow_end(s, i)
        if k < 0:
            v.open_flow = max(depth, 1)
            v.text = s[i + 1 :].strip()
            return v
        v.text = _flow_text(s[i + 1 : k], ch == "{")
        rest_at = k + 1
    else:
        k = _comment_at(s, i)
        v.text = s[i:k].rstrip() if k >= 0 else s[i:].rstrip()
        rest_at = k if k >= 0 else n
    tail = s[rest_at:].strip() if 0 <= rest_at < n else ""
    if tail.startswith("#"):
        v.comment = tail[1:].strip()
    elif tail:
        v.text = f"{v.text} {tail}".strip()
    if v.anchor and v.text and not v.alias:
        anchors[v.anchor] = v.text
    return v


def _key_end(s: str, i: int) -> tuple[int, str] | None:
    """Where a key written from s[i] on ends (at its colon), and the key; None for no key."""
    n = len(s)
    if i >= n:
        return None
    if s[i] in "\"'":
        k = _close_quote(s, i)
        if k < 0 or k + 1 >= n or s[k + 1] != ":":
            return None
        if k + 2 < n and s[k + 2] not in " \t":
            return None
        return k + 1, _unquote(s[i + 1 : k], s[i])
    if s.startswith("<<:", i):
        return i + 2, "<<"
    if s[i] in _NOT_KEY_START:
        return None
    j = i
    limit = min(n, i + _MAX_KEY + 1)
    while True:
        k = s.find(":", j, limit)
        if k < 0:
            return None
        if k + 1 == n or s[k + 1] in " \t":
            key = s[i:k]
            return (k, key) if " #" not in key else None
        j = k + 1


def _shape(line: str, anchors: dict[str, str]) -> _Shape:
    """One line read as YAML, outside a block scalar."""
    stripped = line.strip()
    if not stripped:
        return _Shape("blank")
    indent = _indent(line)
    if line[indent] == "\t":
        return _Shape("text", indent, text=stripped)
    if stripped.startswith("#"):
        return _Shape("comment", indent, text=stripped)
    if indent == 0 and (stripped in ("---", "...") or line.startswith(("--- ", "... "))):
        return _Shape("marker", text=stripped)
    if indent == 0 and line.startswith("%"):
        return _Shape("directive", text=stripped)
    i = indent
    dashes = 0
    n = len(line)
    while i < n and line[i] == "-" and (i + 1 == n or line[i + 1] in " \t"):
        dashes += 1
        i += 1
        while i < n and line[i] in " \t":
            i += 1
    found = _key_end(line, i)
    if found is not None:
        end, key = found
        shape = _Shape("key", indent, dashes, i, key)
        shape.identifier = _IDENT.fullmatch(key) is not None or (
            line[i] in "\"'" and 0 < len(key) <= _MAX_KEY
        )
        shape.value = _value(line, end + 1, anchors)
        return shape
    if dashes:
        return _Shape("entry", indent, dashes, i, value=_value(line, i, anchors))
    return _Shape("text", indent, text=stripped)


def _is_key(shape: _Shape) -> bool:
    """A key the rewrite reads: an identifier, or a few plain words ("Cloud SQL")."""
    if shape.kind != "key":
        return False
    return shape.identifier or shape.key == "<<" or _WORDS_KEY.fullmatch(shape.key) is not None


def _block_end(lines: list[str], n: int, parent: int) -> int:
    """The line after a block scalar opened on line n whose node is indented by parent."""
    m = n + 1
    while m < len(lines):
        line = lines[m]
        if line.strip() and _indent(line) <= parent:
            break
        m += 1
    while m > n + 1 and not lines[m - 1].strip():
        m -= 1
    return m


def _open_end(lines: list[str], n: int, value: _Value) -> int:
    """The line after those a quoted scalar or flow collection left open on line n goes on
    over (never past a line at the margin, which opens a node of its own)."""
    depth = value.open_flow
    for m in range(n + 1, len(lines)):
        line = lines[m]
        if line.strip() and _indent(line) == 0:
            return m
        if value.open_quote:
            if _close_quote(value.open_quote + line, 0) >= 0:
                return m + 1
        else:
            depth += line.count("[") + line.count("{") - line.count("]") - line.count("}")
            if depth <= 0:
                return m + 1
    return len(lines)


def _parents(shapes: dict[int, _Shape]) -> set[int]:
    """The top-level keys with nothing after their colon and children under them."""
    out: set[int] = set()
    numbers = sorted(shapes)
    for a, b in itertools.pairwise(numbers):
        top = shapes[a]
        nxt = shapes[b]
        if (
            top.kind == "key"
            and top.indent == 0
            and not top.dashes
            and top.value is not None
            and top.value.empty
            and not top.value.block
            and (nxt.indent > 0 or (nxt.kind in ("entry", "key") and nxt.dashes))
        ):
            out.add(a)
    return out


def _read(lines: list[str]) -> tuple[dict[int, _Shape], dict[int, str]]:
    """Each structural line's shape, and the lines a block scalar, a quoted scalar or a flow
    collection goes on over (as "block" or "open")."""
    anchors: dict[str, str] = {}
    shapes: dict[int, _Shape] = {}
    inside: dict[int, str] = {}
    n = 0
    while n < len(lines):
        shape = _shape(lines[n], anchors)
        if shape.kind not in ("blank", "comment"):
            shapes[n] = shape
        value = shape.value
        end = n + 1
        if value is not None and value.block:
            column = shape.at if shape.kind == "key" else shape.indent
            end = _block_end(lines, n, column)
            for m in range(n + 1, end):
                inside[m] = "block"
        elif value is not None and (value.open_quote or value.open_flow):
            end = _open_end(lines, n, value)
            for m in range(n + 1, end):
                inside[m] = "open"
        n = max(end, n + 1)
    return shapes, inside


def is_yaml_notes(lines: list[str]) -> bool:
    """Notes that are YAML as a whole: two top-level keys over indented children, nine lines in
    ten of YAML's shapes, keys like identifiers, nothing at the margin but keys, list entries,
    comments and markers, and no Markdown heading, fence, table or "key:: value" property."""
    if len(lines) < 3:
        return False
    for line in lines:
        if (
            _FENCE.match(line)
            or (_MD_HEADING.match(line) and not _RULE.match(line))
            or _TABLE.match(line)
            or _SETEXT.match(line)
            or _PROPERTY.match(line)
        ):
            return False
    filled = [n for n, line in enumerate(lines) if line.strip()]
    if not filled:
        return False
    markers = [n for n in filled if lines[n].rstrip() in ("---", "...")]
    if markers[:1] == filled[:1] and len(markers) >= 2:  # front matter over a Markdown body
        return False
    shapes, inside = _read(lines)
    good = 0
    for n in filled:
        if n in inside:
            good += 1
            continue
        shape = shapes.get(n)
        if shape is None:  # a comment
            good += 1
            continue
        if (
            shape.kind in ("marker", "directive", "entry")
            or (shape.kind == "key" and shape.identifier)
            or (shape.kind == "key" and shape.key == "<<")
        ):
            good += 1
        elif shape.indent == 0:
            return False
    if len(_parents(shapes)) < _MIN_PARENTS:
        return False
    return good >= _MIN_SHARE * len(filled)


def _lead_text(text: str) -> str:
    """Text that opens no Markdown block of its own: "# x" stays text, "1. x" stays words."""
    m = _BLOCK_MARK.match(text)
    if m is None:
        return text
    if m.group("num") is not None:
        return text[: m.end() - 1] + "\\" + text[m.end() - 1 :]
    return "\\" + text


def _with_comment(text: str, comment: str) -> str:
    if not comment:
        return text
    return f"{text} ({comment})" if text else comment


@dataclass
class _Open:
    column: int  # where the node's key or dash is
    level: int  # its item's depth; -1 for a heading
    dash: bool  # a list's entry
    holds: bool  # a key with nothing after its colon: an entry at its column is its child


def _level_at(stack: list[_Open], column: int, entry: bool) -> int:
    """The depth of an item whose node is at this column, the stack cut back to its parent."""
    while stack:
        top = stack[-1]
        if top.column > column or (
            top.column == column and not (entry and top.holds and not top.dash)
        ):
            stack.pop()
        else:
            break
    return stack[-1].level + 1 if stack else 0


def _comment_level(stack: list[_Open], column: int) -> int:
    """The depth of a note at this column: under the deepest node left of it (the stack's
    columns never fall, so a binary search finds it)."""
    at = bisect.bisect_left(stack, column, key=lambda top: top.column)
    return stack[at - 1].level + 1 if at else 0


def _commented_out(text: str) -> bool:
    """A comment that holds a setting or an entry switched off, not words."""
    if _COMMENTED_ENTRY.match(text):
        return True
    m = _COMMENTED_KEY.match(text)
    if m is None:
        return False
    value = (m.group("value") or "").strip()
    key = m.group("key")
    return not value or "_" in key or _YAML_SCALAR.match(value) is not None


def yaml_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown, and the lines skipped (anchors' merges, aliases, markers,
    commented-out settings) as (line number, reason, text); the lines as they were for a file
    that is not YAML notes."""
    if not is_yaml_notes(lines):
        return lines, []
    shapes, inside = _read(lines)
    out = [""] * len(lines)
    skipped: list[tuple[int, str, str]] = []
    stack: list[_Open] = []
    pad = ""  # where a line that goes on the item above is written
    block_pad = ""
    column = -1  # where the node above opens: a line indented past it goes on its value
    for n, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if n in inside:
            body = text
            if inside[n] == "open":
                body = _open_line(text)
            out[n] = (block_pad if inside[n] == "block" else pad) + _lead_text(body) if body else ""
            continue
        shape = shapes.get(n)
        if shape is None:  # a comment
            if _RULE.match(text):
                skipped.append((n + 1, "comment rule", text))
            elif _commented_out(text):
                skipped.append((n + 1, "commented-out YAML", text))
            else:
                level = _comment_level(stack, _indent(line))
                said = text.lstrip("#").strip()
                out[n] = f"{'  ' * level}- {_lead_text(said)}"
                pad = "  " * (level + 1)
            continue
        if shape.kind == "marker":
            skipped.append((n + 1, "YAML document marker", text))
            stack.clear()
            continue
        if shape.kind == "directive":
            skipped.append((n + 1, "YAML directive", text))
            continue
        value = shape.value or _Value()
        if shape.kind == "key" and shape.key == "<<":
            skipped.append((n + 1, "YAML merge key", text))
            continue
        if shape.kind == "text" or (shape.kind == "key" and not _is_key(shape)):
            if shape.indent > column:  # a plain scalar going on over lines
                out[n] = pad + _lead_text(text)
            else:  # words YAML would take for no key: a note of their own
                level = _comment_level(stack, shape.indent)
                out[n] = f"{'  ' * level}- {_lead_text(text)}"
                pad = "  " * (level + 1)
            continue
        if value.alias:
            skipped.append((n + 1, "YAML alias", text))
            continue
        if shape.kind == "key" and not shape.dashes and shape.indent == 0 and value.empty:
            # a topic: over its children, its block of prose, or nothing
            stack[:] = [_Open(0, -1, dash=False, holds=True)]
            out[n] = f"## {_key_words(shape.key.strip('_')) or shape.key}"
            if value.comment:
                skipped.append((n + 1, "heading comment", value.comment))
            pad = block_pad = ""
            column = 0
            continue
        level = _level_at(stack, shape.indent, entry=bool(shape.dashes))
        if (
            shape.kind == "key"
            and not shape.dashes
            and value.empty
            and not value.block
            and level == 0
            and _holds_block(lines, n, shape.indent)
        ):
            # a sub-topic under a topic ("bigquery:" / "  pricing:"): a heading of its own, so
            # its lines are facts of it, not members asked "which heading are you under"
            out[n] = f"### {_key_words(shape.key.strip('_')) or shape.key}"
            stack.append(_Open(shape.indent, -1, dash=False, holds=True))
            pad = block_pad = ""
            column = shape.at
            continue
        said = _said(shape, value)
        out[n] = f"{'  ' * level}- {said}" if said else f"{'  ' * level}-"
        pad = block_pad = "  " * (level + 1)
        column = shape.at if shape.kind == "key" else shape.indent
        if shape.dashes:
            stack.append(_Open(shape.indent, level, dash=True, holds=False))
            if shape.kind == "key":
                stack.append(_Open(shape.at, level, dash=False, holds=value.empty))
        else:
            stack.append(_Open(shape.indent, level, dash=False, holds=value.empty))
    return out, skipped


def _holds_block(lines: list[str], n: int, indent: int) -> bool:
    """The key's next non-blank line is indented under it: it holds a block of its own."""
    for line in lines[n + 1 : n + 40]:
        if line.strip():
            return len(line) - len(line.lstrip(" ")) > indent
    return False


def _said(shape: _Shape, value: _Value) -> str:
    """An item's text for a key's or an entry's line."""
    if shape.kind == "entry":
        return _lead_text(_with_comment(value.text, value.comment))
    key = _key_words(shape.key)
    if shape.dashes and shape.key in _NAME_KEYS and value.text:
        return _lead_text(_with_comment(value.text, value.comment))
    if value.block or (value.empty and not value.text):
        label = _with_comment(key, value.comment)
        return _lead_text(f"{label}:")
    return _lead_text(f"{key}: {_with_comment(value.text, value.comment)}")


def _open_line(text: str) -> str:
    """A line of a quoted scalar or flow collection that goes on from the line above."""
    text = text.rstrip(",")
    for end in ('"', "'", "]", "}"):
        if text.endswith(end):
            text = text[: -len(end)].rstrip()
    return text.lstrip("[{").strip()
