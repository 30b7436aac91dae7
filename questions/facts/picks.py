"""Lists that pick a thing for a need: "relational + regional -> Cloud SQL", "analytics/OLAP ->
BigQuery", "高并发读 → Redis". Each line is what its name is for, asked as "Which one fits
“analytics/OLAP”?" among the list's other picks: the question an exam asks most ("which
service for …"), which the notes write as a cheat sheet rather than as definitions.

A list is a pick list when at least MIN_PICKS of its lines, and most of them, are a need, one
arrow and a short name; the names are all different, and no need is itself a lone name (then
the arrow is a flow, "Pod -> Service", not a pick).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from questions.facts.model import Fact
from questions.parse.model import Block
from questions.text import TRAILING_ASIDE
from questions.values import shape

#: fewer picks leave no wrong option of the list's own
MIN_PICKS = 3
#: a longer right side is a clause ("-> use Cloud SQL with a read replica"), not a name
MAX_NAME_WORDS = 4
#: "need -> Name": one arrow, a name of at most four words with no sentence in it
_PICK = re.compile(
    r"^(?P<need>[^→>]{2,80}?)\s*(?:->|→|=>|⇒)\s*(?P<name>[^\s,;，；。.:：→>][^,;，；。:：→>]{0,39}?)\s*$"
)
_NAME_SHAPES = frozenset({"Name", "Pascal", "acronym", "Names", "camel", "lower"})


def _pick(b: Block) -> tuple[str, str] | None:
    """(need, name) of a pick line, or None."""
    # "… → **Dataproc** (use GCS instead of HDFS, …)": the pick, then an aside on it
    m = _PICK.match(TRAILING_ASIDE.sub("", b.text.strip()))
    if m is None:
        return None
    need, name = m.group("need").strip(), m.group("name").strip()
    if len(name.split()) > MAX_NAME_WORDS:
        return None
    if len(need.split()) == 1 and shape(need) in _NAME_SHAPES and need[:1].isupper():
        return None  # "Pod -> Service": a flow between two names, not a need
    return need, name


def pick_facts(blocks: Iterable[Block]) -> list[Fact]:
    """One definition fact per line of a pick list: the name, described by its need."""
    lists: dict[int, list[Block]] = defaultdict(list)
    for b in blocks:
        if b.kind == "item":
            lists[b.group].append(b)
    out: list[Fact] = []
    for items in lists.values():
        picks = [(b, p) for b in items if (p := _pick(b)) is not None]
        names = [name for _, (_, name) in picks]
        if len(picks) < MIN_PICKS or 2 * len(picks) <= len(items) or len(set(names)) < len(names):
            continue
        for b, (need, name) in picks:
            out.append(Fact("definition", name, need, b, b.line, sentence=b.text, span=name,
                            group=f"g{b.group}", role="term",
                            siblings=tuple(n for n in names if n != name),
                            sibling_values=tuple(nd for _, (nd, n) in picks if n != name),
                            extra=("pick",)))  # fmt: skip
    return out
