"""Enumerations: "label: A (default), B (what B does), C" — a set of values in one line.

The members are each other's distractors; the one marked default is a fact ("What is the
default restartPolicy?"), a member with a description is a definition ("Which storage strategy
is “compress first, then move out of line”?"); a description that is only the brackets after
the name is marked as an aside ("Nested Loop (small outer side)"). Members are short names
(`-Fd`, `Nested Loop`, `Allow`, `4xx`), never phrases, so a sentence that merely has commas is
not mistaken for a set of values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from questions.text import CJK

_LABEL = re.compile(r"^(?P<label>[^:：]{1,40}?)\s*[:：]\s*(?P<body>.+)$")
_TAIL = re.compile(r"\s+[—–]\s+|；|;|。|\.\s|\s+(?:→|->|=>)\s+")
_DEFAULT = re.compile(r"^(the\s+)?default$|^默认$", re.I)
_MEMBER = re.compile(
    r"^(?P<name>[-@.:/*A-Za-z0-9][\w./:@*+-]*(?:\s+[A-Z][\w./+-]*){0,3})"
    r"(?:\s+(?P<rest>[^()（）]*?))?\s*(?:[(（](?P<paren>.*)[)）])?$"
)
_IDENTIFIER = re.compile(r"^[A-Za-z_][\w.]*(\(\w*\))?$")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Member:
    name: str
    description: str  # "" when the notes say nothing about it
    default: bool
    aside: bool = False  # the description is only what the brackets after the name say


@dataclass(frozen=True)
class Enumeration:
    label: str
    members: tuple[Member, ...]
    tail: str  # what follows the set ("— set per pod, not per container")

    @property
    def default(self) -> Member | None:
        found = [m for m in self.members if m.default]
        return found[0] if len(found) == 1 else None


def _is_identifier(word: str) -> bool:
    return bool(_IDENTIFIER.match(word)) and bool(re.search(r"[_.(]|[a-z][A-Z]", word))


def _outside_parens(body: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of pattern that is not inside parentheses (one pass over the text)."""
    depth, pos = 0, 0
    for m in pattern.finditer(body):
        for ch in body[pos : m.start()]:
            depth += ch in "(（"
            depth -= ch in ")）" and depth > 0
        pos = m.start()
        if depth == 0:
            return m
    return None


def _split_top(body: str) -> list[str]:
    """Split on commas, slashes and 、 outside parentheses."""
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(body):
        ch = body[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and (ch in ",，、" or body.startswith(" / ", i)):
            parts.append(cur)
            cur = ""
            i += 3 if body.startswith(" / ", i) else 1
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


#: brackets that add to a list rather than say what their member is ("+ x", "plus y", "还有 z")
_ADDITION = re.compile(r"(?:\+|&|plus\b|and\b|also\b|还有|以及|另外)", re.I)


def _member(part: str, code: tuple[str, ...]) -> Member | None:
    m = _MEMBER.match(part)
    if not m:
        return None
    name = m.group("name").strip()
    rest = (m.group("rest") or "").strip()
    paren = (m.group("paren") or "").strip()
    if rest and not (name in code or CJK.search(rest) or re.fullmatch(r"-\w+", name)):
        return None  # "every connection is its own process": a phrase, not a member
    if len(name) > 40 or name.lower() in ("and", "or", "e.g", "etc"):
        return None
    if rest and _NUMBER.fullmatch(name):
        return None  # "3600 秒内至少 1 次写": a quantity and its unit, no name of a value
    if _ADDITION.match(paren):
        paren = ""  # "lifecycle (+ `providers` on module blocks)": one more member, no meaning
    default = bool(_DEFAULT.match(paren))
    desc = rest
    if paren and not default:
        desc = f"{rest} ({paren})" if rest else paren
    if desc and all(_is_identifier(w) for w in re.split(r"[\s,/]+", desc) if w):
        desc = ""  # "(n_dead_tup, last_autovacuum)": more names, not a description
    return Member(name, desc.strip(), default, aside=bool(paren) and not rest)


def enumeration(text: str, code: tuple[str, ...] = ()) -> Enumeration | None:
    """The set of values a line lists after its label, or None when it lists none."""
    m = _LABEL.match(text)
    if not m:
        # "`appendfsync` everysec (default) / always / no": a setting and its values
        m = re.match(r"^(?P<label>\S+)\s+(?P<body>[^/]+(?:\s/\s[^/]+){2,})$", text)
        if not m or m.group("label") not in code:
            return None
    label = m.group("label").strip(" `*")
    body = m.group("body")
    tail = ""
    split = _outside_parens(body, _TAIL)
    if split:
        body, tail = body[: split.start()], body[split.end() :].strip()
    parts = _split_top(body)
    if len(parts) < 3 and not (len(parts) == 2 and "(" in body):
        return None
    members = []
    for p in parts:
        member = _member(p, code)
        if member is None:
            return None
        members.append(member)
    names = [x.name for x in members]
    if len({n.casefold() for n in names}) < len(names):
        return None
    # "discarding, learning, forwarding (blocking + listening + disabled merged into
    # discarding)": the last member's brackets naming another member speak of the list
    last = members[-1]
    if last.aside and _names_other(last, names):
        members[-1] = replace(last, description="")
    return Enumeration(label, tuple(members), tail)


def _names_other(member: Member, names: list[str]) -> bool:
    said = member.description.casefold()
    return any(
        n.casefold() != member.name.casefold()
        and re.search(rf"(?<![\w-]){re.escape(n.casefold())}(?![\w-])", said) is not None
        for n in names
    )
