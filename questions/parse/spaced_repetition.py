"""Notes written for Obsidian's Spaced Repetition plugin: read as the cards they hold.

The plugin files a note under a deck tag ("#flashcards/az204"), keeps a card on one line
("Front::Back", reversible "Front:::Back") or over a few (front lines, "?" alone on a line
("??" when reversible), back lines) and writes each card's schedule after it
("<!--SR:!2025-12-18,21,270-->", a "!date,interval,ease" group per cloze). Read as Markdown,
cards kept one a line ran into one paragraph, two cards in one stem ("… default 90; purge
protection can't be turned off once enabled App Service Key Vault reference syntax::…"), the
separators stood in the stems and a multi-line card's "?" joined its front to its back.

Here each one-line card is an item of its own, read as its notes mean it: a question with its
answer is a flashcard ("Q: Where is … set? A: host.json", read by questions/parse/flashcards.py),
any other front is the term its back describes ("**LRS**: 3 copies in one datacenter, …",
"**Lowest App Service tier with autoscale**: Standard …": asked as the generator asks a
glossary, which asked these best of the shapes tried). A line kept beside cards (a cloze,
"Max instances: Standard ==10== …") is an item of its own too. A multi-line card's front is
the line leading into its back, whose lines are items (a bullet of their own, so that the
cards after them are a list of their own); its "?" line, the schedules left alone on their
line and the deck tag line are skipped.

Only a file with the plugin's marks (a "#flashcards" deck tag or a schedule outside code, or
three card lines) is read so. "::" in code is no separator: not in a code block or span, not
in a name of code ("std::move", "Foo::bar()", "Namespace::Class"), not in an IPv6 address
("fe80::1"). Each line stays on its line.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

#: a fence opening or closing a code block
_FENCE = re.compile(r"^ {0,3}(?P<run>`{3,}|~{3,})")
#: the plugin's schedule of a card: "<!--SR:!2025-12-18,21,270-->", one "!date,interval,ease"
#: group per cloze (older versions wrote no "!")
_SCHEDULE = re.compile(r"<!--SR:[!\d,\- ]*-->")
#: a deck tag: "#flashcards", "#flashcards/az204/compute"
_DECK = re.compile(r"(?<!\S)#flashcards(?:/[\w/-]*)?(?!\S)", re.IGNORECASE)
#: the deck in the front matter: "tags: [flashcards/az204]", "  - flashcards"
_FRONT_MATTER_DECK = re.compile(
    r"^\s*(?:tags\s*:\s*\[?[^\n]{0,200}?|-\s+)#?flashcards(?:/[\w/-]*)?\b", re.IGNORECASE
)
#: a line of tags only
_TAGS_ONLY = re.compile(r"^\s*#[^\s#][\w/-]*(?:[ \t]+#[^\s#][\w/-]*)*\s*$")
#: a multi-line card's separator: "?" (or "??" when reversible) alone on its line
_MULTI = re.compile(r"^[ \t]*\?\??[ \t]*$")
#: a run of colons: two or three are a card's separator, more are none
_COLONS = re.compile(r":{2,}")
_BACKTICKS = re.compile(r"`+")
#: a list item's marker, kept as it was
_ITEM = re.compile(r"^(?P<indent> {0,3})(?P<marker>[-*+]|\d{1,9}[.)])(?: +|$)")
_BULLET = re.compile(r"^(?P<indent> {0,3})[-*+](?P<rest> .*)$")
#: what no card line is: a heading, a table row, a quote, an indented code line, HTML
_NO_CARD = re.compile(r"^(?: {0,3}(?:#{1,6}(?:[ \t]|$)|\||>|<)| {4,}|\t)")
#: what no list holds: a heading, a table row
_UNLISTED = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|\|)")
#: an IPv6 address ("fe80::1", "2001:db8::/32", "fd00::"): no card
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}\b|/|\s|$)")
#: an IPv6 address opening with "::" ("::1", "::/0")
_IPV6_OPEN = re.compile(r"(?<!\S)::(?:[0-9A-Fa-f]{1,4}\b|/)")
#: a cast in SQL written in prose ("now()::date", "'42'::int"): a value glued to a type's name
_CAST = re.compile(r"^[a-z_]\w*(?:\[\])?$")
#: namespaces code writes before "::" ("std::move", "boost::asio", "Vec::new")
_NAMESPACES = frozenset(
    {"std", "boost", "absl", "fmt", "folly", "qt", "cv", "tokio", "serde", "crate", "self",
     "super", "core", "alloc", "io", "fs", "os", "mem", "ptr", "sync", "thread", "ranges",
     "chrono", "views", "detail", "internal", "impl", "vec", "string", "hashmap", "box",
     "option", "result", "iter", "rc", "arc", "env", "process", "net", "llvm", "clang",
     "eigen", "glm", "sf", "sdl", "torch", "at", "c10", "tf", "grpc", "google", "proto"}
)  # fmt: skip
#: a name of code around "::": "Foo::bar(", "Vec::<u8>", "std::vector<int>"
_CODE_PATH = re.compile(
    r"(?P<left>[A-Za-z_][\w.]*)::(?P<right>[A-Za-z_~<]\w*)(?P<call>[(<\[{;&*])?"
)
#: a name written as code is: camelCase inside ("HashMap", "MyType") or snake_case
_CODE_NAME = re.compile(r"^(?:[A-Za-z]\w*[a-z0-9][A-Z]\w*|\w+_\w*)$")
#: "status:: done": a property (Dataview, Logseq, Roam) of one word, no card to claim a file by
_PROPERTY = re.compile(r"^[\w-]+::[ \t]")
#: what an Anki export writes with "::": a cloze ("{{c1::maxSurge}}"), a line of nested tags
#: ("Tags: ckad::workloads")
_ANKI = re.compile(r"\{\{c\d+::|^(?:tags?|标签)\s*[:：]", re.IGNORECASE)
#: the reasons lines are skipped
SCHEDULE = "review schedule"
DECK = "deck tag"
SEPARATOR = "card separator"
MIN_CARDS = 3


def _masked(text: str) -> str:
    """The text with its code spans blanked (backticks for their characters): no separator is
    read inside them. A run of backticks opens a span closed by the next run of its length."""
    if "`" not in text:
        return text
    runs = list(_BACKTICKS.finditer(text))
    by_length: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(runs):
        by_length[len(m.group(0))].append(i)
    out: list[str] = []
    pos, i = 0, 0
    while i < len(runs):
        opener = runs[i]
        same = by_length[len(opener.group(0))]
        k = bisect.bisect_right(same, i)
        if k == len(same):
            i += 1  # no closer: literal backticks
            continue
        closer = runs[same[k]]
        out.append(text[pos : opener.start()])
        out.append("`" * (closer.end() - opener.start()))
        pos, i = closer.end(), same[k] + 1
    out.append(text[pos:])
    return "".join(out)


def _body(line: str) -> tuple[str, str]:
    """The line's list marker (with its indent and space) and the text after it."""
    m = _ITEM.match(line)
    return (line[: m.end()], line[m.end() :]) if m else ("", line)


def card_parts(line: str) -> tuple[str, str, str] | None:
    """A one-line card's (front, separator, back), its list marker and its schedule left out;
    None for a line that is no card ("std::vector<int>", "fe80::1", "Namespace::Class")."""
    if "::" not in line or _NO_CARD.match(line):
        return None
    text = _body(line)[1]
    text = _SCHEDULE.sub("", text).strip() if "<!--SR:" in text else text.strip()
    masked = _masked(text)
    if _ANKI.search(masked):
        return None  # an Anki cloze, an Anki note's tags
    runs = list(_COLONS.finditer(masked))
    if len(runs) != 1 or len(runs[0].group(0)) > 3:
        return None  # "std::chrono::seconds", a Bear underline "::words::", a divider
    sep = runs[0]
    front, back = text[: sep.start()].strip(), text[sep.end() :].strip()
    if not front or not back or _ipv6(masked):
        return None
    if sep.group(0) == "::" and _code_name(masked, sep.start(), front, back):
        return None
    return front, sep.group(0), back


def _ipv6(text: str) -> bool:
    """An IPv6 address in the text: hex groups before "::", a digit among them ("fe80::1";
    "DB::5" is a card's front and back)."""
    if _IPV6_OPEN.search(text):
        return True  # "loopback is ::1"
    return any(any(c.isdigit() for c in m.group(0).split("::")[0]) for m in _IPV6.finditer(text))


def _code_name(masked: str, at: int, front: str, back: str) -> bool:
    """The separator at `at` joins a name of code ("std::move", "Foo::bar()", "Call
    MyType::build", "Namespace::Class"), not a card's front and back."""
    if at and masked[at - 1] in ")'\"]" and _CAST.match(back):
        return True  # "now()::date", "'{}'::jsonb": a cast
    if at == 0 or not (masked[at - 1].isalnum() or masked[at - 1] == "_"):
        return False  # "… set?::host.json", "… (CLI, IoT)::device code flow"
    start = at
    while start > 0 and (masked[start - 1].isalnum() or masked[start - 1] in "_."):
        start -= 1
    m = _CODE_PATH.match(masked, start)
    if m is None or m.end("left") != at:
        return False  # "Redis TLS port::6380"
    left, right = m.group("left"), m.group("right")
    if left.lower() in _NAMESPACES or m.group("call") or right.startswith("<"):
        return True  # "std::move", "Foo::bar()", "Vec::<u8>"
    if _CODE_NAME.match(left) and right[:1].islower():
        return True  # "MyType::build", "my_mod::helper"
    # "Namespace::Class", "ActiveRecord::Base is …": one name glued to a name
    return " " not in front and not back[:1].isdigit()


def card_text(front: str, back: str) -> str:
    """A one-line card as its notes mean it: a question with its answer a flashcard, any other
    front the term its back describes."""
    if front.endswith(("?", "？")):
        return f"Q: {front} A: {back}"
    if "*" in front or "==" in front or front.startswith("`") or front.endswith((":", "：")):
        return f"{front.rstrip(':：')}: {back}"  # marked already: "`host.json`", "**x** y"
    return f"**{front}**: {back}"


def is_spaced_repetition(lines: list[str]) -> bool:
    """A deck tag or a schedule outside code, or three card lines (a property of one word,
    "status:: done", is none: Dataview, Logseq and Roam write those)."""
    if any(_FRONT_MATTER_DECK.match(line) for line in lines[1 : _front_matter_end(lines)]):
        return True  # "tags: [flashcards/az204]" in the front matter
    cards = 0
    for line, code in zip(lines, _code_lines(lines), strict=True):
        if code:
            continue
        if "#" in line and _DECK.search(_masked(line)):
            return True
        if "<!--SR:" in line and _SCHEDULE.search(line):
            return True
        if "::" in line and not _PROPERTY.match(_body(line)[1].lstrip()) and card_parts(line):
            cards += 1
            if cards >= MIN_CARDS:
                return True
    return False


def _code_lines(lines: list[str]) -> list[bool]:
    """Which lines are in a fenced code block (its fences too) or the front matter."""
    start = _front_matter_end(lines)
    code = [n < start for n in range(len(lines))]
    fence = ""
    for n in range(start, len(lines)):
        line = lines[n]
        if fence:
            code[n] = True
            closing = line.strip()
            if closing.startswith(fence) and not closing.strip(fence[0]):
                fence = ""
            continue
        m = _FENCE.match(line)
        if m is not None:
            code[n] = True
            fence = m.group("run")
    return code


def _front_matter_end(lines: list[str]) -> int:
    """The number of lines the front matter takes (its fences too), 0 for none."""
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((n for n in range(1, len(lines)) if lines[n].strip() in ("---", "...")), 0)
    return end + 1 if end else 0


def spaced_repetition_as_markdown(
    lines: list[str],
) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown, and the schedules, deck tags and "?" lines skipped as (line
    number, reason, text); the lines as they were for a file that is no such deck."""
    if not is_spaced_repetition(lines):
        return lines, []
    code = _code_lines(lines)
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    done = [False] * len(lines)
    for n, line in enumerate(lines):
        if not code[n] and _MULTI.match(line):
            _multi_line_card(lines, code, n, out, done, skipped)
    holds = _runs_with_cards(lines, code, done)
    for n, line in enumerate(lines):
        text = line.strip()
        if code[n] or done[n] or not text:
            continue
        if _TAGS_ONLY.match(line) and _DECK.search(line):
            out[n] = ""
            skipped.append((n + 1, DECK, text))
            continue
        plain = _SCHEDULE.sub("", line).rstrip() if "<!--SR:" in line else line
        if not plain.strip():
            out[n] = ""
            skipped.append((n + 1, SCHEDULE, text))
            continue
        parts = card_parts(plain) if holds[n] else None
        if parts is not None:
            front, _, back = parts
            out[n] = _as_item(plain, card_text(front, back))
        elif holds[n] and not _NO_CARD.match(plain):
            # a line kept among cards (a cloze card, a note): an item of its own
            out[n] = _as_item(plain, _body(plain)[1].strip())
        else:
            out[n] = plain
    return out, skipped


def _runs_with_cards(lines: list[str], code: list[bool], done: list[bool]) -> list[bool]:
    """Which lines are in a run of lines (a paragraph, a list) that holds a one-line card."""
    holds = [False] * len(lines)
    start = 0
    for n in range(len(lines) + 1):
        if n < len(lines) and lines[n].strip() and not code[n] and not done[n]:
            continue
        if any(card_parts(lines[k]) for k in range(start, n)):
            holds[start:n] = [True] * (n - start)
        start = n + 1
    return holds


def _as_item(line: str, body: str) -> str:
    """The line as a list item saying `body`: its own marker kept, "+ " when it had none (a
    list of cards of its own: a "-" list of notes above it, a blank line between, is not
    joined by it)."""
    marker = _body(line)[0]
    return f"{marker.rstrip()} {body}" if marker else f"+ {body}"


def _multi_line_card(
    lines: list[str],
    code: list[bool],
    at: int,
    out: list[str],
    done: list[bool],
    skipped: list[tuple[int, str, str]],
) -> None:
    """A card over several lines: the front lines over the "?" at `at`, the back lines under
    it up to a blank line or its schedule. The front leads into its back (a colon closes a
    front that asks nothing), whose lines are "*" items: a list of their own, which the cards
    after them, "+" items, do not join. A back holding code, a heading or a table is left as
    it is."""
    if done[at]:
        return  # in the back of the card above
    first = at
    while first > 0 and lines[first - 1].strip() and not code[first - 1]:
        above = lines[first - 1]
        if done[first - 1] or "<!--SR:" in above or _NO_CARD.match(above) or card_parts(above):
            break
        first -= 1
    if first == at:
        return  # no front: a "?" of its own
    last = at
    while last + 1 < len(lines) and lines[last + 1].strip() and not code[last + 1]:
        last += 1
        if "<!--SR:" in lines[last]:
            break
    back = range(at + 1, last + 1)
    listed = not any(_UNLISTED.match(lines[n]) for n in back) and not (
        last + 1 < len(lines) and code[last + 1]
    )
    skipped.append((at + 1, SEPARATOR, lines[at].strip()))
    out[at] = ""
    done[first : last + 1] = [True] * (last + 1 - first)
    if listed:
        front = lines[at - 1].rstrip()
        if not front.endswith(("?", "？", ":", "：")):
            out[at - 1] = f"{front}:"
        if first and lines[first - 1].strip():  # under a line of its own: no lazy continuation
            out[first] = f"+ {_body(out[first])[1].strip()}"
    for n in back:
        line = lines[n]
        plain = _SCHEDULE.sub("", line).rstrip() if "<!--SR:" in line else line
        if not plain.strip():
            out[n] = ""
            skipped.append((n + 1, SCHEDULE, line.strip()))
        elif not listed:
            out[n] = plain
        elif (bullet := _BULLET.match(plain)) is not None:
            out[n] = f"{bullet.group('indent')}*{bullet.group('rest')}"
        elif _ITEM.match(plain) or plain.startswith(" "):
            out[n] = plain  # a numbered item, or a line under an item
        else:
            out[n] = f"* {plain.strip()}"


__all__ = ["card_parts", "card_text", "is_spaced_repetition", "spaced_repetition_as_markdown"]
