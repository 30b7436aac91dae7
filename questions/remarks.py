"""A table's remarks column ("Gotcha", "Notes", "注意"): a cell there is said of something its
row's main cell names, not of the row in general.

"persists into the running container" is ENV's gotcha about its variable; quoted alone under
"Gotcha:" it has lost that subject, and ENTRYPOINT or HEALTHCHECK "persist into the container"
as well. So a stem quoting a remark carries the row's own noun ("variable", from "environment
variable") and drops the column label; a row whose noun would name the key is not asked this way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions.cues import clue
from questions.headers import remark_header
from questions.stems import is_descriptive, quoted, which
from questions.tables import Table
from questions.text import CJK, cut

#: words after which an English noun phrase's head is over ("executable that always runs")
_AFTER_HEAD = frozenset({"that", "which", "who", "from", "of", "for", "to", "in", "with", "on",
                         "at", "by", "when", "if", "and", "or"})  # fmt: skip


def main_column(table: Table, column: int) -> int | None:
    """The row's own description ("What it does", "Meaning"): a remark is said of what it
    names. None when the table has none (a scope or a default says what a row is not about)."""
    for j, header in enumerate(table.headers):
        if j != column and not remark_header(header) and is_descriptive(header):
            return j
    return None


def _first_phrase(cell: str) -> str:
    return re.split(r"\s*(?:/|,|;|\(|（|，|；|、)\s*", cell.strip())[0].strip(" .。`")


def _opens_with_verb(phrase: str) -> bool:
    """ "sets the base image": the row's cell says what the key does, so the key itself is what
    the remark is about."""
    from lemminflect import getAllLemmas

    first = phrase.split(" ", 1)[0]
    verbs = getAllLemmas(first.lower()).get("VERB", ())
    return bool(verbs) and verbs[0] != first.lower() and first.lower().endswith("s")


def _head(phrase: str) -> str:
    """The phrase's head noun: "variable" of "environment variable", "executable" of "the
    executable that always runs", "拷贝" of "数据目录的整份拷贝"."""
    if CJK.search(phrase):  # the noun after the last 的 ("数据目录的整份拷贝")
        parts = [w for w in cut(phrase.rsplit("的", 1)[-1]) if w.strip()]
        last = parts[-1] if parts else ""
        return last if len(last) >= 2 and CJK.fullmatch(last[0]) and CJK.search(last) else ""
    words: list[str] = []
    for w in phrase.split():
        if w.lower() in _AFTER_HEAD:
            break
        words.append(w)
    last = words[-1] if words else ""
    return last if re.fullmatch(r"[A-Za-z][A-Za-z-]*", last) else ""


#: a main column that says what its row does ("What it does", "Used for": "ethernet" is what
#: RJ45 is for, not what it is), not what it is ("Purpose" may hold "environment variable")
_ACTION_HEADER = re.compile(r"(?i)(?:what (?:it|this) )?does|used for|uses?|用途|用于")


def remark_subject(
    table: Table, row: int, column: int, key: str, wrong: Sequence[str]
) -> str | None:
    """What a remark of the row is said of, as the stem can carry it: the head noun of the row's
    main cell ("variable" of "environment variable"); "" when the main cell says what the key
    does (the remark is about the key itself); None when that noun names the key or is none."""
    main = main_column(table, column)
    if main is None:
        return ""
    phrase = _first_phrase(table.cells[row][main])
    if _ACTION_HEADER.fullmatch(table.headers[main].strip()):
        return ""  # "What it does: rename/move an address": what the key does, the remark is of it
    if not phrase or _opens_with_verb(phrase) or (CJK.search(phrase) and "的" not in phrase):
        # a Chinese cell without a 的 ends as often in another row's name ("同 COPY") or a
        # verb's object ("声明端口") as in its head: the remark is said of the key itself
        return ""
    others = [c for i, c in enumerate(table.column(main)) if i != row]
    head = _head(phrase)  # the noun only: the whole cell would ask the row's description
    return head if head and clue(head, key, wrong, others) is None else None


def remark_stem(noun: str | None, subject: str, value: str, lang: str) -> str:
    """ "Which instruction does this remark on its variable fit: “persists into …”?"."""
    if lang == "zh":
        of = f"{which(noun, lang).rstrip()}的{subject}" if subject else which(noun, lang).rstrip()
        return f"这条备注说的是{of}？{quoted(value, lang)}"
    on = f" on its {subject}" if subject else ""
    who = which(noun, lang)
    lead = f"{who} does this remark{on} fit"
    return f"{lead}: {quoted(value, lang)}?"
