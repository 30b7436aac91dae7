"""Markdown study notes -> sections (heading path, line numbers) -> facts.

Real notes are messy (typos, CRLF, empty sections, truncated paragraphs, images, TODO lists of
URLs), so the parser is line-based and forgiving: it never raises on odd input, it records what
it skipped and why, and it hands the generators plain facts with their source line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_LIST_RE = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK_RE = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
_URL_RE = re.compile(r"https?://\S+")
_MARK_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|`([^`]+)`")
_TODO_RE = re.compile(r"^\s*(TODO|FIXME|待办)\b", re.IGNORECASE)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = ".!?。！？;；"
_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u4e00-\u9fff(])|(?<=[。！？])")

#: words that start a heading which is a phrase, not the name of a thing ("For full capacity")
_PHRASE_STARTS = {
    "for", "how", "what", "why", "when", "where", "which", "using", "use", "with", "about",
    "notes", "misc", "miscellaneous", "todo", "summary", "overview", "introduction",
}  # fmt: skip


@dataclass(frozen=True)
class ListItem:
    text: str
    raw: str
    line: int
    depth: int
    ordered: bool


@dataclass(frozen=True)
class Block:
    """One paragraph, list, table or code block; `text` is cleaned, `raw` keeps the markup."""

    kind: str  # paragraph | list | table | code
    line: int
    text: str = ""
    raw: str = ""
    items: tuple[ListItem, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[tuple[str, ...], int], ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading and the blocks directly under it (not its subsections)."""

    index: int
    path: tuple[str, ...]  # cleaned headings from the top level down to this one
    level: int
    line: int
    end_line: int
    blocks: tuple[Block, ...]

    @property
    def heading(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def key(self) -> str:
        return " › ".join(self.path) or "(no heading)"


@dataclass(frozen=True)
class Skipped:
    """Something in the notes nothing was generated from, and why (shown in the summary)."""

    line: int
    reason: str
    text: str


@dataclass(frozen=True)
class Notes:
    file: str
    title: str
    sections: tuple[Section, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True)
class Fact:
    """A unit of knowledge a generator can ask about, with where it came from.

    kind: definition (term + definition), item (an item of a named group), row (a table row),
    statement (a plain sentence). `origin` says where a definition came from (heading, bold,
    group:<label>) so distractors are drawn from terms of the same kind.
    """

    kind: str
    section: Section
    line: int
    text: str  # the source sentence / row / item, cleaned: the explanation
    term: str = ""
    definition: str = ""
    origin: str = ""
    group: str = ""
    context: str = ""
    marked: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


# --- inline cleaning ----------------------------------------------------------------------


def clean_inline(text: str) -> str:
    """Markdown inline markup -> plain text (images and bare URLs removed, links keep text)."""
    text = _IMAGE_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _MARK_RE.sub(lambda m: next(g for g in m.groups() if g is not None), text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    text = re.sub(r"^\s*-\s+", "", text)
    return " ".join(text.split())


def marked_spans(raw: str) -> tuple[str, ...]:
    """Bold and code spans: the terms the author singled out."""
    return tuple(
        " ".join(next(g for g in m.groups() if g is not None).split())
        for m in _MARK_RE.finditer(raw)
    )


def clean_heading(text: str) -> str:
    """Heading text as a topic: markup stripped, SHOUTED words softened (AWS INSPECTOR)."""
    text = clean_inline(text).strip(" :：-")

    def soften(m: re.Match[str]) -> str:
        word = m.group(0)
        return word if len(word) <= 4 else word.capitalize()

    return re.sub(r"\b[A-Z]{2,}\b", soften, text)


def is_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a cut-off last sentence (no end mark) of a long one is dropped."""
    parts = [p.strip() for p in _SPLIT_RE.split(text) if p and p.strip()]
    return parts


def truncated_tail(parts: Sequence[str]) -> bool:
    """A paragraph whose last sentence stops mid-word was cut off (copy-paste accidents)."""
    if len(parts) < 2:
        return False
    last = parts[-1]
    return last[-1].isascii() and last[-1].isalnum()


# --- block parsing ------------------------------------------------------------------------


def _table_cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return tuple(clean_inline(c) for c in body.split("|"))


def _blocks(lines: Sequence[tuple[int, str]], skipped: list[Skipped]) -> list[Block]:
    """Blocks of one section body (lines are (number, text)); TODO runs, images, URLs skipped."""
    out: list[Block] = []
    i = 0
    todo = False
    while i < len(lines):
        num, line = lines[i]
        if not line.strip():
            i += 1
            continue
        if _FENCE_RE.match(line):
            fence = _FENCE_RE.match(line)
            assert fence is not None
            j = i + 1
            while j < len(lines) and not lines[j][1].strip().startswith(fence.group(1)):
                j += 1
            code = "\n".join(text for _, text in lines[i + 1 : j])
            out.append(Block("code", num, text=code, raw=code))
            skipped.append(Skipped(num, "code block", code[:60]))
            i = j + 1
            continue
        if todo:
            skipped.append(Skipped(num, "TODO list", clean_inline(line)[:60]))
            i += 1
            continue
        if _TODO_RE.match(line):
            todo = True
            skipped.append(Skipped(num, "TODO list", clean_inline(line)[:60]))
            i += 1
            continue
        if (
            line.lstrip().startswith("|")
            and i + 1 < len(lines)
            and _TABLE_SEP_RE.match(lines[i + 1][1])
        ):
            header = _table_cells(line)
            rows: list[tuple[tuple[str, ...], int]] = []
            j = i + 2
            while j < len(lines) and lines[j][1].lstrip().startswith("|"):
                rows.append((_table_cells(lines[j][1]), lines[j][0]))
                j += 1
            out.append(Block("table", num, header=header, rows=tuple(rows)))
            i = j
            continue
        if _LIST_RE.match(line):
            items: list[ListItem] = []
            j = i
            while j < len(lines):
                n, text = lines[j]
                m = _LIST_RE.match(text)
                if m:
                    depth = len(m.group(1).expandtabs(4)) // 2
                    ordered = m.group(2)[0].isdigit()
                    items.append(ListItem(clean_inline(m.group(3)), m.group(3), n, depth, ordered))
                    j += 1
                elif not text.strip():
                    k = j
                    while k < len(lines) and not lines[k][1].strip():
                        k += 1
                    if k < len(lines) and _LIST_RE.match(lines[k][1]):
                        j = k
                    else:
                        break
                elif text.startswith((" ", "\t")) and items:
                    last = items[-1]
                    raw = f"{last.raw} {text.strip()}"
                    items[-1] = ListItem(
                        clean_inline(raw), raw, last.line, last.depth, last.ordered
                    )
                    j += 1
                else:
                    break
            kept = []
            for item in items:
                if not item.text or _URL_RE.fullmatch(item.text.split()[0]):
                    skipped.append(Skipped(item.line, "URL or image", item.raw[:60]))
                else:
                    kept.append(item)
            if kept:
                out.append(Block("list", num, items=tuple(kept)))
            i = j
            continue
        # paragraph: consecutive lines that start nothing else
        j = i
        raw_lines: list[str] = []
        while j < len(lines):
            text = lines[j][1]
            if (
                not text.strip()
                or _FENCE_RE.match(text)
                or (_LIST_RE.match(text) and j > i)
                or (text.lstrip().startswith("|") and j > i)
            ):
                break
            raw_lines.append(text.strip())
            j += 1
        raw = " ".join(raw_lines)
        cleaned = clean_inline(raw)
        if not cleaned:
            skipped.append(Skipped(num, "image", raw[:60]))
        elif _URL_RE.match(cleaned):
            skipped.append(Skipped(num, "bare URL", cleaned[:60]))
        else:
            out.append(Block("paragraph", num, text=cleaned, raw=raw))
        i = j
    return out


def parse_notes(text: str, file: str = "notes.md") -> Notes:
    """Split notes into sections by heading; never raises, whatever the Markdown looks like."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings: list[tuple[int, int, str]] = []  # (line index, level, text)
    in_code = False
    for idx, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_code = not in_code
            continue
        m = None if in_code else _HEADING_RE.match(line)
        if m and clean_heading(m.group(2)):
            headings.append((idx, len(m.group(1)), clean_heading(m.group(2))))
    skipped: list[Skipped] = []
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []  # (level, heading)
    bounds = [(-1, 0, "")] if not headings or headings[0][0] > 0 else []
    bounds += headings
    for n, (idx, level, heading) in enumerate(bounds):
        end = bounds[n + 1][0] if n + 1 < len(bounds) else len(lines)
        body = [(k + 1, lines[k]) for k in range(idx + 1, end)]
        if idx >= 0:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading))
        path = tuple(h for _, h in stack)
        blocks = _blocks(body, skipped)
        if idx < 0 and not blocks:
            continue
        sections.append(
            Section(len(sections), path, level, max(idx + 1, 1), max(end, 1), tuple(blocks))
        )
    stem = re.sub(r"\.[^.]*$", "", file.replace("\\", "/").rsplit("/", 1)[-1])
    words = [w.upper() if len(w) <= 3 and w.isalpha() else w for w in re.split(r"[-_ ]+", stem)]
    title = " ".join(w for w in words if w) or "Notes"
    return Notes(file, title, tuple(sections), tuple(skipped))


# --- facts --------------------------------------------------------------------------------


def _lead_term(heading: str) -> tuple[str, str]:
    """Split 'Cognito sync 不同终端的用户数据同步' into a Latin term and the CJK rest."""
    m = _CJK_RE.search(heading)
    if not m:
        return heading.strip(), ""
    return heading[: m.start()].strip(" :：-"), heading[m.start() :].strip()


def is_term(text: str) -> bool:
    """A name of a thing (service, feature, policy), not a phrase or a sentence."""
    words = text.split()
    if not words or len(words) > 6 or not re.match(r"[A-Za-z]", text):
        return False
    return not (words[0].lower() in _PHRASE_STARTS or text[-1] in _SENTENCE_END)


def term_core(term: str) -> str:
    """'AWS AppSync' -> 'AppSync': the part that must be masked wherever it appears."""
    core = re.sub(r"^(?:(?:AWS|Amazon)\s+)+", "", term, flags=re.IGNORECASE).strip()
    return core or term


def term_pattern(term: str) -> re.Pattern[str]:
    """Matches the term, with optional AWS/Amazon prefix and singular/plural forms."""
    core = term_core(term)
    stem = core[:-1] if core.lower().endswith("s") and len(core) > 3 else core
    words = [re.escape(w) for w in stem.split()]
    body = r"[\s-]*".join(words)
    return re.compile(
        rf"(?<![\w-])(?:(?:AWS|Amazon)\s+)?{body}(?:s|es)?(?![\w-])", flags=re.IGNORECASE
    )


def mask(text: str, term: str) -> str:
    return term_pattern(term).sub("___", text)


def _sentences(block_text: str, section: Section, line: int, skipped: list[Skipped]) -> list[str]:
    parts = split_sentences(block_text)
    if truncated_tail(parts):
        skipped.append(Skipped(line, "truncated sentence", parts[-1][-60:]))
        parts = parts[:-1]
    return parts


_DEF_VERB = re.compile(
    r"^(?:(?:a|an|the|one|aws|amazon)\s+)*(?P<term>.+?)\s+"
    r"(?:is|are|represents?|provides?|adds|simplifies|allows|lets|enables|can)\b",
    re.IGNORECASE,
)
_DASH_ITEM = re.compile(r"^\*\*(?P<term>[^*]+)\*\*\s*[–—:-]\s*(?P<desc>.+)$")
_PLAIN_DASH_ITEM = re.compile(r"^(?P<term>[A-Z][\w /-]{0,40}?)\s+[–—]\s+(?P<desc>.+)$")


def _label(block: Block) -> str | None:
    """A short line that names what the next list is about ('FIFO type', '**Deployment policy**')."""
    if block.kind != "paragraph":
        return None
    text = block.text.rstrip(":：").strip()
    if not text or len(text.split()) > 6 or len(text) > 40 or text[-1] in _SENTENCE_END:
        return None
    return text


def extract_facts(notes: Notes) -> tuple[list[Fact], list[Skipped]]:
    """Facts of every section: definitions, group items, table rows and plain statements."""
    facts: list[Fact] = []
    skipped: list[Skipped] = []
    for section in notes.sections:
        facts.extend(_section_facts(section, skipped))
        if not section.blocks and section.path:
            term, rest = _lead_term(section.heading)
            if not (rest and is_term(term) and len(rest) >= 4):
                skipped.append(Skipped(section.line, "empty section", section.heading))
    return facts, skipped


def _section_facts(section: Section, skipped: list[Skipped]) -> Iterator[Fact]:
    heading_term, heading_rest = _lead_term(section.heading)
    heading_is_term = is_term(heading_term) and not heading_rest.startswith(("是", "："))
    if not section.blocks and heading_rest and is_term(heading_term) and len(heading_rest) >= 4:
        definition = re.sub(r"^(是|：|:)\s*", "", heading_rest)
        yield Fact(
            "definition",
            section,
            section.line,
            f"{heading_term} {heading_rest}",
            term=heading_term,
            definition=definition,
            origin="heading",
        )
        return
    if heading_rest and is_cjk(heading_term + "x") and not heading_term:
        heading_is_term = False
    defs_for_heading = 0
    blocks = section.blocks
    for b, block in enumerate(blocks):
        if block.kind == "paragraph":
            sentences = _sentences(block.text, section, block.line, skipped)
            raw_marks = marked_spans(block.raw)
            nxt = blocks[b + 1] if b + 1 < len(blocks) else None
            label = _label(block)
            if label and nxt is not None and nxt.kind == "list":
                continue  # a group label: its list yields the facts
            if (
                label
                and is_term(label)
                and not is_cjk(label)
                and nxt is not None
                and nxt.kind == "paragraph"
                and re.match(r"(?:A|An|The)\s", nxt.text)
            ):
                first = split_sentences(nxt.text)[0]
                yield Fact(
                    "definition",
                    section,
                    nxt.line,
                    f"{label}: {first}",
                    term=label,
                    definition=mask(first, label),
                    origin="heading",
                )
                continue
            for s_idx, sentence in enumerate(sentences):
                marks = tuple(m for m in raw_marks if m in sentence)
                defined = False
                for mark_term in marks:
                    m = _DEF_VERB.match(sentence)
                    subject = term_core(m.group("term")).lower() if m else ""
                    if subject == mark_term.lower() or subject.endswith(" " + mark_term.lower()):
                        yield Fact(
                            "definition",
                            section,
                            block.line,
                            sentence,
                            term=mark_term,
                            definition=mask(sentence, mark_term),
                            origin="bold",
                        )
                        defined = True
                if heading_is_term and not defined and defs_for_heading < 3:
                    lead = _DEF_VERB.match(sentence)
                    starts_with_term = bool(
                        lead and term_pattern(heading_term).fullmatch(lead.group("term"))
                    )
                    fragment = (
                        s_idx == 0
                        and (b == 0 or re.match(r"(?:can|is|are|supports?)\s", sentence))
                        and re.match(r"[a-z]", sentence) is not None
                        and not is_cjk(sentence)
                    )
                    if starts_with_term or fragment:
                        defs_for_heading += 1
                        yield Fact(
                            "definition",
                            section,
                            block.line,
                            sentence,
                            term=heading_term,
                            definition=mask(sentence, heading_term),
                            origin="heading",
                        )
                        defined = True
                yield Fact(
                    "statement",
                    section,
                    block.line,
                    sentence,
                    marked=marks,
                    extra={"defined": "1"} if defined else {},
                )
        elif block.kind == "list":
            prev = blocks[b - 1] if b > 0 else None
            label = _label(prev) if prev is not None else None
            context = ""
            if label is None and prev is not None and prev.kind == "paragraph":
                context = split_sentences(prev.text)[-1]
            group = label or section.heading
            for item in block.items:
                m = _DASH_ITEM.match(item.raw.strip()) or _PLAIN_DASH_ITEM.match(item.text)
                if m and item.depth == 0:
                    term = clean_inline(m.group("term"))
                    desc = clean_inline(m.group("desc"))
                    yield Fact(
                        "definition",
                        section,
                        item.line,
                        f"{term} – {desc}",
                        term=term,
                        definition=mask(desc, term),
                        origin=f"group:{group}",
                        group=group,
                    )
                    continue
                yield Fact(
                    "item",
                    section,
                    item.line,
                    item.text,
                    group=group if label or not context else "",
                    context=context,
                    marked=marked_spans(item.raw),
                    extra={"depth": str(item.depth)},
                )
        elif block.kind == "table":
            width = len(block.header)
            for cells, line in block.rows:
                cells = tuple(list(cells) + [""] * (width - len(cells)))[: max(width, 2)]
                if not cells[0]:
                    continue
                for k in range(1, len(cells)):
                    if not cells[k]:
                        continue
                    head = (
                        block.header[0] if block.header else "",
                        block.header[k] if k < len(block.header) else "",
                    )
                    yield Fact(
                        "row",
                        section,
                        line,
                        f"{cells[0]}: {cells[k]}",
                        cells=(cells[0], cells[k]),
                        header=head,
                        group=f"{block.line}:{k}",
                    )
