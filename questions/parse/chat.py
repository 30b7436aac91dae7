"""A chat channel pasted as notes (a Discord or Slack export): who wrote each message and
when, the reactions under it, a pin's and a poll's labels are no words of the notes.

Such a line sits right above or below a message's text, so CommonMark reads it as more of
the message ("… (30–35%) :thumbsup: 14 :pray: 6"), and a question would blank a reaction's
count or open with "ravi_dev — Today at 9:03 PM". Each becomes a blank line (the notes keep
their line numbers) and is reported as noise. Only a file with several message headers is
read as a chat: a line of emoji elsewhere is the author's own.
"""

from __future__ import annotations

import re

from questions.parse.plain_text import FENCE

#: "**ravi_dev** — Yesterday at 9:16 PM", "kev — 03/04/2024 7:02 PM", "📊 **Simple Poll** `BOT`
#: — Today at 8:30 PM", "[3/4/2024 7:02 PM] ravi_dev", "alice  [9:14 AM]"
#: (a day, or a clock's AM/PM: "[05:12] acct types:" is a video's time, no message's; the
#: mark before it is no space, or a line of spaces backtracks with the cube of its length)
_WHEN = (
    r"(?:(?:Today|Yesterday)\s+at\s+|\d{1,2}/\d{1,2}/\d{2,4},?\s+)\d{1,2}:\d{2}(?:\s*[AP]M)?"
    r"|\d{1,2}:\d{2}\s*[AP]M"
)
_NAME = r"\**[\w.@-]{2,32}(?:\s[\w.@-]{1,32})?\**(?:\s+`?BOT`?)?"
_HEADER = re.compile(
    rf"^\s*(?:[^\w\s]{{1,2}}\s*)?(?:{_NAME}\s+[—–-]\s+(?:{_WHEN})|\[(?:{_WHEN})\]\s+{_NAME}:?|{_NAME}\s+\[(?:{_WHEN})\])\s*$",
    re.I,
)
#: ":thumbsup: 14  :pray: 6", "👍 3", a poll's "🇦 2  🇧 0  🇨 11"
_REACTIONS = re.compile(
    r"^\s*(?:(?::[a-z0-9_+-]+:|[\U0001F000-\U0001FAFF\u2600-\u27BF][\ufe0f\U0001F3FB-\U0001F3FF]?)"
    r"\s*[x×]?\d{1,4}\s*)+$"
)
#: "📌 **Pinned by ravi_dev**", "_Poll closed. Winner: 🇨 RA-GRS_"
_CHANNEL_EVENT = re.compile(r"^\s*\W{0,3}\s*[*_]*(?:pinned by\b|poll closed\b)", re.I)
#: message headers that make a file a chat's export
MIN_HEADERS = 3


#: what a message's line is opened with so that it is read as a note of its own: the time
#: stamp a lecture's notes open their lines with, which the Markdown reader drops and reads
#: so (`parse.markdown._time_stamps`). A message is typed line by line: run together, its
#: lines would read as one sentence ("IaaS = rent the hardware … PaaS = platform managed").
LINE_NOTE = "[0:00] "
#: a line that is Markdown's own block (a list item, quote, table row, heading, indented)
_BLOCK_START = re.compile(r"^(?:\s|[-*+]\s|[>|#]|\d{1,3}[.)]\s)")
_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+\S")
#: a message that asks: a question mark ending a clause, or a question's first words
_ASKS = re.compile(
    r"[?？](?:\s|$)|^(?:what|how|why|when|where|which|who|is|are|does|do|did|can|could|should"
    r"|would|anyone|any1)\b",
    re.I,
)


def without_chat_marks(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines with every message header, reaction line, channel event and question
    blanked, each other line of a message marked as a note of its own; and the blanked lines
    as (line number, reason, text)."""
    if sum(1 for line in lines if _HEADER.match(line)) < MIN_HEADERS:
        return lines, []
    out: list[str] = []
    skipped: list[tuple[int, str, str]] = []
    fenced = False
    for n, line in enumerate(lines, 1):
        if FENCE.match(line):
            fenced = not fenced
        reason = None if fenced else _reason(line)
        if reason is not None:
            out.append("")
            skipped.append((n, reason, line.strip()))
        elif fenced or not line.strip() or _BLOCK_START.match(line) or FENCE.match(line):
            out.append(line)
        elif out and (_ITEM.match(out[-1]) or out[-1].lstrip().startswith("|")):
            # a line right under a list's item or a table's row would go on with it: an item
            # ("- **horizontal** = scale out/in" / "elasticity = it does that automatically")
            out.append("- " + line)
        else:
            out.append(LINE_NOTE + line)
    return out, skipped


def _reason(line: str) -> str | None:
    if _HEADER.match(line):
        return "chat message header"
    if _REACTIONS.match(line):
        return "chat reactions"
    if _CHANNEL_EVENT.match(line):
        return "chat event"
    if line.lstrip().startswith(">"):
        return "quoted message"  # a reply's quote of a message said above
    if _BLOCK_START.match(line):
        return None
    if _ASKS.search(line.strip().strip("*_")):
        return "question in the chat"
    if _chatter(line):
        return "chat chatter"
    return None


#: words of talk, not of notes ("perfect ty", "cheat sheet for models lol")
_SLANG = frozenset({"lol", "ty", "thx", "tysm", "pls", "plz", "tbh", "imo", "omg", "haha", "lmao",
                    "np", "brb", "gg", "rofl", "btw"})  # fmt: skip
_ACKS = frozenset({"ok", "okay", "nice", "perfect", "thanks", "thank", "you", "yep", "yes",
                   "nope", "same", "great", "cool", "got", "it", "agreed", "+1"})  # fmt: skip
MAX_CHATTER_WORDS = 8


def _chatter(line: str) -> bool:
    """A short line of talk with no note's separator in it: thanks, an aside, a "lol"."""
    words = re.findall(r"[\w+']+", line.lower())
    if not words or len(words) > MAX_CHATTER_WORDS or re.search(r"[=:：→]|->", line):
        return False
    return any(w in _SLANG for w in words) or all(w in _ACKS for w in words)
