"""Terms defined as a group in one line: "**IDS / IPS** – detect (passive) / prevent (inline)".

Notes write kin side by side: the group's names joined by slashes, then their meanings in the
same order, joined the same way or each after its own name ("**PAP / CHAP / EAP** – PAP =
cleartext, CHAP = challenge-response hash, EAP = framework"). Read as one term, the group was
the key of a question ("Bluejacking / bluesnarfing" for "unsolicited msgs / stealing data over
BT"), and its meanings a description no one thing has. Read apart, each name has its own
meaning, and the others are the options it is told from.
"""

from __future__ import annotations

import re

from questions.facts.definitions import Definition

#: the names of a group: a slash between short names ("IDS / IPS", "RBAC/ABAC/MAC/DAC")
_NAME_SLASH = re.compile(r"\s*/\s*")
#: meanings in the names' order: a slash with spaces around it ("detect / prevent"), never one
#: inside a word ("TCP/UDP") or in brackets
_MEANING_SLASH = r"\s+/\s+"
#: what `_in_order` reads: a bracket opening or closing, or a meanings' slash
_IN_ORDER = re.compile(rf"[(（\[]|[)）\]]|{_MEANING_SLASH}")
_MAX_NAMES = 6
_MAX_NAME_WORDS = 3
_MAX_NAME_CHARS = 25


def group_definitions(d: Definition) -> list[Definition]:
    """Each name of a slash group with its own meaning, or [] when the line is no such group
    (one name, or meanings that do not fall one to a name)."""
    names = [n.strip() for n in _NAME_SLASH.split(d.term)]
    if not 2 <= len(names) <= _MAX_NAMES or not all(map(_short_name, names)):
        return []
    if len({n.casefold() for n in names}) < len(names):
        return []
    meanings = _each_after_its_name(d.description, names) or _in_order(d.description, len(names))
    if not meanings:
        return []
    return [Definition(n, m, d.verb_phrase) for n, m in zip(names, meanings, strict=True)]


def is_group(term: str) -> bool:
    """Short names joined by spaced slashes ("Delta / Iceberg"): two things, no one term to
    ask or to offer ("I/O", "HTTP/2" and "CI/CD" are one name each)."""
    names = [n.strip() for n in term.split(" / ")]
    return 2 <= len(names) <= _MAX_NAMES and all(map(_short_name, names))


def _short_name(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= _MAX_NAME_WORDS and len(name) <= _MAX_NAME_CHARS and name[0].isalnum()


def _in_order(description: str, count: int) -> list[str]:
    """The description's parts between spaced slashes outside brackets, when there are as
    many as names."""
    parts: list[str] = []
    depth, start = 0, 0
    for m in _IN_ORDER.finditer(description):
        token = m.group(0)
        if token in "(（[":
            depth += 1
        elif token in ")）]":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(description[start : m.start()])
            start = m.end()
    parts.append(description[start:])
    parts = [p.strip(" ,;，；") for p in parts]
    if len(parts) != count or not all(len(p) >= 2 for p in parts):
        return []
    return parts


def _each_after_its_name(description: str, names: list[str]) -> list[str]:
    """ "PAP = cleartext, CHAP = challenge-response hash, EAP = framework": each name's part,
    when every name opens one, in the group's order."""
    starts: list[tuple[int, int]] = []
    at = 0
    for name in names:
        m = re.compile(rf"(?<![\w-]){re.escape(name)}\s*(?:=|:|：|–|—|-)\s*").search(
            description, at
        )
        if m is None:
            return []
        starts.append((m.start(), m.end()))
        at = m.end()
    if description[: starts[0][0]].strip(" ,;"):
        return []  # words before the first name: the line says more than the names' meanings
    parts = [description[end : (starts[i + 1][0] if i + 1 < len(starts) else len(description))]
             for i, (_, end) in enumerate(starts)]  # fmt: skip
    parts = [p.strip(" ,;，；") for p in parts]
    return parts if all(len(p) >= 2 for p in parts) else []


__all__ = ["group_definitions", "is_group"]
