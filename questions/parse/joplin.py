"""Notes exported from Joplin in its RAW format (one ".md" file an item) and joined into one
file: read as the Markdown they hold.

Each item is its title line, a blank line, its Markdown body, a blank line, then its metadata:
"key: value" lines ("id: <32 hex>", "parent_id: …", "created_time: 2025-03-04T21:12:05.123Z",
"is_todo: 0", "source_application: net.cozic.joplin-desktop", …) ending with "type_: N" (1 a
note, 2 a notebook, 4 a resource, 5 a tag, 6 a note's tag). Joplin reads an item back from its
end the same way: the metadata is the run of "key: value" lines up to the last blank line. A
file of such items joined has the next item's title right under the last "type_:" line. Read as
Markdown the metadata lines were facts ("What value do the notes give for todo_due?"), every
note's title a line of the note above it, and a resource link an image or a link to nowhere.

- every metadata line is skipped; a note's title is a heading, its body's headings under it (a
  first body heading repeating the title is skipped: it says it twice);
- a notebook (type_ 2), a tag, a note's tag, a resource or any other item holds no notes: all
  its lines are skipped; a notebook's title is a heading over its notes when every note names a
  notebook of the file as its parent_id, set on the note's title line (the note's heading taking
  the blank line under it), and only where the notebook changes;
- a note in conflict (a copy of another) or in the trash is skipped whole: it says again, or no
  longer, what the notes say;
- a resource link ("![x](:/32hex)", '<img src=":/32hex" …>') is an attachment's image: dropped;
  a link to a note or a file ("[note](:/32hex)", '<a href=":/32hex">…</a>') keeps its words;
  nothing inside code is touched.

Only a file with a complete metadata block is read so: an "id:" of 32 hex digits, a
"type_: N" line ending it and at least four other keys Joplin writes. Each line stays on its
line, so every question still points at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: a metadata line: a key as Joplin writes it (lowercase, "_"), a colon, perhaps its value
_FIELD = re.compile(r"^(?P<key>[a-z_][a-z0-9_]{0,40}): ?(?P<value>.*)$")
#: the line that ends an item's metadata: its type
_TYPE = re.compile(r"^type_: ?(?P<type>\d{1,3})[ \t]*$")
#: Joplin's id: 32 lowercase hex digits
_ID = re.compile(r"^[0-9a-f]{32}$")
#: keys Joplin writes on its items (notes, notebooks, tags, resources, their links)
_KNOWN = frozenset(
    {
        "parent_id", "created_time", "updated_time", "is_conflict", "latitude", "longitude",
        "altitude", "author", "source_url", "is_todo", "todo_due", "todo_completed", "source",
        "source_application", "application_data", "order", "user_created_time",
        "user_updated_time", "encryption_cipher_text", "encryption_applied",
        "encryption_blob_encrypted", "markup_language", "is_shared", "share_id",
        "conflict_original_id", "master_key_id", "user_data", "deleted_time", "icon", "note_id",
        "tag_id", "mime", "filename", "file_extension", "size", "blob_updated_time", "ocr_text",
        "ocr_details", "ocr_status", "ocr_error",
    }
)  # fmt: skip
_MIN_KNOWN = 4
#: a metadata block longer than this is none (a resource's has some 30 lines)
_MAX_FIELDS = 120
_NOTE, _NOTEBOOK = "1", "2"
#: what an item that holds no notes is skipped as, by its type
_ITEM_KINDS = {
    "2": "joplin notebook",
    "4": "joplin resource",
    "5": "joplin tag",
    "6": "joplin tag link",
}
_METADATA = "joplin metadata"

# the body's Markdown, as far as headings and resource links go
#: a code fence's opening or closing line: its character and its length
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
#: an ATX heading: its indent, its marks, then its words (or nothing)
_ATX = re.compile(r"^(?P<indent> {0,3})(?P<marks>#{1,6})(?P<rest>[ \t].*|)$")
#: a setext heading's underline ("===" a first-level, "---" a second-level heading)
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
#: a line that starts no paragraph (a setext heading's words are a paragraph's)
_NOT_PARAGRAPH = re.compile(r"^\s*(?:[-+*>|#<]|\d{1,9}[.)](?:\s|$)|$)|^ {4}")
_BACKTICKS = re.compile(r"`+")
#: a resource's image: "![alt](:/32hex)" or '![alt](:/32hex "title")'
_IMAGE = re.compile(r'!\[[^\[\]\n]{0,500}\]\(:/[0-9a-fA-F]{32}(?:[ \t]{1,20}"[^"\n]{0,500}")?\)')
#: a link to a note or a resource: "[words](:/32hex)", "[words](:/32hex#anchor)"
_LINK = re.compile(
    r"\[(?P<words>[^\[\]\n]{0,500})\]\(:/[0-9a-fA-F]{32}(?:#[^\s()]{0,200})?"
    r'(?:[ \t]{1,20}"[^"\n]{0,500}")?\)'
)
#: an HTML tag (an image's, a link's): its name and attributes, no "<" or ">" in them
_TAG = re.compile(r"<(?P<close>/?)(?P<name>img|a)\b(?P<attrs>[^<>]{0,2000})>", re.I)
#: an attribute pointing at a resource or a note: src=":/32hex", href=':/32hex'
_RESOURCE_ATTR = re.compile(r"""(?:src|href)\s*=\s*["']?:/[0-9a-fA-F]{32}""", re.I)
#: a link reference definition pointing at a resource: "[1]: :/32hex"
_REFERENCE = re.compile(r"^ {0,3}\[[^\[\]]{1,500}\]:[ \t]*<?:/[0-9a-fA-F]{32}")
#: Markdown's marks in a title's words, escaped (a title is plain text to Joplin)
_ESCAPE = re.compile(r"[\\`*_\[\]<>#&~|]")
_MAX_LEVEL = 6
#: the block marks opening a line: a list's, a quote's, a heading's
_MARKS = re.compile(r"^(?:[ \t]*(?:[-+*>]|\d{1,9}[.)]|#{1,6})(?=[ \t]|$))*")


@dataclass(frozen=True)
class _Item:
    """One item: its lines from start, its metadata from meta up to end (its "type_:" line)."""

    start: int
    meta: int
    end: int
    fields: dict[str, str]

    @property
    def kind(self) -> str:
        return self.fields.get("type_", "")


def _metadata_at(lines: list[str], end: int) -> tuple[int, dict[str, str]] | None:
    """The metadata block ending with the "type_:" line at end: its first line and its fields;
    None when it is not Joplin's (no 32-hex id, too few of its keys). The block runs up from end
    over "key: value" lines, to a blank line, another item's "type_:" line or a line of text."""
    fields: dict[str, str] = {}
    start = end
    while start >= 0 and end - start < _MAX_FIELDS:
        field = _FIELD.match(lines[start])
        if field is None or (start < end and _TYPE.match(lines[start])):
            break
        fields.setdefault(field.group("key"), field.group("value").strip())
        start -= 1
    known = sum(1 for key in fields if key in _KNOWN)
    if not _ID.match(fields.get("id", "")) or known < _MIN_KNOWN:
        return None
    return start + 1, fields


def _items(lines: list[str]) -> list[_Item]:
    """The file's items, each ending with a complete metadata block; an item's lines start
    right after the item before it."""
    items: list[_Item] = []
    after = 0
    for n, line in enumerate(lines):
        if not line.startswith("type_") or _TYPE.match(line) is None:
            continue
        found = _metadata_at(lines, n)
        if found is None or found[0] < after:
            continue
        meta, fields = found
        items.append(_Item(after, meta, n, fields))
        after = n + 1
    return items


def is_joplin(lines: list[str]) -> bool:
    """The file holds at least one complete Joplin metadata block."""
    return bool(_items(lines))


def joplin_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (each note's title a heading over its body, a notebook's title
    over its notes), and the items' metadata and the items that hold no notes skipped as
    (line number, reason, text); the lines as they were for a file that is no Joplin export."""
    items = _items(lines)
    if not items:
        return lines, []
    return _Reader(lines, items).read()


class _Reader:
    """One pass over a Joplin export's items."""

    def __init__(self, lines: list[str], items: list[_Item]) -> None:
        self.src = lines
        self.items = items
        self.out = list(lines)
        self.skipped: list[tuple[int, str, str]] = []

    def read(self) -> tuple[list[str], list[tuple[int, str, str]]]:
        notebooks = {
            item.fields["id"]: self._title(item)[1] for item in self.items if item.kind == _NOTEBOOK
        }
        notes = [item for item in self.items if item.kind == _NOTE and not _discarded(item)]
        # a notebook's heading only when it is clear which notebook holds each note
        by_notebook = bool(notes) and all(
            notebooks.get(n.fields.get("parent_id", "")) for n in notes
        )
        current = ""  # the notebook whose heading is over the note
        for item in self.items:
            if item.kind == _NOTE and not _discarded(item):
                parent = item.fields.get("parent_id", "") if by_notebook else ""
                self._note(
                    item, notebooks.get(parent, "") if parent != current else "", by_notebook
                )
                current = parent if by_notebook else ""
            else:
                reason = _ITEM_KINDS.get(item.kind, "joplin item")
                if item.kind == _NOTE:
                    reason = (
                        "joplin conflict copy"
                        if item.fields.get("is_conflict") == "1"
                        else "joplin deleted note"
                    )
                for k in range(item.start, item.end + 1):
                    self._skip(k, reason)
        self.skipped.sort()
        return self.out, self.skipped

    def _skip(self, n: int, reason: str) -> None:
        """Line n says nothing of the notes: empty, and noted as skipped when it had words."""
        self.out[n] = ""
        text = self.src[n].strip()
        if text:
            self.skipped.append((n + 1, reason, text))

    def _title(self, item: _Item) -> tuple[int, str]:
        """The line of the item's title (its first line with words, before its metadata) and
        the title, without the marks of a heading written over the export ("# My notes");
        (-1, "") when it has none."""
        for k in range(item.start, item.meta):
            title = self.src[k].strip()
            if title:
                heading = _ATX.match(title)
                return k, heading.group("rest").strip().rstrip("#").strip() if heading else title
        return -1, ""

    def _note(self, item: _Item, notebook: str, by_notebook: bool) -> None:
        """A note: its title a heading (the notebook's over it when it opens the notebook's
        notes), its body's headings under it, its resource links as words, its metadata
        skipped."""
        level = 2 if by_notebook else 1
        at, title = self._title(item)
        body = at + 1 if at >= 0 else item.meta
        if at >= 0:
            heading = "#" * level + " " + _ESCAPE.sub(r"\\\g<0>", title)
            below = at + 1
            if notebook and below < item.meta and not self.src[below].strip():
                self.out[at] = "# " + _ESCAPE.sub(r"\\\g<0>", notebook)
                self.out[below] = heading
                body = below + 1
            else:
                self.out[at] = heading
        _Body(self, body, item.meta, level, title).read()
        for k in range(item.meta, item.end + 1):
            self._skip(k, _METADATA)


def _discarded(item: _Item) -> bool:
    """A note in conflict (a copy of another note) or in the trash."""
    deleted = item.fields.get("deleted_time", "0") or "0"
    return item.fields.get("is_conflict") == "1" or deleted != "0"


class _Body:
    """A note's body, lines start to stop: its headings one level under the note's title and
    after (its shallowest heading right under it), a first heading repeating the title skipped,
    resource links as words, code left as it is."""

    def __init__(self, reader: _Reader, start: int, stop: int, level: int, title: str) -> None:
        self.r = reader
        self.start = start
        self.stop = stop
        self.level = level
        self.title = title

    def read(self) -> None:
        out = self.r.out
        texts = self._texts()
        # the headings: (line, level, words, the setext underline's line or -1)
        headings: list[tuple[int, int, str, int]] = []
        under = -1  # a setext underline's line, no line of words
        for n in texts:
            if n == under:
                continue
            heading = _ATX.match(out[n])
            if heading is not None:
                words = heading.group("rest").strip().rstrip("#").strip()
                headings.append((n, len(heading.group("marks")), words, -1))
            elif self._setext(n, texts):
                under = n + 1
                level = 1 if self.r.src[under].strip()[0] == "=" else 2
                headings.append((n, level, out[n].strip(), under))
        if headings and headings[0][0] == next(iter(texts), -1):
            n, _, words, under = headings[0]
            if words.casefold() == self.title.casefold():  # the title said again
                self.r._skip(n, "joplin title repeated")
                if under >= 0:
                    self.r._skip(under, "joplin title repeated")
                del headings[0]
        shift = self.level + 1 - min((h[1] for h in headings), default=1)
        for n, level, words, under in headings:
            marks = "#" * max(1, min(level + shift, _MAX_LEVEL))
            heading = _ATX.match(out[n])
            if heading is not None:
                out[n] = heading.group("indent") + marks + heading.group("rest")
            else:
                out[n] = marks + " " + words
                out[under] = ""

    def _texts(self) -> dict[int, bool]:
        """The body's lines with words outside code, in order (a dict kept as an ordered set),
        each written out with its resource links as words; a line of only resource images or
        a resource's reference definition skipped."""
        src, out = self.r.src, self.r.out
        texts: dict[int, bool] = {}
        fence = ""  # the open code fence's marks
        for n in range(self.start, self.stop):
            line = src[n]
            opening = _FENCE.match(line)
            if fence:
                if opening is not None and _closes(opening.group("fence"), fence, line):
                    fence = ""
                continue
            if opening is not None and not (
                opening.group("fence")[0] == "`" and "`" in line[opening.end() :]
            ):
                fence = opening.group("fence")
                continue
            if not line.strip():
                continue
            if _REFERENCE.match(line):
                self.r._skip(n, "joplin resource link")
                continue
            text = _without_resources(line) if ":/" in line else line
            if text != line and "|" not in text and not _has_words(text):
                self.r._skip(n, "joplin image")
                continue
            out[n] = text
            texts[n] = True
        return texts

    def _setext(self, n: int, texts: dict[int, bool]) -> bool:
        """Line n is a setext heading's words: one line of a paragraph, an underline under it."""
        src = self.r.src
        if n + 1 not in texts or not _SETEXT.match(src[n + 1]):
            return False
        if _NOT_PARAGRAPH.match(src[n]):
            return False
        return n == self.start or not src[n - 1].strip()


def _has_words(line: str) -> bool:
    """The line says something after its block marks ("- " left of an image says nothing)."""
    marks = _MARKS.match(line)
    return any(ch.isalnum() for ch in (line[marks.end() :] if marks else line))


def _closes(marks: str, fence: str, line: str) -> bool:
    """The fence line closes the open fence: its character, at least as long, nothing after."""
    return marks[0] == fence[0] and len(marks) >= len(fence) and not line.strip().strip(marks[0])


def _without_resources(line: str) -> str:
    """The line with Joplin's resource images dropped and its links to notes and resources as
    their words; code spans left as they are."""
    pieces: list[str] = []
    at = 0
    for start, end in _code_ranges(line):
        pieces += [_reduce(line[at:start]), line[start:end]]
        at = end
    pieces.append(_reduce(line[at:]))
    return "".join(pieces)


def _reduce(text: str) -> str:
    """Text outside code: resource images dropped, resource links as their words."""
    if ":/" not in text:
        return text
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group("words"), text)
    if "<" in text:
        text = _tags(text)
    return text


def _tags(text: str) -> str:
    """The text without <img> tags showing a resource, and without the <a> and </a> tags of a
    link to a note or a resource (its words kept)."""
    pieces: list[str] = []
    at = 0
    open_link = False  # a resource link's <a> is open: its </a> goes too
    for tag in _TAG.finditer(text):
        name = tag.group("name").lower()
        if tag.group("close"):
            drop = name == "a" and open_link
            open_link = open_link and not drop
        else:
            drop = bool(_RESOURCE_ATTR.search(tag.group("attrs")))
            open_link = open_link or (drop and name == "a")
        if drop:
            pieces.append(text[at : tag.start()])
            at = tag.end()
    pieces.append(text[at:])
    return "".join(pieces)


def _code_ranges(text: str) -> list[tuple[int, int]]:
    """Where each code span starts and ends: a run of backticks opens one when a run as long
    closes it later."""
    if "`" not in text:
        return []
    runs = list(_BACKTICKS.finditer(text))
    closable = [False] * len(runs)
    seen: set[int] = set()
    for k in range(len(runs) - 1, -1, -1):
        width = len(runs[k].group(0))
        closable[k] = width in seen
        seen.add(width)
    ranges: list[tuple[int, int]] = []
    opening: re.Match[str] | None = None
    for k, run in enumerate(runs):
        if opening is None:
            opening = run if closable[k] else None
        elif len(run.group(0)) == len(opening.group(0)):
            ranges.append((opening.start(), run.end()))
            opening = None
    return ranges
