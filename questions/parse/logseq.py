"""Pages exported from Logseq (its Markdown files): read as the page Logseq shows.

Logseq writes every block as a "- " bullet, a tab a level ("- ## Title" for a heading), a
block's further lines two spaces in from its bullet, and keeps its own syntax in the text:
properties atop the page ("tags:: aws") and under a block ("id:: 6543a1f2-…", "collapsed::
true"), a block reference "((6543a1f2-…))", an embed "{{embed ((…))}}", a query "{{query …}}",
a task "TODO …" ("DONE", "LATER", "NOW"…) with its "SCHEDULED: <2026-11-02 Mon>" and its
":LOGBOOK:" … ":END:" drawer, a highlight "==…==", tags "#exam" and "#[[multi word tag]]" and a
day's page "[[Nov 4th, 2026]]". Read as Markdown all of it was asked: a property ran into the
sentence above it ("managed spot training id: up to ___ cheaper"), references and embeds
stood in stems and a clock line was read as text.

Here the bullets nest as Markdown's (two spaces a tab), a block's further lines are its
item's, the page's properties and those that file a block (its id, whether it is folded, its
status, source…) are skipped and one stating a fact of its subject ("max-size:: 4 TB") is an
item under its block, "max size: 4 TB"; a task is a Markdown task item ("- [ ] TODO …",
skipped like the writer's other to-dos), its schedule and drawers skipped; the rest is read
as Roam's reader reads its own (questions/parse/roam.py): a reference dropped, a block left
with nothing to say (an embed, a query, a reference, only tags, a day's page) skipped, its
children lifted a level, tags closing a block dropped and page links left to the inline
reader, which shows their words. Code blocks and tables inside a block keep their text.

Only a file Logseq marks as its own is read so: blocks nested with tabs (or a block's id or
fold under it), and one of its marks (a property, a 36-character reference, an embed or
query, a task's marker, a schedule, a drawer), no bullet indented with spaces; each line
stays on its line.
"""

from __future__ import annotations

import re

from questions.parse.roam import (
    LINE,
    PROPERTY,
    TAB_BULLET,
    TASKS,
    UUID_REF,
    Dialect,
    as_shown,
    block_parts,
    code_blocks,
    files_page,
    has_nested,
    read_attribute,
    skip_block,
)

_TABS = re.compile(r"^\t+")
#: a bullet indented with spaces: Markdown's or Roam's, never Logseq's
_SPACED_BULLET = re.compile(r"^ +[-*+] ")
#: a block's id or fold under it: only Logseq writes them so
_BLOCK_PROPERTY = re.compile(
    r"^\t*  (?:id:: [0-9a-f]{8}-[0-9a-f-]{27}|collapsed:: (?:true|false))\s*$"
)
#: a task's marker opening a block, and its priority: "TODO", "LATER [#A]"
_MARKER = re.compile(
    r"^(?P<marker>TODO|DOING|DONE|LATER|NOW|WAITING|WAIT|CANCELED|CANCELLED|IN-PROGRESS|STARTED)"
    r"(?: +\[#[A-C]\])?(?: +|$)"
)
_TICKED = frozenset({"DONE", "CANCELED", "CANCELLED"})
_SCHEDULE = re.compile(r"^(?:SCHEDULED|DEADLINE): *<\d{4}-\d{2}-\d{2}[^<>\n]*>$")
#: a drawer's first line (":LOGBOOK:", ":PROPERTIES:"); ":END:" closes it
_DRAWER = re.compile(r"^:[A-Z][A-Z_-]*:$")
_END = ":END:"
#: a block's admonition or quote: "#+BEGIN_TIP" … "#+END_TIP"
_BLOCK_MARK = re.compile(
    r"^#\+(?:BEGIN|END)_(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING|PINNED|QUOTE|CENTER)$", re.I
)
_HIGHLIGHT = re.compile(r"==(?=[^\s=])([^=\n]+?)(?<=[^\s=])==")
#: a cloze: its words are the fact ("{{cloze 5 TB}}")
_CLOZE = re.compile(r"\{\{cloze ([^{}\n]*)\}\}")
#: a macro's name: "embed", "query", "renderer", "video" before a space or its end
_MACRO = re.compile(r"^\s*(?P<name>[A-Za-z][\w/-]*)(?:\s|$)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
#: a day's page: Logseq names it by its date ("[[Nov 4th, 2026]]", "[[2026-11-04]]")
_DAY = re.compile(
    rf"^\[\[(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?, \d{{4}}|\d{{4}}[-_/]\d{{2}}[-_/]\d{{2}})\]\]$"
)
#: what points at a reference, dropped with it: "see ((6543…))", ", cf. ((6543…))"
_POINTER = re.compile(
    r"[,;]?\s*\b(?:see(?: also)?|cf\.?)\s*:?\s*(?=\(\([0-9a-f]{8}-[0-9a-f-]{27}\)\))", re.I
)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KEBAB = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
#: properties Logseq keeps for itself: a block's id, fold, heading, colour, a template's…
_OWN = frozenset(
    {"id", "collapsed", "heading", "background color", "icon", "public", "filters",
     "exclude from graph view", "template including parent", "file", "file path",
     "created at", "updated at", "ls type", "doc"}
)  # fmt: skip
_OWN_PREFIXES = ("card ", "hl ", "query ", "logseq.")


def _macro(inner: str) -> str:
    """A Logseq macro's name, lower case; "" for none ("{{ .Values.image }}")."""
    m = _MACRO.match(inner)
    return m.group("name").lower() if m else ""


LOGSEQ = Dialect("Logseq", "==", _HIGHLIGHT, _macro)


def _spaced(line: str) -> str:
    """The line with its tabs' indent as Markdown's: two spaces a tab."""
    return _TABS.sub(lambda m: "  " * len(m.group()), line) if line.startswith("\t") else line


def is_logseq(lines: list[str]) -> bool:
    """The file marks itself as Logseq's: blocks nested with tabs, or a block's id or fold
    under it, and one of its marks outside code; no bullet indented with spaces."""
    code = code_blocks([_spaced(line) for line in lines])[0]
    nested = marked = False
    for line, is_code in zip(lines, code, strict=True):
        if is_code or not line.strip():
            continue
        if _SPACED_BULLET.match(line):
            return False
        tabbed = TAB_BULLET.match(line) is not None
        nested = nested or tabbed or _BLOCK_PROPERTY.match(line) is not None
        if marked:
            continue
        text = line.strip()
        block = text.startswith("- ")
        body = text[2:] if block else text
        marked = (
            (not block and PROPERTY.match(text) is not None)
            or UUID_REF.search(line) is not None
            or any(f"{{{{{name}" in line for name in ("embed", "query", "renderer"))
            or (block and _MARKER.match(body) is not None)
            or (not block and (_SCHEDULE.match(text) is not None or text == ":LOGBOOK:"))
        )
    return nested and marked


def logseq_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as the Markdown Logseq shows, and the lines of no fact dropped as (line
    number, reason, text); the lines as they were for a file that is not Logseq's."""
    if not is_logseq(lines):
        return lines, []
    out = [_spaced(line) for line in lines]
    code = code_blocks(out)[0]
    skipped: list[tuple[int, str, str]] = []
    _without_furniture(out, code, skipped)
    page_head = True  # the page's first block of properties only: they file the page
    for n, line in enumerate(out):
        if code[n] or not line.strip():
            continue
        indent, bullet, heading, body = block_parts(line)
        if not bullet:  # a block's further line
            said, why = _shown(body, has_children=False)
            if why and not said.strip():
                skipped.append((n + 1, why, line.strip()))
            out[n] = f"{indent}{heading}{said}" if said.strip() else ""
            continue
        attribute = read_attribute(body) if not heading else None
        if indent == "" and attribute is None:
            page_head = False
        if attribute is not None:
            name, value = attribute
            if page_head or _files(name, value):
                skip_block(out, code, n, "Logseq property", skipped, whole=True)
                continue
            body = f"{_shown_name(name)}: {value}"
        marker = _MARKER.match(body)
        if marker:
            body = body[marker.end() :]
        if _BLOCK_MARK.match(body.strip()):
            skipped.append((n + 1, "Logseq block marker", body.strip()))
            out[n] = f"{indent}-"
            continue
        nested = has_nested(out, code, n)
        said, why = _shown(body, has_children=nested)
        task = "" if marker is None else "done" if marker.group("marker") in _TICKED else "todo"
        if task and said.strip():  # a box where a block can hold one, else the word
            said = f"{'TODO' if heading else TASKS[task]} {said}"
        elif not said.strip() or _DAY.match(said.strip()):
            empty = "TODO" if task else why or "Logseq block"
            reason = "daily note" if said.strip() else empty
            skip_block(out, code, n, reason, skipped, whole=False)
            continue
        out[n] = f"{indent}- {heading}{said}"
    skipped.sort()
    return out, skipped


def _without_furniture(
    out: list[str], code: list[bool], skipped: list[tuple[int, str, str]]
) -> None:
    """Drop the lines under a block that file it, not say it: the page's properties (atop
    it, before any block), a block's properties of no fact, its schedule, its drawers and
    an admonition's marks; a property stating a fact is an item under its block."""
    head = True  # before the first block: the page's properties
    drawer = False
    for n, line in enumerate(out):
        if code[n] or not line.strip():
            continue
        parts = LINE.match(line)
        assert parts is not None
        if parts.group("bullet"):
            head = drawer = False
            continue
        text = line.strip()
        reason = ""
        if drawer or (_DRAWER.match(text) and text != _END):
            reason, drawer = "Logseq drawer", text != _END
        elif _SCHEDULE.match(text):
            reason = "Logseq schedule"
        elif _BLOCK_MARK.match(text):
            reason = "Logseq block marker"
        elif (attribute := read_attribute(text)) is not None:
            name, value = attribute
            if head or _files(name, value):
                reason = "Logseq property"
            else:
                out[n] = f"{parts.group('indent')}- {_shown_name(name)}: {value}"
        if reason:
            skipped.append((n + 1, reason, text))
            out[n] = ""


def _files(name: str, value: str) -> bool:
    """A property that files its page or block (its id, fold, status, source…), or says
    nothing (no value, "true", an id)."""
    key = " ".join(name.lower().replace("-", " ").replace("_", " ").split())
    said = value.strip()
    return (
        key in _OWN
        or key.startswith(_OWN_PREFIXES)
        or files_page(key)
        or said.lower() in ("", "true", "false")
        or _UUID.fullmatch(said) is not None
    )


def _shown_name(name: str) -> str:
    """A property's name as words: "max-size" reads "max size"."""
    return re.sub(r"[-_]", " ", name) if _KEBAB.fullmatch(name) else name


def _shown(body: str, *, has_children: bool) -> tuple[str, str]:
    """A block's text as Logseq shows it, and why it was dropped when that is nothing (as
    Roam's reader says it): a cloze is its words, a reference is dropped with the "see"
    pointing at it."""
    if "{{cloze " in body:
        body = _CLOZE.sub(lambda m: m.group(1).strip(), body)
    if "((" in body:
        body = _POINTER.sub("", body)
    return as_shown(body, has_children=has_children, dialect=LOGSEQ)
