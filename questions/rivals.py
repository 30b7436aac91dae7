"""Names the notes set against each other at the head of a line ("Azure Policy vs RBAC — …",
"ACI vs AKS — …", "### RDB vs AOF"): by the writer's own word the thing a reader confuses
the other with, so each is the other's first wrong option."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from questions.text import norm

#: a line's head up to where it goes on to say something: "Azure Policy vs RBAC — …"
_HEAD = re.compile(r"^\s*(?P<head>[^—–:：(（,;|]{3,120}?)\s*(?:$|[—–:：(（,;|]|\s-\s)")
_VS = re.compile(r"\s+(?:vs\.?|versus|VS\.?|v\.s\.)\s+")
#: the most words of a name set against another: longer, it is a phrase ("single containers
#: quickly vs full orchestration")
_NAME_WORDS = 4


def contrasted(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """Name (comparison form) -> the names a line's head sets it against, as written."""
    found: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        if " vs" not in text and "versus" not in text and " VS" not in text:
            continue  # most lines: no regex read
        m = _HEAD.match(text)
        if m is None:
            continue
        names = [n.strip(" *`\"'") for n in _VS.split(m["head"])]
        if len(names) < 2 or any(not n or len(n.split()) > _NAME_WORDS for n in names):
            continue
        for name in names:
            found[norm(name)].update(n for n in names if norm(n) != norm(name))
    return {k: frozenset(v) for k, v in found.items()}


def name_forms(name: str) -> list[str]:
    """The comparison forms a name may be written in when set against another: whole, or
    without its leading vendor words ("Microsoft Defender for Cloud" as "Defender for Cloud",
    "Azure RBAC" as "RBAC"): down to two words, or one in capitals."""
    m = _BRACKETED.fullmatch(name.strip())
    if m is not None:  # "Azure Container Instances (ACI)": its long form, and ACI
        return [*name_forms(m["name"]), norm(m["short"])]
    words = name.split()
    forms = [norm(name)]
    for i in range(1, len(words)):
        rest = words[i:]
        if not rest[0][:1].isupper() or (len(rest) == 1 and not _ACRONYM.fullmatch(rest[0])):
            break
        forms.append(norm(" ".join(rest)))
    return forms


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_BRACKETED = re.compile(r"(?P<name>[^()（）]+?)\s*[(（](?P<short>[A-Za-z][\w-]{1,9})[)）]")
