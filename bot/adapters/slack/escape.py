"""mrkdwn escaping and Block Kit length limits for user-written text.

Slack parses `<...>` in mrkdwn as links and mentions, so `<!channel>` typed into a question would
notify the whole channel. Escaping `&`, `<` and `>` makes it plain text. Cutting happens on the
escaped text without ever splitting an `&lt;`-style entity, so a cut string is still valid.
"""

from __future__ import annotations

ELLIPSIS = "…"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str) -> str:
    """User text safe for mrkdwn (and for a message's top-level `text`). `&` first, so the
    entities made for `<` and `>` are not escaped again."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, ending in an ellipsis when something was cut."""
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return text[: limit - 1].rstrip() + ELLIPSIS


def escape_cut(text: str, limit: int) -> str:
    """Escape, then cut to `limit` characters of *escaped* text, never inside an entity."""
    if "&" not in text and "<" not in text and ">" not in text:
        return cut(text, limit)  # nothing to escape (every receipt): no entity to keep whole
    pieces = [_ENTITIES.get(ch, ch) for ch in text]
    if sum(len(p) for p in pieces) <= limit:
        return "".join(pieces)
    if limit <= 0:
        return ""
    budget = limit - len(ELLIPSIS)
    out: list[str] = []
    used = 0
    for piece in pieces:
        if used + len(piece) > budget:
            break
        out.append(piece)
        used += len(piece)
    return "".join(out).rstrip() + ELLIPSIS


def plain(text: str, limit: int) -> str:
    """Text for a `plain_text` object (buttons, headers, modal titles): never parsed for
    mentions, so only cut; an empty result becomes a space (Slack rejects empty text)."""
    return cut(text.replace("\n", " ").strip(), limit) or " "
