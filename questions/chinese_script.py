"""Notes written in Traditional Chinese: read in Simplified, asked in Traditional.

Every Chinese rule of the generator (its templates "哪个…", its labels "例题", "习题", its
noise words, jieba's dictionary) is written in Simplified characters, so notes from Taiwan or
Hong Kong ("例題", "習題") met none of them, and their questions spoke the other script
("哪个共享的…是什么？" over notes that write 個 and 麼). Such notes are read here character by
character in Simplified, with OpenCC's character tables (the opencc-python-reimplemented
package), so one notes line stays one line of the same length; each question is then written
back: a character the notes hold is written as the notes write it (后 as 後 where the notes
wrote 後), any other (a template's) as OpenCC's first Traditional form of it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache
from importlib.resources import files

#: at least this many Traditional-only characters, and Simplified-only ones at most this share
#: of them: notes in Traditional, not notes quoting a few Traditional words
MIN_TRADITIONAL = 20
MAX_SIMPLIFIED_SHARE = 0.2


@cache
def _table(name: str) -> dict[str, str]:
    """An OpenCC character table as {character: its first form in the other script}."""
    text = files("opencc").joinpath(f"dictionary/{name}").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        first = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(first) == 1 and first != source:
            table[source] = first
    return table


def _to_simplified() -> dict[str, str]:
    return _table("TSCharacters.txt")


def _to_traditional() -> dict[str, str]:
    return _table("STCharacters.txt")


@cache
def _simplified_images() -> frozenset[str]:
    """The characters a Traditional one is read as, and the ones it may be written back as."""
    return frozenset(_to_simplified().values()) | frozenset(_to_traditional())


def is_traditional(text: str) -> bool:
    """The notes are written in Traditional characters."""
    to_simplified, to_traditional = _to_simplified(), _to_traditional()
    counts = Counter(text)
    traditional = sum(n for ch, n in counts.items() if ch in to_simplified)
    simplified = sum(n for ch, n in counts.items() if ch in to_traditional)
    return traditional >= MIN_TRADITIONAL and simplified <= MAX_SIMPLIFIED_SHARE * traditional


def simplified(text: str) -> str:
    """The text in Simplified characters, one for one (each line keeps its length)."""
    return text.translate(_simplifying())


@cache
def _simplifying() -> dict[int, str]:
    return {ord(ch): to for ch, to in _to_simplified().items()}


def writer_back(original: str, read: str) -> Callable[[str], str]:
    """What writes a question made from `read` (the notes in Simplified) in the notes' own
    characters: a character as the notes wrote it at the place the question quotes, else as
    the notes most often wrote it, else in OpenCC's Traditional form."""
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    images = _simplified_images()
    for was, now in zip(original, read, strict=True):
        if now in images:  # 制 counts as written 制 too, not only as 製 read so
            seen[now][was] += 1
    table = dict(_to_traditional())
    table.update({now: counts.most_common(1)[0][0] for now, counts in seen.items()})
    back = {ord(ch): to for ch, to in table.items()}
    #: characters the notes wrote two ways (制 and 製 both read as 制): told apart by place
    twofold = frozenset(now for now, counts in seen.items() if len(counts) > 1)

    def written(text: str) -> str:
        out = list(text.translate(back))
        for i, ch in enumerate(text):
            if ch in twofold:
                out[i] = _as_quoted(text, i, original, read) or out[i]
        return "".join(out)

    return written


#: how far around a character its place in the notes is looked for (the widest first)
_REACH = (4, 2, 1)


def _as_quoted(text: str, i: int, original: str, read: str) -> str:
    """The notes' own character at the place `text` quotes around its i-th character, or ""
    when the words around it are not in the notes."""
    for reach in _REACH:
        start, end = max(0, i - reach), min(len(text), i + reach + 1)
        at = read.find(text[start:end])
        if at >= 0:
            return original[at + i - start]
    return ""
