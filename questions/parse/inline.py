"""Inline Markdown tokens -> plain text that keeps every character of content.

Markup goes (`**`, backticks, link targets, images); content stays: `<NodeIP>:<nodePort>`,
`=, <, <=, >` and code spans survive as written, because escaping is the adapters' job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from questions.parse.model import Inline
from questions.parse.noise import GOES_ON

_HTML_TAG = re.compile(
    r"^<(/?(br|span|div|b|i|u|em|strong|sup|sub|a|img|p|font|code|kbd|mark|small|del|ins|s)\b"
    r"[^>]*|!--.*?--)>$",
    re.IGNORECASE | re.DOTALL,
)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\]]+", re.IGNORECASE)
#: an escaped list marker ("\\- text"), or a toggle's or bullet's glyph a notes app exports
#: before an item ("▸ Commands cheat sheet", "• …")
_LIST_MARKER = re.compile(r"^(?:[-*+]|[▸▹►▶‣•◦▪])\s+")


#: bold CommonMark leaves as asterisks beside Chinese: "用**元空间（Metaspace）**实现" closes
#: after a bracket and before a character, which its flanking rules do not take as a close
_CJK_BOLD = re.compile(r"\*\*(?=\S)([^*\n]{1,80}?)(?<=\S)\*\*")
_CJK_CHAR = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _cjk_bold(text: str, strong: list[str]) -> str:
    """The text with such bold read as bold: its asterisks gone, its words a strong span."""

    def unmarked(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        inner = m.group(1)
        if not any(_CJK_CHAR.match(c) for c in (before, after, inner[:1], inner[-1:]) if c):
            return m.group(0)  # asterisks among Latin text: the writer's own, left as they are
        strong.append(" ".join(inner.split()))
        return inner

    return _CJK_BOLD.sub(unmarked, text)


#: a highlight (Obsidian, many editors: "==consumption-based model==", "==lower number =
#: higher priority=="): its words, no marks
#: (a "==" inside a word or a name is an operator: "node.role==manager", "x==1")
_HIGHLIGHT = re.compile(
    r"(?<![A-Za-z0-9_.=])==(?=\S)((?:[^=\n]|=(?!=))+?)(?<=\S)==(?![A-Za-z0-9_=])"
)
#: an underline (Bear: "grant to ::Google Groups::"): its words; "std::vector", a card's
#: "front::back" and IPv6's "::1 loopback, fe80::/10" are none
_UNDERLINE = re.compile(r"(?<![\w:])::(?=[^\W\d_])([^:\n]+?)(?<=\S)::(?=[\s,.;!?)]|$)")

#: a wiki link (Obsidian, Foam, Logseq): "[[IAM]]", "[[DynamoDB#GSI]]", "[[DynamoDB#GSI|GSI]]"
#: read as the words it shows; "[[ -f x ]]" (a shell test) is none
_WIKI_LINK = re.compile(
    r"\[\[(?!\s)(?P<page>[^\[\]|#\n]*)(?:#(?P<part>[^\[\]|\n]*))?"
    r"(?:\|(?P<alias>[^\[\]\n]+))?\]\]"
)
#: tags (Obsidian, Logseq, Bear) closing a heading or a line: "## Lambda #lambda", "… #exam";
#: the note's filing, no words of it. A number after # is none ("Issue #42"), nor is "C#".
_TAGS = re.compile(r"(?:(?:^|\s)#[^\W\d][\w/-]*)+\s*$")
#: a spaced-repetition card on one line (Obsidian's "front::back", reversible "front:::back"):
#: the front is three words or more, or a question, and the line has one separator
_CARD = re.compile(
    r"^(?P<front>(?:[^`:\s]+\s+){2,}[^`:\s]+|[^`:\n]+?[?？])\s*:{2,3}(?!:)\s*(?P<back>[^:\n]*\S)$"
)
#: an IPv6 address ("fe80::1", "in practice fd00::/8"): no card
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{1,4}::(?:[0-9A-Fa-f]{1,4}\b|/)")


def _card(line: str) -> re.Match[str] | None:
    m = _CARD.match(line.strip())
    return None if m is None or _IPV6.search(line) else m


#: an Anki cloze deletion, with its hint or without: "{{c1::maxSurge}}", "{{c2::25%::percent}}"
_ANKI_CLOZE = re.compile(r"\{\{c\d+::(.+?)(?:::[^{}]*)?\}\}")


def is_card(line: str) -> bool:
    return _card(line) is not None


def _as_card(text: str) -> str:
    """A one-line card read as its notes would write it: "front: back", or a question and its
    answer ("Q: … ? A: …") when the front asks."""
    m = _card(text)
    if m is None:
        return text
    front, back = m.group("front").strip(), m.group("back")
    return f"Q: {front} A: {back}" if front.endswith(("?", "？")) else f"{front}: {back}"


def _wiki_text(m: re.Match[str]) -> str:
    """The words a wiki link shows: its alias, else its page and heading ("DynamoDB > GSI")."""
    if m.group("alias"):
        return m.group("alias").strip()
    page, part = m.group("page").strip(), (m.group("part") or "").strip()
    return f"{page} > {part}" if page and part else page or part


#: a line that gives a command and comments it: `docker build .`  # stop at stage "build"
_COMMENTED_LINE = re.compile(r"\S\s+#\s+\S[^#]*$")


def _corrected(struck: str, rest: Sequence[Token]) -> bool:
    """Struck text the writer replaced: a whole claim (three words or more, "~~ADD extracts
    tarballs from URLs too~~ NO — …") or a value followed by its marked replacement ("~~2~~
    **3**", "~~`master`~~ `control-plane`"). A struck name the line goes on about ("~~`tcp_tw_
    recycle`~~ 在 NAT 下会丢包") is its subject: its words stay."""
    if len(struck.split()) >= 3:
        return True
    nxt = next((t for t in rest if not (t.type == "text" and not t.content.strip())), None)
    return nxt is not None and nxt.type in ("strong_open", "code_inline")


#: a line that stops on a word a statement can end on, with three words or more before it
_STATEMENT_END = re.compile(r"\S+\s+\S+\s+\S*[A-Za-z0-9)]$")
#: ...read on the line's tail only: over a line of one 20,000-character word, each start of
#: "\S+\s+" ran to the line's end and back (8 s for two such lines)
STATEMENT_TAIL = 300


_TEX = re.compile(r"\$[^$\n]*\$")
#: a relation a formula sheet's line states: "v = v0 + at", "f_s ≤ μ_s N", "1 eV → 1.6e-19 J"
_RELATION = re.compile(r"\S\s*(?:=|≤|≥|≈|∝|→|->)\s*\S")


def _line_ends(line: str, nxt: str) -> bool:
    """A line of a paragraph ends its statement though it has no full stop: it stops on a word
    a statement can end on and the next line opens a new one with a capital ("… -> NTP
    matters" before "SAML vs OAuth: …"), or it and the next line each state a relation of
    their own ("ΣF = ma" over "weight W = mg"). Wrapped prose rarely breaks so."""
    line = line.rstrip()
    if GOES_ON.search(line) is not None:
        return False
    first = nxt.split("\n", 1)[0]
    if (
        _RELATION.search(line)
        and _RELATION.search(first)
        and not _CJK_CHAR.search(line + first)  # Chinese lines wrap on arrows ("… → 权益法")
        # code's lines wrap on "=" ("import { to = …"); a TeX formula's braces are no code
        and "{" not in _TEX.sub("", line + first)
    ):
        return True
    return (
        re.match(r"[A-Z][A-Za-z]", nxt.lstrip()) is not None
        and _STATEMENT_END.search(line[-STATEMENT_TAIL:]) is not None
    )


#: inline HTML read as the Markdown it stands for, by tag ("</b>" closes what "<b>" opened)
_HTML_KINDS = {
    "br": "hardbreak", "br/": "hardbreak",
    "b": "strong_open", "strong": "strong_open", "mark": "strong_open",
    "/b": "strong_close", "/strong": "strong_close", "/mark": "strong_close",
    "code": "code_open", "kbd": "code_open", "/code": "code_close", "/kbd": "code_close",
}  # fmt: skip
_TAG_NAME = re.compile(r"<\s*(/?\s*[a-zA-Z]+)\s*(/?)[^>]*>$")


def _tag_name(tag: str) -> str:
    """ "<b>" -> "b", "</B>" -> "/b", "<br />" -> "br/"; "" for what is no tag."""
    m = _TAG_NAME.match(tag.strip())
    return (m.group(1).replace(" ", "").lower() + m.group(2)) if m else ""


#: letters a mnemonic marks at a word's start ("**A**naerobes", "**SI**ADH")
MAX_INITIALS = 2


def _close_span(parts: list[str], starts: list[int], into: list[str]) -> None:
    """Keep the text since the last opening mark (bold or code) as one marked span."""
    span = "".join(parts)[starts.pop() :]
    if span.strip():
        into.append(" ".join(span.split()))


#: a highlight's mark left open in one text token ("==needs " before a code span)
_OPEN_MARK = re.compile(r"(?<![A-Za-z0-9_.=])==(?!\s)(?!.*==)")
_CLOSE_MARK = re.compile(r"(?<!\s)==(?![A-Za-z0-9_=])")


def _highlights_across(tokens: list[Token]) -> None:
    """Drop the marks of a highlight that holds a code span or a bold word ("==needs `init`
    first=="): no one text token holds both of its marks."""
    texts = [t for t in tokens if t.type == "text" and "==" in t.content]
    if len(texts) < 2:
        return
    opened: Token | None = None
    for t in texts:
        bare = _HIGHLIGHT.sub("", t.content)
        if opened is not None and (close := _CLOSE_MARK.search(bare)) is not None:
            at = t.content.find("==", close.start())
            t.content = t.content[:at] + t.content[at + 2 :]
            opened.content = _OPEN_MARK.sub("", opened.content, count=1)
            opened = None
        elif _OPEN_MARK.search(bare) is not None:
            opened = t


#: the writer's arrow back at the line, saying how much it matters ("<- on the exam!", "←
#: 考点", "<-- remember this"): no words of what the line says (a plain arrow, "Pod <- Service",
#: stays)
_POINTER_REMARK = re.compile(
    r"\s*(?:<-{1,2}|←)\s*[^<>←\n]{0,40}?"
    r"(?:\bexam|\btest|\bimportant|\bremember|\bknow\b|\btrap|\bgotcha|\bfav|!|考|重点|背|记住|易错)"
    r"[^<>←\n]{0,30}$",
    re.I,
)


def render_inline(children: Sequence[Token] | None) -> Inline:
    """Plain text of an inline token's children, with bold and code spans and link counts."""
    parts: list[str] = []
    strong: list[str] = []
    code: list[str] = []
    strong_start: list[int] = []
    code_start: list[int] = []
    link_start: list[int] = []
    link_chars = anchors = links = images = initials = 0
    struck: tuple[int, int, int] | None = None  # where a ~~strike~~ opened: parts, code, strong
    line_start = 0  # the part the paragraph's current line starts at
    tokens = list(children or ())
    _highlights_across(tokens)
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "html_inline":
            # "violations<br>can escalate": a line break, never glued words; "<b>-vir</b>"
            # marks a term as "**-vir**" does, "<code>…</code>" a name as backticks do
            kind = _HTML_KINDS.get(_tag_name(tok.content), kind)
        if kind == "s_open":
            struck = (len(parts), len(code), len(strong))
        elif kind == "s_close" and struck is not None:
            if _corrected("".join(parts[struck[0] :]), tokens[i + 1 :]):
                del parts[struck[0] :], code[struck[1] :], strong[struck[2] :]
                line_start = min(line_start, len(parts))
            struck = None
        elif kind == "text":
            parts.append(_UNDERLINE.sub(r"\1", _HIGHLIGHT.sub(r"\1", tok.content)))
        elif kind == "code_inline":
            parts.append(tok.content)
            code.append(" ".join(tok.content.split()))
        elif kind == "code_open":
            code_start.append(len("".join(parts)))
        elif kind == "code_close" and code_start:
            _close_span(parts, code_start, code)
        elif kind in ("softbreak", "hardbreak"):
            # a line holding a command and its "# comment" ends there: the comment runs to the
            # end of its line, and the next line is a statement of its own
            line = "".join(parts[line_start:])  # this line only: a long paragraph stays linear
            commented = _COMMENTED_LINE.search(line) and not line.rstrip().endswith((".", "。"))
            nxt = tokens[i + 1].content if i + 1 < len(tokens) else ""
            parts.append(". " if commented or _line_ends(line, nxt) else " ")
            line_start = len(parts)
        elif kind == "strong_open":
            strong_start.append(len("".join(parts)))
        elif kind == "strong_close" and strong_start:
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            glued = (
                after is not None and after.type == "text" and re.match(r"[A-Za-z]", after.content)
            )
            if glued and len("".join(parts)) - strong_start[-1] <= MAX_INITIALS:
                strong_start.pop()  # "**A**naerobes": a mnemonic's letter, no term of its own
                initials += 1
            else:
                _close_span(parts, strong_start, strong)
        elif kind == "link_open":
            links += 1
            href = str(tok.attrGet("href") or "")
            anchors += href.startswith("#")
            link_start.append(len("".join(parts)))
        elif kind == "link_close" and link_start:
            link_chars += len("".join(parts)) - link_start.pop()
        elif kind == "image":
            images += 1
        elif kind == "html_inline" and not _HTML_TAG.match(tok.content):
            parts.append(tok.content)  # <placeholder>, not markup
    text = " ".join("".join(parts).split())
    text = _LIST_MARKER.sub("", text)  # an escaped list marker ("\\- text")
    if "<-" in text or "←" in text:
        text = _POINTER_REMARK.sub("", text)  # "… 130.211.0.0/22 <- on the exam!"
    if "[[" in text:
        shown = [_wiki_text(m) for m in _WIKI_LINK.finditer(text)]
        text, links = _WIKI_LINK.sub(_wiki_text, text), links + len(shown)
        link_chars += sum(map(len, shown))
    if "#" in text:
        text = _TAGS.sub("", text).strip()
    if "{{c" in text:  # an Anki cloze ("{{c1::maxSurge}} defaults to {{c2::25%}}")
        hidden = [m.group(1).strip() for m in _ANKI_CLOZE.finditer(text)]
        text = _ANKI_CLOZE.sub(lambda m: m.group(1).strip(), text)
        strong += [h for h in hidden if h]  # what the card hides is what it teaches
    if "::" in text:
        text = _as_card(text)
    if "**" in text:
        text = _cjk_bold(text, strong)
    link_chars += sum(len(m.group(0)) for m in URL_RE.finditer(text))
    links += len(URL_RE.findall(text))
    return Inline(text, tuple(strong), tuple(code), link_chars, anchors, links, images, initials)
