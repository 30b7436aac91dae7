"""Facts every practitioner knows before studying anything: a question on one of these alone
tests nothing the notes teach.

Kept short on purpose: each entry is a fact met on the first day with its tool (the first
sentence of an introduction, the first status code or port anyone sees), not merely a well-known
one. A question is dropped when the stem says one side of such a pair and the key is the other
(200 and "请求成功", 443 and HTTPS): whatever else the stem adds, that pair alone settles it,
and a table row that pairs both sides is one such fact by any of its cells (443's protocol).
Facts that only share a word with an entry stay (201, 3306, "UDP 443" of QUIC). Not listed
though well known: facts whose notes say more than the pair ("部分更新，一般不保证幂等" of PATCH
asks the idempotence), and SSH's port and "smallest deployable unit", which study lists still
count as facts to test.

Beside the list, one rule by kind (names_meaning): a true/false statement whose predicate
spells its program's name ("ls lists files", "cd changes the directory", and "ls changes the
directory" made false with cd's meaning) is settled by the name, whatever the tool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from questions.candidate import Candidate


@dataclass(frozen=True)
class Universal:
    name: str
    key: re.Pattern[str]  # the term or value side
    meaning: re.Pattern[str]  # what it is, as notes say it
    why: str


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


#: the stop list: short, and each entry says why it is universal
UNIVERSAL = (
    Universal("HTTP 200", _p(r"(?<![\d.])200(?![\d.]|\s?(?:-|–|~|to)\s?\d)(?:\s*OK\b)?"),
              _p(r"\bsuccess(?:ful)?\b|\bsucceeded\b|\bOK\b|请求成功|^\W*成功\W*$"),
              "the status code every web request returns"),
    Universal("HTTP 404", _p(r"(?<![\d.])404(?![\d.])"),
              _p(r"\bnot found\b|找不到|未找到|不存在"),
              "the status code every web user has seen"),
    Universal("port 80", _p(r"(?<![\d.:])80(?![\d.])"),
              _p(r"\bHTTP\b(?![S/-])"), "the web's default port"),
    Universal("port 443", _p(r"(?<![\d.:])443(?![\d.])"),
              _p(r"^\W*HTTPS\W*$|\bHTTPS\b(?!\s*记录)(?!\s+record)"), "the web's TLS port"),
    Universal("privileged ports", _p(r"(?<![\d.:])1024(?![\d.])"),
              _p(r"privileged|(?:bind(?:ing)?|listen(?:ing)? on) (?:to )?ports? (?:below|under)"
                 r"|ports? (?:below|under)|特权端口|(?:低于|小于)\s*___\s*的端口"),
              "a Unix rule older than containers"),
    Universal("Dockerfile FROM", re.compile(r"\bFROM\b"), _p(r"\bbase image\b|基础镜像"),
              "the first line of every Dockerfile"),
    # the comparison operators of every language: a version specifier's "==" means exact
    Universal("operator ==", re.compile(r"(?<![=!<>~^])`?==`?(?![=<>~])"),
              _p(r"\bexact(?:ly)?\b|\bequal(?:s|ity)?\b|等于|精确"), "every language's equality"),
    Universal("operator !=", re.compile(r"(?<![=!<>~^])`?!=`?(?![=<>~])"),
              _p(r"\bnot equal\b|\bexclud\w*|\bexcept\b|不等于|排除"), "every language's inequality"),
    Universal("operator >=", re.compile(r"(?<![=!<>~^])`?>=`?(?![=<>~])"),
              _p(r"\bminimum\b|\bat least\b|最小|至少|不低于"), "every language's lower bound"),
    Universal("operator <=", re.compile(r"(?<![=!<>~^])`?<=`?(?![=<>~])"),
              _p(r"\bmaximum\b|\bat most\b|最大|至多|不超过"), "every language's upper bound"),
)  # fmt: skip

_TEMPLATE = re.compile(r"^(Fill in the blank:|填空：|True or false:|判断正误：)\s*")


#: either side of any stop-list fact, one search for all: most terms are no side of any, and
#: then no text need be read
_ANY_SIDE = re.compile(
    "|".join(
        f"(?{'i' if p.flags & re.I else '-i'}:{p.pattern})"
        for u in UNIVERSAL
        for p in (u.key, u.meaning)
    )
)
#: the key side of any stop-list fact, one search for all: most table keys are none
_ANY_KEY = re.compile(
    "|".join(f"(?{'i' if u.key.flags & re.I else '-i'}:{u.key.pattern})" for u in UNIVERSAL)
)
#: an answer longer than this is a statement, not one side of a pair
_SIDE = 24


def pairs_with(text: str, term: str) -> Universal | None:
    """The stop-list fact the text says of the term (the term one side, the text the other),
    or None."""
    if len(term) > _SIDE * 3 or _ANY_SIDE.search(term) is None:
        return None
    for u in UNIVERSAL:
        if (len(term) <= _SIDE and u.key.search(term) and u.meaning.search(text)) or (
            u.meaning.search(term) and u.key.search(text)
        ):
            return u
    return None


def universal(c: Candidate) -> Universal | None:
    """The stop-list fact the question asks, when the stem says one side of it and the key is
    the other; a true/false statement says both."""
    row = _row(c)
    if row and _ANY_KEY.search(row[0]):  # a row that pairs both sides is one common fact,
        key, cells = row  # asked by any of its cells
        found = next((u for u in UNIVERSAL if _is_side(u.key, key)
                      and any(u.meaning.search(cell) for cell in cells)), None)  # fmt: skip
        if found is not None:
            return found
    stem = _TEMPLATE.sub("", c.prompt)
    answer = c.answer_text
    if c.kind == "truefalse":
        return next((u for u in UNIVERSAL if u.key.search(stem) and u.meaning.search(stem)), None)
    return pairs_with(stem, answer)


#: a program's name as typed (`ls`, `mkdir`, `lsblk`): lower case, one short word
_PROGRAM = re.compile(r"[a-z][a-z0-9]{1,7}")
_FILLER = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are", "described",
           "as", "it", "its", "all", "your"}  # fmt: skip
#: the words of a claim its name's letters may be read from: its verb and object
_HEAD_WORDS = 3


def spells_its_name(name: str, predicate: str) -> bool:
    """The predicate says what the program's name abbreviates ("ls" of "lists files", "cd" of
    "changes the directory", "mkdir" of "makes a directory"): each letter of the name read in
    order from the first words of the predicate, each word entered at its first letter."""
    name = name.strip().strip("`")
    if not _PROGRAM.fullmatch(name):
        return False
    words = [w for w in re.findall(r"[a-z]+", predicate.lower()) if w not in _FILLER]
    words = words[:_HEAD_WORDS]

    def read(i: int, w: int, at: int) -> bool:
        """name[i:] read from word w from position at (at 0: not yet entered)."""
        if i == len(name):
            return True
        if w >= len(words):
            return False
        word = words[w]
        if at == 0:  # entering a word: at its first letter, or skip it
            if word[0] == name[i] and read(i + 1, w, 1):
                return True
            return i > 0 and read(i, w + 1, 0)
        j = word.find(name[i], at)
        return (j >= 0 and read(i + 1, w, j + 1)) or read(i, w + 1, 0)

    return bool(words) and words[0][0] == name[0] and read(0, 0, 0)


def names_meaning(c: Candidate) -> str | None:
    """The program whose name a true/false statement spells out ("ls lists files", and "ls
    changes the directory" with cd's meaning), or None: the name alone settles it."""
    if c.kind != "truefalse":
        return None
    stem = _TEMPLATE.sub("", c.prompt).replace("“", "").replace("”", "")
    m = re.match(r"`?([a-z][a-z0-9]*)`?\s+(.+)", stem)
    if m is None:
        return None
    subject, predicate = m.groups()
    for name in dict.fromkeys((subject, c.fact.span, c.fact.subject)):
        if name and spells_its_name(name, predicate):
            return name.strip("`")
    return None


def _row(c: Candidate) -> tuple[str, tuple[str, ...]] | None:
    """The key and cells of the table row the question asks, or None."""
    t, i = c.fact.table, c.fact.row
    if t is None or t.transposed or not 0 <= i < len(t.keys):
        return None
    return t.keys[i], t.cells[i]


def _is_side(pattern: re.Pattern[str], text: str) -> bool:
    """The text is that side of the pair, not merely holding it ("443", not "8443 or 443")."""
    m = pattern.search(text)
    return m is not None and len(text.strip()) - len(m.group(0)) <= 4
