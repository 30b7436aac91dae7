"""Text that points at its neighbours ("see below", "same as above", "同上", "见上文"): it says
nothing on its own, so a question made of it asks nothing a player can answer."""

from __future__ import annotations

import re
from functools import lru_cache

_POINTER = re.compile(
    r"\b(?:see|same as|as|everything|all|like|shown|mentioned|listed|described|noted|cf\.?)\s+"
    r"(?:above|below|before|earlier|previously)\b(?!\s*[\d<>=])"
    # (not "the previous one": "skip the new run while the previous one runs" is content)
    r"|\bsee\s+(?:the\s+)?(?:previous|next|following|preceding)\b"
    r"|\bditto\b"
    # Chinese by its own phrases: 同上 only as the whole remark ("不同上游" is another word),
    # 下文 not inside 上下文 ("context")
    r"|^\W*同[上下前](?:\W|$)|[见参][上下](?:文|面|一[节条行])|如[上前]所述|上述|前述|前面提到"
    r"|(?<!上)下文|上文",
    re.I,
)


#: a word or character every pointer holds: few texts hold one, and finding none is cheap where
#: trying each of `_POINTER`'s phrases at each place of the text is not
_POINTER_WORD = re.compile(
    r"above|below|before|earlier|previous|next|following|preceding|ditto|[上下前]", re.I
)


@lru_cache(maxsize=16384)
def refers_to_context(text: str) -> bool:
    """A line or cell that refers to what stands above or below it, so cannot stand alone.
    Cached: a table's keys are options of each of its rows' questions."""
    return _POINTER_WORD.search(text) is not None and _POINTER.search(text) is not None
