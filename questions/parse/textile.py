"""Notes written in Textile (a Redmine or Textpattern wiki page as typed in its edit box), handed
in as they are: read as the Markdown they stand for.

Textile starts a block with a signature and a dot: "h2. " a heading, "p. " a paragraph,
"bq. " a quote, "bc. " and "pre. " code ("bc.. " running on over blank lines), each with
optional modifiers before the dot ("p(note). ", "p>. ", "h2{color:red}. "). A list's items are
"*" and "#" ("**", "##" a level deeper), a table's rows "|cell|" with cell modifiers before a
dot ("|_. header|", "|=. centred|", "|>. right|", "|\\2. colspan|", "|/2. rowspan|"), code
"<pre>" … "</pre>" (Redmine's "<pre><code class=\"bash\">") and inline "@code@"; *bold*,
_italics_, -strike-, +insert+, %{style}span%; a link is "text":url, Redmine's [[Page|label]];
an image "!file.png!"; Redmine's macros "{{toc}}", "{{collapse(…)" … "}}". Read as Markdown
(or as Confluence, whose "h2. " is the same) the modifiers, "@" and the link marks stayed in
the words ("_. Role", "=. yes", "@ReadOnly@"). Only a file marking itself as Textile by two
kinds of marks only Textile has (a heading counts as one) is read so. Each line stays on its
line, so every question still points at its line; a table's "|---|" rule takes the blank line
above it (the table going into a list's item right over that line, as Markdown would read a
header there as the item's words), else lines move a line to give it one, else its rows are
written as items.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from questions.parse.plain_text import pipe_row
from questions.parse.spans import block_safe, code_span
from questions.parse.wiki_lines import WikiLines, marked

#: a Markdown code fence's opening or closing line
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
#: Textile's modifiers: a class or id "(note)", a style "{color:red}", a language "[en]",
#: alignment and padding; possessive, so a run of parentheses is read once
_MODS = r"(?:\([^()\n]+\)|\{[^{}\n]*\}|\[[^\[\]\n]+\]|<>|[<>=()])*+"
#: a block's signature: "h2. ", "p(note). ", "bq.. ", "bc. ", "fn1. ", "table(x)."
_SIGNATURE = re.compile(
    rf"^(?P<tag>h[1-6]|p|bq|bc|pre|notextile|fn\d{{1,3}}|table)(?P<mods>{_MODS})\."
    r"(?P<ext>\.)?(?::\S+)?(?:[ \t]+(?P<text>.*))?$"
)
#: a list's item: "* ", "** ", "# ", "#* "
_LIST = re.compile(r"^(?P<marks>[*#]+)[ \t]+(?P<text>.*)$")
#: a definition list's item (Textile 2): "- term := definition"
_DEFINITION = re.compile(r"^-[ \t]+(?P<term>[^:\n]+?)[ \t]+:=[ \t]*(?P<text>.*)$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,})\s*$")
#: a table's row, with a row's modifiers before it ("(odd). |a|b|")
_ROW = re.compile(r"^\s*(?:(?:\([^()\n]+\)|\{[^{}\n]*\}|[<>=^~-])++\.[ \t]*)?\|")
#: a cell's modifiers before its dot: header, alignment, spans, class, style, language
_CELL_MODS = re.compile(
    r"^(?P<mods>(?:_|<>|[<>=^~-]|\\\d{1,3}|/\d{1,3}|\([^()\n]+\)|\{[^{}\n]*\}|\[[^\[\]\n]+\])++)"
    r"\.(?:[ \t]|$)"
)
#: a header's cell ("|_. Role", "|_>. Total", "|<_. x"): its modifiers hold "_"
_CELL_MOD = r"(?:<>|[<>=^~-]|\\\d{1,3}|/\d{1,3}|\([^()\n]+\)|\{[^{}\n]*\}|\[[^\[\]\n]+\])"
_HEADER_CELL = re.compile(rf"\|[ \t]*{_CELL_MOD}*+_{_CELL_MOD}*+\.(?:[ \t]|\|)")
_COLSPAN = re.compile(r"\\(\d{1,3})")
_ROWSPAN = re.compile(r"/(\d{1,3})")
_MAX_COLUMNS = 64
#: what a table's header may be right under (a paragraph's line it ends), what may move a
#: line to make room for a table's rule, and how far above the table a blank line is looked for
_TABLE_UNDER = ("blank", "heading", "para", "code")
_MOVABLE = ("blank", "heading", "para", "item", "quote")
_WORDS = ("para", "item", "quote")
_MAX_REACH = 8
#: a Markdown item's marker and the spaces before its words, as this reader writes them
_MD_ITEM = re.compile(r"^ *(?:[-+]|\d{1,9}\.) ")
#: Redmine's code block: "<pre>", "<pre><code class=\"bash\">"
_PRE_OPEN = re.compile(
    r"^\s*<pre(?:\s[^<>\n]*)?>[ \t]*(?:<code(?:\s+class\s*=\s*[\"'](?P<lang>[^\"'\n]*)[\"'])?"
    r"[^<>\n]*>)?",
    re.I,
)
_PRE_CLOSE = re.compile(r"(?:</code>\s*)?</pre>", re.I)
#: a macro on a line of its own ("{{toc}}", "{{>toc}}", "{{child_pages(depth=2)}}")
_MACRO_LINE = re.compile(r"^\s*\{\{[<>]?[\w-]+(?:\([^()\n]*\))?\}\}\s*$")
#: a macro whose body runs on over the next lines ("{{collapse(Details)" … "}}")
_MACRO_OPEN = re.compile(r"^\s*\{\{[\w-]+(?:\([^()\n]*\))?\s*$")
_MACRO_CLOSE = re.compile(r"^\s*\}\}\s*$")
_MACRO = re.compile(r"\{\{[<>]?[\w-]+(?:\([^()\n]*\))?\}\}")

# marks only a Textile page has, for telling one
#: a table's cell with modifiers ("|_. Role", "|=. yes", "|\2. both")
_CELL_MARK = re.compile(r"\|(?:_|<>|[<>=^~]|\\\d{1,3}|/\d{1,3}|\{[^{}\n]*\}|\([^()\n]+\))++\.[ \t]")
#: "@code@" between spaces or punctuation ("a@b.com" holds none)
_CODE = re.compile(r"(?<![\w@])@(?P<body>[^@\n]+)@(?![\w@])")
#: a link: "text":url, "text(title)":url, "text":[[Page]], ["text":url]
_LINK = re.compile(
    r"(?P<open>\[)?\"(?P<text>[^\"\s][^\"\n]*)\":(?P<url>\[\[[^\[\]\n]*\]\]|"
    r"(?:[a-zA-Z][\w+.-]*:|/|#|\.\.?/)(?:[^\s\"<>\[\]]*[^\s\"<>\[\].,;:!?)])?)(?(open)\])"
)
_URL_LINK = re.compile(r"\"[^\"\s][^\"\n]*\":(?:https?:|ftp:|mailto:|\[\[)")
#: a styled span: "%{color:red}words%", "%(class)words%"
_STYLED = re.compile(r"%(?:\{[^{}\n]*\}|\([^()\n]+\))[^%\n]+%")
#: Redmine's macros in running text ("{{toc}}" alone, "{{collapse(…)", "{{thumbnail(…)}}")
_REDMINE_MACRO = re.compile(
    r"^\s*\{\{[<>]?(?:toc|child_pages|recent_pages)\}\}\s*$|"
    r"\{\{(?:collapse|include|thumbnail|issue|child_pages|macro_list)\(",
)

# inline marks
_NOTEXTILE = re.compile(r"==(?P<body>[^=\n]+)==")
#: an HTML tag opening words kept as they are: code, preformatted text, no Textile
_HTML_OPEN = re.compile(r"<(?P<tag>code|pre|notextile)(?:\s[^<>\n]*)?>", re.I)
#: an image: "!file.png!", "!>url!", "!{width:50%}file.png(alt)!", "!file.png!:url"
_IMAGE = re.compile(
    r"(?<!\w)!(?:[<>=]|\{[^{}\n]*\}|\([^()\n]+\))*+(?:https?://[^\s!]+|[^\s!()]+\."
    r"(?:png|jpe?g|gif|svg|bmp|webp|ico|tiff?))(?:\([^()\n]*\))?!(?::[^\s]*[^\s.,;:!?)])?",
    re.I,
)
#: "!" keeping a Redmine link from being one: "![[Page]]", "!#12", "!r12", "!commit:abc"
_BANG = re.compile(r"(?<!\w)!(?=\[\[|#\d|r\d|[a-z]+:\S)")
_WIKI_LINK = re.compile(r"\[\[(?P<body>[^\[\]\n]+)\]\]")
#: Redmine's links to a file or a commit: "attachment:file.png", "source:\"a b\"", "commit:ab12"
#: (its "version:", "user:" and the like are words as often as links: left as they are)
_RESOURCE = re.compile(
    r"(?<![\w/])(?:attachment|source|export|commit):"
    r"(?P<target>\"[^\"\n]+\"|[^\s\"<>]*[^\s\"<>.,;:!?)\]])"
)
_ISSUE = re.compile(r"(?<![\w#&])#{2,3}(?=\d)")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"]*[^\s<>\".,;:!?)']")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(
    r"</?(?:b|i|em|strong|u|s|del|ins|sup|sub|span|small|big|cite|kbd|abbr|font|mark|p)\b"
    r"[^<>\n]*>",
    re.I,
)
_FOOTNOTE_REF = re.compile(r"(?<=[^\s\[])\[\d{1,3}\]")
_DASHES = re.compile(r"(?<=\s)--(?=\s)")
_SPACES = re.compile(r"[ \t]{2,}")
_SLOT = re.compile("\ue000(\\d+)\ue001")
_MD_ESCAPE = re.compile(r"[\\`*_~]|<(?=[A-Za-z/!?])")
_BACKTICKS = re.compile(r"`+")


def _marks(mark: str, styled: bool = False) -> re.Pattern[str]:
    """Words between one of Textile's marks: the mark opens after a space or an opening bracket
    and before a word, and closes after a word and before a space or punctuation ("20-25%",
    "A<->B", "snake_case" and "C++" hold none), a style ("*{color:red}x*") right after it
    dropped. Its words never hold the mark, so each start is looked past at most to the next
    mark."""
    m = re.escape(mark)
    c = re.escape(mark[0])
    arrow = "<>" if mark == "-" else ""  # "a -> b -> c" is no strike-through
    mods = r"(?:\{[^{}\n]*\}|\([^()\n]+\)|\[[^\[\]\n]+\])?" if styled else r"(?:\{[^{}\n]*\})?"
    return re.compile(
        rf"(?<![^\s(\[{{\"'“‘/—–\ue001]){m}{mods}(?=[^\s{c}{arrow[1:]}])"
        rf"(?P<body>[^{c}\n]*?[^\s{c}{arrow[:1]}]){m}(?![^\s.,;:!?)\]}}\"'”’/…—–\ue000])"
    )


#: Textile's marks and Markdown's for them: bold, italics, a citation, strike-through; an
#: insertion and a styled span have none, their words stay
_EMPHASIS = (
    ("**", _marks("**"), "**"),
    ("__", _marks("__"), "*"),
    ("*", _marks("*"), "**"),
    ("_", _marks("_"), "*"),
    ("??", _marks("??"), "*"),
    ("-", _marks("-"), "~~"),
    ("+", _marks("+"), ""),
    ("%", _marks("%", styled=True), ""),
)


def is_textile(lines: list[str]) -> bool:
    """The file marks itself as Textile's: two kinds of its marks, of a "hN. " heading, a
    block's signature Confluence has not ("p. ", "bc. ", "p(note). ", "bq(x). "), a table's
    cell with modifiers ("|_. "), "@code@", a "text":url link, a "%{style}span%" and one of
    Redmine's macros ("{{toc}}"). Lines in a Markdown code fence are not looked at, nor a
    line with a backtick for "@code@" and links."""
    kinds: set[str] = set()
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        kinds |= _line_marks(line)
        if len(kinds) >= 2:
            return True
    return False


def _line_marks(line: str) -> set[str]:
    """The kinds of Textile's marks a line holds."""
    kinds: set[str] = set()
    sig = _SIGNATURE.match(line)
    if sig is not None:
        tag, mods, ext = sig.group("tag", "mods", "ext")
        words = (sig.group("text") or "").strip()
        if tag[0] == "h":
            kinds.update((("heading", "block") if mods else ("heading",)) if words else ())
        elif tag == "p":
            if words and (mods or ext or not words[0].isdigit()):
                kinds.add("block")  # "p. 45 of the book": a page, no paragraph
        elif tag == "bq":
            if words and (mods or ext):
                kinds.add("block")  # a plain "bq. " is Confluence's too
        elif (words or ext) if tag != "table" else mods:
            kinds.add("block")
    if line.lstrip().startswith("|") and _CELL_MARK.search(line):
        kinds.add("cells")
    if "`" not in line:
        if "@" in line and any(m.group("body").strip() for m in _CODE.finditer(line)):
            kinds.add("code")
        if '":' in line and _URL_LINK.search(line):
            kinds.add("link")
    if "%" in line and _STYLED.search(line):
        kinds.add("span")
    if "{{" in line and _REDMINE_MACRO.search(line):
        kinds.add("macro")
    return kinds


def textile_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, nested lists, quotes, pipe tables, code fences, bold,
    italics, strike-through and code spans), and the lines of macros and other markup dropped
    as (line number, reason, text); the lines as they were for a file that is not Textile."""
    if not is_textile(lines):
        return lines, []
    return _Reader(lines).read()


class _Reader(WikiLines):
    """One pass over a page's lines, writing each line's Markdown on its own line."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.quote = False  # the paragraph being read is a "bq. " quote
        self.extended = ""  # the block a "bq.. " signature runs on over blank lines
        self.macros = 0  # the "{{collapse(…)" macros open
        self.closings = [n for n, line in enumerate(self.src) if "</pre>" in line.lower()]

    def _end_blocks(self) -> None:
        super()._end_blocks()
        self.quote = False

    def _line(self, n: int) -> int:
        """Line n written; the line to read next."""
        line = self.src[n]
        text = line.strip()
        if not text:
            self._end_blocks()
            return n + 1
        sig = _SIGNATURE.match(line)
        if sig is not None and (n == 0 or not self.src[n - 1].strip()):
            self.extended = ""  # a new block ends a "bq.. " one
        if _FENCE.match(line):
            return self._markdown_fence(n)
        pre = _PRE_OPEN.match(line)
        if pre is not None:
            end = self._pre_end(n, pre.end())
            if end is not None:
                self._end_blocks()
                return self._pre(n, end, pre)
        if sig is not None:
            return self._block(n, sig)
        if _MACRO_LINE.match(line):
            self._end_blocks()
            self._skip(n, "textile macro")
            return n + 1
        if _MACRO_OPEN.match(line):
            self.macros += 1
            self._end_blocks()
            self._skip(n, "textile macro")
            return n + 1
        if self.macros and _MACRO_CLOSE.match(line):
            self.macros -= 1
            self._end_blocks()
            self._skip(n, "textile macro")
            return n + 1
        if _ROW.match(line):
            return self._table(n)
        if _RULE.match(line):
            self._end_blocks()
            return n + 1
        listed = _LIST.match(line)
        if listed is not None:
            self.after_table = self.quote = False
            self.out[n] = self._item(listed.group("marks"), listed.group("text"))
            self.kinds[n] = "item" if self.out[n] else "blank"
            if not self.out[n]:
                self._skip(n, "textile markup")
            return n + 1
        if line.startswith("- "):
            return self._dash_item(n, line)
        self._text(n, _inline(line))
        return n + 1

    def _text(self, n: int, said: str) -> None:
        """A paragraph's line: in a quote, under a list or a table, or on its own."""
        said = block_safe(said)
        if not said:
            self._skip(n, "textile markup")
            return
        if self.quote or self.extended == "bq":
            self.out[n], self.kinds[n] = "> " + said, "quote"
            return
        if self.after_table:
            # a paragraph right under a table: Markdown would read it as one more row
            self.out[n], self.kinds[n] = "- " + said, "item"
            self._end_blocks()
            self.stack.append(len("- "))
            return
        # a line right under an item's runs on in it, as it does in Textile
        above = self.kinds[n - 1] if n else "blank"
        self.out[n], self.kinds[n] = said, "item" if above == "item" else "para"

    def _dash_item(self, n: int, line: str) -> int:
        """A "- " line: Textile's "- term := definition", else an item as it reads."""
        self.after_table = self.quote = False
        definition = _DEFINITION.match(line)
        if definition is not None:
            term = _inline(definition.group("term"))
            said = _inline(definition.group("text"))
            self.out[n] = f"- **{term}**: {said}" if term and said else "- " + (term or said)
        else:
            said = _inline(line[2:])
            self.out[n] = "- " + said if said else ""
        self.stack[:] = [len("- ")]
        self.kinds[n] = "item" if self.out[n] else "blank"
        if not self.out[n]:
            self._skip(n, "textile markup")
        return n + 1

    def _block(self, n: int, sig: re.Match[str]) -> int:
        """A line opening with a block's signature ("h2. ", "p(x). ", "bq. ", "bc. ")."""
        tag, ext = sig.group("tag"), sig.group("ext")
        words = sig.group("text") or ""
        self._end_blocks()
        if tag[0] == "h":
            title = _inline(words)
            if not title:
                self._skip(n, "textile markup")
                return n + 1
            title = title[:-1] + "\\#" if title.endswith("#") else title
            self.out[n], self.kinds[n] = "#" * int(tag[1]) + " " + title, "heading"
            return n + 1
        if tag in ("bc", "pre"):
            return self._signed_code(n, words, bool(ext))
        if tag == "table":
            self._skip(n, "textile markup")
            return n + 1
        if tag == "bq":
            self.quote = True
            self.extended = "bq" if ext else ""
        self._text(n, _inline(words))
        return n + 1

    def _markdown_fence(self, n: int) -> int:
        """A Markdown code fence in the page: its lines as they are."""
        end = next((k for k in range(n + 1, len(self.src)) if _FENCE.match(self.src[k])), None)
        if end is None:
            self._text(n, _inline(self.src[n]))
            return n + 1
        self._end_blocks()
        self.out[n : end + 1] = self.src[n : end + 1]
        self.kinds[n : end + 1] = ["code"] * (end + 1 - n)
        return end + 1

    def inline(self, text: str) -> str:
        return _inline(text)

    def _pre_end(self, n: int, start: int) -> int | None:
        """The line closing a "<pre>" opened on line n (the same line or a later one)."""
        if _PRE_CLOSE.search(self.src[n], start) is not None:
            return n
        later = bisect.bisect_right(self.closings, n)
        return self.closings[later] if later < len(self.closings) else None

    def _pre(self, n: int, end: int, opening: re.Match[str]) -> int:
        """A "<pre>" block from line n to line end as code; the line after it."""
        src = self.src
        first = src[n][opening.end() :]
        closing = _PRE_CLOSE.search(src[end], opening.end() if end == n else 0)
        if closing is None:  # never: the line was found holding one
            self._text(n, _inline(src[n]))
            return n + 1
        if end == n:
            first = src[n][opening.end() : closing.start()]
            body, after = [first], src[n][closing.end() :]
        else:
            body = [first, *src[n + 1 : end], src[end][: closing.start()]]
            after = src[end][closing.end() :]
        lang = (opening.group("lang") or "").split()
        language = lang[0].removeprefix("language-").lower() if lang else ""
        language = language if re.fullmatch(r"[\w+#.-]+", language) else ""
        return self._code(n, body, after, language)

    def _signed_code(self, n: int, first: str, extended: bool) -> int:
        """A "bc. " or "pre. " block from line n: to the next blank line, or for "bc.. " to
        the next block's signature after a blank line. The line after it."""
        src = self.src
        end = n
        while end + 1 < len(src):
            nxt = src[end + 1]
            if not extended and not nxt.strip():
                break
            if extended and _SIGNATURE.match(nxt) and not src[end].strip():
                break
            end += 1
        while end > n and not src[end].strip():
            end -= 1
        return self._code(n, [first, *src[n + 1 : end + 1]], "", "", own_close=False)

    def _code(self, n: int, body: list[str], after: str, lang: str, own_close: bool = True) -> int:
        """Code from line n over len(body) lines, as a fence: the opening fence on line n when
        the code starts on the next, else on the blank line above; the closing one on the last
        line when its code is done before it (a "</pre>" line), else on the blank line below.
        Where neither is free, each line is a code span of its own. The line after it."""
        src, out = self.src, self.out
        end = n + len(body) - 1
        longest = max((len(r) for line in body for r in _BACKTICKS.findall(line)), default=0)
        fence = "`" * max(3, longest + 1)
        open_at: int | None = n
        if body[0].strip():
            free = n > 0 and not src[n - 1].strip() and out[n - 1] == ""
            open_at = n - 1 if free else None
        close_at: int | None = end
        if not own_close or body[-1].strip() or end == n:
            below = end + 1  # a blank line, or the file's end closing the fence
            free = below >= len(src) or not src[below].strip()
            close_at = (below if below < len(src) else -1) if free else None
        if after.strip() or open_at is None or close_at is None:
            for k, line in enumerate(body):
                out[n + k] = code_span(line)
                self.kinds[n + k] = "para" if out[n + k] else "blank"
            words = _inline(after)
            out[end] = f"{out[end]} {words}".strip()
            self.kinds[end] = "para" if out[end] else "blank"
            return end + 1
        for k, line in enumerate(body):
            out[n + k] = line
        if open_at == n:
            out[n] = fence + lang
        else:
            out[open_at] = fence + lang
        if close_at == end:
            out[end] = fence
        elif close_at >= 0:
            out[close_at] = fence
        last = max(close_at, end)
        for k in range(open_at, last + 1):
            self.kinds[k] = "code"
        return last + 1

    def _item_over(self, n: int) -> int:
        """How far the words of an item two lines over a table on line n are indented, a
        blank line between them; none when there is no such item."""
        if n < 2 or self.kinds[n - 1] != "blank" or self.out[n - 1] or self.kinds[n - 2] != "item":
            return 0
        marker = _MD_ITEM.match(self.out[n - 2])
        return len(marker.group(0)) if marker is not None else 0

    def _room_above(self, n: int) -> tuple[int, int] | None:
        """The blank line (or skipped one) whose going makes room for the header of a table on
        line n, and how many lines of words move for it: the nearest within reach whose lines
        below may move up a line, each still apart from what it then follows, the table under
        what it may be right under."""
        kinds, out = self.kinds, self.out
        for k in range(n - 1, max(n - 1 - _MAX_REACH, -1), -1):
            if kinds[k] == "blank" and out[k] == "":
                if k == n - 1 and n < 2:
                    return k, 0
                last = kinds[n - 2] if k == n - 1 else kinds[n - 1]
                joined = k == n - 1 or _apart(kinds[k - 1] if k else "blank", kinds[k + 1])
                if last in _TABLE_UNDER and joined:
                    return k, sum(1 for kind in kinds[k + 1 : n] if kind in _WORDS)
            elif kinds[k] not in _MOVABLE:
                return None
        return None

    def _table(self, n: int) -> int:
        """A run of "|" lines from line n as a GFM table; the line after it. The rule
        Markdown wants under the header takes a line: the header moves up to the blank line
        above it (a list's item right over that blank line would take in a header right
        under it: the table goes in the item, indented as its words are), or the lines
        between it and a blank line near above move up a line, else the rows move down into
        the blank line below, whichever moves fewer lines of words; with neither, each row is
        an item of its own."""
        src = self.src
        end = n
        while end < len(src) and _ROW.match(src[end]):
            end += 1
        grid = _grid([_cells(src[k]) for k in range(n, end)])
        line_of = [pipe_row(r) for r in grid]
        width = len(grid[0])
        separator = pipe_row(["---"] * width)
        above = self.kinds[n - 1] if n > 0 else "blank"
        self._end_blocks()
        room = self._room_above(n)
        below = end < len(src) and not src[end].strip() and above in _TABLE_UNDER
        nested = self._item_over(n)
        if nested and (room is None or room[1]):
            # a blank line between an item and the table: the table goes in the item, its
            # lines indented as the item's words are, no line moving
            lines = [line_of[0], separator, *line_of[1:]]
            self.out[n - 1 : end] = [" " * nested + line for line in lines]
            self.kinds[n - 1 : end] = ["table"] * (end - n + 1)
        elif room is not None and (not below or room[1] <= end - n - 1):
            taken = room[0]
            # the lines between the blank line taken and the table move up a line
            self.out[taken : n - 1] = self.out[taken + 1 : n]
            self.kinds[taken : n - 1] = self.kinds[taken + 1 : n]
            self.out[n - 1], self.out[n] = line_of[0], separator
            self.out[n + 1 : end] = line_of[1:]
            self.kinds[n - 1 : end] = ["table"] * (end - n + 1)
        elif below:
            self.out[n], self.out[n + 1] = line_of[0], separator
            self.out[n + 2 : end + 1] = line_of[1:]
            self.kinds[n : end + 1] = ["table"] * (end - n + 1)
            end += 1  # the blank line under the table holds its last row
        else:
            # a header row labels the cells under it; a table with none has words in each row
            self._rows_as_items(n, end, grid, _HEADER_CELL.search(src[n]) is not None)
        self.after_table = True
        return end


def _apart(above: str, below: str) -> bool:
    """A line of kind below, right under one of kind above, is read apart from it: a
    paragraph's line runs on into a paragraph, an item or a quote above, any line into a
    table above."""
    if above == "table":
        return below == "blank"
    return above in ("blank", "heading", "code") or below in ("blank", "heading", "item", "quote")


def _cells(line: str) -> list[tuple[str, int, int]]:
    """A row's cells as Markdown, each with how many columns and rows it spans. A "|" inside
    a [[Page|label]] link or "@code@" splits none."""
    text = line.strip()
    text = text[text.index("|") :]  # a row's modifiers ("(odd). ") dropped
    guarded = [(m.start(), m.end()) for m in _WIKI_LINK.finditer(text)]
    if "@" in text:
        guarded += [(m.start(), m.end()) for m in _CODE.finditer(text)]
        guarded.sort()
    starts = [s for s, _ in guarded]
    cuts: list[int] = []
    at = 0
    while (at := text.find("|", at)) >= 0:
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and at < guarded[k][1]:
            at = guarded[k][1]
            continue
        cuts.append(at)
        at += 1
    raw = [text[a + 1 : b] for a, b in itertools.pairwise(cuts)]
    tail = text[cuts[-1] + 1 :]
    if tail.strip():
        raw.append(tail)
    if len(raw) > _MAX_COLUMNS:  # the cells past as many as a table has, as its last
        raw[_MAX_COLUMNS - 1 :] = [" ".join(c for c in raw[_MAX_COLUMNS - 1 :] if c.strip())]
    return [_cell(c) for c in raw] or [("", 1, 1)]


def _cell(raw: str) -> tuple[str, int, int]:
    """A cell's words as Markdown without its modifiers, its "|" escaped; its spans."""
    text = raw.strip()
    cols = rows = 1
    mods = _CELL_MODS.match(text)
    if mods is not None:
        text = text[mods.end() :].strip()
        span = _COLSPAN.search(mods.group("mods"))
        cols = int(span.group(1)) if span else 1
        span = _ROWSPAN.search(mods.group("mods"))
        rows = int(span.group(1)) if span else 1
    return _inline(text).replace("|", "\\|"), max(cols, 1), max(rows, 1)


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """A table's rows as cells of one width: a cell spanning columns followed by empty ones,
    one spanning rows repeated in the rows it spans."""
    grid: list[list[str]] = []
    held: dict[int, tuple[str, int]] = {}  # column: (words, rows still to fill)
    for row in rows:
        out: list[str] = []
        for words, cols, spans in row:
            _held_cells(out, held)
            if len(out) >= _MAX_COLUMNS:
                break
            if spans > 1:
                held[len(out)] = (words, min(spans - 1, len(rows)))
            out.append(words)
            out += [""] * min(cols - 1, _MAX_COLUMNS - len(out))
        _held_cells(out, held)
        grid.append(out)
    width = max((len(r) for r in grid), default=1) or 1
    return [r + [""] * (width - len(r)) for r in grid]


def _held_cells(out: list[str], held: dict[int, tuple[str, int]]) -> None:
    """The cells of rows above spanning down into this row, where the row has come to them."""
    while len(out) in held and len(out) < _MAX_COLUMNS:
        column = len(out)
        words, left = held.pop(column)
        out.append(words)
        if left > 1:
            held[column] = (words, left - 1)


def _inline(text: str) -> str:
    """Textile's inline marks as Markdown's: *bold* as **bold**, _italics_ as *italics*,
    @code@ as a code span, -struck- as ~~struck~~, a link as the words it shows, a Redmine
    resource as its name; macros, images, HTML tags and footnote marks dropped. Markdown's own
    marks left in the words are escaped: they are characters in Textile. Code is kept as
    written."""
    slots: list[str] = []

    def kept(value: str) -> str:
        slots.append(value)
        return f"\ue000{len(slots) - 1}\ue001"

    def escaped(value: str) -> str:
        return kept(_MD_ESCAPE.sub(r"\\\g<0>", value))

    if "<" in text:
        text = _spans(text, kept, escaped)
    if "==" in text:
        text = _NOTEXTILE.sub(lambda m: escaped(m.group("body")), text)
    if "@" in text:
        text = _CODE.sub(
            lambda m: kept(code_span(m.group("body"))) if m.group("body").strip() else m.group(0),
            text,
        )
    if "<" in text:
        text = _BREAK.sub(" ", text)
        text = _TAG.sub("", text)
    if "{{" in text:
        text = _MACRO.sub("", text)
    if "!" in text:
        text = _IMAGE.sub("", text)
        text = _BANG.sub("", text)
    if '":' in text:
        text = _LINK.sub(_link, text)
    if "[[" in text:
        text = _WIKI_LINK.sub(lambda m: escaped(_page(m.group("body"))), text)
    if ":" in text:
        text = _RESOURCE.sub(lambda m: escaped(m.group("target").strip('"')), text)
        text = _URL.sub(lambda m: escaped(m.group(0)), text)
    if "##" in text:
        text = _ISSUE.sub("#", text)
    if "[" in text:
        text = _FOOTNOTE_REF.sub("", text)
    text = _DASHES.sub("—", text)
    for mark, pattern, markdown in _EMPHASIS:
        if mark in text:
            text = pattern.sub(marked(markdown, kept), text)
    text = _MD_ESCAPE.sub(r"\\\g<0>", text)
    text = _SPACES.sub(" ", text).strip()
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def _spans(text: str, kept: Callable[[str], str], escaped: Callable[[str], str]) -> str:
    """Each "<code>", "<pre>" or "<notextile>" span, up to the tag closing it, as a code span
    (the last as its words); a closing tag looked for in vain is not looked for again, so the
    text is read once."""
    pieces: list[str] = []
    lower = text.lower()
    at = 0
    unclosed: set[str] = set()
    while (m := _HTML_OPEN.search(text, at)) is not None:
        tag = m.group("tag").lower()
        close = f"</{tag}>"
        end = -1 if close in unclosed else lower.find(close, m.end())
        if end < 0:
            unclosed.add(close)
            pieces.append(text[at : m.end()])
            at = m.end()
            continue
        body = text[m.end() : end]
        pieces += [
            text[at : m.start()],
            escaped(body) if tag == "notextile" else kept(code_span(body)),
        ]
        at = end + len(close)
    return "".join(pieces) + text[at:]


def _link(m: re.Match[str]) -> str:
    """A "text":url link as its words, a "(title)" after them dropped."""
    text = m.group("text").strip()
    if text.endswith(")") and "(" in text:
        text = text[: text.rindex("(")].rstrip() or text
    return text


def _page(body: str) -> str:
    """A [[project:Page#anchor|label]] link as it shows: its label, else its page's name."""
    target, bar, label = body.partition("|")
    if bar and label.strip():
        return label.strip()
    page, _, anchor = target.partition("#")
    page = page.rpartition(":")[2] if ":" in page and page.rpartition(":")[2] else page
    page = page.rstrip(":")
    return page.strip() or anchor.strip()
