"""Anki's own export of notes as plain text (Anki 2.1.55 and later): header lines naming the
separator and the columns ("#separator:tab", "#html:true", "#guid column:1", "#notetype
column:2", "#deck column:3", "#tags column:6"), then one note a record, its GUID, note type,
deck and tags in those columns and its own fields in between (a Cloze note's Text and Extra, a
Basic note's Front and Back); a field holding the separator, a quote or a line break is quoted
as CSV quotes it, and with "#html:true" a field holds HTML.

Read as a two-field card set (questions/parse/card_sets.py) or as Markdown, the GUIDs, note
types, deck paths and tags stood in every stem ("aws::saa::ebs numbers ^_dp!!Tb+l Cloze
AWS::SAA-C03::02 Storage io2 Block Express …") and the HTML and "{{c1::…}}" were words: 24
questions from 252 notes. Here each note is one list item on its record's first line (a record
over several lines leaves the rest blank, so each note keeps its line):

- a Cloze note is its text with each deletion as its answer in bold ("{{c2::Dec 2020::year}}"
  is "**Dec 2020**", the hint dropped): the answers are the facts its writer asks;
- any other note is a card, written as card_sets writes a card (its front and back), a note of
  one field that field alone; a back whose lines answer the front's list one by one pairs
  them ("stable virtual IP → Service; …"), and the lines under a back's short answer are said
  of it (in brackets, as the Extra); an Image Occlusion note has no words and is skipped;
- HTML is read as the HTML table reader reads a cell (questions/parse/html_tables.py: bold,
  italics and code as Markdown marks them, "<br>", "<div>" and "<li>" as "; " within the line,
  entities unescaped), a table row by row ("replication: sync (Multi-AZ), async (Read
  replica)"), "<pre>" as code (or, its cells parted by tabs, as a table); a plain field's line
  breaks are breaks too;
- the Extra (a Cloze note's second field, a card's third and later) goes in brackets inside
  the text's last sentence (so that it is read with what it is about), and a Basic back is
  kept, but for the lines of either that are the writer's own remark (skipped): a line with a
  question mark ("throttling??"), in the first person ("I", "my", "got this wrong"), a to-do
  or a hedge ("TODO", "pretty sure", "iirc") or about studying rather than the subject
  ("exam", "dumps", "deck", "leech"). One rule for whole lines of a field (no sentence cut out
  of one, so no mark is left half open);
- the GUID, note type and tags columns are dropped;
- the deck's last part, its ordering number dropped ("AWS::SAA-C03::02 Storage" is
  "Storage"), is a heading where the deck changes (a level deeper for a subdeck), on the free
  line above that note (a header line, or a blank line of a record over several lines), lines
  below never moved. When a change has no such line, no deck gets a heading (a heading placed
  for some would file the next decks' notes under it): the part all decks share is the one
  heading instead ("SAA-C03"), if there is one.

Only a file opening with Anki's header lines, at least one of which names a column, a note
type, a deck or HTML fields (a bare "#separator:tab" set is a card set card_sets reads), and
whose records are mostly notes with those columns, is read so. Its own module: card_sets reads
a set of two fields a line, this one CSV records, HTML and note types; card_sets calls it first
and hands it its way of writing a card (this module cannot import card_sets, which imports it).
Records are read with the standard library's csv module, a record over too many lines (a quote
never closed) read again as its first line alone.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape, unescape

# a cell's HTML read as Markdown: what the HTML table reader does with a table's cell
from questions.parse.html_tables import _read_table, _Text
from questions.parse.xhtml_text import escaped, noise_text

Skipped = tuple[int, str, str]  # (line number, reason, text)

#: a header line: "#separator:tab", "#html:true", "#deck column:3", "#notetype:Cloze"
_HEADER = re.compile(r"^#(?P<key>[A-Za-z][A-Za-z ]{0,24}):(?P<value>[^\n]{0,500})$")
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ",
               "colon": ":"}  # fmt: skip
_META = {"guid": "guid", "notetype": "notetype", "note type": "notetype", "deck": "deck",
         "tags": "tags"}  # fmt: skip
#: what marks a file as Anki's notes rather than a bare card set: a column, a note type, a
#: deck or HTML fields named
_MARKING_KEYS = frozenset({"columns", "notetype", "deck", "guid column", "notetype column",
                           "deck column", "tags column"})  # fmt: skip
#: a cloze's opening ("{{c1::", "{{c12::"), its end, and the "::" before its hint
_CLOZE_TOKEN = re.compile(r"\{\{c\d{1,3}::|\}\}|::")
_CLOZE_OPEN = re.compile(r"\{\{c\d{1,3}::")
#: the tags that end a line of a field: a line break, a block, a list item
_LINE_BREAK = re.compile(r"<(?:br|/?div|/?p|/?li|/?ul|/?ol|hr)\b[^<>]{0,200}>", re.I)
#: a table or a block of code in a field: each read as one piece of its line
_BLOCK_OPEN = re.compile(r"<(?P<name>table|pre)\b", re.I)
_BLOCK_CLOSE = {"table": re.compile(r"</table\s*>", re.I), "pre": re.compile(r"</pre\s*>", re.I)}
#: the end of a "<pre" tag
_TAG_END = re.compile(r"^[^<>]{0,200}>")
#: what parts a line's cells in a block of code laid out as a table: tabs
_TABS = re.compile(r"\t+")
#: a tag, for a skip to show a field's words only
_TAG = re.compile(r"<[^<>]{0,500}>")
_NEWLINE = re.compile(r"\n")
#: a bullet a line of a field opens with: "- ", "• ", "1. "
_BULLET = re.compile(r"^(?:[-•·]|\\\*|\d{1,2}[.)])\s+")
#: a line of a field that is its writer's own remark, no fact: a question or a doubt, the
#: first person, a to-do, a hedge, words about studying the subject
_REMARK = re.compile(
    r"\?|(?<![\w/-])I(?:'m|'ve|'d|'ll)?(?![\w/-])|\bQs\b"  # "I" but for "I/O"
    r"|(?i:\b(?:my|me|we|our|todo|fixme|tbd|iirc|afaik|pretty sure|not sure"
    r"|got (?:this|it) wrong|exams?|dumps?|questions?|practice tests?|decks?|leech)\b)"
)
#: a deck's ordering number: "02 Storage", "3. Networking", "10 - Security"
_ORDER = re.compile(r"^\d{1,3}(?:[.)]|\s+[-–—:]|\s)\s*(?=\S)")
_MARKDOWN_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
#: share of the records that are notes with the columns the header names
SHARE = 0.7
#: a record over more lines than this is a quote never closed: read as its first line alone
MAX_RECORD_LINES = 200
#: records read again so before the rest is read with no quoting at all
MAX_REREADS = 20
#: a field's characters read
MAX_FIELD = 20_000
MAX_HEADING_LEVEL = 6
#: the last column a header may name
MAX_COLUMN = 64
#: a field of more lines than this is no card's back of a few lines: kept whole
MAX_FIELD_LINES = 64
#: a back's first line of this many words at most is a short answer
SHORT_ANSWER_WORDS = 4


@dataclass
class _Header:
    separator: str = "\t"
    html: bool = False
    columns: dict[str, int] | None = None  # guid/notetype/deck/tags: 0-based column
    notetype: str = ""  # the note type of every note ("#notetype:Cloze")
    deck: str = ""  # the deck of every note ("#deck:AWS")
    lines: int = 0  # the header's lines


@dataclass
class _Note:
    line: int  # its record's first line (0-based)
    end: int  # the line after its record
    deck: str
    notetype: str
    fields: list[str]
    whole: bool  # its record has the columns the header names


def anki_notes_as_markdown(
    lines: list[str], card: Callable[[str, str], str]
) -> tuple[list[str], list[Skipped]] | None:
    """Each note an item on its first line, its deck a heading where it can be placed, and
    what was skipped as (line number, reason, text); None for a file that is no Anki export
    of notes. card writes a card's item of its front and back (Markdown both)."""
    header = _header(lines)
    if header is None:
        return None
    notes = _notes(lines, header)
    filled = [n for n in notes if any(f.strip() for f in n.fields)]
    whole = [n for n in filled if n.whole]
    if not whole or len(whole) < SHARE * len(filled):
        return None
    out = list(lines)
    skipped: list[Skipped] = []
    for n in range(header.lines):
        out[n] = ""
        if lines[n].strip():
            skipped.append((n + 1, "anki export header", lines[n].strip()))
    for note in notes:
        for k in range(note.line, note.end):
            out[k] = ""
        text, dropped = _note_item(note, header, card)
        out[note.line] = text
        skipped += [(note.line + 1, reason, noise_text(t)) for reason, t in dropped]
    _place_decks(out, [n for n in notes if n.whole and out[n.line]])
    return out, skipped


def _header(lines: list[str]) -> _Header | None:
    """The export's header lines atop the file, if they mark it as Anki's notes."""
    header = _Header()
    names: list[str] = []
    keys: set[str] = set()
    n = 0
    while n < len(lines) and n < 64 and (m := _HEADER.match(lines[n].strip())):
        key, value = " ".join(m["key"].lower().split()), m["value"].strip()
        keys.add(key)
        if key == "separator":
            sep = _SEPARATORS.get(value.lower(), value)
            if len(sep) != 1 or sep in '"\r\n':
                return None
            header.separator = sep
        elif key == "html":
            header.html = value.lower() == "true"
        elif key == "notetype":
            header.notetype = value
        elif key == "deck":
            header.deck = value
        elif key == "columns":
            names = value.split(header.separator)
        elif key.endswith(" column") and key[: -len(" column")] in _META:
            if not (value.isascii() and value.isdigit() and 1 <= int(value[:4]) <= MAX_COLUMN):
                return None
            columns = header.columns if header.columns is not None else {}
            columns[_META[key[: -len(" column")]]] = int(value[:4]) - 1
            header.columns = columns
        n += 1
    if not keys & {"separator", "html"} or not (keys & _MARKING_KEYS or header.html):
        return None
    if names and header.columns is None:
        header.columns = {_META[k]: j for j, name in enumerate(names)
                          if (k := " ".join(name.lower().split())) in _META}  # fmt: skip
    header.lines = n
    return header


class _Feed:
    """The lines of the file from one on, each with its line break, as csv reads them; a
    record over MAX_RECORD_LINES lines stops the reading."""

    def __init__(self, lines: list[str], first: int) -> None:
        self.lines = lines
        self.first = first  # the current record's first line
        self.at = first  # the next line to read

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self.at >= len(self.lines):
            raise StopIteration
        if self.at - self.first >= MAX_RECORD_LINES:
            raise csv.Error("record too long")
        self.at += 1
        return self.lines[self.at - 1] + "\n"


def _records(lines: list[str], start: int, sep: str) -> list[tuple[int, int, list[str]]]:
    """The records from a line on: (first line, line after it, fields). A record csv cannot
    read (a field too long, a quote never closed) is its first line read with no quoting."""
    out: list[tuple[int, int, list[str]]] = []
    n, rereads = start, 0
    while n < len(lines):
        feed = _Feed(lines, n)
        reader = csv.reader(feed, delimiter=sep, strict=False, quoting=csv.QUOTE_MINIMAL)
        if rereads >= MAX_REREADS:
            reader = csv.reader(feed, delimiter=sep, strict=False, quoting=csv.QUOTE_NONE)
        try:
            for fields in reader:
                out.append((feed.first, feed.at, fields))
                feed.first = feed.at
            return out
        except csv.Error:
            out.append((feed.first, feed.first + 1, lines[feed.first].split(sep)))
            n, rereads = feed.first + 1, rereads + 1
    return out


def _notes(lines: list[str], header: _Header) -> list[_Note]:
    columns = header.columns or {}
    need = max(columns.values(), default=-1) + 1
    meta = set(columns.values())
    out: list[_Note] = []
    for first, end, record in _records(lines, header.lines, header.separator):
        whole = len(record) >= need and len(record) > len(meta)
        fields = [f[:MAX_FIELD] for j, f in enumerate(record) if not (whole and j in meta)]
        while fields and not fields[-1].strip():
            fields.pop()
        deck, notetype = header.deck, header.notetype
        if whole:
            deck = record[columns["deck"]].strip() if "deck" in columns else deck
            notetype = record[columns["notetype"]].strip() if "notetype" in columns else notetype
        out.append(_Note(first, end, deck, notetype, fields, whole))
    return out


def _note_item(
    note: _Note, header: _Header, card: Callable[[str, str], str]
) -> tuple[str, list[tuple[str, str]]]:
    """A note's list item, and what of it was skipped as (reason, text)."""
    fields, kind, html = note.fields, note.notetype.lower(), header.html
    if not fields:
        return "", []
    if "occlusion" in kind:
        return "", [("anki image occlusion note", _plain(fields[0]))]
    dropped: list[tuple[str, str]] = []
    if "cloze" in kind or (not kind and _CLOZE_OPEN.search(fields[0])):
        text, asides = _markdown(_answered(fields[0], html), html), fields[1:]
    else:
        text, asides, dropped = _card_text(fields, html, card)
    if not text:
        return "", [("anki note with no text", _plain(" ".join(fields)))]
    if not note.whole:
        return "  " + text, dropped  # a line of no note's columns: more of the one above
    notes: list[str] = []
    for field in asides:
        kept, remarks = _kept(field, html)
        dropped += remarks
        if kept and (md := _markdown(kept, html)):
            notes.append(md)
    return "- " + _with_aside(text, "; ".join(notes)), dropped


def _card_text(
    fields: list[str], html: bool, card: Callable[[str, str], str]
) -> tuple[str, list[str], list[tuple[str, str]]]:
    """A card's text (its front and back as card writes them), the fields left to go after it
    in brackets, and what was skipped. A back's lines under a short answer, one of them a
    sentence, are about it ("Glacier Instant Retrieval<br>(not Standard-IA, the hint is …)"):
    they go in the brackets too (a column of short names is the answer, a list)."""
    front = _markdown(fields[0], html)
    back, dropped = _kept(fields[1], html) if len(fields) > 1 else ("", [])
    asides = fields[2:]
    if not front or not back:
        return front or _markdown(back, html), asides, dropped
    if paired := _paired(fields[0], back, html):
        return paired, asides, dropped
    lines = [_markdown(line, html) for line in _lines(back, html)[: MAX_FIELD_LINES + 1]]
    if _words(lines[0]) <= SHORT_ANSWER_WORDS < max(_words(line) for line in lines[1:] or [""]):
        rest = ("<br>" if html else "\n").join(_lines(back, html)[1:])
        return card(front, lines[0])[2:], [rest, *asides], dropped
    return card(front, _markdown(back, html))[2:], asides, dropped


def _words(text: str) -> int:
    return len(text.split())


def _with_aside(text: str, aside: str) -> str:
    """The text with the aside in brackets inside its last sentence (before its full stop), so
    that the aside is read with what it is about."""
    if not aside:
        return text
    bare = aside.strip("*_")
    if not (bare.startswith("(") and bare.endswith(")")):
        aside = f"({aside})"
    if text.endswith((".", "。")) and not text.endswith(".."):
        return f"{text[:-1]} {aside}{text[-1]}"
    return f"{text} {aside}"


def _answered(text: str, html: bool) -> str:
    """A Cloze note's text with each deletion as its answer in bold ("{{c1::5 TB}}" is "5 TB"
    bold, "{{c2::Dec 2020::year}}" "Dec 2020"): a deletion inside another is part of its
    answer; "::" and "}}" outside any are text."""
    bold = ("<b>", "</b>") if html else ("\x01", "\x02")
    out: list[str] = []
    hints: list[bool] = []  # the deletions open, whether each is at its hint
    at = 0
    for m in _CLOZE_TOKEN.finditer(text):
        token = m.group()
        if not any(hints):
            out.append(text[at : m.start()])
        at = m.end()
        if token.startswith("{{"):
            if not hints:
                out.append(bold[0])
            hints.append(False)
        elif not hints:
            out.append(token)
        elif token == "}}":
            hints.pop()
            if not hints:
                out.append(bold[1])
        elif not hints[-1]:
            hints[-1] = True
        elif not any(hints):
            out.append(token)
    if not any(hints):
        out.append(text[at:])
    if hints:
        out.append(bold[1])
    return "".join(out)


def _markdown(field: str, html: bool) -> str:
    """A field as one line of Markdown: its HTML read as the HTML table reader reads a cell
    (a plain field's text escaped, its line breaks and bold answers made HTML first), a table
    in it row by row ("replication: sync (Multi-AZ), async (Read replica)")."""
    if not field.strip():
        return ""
    if not html:
        field = escape(field, quote=False).replace("\n", "<br>")
        field = field.replace("\x01", "<b>").replace("\x02", "</b>")
    pieces: list[str] = []
    at = 0
    unclosed: set[str] = set()  # a block never closed after one opening is after none later
    for m in _BLOCK_OPEN.finditer(field):
        name = m["name"].lower()
        if m.start() < at or name in unclosed:
            continue
        close = _BLOCK_CLOSE[name].search(field, m.end())
        if close is None:
            unclosed.add(name)
            continue
        block = _table(field[m.start() : close.end()]) if name == "table" else ""
        if name == "pre":
            block = _pre(field[m.end() : close.start()])
        pieces += [_cell(field[at : m.start()]), block]
        at = close.end()
    pieces.append(_cell(field[at:]))
    out = ""
    for piece in filter(None, pieces):
        out += (" " if out.rstrip("*_`")[-1:] in ":;.,!?" else "; ") + piece if out else piece
    return out


def _cell(markup: str) -> str:
    """HTML as the HTML table reader reads a cell's (text with no tag nor entity as its cell
    text reads it, without a parser)."""
    if "<" not in markup and "&" not in markup:
        text = _Text()
        text.add(markup)
        return text.text()
    return _read_table(f"<table><tr><td>{markup}</td></tr></table>").text


def _pre(markup: str) -> str:
    """A block of code ("<pre>") as code in the line, or, laid out as a table with tabs
    between its cells, as that table."""
    end = _TAG_END.match(markup)
    markup = markup[end.end() :] if end else markup
    text = unescape(_TAG.sub("", _LINE_BREAK.sub("\n", markup)))
    rows = [_TABS.split(line.strip("\t ")) for line in text.split("\n") if line.strip()]
    width = max((len(r) for r in rows), default=0)
    if len(rows) >= 2 and width >= 2 and all(len(r) == width for r in rows[1:]):
        head = [""] * (width - len(rows[0])) + rows[0]
        if len(head) == width:
            cells = "".join(
                "<tr>" + "".join(f"<td>{escape(c.strip(), quote=False)}</td>" for c in r) + "</tr>"
                for r in [head, *rows[1:]]
            )
            return _table(f"<table>{cells}</table>")
    return _cell(f"<code>{markup}</code>")


def _table(markup: str) -> str:
    """A table as one line: each row its first cell, then its other cells each with its
    column's name."""
    read = _read_table(markup)
    if not read.rows:
        return read.text
    names, rows = read.rows[0], read.rows[1:]
    said = [
        f"{row[0]}: " * bool(row[0])
        + ", ".join(f"{c} ({names[j]})" if names[j] else c for j, c in enumerate(row) if j and c)
        for row in rows
    ]
    return "; ".join(filter(None, [read.caption, *said]))


def _plain(field: str) -> str:
    """A field's words, for a skip to show."""
    return " ".join(unescape(_TAG.sub(" ", _CLOZE_TOKEN.sub(" ", field))).split())


def _lines(field: str, html: bool) -> list[str]:
    """A field's lines as written (HTML between its line breaks), blank ones dropped."""
    parts = (_LINE_BREAK if html else _NEWLINE).split(field)
    return [p for p in parts if p.strip()]


def _kept(field: str, html: bool) -> tuple[str, list[tuple[str, str]]]:
    """A field without its lines that are its writer's remarks, and those lines (skipped); a
    field of more than MAX_FIELD_LINES lines is kept whole."""
    lines = _lines(field, html)
    if not lines or len(lines) > MAX_FIELD_LINES:
        return field.strip(), []
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for line in lines:
        words = _plain(line) if html else " ".join(line.split())
        if _REMARK.search(words):
            dropped.append(("anki note remark", words))
        elif words:
            kept.append(line)
    if len(kept) == len(lines):
        return field.strip(), dropped  # all kept: as written, its marks over its lines too
    return ("<br>" if html else "\n").join(kept).strip(), dropped


def _paired(front: str, back: str, html: bool) -> str:
    """A card whose back's lines answer its front's list one by one ("Pick the DB:<br>-
    Cassandra migration<br>- MongoDB migration" / "Keyspaces<br>DocumentDB"): each line with
    its answer ("Cassandra migration → Keyspaces"), after the front's lead; "" for another."""
    asks, answers = _lines(front, html), _lines(back, html)
    count = len(answers)
    if not 2 <= count <= MAX_FIELD_LINES or len(asks) not in (count, count + 1):
        return ""
    lead = _markdown(asks[0], html) if len(asks) > len(answers) else ""
    pairs = [
        f"{_BULLET.sub('', _markdown(a, html))} → {_BULLET.sub('', _markdown(b, html))}"
        for a, b in zip(asks[-len(answers) :], answers, strict=True)
    ]
    return " ".join([lead, "; ".join(pairs)]).strip()


def _place_decks(out: list[str], notes: list[_Note]) -> None:
    """Each deck a heading on the free line above its first note; else the part of the decks
    all share one heading above the first note; else none."""
    if not notes or not any(n.deck for n in notes):
        return
    changes: list[_Note] = []
    for k, note in enumerate(notes):
        if k == 0 or note.deck != notes[k - 1].deck:
            changes.append(note)
    paths = [[p.strip() for p in n.deck.split("::")] for n in changes]
    top = min(len(p) for p in paths)
    free = all(n.line > 0 and not out[n.line - 1].strip() for n in changes)
    if free and all(n.deck for n in changes):
        for note, path in zip(changes, paths, strict=True):
            level = min(1 + len(path) - top, MAX_HEADING_LEVEL)
            out[note.line - 1] = _heading(path[-1], level)
        return
    shared: list[str] = []
    for parts in zip(*paths, strict=False):
        if len(set(parts)) > 1:
            break
        shared.append(parts[0])
    first = changes[0].line
    if shared and first > 0 and not out[first - 1].strip():
        out[first - 1] = _heading(shared[-1], 1)


def _heading(name: str, level: int) -> str:
    name = _ORDER.sub("", name.strip()) or name.strip()
    text = escaped(" ".join(name.split()))
    return f"{'#' * level} {text}" if text and not _MARKDOWN_HEADING.match(text) else ""
