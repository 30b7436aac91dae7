"""An email thread saved as notes (a mailbox file, .mbox, or one message, .eml): read as the
Markdown its messages' own words stand for.

A study group's thread is a run of messages, each a block of headers (From:, Date:, Subject:,
Message-ID:, References: folded over several lines, X-*: fields), a blank line and a body; a
mailbox opens each message with a "From sender date" line and writes a body line opening with
"From " as ">From ". A body may be quoted-printable ("=" ending a line that goes on, "=E2=80=99"
a byte), base64, or MIME parts (a plain and an HTML copy, attachments). Read as Markdown every
header was a sentence of the notes, every question was filed under the last "=== TITLE ==="
line of any message, and a reply's "> " quote asked again what was said above.

Here each message's Subject (without its "Re:"/"Fwd:"/"[list]" marks) is a heading, written
again only where the thread's subject changes or a message's own heading must end: a body
titles its parts with "=== TITLE ===" banners, underlined lines or a line in capitals, each a
sub-heading, and the next message (or an inline reply after a quote) is no part of the last one.
Headers, the mailbox's separators, MIME boundaries, the HTML copy and attachments, "On … wrote:"
lines, forwarded-message header blocks, signatures (after "-- "), "Sent from my iPhone" lines,
greetings and sign-offs are skipped as noise. A quoted line whose words were said earlier in the
file is noise too; a quoted line found nowhere earlier is kept, its quote marks gone: the message
it quotes is not in the file (a thread saved from its last reply holds the earlier messages only
as quotes), so the quote is the notes' only copy of those words.

A reply that quotes lines said above and calls them wrong ("you've got X the wrong way round:",
"Correction: …" under the quote) drops them where they were said: a quiz would otherwise ask
the claim the thread took back. Only a multipart message's plain copy is read (an HTML copy of
the same words is skipped; a message with only HTML is not read).

A body is hard-wrapped: a line goes on with the one above only when the next word would not
have fit on that line at the body's width (or the line ends with format=flowed's space) and
it does not open a note of its own (a capital after a finished line, a label, a second line
of one shape, "X -> …" under "Y -> …"); any other line is a note of its own (chat.LINE_NOTE),
as a line of ports or a step is. A note's or a list item's wrapped lines are joined on the
line they go on from, and so are the lines a quoted-printable soft break joins, the lines
after it left blank (the pipeline reads a line break inside a note as a sentence's end).
Every other line stays on its line. Only a file that opens with a mailbox separator or a message's header block (From: and
a Date:, Message-ID:, MIME-Version: or Received: field) is read so. Everything is read line
by line, each regex bounded or linear, MIME parts nested at most MAX_DEPTH deep, and the words
remembered to find a quote said above are bounded.
"""

from __future__ import annotations

import binascii
import codecs
import re
import string
from dataclasses import dataclass, field

from questions.parse.chat import LINE_NOTE
from questions.parse.plain_text import FENCE
from questions.parse.xhtml_text import escaped, noise_text

#: a mailbox's separator: "From 1825…@xxx Wed Mar 05 02:12:33 +0000 2025", "From MAILER-DAEMON
#: Fri Jul  8 12:08:34 2011", Thunderbird's "From - Tue Mar 04 21:12:33 2025" (the sender is
#: no space and the gap a space, so nothing is tried twice)
_MBOX_FROM = re.compile(
    r"^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2},? +\d{1,2}:\d{2}"
)
#: a header field: a name of printable characters but ":" and space, then ":"
_FIELD = re.compile(r"^(?P<name>[!-9;-~]{1,76}):(?P<value>.*)$")
#: fields only a message's header block holds: with From: they make a file a message
_MESSAGE_FIELDS = frozenset(
    {"date", "message-id", "mime-version", "received", "return-path", "delivered-to",
     "in-reply-to", "references"}
)  # fmt: skip
_KNOWN_FIELDS = _MESSAGE_FIELDS | {"from", "to", "cc", "subject", "content-type", "reply-to"}
MIN_MESSAGE_FIELDS = 3
MAX_HEADER_LINES = 2000  # a header block longer than this is no message's
MAX_DEPTH = 8  # MIME parts inside parts, quotes inside quotes read one level at a time
MAX_SOFT_BREAKS = 200  # lines one quoted-printable line may be spread over
MAX_SUBJECT = 300  # a subject's characters kept for its heading
#: an encoded word of a header (RFC 2047): "=?UTF-8?Q?caf=C3=A9?=", "=?utf-8?B?Y2Fmw6k=?="
_ENCODED_WORD = re.compile(r"=\?(?P<charset>[^?\s]{1,40})\?(?P<enc>[QqBb])\?(?P<text>[^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"(?<=\?=)[ \t]+(?==\?)")
#: a subject's reply and forward marks ("Re:", "RE[2]:", "Fwd:", "AW:", "WG:") and a list's tag
_SUBJECT_MARK = re.compile(
    r"^\s*(?:(?:re|fwd?|aw|wg|sv|vs|antw|tr|rif)\s*(?:\[\d{1,4}\])?\s*[:：]|\[[^\[\]]{1,60}\])\s*",
    re.I,
)
MAX_SUBJECT_MARKS = 20

#: a forwarded or quoted original's opening line ("---------- Forwarded message ---------",
#: "-----Original Message-----", "Begin forwarded message:")
_FORWARD_LINE = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht"
    r"|original-nachricht|message transf[eé]r[eé]|mensaje original|messaggio originale)\s*-{2,}"
    r"|begin forwarded message:|_{10,})\s*$",
    re.I,
)
#: a field of such a block, Gmail marking its name bold in some copies ("*From:* …")
_FORWARD_FIELD = re.compile(
    r"^\s*\*?(?P<name>from|sent|date|to|cc|bcc|subject|reply-to|importance)\*?\s*:\*?(?P<value>.*)$",
    re.I,
)
MIN_BARE_FORWARD_FIELDS = 3
MAX_FORWARD_LINES = 40  # an Outlook reply's "From: / Sent: / To: / Subject:" block
#: the verbs a reply's attribution line ends with, then ":" ("On Tue, … Alice <a@b> wrote:",
#: "Le mar. 4 mars 2025, Alice a écrit :", "Am 04.03.2025 schrieb Alice:")
_WROTE = ("wrote", "writes", "a écrit", "schrieb", "escribió", "ha scritto", "schreef", "skrev",
          "napisał", "kirjoitti", "escreveu")  # fmt: skip
_ATTRIBUTION_OPENINGS = ("on ", "le ", "am ", "el ", "il ", "op ", "den ", "w dniu ", "em ")
MAX_ATTRIBUTION = 400
#: a mail app's line under a message ("Sent from my iPhone", "Sent from Outlook for Android",
#: "Get Outlook for iOS"): each part bounded, so nothing is tried more than a few dozen times
_SENT_FROM = re.compile(
    r"^\s*(?:sent from (?:my\s.{1,40}|outlook\b.{0,40}|mail for windows\b.{0,20}|yahoo mail\b.{0,40}"
    r"|proton ?mail\b.{0,40}|gmail\b.{0,40}|samsung\b.{0,40})|get outlook for (?:ios|android)"
    r"|sent with proton ?mail\b.{0,40})\s*$",
    re.I,
)
#: a greeting opening a message ("Hi all,", "Hey team!", "Good morning everyone")
_GREETING = re.compile(
    r"^\s*(?:hi|hey|hello|hiya|howdy|dear|greetings|morning|good (?:morning|afternoon|evening)|yo)"
    r"\b[^.!?:]{0,40}[,!.:]?\s*$",
    re.I,
)
MAX_GREETING_WORDS = 5
#: a closing word over the sender's name ("Cheers,", "Best regards", "Thanks!")
_CLOSING = re.compile(
    r"^\s*(?:cheers|thanks|thank you|many thanks|thanks again|thx|best|best wishes|best regards"
    r"|kind regards|regards|warm regards|warmly|all the best|talk soon|take care|sincerely|yours"
    r"|ciao)\s*[,.!]*\s*$",
    re.I,
)
#: a reply saying what it quotes is wrong ("you've got RADIUS and TACACS+ the wrong way round",
#: "that's wrong", "Correct version:"); agreeing ("you're not wrong") says nothing of the kind
_CORRECTION = re.compile(
    r"\b(?:the )?wrong way (?:round|around)|\bthe other way (?:round|around)"
    r"|\b(?:that|this|it|these|those)(?:'s|’s| is| are) (?:\w+ )?wrong\b"
    r"|\bgot (?:it|that|this|them|those) (?:\w+ )?wrong\b|\bincorrect\b"
    r"|\bnot (?:quite )?(?:correct|right|accurate|true)\b|\bcorrect(?:ed)? version\b|\bcorrection\s*:",
    re.I,
)
MAX_ORIGINS = 100_000  # lines of words remembered to find where a corrected quote was said
#: a Markdown block a body line already is: a list item, a heading, a table row
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])(?:\s+\S|\s*$)")
_BULLET = re.compile(r"^(?P<indent>\s*)[•·▪◦](?=\s+\S)")
_TASK = re.compile(r"^\s*\[(?P<box>[ xX])\](?=\s+\S)")
_ATX = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
_TABLE_ROW = re.compile(r"^\s*\|")
#: a rule drawn under a title or between parts: one mark, three times or more
_RULE_MARKS = frozenset("=-_*~")
MIN_RULE = 3
#: a title's banner marks ("=== PORTS ===", "*** CRYPTO ***", "--- IR ---"), each side
_BANNER_MARKS = {"=": 2, "-": 3, "*": 3, "~": 3, "+": 3}
MAX_TITLE = 80
MAX_CAPS_WORDS = 8
#: how a line that the next one goes on with ends: a comma, an operator, an open bracket
_OPEN_ENDS = (",", "/", "-", "=", "+", "&", "(", "->", "→")
#: words a line that stops in the middle of a phrase ends with
_MID_PHRASE = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "than",
     "and", "or", "but", "nor", "as", "is", "are", "was", "were", "be", "that", "which", "who",
     "its", "their", "his", "her", "our", "your", "my", "via", "per", "between", "called"}
)  # fmt: skip
#: a note's label opening a line: a word or three, then ":" ("risk responses: …")
_LABEL = re.compile(r"[^\W\d_][\w'/-]*(?: [\w'/-]+){0,2}: ")
#: what a note of a line puts between its term and what it says ("TCP -> …", "SLE = …")
_NOTE_MARKS = ("->", "→", "=>", " = ")
#: a body is wrapped at its widest line up to this; narrower than MIN_WRAP it is not wrapped
MAX_WRAP = 78
MIN_WRAP = 60
#: the words remembered to find what a quote says earlier in the file
MAX_SAID_WORDS = 400_000
_PUNCTUATION = string.punctuation + "“”‘’«»…"

Skipped = tuple[int, str, str]  # (line number, reason, text)


@dataclass
class _Line:
    """A line of a body as decoded, and the file's lines (0-based) it was written on."""

    slot: int
    span: int
    text: str
    more: bool = False  # a decoded line with no line of its own left: after the slot's text


@dataclass
class _Said:
    """The words of the thread read so far, as runs of one, two and three words."""

    grams: set[int] = field(default_factory=set)
    words: int = 0

    def add(self, texts: list[str]) -> None:
        words = [w for t in texts for w in _words(t)]
        words = words[: max(0, MAX_SAID_WORDS - self.words)]
        self.words += len(words)
        for n in range(1, 4):
            for i in range(len(words) - n + 1):
                self.grams.add(hash(tuple(words[i : i + n])))

    def has(self, text: str) -> bool:
        words = _words(text)
        if not words:
            return True
        n = min(3, len(words))
        return all(hash(tuple(words[i : i + n])) in self.grams for i in range(len(words) - n + 1))


def _words(text: str) -> list[str]:
    out = []
    for w in text.split():
        w = w.strip(_PUNCTUATION).lower()
        if w:
            out.append(w)
    return out


def email_as_markdown(lines: list[str]) -> tuple[list[str], list[Skipped]]:
    """The thread's messages as Markdown, and the lines of its headers, quotes said above,
    signatures and other mail furniture skipped as (line number, reason, text); the lines as
    they were for a file that is no email."""
    first = _first_line(lines)
    if first is None:
        return lines, []
    mbox = _MBOX_FROM.match(lines[first]) is not None
    if not _opens_message(lines, first + 1 if mbox else first, mbox):
        return lines, []
    reader = _Reader(lines, mbox)
    reader.read(first)
    return reader.out, sorted(reader.skipped, key=lambda s: s[0])


def _first_line(lines: list[str]) -> int | None:
    for n, line in enumerate(lines[:50]):
        if line.strip().lstrip("\ufeff"):
            return n
    return None


def _header_names(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """The names of the header block's fields from start, and the line after it; None when a
    line of it is neither a field nor a field's folded line."""
    names: list[str] = []
    n = start
    while n < len(lines) and n - start < MAX_HEADER_LINES and lines[n].strip():
        m = _FIELD.match(lines[n].lstrip("\ufeff") if n == start else lines[n])
        if m is not None:
            names.append(m.group("name").lower())
        elif not (names and lines[n][:1] in (" ", "\t")):
            return None
        n += 1
    return names, n


def _opens_message(lines: list[str], start: int, mbox: bool) -> bool:
    """A message's header block opens at start: for a mailbox two known fields, else From:
    and a field only a message has, three known fields in all."""
    read = _header_names(lines, start)
    if read is None:
        return False
    known = {name for name in read[0] if name in _KNOWN_FIELDS}
    if mbox:
        return len(known) >= 2
    return "from" in known and bool(known & _MESSAGE_FIELDS) and len(known) >= MIN_MESSAGE_FIELDS


class _Reader:
    """A pass over the file: each line's Markdown, and what was skipped."""

    def __init__(self, lines: list[str], mbox: bool) -> None:
        self.lines = lines
        self.mbox = mbox
        self.out = [""] * len(lines)
        self.skipped: list[Skipped] = []
        self.said = _Said()
        self.subject = ""  # the subject its last heading wrote
        self.written: list[_Line] = []  # the lines of words of the part being read
        #: each line of words of the parts read, by its words: where a quote of it was said
        self.origins: dict[str, list[_Line]] = {}
        self.sub_open = False  # a body's own heading is open under it

    # the messages and their parts

    def read(self, first: int) -> None:
        lines = self.lines
        for n in range(first):
            self.out[n] = lines[n]
        if not self.mbox:
            self._message(first, len(lines), 0)
            return
        starts = [
            n
            for n in range(first, len(lines))
            if (n == first or not lines[n - 1].strip())
            and _MBOX_FROM.match(lines[n])
            and n + 1 < len(lines)
            and _FIELD.match(lines[n + 1])
        ]
        for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            self._skip(start, "mbox separator", lines[start])
            self._message(start + 1, end, 0)

    def _message(self, start: int, end: int, depth: int) -> None:
        """A message's header block from start, then its body up to end."""
        fields, subject_at, body = self._headers(start, end, "email header")
        subject = _subject(fields.get("subject", ""))
        if subject_at >= 0 and not self.subject_heading(subject_at, subject):
            self._skip(subject_at, "email header", self.lines[subject_at])
        self._entity(fields, body, end, depth, _names(fields.get("from", "")))

    def _headers(self, start: int, end: int, reason: str) -> tuple[dict[str, str], int, int]:
        """A header block's fields (folded lines joined), its Subject's line (-1 for none) and
        the line its body starts on; each line of it skipped, but the Subject's."""
        fields: dict[str, str] = {}
        name = ""
        subject_at = -1
        n = start
        while n < end and self.lines[n].strip():
            line = self.lines[n].lstrip("\ufeff") if n == start else self.lines[n]
            m = _FIELD.match(line)
            if m is not None:
                name = m.group("name").lower()
                if name in fields:
                    name = ""  # a field written twice: its first is the one read
                else:
                    fields[name] = m.group("value").strip()
                    if name == "subject":
                        subject_at = n
            elif line[:1] in (" ", "\t"):
                if name:  # a folded line goes on with its field
                    fields[name] = (fields[name] + " " + line.strip())[:MAX_HEADER_LINES]
            else:
                return fields, subject_at, n  # no field: the body starts with no blank line
            if n != subject_at:
                self._skip(n, reason, line)
            n += 1
        return fields, subject_at, min(n + 1, end)

    def _entity(
        self, fields: dict[str, str], start: int, end: int, depth: int, sender: set[str]
    ) -> None:
        """A message's or a part's body, as its Content-Type says."""
        kind, params = _content_type(fields.get("content-type", ""))
        if depth > MAX_DEPTH:
            self._skip_lines(start, end, "MIME part")
        elif kind.startswith("multipart/") and params.get("boundary"):
            self._multipart(kind, params["boundary"], start, end, depth, sender)
        elif kind == "message/rfc822":
            self._message(start, end, depth + 1)
        elif kind in ("", "text/plain", "text/markdown", "text/x-markdown") or kind.startswith(
            "multipart/"
        ):  # (a multipart with no boundary: read as text)
            self._text_part(fields, params, start, end, sender)
        elif kind == "text/html":
            self._skip_lines(start, end, "HTML copy of the message")
        else:
            self._skip_lines(start, end, "attachment")

    def _multipart(
        self, kind: str, boundary: str, start: int, end: int, depth: int, sender: set[str]
    ) -> None:
        delimiter = "--" + boundary.strip()
        closing = delimiter + "--"
        marks: list[int] = []
        close = end
        for n in range(start, end):
            line = self.lines[n].rstrip()
            if line == delimiter:
                marks.append(n)
            elif line == closing:
                close = n
                break
        if not marks:
            self._text_part({}, {}, start, end, sender)  # no part: read as text
            return
        self._skip_lines(start, marks[0], "MIME preamble")
        for n in marks:
            self._skip(n, "MIME boundary", self.lines[n])
        if close < end:
            self._skip(close, "MIME boundary", self.lines[close])
            self._skip_lines(close + 1, end, "MIME epilogue")
        parts = []
        for n, mark in enumerate(marks):
            part_end = marks[n + 1] if n + 1 < len(marks) else close
            fields, _, body = self._part_headers(mark + 1, part_end)
            parts.append((fields, body, part_end))
        plain = next(
            (
                p
                for p in parts
                if _content_type(p[0].get("content-type", ""))[0] in ("", "text/plain")
            ),
            None,
        )
        for part in parts:
            fields, body, part_end = part
            if kind == "multipart/alternative" and plain is not None and part is not plain:
                self._skip_lines(body, part_end, "other copy of the message")
            else:
                self._entity(fields, body, part_end, depth + 1, sender)

    def _part_headers(self, start: int, end: int) -> tuple[dict[str, str], int, int]:
        if start < end and not self.lines[start].strip():
            return {}, -1, start + 1  # a part with no header: the default, plain text
        fields, subject_at, body = self._headers(start, end, "MIME part header")
        if subject_at >= 0:
            self._skip(subject_at, "MIME part header", self.lines[subject_at])
        return fields, subject_at, min(body, end)

    def _text_part(
        self, fields: dict[str, str], params: dict[str, str], start: int, end: int, sender: set[str]
    ) -> None:
        encoding = fields.get("content-transfer-encoding", "").strip().lower()
        charset = params.get("charset", "utf-8")
        if encoding == "quoted-printable":
            body = _quoted_printable(self.lines, start, end, charset)
        elif encoding == "base64":
            decoded = _base64(self.lines, start, end, charset)
            if decoded is None:
                self._skip_lines(start, end, "encoded body")
                return
            body = decoded
        else:
            body = [_Line(n, 1, self.lines[n]) for n in range(start, end)]
        if self.mbox:
            for line in body:
                if line.text.startswith(">") and line.text.lstrip(">").startswith("From "):
                    line.text = line.text[1:]  # the mailbox's escape of a line opening "From "
        _Body(self, params.get("format", "").lower() == "flowed", sender, 0).read(body)
        self.said.add([_unquoted(line.text) for line in body])
        for line in self.written[: max(0, MAX_ORIGINS - len(self.origins))]:
            key = " ".join(_words(line.text))
            if key:
                self.origins.setdefault(key, []).append(line)
        self.written = []

    def correct(self, quoted: str) -> None:
        """A reply says the quoted line is wrong: where it was said is no fact of the notes."""
        for line in self.origins.pop(" ".join(_words(quoted)), []):
            if any(self.out[n].strip() for n in range(line.slot, line.slot + line.span)):
                self.skipped.append(
                    (line.slot + 1, "corrected later in the thread", noise_text(line.text))
                )
            for n in range(line.slot, line.slot + line.span):
                self.out[n] = ""

    # what the lines become

    def subject_heading(self, slot: int, subject: str) -> bool:
        """A message's or a forwarded message's subject as a heading on its Subject's line,
        when it is new or a body's own heading must end; whether one was written."""
        if not subject or (subject == self.subject and not self.sub_open):
            return False
        self.out[slot] = "# " + _heading_text(subject)
        self.subject = subject
        self.sub_open = False
        return True

    def _skip(self, slot: int, reason: str, text: str) -> None:
        if text.strip():
            self.skipped.append((slot + 1, reason, noise_text(text)))

    def _skip_lines(self, start: int, end: int, reason: str) -> None:
        for n in range(start, end):
            self._skip(n, reason, self.lines[n])

    def put(self, line: _Line, text: str) -> None:
        """A body line's Markdown on its first line (the lines a soft break joined to it left
        blank), or after the text of the last line a decoded body could take."""
        if line.more:
            self.out[line.slot] += "\n" + text
        else:
            self.out[line.slot] = text


class _Body:
    """A text part's lines read one by one, or a quote's kept lines one level deeper."""

    def __init__(self, reader: _Reader, flowed: bool, sender: set[str], depth: int) -> None:
        self.r = reader
        self.flowed = flowed
        self.sender = sender
        self.depth = depth
        self.width = 0
        self.prev = "blank"  # what the last line written was: blank, text, item, head, other
        self.prev_text = ""
        self.in_item = False  # the last line with words was a list item's
        self.item_indent = 0  # where the last list item's marker is
        self.signature = False
        self.greeted = depth > 0  # a greeting opens only a message
        self.fence = False
        self.note = -1  # the line the note being written is on

    def read(self, body: list[_Line]) -> None:
        widths = [
            len(b.text.rstrip())
            for b in body
            if b.text.strip() and not _quoted(b.text) and not _ends_wrote(b.text.strip())
        ]  # the body's own lines: a quote's or an attribution's are as wide as they were
        self.width = min(MAX_WRAP, max(widths, default=0))
        n = 0
        while n < len(body):
            n = self._line(body, n)

    def _skip(self, line: _Line, reason: str) -> None:
        self.r.skipped.append((line.slot + 1, reason, noise_text(line.text)))
        self._blank()

    def _blank(self) -> None:
        self.prev, self.prev_text = "blank", ""

    def _write(self, line: _Line, text: str, kind: str) -> None:
        if kind == "wrap":
            # the words go on the line they continue: the pipeline reads a line break inside
            # a note or an item as a sentence's end ("… all three" / "As (…)": "three. As")
            self.r.out[self.note] += " " + line.text.strip()
            self.r.written.append(_Line(self.note, 1, line.text))  # (a correction drops it all)
            self.prev_text = line.text
            return
        self.r.put(line, text)
        if kind in ("text", "item", "cont"):
            self.note = line.slot
            self.r.written.append(line)
        self.prev, self.prev_text = kind, line.text
        if kind == "head":
            self.in_item = False
        elif kind != "blank":
            self.in_item = kind == "item" or (self.in_item and kind == "cont")

    def _line(self, body: list[_Line], n: int) -> int:
        """Read the line at n (and the lines that go with it); the next line to read."""
        line = body[n]
        text = line.text
        stripped = text.strip()
        if self.fence or FENCE.match(text):
            if FENCE.match(text):
                self.fence = not self.fence
            self._write(line, text, "other")
            return n + 1
        if _quoted(text):
            end = n
            while end < len(body) and _quoted(body[end].text):
                end += 1
            self._quote(body[n:end], _corrects(body, n, end))
            return end
        if not stripped:
            self._write(line, "", "blank")
            return n + 1
        attribution = _attribution(body, n)
        if attribution:
            self.signature = False
            for k in range(n, n + attribution):
                self._skip(body[k], "reply attribution")
            self._reset(line.slot)
            return n + attribution
        forward = self._forward(body, n)
        if forward > n:
            return forward
        if self.signature:
            self._skip(line, "signature")
            return n + 1
        if text.rstrip() == "--" and (text.startswith("-- ") or _short_tail(body, n)):
            self.signature = True
            self._skip(line, "signature")
            return n + 1
        if _SENT_FROM.match(text):
            self._skip(line, "sent-from line")
            return n + 1
        greeted, self.greeted = self.greeted, True
        if not greeted and _GREETING.match(text) and len(stripped.split()) <= MAX_GREETING_WORDS:
            self._skip(line, "greeting")
            return n + 1
        if _CLOSING.match(text) or _is_name(stripped, self.sender):
            self._skip(line, "sign-off")
            return n + 1
        return self._markdown(body, n)

    def _reset(self, slot: int) -> None:
        """An inline reply after a quote: the body's own heading above is no title of it."""
        r = self.r
        if r.sub_open and r.subject:
            r.out[slot] = "# " + _heading_text(r.subject)
            r.sub_open = False

    def _quote(self, run: list[_Line], corrected: bool) -> None:
        """Quoted lines: those said earlier in the file skipped (and where they were said,
        when the reply says they are wrong), the rest read one level deeper (a quote inside
        them is looked at again)."""
        kept: list[_Line] = []
        for k, line in enumerate(run):
            words = _unquoted(line.text)
            if not words.strip() or self.r.said.has(words):
                self._read_kept(kept)
                kept = []
                self._skip(line, "quoted text said above")
                if corrected:
                    self.r.correct(words)
                if k == 0:
                    self._reset(line.slot)
            else:
                inner = _unquoted(line.text) if self.depth >= MAX_DEPTH else _one_level(line.text)
                kept.append(_Line(line.slot, line.span, inner, line.more))
        self._read_kept(kept)
        self._blank()
        self.in_item = False
        self.signature = False  # a signature ends where the message quoted starts

    def _read_kept(self, kept: list[_Line]) -> None:
        if kept:
            _Body(self.r, self.flowed, set(), self.depth + 1).read(kept)

    def _forward(self, body: list[_Line], n: int) -> int:
        """A forwarded (or quoted original) message's header block at n skipped, its subject a
        heading; the line after it, or n for none."""
        opening = _FORWARD_LINE.match(body[n].text) is not None
        if not opening:
            first = _FORWARD_FIELD.match(body[n].text)
            if first is None or first.group("name").lower() != "from":
                return n  # a bare block opens with its From:
        k = n + 1 if opening else n
        if opening and k < len(body) and not body[k].text.strip():
            k += 1  # Apple Mail's blank line after "Begin forwarded message:"
        fields: dict[str, tuple[int, str]] = {}
        last = ""
        while k < len(body) and body[k].text.strip() and k - n < MAX_FORWARD_LINES:
            m = _FORWARD_FIELD.match(body[k].text)
            if m is not None:
                last = m.group("name").lower()
                fields.setdefault(last, (k, m.group("value").strip()))
            elif not (last in ("to", "cc", "bcc") and "@" in body[k].text):
                break  # (a long To: or Cc: wraps onto a line of more addresses)
            k += 1
        bare = (
            len(fields) >= MIN_BARE_FORWARD_FIELDS
            and "from" in fields
            and ("date" in fields or "sent" in fields)
        )
        if not fields and (not opening or body[n].text.strip()[:1] == "_"):
            return n  # a rule of "_" alone is no forwarded message's
        if not (opening or bare):
            return n
        if not fields:
            k = n + 1
        subject_at, subject = fields.get("subject", (-1, ""))
        for j in range(n, k):
            if j == subject_at and self.r.subject_heading(body[j].slot, _subject(subject)):
                continue
            if body[j].text.strip():
                self.r.skipped.append(
                    (body[j].slot + 1, "forwarded message header", noise_text(body[j].text))
                )
        if "from" in fields:
            self.sender = _names(fields["from"][1])
        self.greeted = self.depth > 0
        self.signature = False
        self._blank()
        self.in_item = False
        return k

    def _markdown(self, body: list[_Line], n: int) -> int:
        """A line of the body's own words as the Markdown it stands for."""
        line = body[n]
        text = line.text.rstrip("\r")
        after = body[n + 1].text if n + 1 < len(body) else ""
        if _is_rule(text):
            self._skip(line, "rule line")
            return n + 1
        title = _banner(text)
        if title is None and self.prev == "blank" and after.strip():
            if _is_rule(after) and after.strip()[0] in "=-" and _title_line(text):
                title = text.strip().rstrip(":：")
            elif not _quoted(after) and _caps_title(text):
                title = text.strip().rstrip(":：").strip()
        if title is not None:
            self._write(line, "## " + _heading_text(title), "head")
            self.r.sub_open = True
            return n + 1
        if _ATX.match(text):
            self._write(line, text, "head")
            self.r.sub_open = True
            return n + 1
        task = _TASK.match(text)
        if task is not None:
            self._write(line, f"- [{task.group('box')}]" + text[task.end() :], "item")
            return n + 1
        bullet = _BULLET.match(text)
        if bullet is not None:
            text = bullet.group("indent") + "-" + text[bullet.end() :]
        if _ITEM.match(text):
            self.item_indent = len(text) - len(text.lstrip())
            self._write(line, text, "item")
            return n + 1
        if _TABLE_ROW.match(text):
            self._write(line, text, "other")
            return n + 1
        indent = len(text) - len(text.lstrip())
        words = text.strip()
        if self.prev in ("item", "cont"):
            # a line indented past the item's marker is more of it; one that is not goes on
            # with it only when the item was typed from the line's start and wrapped there
            if self._wrapped(words) and (indent > self.item_indent or not self.item_indent):
                self._write(line, text, "wrap")
            elif indent > self.item_indent:
                self._write(line, text, "cont")  # a line of the item's own
            else:
                self.item_indent = 0
                self._write(line, "- " + words, "item")  # CommonMark would go on with the item
        elif self.prev == "text" and self.note >= 0 and self._wrapped(words):
            self._write(line, text, "wrap")  # the note above goes on
        elif self.prev == "blank" and self.in_item and indent >= 2:
            self._write(line, text, "cont")  # a paragraph of the item above
        else:
            self._write(line, LINE_NOTE + words, "text")
        return n + 1

    def _wrapped(self, words: str) -> bool:
        """The line above was broken before these words: the first would not have fit on it
        (or format=flowed ended it with a space), and they do not open a note of their own."""
        prev = self.prev_text
        if self.flowed:
            return prev.endswith(" ") and prev.strip() != "--"
        width = self.width
        if width < MIN_WRAP:
            return False
        if prev.count("(") > prev.count(")") and _closes(words):
            return True  # "… (doesn’t" / "matter how many there are)", however short
        used = len(prev.rstrip())
        if used > width or used + 1 + len(words.split()[0]) <= width:
            return False
        return _goes_on(prev.strip(), words)


def _goes_on(prev: str, words: str) -> bool:
    """Words right under a line as long as the body's lines go on with it, unless they open
    a note of their own: they open with a capital or a number (and the line above did not
    stop mid-phrase), with a label, or both lines are notes of one shape ("encrypt … -> THEIR
    public key" / "sign … -> MY private key", "RTO = …" / "MTBF = …"). A line left open (a
    comma, an operator, a bracket) always goes on, and so do words that close a bracket
    opened above ("… you lose" / "RAM). eradication = …")."""
    if prev.endswith(_OPEN_ENDS) or prev.count("(") > prev.count(")"):
        return True
    if _closes(words):
        return True
    if words[:1].isupper() or words[:1].isdigit():
        # a capital or a number opens a note ("OSPF has …", "53 DNS …") unless the line above
        # stopped in the middle of a phrase ("… designed by" / "Cisco in 1990")
        last = prev.rsplit(None, 1)[-1].lower() if prev else ""
        return last in _MID_PHRASE
    if _LABEL.match(words):
        return False  # "risk responses: accept, avoid, …": a labelled note of its own
    return not any(mark in prev and mark in words for mark in _NOTE_MARKS)


def _corrects(body: list[_Line], start: int, end: int) -> bool:
    """The reply says the quote from start to end is wrong: in the paragraph it introduces the
    quote with (ending with ":", an attribution line between) or the one right under it."""
    before: list[str] = []
    n = start - 1
    while n >= 0 and (not body[n].text.strip() or _ends_wrote(body[n].text.strip())):
        n -= 1
    while n >= 0 and body[n].text.strip() and not _quoted(body[n].text) and len(before) < 10:
        before.insert(0, body[n].text.strip())
        n -= 1
    after: list[str] = []
    n = end
    while n < len(body) and not body[n].text.strip():
        n += 1
    while n < len(body) and body[n].text.strip() and not _quoted(body[n].text) and len(after) < 10:
        after.append(body[n].text.strip())
        n += 1
    said = " ".join(after)
    if before and before[-1].endswith((":", "：")):
        said = " ".join(before) + " " + said
    return _CORRECTION.search(said) is not None


def _closes(words: str) -> bool:
    """The words close a bracket they did not open ("RAM). eradication = …")."""
    close = words.find(")")
    return close >= 0 and not 0 <= words.find("(") < close


def _quoted(text: str) -> bool:
    return text.lstrip(" ")[:1] == ">"


def _unquoted(text: str) -> str:
    """A line's words without any level of quote marks."""
    i = 0
    while i < len(text) and text[i] in "> \t":
        i += 1
    return text[i:]


def _one_level(text: str) -> str:
    """A quoted line one level out: its first ">" and the space after it gone."""
    rest = text.lstrip(" ")[1:]
    return rest[1:] if rest[:1] == " " else rest


def _attribution(body: list[_Line], n: int) -> int:
    """The lines (one or two) of a reply's "On …, Alice <a@b> wrote:" at n, or 0."""
    text = body[n].text.strip()
    if len(text) > MAX_ATTRIBUTION:
        return 0
    nxt = body[n + 1].text.strip() if n + 1 < len(body) else ""
    opens = text.lower().startswith(_ATTRIBUTION_OPENINGS)
    if _ends_wrote(text):
        quote_next = any(_quoted(b.text) for b in body[n + 1 : n + 3])
        return 1 if opens or "@" in text or quote_next else 0
    if opens and nxt and len(text) + len(nxt) <= MAX_ATTRIBUTION and _ends_wrote(nxt):
        return 2  # wrapped by the mail app: "On Tue, … Alice Moreno <" / "a@b> wrote:"
    return 0


def _ends_wrote(text: str) -> bool:
    if not text.endswith((":", "：")):
        return False
    return text[:-1].rstrip().lower().endswith(_WROTE)


def _short_tail(body: list[_Line], n: int) -> bool:
    """Few lines follow a bare "--" before the part ends or a quote starts: a signature's."""
    count = 0
    for line in body[n + 1 :]:
        if _quoted(line.text) or _ends_wrote(line.text.strip()):
            break
        count += bool(line.text.strip())
        if count > 6:
            return False
    return True


def _names(value: str) -> set[str]:
    """The sender's names a sign-off writes: "Alice Moreno <a@b>" → "alice moreno", "alice"."""
    name = value.split("<", 1)[0].strip().strip("\"'").strip()
    if not name or "@" in name:
        return set()
    words = name.lower().split()
    return {" ".join(words), words[0]}


def _is_name(text: str, names: set[str]) -> bool:
    """The line only signs the message: the sender's name, or first name and an initial."""
    if not names:
        return False
    words = text.strip("-~—–, .!").lower().split()
    if not words or len(words) > 3:
        return False
    if " ".join(words) in names:
        return True
    return len(words) == 2 and words[0] in names and len(words[1].strip(".")) <= 1


def _is_rule(text: str) -> bool:
    s = text.strip()
    return len(s) >= MIN_RULE and s[0] in _RULE_MARKS and s.count(s[0]) == len(s)


def _banner(text: str) -> str | None:
    """A banner's title: "=== PORTS ===", "*** CRYPTO ***" (a run of one mark each side)."""
    s = text.strip()
    if not s or s[0] not in _BANNER_MARKS or s[-1] != s[0]:
        return None
    mark = s[0]
    left = len(s) - len(s.lstrip(mark))
    right = len(s) - len(s.rstrip(mark))
    title = s[left : len(s) - right].strip()
    if left < _BANNER_MARKS[mark] or right < _BANNER_MARKS[mark] or not title:
        return None
    if len(title) > MAX_TITLE or not any(c.isalpha() for c in title):
        return None
    return title


def _title_line(text: str) -> bool:
    """A short line with no sentence's end: a title underlined."""
    s = text.strip()
    return (
        0 < len(s) <= MAX_TITLE and not s.endswith((".", ",", ";")) and any(c.isalpha() for c in s)
    )


def _caps_title(text: str) -> bool:
    """A line in capitals but for an aside in brackets ("FRAMEWORKS", "RISK MATH (they WILL
    give you numbers)"): a title over the lines under it."""
    s = text.strip().rstrip(":：").strip()
    if not s or len(s) > MAX_TITLE or s.endswith((".", ",", ";", "!", "?")) or _ITEM.match(s):
        return False
    core = []
    depth = 0
    for c in s:
        depth += c == "("
        if not depth:
            core.append(c)
        depth -= c == ")" and depth > 0
    outside = "".join(core)
    letters = [c for c in outside if c.isalpha()]
    if len(letters) < MIN_RULE or not all(c.isupper() for c in letters):
        return False
    return not any(c in outside for c in "=<>|") and len(outside.split()) <= MAX_CAPS_WORDS


def _heading_text(text: str) -> str:
    text = escaped(" ".join(text.split()))
    return text + "\\" if text.endswith("#") else text


def _subject(value: str) -> str:
    """A subject as its heading says it: decoded, without its reply and forward marks."""
    text = " ".join(_decoded_header(value[: MAX_SUBJECT * 4]).split())
    for _ in range(MAX_SUBJECT_MARKS):
        m = _SUBJECT_MARK.match(text)
        if m is None or m.end() == 0:
            break
        text = text[m.end() :]
    return text.strip()[:MAX_SUBJECT]


def _decoded_header(value: str) -> str:
    """A header's encoded words (RFC 2047) as their text; one that does not decode stays."""
    return _ENCODED_WORD.sub(_encoded_word, _BETWEEN_WORDS.sub("", value))


def _encoded_word(m: re.Match[str]) -> str:
    text = m.group("text")
    try:
        if m.group("enc") in "Qq":
            raw = _qp_bytes(text.replace("_", " "))
        else:
            raw = binascii.a2b_base64(text + "=" * (-len(text) % 4))
    except binascii.Error:
        return m.group()
    return _decode(raw, m.group("charset"))


def _content_type(value: str) -> tuple[str, dict[str, str]]:
    """A Content-Type's type and its parameters ("boundary", "charset", "format")."""
    kind, _, rest = value.partition(";")
    params: dict[str, str] = {}
    for part in rest.split(";")[:20]:
        key, eq, val = part.partition("=")
        if eq:
            params.setdefault(key.strip().lower(), val.strip().strip('"').strip("'"))
    return kind.strip().lower(), params


def _decode(raw: bytes, charset: str) -> str:
    name = charset.strip().strip('"').lower() or "utf-8"
    if name in ("us-ascii", "ascii", "7bit"):
        name = "utf-8"  # its superset: a byte past ASCII is a UTF-8 one far more often
    try:
        return raw.decode(codecs.lookup(name).name, errors="replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return raw.decode("utf-8", errors="replace")


def _qp_bytes(text: str) -> bytes:
    """Quoted-printable text as its bytes: "=E2=80=99" one character, "=" alone an "="."""
    out = bytearray()
    i = 0
    while i < len(text):
        j = text.find("=", i)
        if j < 0:
            out += text[i:].encode("utf-8", errors="replace")
            break
        out += text[i:j].encode("utf-8", errors="replace")
        pair = text[j + 1 : j + 3]
        if len(pair) == 2 and all(c in string.hexdigits for c in pair):
            out.append(int(pair, 16))
            i = j + 3
        else:
            out.append(ord("="))
            i = j + 1
    return bytes(out)


def _quoted_printable(lines: list[str], start: int, end: int, charset: str) -> list[_Line]:
    """A quoted-printable body's lines decoded: a line a soft break ("=" at its end) goes on
    from is one line, on the first of the lines it was written on."""
    out: list[_Line] = []
    n = start
    while n < end:
        first = n
        raw = bytearray()
        while True:
            text = lines[n].rstrip(" \t")  # trailing spaces are the transport's padding
            soft = text.endswith("=")
            raw += _qp_bytes(text[:-1] if soft else text)
            n += 1
            if not soft or n >= end or n - first >= MAX_SOFT_BREAKS:
                break
        out.append(_Line(first, n - first, _decode(bytes(raw), charset)))
    return out


def _base64(lines: list[str], start: int, end: int, charset: str) -> list[_Line] | None:
    """A base64 body's decoded lines, a line each of the body's lines (the last ones after the
    last line's text); None when it does not decode."""
    try:
        raw = binascii.a2b_base64("".join(line.strip() for line in lines[start:end]))
    except binascii.Error:
        return None
    decoded = _decode(raw, charset).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if start >= end:
        return []
    out = [_Line(start + n, 1, text) for n, text in enumerate(decoded[: end - start])]
    out += [_Line(end - 1, 1, text, more=True) for text in decoded[end - start :]]
    return out
