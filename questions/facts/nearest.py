"""The few names nearest a section, from names sorted by section: a bisect and a short walk,
so asking a name among its kin costs the same however many kin the notes hold."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def nearest(names: Sequence[tuple[int, str]], here: int, skip: str, want: int) -> tuple[str, ...]:
    """Up to `want` names other than `skip`, nearest `here` first; `names` sorted by section."""
    at = bisect.bisect_left(names, (here, ""))
    lo, hi = at - 1, at
    out: list[str] = []
    while len(out) < want and (lo >= 0 or hi < len(names)):
        take_hi = lo < 0 or (hi < len(names) and names[hi][0] - here <= here - names[lo][0])
        name = (names[hi] if take_hi else names[lo])[1]
        if take_hi:
            hi += 1
        else:
            lo -= 1
        if name != skip and name not in out:
            out.append(name)
    return tuple(out)
