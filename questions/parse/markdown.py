"""Walk markdown-it tokens into blocks: headings give the path, lists give parents and groups.

CommonMark decides what is a heading, a list, a table or code (a `#` line inside a fenced code
block is code); this module only keeps the context a question needs and then classifies each
block as content or noise.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from questions.nouns import singular_word
from questions.parse.asciidoc import asciidoc_as_markdown
from questions.parse.bbcode import bbcode_as_markdown
from questions.parse.canvas import canvas_as_markdown
from questions.parse.card_sets import card_set_as_markdown
from questions.parse.chat import without_chat_marks
from questions.parse.confluence import confluence_as_markdown
from questions.parse.dokuwiki import dokuwiki_as_markdown
from questions.parse.email import email_as_markdown
from questions.parse.enex import enex_as_markdown
from questions.parse.flashcards import heading_topic, read_cards
from questions.parse.freemind import freemind_as_markdown
from questions.parse.grid_tables import grid_tables_as_markdown
from questions.parse.html_tables import html_tables_as_markdown
from questions.parse.inline import is_card, render_inline
from questions.parse.joplin import joplin_as_markdown
from questions.parse.jupytext import jupytext_as_markdown
from questions.parse.keep import keep_as_markdown
from questions.parse.kindle import kindle_as_markdown
from questions.parse.logseq import logseq_as_markdown
from questions.parse.mdx import mdx_as_markdown
from questions.parse.mediawiki import wiki_as_markdown
from questions.parse.mistake_log import without_entry_parts
from questions.parse.mkdocs import mkdocs_as_markdown
from questions.parse.model import Block, Document, Inline, Noise, Section, TableData
from questions.parse.noise import TAG_LINE, box_state, classify, practice_task, unboxed
from questions.parse.notebook import notebook_as_markdown
from questions.parse.onenote import onenote_as_markdown
from questions.parse.opml import opml_as_markdown
from questions.parse.org_mode import org_as_markdown
from questions.parse.outline import outline_as_markdown
from questions.parse.pandoc import pandoc_as_markdown
from questions.parse.pdf_text import pdf_text_as_markdown
from questions.parse.plain_text import as_markdown
from questions.parse.remnote import remnote_as_markdown
from questions.parse.roam import roam_as_markdown
from questions.parse.rst import rst_as_markdown
from questions.parse.rtf import rtf_as_markdown
from questions.parse.source_notes import source_notes_as_markdown
from questions.parse.spaced_repetition import spaced_repetition_as_markdown
from questions.parse.subtitles import subtitles_as_markdown
from questions.parse.textile import textile_as_markdown
from questions.parse.tiddlywiki import tiddlywiki_as_markdown
from questions.parse.trac import trac_as_markdown
from questions.parse.typst import typst_as_markdown
from questions.parse.vault import inner_front_matter
from questions.parse.vimwiki import vimwiki_as_markdown
from questions.parse.whatsapp import whatsapp_as_markdown
from questions.parse.yaml_notes import yaml_as_markdown
from questions.parse.zim import zim_as_markdown
from questions.text import TRAILING_ASIDE

_MD = (  # GFM strikethrough: "~~`tcp_tw_recycle`~~ 已经删了" keeps its words, not its tildes
    MarkdownIt("commonmark")
    .enable(["table", "strikethrough"])
    .use(front_matter_plugin)
    .use(deflist_plugin)
    .use(footnote_plugin, inline=False)  # "43.8 min/month[^1]": the mark is no word
)
#: the characters at which one of _MD's inline rules can start (a line break, an escape, a
#: code span, strikethrough, emphasis, a link or image, an autolink or HTML tag, an entity);
#: text without any of them is one text token whatever else it holds
_INLINE_STARTS = re.compile(r"[\n\\`~*_\[!<&]")


def _inline(state: StateCore) -> None:
    """markdown-it's inline rule, without the full inline pass for plain text (most table
    cells, many sentences): its one text token is built directly, as the pass would build it."""
    parse = state.md.inline.parse
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            content = token.content
            if _INLINE_STARTS.search(content) is None:
                if content:
                    token.children.append(Token("text", "", 0, content=content))
            else:
                parse(content, state.md, state.env, token.children)


_MD.core.ruler.at("inline", _inline)

#: the first line of a callout (Obsidian "> [!tip] Mnemonic", "> [!warning]- folded"; GitHub
#: "> [!NOTE]"): the box's kind and title, a label of the box, not a statement in it
_CALLOUT = re.compile(r"\[![\w-]+\][+-]?[^\n]*(?:\n|$)")


def _callouts(state: StateCore) -> None:
    """Drop a callout's marker line from its first paragraph, before inline parsing (and the
    paragraph, when the line was all of it)."""
    tokens = state.tokens
    out: list[Token] = []
    for n, token in enumerate(tokens):
        # blockquote_open, paragraph_open, inline: the callout's first paragraph ends at n
        inline = tokens[n - 1] if n >= 3 and tokens[n - 3].type == "blockquote_open" else None
        if inline is not None and inline.type == "inline":
            marker = _CALLOUT.match(inline.content)
            if marker is not None:
                inline.content = inline.content[marker.end() :]
                if not inline.content.strip():
                    del out[-2:]  # the paragraph's open and inline: nothing left to say
                    continue
        out.append(token)
    state.tokens = out


#: a footnote on how far the line it marks holds: what the exam expects, or since when the
#: value is other ("Classic exam number; AWS raised it to 1 MB in 2025", "Exam answer = 29 s")
_REMARK_NOTE = re.compile(
    r"\bexams?\b|考试|真题|\b(?:since|in|from|until)\s+(?:19|20)\d\d\b|(?:19|20)\d\d\s*年?(?:起|以后|之后)",
    re.I,
)


def _footnotes_in_place(state: StateCore) -> None:
    """Put each footnote's text after the top-level block that first refers to it: what it
    says belongs to that block's section, not to the last section of the notes."""
    tokens = state.tokens
    start = next((n for n, t in enumerate(tokens) if t.type == "footnote_block_open"), None)
    if start is None:
        return
    bodies: dict[int, list[Token]] = {}
    current: list[Token] | None = None
    for t in tokens[start:]:
        if t.type == "footnote_open":
            current = bodies.setdefault(int(t.meta["id"]), [])
        elif t.type == "footnote_close":
            current = None
        elif current is not None and t.type != "footnote_anchor":
            t.level -= 1  # out of the footnote, into the text
            t.meta["footnote"] = True
            current.append(t)
    out: list[Token] = []
    pending: list[Token] = []
    for t in tokens[:start]:
        out.append(t)
        for child in t.children or ():
            if child.type == "footnote_ref":
                pending += bodies.pop(int(child.meta["id"]), [])
        if pending and t.level == 0 and t.nesting <= 0:
            out += pending
            pending = []
    state.tokens = out + pending + [t for body in bodies.values() for t in body]


#: a video or lecture time stamp opening a line ("[05:12] LRS keeps 3 copies", "(1:02:33) …") or
#: closing a heading ("## 03 – Storage accounts [12:40]"): where the writer was, no word
_STAMP = r"[\[(](?:\d{1,2}:)?\d{1,2}:\d{2}[\])]"
_LINE_STAMP = re.compile(rf"^[ \t]*{_STAMP}[ \t]*(?=\S)", re.M)
_HEADING_STAMP = re.compile(rf"[ \t]*{_STAMP}[ \t]*$")


def _time_stamps(state: StateCore) -> None:
    """Drop the time stamps of notes taken while watching, before inline parsing. A paragraph
    whose lines are stamped keeps, in its token's meta, which lines opened with one: each
    stamped line is a note of its own, the rest wrap the line above."""
    tokens = state.tokens
    for n, token in enumerate(tokens):
        if token.type != "inline" or ("]" not in token.content and ")" not in token.content):
            continue
        if n and tokens[n - 1].type == "heading_open":
            token.content = _HEADING_STAMP.sub("", token.content)
        lines = token.content.split("\n")
        stamped = [i for i, line in enumerate(lines) if _LINE_STAMP.match(line)]
        if stamped:
            token.content = _LINE_STAMP.sub("", token.content)
            token.meta["stamped"] = stamped


#: a line filing the note it ends ("Tags: ckad::workloads cloze" under an Anki card's back)
_TAG_LINE = re.compile(rf"\n[ \t]*{TAG_LINE}$", re.I)


#: a slide's speaker notes, labelled so ("Notes: Five sections: …"): the label is no word
_NOTES_LABEL = re.compile(r"^(?:speaker\s+notes|notes|讲者备注|演讲备注)\s*[:：]\s*(?=\S)", re.I)


def _tag_lines(state: StateCore) -> None:
    """Drop a paragraph's last line when it only files the note, and a speaker-notes label
    opening it: no words of what it says."""
    for token in state.tokens:
        if token.type == "inline" and (":" in token.content or "：" in token.content):
            if "\n" in token.content:
                token.content = _TAG_LINE.sub("", token.content)
            token.content = _NOTES_LABEL.sub("", token.content)


_MD.core.ruler.before("inline", "callouts", _callouts)
_MD.core.ruler.before("inline", "tag_lines", _tag_lines)
_MD.core.ruler.before("inline", "time_stamps", _time_stamps)
_MD.core.ruler.after("footnote_tail", "footnotes_in_place", _footnotes_in_place)


@dataclass
class _List:
    group: int
    ordered: bool
    parent: Inline | None
    lead: Inline | None
    parent_line: int = 0


@dataclass
class _Item:
    number: int | None
    line: int
    inline: Inline | None = None
    term: Inline | None = None  # a definition list's term, said before its definition


@dataclass
class _Walk:
    """Mutable state of one pass over the tokens."""

    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    path: list[tuple[int, str]] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    groups: int = 0
    in_toc_markers: bool = False
    #: each list's plain boxes: the block each is, and whether it is still open
    boxes: dict[int, list[tuple[int, bool]]] = field(default_factory=dict)
    last_paragraph: Inline | None = None
    term: Inline | None = None  # the last term of a definition list
    term_line: int = 0  # its line

    @property
    def section(self) -> Section:
        return self.sections[-1]

    def add(self, kind: str, line: int, **kw: object) -> None:
        block = Block(len(self.blocks), kind, line, self.section, **kw)  # type: ignore[arg-type]
        if self.in_toc_markers:
            block = replace(block, noise="table of contents")
        self.blocks.append(block)


def _line(tok: Token) -> int:
    return tok.map[0] + 1 if tok.map else 0


#: a documentation page's callout, clipped as a deep heading ("###### Note", "###### Important"
#: in an AWS guide): it flags the paragraph under it, which stays in its own section
_CALLOUT_HEADING = re.compile(r"(?i)notes?|important|warning|caution|tips?|info")
CALLOUT_LEVEL = 5


def _heading(st: _Walk, level: int, text: str, line: int, bold: bool = False) -> None:
    text = heading_topic(text)  # "Q: Fragment lifecycle": a card's question, its topic
    st.path = [p for p in st.path if p[0] < level] + [(level, text)]
    path = tuple(t for _, t in st.path if t)
    st.sections.append(Section(len(st.sections), path, level, line, bold))


#: a bold line longer than this is an emphasised sentence, not a sub-heading
MAX_BOLD_HEADING_WORDS = 6


def _bold_heading(st: _Walk, inline: Inline) -> str | None:
    """A paragraph that is one bold span and nothing else, outside any list, names what
    follows ("**Deployment policy**"): a sub-heading, not a statement."""
    text = inline.text.strip().rstrip(":：").strip()
    if st.items or len(inline.strong) != 1 or inline.strong[0].strip().rstrip(":：") != text:
        return None
    core = TRAILING_ASIDE.sub("", text)  # "PSM I exam logistics (from scrum.org)"
    if not core or len(core.split()) > MAX_BOLD_HEADING_WORDS or len(text) > 60:
        return None
    if re.search(r"[.。!?！？,，;；](?:\s|$)|[。！？，；]", core):
        return None  # a sentence set in bold (a dot inside a name, "scrum.org", ends none)
    return text


def _bold_section(st: _Walk, title: str, line: int) -> None:
    """A bold line's sub-heading: below the heading it sits under, beside the bold sub-heading
    before it ("**Slide 2: …**" after "**Slide 1: …**" is no part of slide 1)."""
    level = st.section.level if st.section.bold else min(st.section.level + 1, 7)
    _heading(st, level, title, line, bold=True)


#: a bold title over a slide's lines may say a little more than a sub-heading alone
MAX_TITLE_WORDS = 10


def _titled_lines(
    st: _Walk, children: Sequence[Token] | None
) -> tuple[str, list[tuple[int, Inline]]] | None:
    """A paragraph that opens with a bold line over lines of notes, as a slide outline pastes
    ("**Slide 2: Resource hierarchy**" / "Org → Folders → Projects" / "Project ID → …"): the
    bold line's title and the notes under it, one a line (a line opening in lower case goes on
    with the line above); None for any other paragraph."""
    if st.items or not children:
        return None
    lines: list[list[Token]] = [[]]
    for tok in children:
        if tok.type in ("softbreak", "hardbreak"):
            lines.append([])
        elif tok.type != "text" or tok.content:
            lines[-1].append(tok)
    if len(lines) < 2 or not lines[0] or lines[0][0].type != "strong_open":
        return None
    head = render_inline(lines[0])
    title = head.text.strip().rstrip(":：").strip()
    if len(head.strong) != 1 or head.strong[0].strip().rstrip(":：") != title:
        return None
    if not title or len(title.split()) > MAX_TITLE_WORDS or re.search(r"[.。!！;；]", title):
        return None  # a sentence set in bold before its own explanation ("Databases — which
        # one?" is a slide's title)
    rest = lines[1:]
    if _QA_LABEL.match(title) or re.match(
        r"(?i)(?:Q|Question|问题?|Front)\s*\d{0,3}\s*[:：]", title
    ):
        return None  # a card's question over its answer ("**Q2：…？**" / "A：能。…")
    opens = [not re.match(r"[a-z(,]", "".join(t.content for t in ln).lstrip()) for ln in rest]
    opens[0] = True
    return title, [(n + 1, inline) for n, inline in _opened_lines(rest, opens)]


def _name_line(st: _Walk, inline: Inline, followed_by_paragraph: bool) -> str | None:
    """A plain one-line paragraph that writes the section's heading and a word or two more,
    with a paragraph after it ("## AWS Kinesis" / "AWS Kinesis data FireHose" / "A full managed
    service for …"): it names the part of the topic the next paragraph describes, a
    sub-heading the author did not mark."""
    text = inline.text.strip()
    heading = st.section.heading.split()
    words = text.split()
    if st.items or not followed_by_paragraph or not heading or "\n" in text:
        return None
    if len(words) <= len(heading) or len(words) > MAX_BOLD_HEADING_WORDS:
        return None
    if [w.casefold() for w in words[: len(heading)]] != [w.casefold() for w in heading]:
        return None
    if re.search(r"[.。!?！？,，;；:：=()（）\-–—>`]", text):
        return None  # a statement or a definition of the heading, not a name
    return text


def _table(tokens: Sequence[Token], i: int) -> tuple[TableData, int]:
    """The table starting at tokens[i]; returns it and the index of its table_close."""
    header: list[Inline] = []
    rows: list[list[Inline]] = []
    lines: list[int] = []
    in_head = False
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open" and not in_head:
            rows.append([])
            lines.append(_line(tok))
        elif tok.type == "inline":
            (header if in_head else rows[-1]).append(render_inline(tok.children))
        i += 1
    header, rows, lines = _unfolded(header, rows, lines)
    header = [_counted(h) for h in header]
    width = len(header)
    cells = _filled_down(
        [_with_alike_resolved(tuple((r + [Inline("")] * width)[:width]), header) for r in rows]
    )
    data = TableData(
        header=tuple(h.text for h in header),
        rows=tuple(tuple(c.text for c in r) for r in cells),
        lines=tuple(lines),
        header_inline=tuple(header),
        cells=cells,
    )
    return data, i


#: a header that counts its rows' things: "# processes", "No. of tunnels"
_COUNT_HEADER = re.compile(r"^(?:#|no\.\s*of)\s+(?=[A-Za-z])", re.I)


def _counted(header: Inline) -> Inline:
    """A counting header in words ("# processes" as "number of processes"): a stem asks "How
    many processes does Scope have?", never "What are the # processes of …"."""
    words = _COUNT_HEADER.sub("number of ", header.text)
    return header if words == header.text else replace(header, text=words)


def _filled_down(rows: list[tuple[Inline, ...]]) -> tuple[tuple[Inline, ...], ...]:
    """Rows whose first cell is empty under a named one, the name written in: a merged cell
    ("| Symmetric | AES |" over "|  | DES |") groups the rows below it, and an empty key
    cell named nothing."""
    out: list[tuple[Inline, ...]] = []
    for row in rows:
        above = out[-1][0].text.strip() if out else ""
        if row and above and not row[0].text.strip() and any(c.text.strip() for c in row[1:]):
            row = (out[-1][0], *row[1:])
        out.append(row)
    return tuple(out)


def _unfolded(
    header: list[Inline], rows: list[list[Inline]], lines: list[int]
) -> tuple[list[Inline], list[list[Inline]], list[int]]:
    """A table set side by side to save room (`端口 | 协议 | 端口 | 协议`) as the one table it
    is: the header's repeated columns once, each row's copies as rows of their own (the left
    ones first, as they are read). Read as four columns, a port was keyed by the protocol of
    the other half of its row."""
    names = [h.text.strip().casefold() for h in header]
    for period in range(2, len(names) // 2 + 1):
        if len(names) % period or any(n != names[k % period] for k, n in enumerate(names)):
            continue
        copies = len(names) // period
        out_rows: list[list[Inline]] = []
        out_lines: list[int] = []
        for copy in range(copies):
            for row, line in zip(rows, lines, strict=True):
                part = row[copy * period : (copy + 1) * period]
                if any(c.text.strip() for c in part):  # an uneven last copy leaves cells empty
                    out_rows.append(part)
                    out_lines.append(line)
        return header[:period], out_rows, out_lines
    return header, rows, lines


#: a cell that only says its value is another column's: "同 AOF", "same as AOF", "跟 AOF 一样"
_ALIKE_CELL = re.compile(
    r"(?i)^(?:(?:同|跟|与|和|=)\s*|(?:same\s+as|as|like)\s+)(?P<name>.+?)\s*(?:一样|相同)?$"
)


def _with_alike_resolved(row: tuple[Inline, ...], header: list[Inline]) -> tuple[Inline, ...]:
    """A row whose cell only points at another column ("混合持久化: 同 AOF") with that column's
    cell in its place: the two columns say the same, and the table's rules for equal cells
    then keep the pointer from being asked or offered as a value of its own."""
    names = {h.text.strip().casefold(): k for k, h in enumerate(header)}
    out = list(row)
    for j, cell in enumerate(row):
        m = _ALIKE_CELL.match(cell.text.strip())
        k = names.get(m.group("name").strip("`* ").casefold()) if m else None
        if k is not None and k not in (0, j) and not _ALIKE_CELL.match(row[k].text.strip()):
            out[j] = row[k]
    return tuple(out)


def defined_as(term: Inline, definition: Inline) -> Inline:
    """A definition list's entry ("Cluster" / ": shards the keyspace …") read as the item
    "Cluster: shards the keyspace …", the way notes write a term and its definition."""
    return Inline(
        f"{term.text}: {definition.text}",
        term.strong + definition.strong,
        term.code + definition.code,
        term.link_chars + definition.link_chars,
        term.anchor_links + definition.anchor_links,
        term.links + definition.links,
        term.images + definition.images,
    )


def _unboxed(inline: Inline) -> Inline:
    """The item without its task box and label (`noise.unboxed`)."""
    text = unboxed(inline.text)
    return inline if text == inline.text else replace(inline, text=text)


def _box(inline: Inline) -> str:
    """An item as a to-do list sees it: "open" or "done" for a plain box, "" for anything
    else (no box, or a box over a name in code or bold, which may state a fact to check)."""
    return "" if inline.marked else box_state(inline.text)


def _to_do_lists(st: _Walk) -> set[int]:
    """The lines of the plain boxes of to-do lists: two plain boxes or more in one list, one
    at least still open ("- [ ] redo subnetting PBQ timed (< 3 min)" / "- [x] ports
    flashcards"), are the writer's plan, whatever heading they sit under."""
    return {
        st.blocks[n].line for boxes in st.boxes.values()
        if len(boxes) >= 2 and any(o for _, o in boxes) for n, _ in boxes
    }  # fmt: skip


def _as_tasks(blocks: list[Block], noise: list[Noise], lines: set[int]) -> list[Block]:
    """The blocks with the to-do lists' boxes no other reason skipped marked tasks, each
    counted in `noise`."""
    out = []
    for b in blocks:
        if b.kind == "item" and b.noise is None and b.line in lines:
            b = replace(b, noise="TODO")
            noise.append(Noise(b.line, b.section.key, "TODO", b.text[:80]))
        out.append(b)
    return out


def _paragraph(st: _Walk, inline: Inline, line: int) -> None:
    if st.items and st.items[-1].inline is None:
        task = practice_task(inline.text, st.section.heading, bool(inline.marked))
        box = _box(inline)
        if box:
            st.boxes.setdefault(st.lists[-1].group, []).append((len(st.blocks), box == "open"))
        inline = _unboxed(inline)
        item = st.items[-1]
        lst = st.lists[-1]
        parent, parent_line = lst.parent, lst.parent_line
        if item.term is not None and _names_a_kind(item.term.text, inline.text):
            # "Types (what it does)" / ":   Preventive — stops it happening": each definition
            # is an entry of the kind the term names, as a list's items under their lead
            parent, parent_line = item.term, st.term_line
        elif item.term is not None:
            inline = defined_as(item.term, inline)
        item.inline = inline
        st.add(
            "item",
            item.line,
            inline=inline,
            depth=len(st.lists),
            parent=parent,
            parent_line=parent_line,
            lead=lst.lead,
            group=lst.group,
            ordered=lst.ordered,
            number=item.number,
            noise="TODO" if task else None,
        )
        return
    parent = st.items[-1].inline if st.items else None
    st.add("paragraph", line, inline=inline, depth=len(st.lists), parent=parent)


#: a definition that is an entry of its own: a name of a few words, perhaps with a bracket,
#: then a dash, an equals sign or a colon ("Preventive — stops it", "FRR = Type I error")
_ENTRY_OPENING = re.compile(
    r"^[^\s:—–=()]+(?: [^\s:—–=()]+){0,3}(?: \([^()]{1,40}\))?\s*(?:—|–|=|:|\s-)\s*\S"
)
_KIND_PARTS = re.compile(r"\s*(?:\+|&|\band\b|/)\s*")


def _names_a_kind(term: str, definition: str) -> bool:
    """A definition list's term naming a kind ("Access control models", "Others to
    recognise") over definitions that each name one of it: no term of its own."""
    bare = re.sub(r"\([^()]*\)", " ", term).strip()
    if re.match(r"others?\b", bare, re.I):
        return True  # "Others to recognise": a heap of things, whatever each line says
    if _ENTRY_OPENING.match(definition) is None:
        return False
    for part in _KIND_PARTS.split(bare):
        words = part.split()
        if words and words[-1].isalpha() and singular_word(words[-1]) != words[-1]:
            return True
    return False


#: "maxmemory: 0", "maxmemory-policy noeviction", "listen = 8080", "超时：30 秒": a setting and
#: its value (a Chinese name only before a colon)
_SETTING_LINE = re.compile(
    r"^(?:[A-Za-z_][\w.-]*(?:\s*[:=：]\s*|\s+)|[\u4e00-\u9fff][\w\u4e00-\u9fff]{0,15}\s*[:：]\s*)\S"
)
#: a line longer than this is prose that happens to start with a name, not a setting
MAX_SETTING_LINE = 100


#: a line that ends a note: a sentence's end, or a note's own separator inside it
_ENDS_NOTE = re.compile(r"[.!?。！？)）]\s*$|\S\s*(?::|：|=|→|->|—)\s*\S")
#: a line that goes on with the one above it ("and **defense in depth** 7 layers:")
_GOES_ON = re.compile(r"^(?:and|or|but|to|of|with|for|in|on|the|a|an|then|so|which|that)\b")
MAX_LEAD_WORDS = 8


def _leading_line(tokens: Sequence[Token], i: int) -> tuple[Inline, Inline, int] | None:
    """The paragraph at i as notes, then a short last line that alone leads the list after
    it ("port cost (short): 10 Mbps = 100, …" / "root port tie-breakers (in order):"): the
    lines before, the last line and its offset; None for one sentence wrapped by hand."""
    if i + 3 >= len(tokens) or tokens[i + 3].type not in ("bullet_list_open", "ordered_list_open"):
        return None
    children = tokens[i + 1].children or []
    breaks = [n for n, t in enumerate(children) if t.type in ("softbreak", "hardbreak")]
    if not breaks:
        return None
    last = render_inline(children[breaks[-1] + 1 :])
    text = last.text.strip()
    if not text.endswith((":", "：")) or len(text.split()) > MAX_LEAD_WORDS or _GOES_ON.match(text):
        return None
    start = breaks[-2] + 1 if len(breaks) > 1 else 0
    if not _ENDS_NOTE.search(render_inline(children[start : breaks[-1]]).text.strip()):
        return None
    return render_inline(children[: breaks[-1]]), last, len(breaks)


def setting_lines(
    children: Sequence[Token] | None, stamped: Sequence[int] = ()
) -> list[tuple[int, Inline]]:
    """The lines of a paragraph that is one setting per line ("maxmemory: 0" / soft break /
    "maxmemory-policy: noeviction"), or [] for a paragraph of prose. Each line is its own
    fact, as in a config file: run together they read as one sentence. Each comes with its
    line's offset in the paragraph. So is each line the writer stamped with a time."""
    lines: list[list[Token]] = [[]]
    for tok in children or ():
        if tok.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(tok)
    if len(lines) < 2:
        return []
    if len(stamped) >= 2 and stamped[0] == 0:
        return _opened_lines(lines, [n in stamped for n in range(len(lines))])
    out = [render_inline(line) for line in lines]
    entries = _entries(lines, out)
    if entries:
        return entries  # "**Hyperdisk** – newer, …" / soft break / "**Local SSD** – …"
    if all(_LABEL_LINE.match(line.text) for line in out):
        return list(enumerate(out))  # "default registry: docker.io" / "rootless mode: …"
    glossary = _labelled_lines(lines, out)
    if glossary:
        return glossary  # "NAT Gateway (NAT GW): managed, lives in ONE AZ, …" / soft break / …
    if all(_CARD_LINE.match(line.text) for line in out) or all(map(_is_card_line, lines)):
        return list(enumerate(out))  # "Q: …? A: …" / soft break / "Q: …? A: …": one card a line
    for line in out:
        key = next(iter(re.split(r"[:=：]", line.text)[0].split()), "")  # ": …" names none
        names_setting = bool(re.search(r"[-_.]|[a-z][A-Z]", key)) or key in line.code
        if (not _SETTING_LINE.match(line.text) or len(line.text) > MAX_SETTING_LINE
                or not (names_setting or re.match(r"^\S+\s*[:=：]", line.text))):  # fmt: skip
            return []
    return list(enumerate(out))


#: what follows a marked term that opens an entry line: a dash, a colon or an equals sign
_ENTRY_SEPARATOR = re.compile(r"\s*(?:——|[–—]|--?|[:：=])\s*\S")


def entry_term(line: Inline) -> str | None:
    """The term the line opens with, marked by the author, when the line says what it is
    ("**Local SSD** – physically attached …", "`gsutil` : …"), else None."""
    for m in line.marked:
        if line.text.startswith(m) and _ENTRY_SEPARATOR.match(line.text, len(m)) is not None:
            return m
    return None


#: a line that titles the notes under it ("Well-known ports", "📌 行为型（11种）", "行为图 7种："):
#: short, with no setting's separator and no sentence's end
_TITLE_LINE = re.compile(r"^[^:=：.。!?！？]{1,40}[:：]?$")
#: a note's own separator: "SSH: 22", "责任链：使多个对象…", "maxSurge = 25%"
_HAS_SEPARATOR = re.compile(r"\S\s*(?::|：|=)\s*\S")


def title_over_settings(
    children: Sequence[Token] | None, stamped: Sequence[int] = ()
) -> tuple[Inline, list[tuple[int, Inline]]] | None:
    """A paragraph's first line that titles the setting lines under it ("Well-known ports" /
    "SSH: 22" / "HTTP: 80"), and those lines, or None. Run together the title reads as part of
    the first setting; left as a line of its own it is no setting, and the list would take
    the paragraph above's last line as its lead."""
    tokens = list(children or ())
    cut = next((n for n, t in enumerate(tokens) if t.type in ("softbreak", "hardbreak")), None)
    if cut is None:
        return None
    title = render_inline(tokens[:cut])
    if not _TITLE_LINE.match(title.text.strip()):
        return None
    rest = setting_lines(tokens[cut + 1 :], [n - 1 for n in stamped if n])
    if len(rest) < 2 or not all(_HAS_SEPARATOR.search(line.text) for _, line in rest):
        return None
    return title, [(n + 1, line) for n, line in rest]


def _opened_lines(lines: list[list[Token]], opens: list[bool]) -> list[tuple[int, Inline]]:
    """One entry per line that opens one; a line that does not continues the entry above it
    (a description wrapped onto the next line)."""
    groups: list[tuple[int, list[Token]]] = []
    for n, (tokens, starts) in enumerate(zip(lines, opens, strict=True)):
        if starts or not groups:
            groups.append((n, list(tokens)))
        else:
            groups[-1][1].extend([Token("text", "", 0, content=" "), *tokens])
    return [(n, render_inline(group)) for n, group in groups]


def _entries(lines: list[list[Token]], rendered: list[Inline]) -> list[tuple[int, Inline]]:
    """The entries of a paragraph written as a glossary without list markers, one marked term
    per line, or []: notes kept line by line mean each line as its own item, while Markdown
    runs them into one sentence ("… stateless, HTTP **App Engine** – PaaS …"). A line that is
    no entry continues the one above it (a description wrapped onto the next line)."""
    opens = [entry_term(line) is not None for line in rendered]
    if not opens[0] or sum(opens) < 2:
        return []
    return _opened_lines(lines, opens)


#: "content trust env var: DOCKER_CONTENT_TRUST=1": a label of a few plain words and a colon,
#: perhaps qualified in brackets ("max pods per node (Standard): 110")
_LABEL_LINE = re.compile(
    r"^[A-Za-z][\w-]*(?: [A-Za-z][\w./-]*){0,4}(?: \([^()\n]{1,30}\))?:\s+\S.{0,80}$"
)


#: a glossary line of terse notes: a term of a few words, perhaps with its abbreviation or a
#: qualifier in brackets, a colon and its description of any length ("Internet Gateway (IGW):
#: horizontally scaled, HA, 1 per VPC, …", "Doesn't capture: …", "出站规则：…")
_GLOSSARY_LINE = re.compile(
    r"^(?:[\"'`]?[A-Za-z0-9][\w'’\"`./&+-]*(?: [\"'`]?[A-Za-z0-9][\w'’\"`./&+-]*){0,4}"
    r"(?: \([^()\n]{1,30}\))?:\s+\S"
    r"|[\u4e00-\u9fff][\w\u4e00-\u9fff]{0,11}(?:[（(][^()（）\n]{1,20}[)）])?：\s*\S)"
)
#: a flashcard on one line: "Q: Does asyncio give you parallelism? A: No. …"
_CARD_LINE = re.compile(
    r"^\s*(?:Q|Question|问|问题)\s*[:：].*?[?？]\s*(?:A|Answer|答)\s*[:：]\s*\S"
)
#: one-letter labels of a question and its answer ("Q: … / A: …") are no glossary
_QA_LABEL = re.compile(r"^(?:Q|A|问|答)\s*[:：]")


def _holds_cards(lines: list[tuple[int, Inline]]) -> bool:
    """Lines of a paragraph that ask or answer as flashcards do ("Q: …", "答：…")."""
    return any(_QA_LABEL.match(line.text) or _CARD_LINE.match(line.text) for _, line in lines)


#: a card's question opening a line, and an answer that only points at what follows
_NUMBERED_QUESTION = re.compile(r"^(?:Q|Question|问题?)\s*\d{0,3}\s*[:：.)]\s*(?P<q>\S.*)$")
_POINTING_ANSWER = re.compile(r"^(?:A|Answer|答)\s*[:：]\s*(?:[(（][^()（）]*[)）])?\s*$")


def _card_lead(lines: list[tuple[int, Inline]]) -> Inline | None:
    """A card whose answer only points at the list under it ("Q9. API levels that come up
    constantly" / "A: (my cheat list)"): its question leads the list in; any other card
    leads nothing into what follows."""
    if len(lines) != 2 or not _POINTING_ANSWER.match(lines[1][1].text.strip()):
        return None
    question = _NUMBERED_QUESTION.match(lines[0][1].text.strip())
    if question is None:
        return None
    return Inline(question.group("q").rstrip(" ?？:：") + ":")


def _is_card_line(tokens: Sequence[Token]) -> bool:
    """A line kept as a spaced-repetition card ("DynamoDB item size limit::400 KB"): one card a
    line, as a config file keeps one setting a line."""
    return is_card(" ".join(t.content for t in tokens if t.type == "text"))


def _labelled_lines(lines: list[list[Token]], rendered: list[Inline]) -> list[tuple[int, Inline]]:
    """The entries of a paragraph kept as a glossary of "Term: description" lines, or []:
    terse notes mean each such line as its own item, while Markdown runs them into one
    paragraph. At least two lines and half of them must open with a label; a line that does
    not continues the one above (a description wrapped onto the next line), unless that line
    ended its sentence and this one opens a new one."""
    opens = [
        bool(_GLOSSARY_LINE.match(line.text)) and not _QA_LABEL.match(line.text)
        for line in rendered
    ]
    if not opens[0] or sum(opens) < 2 or sum(opens) * 2 < len(opens):
        return []
    groups: list[tuple[int, list[Token]]] = []
    for n, (tokens, starts) in enumerate(zip(lines, opens, strict=True)):
        ended = rendered[n - 1].text.rstrip().endswith((".", ")", "。", "）")) if n else True
        if starts or (ended and rendered[n].text[:1].isupper()):
            groups.append((n, list(tokens)))
        else:
            groups[-1][1].extend([Token("text", "", 0, content=" "), *tokens])
    return [(n, render_inline(group)) for n, group in groups]


def _setting_list(
    st: _Walk, lines: list[tuple[int, Inline]], line: int, after_paragraph: bool
) -> None:
    """Setting lines become the items of a list, led in by the paragraph before them."""
    lead = st.last_paragraph if after_paragraph else None
    st.groups += 1
    for n, inline in lines:
        st.add("item", line + n, inline=inline, depth=1, lead=lead, group=st.groups)


def _walk(tokens: Sequence[Token]) -> _Walk:
    st = _Walk()
    st.sections.append(Section(0, (), 0, 1))
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        prev_closed_paragraph = i > 0 and tokens[i - 1].type == "paragraph_close"
        if kind == "heading_open":
            level, text = int(tok.tag[1]), render_inline(tokens[i + 1].children).text
            if level < CALLOUT_LEVEL or not _CALLOUT_HEADING.fullmatch(text.strip()):
                _heading(st, level, text, _line(tok))
            st.last_paragraph = None
            i += 2
        elif kind == "paragraph_open":
            inline = render_inline(tokens[i + 1].children)
            after = i + 3 < len(tokens) and tokens[i + 3].type == "paragraph_open"
            bold = _bold_heading(st, inline) or _name_line(st, inline, after)
            stamped = tokens[i + 1].meta.get("stamped", ())
            over = None if st.items else title_over_settings(tokens[i + 1].children, stamped)
            lines = setting_lines(tokens[i + 1].children, stamped) if not st.items else []
            titled = _titled_lines(st, tokens[i + 1].children)
            if titled is not None:  # "**Slide 2: Resource hierarchy**" / "Org → Folders → …"
                title, lines = titled
                _bold_section(st, title, _line(tok))
                bold = None
                prev_closed_paragraph = False  # the paragraph before is another section's
            if over is not None and titled is None:  # the title leads its lines in
                _paragraph(st, over[0], _line(tok))
                st.last_paragraph, lines = over
                _setting_list(st, lines, _line(tok), True)
            elif lines:
                _setting_list(st, lines, _line(tok), prev_closed_paragraph)
            elif bold is not None:
                _bold_section(st, bold, _line(tok))
            elif tok.meta.get("footnote") and _REMARK_NOTE.search(inline.text):
                st.add("paragraph", _line(tok), inline=inline, noise="footnote remark")
            elif (split := None if st.items else _leading_line(tokens, i)) is not None:
                # "port cost …: 10 Mbps = 100" / "root port tie-breakers (in order):" over a
                # list: a note, then the lead-in of the list
                before, last, offset = split
                _paragraph(st, before, _line(tok))
                _paragraph(st, last, _line(tok) + offset)
                inline = last
            else:
                _paragraph(st, inline, _line(tok))
            # still the lead-in of a list that follows, unless it holds cards: "问：…？ / 答：…"
            # leads nothing into the card after it
            # a paragraph of one note a line leads in with its last line: "RBAC built-in roles:"
            st.last_paragraph = (
                _card_lead(lines) if _holds_cards(lines) else lines[-1][1] if lines else inline
            )
            i += 2
        elif kind in ("bullet_list_open", "ordered_list_open", "dl_open"):
            # a definition list is a list whose items are "term: definition"
            lead = st.last_paragraph if prev_closed_paragraph and not st.items else None
            # a list that is a definition itself ("acks" / ":   - `acks=0`: …") hangs from its term
            parent = (st.items[-1].inline or st.items[-1].term) if st.items else None
            parent_line = st.items[-1].line if st.items else 0
            st.groups += 1
            st.lists.append(
                _List(st.groups, kind == "ordered_list_open", parent, lead, parent_line)
            )
        elif kind in ("bullet_list_close", "ordered_list_close", "dl_close"):
            st.lists.pop()
            st.last_paragraph = None
        elif kind == "dt_open":
            st.term = render_inline(tokens[i + 1].children)
            st.term_line = _line(tok)
            i += 2
        elif kind == "dd_open":
            st.items.append(_Item(None, _line(tok), term=st.term))
        elif kind == "dd_close":
            st.items.pop()
        elif kind == "list_item_open":
            number = int(tok.info) if tok.info.isdigit() else None
            st.items.append(_Item(number, _line(tok)))
        elif kind == "list_item_close":
            st.items.pop()
        elif kind == "table_open":
            data, i = _table(tokens, i)
            st.add("table", _line(tok), table=data, depth=len(st.lists))
        elif kind in ("fence", "code_block"):
            st.add("code", _line(tok), code=tok.content, lang=tok.info.strip())
        elif kind == "html_block":
            content = tok.content
            if "START doctoc" in content:
                st.in_toc_markers = True
            elif "END doctoc" in content:
                st.in_toc_markers = False
        i += 1
    return st


def _title(st: _Walk) -> tuple[str, list[Section]]:
    """A lone top-level heading first in the file is the document's title, not a topic."""
    heads = [s for s in st.sections if s.level and not s.bold]
    h1 = [s for s in heads if s.level == 1]
    if not heads or heads[0].level != 1 or len(h1) != 1:
        return "", st.sections
    title = heads[0].heading
    out = [replace(s, path=s.path[1:]) if s.path[:1] == (title,) else s for s in st.sections]
    return title, out


def parse_document(text: str, file: str) -> Document:
    """Parse notes into classified blocks; never raises on odd input."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines, rtf = rtf_as_markdown(text.split("\n"))  # first: its control words are no text
    lines, kindle = kindle_as_markdown(lines)  # its "==========" ends clippings
    lines, subs = subtitles_as_markdown(lines)  # before the chat's: a cue's time is no message's
    lines, email = email_as_markdown(lines)  # before the chat's: a thread's "> " is a quote
    lines, whatsapp = whatsapp_as_markdown(lines)  # before the chat's: it reads its own talk
    # a chat's headers and reactions, a mistake log's questions and keys: lines of no fact
    lines, chat = without_chat_marks(lines)
    lines, vault = inner_front_matter(lines)  # a vault joined into one file
    lines, joplin = joplin_as_markdown(lines)  # Joplin's RAW export: each item's metadata last
    lines, card_set = card_set_as_markdown(lines)
    lines, onenote = onenote_as_markdown(lines)  # before the PDF's and Keep's: "•" outlines
    lines, pdf = pdf_text_as_markdown(lines)  # before Keep's: a PDF's "■" is no checkbox
    lines, keep = keep_as_markdown(lines)
    lines, yaml_notes = yaml_as_markdown(lines)
    lines, opml = opml_as_markdown(lines)
    lines, freemind = freemind_as_markdown(lines)
    lines, bbcode = bbcode_as_markdown(lines)
    lines, enex = enex_as_markdown(lines)
    lines, notebook = notebook_as_markdown(lines)
    lines, canvas = canvas_as_markdown(lines)  # an Obsidian canvas's JSON
    lines, jupytext = jupytext_as_markdown(lines)  # a notebook kept as a .py script
    lines, remnote = remnote_as_markdown(lines)  # before Roam's: it reads "{{SQS}}" away
    lines, roam = roam_as_markdown(lines)
    lines, logseq = logseq_as_markdown(lines)
    lines, mdx = mdx_as_markdown(lines)
    lines, mkdocs = mkdocs_as_markdown(lines)  # before AsciiDoc's: '=== "AWS"' is a tab
    lines, typst = typst_as_markdown(lines)
    lines, adoc = asciidoc_as_markdown(lines)
    lines, vimwiki = vimwiki_as_markdown(lines)  # before Trac's: it shares "= … =" and {{{
    lines, trac = trac_as_markdown(lines)
    lines, zim = zim_as_markdown(lines)  # before DokuWiki's: it shares "======" and //…//
    lines, doku = dokuwiki_as_markdown(lines)
    lines, tiddly = tiddlywiki_as_markdown(lines)
    lines, wiki = wiki_as_markdown(lines)  # before org's: its "** '''MAC'''" is no heading
    lines, textile = textile_as_markdown(lines)  # before Confluence's: it shares "h2. "
    lines, confluence = confluence_as_markdown(lines)
    lines, sr = spaced_repetition_as_markdown(lines)  # after the wikis' own "term::"
    lines, rst = rst_as_markdown(lines)
    lines, org = org_as_markdown(lines)
    lines, outline = outline_as_markdown(lines)
    lines, grid = grid_tables_as_markdown(lines)
    lines, source = source_notes_as_markdown(lines)  # a .java or .sql file of notes
    lines, html = html_tables_as_markdown(lines)
    lines, pandoc = pandoc_as_markdown(lines)
    lines, entries = without_entry_parts(lines)
    skipped = (
        rtf
        + kindle
        + subs
        + email
        + whatsapp
        + chat
        + vault
        + joplin
        + card_set
        + keep
        + sr
        + yaml_notes
        + opml
        + freemind
        + bbcode
        + enex
        + notebook
        + canvas
        + jupytext
        + remnote
        + roam
        + logseq
        + mdx
        + mkdocs
        + typst
        + adoc
        + vimwiki
        + trac
        + zim
        + doku
        + tiddly
        + wiki
        + textile
        + confluence
        + rst
        + org
        + pdf
        + onenote
        + outline
        + grid
        + source
        + html
        + pandoc
        + entries
    )
    st = _walk(_MD.parse(as_markdown("\n".join(lines))))
    tasks = _to_do_lists(st)
    title, sections = _title(st)
    by_index = {s.index: s for s in sections}
    blocks = [replace(b, section=by_index[b.section.index]) for b in st.blocks]
    title_section = next((s.index for s in st.sections if s.level == 1), None) if title else None
    statements = _heading_statements(sections, blocks)
    blocks = sorted(blocks + statements, key=lambda b: (b.line, b.id))
    blocks = [replace(b, id=n) for n, b in enumerate(blocks)]
    blocks = read_cards(_lead_ins(blocks))  # "**Q:** …? **A:** …": the answer, no labels
    blocks, noise = classify(blocks, title_section, has_subsections=len(sections) > 2)
    blocks = _as_tasks(blocks, noise, tasks)
    used = {b.section.index for b in blocks} | {b.line for b in statements}
    noise += [
        Noise(s.line, s.key, "empty section", s.heading)
        for s in sections
        if s.level and s.index not in used and s.line not in used and _is_leaf(s, by_index)
    ]
    keys = _keys_at(sections, [n for n, _, _ in skipped])
    noise += [
        Noise(n, key, reason, line) for (n, reason, line), key in zip(skipped, keys, strict=True)
    ]
    noise.sort(key=lambda n: n.line)
    return Document(file, title, tuple(sections), tuple(blocks), tuple(noise))


def _keys_at(sections: list[Section], lines: list[int]) -> list[str]:
    """The key of the section each line of the notes is in."""
    ordered = sorted(sections, key=lambda s: s.line)
    starts = [s.line for s in ordered]
    at = [bisect.bisect_right(starts, n) - 1 for n in lines]
    return [ordered[i].key if i >= 0 else "(no heading)" for i in at]


def _lead_ins(blocks: list[Block]) -> list[Block]:
    """Mark the lines that end with a colon right before a list, code or table of their own
    section ("Defaults (when `global:` is empty):"): they introduce what follows and state
    nothing themselves."""
    out = list(blocks)
    for n, (b, nxt) in enumerate(itertools.pairwise(blocks)):
        if (
            b.kind in ("paragraph", "item")
            and b.text.rstrip().endswith((":", "："))
            and nxt.section.index == b.section.index
            and (nxt.kind in ("code", "table") or (nxt.kind == "item" and nxt.group != b.group))
        ):
            out[n] = replace(b, leads_in=True)
    return out


def _heading_statements(sections: list[Section], blocks: list[Block]) -> list[Block]:
    """An empty section whose heading is a whole statement ("user pool 是Cognito 中的用户库")
    is that statement: people write short notes as headings."""
    used = {b.section.index for b in blocks}
    by_index = {s.index: s for s in sections}
    parents = _parents(sections)
    out: list[Block] = []
    for s in sections:
        h = s.heading
        cjk = sum(1 for ch in h if "\u4e00" <= ch <= "\u9fff")
        if (s.level and not s.bold and s.index not in used and _is_leaf(s, by_index)
                and (cjk >= 6 or len(h.split()) >= 6)):  # fmt: skip
            parent = parents[s.index]
            out.append(Block(len(blocks) + len(out), "paragraph", s.line, parent,
                             inline=Inline(h), from_heading=True))  # fmt: skip
    return out


def _parents(sections: list[Section]) -> dict[int, Section]:
    """The section each heading sits under (not the sibling heading just before it; a top
    heading under none is its own), read in one pass: ten thousand sibling headings were
    each read back over all the others."""
    out: dict[int, Section] = {}
    above: list[Section] = []  # the open headings, each deeper than the one before
    for s in sections:
        while above and above[-1].level >= s.level:
            above.pop()
        out[s.index] = above[-1] if above else s
        above.append(s)
    return out


def _is_leaf(section: Section, by_index: dict[int, Section]) -> bool:
    nxt = by_index.get(section.index + 1)
    return nxt is None or nxt.level <= section.level
