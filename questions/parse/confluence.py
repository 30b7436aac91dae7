"""Notes written in Confluence's wiki markup (a page exported as wiki text), handed in as they
are: read as the Markdown they stand for.

Confluence marks a heading with "h2. " at a line's start, a table's header row with "||"
("||Class||Durability||") and its other rows with "|", bold with one star ("*11 nines*"),
code with double braces ("{{/16}}"), a list's items with "*", "#" and "-" ("**" and "*#" a
level deeper), a link as "[text|url]", and boxes, code and page furniture as macros between
braces ("{code:language=bash}" … "{code}", "{info}" … "{info}", "{toc}", "{status:…}"). Read
as Markdown its headings were paragraphs, its tables runs of pipes and every macro text. Only
a file Confluence marks as its own (two "hN. " headings, or one and a "||" header row or a
macro on a line of its own) is read so; each line stays on its line, so every question still
points at its line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from questions.parse.plain_text import pipe_row
from questions.parse.spans import block_safe, code_span
from questions.parse.wiki_lines import WikiLines, marked

_HEADING = re.compile(r"^\s*h(?P<level>[1-6])\.\s+(?P<title>.*)$")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
#: a block macro a page has on a line of its own: a box, code, or the page's furniture
_MACRO_LINE = re.compile(
    r"^\s*\{(?:code|noformat|panel|info|tip|note|warning|quote|expand|toc|section|column|"
    r"excerpt|children|anchor|status)(?::[^{}]*)?\}"
)
_LIST = re.compile(r"^\s*(?P<marks>[*#]+|-)\s+(?P<text>.*)$")
_RULE = re.compile(r"^\s*-{4,}\s*$")
_BQ = re.compile(r"^\s*bq\.\s+")
_CODE_OPEN = re.compile(r"^\s*\{(?P<name>code|noformat)(?::(?P<params>[^{}]*))?\}")
#: a macro: its name and its parameters ("{status:colour=Green|title=DONE}")
_MACRO = re.compile(r"\{(?P<name>[A-Za-z][\w-]*)(?::(?P<params>[^{}\n]*))?\}")
_ONLY_MACROS = re.compile(r"(?:\s*\{[A-Za-z][\w-]*(?::[^{}\n]*)?\})+\s*")
#: boxes whose body is the notes' text: the macro's lines go, the body stays
_BOXES = frozenset({"info", "tip", "note", "warning", "panel", "quote", "expand", "excerpt"})
#: macros of no words inline: a page's furniture, a colour's or a box's edges
_DROPPED = frozenset(
    {
        "anchor", "children", "code", "color", "colour", "column", "contentbylabel", "div",
        "excerpt", "excerpt-include", "expand", "gallery", "highlight", "include", "info",
        "livesearch", "noformat", "note", "pagetree", "panel", "quote", "recently-updated",
        "section", "span", "tip", "toc", "toc-zone", "warning", "attachments", "profile",
        "children-display", "tasklist", "viewfile", "viewpdf", "multimedia", "widget",
    }
)  # fmt: skip
_INLINE_CODE = re.compile(r"\{(?P<name>code|noformat)(?::[^{}\n]*)?\}")
_ESCAPE = re.compile(r"\\\\|\\(?P<char>[^\s\w])")
_IMAGE = re.compile(
    r"!(?:https?://[^\s!]+|[^\s!|]+\.(?:png|jpe?g|gif|svg|bmp|webp))(?:\|[^!\n]*)?!", re.I
)
_LINK = re.compile(r"\[(?P<body>[^\[\]\n]*)\]")
_URL = re.compile(r"(?:https?|ftp)://[^\s\[\]{}<>|]*[^\s\[\]{}<>|.,;:!?)'\"]")
_EMOTICON = re.compile(r"(?<!\S)\((?:/|x|!|i|\?|y|n|on|off|\*[rgby]?|\+|-)\)(?!\S)")
_DASHES = re.compile(r"(?<=\s)-{2,3}(?=\s)")
_SPACES = re.compile(r"[ \t]{2,}")
_SLOT = re.compile("\ue000(\\d+)\ue001")
_MD_ESCAPE = re.compile(r"[\\`*_~]|<(?=[A-Za-z/!?])")
_BACKTICKS = re.compile(r"`+")


def _marks(mark: str) -> re.Pattern[str]:
    """Words between one of Confluence's marks: the mark opens after a space or an opening
    bracket and before a word, and closes after a word and before a space or punctuation
    ("256 - 5", "A<->B", "snake_case" and "C++" hold none). Its words never hold the mark, so
    each start is looked past at most to the next mark."""
    m = re.escape(mark)
    c = re.escape(mark[0])
    arrow = "<>" if mark == "-" else ""  # "a -> b -> c" is no strike-through
    return re.compile(
        rf"(?<![^\s(\[{{\"'“‘/—–\ue001]){m}(?=[^\s{c}{arrow[1:]}])"
        rf"(?P<body>[^{c}\n]*?[^\s{c}{arrow[:1]}]){m}(?![^\s.,;:!?)\]}}\"'”’/…—–\ue000])"
    )


#: Confluence's marks and Markdown's for them: bold, italics, a citation, strike-through;
#: an underline has none, its words stay
_EMPHASIS = (
    (_marks("*"), "**"),
    (_marks("_"), "*"),
    (_marks("??"), "*"),
    (_marks("-"), "~~"),
    (_marks("+"), ""),
)


def is_confluence(lines: list[str]) -> bool:
    """The file marks itself as Confluence's: two "hN. " headings, or one and a "||" header
    row or a block macro on a line of its own, or a header row and such a macro. Lines in a
    Markdown code fence are not looked at."""
    headings = 0
    header = macro = fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        heading = _HEADING.match(line)
        headings += heading is not None and bool(heading.group("title").strip())
        stripped = line.strip()
        header = header or (len(stripped) > 4 and stripped.startswith("||") and stripped[-1] == "|")
        macro = macro or _MACRO_LINE.match(line) is not None
        if headings >= 2 or (headings and (header or macro)) or (header and macro):
            return True
    return False


def confluence_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, nested lists, pipe tables, code fences, bold, italics,
    strike-through and code spans), and the lines of macros and other markup dropped as (line
    number, reason, text); the lines as they were for a file that is not Confluence's."""
    if not is_confluence(lines):
        return lines, []
    return _Reader(lines).read()


class _Reader(WikiLines):
    """One pass over a page's lines, writing each line's Markdown on its own line."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.closings = {
            name: [k for k, line in enumerate(self.src) if "{" + name + "}" in line]
            for name in ("code", "noformat")
        }

    def _line(self, n: int) -> int:
        """Line n written; the line to read next."""
        line = self.src[n]
        text = line.strip()
        if not text:
            self._end_blocks()
            return n + 1
        code = _CODE_OPEN.match(line)
        if code is not None:
            end = self._code_end(n, code)
            if end is not None:
                self._end_blocks()
                return self._code(n, end, code)
        if text.startswith("|"):
            return self._table(n)
        if _RULE.match(line):
            self._end_blocks()
            return n + 1
        if _ONLY_MACROS.fullmatch(line):
            self._macros(n)
            return n + 1
        heading = _HEADING.match(line)
        if heading is not None:
            self._end_blocks()
            title = _inline(heading.group("title"))
            if not title:
                self._skip(n, "confluence markup")
                return n + 1
            title = title[:-1] + "\\#" if title.endswith("#") else title
            self.out[n] = "#" * int(heading.group("level")) + " " + title
            self.kinds[n] = "heading"
            return n + 1
        listed = _LIST.match(line)
        if listed is not None:
            self.after_table = False
            self.out[n] = self._item(listed.group("marks"), listed.group("text"))
            self.kinds[n] = "item" if self.out[n] else "blank"
            if not self.out[n]:
                self._skip(n, "confluence markup")
            return n + 1
        said = block_safe(_inline(_BQ.sub("", line, count=1)))
        if not said:
            self._skip(n, "confluence markup")
            return n + 1
        if self.stack or self.after_table:
            # a paragraph right under a list or a table: Markdown would run it on into the
            # last item or row, so it is an item of a list of its own
            ordered_above = bool(self.stack) and self.stack[0] == len("1. ")
            marker = "+ " if self.stack and not ordered_above else "- "
            self.out[n], self.kinds[n] = marker + said, "item"
            self._end_blocks()
            return n + 1
        # a line right under an item's runs on in it, as it does in Markdown
        above = self.kinds[n - 1] if n else "blank"
        self.out[n], self.kinds[n] = said, "item" if above == "item" else "para"
        return n + 1

    def _macros(self, n: int) -> None:
        """A line of macros only: a box's edges, the page's furniture. A box's title is said
        as "Title:" over the list its body opens with."""
        self._end_blocks()
        first = _MACRO.search(self.src[n])
        title = ""
        if first is not None and first.group("name").lower() in _BOXES:
            title = _param(first.group("params") or "", "title")
        if title and self._list_follows(n):
            said = _inline(title).rstrip(":")
            if said:
                self.out[n], self.kinds[n] = block_safe(said + ":"), "para"
                return
        self._skip(n, "confluence macro")

    def _list_follows(self, n: int) -> bool:
        """The first line of text after line n is a list's item."""
        for k in range(n + 1, min(len(self.src), n + 4)):
            if self.src[k].strip():
                return _LIST.match(self.src[k]) is not None
        return False

    def inline(self, text: str) -> str:
        return _inline(text)

    def _code_end(self, n: int, opening: re.Match[str]) -> int | None:
        """The line closing a code macro opened on line n; none when it closes on its own line
        or never."""
        name = opening.group("name")
        if "{" + name + "}" in self.src[n][opening.end() :]:
            return None  # "{code}x = 1{code}": a code span, read with the line's words
        closings = self.closings[name]
        later = bisect.bisect_right(closings, n)
        return closings[later] if later < len(closings) else None

    def _code(self, n: int, end: int, opening: re.Match[str]) -> int:
        """A "{code:…}" or "{noformat}" block from line n to line end as fenced code, its lines
        as they are; the line after it. Text on a macro's own line moves the fence to the blank
        line beside it; where there is none, each line is a code span of its own."""
        src, out = self.src, self.out
        name = opening.group("name")
        close = "{" + name + "}"
        before, first = src[n][: opening.start()], src[n][opening.end() :]
        cut = src[end].find(close)
        last, after = src[end][:cut], src[end][cut + len(close) :]
        body = [first, *src[n + 1 : end], last]
        longest = max((len(r) for line in body for r in _BACKTICKS.findall(line)), default=0)
        fence = "`" * max(3, longest + 1)
        lang = _language(opening.group("params") or "") if name == "code" else ""
        open_at: int | None = n
        if first.strip():
            free = n > 0 and not src[n - 1].strip() and out[n - 1] == ""
            open_at = n - 1 if free else None
        close_at: int | None = end
        if last.strip():
            close_at = end + 1 if end + 1 < len(src) and not src[end + 1].strip() else None
        if before.strip() or after.strip() or open_at is None or close_at is None:
            for k, line in enumerate(body):
                out[n + k] = code_span(line)
                self.kinds[n + k] = "para" if out[n + k] else "blank"
            for k, extra in ((n, before), (end, after)):
                words = _inline(extra)
                out[k] = f"{words} {out[k]}".strip() if k == n else f"{out[k]} {words}".strip()
                self.kinds[k] = "para" if out[k] else "blank"
            return end + 1
        out[open_at] = fence + lang
        out[n + 1 : end] = src[n + 1 : end]
        out[n] = first if first.strip() else out[n]
        out[end] = last if last.strip() else ""
        out[close_at] = fence
        for k in range(open_at, close_at + 1):
            self.kinds[k] = "code"
        return close_at + 1

    def _table(self, n: int) -> int:
        """A run of "|" lines from line n as a GFM table; the line after it. The delimiter row
        Markdown wants under the header takes a line: the header moves up to the blank line
        above it (or, right under a heading, the heading does), else the rows move down into
        the blank line below; with none, each row is an item of its own. A table without a "||" header row has its first row as header."""
        src = self.src
        end = n
        while end < len(src) and src[end].strip().startswith("|"):
            end += 1
        rows = [_cells(src[k]) for k in range(n, end)]
        width = max(len(r) for r in rows) or 1
        grid = [[c for c, _ in r] + [""] * (width - len(r)) for r in rows]
        line_of = [pipe_row(r) for r in grid]
        separator = pipe_row(["---"] * width)
        fits = ("blank", "heading", "para", "code")
        above = self.kinds[n - 1] if n > 0 else "blank"
        self._end_blocks()
        free_above = n >= 1 and not src[n - 1].strip() and self.out[n - 1] == ""
        if free_above and (n < 2 or self.kinds[n - 2] in fits):
            self.out[n - 1], self.out[n] = line_of[0], separator
            self.out[n + 1 : end] = line_of[1:]
            self.kinds[n - 1 : end] = ["table"] * (end - n + 1)
        elif above == "heading" and n >= 2 and not src[n - 2].strip() and self.out[n - 2] == "":
            # a heading right over the table: it moves up to the blank line over it instead
            self.out[n - 2], self.kinds[n - 2] = self.out[n - 1], "heading"
            self.out[n - 1], self.out[n] = line_of[0], separator
            self.out[n + 1 : end] = line_of[1:]
            self.kinds[n - 1 : end] = ["table"] * (end - n + 1)
        elif end < len(src) and not src[end].strip() and above in fits:
            self.out[n], self.out[n + 1] = line_of[0], separator
            self.out[n + 2 : end + 1] = line_of[1:]
            self.kinds[n : end + 1] = ["table"] * (end - n + 1)
            end += 1  # the blank line under the table holds its last row
        else:
            self._rows_as_items(n, end, grid, headed=True)
            return end
        self.after_table = True
        return end


def _param(params: str, key: str) -> str:
    """A macro's parameter by name ("title" of "title=Gotchas|borderStyle=dashed")."""
    for part in params.split("|"):
        name, eq, value = part.partition("=")
        if eq and name.strip().lower() == key:
            return value.strip()
    return ""


def _language(params: str) -> str:
    """A code macro's language: "{code:bash}", "{code:language=bash|title=x}"."""
    for part in params.split("|"):
        name, eq, value = part.partition("=")
        lang = (value if eq and name.strip().lower() in ("language", "lang") else "").strip()
        lang = name.strip() if not eq else lang
        if lang and re.fullmatch(r"[\w+#.-]+", lang) and lang.lower() not in ("none", "text"):
            return lang.lower()
    return ""


def _cells(line: str) -> list[tuple[str, bool]]:
    """A table line's cells as Markdown, each with whether it is a header's ("||"). A "|"
    inside a link, a macro or code ("[AWS|https://aws.amazon.com]", "{{a|b}}") splits none;
    a bracket never closed on the line is no bracket."""
    text = line.strip()
    pairs = {"[": "]", "{": "}"}
    balanced = {o for o, c in pairs.items() if text.count(o) == text.count(c)}
    cells: list[tuple[str, bool]] = []
    depth = {"[": 0, "{": 0}
    at = 0
    while at < len(text) and text[at] == "|":
        header = text.startswith("||", at)
        at += 2 if header else 1
        start = at
        while at < len(text):
            ch = text[at]
            if ch == "\\":
                at += 2
                continue
            if ch in pairs and ch in balanced:
                depth[ch] += 1
            elif ch in ("]", "}"):
                opening = "[" if ch == "]" else "{"
                if opening in balanced:
                    depth[opening] = max(depth[opening] - 1, 0)
            elif ch == "|" and not depth["["] and not depth["{"]:
                break
            at += 1
        cell = text[start:at]
        if at >= len(text) and not cell.strip():
            break  # the row's closing pipe
        cells.append((_inline(cell).replace("|", "\\|"), header))
    return cells or [("", False)]


def _spans(
    text: str,
    opening: re.Pattern[str],
    closing: Callable[[re.Match[str]], str],
    kept: Callable[[str], str],
) -> str:
    """Each span from a match of opening to the closing text it names, as kept(its body);
    a closing looked for in vain is not looked for again, so the text is read once."""
    pieces: list[str] = []
    at = 0
    unclosed: set[str] = set()
    while (m := opening.search(text, at)) is not None:
        close = closing(m)
        end = -1 if close in unclosed else text.find(close, m.end())
        if end < 0:
            unclosed.add(close)
            pieces.append(text[at : m.end()])
            at = m.end()
            continue
        pieces += [text[at : m.start()], kept(text[m.end() : end])]
        at = end + len(close)
    return "".join(pieces) + text[at:]


_MONO_OPEN = re.compile(r"\{\{")


def _inline(text: str) -> str:
    """Confluence's inline marks as Markdown's: *bold* as **bold**, _italics_ as *italics*,
    {{code}} as a code span, -struck- as ~~struck~~, a link as the words it shows, a status
    lozenge as its title; other macros, images and emoticons dropped. Markdown's own marks left
    in the words are escaped: they are characters in Confluence. Code is kept as written."""
    slots: list[str] = []

    def kept(value: str) -> str:
        slots.append(value)
        return f"\ue000{len(slots) - 1}\ue001"

    def escaped(value: str) -> str:
        return kept(_MD_ESCAPE.sub(r"\\\g<0>", value))

    text = _spans(
        text, _INLINE_CODE, lambda m: "{" + m.group("name") + "}", lambda b: kept(code_span(b))
    )
    text = _spans(text, _MONO_OPEN, lambda m: "}}", lambda b: kept(code_span(b)))
    text = _ESCAPE.sub(lambda m: escaped(m.group("char")) if m.group("char") else " ", text)
    text = _IMAGE.sub("", text)
    text = _MACRO.sub(lambda m: _macro(m, escaped), text)
    text = _LINK.sub(lambda m: _link(m.group("body"), escaped), text)
    text = _URL.sub(lambda m: escaped(m.group(0)), text)
    text = _EMOTICON.sub("", text)
    text = _DASHES.sub(lambda m: "—" if len(m.group(0)) == 3 else "–", text)
    for pattern, mark in _EMPHASIS:
        text = pattern.sub(marked(mark, kept), text)
    text = _MD_ESCAPE.sub(r"\\\g<0>", text)
    text = _SPACES.sub(" ", text).strip()
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def _macro(m: re.Match[str], escaped: Callable[[str], str]) -> str:
    """An inline macro as its words: a status lozenge's title, a Jira issue's key; none for
    a page's furniture or a box's edge; a name Confluence has no macro for stays as written."""
    name = m.group("name").lower()
    params = m.group("params") or ""
    if name == "status":
        return escaped(_param(params, "title"))
    if name == "jira":
        key = _param(params, "key") or (params.split("|")[0] if "=" not in params else "")
        return escaped(key.strip())
    if name in _DROPPED:
        return ""
    return m.group(0)


def _link(body: str, escaped: Callable[[str], str]) -> str:
    """A link as the words it shows: its text ("[guide|https://…]"), else its target; a
    user's mention as the user's name (none for an account id), an anchor or attachment as
    its name."""
    text, bar, target = body.partition("|")
    if bar and text.strip():
        return text.strip()
    target = (target if bar else text).split("|")[0].strip()
    if target.startswith("~accountid:"):
        return ""  # a mention by account id (Confluence Cloud): no name to say
    for prefix in ("~", "#", "^", "mailto:"):
        if target.startswith(prefix):
            return escaped(target[len(prefix) :].strip())
    return escaped(target)
