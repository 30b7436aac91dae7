"""A subtitle file (SubRip .srt or WebVTT) saved as notes: a downloaded lecture's captions.

A SubRip file is cues: a cue's number, its timing line ("00:01:02,500 --> 00:01:05,120"), one
or two lines of caption, a blank line. WebVTT opens with "WEBVTT", may give a cue an id of any
text or none, puts cue settings after its timing ("align:start position:0%"), has NOTE, STYLE
and REGION blocks and marks its text with tags ("<v Ana>", "<c>", "<00:00:01.319>"). Read as
Markdown every cue is a paragraph that opens with its number and timing ("7 00:00:47,900 -->
00:00:58,730 那么cash用SRAM做…"), and a question's stem carries them. Here:

- a cue's number or id, its timing line, a WebVTT file's header lines, NOTE, STYLE and REGION
  blocks are skipped and reported; the caption's tags and a "{\\an8}" position are dropped.
- a cue of a sound alone ("[音乐]", "[Music]", "(applause)", "♪ … ♪") is skipped and
  reported. A sound tag inside a line of speech ("[Music] so today …") is dropped from it.
- a caption line that repeats the one above (a rolling auto caption writes each line twice,
  once as it is spoken and once scrolled up) is skipped and reported.
- the captions are joined into paragraphs, one caption line per output line: a caption line is
  wrapped at the screen's width and a cue ends wherever the captioner cut it, so a sentence
  runs over lines and cues ("中间6位011001" / "就是第25组"). A paragraph's lines move up
  under its first line, which keeps its line number (the line a question points at), the lines
  they leave blank at its end.
- a paragraph ends at a sound's cue, where another speaker's ">>" opens a cue, and at a pause
  of two seconds or more between cues. Captioners leave no gap or less than a second between
  the cues of running speech (a breath, the recogniser's cut); a speaker who stops for two
  seconds has finished a point (a slide turned, a sum written on the board): a lecture's
  topics open after pauses of 2.4 to 10 s, its sentences after under one. With punctuated
  captions the pause ends a paragraph only after a sentence's end, and a paragraph of many
  cues ends at the next one: the generator splits a paragraph into its sentences by their
  marks.
- captions with no sentence marks (auto captions; Chinese captions mark a phrase with a space
  and end none) can be split by nothing but the cues: a paragraph of cues is one sentence of
  hundreds of words, asked nothing. There a cue ends a paragraph once the paragraph holds a
  sentence's worth of words (ten words, or fifteen Chinese characters: a recogniser's cue
  of Chinese speech is 10 to 40), so a statement is not glued to the next; a short cue (a
  rolling caption's scrolled line of five words) runs on into the next one.
- a caption line opening with what Markdown reads as a block ("- ", "1. ", "#", ">") is
  escaped; ">>" (a new speaker) and a dialogue's "- " are no words and are dropped.

Only a file that opens as a subtitle file is read so: "WEBVTT" first, or a cue (a number over
a timing line, or a timing line) after at most a title of a few lines, with three cues or
more, no code fence and no cue holding more lines than a caption does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from questions.parse.plain_text import FENCE

_MAX_LINES = 200_000  # a longer file is left as it is
_MAX_LINE = 2_000  # a longer line is no caption: its text is left as it is, escaped
_MIN_CUES = 3
_MAX_PREAMBLE = 3  # lines of a title the notes' writer put above the first cue
_MAX_CUE_LINES = 12  # a cue with more lines of text is notes written under the captions
#: a pause between cues that ends a paragraph, in seconds (see the module's docstring)
PAUSE = 2.0
#: a sentence's worth of words: a paragraph of captions with no sentence marks ends at the
#: end of the cue that makes it this long (a Chinese character counts two thirds of a word)
SENTENCE_WORDS = 10
#: cues a punctuated paragraph runs over before it ends at the next sentence's end, and at most
_PARAGRAPH_CUES = 8
_MAX_PARAGRAPH_CUES = 40
#: a share of cues ending a sentence that makes captions punctuated (1 in 5)
_PUNCTUATED_SHARE = 5

#: a timing line: "00:01:02,500 --> 00:01:05,120", WebVTT's "01:02.500 --> 01:05.120 align:start"
#: (each part a bounded run of digits: nothing to backtrack over)
_TIMING = re.compile(
    r"^[ \t\ufeff]*(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})[ \t]*-->[ \t]*"
    r"(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})(?:[ \t].*)?$"
)
#: a SubRip cue's number (the file's first line perhaps after a byte-order mark)
_NUMBER = re.compile(r"^[ \t\ufeff]*\d{1,7}[ \t]*$")
#: WebVTT's first line: "WEBVTT", perhaps a space and a title
_WEBVTT = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
#: a WebVTT block that is no cue: "NOTE …", "STYLE", "REGION"
_VTT_BLOCK = re.compile(r"^(NOTE|STYLE|REGION)(?:[ \t].*)?$")
#: a caption's markup: a tag SubRip or WebVTT writes ("<i>", "</font>", "<v Ana>",
#: "<c.yellow>", "<ruby>"), a WebVTT time tag ("<00:00:01.319>"), an ASS position ("{\\an8}")
_TAG = re.compile(
    r"</?(?:[ibuv]|c|font|ruby|rt|lang|span)(?:[ .][^<>\n]{0,200})?>"
    r"|<(?:\d{1,3}:)?\d{1,2}:\d{1,2}\.\d{1,3}>"
    r"|\{\\[^{}\n]{0,200}\}"
)
_ENTITIES = (
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&nbsp;", " "),
    ("&lrm;", ""),
    ("&rlm;", ""),
    ("&quot;", '"'),
    ("&#39;", "'"),
    ("&amp;", "&"),
)
#: a sound, not speech: "[Music]", "[音乐]", "[笑]", "【掌声】", "[crowd cheering]" (words of
#: letters between spaces: "[1, 2, 3]" or "a[i]" in a coding lecture is speech)
_SOUND_TAG = re.compile(
    r"\[(?:[^\W\d_]{2,20}|[\u4e00-\u9fff])(?: [^\W\d_]{1,20}){0,3}\]|【[^【】\n]{1,20}】"
)
#: a line that is a sound alone in brackets: "(applause)", "(MUSIC PLAYING)", "（掌声）"
_SOUND_LINE = re.compile(r"^[(（][^\W\d_]{1,20}(?: [^\W\d_]{1,20}){0,3}[)）]$")
_NOTES = "♪♫♬"
#: a new speaker (">> so today"), a dialogue's line ("- Where to?")
_NEW_SPEAKER = (">>", "&gt;&gt;")
_SPEAKER = re.compile(r"^(?:>>|[-–—](?=[ \t]))[ \t]*")
#: what opens a Markdown block at a line's start: a heading, quote, list item, table's row,
#: HTML, fence, thematic break or setext underline (each mark's run bounded or unambiguous)
_BLOCK_MARK = re.compile(
    r"^(?:#{1,6}(?:[ \t]|$)|[>|]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|=+[ \t]*$"
    r"|[-*_](?:[ \t]*[-*_]){2})"
)
#: a sentence's end: its mark, then a closing quote or bracket perhaps
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’)）\]」』]?$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
#: a word of another script: a run of letters and digits
_WORD = re.compile(r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


@dataclass
class _Cue:
    start: float
    end: float
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line index, caption text)
    sound: bool = False  # a sound alone, no speech
    speaker: bool = False  # opens with a new speaker's ">>"


def subtitles_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The captions as paragraphs of Markdown, and the cue numbers, timing lines, WebVTT
    headers and blocks, sound tags and repeated lines skipped as (line number, reason, text);
    the lines as they were for notes that are no subtitle file."""
    first = _first_cue(lines)
    if first is None:
        return lines, []
    skipped: list[tuple[int, str, str]] = []
    cues = _cues(lines, first, skipped)
    if cues is None or sum(1 for c in cues if c.lines) < _MIN_CUES:
        return lines, []
    out = list(lines[:first]) + [""] * (len(lines) - first)
    for paragraph in _paragraphs(cues):
        texts = [text for cue in paragraph for _, text in cue.lines]
        top = paragraph[0].lines[0][0]
        for k, text in enumerate(texts):
            out[top + k] = text
    return out, sorted(skipped)


def _first_cue(lines: list[str]) -> int | None:
    """The index of the line the subtitles start at (WebVTT's header or the first cue's
    number or timing line), or None for a file that does not open as a subtitle file."""
    if len(lines) > _MAX_LINES:
        return None
    preamble = 0
    for n, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if len(line) > _MAX_LINE:
            return None
        if (
            _WEBVTT.match(text)
            or _TIMING.match(line)
            or (_NUMBER.match(line) and n + 1 < len(lines) and _TIMING.match(lines[n + 1]))
        ):
            return None if any(FENCE.match(line) for line in lines) else n
        preamble += 1
        if preamble > _MAX_PREAMBLE:
            return None
    return None


def _seconds(parts: tuple[str | None, ...]) -> float:
    hours, minutes, seconds, fraction = parts
    whole = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0)
    return whole + int((fraction or "0").ljust(3, "0")) / 1000


def _cues(lines: list[str], first: int, skipped: list[tuple[int, str, str]]) -> list[_Cue] | None:
    """The cues from line `first` on, each with its caption lines; what is no caption goes
    into `skipped`. None when a cue holds more lines than a caption does."""
    cues: list[_Cue] = []
    n = first
    vtt = _WEBVTT.match(lines[n].strip()) is not None
    if vtt:
        while n < len(lines) and lines[n].strip():  # "WEBVTT", "Kind: captions", …
            skipped.append((n + 1, "subtitle header", lines[n].strip()))
            n += 1
    block_start = True  # at a blank line's end: a cue's id or a WebVTT block may open here
    cue: _Cue | None = None
    previous = ""  # the caption line read last, to tell a rolling caption's repeat
    while n < len(lines):
        line = lines[n]
        text = line.strip()
        if not text:
            block_start = True
            n += 1
            continue
        timing = _TIMING.match(line) if len(line) <= _MAX_LINE else None
        if timing is None and n + 1 < len(lines) and _starts_cue(lines[n + 1]):
            if _NUMBER.match(line):  # a SubRip cue's number, a blank line above it or none
                skipped.append((n + 1, "subtitle cue number", text))
                n += 1
                continue
            if block_start and vtt:  # a WebVTT cue's id: any text
                skipped.append((n + 1, "subtitle cue id", text))
                n += 1
                continue
        if block_start and vtt and timing is None and _VTT_BLOCK.match(text):
            n = _skip_block(lines, n, skipped)
            continue
        block_start = False
        if timing is not None:
            start, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
            cue = _Cue(start, end)
            cues.append(cue)
            skipped.append((n + 1, "subtitle timing", text))
            n += 1
            continue
        if cue is None:  # text before any cue: a WebVTT file's stray line
            skipped.append((n + 1, "subtitle header", text))
        elif len(cue.lines) >= _MAX_CUE_LINES:
            return None
        else:
            caption = _caption(line)
            if not caption:
                skipped.append((n + 1, "sound tag", text))
                cue.sound = cue.sound or not cue.lines
            elif caption == previous:
                skipped.append((n + 1, "repeated caption line", text))
            else:
                cue.speaker = cue.speaker or (not cue.lines and text.startswith(_NEW_SPEAKER))
                cue.lines.append((n, caption))
                cue.sound = False
                previous = caption
        n += 1
    return cues


def _starts_cue(line: str) -> bool:
    return len(line) <= _MAX_LINE and _TIMING.match(line) is not None


def _skip_block(lines: list[str], n: int, skipped: list[tuple[int, str, str]]) -> int:
    """Skip a WebVTT NOTE, STYLE or REGION block opening at line n; the line after it."""
    kind = lines[n].split(None, 1)[0]
    reason = "subtitle comment" if kind == "NOTE" else "subtitle style"
    while n < len(lines) and lines[n].strip():
        skipped.append((n + 1, reason, lines[n].strip()))
        n += 1
    return n


def _caption(line: str) -> str:
    """A caption line's words as a line of Markdown text: its tags, sound tags and speaker
    marks dropped, a Markdown block's mark at its start escaped; "" for a sound alone."""
    text = line.strip()
    if len(text) <= _MAX_LINE:
        text = _TAG.sub("", text)
        for entity, char in _ENTITIES:
            text = text.replace(entity, char)
        text = _SOUND_TAG.sub(" ", text).strip()
        if _SOUND_LINE.match(text) or (text[:1] in _NOTES and text.rstrip()[-1:] in _NOTES):
            return ""  # "(applause)", or a song's words between its notes
        text = _SPEAKER.sub("", text.strip(_NOTES + " \t"))
    text = " ".join(text.split()).replace("<", "\\<")  # "&lt;b&gt;" is words, no HTML
    if not text:
        return ""
    mark = _BLOCK_MARK.match(text)
    if mark is None:
        return text
    if text[0].isdigit():  # "2. the second …": no list's number
        at = len(text) - len(text.lstrip("0123456789"))
        return text[:at] + "\\" + text[at:]
    return "\\" + text


def _weight(text: str) -> float:
    """The words in a text: a Chinese, Japanese or Korean character counts two thirds of a
    word (Chinese runs about one and a half characters to an English word)."""
    return len(_CJK.findall(text)) * 2 / 3 + len(_WORD.findall(text))


def _ends_sentence(cue: _Cue) -> bool:
    return bool(cue.lines) and _SENTENCE_END.search(cue.lines[-1][1]) is not None


def _paragraphs(cues: list[_Cue]) -> list[list[_Cue]]:
    """The cues with speech grouped into paragraphs (see the module's docstring)."""
    spoken = [c for c in cues if c.lines]
    punctuated = sum(map(_ends_sentence, spoken)) * _PUNCTUATED_SHARE >= len(spoken)
    out: list[list[_Cue]] = []
    current: list[_Cue] = []
    words = 0.0
    last_end = 0.0
    pause = False  # a sound alone since the last cue of speech
    for cue in cues:
        if not cue.lines:
            pause = pause or cue.sound
            continue
        if current:
            gap = cue.start - last_end
            stop = gap >= PAUSE or pause or cue.speaker
            if _ends_here(current, words, stop, punctuated):
                out.append(current)
                current, words = [], 0.0
        current.append(cue)
        if not punctuated:
            words += sum(_weight(text) for _, text in cue.lines)
        last_end, pause = cue.end, False
    if current:
        out.append(current)
    return out


def _ends_here(current: list[_Cue], words: float, paused: bool, punctuated: bool) -> bool:
    """The paragraph of cues `current` ends before the next cue."""
    if len(current) >= _MAX_PARAGRAPH_CUES:
        return True
    if not punctuated:
        return paused or words >= SENTENCE_WORDS
    if not _ends_sentence(current[-1]):
        return False
    return paused or len(current) >= _PARAGRAPH_CUES
