"""A WhatsApp chat exported as text ("Export chat", without media): read as the notes its
messages hold.

Each message opens its line with the sender's time stamp and name, Android's "12/03/2024,
21:14 - Priya: …" or "3/12/24, 9:14 PM - Priya: …", iOS's "[12/03/2024, 21:14:05] Priya: …"
(a name may be a phone number, "+91 98450 11236"); a message typed over several lines goes on
in lines with no stamp. Read as Markdown the chat was one paragraph: the stamps and names ran
into the stems ("21:02 - Priya: Service types …") and each message into the next.

Here the stamp and name are dropped (a line that is only that is reported as noise), and so is
what the app wrote rather than the people: its system lines ("Messages and calls are
end-to-end encrypted", "X added Y", "X left", …), "<Media omitted>", deleted messages, the
"<This message was edited>" tag and polls. The group's name ("X created group "NAME"") is the
notes' title. Each message is a note of its own, each of its lines too (chat.LINE_NOTE, as a
chat channel's message): a message that opens with a short title and goes on ("Service types:"
over a line per type) is a lead-in and its list, so each line is asked with the title in
front; a list typed in a message stays a list, an indented line is an item under the one
above. A list never runs on into the next message (Markdown would join the next line to its
last item): the next message's items take another bullet. The chat's questions and talk are
skipped as a chat channel's are (chat's rules, with WhatsApp's own: emoji and scores, a
greeting, "… right" without its question mark), and a message the next one (another sender's)
corrects ("per Pod* not per node", "3 members!" under "… 2 members", "no, …") is dropped: a quiz
would ask the claim the chat took back. WhatsApp's *bold* is Markdown's; its ~struck~ words
were taken back and its emoji are no words of the notes.

Only a file that opens with a stamped line (or a heading over one), with MIN_MESSAGES
messages, is read so. Every regex is anchored or bounded; the file is read once, line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from questions.parse.chat import _ACKS, _SLANG, LINE_NOTE, MAX_CHATTER_WORDS, _reason
from questions.parse.email import _CORRECTION
from questions.parse.plain_text import FENCE
from questions.parse.xhtml_text import noise_text

Skipped = tuple[int, str, str]  # (line number, reason, text)
_Head = tuple[str | None, str]  # a stamped line's sender (None: the app's line) and its text

_SPACE = r"[ \u202f\u00a0]"
#: a message's date and time: "12/03/2024", "3/12/24", "12.03.24"; "21:14", "21:14:05",
#: "9:14 PM" (a narrow space before it in new exports), "9:14 p. m."
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_TIME = rf"\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:{_SPACE}?[AaPp]\.?{_SPACE}?[Mm]\.?)?"
#: the stamp opening a message's line: Android's "DATE, TIME - ", iOS's "[DATE, TIME] "
_STAMP = re.compile(
    rf"^[\u200e\u200f\ufeff]?(?:{_DATE},?{_SPACE}{_TIME}{_SPACE}[-–]{_SPACE}"
    rf"|\[{_DATE},{_SPACE}{_TIME}\]{_SPACE})"
)
MAX_NAME = 60  # a sender's name: a contact's, a phone number, "~ Sana"
MIN_MESSAGES = 3
#: a system line that holds a user's words, a colon among them: 'X changed the subject from
#: "A" to "B: C"', 'X created group "SAA: prep"'
_SYSTEM_IN_NAME = re.compile(
    r"\b(?:created group|changed the (?:subject|group name|group description)|changed this group)"
)
#: what iOS writes as a sender's message, behind a left-to-right mark ("GROUP: ‎X added Y")
_IOS_SYSTEM = re.compile(
    r"^(?:messages and calls are end-to-end encrypted|messages to this group are now secured"
    r"|you (?:created|added|removed|left|joined|changed|were added|deleted|blocked|unblocked)\b"
    r"|missed (?:voice|video|group) call|this chat is with|disappearing messages|your security code"
    r"|[^:]{1,60}? (?:created group|added|removed|left|joined using|changed (?:the|this|their|his|her))\b)",
    re.I,
)
#: the group's name, where it was created ("X created group "CKA crew 🐳"")
_CREATED = re.compile(r"\bcreated group [\"“](?P<name>[^\"“”]{1,200})[\"”]\s*$")
#: media the export left out: "<Media omitted>", "‎image omitted", "<attached: 0001-PHOTO.jpg>",
#: "IMG-2024.jpg (file attached)", "null" (a view-once message), a shared location
_MEDIA = re.compile(
    r"^(?:<[^<>]{1,60} omitted>|<attached: [^<>]{1,300}>|null"
    r"|(?:[^\n]{0,200}\s)?(?:image|video|audio|sticker|gif|document|contact card) omitted"
    r"|[^()\n]{1,200} \(file attached\)|location: https?://\S{1,500}|live location shared)$",
    re.I,
)
_DELETED = re.compile(
    r"^(?:this message was deleted|you deleted this message|this message was deleted by [^\n]{1,80})"
    r"\.?$",
    re.I,
)
_EDITED = re.compile(r"<this message was edited>", re.I)  # its leading space is stripped after
_POLL = "POLL:"
#: marks the app writes into a line that say nothing: direction marks, a mention's isolates
_INVISIBLE = str.maketrans({"\u200e": None, "\u200f": None, "\u2068": None, "\u2069": None,
                            "\ufeff": None, "\u202f": " ", "\u00a0": " "})  # fmt: skip
#: a dingbat arrow ("➡️", "➜") is the writer's "→"
_ARROWS = re.compile("[\u2794-\u27af\u27b1-\u27be]\ufe0f?")
#: emoji: pictographs, dingbats, their skin tones, joiners and variation selectors
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55\u2b1b\u2b1c\u3030\u303d\ufe0f\u200d\u20e3"
    "\U000e0020-\U000e007f]+"
)
#: a mention by number ("@919845011236"): no word of the notes
_MENTION = re.compile(r"@\d{6,15}\b")
#: WhatsApp's *bold* and ~struck~ words (taken back: "~highest~ lowest"), one line each, the
#: marks hugging their words
_BOLD = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])")
_STRIKE = re.compile(r"(?<![\w~])~(?=[^\s~])([^~\n]{1,300}?)(?<=[^\s~])~(?![\w~])")
#: a star left after a word: the mark of a correction ("per Pod* not per node")
_STAR = re.compile(r"(?<=\w)\*(?=[\s,.;:!?)]|$)")
#: a list's item as typed: "- ", "* ", "• ", "1. ", "2) "
_ITEM = re.compile(r"^(?:(?P<bullet>[-*+•·▪])|(?P<num>\d{1,3})(?P<delim>[.)]))\s+(?=\S)")
BULLETS = ("-", "*", "+")

#: what a note puts between its term and what it says
_SEPARATOR = re.compile(r"=|→|->|=>")
_WORD = re.compile(r"[\w+']+")
#: words of talk besides chat's ("ya true", "noted", "congrats")
_TALK = frozenset({"ya", "yaa", "yea", "yeah", "true", "exactly", "noted", "welcome", "congrats",
                   "congratulations", "finally", "sorry", "done", "sure", "hmm", "wow", "oh", "ah",
                   "ahh", "ohh", "okk", "kk", "k", "correct", "right", "agree", "lgtm", "u", "ur",
                   "guys", "all", "na", "no", "so", "and", "me", "too", "this", "that", "is",
                   "yes", "ok", "haha", "hahaha", "hehe", "opposite", "wrong", "nope", "nah",
                   "indeed"})  # fmt: skip
_TALK_SLANG = _SLANG | {"u", "ur", "guys", "pls", "plz", "bro", "da", "yaar"}
MAX_TALK_WORDS = 10  # a short line with an emoji and no note's separator is talk
MAX_SLANG_WORDS = 25  # a longer one with slang and an emoji is too
#: a greeting or cheer opening a line ("Hi, Sana here, …", "Welcome Sana", "Congrats!!")
_GREETING = re.compile(
    r"^(?:hi|hey|hello|hiya|heya|welcome|congrats|congratulations|thanks|thank you|thx"
    r"|good (?:morning|night|evening|luck)|gm|gn|all the best)\b",
    re.I,
)
#: a score or a count said alone ("88", "71. lost marks on …", "54!!!")
_SCORE = re.compile(r"^\d{1,4}(?:[.!]+(?:\s|$)| ?%?$)")
#: a line pointing at the message above ("^ that one was on my mock too")
_POINTER = re.compile(r"^\^+(?:\s|$)")
#: a question asked with no question mark, its tag closing the line ("… right", "… na"),
#: not a phrase's own word ("to the right")
_TAG_QUESTION = re.compile(r"(?:^|[\s,])(?:right|na|naa|isn't it|innit|yes or no)[\s.!]*$", re.I)
_NO_TAG_BEFORE = frozenset({"the", "and", "or", "all", "to", "on", "turn", "left"})
_ASKS = re.compile(r"[?？](?:\s|$)")

#: a reply that opens by saying the message above is wrong ("no, below", "opposite",
#: "wrong:"), as email's corrections do ("that's wrong", "incorrect")
_CONTRADICTS = re.compile(
    r"^(?:no|nope|nah|wrong|incorrect)\s*[,.!;:—–-]|^(?:opposite|not quite|not exactly|other way round)\b",
    re.I,
)
#: a reply fixing a word with a star ("per Pod* not per node")
_STARRED = re.compile(r"^[^*\n]{0,40}?\w\*(?:\s|$|[,.;:!])")
#: a reply fixing a quantity ("3 members! …"): the number and its unit, then "!" or "*"
_FIXED_QUANTITY = re.compile(r"^(?P<num>\d[\d,.]{0,12})\s?(?P<unit>[^\W\d_][\w-]{0,20})\s*[!*]")
MAX_CORRECTED_LINES = 3  # a reply corrects a short message, not a whole list
#: a title over a message's list: a few words, no note's separator, no sentence ended
MAX_TITLE_WORDS = 8
MAX_COLON_TITLE_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?]\s")
#: an aside in a title that is talk ("(pls check)")
_ASIDE = re.compile(r" ?\([^()\n]{1,80}\)")


@dataclass
class _List:
    """The list the last line written is in (a line with its bullet would join it)."""

    ordered: bool
    mark: str  # the bullet, or the number's delimiter
    owner: int  # the message (its first line) whose list it is


@dataclass
class _Entry:
    """A line of a message as it is read: its words, and the item it was typed as."""

    n: int
    text: str
    bullet: bool = False
    num: int = 0  # an ordered item's number
    delim: str = ""
    indented: bool = False
    code: bool = False  # a line of a ``` block, written as it is


@dataclass
class _Said:
    """A message written: who sent it, the lines of it kept and their words."""

    sender: str
    lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    before: tuple[_List | None, bool] = (None, False)  # the writer's state before it


def whatsapp_as_markdown(lines: list[str]) -> tuple[list[str], list[Skipped]]:
    """The chat's messages as Markdown, and the lines of its stamps, system lines, media,
    deleted messages, polls, questions and talk skipped as (line number, reason, text); the
    lines as they were for a file that is no WhatsApp export."""
    starts = _message_starts(lines)
    if starts is None:
        return lines, []
    reader = _Reader(lines)
    for k, (start, head) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        reader.message(start, end, head)
    return reader.out, sorted(reader.skipped, key=lambda s: s[0])


def _message_starts(lines: list[str]) -> list[tuple[int, _Head]] | None:
    """The lines that open a message or a system line and their sender and text, when the
    file is a chat's export."""
    starts: list[tuple[int, _Head]] = []
    sent = 0
    preamble = 0
    for n, line in enumerate(lines):
        head = _header(line)
        if head is not None:
            starts.append((n, head))
            sent += head[0] is not None
        elif not starts and line.strip().strip("\ufeff\u200e"):
            preamble += 1  # a line before the chat: only a heading of the writer's
            if preamble > 1 or not line.lstrip("\ufeff").startswith("#"):
                return None
    return starts if sent >= MIN_MESSAGES else None


def _header(line: str) -> _Head | None:
    """A stamped line's sender (None for a system line) and its text; None for another line."""
    m = _STAMP.match(line)
    if m is None:
        return None
    rest = line[m.end() :]
    colon = rest.find(": ", 0, MAX_NAME + 2)
    if colon > 0:
        name, text = rest[:colon], rest[colon + 2 :]
    elif rest.rstrip().endswith(":") and 0 < len(rest.rstrip()) <= MAX_NAME + 1:
        name, text = rest.rstrip()[:-1], ""
    else:
        name, text = "", rest
    if name and ":" not in name and not _SYSTEM_IN_NAME.search(name):
        return name.strip(), text
    if line.lstrip("\u200e\u200f\ufeff").startswith("["):
        return None  # iOS writes every line with a sender, even the app's own
    return None, rest


class _Reader:
    """A pass over the chat: each line's Markdown, what was skipped, and what a next line
    would run on with."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.out = list(lines)
        self.skipped: list[Skipped] = []
        self.list: _List | None = None  # the list an item with its mark would join
        self.lazy = False  # the last line written is text a plain line would run on with
        self.titled = False
        self.said: _Said | None = None  # the message before, while a reply may correct it
        # the message being written: its bullets, and the item under which an indented line goes
        self.me = 0
        self.bullet = "-"
        self.delim = "."
        self.parent: int | None = None  # the indent of the last item's words
        self.last: tuple[bool, int] | None = None  # the last item's kind (ordered?) and indent

    # the messages

    def message(self, start: int, end: int, head: _Head) -> None:
        """The message from start to end (its stamped line's sender and text in head)."""
        sender, text = head
        if sender is None or (text.startswith("\u200e") and _IOS_SYSTEM.match(text[1:])):
            self._system(start, end, text)
            return
        first = text.translate(_INVISIBLE).strip()
        if first == _POLL:
            self._skip_all(start, end, "chat poll")
            self.said = None
            return
        said = self.said
        if said is not None and said.sender != sender and _corrects(first, said.texts):
            self._correct(said)
        self.said = _Said(sender, before=(self.list, self.lazy))
        self._choose_marks(start)
        entries = self._entries(start, end, text)
        self._write(entries)

    def _system(self, start: int, end: int, text: str) -> None:
        """A line of the app's (and any line under it): the group's name as the title, else
        noise."""
        self.said = None
        created = _CREATED.search(text)
        name = _words_of(created.group("name")) if created else ""
        if name and not self.titled:
            self.out[start] = "# " + _no_heading_marks(name)
            self.titled = True
            self.list, self.lazy = None, False
            self._skip_all(start + 1, end, "chat system message")
            return
        self._skip_all(start, end, "chat system message")

    def _choose_marks(self, start: int) -> None:
        """The bullets of this message's lists: not those of the list open above it."""
        self.me = start
        self.parent = None
        self.last = None
        above = self.list
        self.bullet = next(b for b in BULLETS if above is None or above.ordered or above.mark != b)
        self.delim = ")" if above is not None and above.ordered and above.mark == "." else "."

    def _correct(self, said: _Said) -> None:
        """The reply says the message above is wrong: its lines are no facts of the notes."""
        if not said.lines or len(said.lines) > MAX_CORRECTED_LINES:
            return
        for n in said.lines:
            self.out[n] = ""
            self.skipped.append((n + 1, "corrected later in the chat", noise_text(self.lines[n])))
        self.list, self.lazy = said.before[0], False

    # a message's lines

    def _entries(self, start: int, end: int, text: str) -> list[_Entry]:
        """The message's lines kept, each line skipped reported."""
        raws = [text, *self.lines[start + 1 : end]]
        code = _fenced(raws)
        single = sum(1 for raw in raws if raw.strip()) == 1
        out: list[_Entry] = []
        for k, raw in enumerate(raws):
            n = start + k
            if code[k]:
                out.append(_Entry(n, raw, code=True))
                continue
            reason = _first_line_reason(raw) if k == 0 else None
            entry = None if reason else _entry(n, raw, first=k == 0)
            if entry is not None and not entry.text:
                reason = _empty_reason(raw)
                entry = None
            if entry is not None:
                reason = _line_reason(entry, raw, single, titles=k == 0 and not single)
            if reason is not None:
                self._skip(n, reason, self.lines[n])
            elif entry is not None:
                out.append(entry)
            else:
                self.out[n] = ""  # a blank line of the message
        return out

    def _write(self, entries: list[_Entry]) -> None:
        """The message's lines as notes, or as a lead-in and its list."""
        kept = [e for e in entries if not e.code]
        lead = bool(kept) and _is_title(kept[0]) and any(e.n > kept[0].n for e in kept)
        base = 0
        for e in entries:
            if e.code:
                fence = FENCE.match(e.text.translate(_INVISIBLE).strip())
                self._put(e.n, e.text.strip() if fence else e.text, e.text)
                self.list, self.lazy, self.parent, self.last = None, False, None, None
            elif lead and e is kept[0]:
                base = self._lead_in(e)
            elif lead or self._is_item(e):
                self._item(e, base)
            else:
                self._put(e.n, LINE_NOTE + e.text, e.text)
                self.list, self.lazy, self.parent, self.last = None, True, None, None

    def _is_item(self, e: _Entry) -> bool:
        """The line is written as an item: typed so, under an item (typed indented or not:
        Markdown would run it on with the item's words)."""
        return bool(e.bullet or e.num) or (
            (self.lazy and self.list is not None) or (e.indented and self.parent is not None)
        )

    def _lead_in(self, e: _Entry) -> int:
        """The title over the message's list, as a paragraph, or as an item when the line
        would run on with the list above; the indent of the list's items under it."""
        title = _title(e.text)
        if self.list is not None and self.lazy:
            self._put(e.n, f"{self.bullet} {_escaped_start(title)}", e.text)
            self.list = _List(False, self.bullet, self.me)
            self.lazy, self.parent, self.last = True, None, None
            return len(self.bullet) + 1
        self._put(e.n, LINE_NOTE + title, e.text)
        self.list, self.lazy, self.parent, self.last = None, True, None, None
        return 0

    def _item(self, e: _Entry, base: int) -> None:
        """The line as an item of the message's list at the base indent, or under the item
        above when it was typed indented."""
        if e.indented and self.parent is not None:
            self._put(e.n, " " * self.parent + "- " + _item_words(e), e.text)
            self.lazy = True
            return
        pad = " " * base
        # a number goes on with the message's own list, or opens one where a list may open:
        # with "1", or after a blank line (else Markdown runs it on with the line above)
        if e.num and (self.last == (True, base) or e.num == 1 or not self.lazy):
            marker = f"{e.num}{self.delim}"
            self._put(e.n, f"{pad}{marker} {_escaped_start(e.text)}", e.text)
            self._after_item(True, self.delim, base, marker)
            return
        self._put(e.n, f"{pad}{self.bullet} {_item_words(e)}", e.text)
        self._after_item(False, self.bullet, base, self.bullet)

    def _after_item(self, ordered: bool, mark: str, base: int, marker: str) -> None:
        if not base:
            self.list = _List(ordered, mark, self.me)
        self.lazy, self.parent, self.last = True, base + len(marker) + 1, (ordered, base)

    # writing

    def _put(self, n: int, line: str, words: str) -> None:
        self.out[n] = line
        if self.said is not None:
            self.said.lines.append(n)
            self.said.texts.append(words)

    def _skip(self, n: int, reason: str, text: str) -> None:
        self.out[n] = ""
        self.lazy = False
        if text.strip():
            self.skipped.append((n + 1, reason, noise_text(text.translate(_INVISIBLE))))

    def _skip_all(self, start: int, end: int, reason: str) -> None:
        for n in range(start, end):
            self._skip(n, reason, self.lines[n])


def _fenced(raws: list[str]) -> list[bool]:
    """Which of a message's lines are of a ``` block closed in the message (an unclosed one
    would take the rest of the chat as code; "```ls -la``` lists" is a code span)."""
    out = [False] * len(raws)
    fence = ""
    open_at = 0
    for k, raw in enumerate(raws):
        line = raw.translate(_INVISIBLE).strip()
        m = FENCE.match(line)
        if m is None:
            continue
        run = m.group(1)
        if not fence and not (run[0] == "`" and "`" in line[len(run) :]):
            fence, open_at = run, k
        elif fence and line == run[0] * len(run) and run[0] == fence[0] and len(run) >= len(fence):
            out[open_at : k + 1] = [True] * (k + 1 - open_at)
            fence = ""
    return out


def _first_line_reason(raw: str) -> str | None:
    """What the message's stamped line is when it holds no words of the writer's."""
    text = _unedited(raw.translate(_INVISIBLE)).strip()
    if not text:
        return "chat message header" if not _EDITED.search(raw) else "chat edit tag"
    if _MEDIA.match(text):
        return "chat media omitted"
    if _DELETED.match(text):
        return "deleted chat message"
    if raw.startswith("\u200e") and _IOS_SYSTEM.match(text):
        return "chat system message"
    return None


def _unedited(text: str) -> str:
    return _EDITED.sub("", text) if "<" in text else text


def _empty_reason(raw: str) -> str | None:
    """Why a line with no words left is skipped (None: it was blank)."""
    if not raw.strip():
        return None
    if _EDITED.search(raw):
        return "chat edit tag"
    if _STRIKE.search(raw):
        return "struck out in the chat"
    if _EMOJI.search(raw):
        return "chat reactions"
    return "chat chatter"  # a rule of dashes, a line of marks


def _entry(n: int, raw: str, first: bool) -> _Entry:
    """A message's line read: its words in Markdown's marks, the item it was typed as."""
    line = _unedited(raw.translate(_INVISIBLE))
    indented = line[:1] in (" ", "\t") and not first
    text = line.strip()
    entry = _Entry(n, "", indented=indented)
    m = _ITEM.match(text)
    if m is not None and not (first and m.group("num") and m.group("num") != "1"):
        # a message's "71. lost marks on …" is a score, not a list's 71st item
        text = text[m.end() :]
        if m.group("num"):
            entry.num, entry.delim = int(m.group("num")), m.group("delim")
        else:
            entry.bullet = True
    entry.text = _words_of(text)
    return entry


def _plain(text: str) -> str:
    """A line's words as typed: no emoji, mentions or invisible marks."""
    text = _EMOJI.sub(" ", _ARROWS.sub("→", text.translate(_INVISIBLE)))
    return " ".join((_MENTION.sub("", text) if "@" in text else text).split())


def _words_of(text: str) -> str:
    """The words of a line, WhatsApp's marks as Markdown's."""
    text = _plain(text)
    if "~" in text:
        text = " ".join(_STRIKE.sub("", text).split())
    if "*" in text:
        text = " ".join(_STAR.sub("", _BOLD.sub(r"**\1**", text)).split())
    return text


def _line_reason(e: _Entry, raw: str, single: bool, titles: bool) -> str | None:
    """Why a line of a message is no note: a question, talk, a quote (chat's rules). A title
    over the message's lines is no talk ("Probes summary (pls check)")."""
    text = e.text
    if e.bullet or e.num or e.indented:
        return "question in the chat" if _ASKS.search(text) else None
    reason = _reason(text)
    if titles and _is_title(e) and reason != "question in the chat":
        return None
    if reason is not None:
        return reason
    if _asks_by_tag(text):
        return "question in the chat"
    if _talk(text, raw, single):
        return "chat chatter"
    return None


def _asks_by_tag(text: str) -> bool:
    """The line asks, its tag closing it: "… is the quorum 3 right"."""
    m = _TAG_QUESTION.search(text)
    if m is None:
        return False
    before = text[: m.start()].split()
    return len(before) >= 2 and before[-1].lower().strip(",") not in _NO_TAG_BEFORE


def _talk(text: str, raw: str, single: bool) -> bool:
    """A line of the chat's talk: a greeting, a cheer or a score, a remark on the message
    above, a short line with an emoji, a line of slang with one."""
    words = _WORD.findall(text.lower())
    if not words:
        return True
    if _SEPARATOR.search(text):
        return False
    if _GREETING.match(text) or _POINTER.match(text):
        return True
    if len(words) <= MAX_CHATTER_WORDS and all(w in _TALK or w in _ACKS for w in words):
        return True
    emoji = _EMOJI.search(raw) is not None
    if single and (_SCORE.match(text) or (emoji and len(words) <= MAX_TALK_WORDS)):
        return True
    return emoji and len(words) <= MAX_SLANG_WORDS and any(w in _TALK_SLANG for w in words)


def _is_title(e: _Entry) -> bool:
    """The message's first line kept titles the lines under it ("Service types",
    "Replication (CRR / SRR):"): a few words, one phrase, no note's separator."""
    if e.bullet or e.num or e.indented:
        return False
    text = _without_asides(e.text)
    if _SENTENCE_END.search(text) or _SEPARATOR.search(text) or _CONTRADICTS.match(text):
        return False
    said = _WORD.findall(text.lower())
    if _GREETING.match(text) or all(w in _TALK or w in _ACKS for w in said):
        return False
    words = len(said)
    if text.endswith((":", "：")):
        return 0 < words <= MAX_COLON_TITLE_WORDS and ":" not in text[:-1]
    return 0 < words <= MAX_TITLE_WORDS and ":" not in text and not text.endswith(".")


def _title(text: str) -> str:
    """A title as a lead-in: its talk aside dropped, a colon closing it."""
    kept = _without_asides(text)
    return kept if kept.endswith((":", "：")) else kept + ":"


def _without_asides(text: str) -> str:
    """The words without an aside of talk ("(pls check)")."""
    kept = _ASIDE.sub(lambda m: "" if _is_talk_aside(m.group()) else m.group(), text).strip()
    return " ".join(kept.split()) or text


def _is_talk_aside(aside: str) -> bool:
    return any(w in _TALK_SLANG for w in _WORD.findall(aside.lower()))


def _item_words(e: _Entry) -> str:
    """An item's words; an ordered item's number kept as text where it cannot be one."""
    if e.num:
        return f"{e.num}\\{e.delim} {e.text}"
    return _escaped_start(e.text)


def _escaped_start(text: str) -> str:
    """Words that open as Markdown's own block ("# of nodes", "> 5 GB") kept as text."""
    return "\\" + text if text[:1] in ("#", ">", "|") else text


def _no_heading_marks(text: str) -> str:
    return text.strip("# ") or text


def _corrects(first: str, texts: list[str]) -> bool:
    """The reply's first line says the message above (its lines' words) is wrong."""
    text = _plain(first)
    if _CORRECTION.match(text) or _CONTRADICTS.match(text) or _STARRED.match(text):
        return True
    m = _FIXED_QUANTITY.match(text)
    if m is None:
        return False
    num, unit = m.group("num"), re.escape(m.group("unit"))
    said = re.compile(rf"(?<![\w.,])(\d[\d,.]{{0,12}})\s?{unit}\b")
    return any(other.group(1) != num for t in texts for other in said.finditer(t))
