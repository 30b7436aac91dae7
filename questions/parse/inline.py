"""Inline Markdown tokens -> plain text that keeps every character of content.

Markup goes (`**`, backticks, link targets, images); content stays: `<NodeIP>:<nodePort>`,
`=, <, <=, >` and code spans survive as written, because escaping is the adapters' job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from questions.parse.model import Inline

_HTML_TAG = re.compile(
    r"^<(/?(br|span|div|b|i|u|em|strong|sup|sub|a|img|p|font|code|kbd|mark|small|del|ins|s)\b"
    r"[^>]*|!--.*?--)>$",
    re.IGNORECASE | re.DOTALL,
)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\]]+", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^[-*+]\s+")


def render_inline(children: Sequence[Token] | None) -> Inline:
    """Plain text of an inline token's children, with bold and code spans and link counts."""
    parts: list[str] = []
    strong: list[str] = []
    code: list[str] = []
    strong_start: list[int] = []
    link_start: list[int] = []
    link_chars = anchors = links = images = 0
    for tok in children or ():
        kind = tok.type
        if kind == "text":
            parts.append(tok.content)
        elif kind == "code_inline":
            parts.append(tok.content)
            code.append(" ".join(tok.content.split()))
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "strong_open":
            strong_start.append(len("".join(parts)))
        elif kind == "strong_close" and strong_start:
            span = "".join(parts)[strong_start.pop() :]
            if span.strip():
                strong.append(" ".join(span.split()))
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
    link_chars += sum(len(m.group(0)) for m in URL_RE.finditer(text))
    links += len(URL_RE.findall(text))
    return Inline(text, tuple(strong), tuple(code), link_chars, anchors, links, images)
