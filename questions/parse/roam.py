"""Notes exported from Roam Research as Markdown: read as the page Roam shows.

Roam writes every block as a "- " bullet (four spaces a level, a heading as "- ## Title") and
keeps its own syntax in the text: a highlight "^^…^^", an attribute block "Status:: in
progress", tags "#exam" and "#[[multi word tag]]", a block reference "((a1B2c3D4e))", an embed
"{{embed: ((…))}}", a task "{{[[TODO]]}} …" and a day's page "[[December 3rd, 2026]]". Read as
Markdown all of it was asked: "Status::" stood in a stem, a tag named a section and a date was
a topic. Here the highlight is its words, a task a Markdown task item ("- [ ] TODO …", skipped
like the writer's other to-dos), an attribute that files the page (its status, type, source…)
is skipped and one stating a fact of its subject ("Max size:: 4 TB") reads "Max size: 4 TB";
tags closing a block are dropped (inside a sentence they keep their words), a reference is
dropped, and a block left with nothing to say (an embed, a reference, only tags, a day's
page) is skipped, its children lifted a level so they keep the context above it. Page links
("[[Azure Policy]]") are left to the inline reader, which shows their words.

Only a file Roam marks as its own (two of its marks, and none only Logseq writes: properties
under a block, tab indents, reference ids of 36 characters) is read so; each line stays on its
line. Code keeps its text: Roam writes a code block's lines unindented with the closing fence
glued to the last ("SELECT 1;```"), so they are indented under their bullet and that fence
dropped, the block ending with its item.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

#: a line of an export: its indent, its bullet, a heading's marks and the block's text
LINE = re.compile(r"^(?P<indent> *)(?P<bullet>-(?: |$))?(?P<heading>#{1,6} +)?(?P<body>.*)$")
#: a block reference: Roam's ids are nine characters ("((gH5nB8yUe))")
_REF = re.compile(r"\(\([\w-]{9,}\)\)", re.ASCII)
_HIGHLIGHT = re.compile(r"\^\^([^^\n]+)\^\^")
#: an attribute block, "Max size:: 4 TB" (its name one line's words, no code, link or colon)
_ATTRIBUTE = re.compile(r"(?P<name>[^\s:`\[\]{}()#^*][^:`\[\]{}\n]{0,59})::(?: +(?P<value>.*))?$")
#: a tag: "#exam-favourite", "#[[storage redundancy]]"; "C#" and "#42" are none
_TAG = re.compile(r"(?<![^\s(])#(?:\[\[(?P<words>[^\[\]\n]*)\]\]|(?P<word>[\w/-]+))")
#: a link under a label of its own: "[the limits]([[Lambda Limits]])"
_ALIAS = re.compile(r"\[(?P<label>[^\[\]\n]+)\]\(\[\[(?P<page>[^\[\]\n]+)\]\]\)")
_LETTER = re.compile(r"[^\W\d_]")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: a day's page: Roam names it by its date ("[[December 3rd, 2026]]"), no topic
_DAY = re.compile(rf"^\[\[(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th), \d{{4}}\]\]$")
_FENCE = re.compile(r"^(?P<run>`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_SLOT = re.compile("\ue000(\\d+)\ue001")
#: what only Logseq writes: a property under a block or atop the page ("id:: 64f…",
#: "tags:: aws"), a tab's indent, a reference by a 36-character id, "{{embed ((…))}}"
PROPERTY = re.compile(r"^\s*[\w-]+:: ")
UUID_REF = re.compile(r"\(\([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)\)")
TAB_BULLET = re.compile(r"^\t+- ")
_BULLET = re.compile(r"^ *-(?: |$)")
#: attributes that file the page, not facts of its subject
_FILING = frozenset(
    {"status", "type", "types", "category", "categories", "tag", "tags", "source", "sources",
     "author", "authors", "by", "date", "dates", "created", "updated", "modified", "edited",
     "reviewed", "review", "exam", "exams", "course", "courses", "class", "certification",
     "topic", "topics", "subject", "subjects", "area", "areas", "project", "projects",
     "priority", "due", "deadline", "scheduled", "progress", "stage", "rating", "url", "link",
     "links", "related", "alias", "aliases", "title", "template", "instructor", "teacher",
     "book", "chapter", "lesson", "module", "week", "deck", "difficulty", "confidence",
     "reference", "references", "ref", "refs", "via", "parent", "up", "index", "moc"}
)  # fmt: skip
_FILING_PHRASES = frozenset(
    {"created at", "created on", "created by", "last updated", "last modified", "last edited",
     "last reviewed", "next review", "due date", "related to", "see also", "is a",
     "instance of", "date added", "added on", "read on"}
)  # fmt: skip
TASKS = {"todo": "[ ] TODO", "done": "[x] TODO"}  # Roam's DONE is its TODO ticked
MIN_MARKS = 2


@dataclass(frozen=True)
class Dialect:
    """How an outliner writes what `as_shown` reads away: its name, naming why a block is
    skipped ("Roam embed"), its highlight (the marks, and the pattern whose group is its words)
    and how it names a component ("{{…}}"), "" for text that is none."""

    name: str
    highlight_marks: str
    highlight: re.Pattern[str]
    component: Callable[[str], str]


def block_parts(line: str) -> tuple[str, str, str, str]:
    """A line of an outliner's export as its indent, its bullet ("" for a block's further
    line), a heading's marks ("" for none) and the block's text."""
    parts = LINE.match(line)
    assert parts is not None  # every line matches
    return (
        parts.group("indent"),
        parts.group("bullet") or "",
        parts.group("heading") or "",
        parts.group("body"),
    )


def is_roam(lines: list[str]) -> bool:
    """The file marks itself as Roam's: two of its marks ("((" references, "{{[[", "^^…^^",
    "#[[", "Name:: value" blocks) outside code, and nothing only Logseq writes."""
    marks = 0
    for line, code in zip(lines, code_blocks(lines)[0], strict=True):
        if code:
            continue
        if TAB_BULLET.match(line) or "{{embed ((" in line or UUID_REF.search(line):
            return False
        parts = LINE.match(line)
        assert parts is not None  # every line matches
        if parts.group("bullet") is None and PROPERTY.match(line):
            return False
        body = parts.group("body")
        attribute = parts.group("bullet") and not parts.group("heading") and read_attribute(body)
        shown = _hidden_code(body)[0]
        marks += sum(
            (
                _REF.search(shown) is not None,
                "{{[[" in shown,
                _HIGHLIGHT.search(shown) is not None,
                "#[[" in shown,
                bool(attribute),
            )
        )
    return marks >= MIN_MARKS


def roam_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as the Markdown Roam shows, and the blocks of no fact dropped as (line number,
    reason, text); the lines as they were for a file that is not Roam's."""
    if not is_roam(lines):
        return lines, []
    code, blocks = code_blocks(lines)
    out = _code_in_place(lines, blocks)
    skipped: list[tuple[int, str, str]] = []
    page_head = True  # the page's first blocks are attributes: they file the page
    for n, line in enumerate(out):
        if code[n] or not line.strip():
            continue
        indent, bullet, heading, body = block_parts(line)
        attribute = read_attribute(body) if bullet and not heading else None
        if indent == "" and attribute is None:
            page_head = False
        if attribute is not None:
            name, value = attribute
            if page_head or files_page(name):
                skip_block(out, code, n, "Roam attribute", skipped, whole=True)
                continue
            body = f"{name}: {value}"
        said, why = as_shown(body, has_children=has_nested(out, code, n))
        if why in TASKS and said.strip():  # a box where Roam shows one, else the word
            said = f"{TASKS[why] if bullet and not heading else 'TODO'} {said}"
        elif bullet and (not said.strip() or _DAY.match(said.strip())):
            empty = "TODO" if why in TASKS else why or "Roam component"
            reason = "daily note" if said.strip() else empty
            skip_block(out, code, n, reason, skipped, whole=False)
            continue
        out[n] = f"{indent}{'- ' if bullet else ''}{heading}{said}"
    skipped.sort()
    return out, skipped


def code_blocks(lines: list[str]) -> tuple[list[bool], list[tuple[int, int, str]]]:
    """Which lines are code, and each code block as (first line, last line, fence): a fence
    opens a block's text ("- ```js") and closes on a line that starts or ends with it (Roam
    glues it to the code: "console.log(x)```"); one never closed runs to the end."""
    code = [False] * len(lines)
    blocks: list[tuple[int, int, str]] = []
    fence, start = "", 0
    for n, line in enumerate(lines):
        parts = LINE.match(line)
        assert parts is not None
        body = parts.group("body")
        if fence:
            code[n] = True
            text = body.strip()
            if text.startswith(fence) or text.endswith(fence):
                blocks.append((start, n, fence))
                fence = ""
            continue
        m = _FENCE.match(body)
        if m is None:
            continue
        code[n] = True
        run = m.group("run")
        if run in body[m.end() :]:
            blocks.append((n, n, run))
        else:
            fence, start = run, n
    if fence:
        blocks.append((start, len(lines) - 1, fence))
    return code, blocks


def _code_in_place(lines: list[str], blocks: list[tuple[int, int, str]]) -> list[str]:
    """The lines with each block's code inside its bullet: Roam writes a code block's lines
    unindented, and its closing fence glued to the last one ("SELECT 1;```"), which Markdown
    reads as a paragraph after an empty code block. The code is indented under its bullet and
    a glued fence dropped (the block ends where its item does); the code itself is unchanged."""
    out = list(lines)
    for first, last, fence in blocks:
        parts = LINE.match(lines[first])
        assert parts is not None
        if last == first or parts.group("bullet") is None:
            continue
        inside = len(parts.group("indent")) + len("- ")
        said = [_indent(b) for b in out[first + 1 : last + 1] if b.strip()]
        pad = " " * max(0, inside - min(said, default=inside))
        for m in range(first + 1, last + 1):
            out[m] = pad + out[m] if out[m].strip() else out[m]
        closing = out[last].rstrip()
        if closing.endswith(fence) and closing.strip() != fence:
            out[last] = closing[: -len(fence)]
    return out


def read_attribute(body: str) -> tuple[str, str] | None:
    """An attribute block's name and value ("Max size:: 4 TB"), None for any other block."""
    m = _ATTRIBUTE.match(body)
    if m is None or m.group("name") != m.group("name").rstrip():
        return None
    return m.group("name"), (m.group("value") or "").strip()


def files_page(name: str) -> bool:
    """An attribute that files the page (its status, type, source, date…)."""
    key = " ".join(name.lower().split())
    return key in _FILING or key in _FILING_PHRASES


def _subtree_end(out: list[str], code: list[bool], n: int) -> int:
    """The last line of the block at line n and of the blocks nested under it: the bullets
    indented deeper, and the lines of no bullet (Roam writes a block's further lines, and
    its code, unindented)."""
    own = _indent(out[n])
    end = n
    for m in range(n + 1, len(out)):
        line = out[m]
        if not line.strip():
            continue
        if code[m] or _BULLET.match(line) is None or _indent(line) > own:
            end = m
            continue
        break
    return end


def has_nested(out: list[str], code: list[bool], n: int) -> bool:
    """Blocks are nested under the block at line n."""
    end = _subtree_end(out, code, n)
    return any(not code[m] and _BULLET.match(out[m]) for m in range(n + 1, end + 1))


def _text(line: str) -> str:
    """A line's words without its bullet, as reported when it is skipped."""
    text = line.strip()
    return text[2:].strip() if text.startswith("- ") else text


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def skip_block(
    out: list[str],
    code: list[bool],
    n: int,
    reason: str,
    skipped: list[tuple[int, str, str]],
    *,
    whole: bool,
) -> None:
    """Drop the block at line n: with the blocks under it (`whole`), or lifting them a level,
    so they stay under the block above it."""
    end = _subtree_end(out, code, n)
    own = _indent(out[n])
    skipped.append((n + 1, reason, _text(out[n])))
    out[n] = ""
    if whole:
        for m in range(n + 1, end + 1):
            if out[m].strip():
                skipped.append((m + 1, reason, _text(out[m])))
            out[m] = ""
        return
    nested = [m for m in range(n + 1, end + 1) if not code[m] and _BULLET.match(out[m])]
    step = min((_indent(out[m]) for m in nested), default=own) - own
    for m in range(n + 1, end + 1):
        out[m] = out[m][min(step, _indent(out[m])) :]


def as_shown(body: str, *, has_children: bool, dialect: Dialect | None = None) -> tuple[str, str]:
    """A block's text as Roam shows it, and what it was when that is nothing to read: "todo"
    or "done" for a task (its marker dropped, whatever its text), else the reason a block
    left with no words is skipped. Code spans are left as they are. Roam's unless another
    `dialect` is named."""
    dialect = dialect or ROAM
    text, slots = _hidden_code(body)
    why = ""
    if "{{" in text:
        text, why = _without_components(text, dialect)
    if "((" in text:
        text, refs = _REF.subn("", text)
        why = why or ("block reference" if refs else "")
    if dialect.highlight_marks in text:
        text = dialect.highlight.sub(r"\1", text)
    if "]([[" in text:  # "[label]([[Page]])": the label, a link to the page
        text = _ALIAS.sub(lambda m: f"[[{m.group('page')}|{m.group('label')}]]", text)
    if text.count("[[") >= 2:
        text = _flat_links(text)
    if "#" in text:
        text, dropped = _without_tags(text)
        if dropped and not text.strip():
            text = dropped if has_children else ""  # a tag over blocks: their topic
            why = why or "tags"
    if why:
        text = " ".join(text.split())
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text), why


def _hidden_code(text: str) -> tuple[str, list[str]]:
    """The text with its code spans as numbered slots, and the spans."""
    if "`" not in text:
        return text, []
    runs = list(_BACKTICKS.finditer(text))
    by_length: dict[int, list[int]] = {}
    for k, run in enumerate(runs):
        by_length.setdefault(len(run.group()), []).append(k)
    slots: list[str] = []
    pieces: list[str] = []
    at = k = 0
    while k < len(runs):
        run = runs[k]
        same = by_length[len(run.group())]
        nxt = bisect.bisect_right(same, k)
        if nxt == len(same):  # never closed: backticks of the text
            k += 1
            continue
        close = runs[same[nxt]]
        pieces += [text[at : run.start()], f"\ue000{len(slots)}\ue001"]
        slots.append(text[run.start() : close.end()])
        at, k = close.end(), same[nxt] + 1
    pieces.append(text[at:])
    return "".join(pieces), slots


def _without_components(text: str, dialect: Dialect) -> tuple[str, str]:
    """The text without Roam's components ("{{[[TODO]]}}", "{{embed: ((…))}}", "{{[[query]]:
    …}}"), and what they were: "todo" or "done" for a task's marker, "Roam embed" for an
    embed, "Roam component" for any other. An Anki cloze ("{{c1::…}}") or a template's
    placeholder ("{{ .Values.image }}") is no component: left as it is. Another `dialect`
    names its components, and the reasons, its own way."""
    closing: dict[int, int] = {}
    opened: list[int] = []
    for k, ch in enumerate(text):
        if ch == "{":
            opened.append(k)
        elif ch == "}" and opened:
            closing[opened.pop()] = k
    pieces: list[str] = []
    why = ""
    at = k = 0
    while (k := text.find("{{", k)) >= 0:
        end = closing.get(k, -1)
        if end < 0 or closing.get(k + 1) != end - 1:
            k += 1
            continue
        name = dialect.component(text[k + 2 : end - 1])
        if name:
            pieces.append(text[at:k])
            embed = f"{dialect.name} embed" if "embed" in name else ""
            kind = name if name in TASKS else embed
            why = kind if kind in TASKS or not why else why
            why = why or f"{dialect.name} component"
            at = end + 1
        k = end + 1
    pieces.append(text[at:])
    return "".join(pieces), why


#: a component's name: "[[embed]]", "TODO", "youtube", "roam/render" before its ":" or end
_COMPONENT = re.compile(r"^\s*(?:\[\[(?P<page>[^\[\]]+)\]\]|(?P<word>[\w/∆-]+))\s*(?::|$)")


def _component(inner: str) -> str:
    """A Roam component's name, lower case; "" for none ("c1::…", " .Values.image ")."""
    m = _COMPONENT.match(inner)
    if m is None or re.match(r"c\d+::", inner):
        return ""
    return (m.group("page") or m.group("word")).strip().lower()


ROAM = Dialect("Roam", "^^", _HIGHLIGHT, _component)


def _flat_links(text: str) -> str:
    """Page links inside a page link ("[[[[AWS]] Lambda]]") as their words: one link."""
    dropped: set[int] = set()
    opened: list[int] = []
    k = 0
    while k < len(text) - 1:
        pair = text[k : k + 2]
        if pair == "[[":
            opened.append(k)
            k += 2
        elif pair == "]]" and opened:
            start = opened.pop()
            if opened:
                dropped.update((start, start + 1, k, k + 1))
            k += 2
        else:
            k += 1
    if not dropped:
        return text
    return "".join(ch for k, ch in enumerate(text) if k not in dropped)


def _without_tags(text: str) -> tuple[str, str]:
    """The text without the tags closing it ("… #studylog", "## Storage #[[storage
    redundancy]]"), a tag inside it as its words ("redo the #[[storage redundancy]] lab");
    and the words of the tags dropped."""
    tags = [m for m in _TAG.finditer(text) if m.group("words") or _LETTER.search(m.group("word"))]
    if not tags:
        return text, ""
    cut = len(text)
    closing = 0
    for m in reversed(tags):
        if text[m.end() : cut].strip():
            break
        cut = m.start()
        closing += 1
    pieces: list[str] = []
    at = 0
    for m in tags[: len(tags) - closing]:
        pieces += [text[at : m.start()], _tag_words(m)]
        at = m.end()
    pieces.append(text[at:cut])
    dropped = " ".join(_tag_words(m) for m in tags[len(tags) - closing :])
    return "".join(pieces).rstrip(), dropped


def _tag_words(m: re.Match[str]) -> str:
    return (m.group("words") if m.group("words") is not None else m.group("word")).strip()
