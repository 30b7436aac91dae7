"""An Amazon Kindle's "My Clippings.txt": one clipping after another, each closed by a line of
ten "=", each its book's title line ("Title (Author)"), a line of what it is and where and when
("- Your Highlight on page 12 | Location 180-182 | Added on Tuesday, March 4, 2025 9:14:02 PM";
"- 您在位置 #180-182的标注 | 添加于 …" in a Chinese Kindle), a blank line, and the clipped words.

Read as Markdown, each "==========" underlined the clipping above as a heading (every section
was named by a highlight) and each detail line was a sentence whose page and date were asked
("Your Highlight on page ___"). Here:

- the separators are blank lines, each clipping its own paragraph (nothing glued to the next);
- a book's title line is a heading where the book changes (Kindle files clippings by date, so a
  book read again after another is headed again, or its clippings would fall under the other);
  its author is dropped (a topic names the book), a file name's dashes and underscores
  ("AWS-Certified_Exam-Guide") are spaces; the title repeated over its other clippings is noise;
- the detail lines, bookmarks (no words) and Kindle's "<You have reached the clipping limit for
  this item>" are noise;
- a highlight Kindle kept when the reader extended it (another of the same book from the same
  location holds its words) or highlighted again (the same words) is noise: the fact is asked
  once, from the longest;
- a note ("Your Note") is the reader's own words: kept as written, its own paragraph (a blank
  separator line above and below, so it never reads as more of the highlight it is about);
- the clipped words are escaped where Markdown would read them as its own (a book's "# of
  shards" or "1. Introduction" is text); a clipping over several lines (paragraphs of the book,
  lines the reader typed) is stamped as notes each of its own line (chat.LINE_NOTE).

Only a file of separator-closed clippings whose second line is such a detail line ("-", "|")
is read so: two of them, most of the file's; or a single one whose detail line names its kind.
Every line keeps its number; the work is one pass over the lines and bounded comparisons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from questions.parse.chat import LINE_NOTE
from questions.parse.xhtml_text import escaped, noise_text

Skipped = tuple[int, str, str]  # (line number, reason, text)

#: the line that closes each clipping
SEPARATOR = "=" * 10
#: a clipping's detail line: a dash, what and where, a bar before when ("- Your Highlight on
#: page 12 | Location 180-182 | Added on …", "- 12ページ|位置No. 180-182のハイライト |作成日: …")
_DETAILS = re.compile(r"^-\s?[^|\n]{1,300}\|")
#: the kind of a clipping as its detail line names it, in Kindle's languages
_BOOKMARK = re.compile(
    r"(?i:\bbookmark|\blesezeichen|\bsignet\b|\bmarcador\b|\bsegnalibro\b|\bbladwijzer\b)"
    r"|书签|書籤|ブックマーク"
)
_NOTE = re.compile(r"(?i:\b(?:note|notiz|nota|notitie)\b)|笔记|筆記|メモ")
_HIGHLIGHT = re.compile(
    r"(?i:\bhighlight|\bmarkierung\b|\bsurlignement\b|\bsubrayado\b|\bevidenziazione\b"
    r"|\bdestaque\b|\bmarkering\b)|标注|標註|標注|ハイライト"
)
#: where a clipping starts: its location ("Location 180-182", "Loc. 180-82", "位置 #180",
#: "位置No. 180", "Position 180"), else its page ("page 12", "Seite xii", "第 12 页", "12ページ")
_LOCATION = re.compile(
    r"(?i:location|loc\.|position|emplacement|posici[oó]n|posizione|posição|locatie|位置)"
    r"\s{0,3}(?:No\.|#)?\s{0,3}(\d{1,9})"
)
_PAGE = re.compile(
    r"(?i:\b(?:page|seite|p[aá]gina)\s{1,3}([0-9ivxlcdm]{1,12})\b)"
    r"|第\s{0,3}(\d{1,9})\s{0,3}[页頁]|(\d{1,9})\s{0,3}ページ"
)
#: Kindle's notice in place of words past the publisher's limit; an HTML tag has "=", "/" or
#: quotes, and no spaces nor other scripts' letters in a bare one
_LIMIT = re.compile(r"^<[^<>=/\"']{8,300}>$")
#: a title that is a file's name: "AWS-Certified-Developer-Associate_Exam-Guide.pdf"
_FILE_EXTENSION = re.compile(r"\.(?:pdf|epub|mobi|azw3?|docx?|txt|html?)$", re.I)
_NAME_PARTS = re.compile(r"[_-]+")
#: a line Markdown reads as a block of its own: a heading, quote, list item, rule, table row,
#: fence, setext underline
_BLOCK_START = re.compile(r"^(?:[#>+=|~:-]|\d{1,9}[.)](?:\s|$))")
#: a detail line's characters read
_MAX_DETAILS = 500
#: clippings of one book from one location compared with each other
_MAX_SAME_PLACE = 64
#: characters of a clipping's words compared
_MAX_COMPARED = 20_000
#: share of a file's non-blank chunks that must be clippings
SHARE = 0.8
#: why a highlight a longer one holds is skipped, by whether the longer one came later
_EXTENDED = {True: "kindle highlight extended later", False: "kindle highlight within another"}


@dataclass
class _Clipping:
    title: int  # the title line (0-based)
    details: int  # the detail line
    end: int  # the separator closing it, or the end of the file
    book: str
    kind: str  # "highlight", "note", "bookmark"; "" when the detail line names none
    start: str  # its location or page, "" when it has none
    body: list[int]  # its lines of words, blank ones at its edges dropped


def kindle_as_markdown(lines: list[str]) -> tuple[list[str], list[Skipped]]:
    """The clippings as Markdown (each book a heading, each clipping a paragraph) and the lines
    skipped as (line number, reason, text); the lines as they were for a file of no Kindle's
    clippings."""
    if not any(_is_separator(line) for line in lines):
        return lines, []
    clippings, chunks = _clippings(lines)
    if not _claims(clippings, chunks):
        return lines, []
    out = list(lines)
    skipped: list[Skipped] = []
    for n, line in enumerate(lines):
        if _is_separator(line):
            out[n] = ""
    dropped = _superseded(clippings, lines)
    book = None
    for c in clippings:
        title = lines[c.title].strip().lstrip("\ufeff")
        if c.book != book:
            out[c.title] = _heading(title)
            book = c.book
        else:
            out[c.title] = ""
            skipped.append((c.title + 1, "kindle book title", noise_text(title)))
        for n in range(c.details + 1, c.end):
            out[n] = ""
        details = lines[c.details].strip()
        words = [lines[n].strip() for n in c.body]
        if c.kind == "bookmark" or not words:
            reason = "kindle bookmark" if c.kind == "bookmark" else "kindle clipping details"
            out[c.details] = ""
            skipped.append((c.details + 1, reason, noise_text(details)))
            skipped += [(n + 1, "kindle bookmark", noise_text(lines[n])) for n in c.body]
            continue
        out[c.details] = ""
        skipped.append((c.details + 1, "kindle clipping details", noise_text(details)))
        if len(words) == 1 and _LIMIT.match(words[0]) and _is_notice(words[0]):
            skipped.append((c.body[0] + 1, "kindle clipping limit", words[0]))
        elif c.title in dropped:
            text = noise_text(" ".join(words))
            skipped.append((c.body[0] + 1, dropped[c.title], text))
        else:
            stamp = LINE_NOTE if len(words) > 1 else ""
            for n, text in zip(c.body, words, strict=True):
                out[n] = stamp + _text(text) if text else ""
    return out, skipped


def _is_separator(line: str) -> bool:
    return len(line) < 40 and line.strip(" \t\ufeff") == SEPARATOR


def _clippings(lines: list[str]) -> tuple[list[_Clipping], int]:
    """The clippings of the file, and how many chunks between separators hold any words."""
    out: list[_Clipping] = []
    chunks = 0
    first = 0
    for n in range(len(lines) + 1):
        if n < len(lines) and not _is_separator(lines[n]):
            continue
        filled = [k for k in range(first, n) if lines[k].strip(" \t\ufeff")]
        if filled:
            chunks += 1
            clipping = _clipping(lines, filled, n)
            if clipping is not None:
                out.append(clipping)
        first = n + 1
    return out, chunks


def _clipping(lines: list[str], filled: list[int], end: int) -> _Clipping | None:
    """The clipping of a chunk's lines (those with words given), if it is one: a title line,
    then a detail line right under it, then a blank line before any words."""
    title, details = filled[0], filled[0] + 1
    if details >= end or not _DETAILS.match(lines[details].strip()[:_MAX_DETAILS]):
        return None
    body = [k for k in filled if k > details]
    if body and body[0] == details + 1:
        return None  # words right under the details: no clipping's layout
    if body:
        body = list(range(body[0], body[-1] + 1))
    head = lines[details].strip()[:_MAX_DETAILS]
    kind = ""
    if _BOOKMARK.search(head):
        kind = "bookmark"
    elif _NOTE.search(head):
        kind = "note"
    elif _HIGHLIGHT.search(head):
        kind = "highlight"
    book = " ".join(lines[title].strip(" \t\ufeff").split())
    return _Clipping(title, details, end, book, kind, _start(head), body)


def _start(details: str) -> str:
    """Where a clipping starts, as its detail line says: its location, else its page."""
    place = _LOCATION.search(details)
    if place is not None:
        return f"loc {place[1]}"
    page = _PAGE.search(details)
    return f"page {next(filter(None, page.groups()))}" if page is not None else ""


def _claims(clippings: list[_Clipping], chunks: int) -> bool:
    """Two clippings, most of the file's chunks; or the file's one chunk a clipping whose
    detail line names its kind."""
    if len(clippings) >= 2:
        return len(clippings) >= SHARE * chunks
    return chunks == 1 and len(clippings) == 1 and clippings[0].kind != ""


def _is_notice(text: str) -> bool:
    """A bracketed line of words that is Kindle's notice: spaces between its words, or
    another script's."""
    return " " in text or not text.isascii()


def _superseded(clippings: list[_Clipping], lines: list[str]) -> dict[int, str]:
    """The highlights skipped, by their title line, with the reason: the words of an earlier
    one highlighted again, or words a longer highlight of the same book and start holds."""
    out: dict[int, str] = {}
    seen: dict[tuple[str, str], int] = {}
    places: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for k, c in enumerate(clippings):
        if c.kind not in ("highlight", "") or not c.body:
            continue
        words = " ".join(" ".join(lines[n].split()) for n in c.body)[:_MAX_COMPARED]
        if (c.book, words) in seen:
            out[c.title] = "kindle highlight repeated"
            continue
        seen[c.book, words] = k
        if c.start:
            same = places.setdefault((c.book, c.start), [])
            if len(same) < _MAX_SAME_PLACE:
                same.append((k, words))
    for same in places.values():
        for k, words in same:
            longer = [j for j, other in same if len(other) > len(words) and words in other]
            if longer:
                out[clippings[k].title] = _EXTENDED[any(j > k for j in longer)]
    return out


def _heading(title: str) -> str:
    """A book's heading: its title without its author, a file's name as words."""
    name = title
    if name.endswith(")"):
        depth = 0
        for i in range(len(name) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(name[i], 0)
            if depth == 0:
                name = name[:i].strip() or name
                break
    if not any(ch.isspace() for ch in name) and ("_" in name or name.count("-") >= 2):
        name = _NAME_PARTS.sub(" ", _FILE_EXTENSION.sub("", name)).strip() or name
    text = escaped(name)
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # no closing sequence of the heading's
    return f"# {text}" if text else ""


def _text(line: str) -> str:
    """A line of a book's or reader's words as Markdown's text: its marks escaped, and no
    block of Markdown's opened by its first characters."""
    text = escaped(line)
    m = _BLOCK_START.match(text)
    if m is None:
        return text
    if text[0].isdigit():
        cut = m.end() - (1 if m.group().endswith((" ", "\t")) else 0) - 1
        return text[:cut] + "\\" + text[cut:]
    return "\\" + text
