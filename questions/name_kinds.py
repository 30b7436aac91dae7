"""What kind of value a name takes, and which words the notes write only as another's option.

Two things the notes show about a name that its shape does not: the value it is set to
(`keepalive.interval.ms | 15000` is a duration, `clean.start | true` a switch, `metadata:`
opening a block of fields a map), and whether it is a word of its own or an option written
inside another's parentheses (`COMPACT (DRY_RUN, VERBOSE)`: VERBOSE is an option of
COMPACT, no command beside it). Options of one question are names of one such kind: a
duration setting beside a switch, or an option beside the command it modifies, is told
apart by what it is, not by knowing the answer.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from questions.candidate import Candidate, place_answer
from questions.headers import yes_no
from questions.parse.model import Document
from questions.term_kinds import TermKinds
from questions.text import CJK
from questions.values import any_switch, cell_kind, hard_kind, shape, value_kind, value_kinds

#: the parts of a name: dotted, snake, kebab or camelCase (`ttlSecondsAfterFinished`)
_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
#: unit words a name may carry (`retry.backoff.ms`, `ttlSecondsAfterFinished`, `max_bytes`)
_NAME_UNITS = {"ms": "ms", "millis": "ms", "milliseconds": "ms", "secs": "s", "seconds": "s",
               "minutes": "min", "hours": "h", "days": "d", "bytes": "B", "kb": "KB",
               "mb": "MB", "gb": "GB"}  # fmt: skip
#: a `key: value` or `key = value` line of a code block (YAML, an ini or properties file)
_CODE_SETTING = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w.\-]*)\s*[:=]\s*(.*?)\s*(?:#.*)?$")
#: a word of capitals written with options in parentheses after it: `COMPACT (DRY_RUN, VERBOSE)`
#: (an option may take a value of its own: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`)
_WITH_OPTIONS = re.compile(
    r"(?<![\w(])([A-Z][A-Z_]+)\s*\(\s*([A-Z][A-Z_]*(?:\s+[A-Z0-9_]+)?"
    r"(?:\s*,\s*[A-Z][A-Z_]*(?:\s+[A-Z0-9_]+)?)*)\s*\)"
)
#: a code span that opens with a word and goes on: that word leads a command of its own
_LEADS = re.compile(r"^\s*([A-Z][A-Z_]+)\s+\S")

#: how settings are named in a table's rows: dotted, snake, kebab, camelCase, PascalCase
#: (`MaxGCPauseMillis`), CAPS, flags; a plain Name (`Nearline`) is a product or a class
_SETTING_SHAPES = frozenset({"dotted", "snake", "kebab", "camel", "Pascal", "caps", "flag"})

MAP = "map"  # a key opening a block of fields (`metadata:` then indented lines)


@lru_cache(maxsize=16384)
def suffix_unit(name: str) -> str:
    """The unit a unit word of a name says (`retry.backoff.ms`: ms; `ttlSecondsAfterFinished`:
    s; `max_bytes`: B), or "". A lone `s` counts only at the end (`timeout_s`)."""
    parts = [p.lower() for p in _PARTS.findall(name.strip("`"))]
    units = [_NAME_UNITS[p] for p in parts if p in _NAME_UNITS] if len(parts) > 1 else []
    if not units and len(parts) > 1 and parts[-1] == "s":
        units = ["s"]
    return units[0] if units else ""


def suffix_kind(name: str) -> str:
    """The value kind the unit word of a name says (`suffix_unit`): duration, size, or ""."""
    unit = suffix_unit(name)
    kind = value_kind(f"1 {unit}") if unit else ""
    return kind if kind in ("duration", "size") else ""


#: what a text value may be written as that no word of another form stands beside
_TEXT_FORMS = frozenset({"path", "flag", "ip", "cidr", "portproto"})
#: a cell that opens with a bare number (its aside, if any, after it): "0", "168 (7 天)"
_BARE_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?![\w.])")


def row_value_kinds(keys: Sequence[str], cells: Sequence[str]) -> list[str]:
    """The value kind of each row's cell of a column (`values.cell_kind`), read with the
    name of its row: a bare number of `linger.ms` counts milliseconds and of
    `log.retention.hours` hours ("168 (7 天)" too), though the column's "true" would make a
    bare 0 or 1 a switch; a text value written as a path or a flag is of that form. A false
    statement or an option made of another row's cell of another kind is told apart by its
    kind alone ("`linger.ms` is true", an hours value beside sizes)."""
    switches = any_switch(cells)
    out = []
    for key, cell in zip(keys, cells, strict=True):
        kind = cell_kind(cell, switches)
        named = suffix_unit(key) if _BARE_NUMBER.match(cell.strip().strip("`")) else ""
        if named and kind in ("count", "switch", value_kind(f"1 {named}")):
            kind = f"{value_kind(f'1 {named}')}:{named}"  # only a setting named in it has it
        elif kind == "text" and cell.strip("` "):
            form = hard_kind(cell)
            kind = form if form in _TEXT_FORMS else kind
        out.append(kind)
    return out


class NameKinds:
    """The value kind the notes give each name (in a table row, a code block's `key: value`
    line) and the words they write only as options of another word. Read once per notes."""

    def __init__(self, doc: Document | None, prose: Callable[[str], str] = lambda _: "") -> None:
        """`prose`: the value kind the notes' prose gives a name ("`backoffLimit` default 6":
        count), asked for names no table or code block sets."""
        self._prose = prose
        #: what kind of thing the notes show a term to be (a command, a strategy, a file)
        self.terms = TermKinds(doc)
        self._kinds: dict[str, str] = {}
        self._read: dict[str, str] = {}  # `kind` per name, once the notes are read
        self._options_of: dict[str, set[str]] = defaultdict(set)
        self._leads: set[str] = set()
        for b in doc.content if doc is not None else ():
            if b.kind == "code":
                self._read_code(b.code)
            elif b.table is not None:
                self._read_table(b.table.header, b.table.rows)
            code = b.code.splitlines() if b.kind == "code" else list(b.inline.code)
            for t in [b.text, *code] if b.kind != "code" else code:
                self._read_options(t)
            for t in code:  # only code says a word leads a command: prose opens with any word
                self._read_leads(t)

    def _set(self, name: str, kind: str) -> None:
        name = name.strip().strip("`*").strip()
        if name and kind:
            self._kinds.setdefault(name, kind)

    def _read_code(self, code: str) -> None:
        lines = code.splitlines()
        for i, line in enumerate(lines):
            m = _CODE_SETTING.match(line)
            if m is None:
                continue
            indent, name, value = m.groups()
            if value:
                self._set(name, value_kind(value.strip("\x22'")))
                continue
            following = next((x for x in lines[i + 1 :] if x.strip()), "")
            if len(following) - len(following.lstrip()) > len(indent):
                self._set(name, MAP)  # `metadata:` over indented fields

    def _read_table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """A row naming a setting in its first cell gives its value in the column of values:
        the one whose cells are most often a number or a switch (a meaning column is text).
        Only a name written as a setting is (`max.inflight.messages`, `retry_limit`): a
        product's or a concept's row (`Nearline | 30 days`) holds a property of it, and
        another row's other property is no other kind of thing. A yes/no question's column
        ("secrets available?") says what a row has, not what it is set to."""
        width = min((len(r) for r in rows), default=0)
        if width < 2 or len(header) < width:
            return
        named = [shape(r[0].strip("`* ")) in _SETTING_SHAPES for r in rows]
        if not any(named):
            return  # no setting to read a value for: the columns are never read
        columns = {
            j: value_kinds([r[j] for r in rows])
            for j in range(1, width)
            if yes_no(header[j], "zh" if CJK.search(header[j]) else "en") is None
        }
        best = max(columns, key=lambda j: sum(k != "text" for k in columns[j]), default=0)
        if not best or all(k == "text" for k in columns[best]):
            return  # no column of values: a table of descriptions
        for row, kind, setting in zip(rows, columns[best], named, strict=False):
            if setting:
                self._set(row[0], kind)

    def _read_options(self, text: str) -> None:
        for m in _WITH_OPTIONS.finditer(text):
            self._leads.add(m.group(1))
            for option in re.split(r"\s*,\s*", m.group(2)):
                self._options_of[option.split()[0]].add(m.group(1))

    def _read_leads(self, code: str) -> None:
        m = _LEADS.match(code)
        if m is not None and not code.lstrip().startswith(f"{m.group(1)} ("):
            self._leads.add(m.group(1))

    def judges(self, answer: str) -> bool:
        """Whether `kept_by_kind` may drop any option beside this answer: it has a value kind,
        or the notes write some word as another's option (else every option stays, unread)."""
        return bool(self._options_of) or (" " not in answer.strip() and bool(self.kind(answer)))

    def kind(self, name: str) -> str:
        """The value kind of a name: by its unit suffix, else as the notes set it, or ""."""
        bare = name.strip().strip("`")
        found = self._read.get(bare)
        if found is None:  # asked again for every question offering the name
            found = suffix_kind(bare) or self._kinds.get(bare) or self._prose(bare)
            self._read[bare] = found
        return found

    def option_of(self, word: str) -> frozenset[str]:
        """The words the notes write this one as an option of, when they never write it
        leading a command of its own (`ANALYZE tbl`): else none."""
        bare = word.strip().strip("`")
        if bare in self._leads:
            return frozenset()
        return frozenset(self._options_of.get(bare, ()))


def kept_by_kind(answer: str, wrong: Sequence[str], kinds: NameKinds) -> list[str]:
    """The wrong options that are names of the answer's kind. An option word is a peer only
    of other options of the same words; a setting whose value kind the notes give stands only
    beside settings of that kind (the same unit suffix counts), and one whose kind they do not
    give only where no wrong option is of the answer's kind. Never a term the notes show to
    be another kind of thing (`questions.term_kinds`)."""
    wrong = kinds.terms.like(answer, list(wrong))
    if not kinds.judges(answer):
        return list(wrong)
    mine = kinds.option_of(answer)
    out = [w for w in wrong if _option_peers(mine, kinds.option_of(w))]
    kind = kinds.kind(answer) if " " not in answer.strip() else ""
    if not kind:
        return out
    theirs = [kinds.kind(w) if " " not in w.strip() else "" for w in out]
    same = [w for w, k in zip(out, theirs, strict=True) if k == kind]
    if same:
        return same
    return [w for w, k in zip(out, theirs, strict=True) if not k]


def judged_alone(answer: str, kinds: NameKinds) -> bool:
    """`kept_by_kind` keeps or drops each wrong option on its own, whatever else is offered:
    the answer is a name whose value kind it does not weigh across the options."""
    return not kinds.judges(answer) or " " in answer.strip() or not kinds.kind(answer)


def _option_peers(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Two words are options of one kind when both are options of a shared word, or neither is
    an option of anything: an option is never offered beside a command (BUFFERS, written only
    in `EXPLAIN (ANALYZE, BUFFERS)`, beside EXPLAIN or VACUUM)."""
    if not mine and not theirs:
        return True
    return bool(mine & theirs)


def of_one_kind(c: Candidate, kinds: NameKinds) -> Candidate | None:
    """The question with only wrong options of its key's kind (`kept_by_kind`); None when
    fewer than two are left where it had more (a key beside one like name is a coin toss), or
    its only one is of another kind; a cloze naming its blank's kind keeps only options the
    notes call by it. Numbers and true/false are judged by their own rules."""
    if c.kind != "choice" or hard_kind(c.answer_text) != "term":
        return c
    wrong = c.distractors
    kept = kept_by_kind(c.answer_text, wrong, kinds)
    named = kinds.terms.named_at_blank(c.prompt) if c.blank else ""
    if named and named in kinds.terms.nouns(c.answer_text):  # "An ___ redirect": redirects
        kept = [w for w in kept if named in kinds.terms.nouns(w)]
    if len(kept) == len(wrong):
        return c
    if not kept or len(kept) < min(2, len(wrong)):
        return None
    opts, pos = place_answer(c.answer_text, kept, f"{c.fact.id}:{c.style}")
    return replace(c, options=opts, answer=pos)
