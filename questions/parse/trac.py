"""Notes written in Trac's or MoinMoin's wiki markup (a project wiki's pages), handed in as they
are: read as the Markdown they stand for.

Trac and MoinMoin write a heading as "= Title =" … "===== Fifth =====" (more "=" is deeper, as
in MediaWiki), code between "{{{" and "}}}" lines (a "#!sh" line naming its language, "#!comment"
making it a comment) and inline as {{{…}}} or `…`, a table's rows as "|| cell || cell ||" with
header cells as "||= Header =||", a list's items as " * " and " 1. " indented a space or more, a
definition as " term:: definition", a link as [wiki:Page text], [http://… text] or
[[Page|text]], macros as [[TOC]], [[PageOutline]], [[BR]] (MoinMoin's as <<TableOfContents>>),
bold as '''…''', italics as ''…'', underline as __…__, strike-through as ~~…~~, ^sup^ and
,,sub,, and "!" before a WikiWord or a mark it keeps from being one. Read as MediaWiki its
tables, code, lists and definitions stayed raw ("SUID (4000):: …", "{}" for {{{/tmp}}}). Only a
file Trac or MoinMoin marks as its own is read so; each line stays on its line, so every
question still points at its line (a table's "|---|" rule needs a line more than the table has:
a blank line above it gives it, the lines between moving one line up; else one below, or the
table's rows are written as items).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from questions.parse.plain_text import pipe_row
from questions.parse.spans import block_safe, code_span

#: a Markdown code fence's opening or closing line
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
#: a code block's opening line ("{{{", "{{{#!python", MoinMoin's "{{{{" for nesting) and
#: closing line ("}}}")
_BLOCK_OPEN = re.compile(r"^\{{3,}(?:\s*#!(?P<proc>\S+)(?P<args>.*))?$")
_BLOCK_CLOSE = re.compile(r"^\}{3,}$")
#: a processor line first in a block ("#!sh", "#!text/x-python"); "#!/bin/sh" is a shebang
_PROCESSOR = re.compile(r"^#!(?P<proc>[\w+-][\w+/.-]*)(?P<args>.*)$")
#: processors whose body is the page's text, not code: boxes, a table's parts, wiki text
_CONTAINERS = frozenset(
    {"div", "span", "box", "wiki", "td", "th", "tr", "table", "note", "tip", "warning",
     "important", "rtl", "ltr", "html", "xhtml", "rst", "textile"}
)  # fmt: skip
_COMMENTS = frozenset({"comment", "htmlcomment"})
_RULE = re.compile(r"^\s*-{4,}\s*$")
_LIST = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mark>[*-]|(?P<num>\d+)\.|(?P<letter>[a-zA-Z]|[ivxIVX]{1,5})\.)"
    r"(?:[ \t]+(?P<text>.*))?$"
)
_QUOTE = re.compile(r"^\s*(?P<marks>(?:>\s?)+)(?P<text>.*)$")
#: MoinMoin's processing instructions at a page's top ("#format wiki", "#pragma …")
_INSTRUCTION = re.compile(
    r"^#(?:format|language|pragma|acl|redirect|refresh|deprecated|keywords|section-\w+)\b", re.I
)
_MOIN_COMMENT = re.compile(r"^##")
#: macros a page calls: Trac's "[[TOC]]", "[[PageOutline(2-3)]]", "[[BR]]", MoinMoin's
#: "<<TableOfContents>>" (a "[[Name(…)]]" with arguments is a macro whatever its name)
_MACROS = frozenset(
    {"br", "toc", "pageoutline", "image", "titleindex", "recentchanges", "tracnav",
     "tracguidetoc", "include", "intertrac", "interwiki", "knownmimetypes", "macrolist",
     "repositoryindex", "ticketquery", "timestamp", "tracini", "tracadminhelp",
     "changelog", "footnote", "anchor", "tableofcontents", "navigation", "pagelist",
     "fullsearch", "mailto", "icon", "date", "datetime", "attachlist", "attachinfo",
     "monthcalendar", "randompage", "pagecount", "systeminfo", "action", "gettext",
     "newpage", "goto", "showsmileys", "wordindex", "orphanedpages", "abandonedpages",
     "wantedpages", "pagehits", "pagesize", "stats", "teudview", "editedsystempages",
     "span", "div", "lastmodified", "wikistats", "ticketbox"}
)  # fmt: skip
_MACRO_BODY = r"(?P<name>[A-Za-z][\w.-]*)(?:\((?P<args>[^()\[\]<>]*)\))?"
_BRACKET_MACRO = re.compile(rf"\[\[{_MACRO_BODY}\]\]")
_ANGLE_MACRO = re.compile(rf"<<{_MACRO_BODY}>>")
#: a TracLink's realms ("[wiki:Page text]", "[ticket:12]", "[source:trunk/x.py text]")
_REALMS = (
    r"wiki|ticket|source|browser|repos|changeset|milestone|report|attachment|query|search|"
    r"trac|log|comment|timeline|roadmap|export|raw-attachment|diff|th|interwiki"
)
_URL_SCHEMES = r"https?|ftps?|mailto|file|ssh|svn|git|irc|news"
#: marks only a Trac or MoinMoin page has
_LINK_MARK = re.compile(rf"(?<!\[)\[(?:{_REALMS}):[^\s\[\]]")
_MACRO_MARK = re.compile(
    r"\[\[(?:TOC|PageOutline|BR|TracNav|TracGuideToc|TitleIndex|Image\(|TableOfContents)"
    r"[\]\(]|<<(?:TableOfContents|BR|Anchor|Include|Navigation|FootNote)\b",
    re.I,
)
_SLOT = re.compile("\ue000(\\d+)\ue001")
_MARKS = {"\ue010": "**", "\ue011": "*", "\ue012": "~~"}
_MARK = re.compile("[\ue010\ue011\ue012]")
_BACKTICKS = re.compile(r"`+")
_SPACES = re.compile(r"[ \t]{2,}")
#: what starts a code span inline: "{{{" or a backtick
_CODE_START = re.compile(r"\{\{\{|`")
#: "!" keeping the mark or the WikiWord after it from being read: dropped, what follows kept
_BANG = re.compile(
    r"(?<![\w!])!(?P<mark>'{2,}|\[\[|\[|\{\{\{|\}\}\}|__|~~|\^|,,|\|\||<<|--\(|\)--|\*\*)"
    r"|(?<![\w!])!(?=[A-Z][a-z0-9]+[A-Z]|#\d|r\d|(?:" + _REALMS + r"):)"
)
_LINK = re.compile(r"\[\[(?P<body>[^\[\]]*)\]\]")
_SINGLE_LINK = re.compile(
    rf"\[(?P<target>(?:(?:{_URL_SCHEMES}):|(?:{_REALMS}):)[^\s\[\]]*)(?:\s+(?P<label>[^\[\]]*))?\]"
)
#: MoinMoin 1.5's links: "[:PageName:label]", "[\"Page name\"]"; Trac's anchors "[=#id label]"
_MOIN_LINK = re.compile(r"\[:(?P<page>[^:\[\]]+):(?P<label>[^\[\]]*)\]")
_QUOTED_LINK = re.compile(r"\[\"(?P<page>[^\"\[\]]+)\"\]")
_ANCHOR_LINK = re.compile(r"\[=#[\w.:-]+(?:\s+(?P<label>[^\[\]]*))?\]")
_BARE_WIKI = re.compile(r"(?<![\w/\[:])wiki:(?P<page>[A-Za-z][\w/.-]*)")
_URL = re.compile(rf"\b(?:{_URL_SCHEMES})://[^\s\[\]<>|]*[^\s\[\]<>|.,;:!?)'\"]")
_BREAK = re.compile(r"\\\\(?=\s|$)")
_BOLD_ITALIC = re.compile(r"'''''(?P<body>.+?)'''''")
_BOLD = re.compile(r"'''(?P<body>.+?)'''")
_ITALIC = re.compile(r"(?<!')''(?!')(?P<body>.+?)(?<!')''(?!')")
_STARS = re.compile(r"\*\*(?!\*)(?P<body>[^*]+?)\*\*")
_UNDERLINE = re.compile(r"__(?!_)(?P<body>[^_]+?)__")
_STRIKE = re.compile(r"~~(?!~)(?P<body>[^~]+?)~~|--\((?P<moin>[^()]+?)\)--")
_SUP = re.compile(r"\^(?P<body>[^^\s][^^]*?)\^")
_SUB = re.compile(r",,(?P<body>[^,\s][^,]*?),,")
_SIZE = re.compile(r"~-(?P<small>[^~]*?)-~|~\+(?P<big>[^~]*?)\+~")
#: bold or italics never closed: Trac closes them where the paragraph ends
_LEFT_QUOTES = re.compile(r"'{2,}")
_ESCAPE = re.compile(r"[\\`*_~\[\]]|<(?=[A-Za-z/!?])")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
#: a cell's MoinMoin attributes before its text ("<-2>", "<:>", "<rowbgcolor=\"#eee\">")
_CELL_ATTRS = re.compile(
    r"^\s*(?:<(?:[-|]\d+|[():^v]|\d+%|#[0-9a-fA-F]{3,8}|[a-z]+\s*=[^<>]*)>\s*)+"
)
_MAX_COLUMNS = 64
_MAX_TERM = 80
_MORE_TERMS = re.compile(r"\S::(?=\s|$)")
_ANCHOR = re.compile(r"\s#[\w:.-]+$")

#: what a line is once read, for where a table's rule may go
_BLANK, _TEXT, _ITEM, _LAZY, _HEADING, _CODE, _ROW, _QUOTED = (
    "blank", "text", "item", "lazy", "heading", "code", "row", "quote"
)  # fmt: skip
#: lines a table right under reads as more of them, unless a blank line parts them
_RUNS_ON = (_ITEM, _LAZY, _QUOTED)
#: lines a table's rule may move over, and those of them that hold words
_MOVABLE = (_TEXT, _ITEM, _LAZY, _HEADING, _QUOTED)
_WORDS = (_TEXT, _ITEM, _LAZY, _QUOTED)
#: where a table's header and last row go, while its lines are placed
_HEADER, _LAST_ROW = "header", "last row"
_MAX_REACH = 8  # lines between a table and the blank line it takes, at most
_AS_ITEMS = 10  # what writing a table's rows as items costs, against a line moved one line
_ROW_MOVED = 4  # what moving a table's row a line costs


def _heading(line: str) -> tuple[int, int, str] | None:
    """A "== Title ==" line's opening run, closing run and title (an anchor after it, "== Title
    == #id", dropped): one to six "=" and a space before the title."""
    text = line.strip()
    lead = len(text) - len(text.lstrip("="))
    if not 1 <= lead <= 6 or len(text) <= lead or text[lead] not in " \t":
        return None
    body = text[lead:]
    anchor = _ANCHOR.search(body)
    if anchor is not None and body[: anchor.start()].rstrip().endswith("="):
        body = body[: anchor.start()]
    body = body.rstrip()
    trail = len(body) - len(body.rstrip("="))
    title = body.rstrip("=").strip()
    return (lead, trail, title) if title else None


def _code_ranges(text: str) -> list[tuple[int, int, str]]:
    """The code spans of a line: ({{{…}}} or `…`) as (start, end, body). A mark never closed
    is looked past, and never looked for again; one escaped ("!{{{") opens none."""
    spans: list[tuple[int, int, str]] = []
    unclosed: set[str] = set()
    at = 0
    while (m := _CODE_START.search(text, at)) is not None:
        mark = m.group(0)
        if m.start() and text[m.start() - 1] == "!":  # "!{{{": the braces, no code
            at = m.end()
            continue
        closer = "}}}" if mark == "{{{" else "`"
        end = -1 if closer in unclosed else text.find(closer, m.end())
        if end < 0:
            unclosed.add(closer)
            at = m.end()
            if len(unclosed) == 2:
                break
            continue
        spans.append((m.start(), end + len(closer), text[m.end() : end]))
        at = end + len(closer)
    return spans


def _definition(line: str) -> tuple[str, str] | None:
    """An indented " term:: definition" line's term and definition (either may be empty): the
    first "::" outside code with a space or the line's end after it."""
    if not line[:1].isspace():
        return None
    text = line.strip()
    if not text or _LIST.match(line) is not None or _QUOTE.match(line) is not None:
        return None
    ranges = _code_ranges(text)
    starts = [start for start, _, _ in ranges]
    at = 0
    while (at := text.find("::", at)) >= 0:
        if at + 2 < len(text) and not text[at + 2].isspace():
            at += 2
            continue
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and at < ranges[k][1]:
            at = ranges[k][1]
            continue
        rest = text[at + 2 :]
        if at > _MAX_TERM or _MORE_TERMS.search(rest):  # " a:: b:: c" defines nothing
            return None
        return text[:at].strip(), rest.strip()
    return None


def _is_row(text: str) -> bool:
    """A stripped line is a table's row: "|| cell || cell ||"."""
    return len(text) >= 4 and text.startswith("||") and text.rstrip("\\").rstrip().endswith("||")


def _pairs(lines: list[str]) -> dict[int, int]:
    """Each "{{{" line whose block closes, and the "}}}" line closing it: blocks nest (a
    "{{{#!div" holds "{{{" blocks), an opening never closed opens none."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for n, line in enumerate(lines):
        text = line.strip()
        if _BLOCK_OPEN.match(text):
            stack.append(n)
        elif _BLOCK_CLOSE.match(text) and stack:
            pairs[stack.pop()] = n
    return pairs


def is_trac(lines: list[str]) -> bool:
    """The file marks itself as Trac's or MoinMoin's: a "= … =" heading (spaced, its closing
    run as long as its opening) and one of their marks, or two kinds of them without a heading.
    Their marks: a "{{{" … "}}}" block, a "||" table (two rows, or a "||= … =||" header), a
    macro ("[[TOC]]", "[[PageOutline]]", "<<TableOfContents>>"), a TracLink ("[wiki:Page]"),
    a " term:: definition" line or MoinMoin's "#format" line. Lines in a Markdown code fence
    are not looked at."""
    headings = 0
    kinds: set[str] = set()
    fenced = block = previous_row = False
    for n, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        text = line.strip()
        heading = _heading(line)
        if heading is not None:
            lead, trail, _ = heading
            headings += lead == trail
        if _BLOCK_OPEN.match(text):
            block = True
        elif block and _BLOCK_CLOSE.match(text):
            kinds.add("block")
        row = _is_row(text)
        if row and (previous_row or text.startswith("||=")):
            kinds.add("table")
        previous_row = row
        if ("[[" in line or "<<" in line) and _MACRO_MARK.search(line):
            kinds.add("macro")
        if "[" in line and _LINK_MARK.search(line):
            kinds.add("link")
        if "::" in line and _definition(line) is not None:
            kinds.add("definition")
        if n < 3 and _INSTRUCTION.match(line):
            kinds.add("moin")
        if (headings and kinds) or len(kinds) >= 2:
            return True
    return False


def trac_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, lists, definitions, pipe tables, code fences, bold,
    italics and code spans), and the lines of the page's bookkeeping dropped as (line number,
    reason, text); the lines as they were for a file that is not Trac's or MoinMoin's."""
    if not is_trac(lines):
        return lines, []
    return _Reader(lines).read()


class _Reader:
    """One pass over a page's lines, each written as Markdown on its own line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)
        self.out = [""] * len(lines)
        self.kinds = [_BLANK] * len(lines)
        self.skipped: list[tuple[int, str, str]] = []
        self.tables: list[tuple[int, int, list[list[str]]]] = []
        self.stack: list[tuple[int, int]] = []  # the open items: (indent, marker width)
        self.pairs = _pairs(lines)
        self.fences = [n for n, line in enumerate(lines) if _FENCE.match(line)]
        self.moin = any(_INSTRUCTION.match(line) for line in lines[:3]) or any(
            "<<" in line and _ANGLE_MACRO.search(line) for line in lines
        )

    def read(self) -> tuple[list[str], list[tuple[int, str, str]]]:
        lines = self.lines
        n = 0
        top = True  # MoinMoin's processing instructions come first
        ends: list[int] = []  # the closing lines of the wiki-text boxes ("{{{#!div") open
        while n < len(lines):
            line = lines[n]
            text = line.strip()
            if ends and n == ends[-1]:
                ends.pop()
                self._end_block()
                n += 1
                continue
            if top and _INSTRUCTION.match(line):
                self.skipped.append((n + 1, "trac metadata", text))
                n += 1
                continue
            top = False
            if self.moin and _MOIN_COMMENT.match(line):
                self.skipped.append((n + 1, "trac comment", text))
                n += 1
                continue
            if n in self.pairs:
                n = self._block(n, self.pairs[n], ends)
                continue
            if _FENCE.match(line) and (close := self._fence_end(n)) is not None:
                self.out[n : close + 1] = lines[n : close + 1]  # Markdown's own code: as it is
                self.kinds[n : close + 1] = [_CODE] * (close + 1 - n)
                self.stack.clear()
                n = close + 1
                continue
            if _is_row(text) or (text.startswith("||") and "||" in text[2:]):
                n = self._table(n)
                continue
            self._line(n, line)
            n += 1
        _place_tables(self.out, self.kinds, self.tables)
        return self.out, self.skipped

    def _fence_end(self, n: int) -> int | None:
        """The line closing a Markdown code fence opened on line n, or none."""
        later = bisect.bisect_right(self.fences, n)
        return self.fences[later] if later < len(self.fences) else None

    def _end_block(self) -> None:
        """A block's closing line: nothing of it said, and no list runs on over it."""
        self.stack.clear()

    def _block(self, n: int, end: int, ends: list[int]) -> int:
        """A "{{{" … "}}}" block from line n to line end: code as a fence, its lines as they
        are; a comment dropped; a box of wiki text read as the page's text. The line after it
        (a box's first line of text)."""
        self.stack.clear()
        opening = _BLOCK_OPEN.match(self.lines[n].strip())
        assert opening is not None
        proc, args, body_start = opening.group("proc"), opening.group("args") or "", n + 1
        if proc is None and n + 1 < end:
            first = _PROCESSOR.match(self.lines[n + 1].strip())
            if first is not None:
                proc, args, body_start = first.group("proc"), first.group("args"), n + 2
        name = (proc or "").lower()
        if name in _COMMENTS:
            for k in range(n + 1, end):
                if self.lines[k].strip() and k >= body_start:
                    self.skipped.append((k + 1, "trac comment", self.lines[k].strip()))
            return end + 1
        if name in ("markdown", "md"):  # Markdown in the page: as it is
            self.out[body_start:end] = self.lines[body_start:end]
            self.kinds[n : end + 1] = [_CODE] * (end + 1 - n)
            return end + 1
        if name in _CONTAINERS:
            ends.append(end)
            if name in ("html", "xhtml"):
                for k in range(body_start, end):
                    self.lines[k] = _HTML_TAG.sub(" ", self.lines[k])
            return body_start
        body = self.lines[body_start:end]
        longest = max((len(r) for line in body for r in _BACKTICKS.findall(line)), default=0)
        fence = "`" * max(3, longest + 1)
        self.out[body_start - 1] = fence + _language(name, args)
        self.kinds[n : end + 1] = [_CODE] * (end + 1 - n)
        self.kinds[n] = _BLANK if body_start == n + 2 else _CODE
        self.out[body_start:end] = body
        self.out[end] = fence
        return end + 1

    def _table(self, n: int) -> int:
        """The "||" rows from line n on as a table; the line after them."""
        end = n
        rows: list[list[str]] = []
        while end < len(self.lines):
            text = self.lines[end].strip()
            if not (_is_row(text) or (text.startswith("||") and "||" in text[2:])):
                break
            rows.append(_cells(text))
            end += 1
        self.stack.clear()
        self.kinds[n:end] = [_ROW] * (end - n)
        grid = _grid(rows)
        if grid:
            self.tables.append((n, end - 1, grid))
        else:
            self.kinds[n:end] = [_BLANK] * (end - n)
        return end

    def _line(self, n: int, line: str) -> None:
        """A line of text, a heading, an item, a definition or a quote, as Markdown."""
        text = line.strip()
        out, kinds, stack = self.out, self.kinds, self.stack
        if not text or _RULE.match(line):
            stack.clear()
            return
        if _BLOCK_OPEN.match(text) or _BLOCK_CLOSE.match(text):  # a block never closed
            stack.clear()
            return
        heading = _heading(line)
        listed = _LIST.match(line)
        if listed is not None and listed.group("letter") and not listed.group("indent"):
            listed = None  # "A. Smith" at a line's start: words
        if listed is not None and listed.group("mark") == "-" and not listed.group("text"):
            listed = None
        definition = _definition(line) if "::" in line else None
        indent = len(line) - len(line.lstrip(" \t"))
        if heading is not None:
            title = _inline(heading[2])
            out[n], kinds[n] = ("#" * heading[0] + " " + title if title else ""), _HEADING
            stack.clear()
        elif listed is not None:
            out[n], kinds[n] = self._item(listed), _ITEM
        elif definition is not None:
            out[n], kinds[n] = _term(*definition), _ITEM
            stack[:] = [(indent, 2)]
        elif indent and stack and n > 0 and kinds[n - 1] == _ITEM:  # more of the item above
            said = block_safe(_inline(text))
            out[n], kinds[n] = (" " * sum(w for _, w in stack) + said if said else ""), _ITEM
        elif (quote := _QUOTE.match(line)) is not None:
            marks = quote.group("marks").count(">")
            out[n], kinds[n] = "> " * marks + block_safe(_inline(quote.group("text"))), _QUOTED
            stack.clear()
        else:
            said = block_safe(_inline(text))
            lazy = n > 0 and kinds[n - 1] in (_ITEM, _LAZY) and bool(out[n - 1])
            kinds[n] = _LAZY if lazy else _TEXT
            if said and lazy and stack:
                # right under a list: an item of a list of its own, not more of the item
                said = ("+ " if stack[0][1] == 2 else "- ") + said
                kinds[n] = _ITEM
            out[n] = said
            stack.clear()
        if not out[n].strip():
            kinds[n] = _BLANK
            if any(ch.isalnum() for ch in text):
                self.skipped.append((n + 1, "trac metadata", text))

    def _item(self, listed: re.Match[str]) -> str:
        """A " * " or " 1. " line as a Markdown item, indented under the items it is in."""
        stack = self.stack
        indent = len(listed.group("indent").expandtabs(4))
        while stack and stack[-1][0] > indent:
            stack.pop()
        if stack and stack[-1][0] == indent:
            stack.pop()
        body = listed.group("text") or ""
        split = _definition(" " + body) if "::" in body else None
        text = _term(*split)[2:] if split is not None else block_safe(_inline(body))
        if not text:
            return ""
        number = listed.group("num")
        marker = "- " if listed.group("num") is None and listed.group("letter") is None else None
        if marker is None:
            marker = f"{int(number[:9])}. " if number else "1. "
        prefix = " " * sum(w for _, w in stack)
        stack.append((indent, len(marker)))
        return prefix + marker + text


def _language(name: str, args: str) -> str:
    """A code block's language from its processor ("sh", "text/x-python" as "python",
    MoinMoin's "highlight python" as "python"); none for "default" or plain text."""
    if name in ("highlight", "code", "syntax"):
        words = args.split()
        return words[0] if words and re.fullmatch(r"[\w+#.-]+", words[0]) else ""
    name = name.rpartition("/")[2].removeprefix("x-")
    if name in ("default", "plain", "text", "txt", ""):
        return ""
    return name if re.fullmatch(r"[\w+#.-]+", name) else ""


def _term(term: str, definition: str) -> str:
    """A definition as an item "- **term**: definition"."""
    said = _inline(definition)
    label = _inline(term)
    if not label:
        return f"- {block_safe(said)}" if said else ""
    label = _bold(label)
    return f"- {label}: {said}" if said else f"- {label}:"


def _bold(label: str) -> str:
    """A term as bold words ("**SUID**"), or as the code span it is ("`grep`")."""
    if label.startswith("`") and label.endswith("`") and label.count("`") == 2:
        return label
    if label.startswith("**") and label.endswith("**") and label.count("**") == 2:
        return label
    return "**" + label.replace("**", "") + "**"


def _cells(text: str) -> list[str]:
    """A "|| a || b ||" row's cells as Markdown ("||= Header =||" cells as their words), split
    at "||" outside code."""
    text = text.rstrip("\\").rstrip()
    ranges = _code_ranges(text)
    raw: list[str] = []
    start = 2
    at = 2
    k = 0
    while (at := text.find("||", at)) >= 0:
        while k < len(ranges) and ranges[k][1] <= at:
            k += 1
        if k < len(ranges) and ranges[k][0] <= at:
            at = ranges[k][1]
            continue
        raw.append(text[start:at])
        start = at = at + 2
    if text[start:].strip():
        raw.append(text[start:])
    if len(raw) > _MAX_COLUMNS:  # the cells past as many as a table has, as its last
        raw[_MAX_COLUMNS - 1 :] = [" ".join(c for c in raw[_MAX_COLUMNS - 1 :] if c.strip())]
    return [_cell(c) for c in raw]


def _cell(raw: str) -> str:
    """A cell's text as Markdown, without its "=" header marks and MoinMoin's attributes, its
    "|" escaped."""
    text = _CELL_ATTRS.sub("", raw, count=1).strip() if "<" in raw else raw.strip()
    if len(text) >= 2 and text.startswith("=") and text.endswith("="):
        text = text[1:-1].strip()
    elif text == "=":
        text = ""
    return _inline(text).replace("|", "\\|")


def _grid(rows: list[list[str]]) -> list[list[str]]:
    """A table's rows as cells of one width, the first its header (its bold dropped): none for
    rows without a cell."""
    width = max((len(r) for r in rows), default=0)
    if not width:
        return []
    grid = [r + [""] * (width - len(r)) for r in rows]
    grid[0] = [_unbold(c) for c in grid[0]]
    return grid


def _unbold(cell: str) -> str:
    """A header cell's words without the bold that only marks it as a header."""
    if cell.startswith("**") and cell.endswith("**") and cell.count("**") == 2 and len(cell) > 4:
        return cell[2:-2]
    return cell


def _row_item(row: list[str]) -> str:
    """A table's row as an item, for a table with no room for its rule: "* **key**: value" for
    two cells, else its cells one after another."""
    words = [c for c in row if c]
    if len(row) == 2 and len(words) == 2:
        return f"* {_bold(words[0])}: {words[1]}"
    return "* " + "; ".join(words) if words else ""


def _place_tables(
    out: list[str], kinds: list[str], tables: list[tuple[int, int, list[list[str]]]]
) -> None:
    """Write each table as a pipe table, its "|---|" rule on a line a blank line gives: one
    above it (the lines between moving a line up), else one below (its rows moving a line
    down). A table right under an item or a quote needs a blank line more, or Markdown reads
    it as more of the item; a blank line goes only where what it parted stays apart (a
    paragraph never runs on into an item above). A table with no blank line near enough to
    spare has its rows written as items. A paragraph's line right under a table is an item of
    its own, or Markdown would read it as one more row."""
    for start, end, grid in tables:
        plans: list[tuple[int, int, list[int]]] = [(_AS_ITEMS, 0, [])]
        for step in (-1, 1):
            for need in (1, 2):
                taken = _plan(kinds, start, end, step, need)
                if taken is not None:
                    cost = _cost(kinds, start, end, step, taken, len(grid))
                    plans.append((cost, step, taken))
                    break
        _, step, taken = min(plans, key=lambda p: (p[0], p[1]))
        need = len(taken)
        table = ([""] if need == 2 else []) + _table_lines(grid)
        if not step:
            for k, row in enumerate(grid):
                out[start + k] = _row_item(row) if k else ""
            last = end
        elif step < 0:
            for k, blank in enumerate(taken):  # nearest first: each opens the line above
                _shift(out, kinds, blank, start - 1 - k, -1)
            out[start - need : end + 1] = table
            kinds[start - need : end + 1] = [_BLANK] * (need - 1) + [_ROW] * (len(grid) + 1)
            last = end
        else:
            for k, blank in enumerate(taken):
                _shift(out, kinds, blank, end + 1 + k, 1)
            out[start : end + need + 1] = table
            kinds[start : end + need + 1] = [_BLANK] * (need - 1) + [_ROW] * (len(grid) + 1)
            last = end + need
        if last + 1 < len(out) and kinds[last + 1] == _TEXT:
            out[last + 1] = "+ " + out[last + 1]
            kinds[last + 1] = _ITEM


def _table_lines(grid: list[list[str]]) -> list[str]:
    """A pipe table's lines: its header, its rule, its rows."""
    return [pipe_row(grid[0]), pipe_row(["---"] * len(grid[0])), *(pipe_row(r) for r in grid[1:])]


def _plan(kinds: list[str], start: int, end: int, step: int, need: int) -> list[int] | None:
    """The blank lines a table from line start to line end takes (going step by step, up or
    down, nearest first), need of them: the first ones within reach, passing only over lines
    of words and headings, whose going leaves every line apart from what it then follows;
    none when there are too few."""
    first = start - 1 if step < 0 else end + 1
    blanks: list[int] = []
    k = first
    while 0 <= k < len(kinds) and abs(k - first) < _MAX_REACH:
        if kinds[k] == _BLANK:
            blanks.append(k)
        elif kinds[k] not in _MOVABLE:
            break
        k += step
    for taken in itertools.combinations(blanks, need):
        if _stays_apart(kinds, start, end, step, list(taken)):
            return list(taken)
    return None


def _stays_apart(kinds: list[str], start: int, end: int, step: int, taken: list[int]) -> bool:
    """Taking these blank lines leaves each line that then follows another it did not follow
    apart from it (and the table apart from what is right above it)."""
    gone = set(taken)
    if step < 0:
        low = min(taken) - 1
        kept = [k for k in range(low, start) if k not in gone]
        order: list[tuple[int, str]] = [(k, kinds[k] if k >= 0 else _BLANK) for k in kept]
        order += [(-2, _BLANK)] * (len(taken) - 1) + [(-3, _HEADER)]
    else:
        high = max(taken) + 1
        order = [(-3, _LAST_ROW)] + [
            (k, kinds[k]) for k in range(end + 1, min(high, len(kinds) - 1) + 1) if k not in gone
        ]
        above = kinds[start - 1] if start > 0 else _BLANK
        if len(taken) == 1 and (above in _RUNS_ON or above == _ROW):
            return False
    for (at, above), (to, below) in itertools.pairwise(order):
        if at >= 0 and to == at + 1:
            continue  # these followed one another already
        if not _apart(above, below):
            return False
    return True


def _apart(above: str, below: str) -> bool:
    """A line of kind below, right under one of kind above, is read apart from it: the table
    a header opens starts no item's or quote's text, and a paragraph's line runs on into no
    item, paragraph or table above (one right under a table becomes an item of its own)."""
    if below == _HEADER:
        return above not in _RUNS_ON and above != _ROW
    if above == _LAST_ROW:
        return below not in (_LAZY, _ROW)
    return above in (_BLANK, _HEADING, _CODE) or below in (_BLANK, _HEADING, _CODE, _QUOTED, _ITEM)


def _cost(kinds: list[str], start: int, end: int, step: int, taken: list[int], rows: int) -> int:
    """What a plan costs: a line of words one for each line it moves, a heading none, a
    table's row more (a question keyed from it points at its line)."""
    if step < 0:
        low = min(taken)
        moved = [sum(1 for t in taken if t < k) for k in range(low, start) if kinds[k] in _WORDS]
        return sum(moved)
    high = max(taken)
    moved = [sum(1 for t in taken if t > k) for k in range(end + 1, high) if kinds[k] in _WORDS]
    return sum(moved) + _ROW_MOVED * rows * len(taken)


def _shift(out: list[str], kinds: list[str], blank: int, to: int, step: int) -> None:
    """Take the blank line out and move the lines between it and line to a line toward it
    (step -1: the lines below it up; 1: the lines above it down), opening line to."""
    if step < 0:
        out[blank:to] = out[blank + 1 : to + 1]
        kinds[blank:to] = kinds[blank + 1 : to + 1]
    else:
        out[to + 1 : blank + 1] = out[to:blank]
        kinds[to + 1 : blank + 1] = kinds[to:blank]
    out[to], kinds[to] = "", _BLANK


def _inline(text: str) -> str:
    """Trac's and MoinMoin's inline marks as Markdown's: '''bold''' as **bold**, ''italics''
    and __underline__ as *italics*, {{{code}}} and `code` as code spans, ~~strike~~ kept, a link
    as the words it shows, [[BR]] as a space, a footnote in brackets, other macros dropped,
    ^sup^ as ^sup and ,,sub,, as its words; "!" escapes dropped. Markdown's own marks in the
    words are escaped."""
    slots: list[str] = []

    def kept(value: str) -> str:
        slots.append(value)
        return f"\ue000{len(slots) - 1}\ue001"

    def literal(value: str) -> str:
        return kept(_ESCAPE.sub(r"\\\g<0>", value))

    if "{{{" in text or "`" in text:
        pieces: list[str] = []
        last = 0
        for start, end, body in _code_ranges(text):
            pieces += [text[last:start], kept(code_span(body))]
            last = end
        text = "".join(pieces) + text[last:]
    if "!" in text:
        text = _BANG.sub(lambda m: literal(m.group("mark") or ""), text)
    if "[[" in text:
        text = _BRACKET_MACRO.sub(_macro, text)
        text = _LINK.sub(lambda m: _link(m.group("body"), literal), text)
    if "<<" in text:
        text = _ANGLE_MACRO.sub(_macro, text)
    if "[" in text:
        text = _SINGLE_LINK.sub(lambda m: _labelled(m, literal), text)
        text = _MOIN_LINK.sub(lambda m: literal(m.group("label").strip() or m.group("page")), text)
        text = _QUOTED_LINK.sub(lambda m: literal(m.group("page")), text)
        text = _ANCHOR_LINK.sub(lambda m: m.group("label") or "", text)
    if "wiki:" in text:
        text = _BARE_WIKI.sub(lambda m: m.group("page"), text)
    if "://" in text:
        text = _URL.sub(lambda m: kept(m.group(0)), text)
    text = _BREAK.sub(" ", text)
    if "''" in text:
        text = _BOLD_ITALIC.sub(lambda m: _marked("\ue010\ue011", m.group("body")), text)
        text = _BOLD.sub(lambda m: _marked("\ue010", m.group("body")), text)
        text = _ITALIC.sub(lambda m: _marked("\ue011", m.group("body")), text)
        text = _LEFT_QUOTES.sub("", text)
    if "**" in text:
        text = _STARS.sub(lambda m: _marked("\ue010", m.group("body")), text)
    if "__" in text:
        text = _UNDERLINE.sub(lambda m: _marked("\ue011", m.group("body")), text)
    if "~~" in text or "--(" in text:
        text = _STRIKE.sub(lambda m: _marked("\ue012", m.group("body") or m.group("moin")), text)
    if "^" in text:
        text = _SUP.sub(lambda m: "^" + m.group("body"), text)
    if ",," in text:
        text = _SUB.sub(lambda m: m.group("body"), text)
    if "~-" in text or "~+" in text:
        text = _SIZE.sub(lambda m: m.group("small") or m.group("big") or "", text)
    text = _ESCAPE.sub(r"\\\g<0>", text)
    text = _MARK.sub(lambda m: _MARKS[m.group(0)], text)
    text = _SPACES.sub(" ", text).strip()
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def _marked(mark: str, body: str) -> str:
    """Words between a mark (a pair of marks closing in the other order), the spaces inside it
    moved out (CommonMark reads "** x **" as no emphasis)."""
    words = body.strip()
    if not words:
        return body
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()) :]
    return f"{lead}{mark}{words}{mark[::-1]}{trail}"


def _macro(m: re.Match[str]) -> str:
    """A macro as the words it shows: a line break as a space, a footnote in brackets, a
    "[[Name]]" no macro knows as its name (a page); the rest (a table of contents, an image,
    an index), none."""
    name = m.group("name").lower()
    args = m.group("args")
    if name == "br":
        return " "
    if name == "footnote":
        return f" ({args.strip()})" if args and args.strip() else ""
    if args is None and name not in _MACROS and m.group(0).startswith("[["):
        return m.group(0)  # "[[WikiStart]]": a link, read as one
    return ""


def _link(body: str, literal: Callable[[str], str]) -> str:
    """A "[[target|label]]" link as the words it shows: its label, else its page's name (its
    realm dropped: "wiki:Page" as "Page") or its address."""
    target, piped, label = body.partition("|")
    if piped and label.strip():
        return literal(label.strip())
    return literal(_target(target.strip()))


def _labelled(m: re.Match[str], literal: Callable[[str], str]) -> str:
    """A "[target label]" link as its label, else its target."""
    label = (m.group("label") or "").strip()
    return literal(label) if label else literal(_target(m.group("target")))


def _target(target: str) -> str:
    """A link's target as it shows: an address as it is, "wiki:Page" as "Page"."""
    if "://" in target or target.startswith("mailto:"):
        return target
    realm, colon, rest = target.partition(":")
    if colon and realm.lower() == "wiki":
        return rest.partition("#")[0] or rest
    return target
