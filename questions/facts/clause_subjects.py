"""Which setting a clause is about, on a line that states several facts.

"- maxmemory 默认 0，表示不限制。hz 默认 10，每秒执行 10 次后台任务": the clause "每秒执行 10 次后台
任务" is about hz, the setting its own sentence names before it, not about maxmemory, the
line's first setting. A clause takes the nearest setting or term named before it in its own
sentence (the first one after it when none stands before); a sentence that names none takes
the subject of the sentence before it in the same line or paragraph ("-c 默认 1024。表示最大
并发连接数" — the second sentence is about -c), never a setting of another sentence when its
own sentence names one.

What counts as a name: a span the author marked (code, bold), an identifier (snake_case,
dotted, camelCase, a flag "-R"), or a word a value is given to ("hz 默认", "heartbeat defaults
to", "port = "). A paragraph's definition in its second sentence ("A layer is a .zip archive
…") is about what the sentence before names: a product written in capitals ("AWS Lambda").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions.text import STOP_EN, english_word

#: a word a value is given to: "hz 默认 10", "heartbeat defaults to 60 s", "port = 80"
_GIVEN = re.compile(
    r"(?<![\w./-])(?P<name>-{1,2}[A-Za-z][\w-]*|[A-Za-z_][\w.-]*[A-Za-z0-9_]|[A-Za-z])"
    r"`?\s*(?=默认|缺省|defaults?\b|=(?!=)|[:：]\s*\d)",
    re.I,
)
#: an identifier by its shape: snake_case, dotted, camelCase, a flag
_IDENT = re.compile(
    r"(?<![\w./-])(?:-{1,2}[A-Za-z][\w-]*|[A-Za-z]\w*[_.]\w[\w.]*\w|[a-z]+[A-Z]\w*)(?![\w-])"
)
#: a product or service name in English prose: capitals, not the sentence's first word
#: ("Users can configure an AWS Lambda function …": AWS Lambda)
_PROPER = re.compile(
    r"(?<=\s)(?:[A-Z]{2,}[\w-]*|[A-Z][a-z]+[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*|"
    r"(?<=[a-z,;] )[A-Z][a-z]+(?:\s+[A-Z][\w-]*)*"
)
#: a sentence's opening word, a setting's name when no dictionary holds it
_OPENING = re.compile(r"^`?([a-z][a-z0-9_-]*[a-z0-9])`?(?=[\s,，:：]|$)")
_NOT_NAME = STOP_EN | {"default", "defaults", "value", "values", "the", "it", "its"}


def names(
    sentence: str, marked: Sequence[str], skip: str = "", opening: bool = True
) -> list[tuple[int, str]]:
    """The settings and terms a sentence names, by offset; `skip` (the span a cloze blanks)
    is never its own subject; `opening`: a word no dictionary holds that opens the sentence
    counts too."""
    found: dict[int, str] = {}
    for m in marked:
        at = sentence.find(m) if m and m != skip else -1
        if at >= 0 and not re.match(r"\s*[\d~≈<>]", m):  # a marked value ("**1-RTT**")
            found[at] = m.strip()
    for pattern in (_GIVEN, _IDENT):
        for hit in pattern.finditer(sentence):
            name = hit.group("name") if "name" in pattern.groupindex else hit.group(0)
            at = hit.start()
            if name.casefold() in _NOT_NAME or name == skip or name.isdigit():
                continue
            if any(a <= at < a + len(n) for a, n in found.items()):
                continue
            found[at] = name.strip("`")
    first = _OPENING.match(sentence)
    if opening and first and not english_word(first.group(1).lower()) and 0 not in found:
        found[0] = first.group(1)  # "activedefrag moves …": a word no dictionary holds
    return sorted(found.items())


def nearest(
    sentence: str, at: int, marked: Sequence[str], skip: str = "", after: bool = True
) -> str:
    """The name nearest before offset `at` in the sentence, else (`after`) the first after
    it, else ""; a setting written with its value (`x=20ms`) restates a value, names none."""
    own = [(a, n) for a, n in names(sentence, marked, skip) if not re.search(r"=\s*\d", n)]
    before = [n for a, n in own if a + len(n) <= at]
    if before:
        return before[-1]
    later = [n for a, n in own if a >= at and n != skip]
    return later[0] if later and after else ""


def said_before(sentences: Sequence[str], n: int, marked: Sequence[str]) -> str:
    """The subject the sentences before sentence `n` leave: the first name (its subject) of
    the nearest one that names any, else "". A word no dictionary holds that only opens a
    sentence ("max object 5 TiB.") is no setting the next sentence is about: it is often a
    clipped word ("max"), and only the sentence it opens is read under it."""
    for k in range(n - 1, -1, -1):
        sentence = sentences[k]
        own = [(at, name) for at, name in names(sentence, marked, opening=False)
               if not _in_brackets(sentence, at) and not _stressed_claim(sentence, name)
               and not function_phrase(name) and not _modifier(sentence, at, name)]  # fmt: skip
        if own:
            return own[0][1]
    return ""


#: words a condition opens with, beyond the small words ("without voting rights", "unless …")
_CONDITION_WORDS = frozenset({"without", "unless", "except", "within", "per", "via", "before",
                              "after", "until", "only", "never", "always"})  # fmt: skip


def _modifier(sentence: str, at: int, name: str) -> bool:
    """A marked lowercase word that qualifies the noun after it ("**high** risk → SA and DS"):
    the stress of a phrase, no name."""
    after = sentence[at + len(name) :]
    return (
        name.islower()
        and " " not in name.strip()
        and english_word(name.strip())
        and re.match(r"\**\s+[a-z]{3,}\b", after) is not None
    )


def function_phrase(name: str) -> bool:
    """A marked phrase opening with a small word ("**without voting rights**", "**not**
    transitive"): a stressed condition, no name the next sentence is about."""
    first = name.split()[0].lower() if name.split() else ""
    return first in STOP_EN or first in _CONDITION_WORDS


def _in_brackets(sentence: str, at: int) -> bool:
    """The offset sits inside an aside in brackets ("(fast = 10 s, costs more)"): the aside's
    name is no subject of the sentences after it."""
    depth = 0
    for ch in sentence[:at]:
        if ch in "(（[":
            depth += 1
        elif ch in ")）]" and depth:
            depth -= 1
    return depth > 0


def _stressed_claim(sentence: str, name: str) -> bool:
    """A marked phrase that is its whole sentence ("**NOT transitive**."): a claim stressed,
    not a name the next sentence is about."""
    return sentence.strip().rstrip(".!。！").strip() == name


def proper_name(sentence: str) -> str:
    """The last product name written in capitals in an English sentence, else ""."""
    found = [m.group(0) for m in _PROPER.finditer(sentence)]
    return found[-1] if found else ""


def opens_with_setting(sentence: str) -> bool:
    """ "hz 默认 10，…", "`frame_max` defaults to …": the sentence gives a setting of its own a
    value, so it says nothing of the setting before it."""
    m = _GIVEN.match(sentence.lstrip("`*"))
    return m is not None and m.group("name").casefold() not in _NOT_NAME
