""" "Which statement about A and B is correct?" for a comparison of exactly two things.

Asked between its two sides alone, each aspect of such a comparison is a coin toss ("Which of
ConfigMap / Secret is meant for …?"). Asked as statements, each option pairs one side with one
aspect's value: the key is the fact's own pairing, every other option pairs a side with the
other side's value of another aspect, so it is false by the notes. One option per aspect:
two options on one aspect would tell a player who knows the form that one of them is the key
(each value belongs to one side), or that two swapped pairings of one aspect are both wrong.
With two aspects only, the fact's side is asked for both values at once instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import combinations, islice

from questions.bank import MAX_CHOICE
from questions.candidate import Candidate, stable_int
from questions.facts.model import Fact
from questions.generators.common import MAX_SPREAD, aspect_row, build, lang_of
from questions.paraphrase import says_name
from questions.stems import pair_option, pair_profile, pair_statement, profile_option
from questions.tables import Table, is_empty, polarity
from questions.text import ASIDE, contains, cut_short, norm

STYLE = "pairing"
#: ...and a side asked for both of a two-aspect comparison's values at once
PROFILE = "profile"
#: the ways of asking whose stem names both sides and options pair them, by design
PAIRED = frozenset({STYLE, PROFILE})
#: the key and two other aspects' swapped pairings: three clean options, no filler...
OPTIONS = 3
#: ...four where the table has this many aspects, so that stems naming four still differ
#: (on four aspects every stem would name all four, and a bank holds each stem once)
FOUR_FROM = 5
#: ways of choosing the other aspects tried per fact, at most
MAX_WAYS = 3
#: a key this much longer or shorter than the middle option stands out
MAX_KEY_RATIO = 1.5
#: an aside in a cell ("(URLs, flags, whole files)"): left out of an option that would not fit

Shown = dict[int, tuple[str, str]]  # aspect column -> the two sides' values as options say them


def _fits(options: Sequence[str]) -> bool:
    lengths = [len(o) for o in options]
    return max(lengths) <= MAX_CHOICE and max(lengths) <= MAX_SPREAD * min(lengths)


def _length_hidden(key: str, wrong: Sequence[str]) -> bool:
    """Every value is offered twice, so lengths may differ widely: only a key far longer or
    shorter than the middle option would tell (1.5 times, the usual bound)."""
    if max(len(o) for o in (key, *wrong)) > MAX_CHOICE:
        return False
    middle = sorted(len(w) for w in wrong)[len(wrong) // 2]
    return middle / MAX_KEY_RATIO <= len(key) <= MAX_KEY_RATIO * middle


def _distinct(a: str, b: str) -> bool:
    x, y = norm(a), norm(b)
    return bool(x) and bool(y) and x not in y and y not in x


def _unaside(values: tuple[str, str]) -> tuple[str, str]:
    return (ASIDE.sub("", values[0]).strip(), ASIDE.sub("", values[1]).strip())


def _aspects(table: Table, lang: str) -> Shown:
    """The aspects that tell the two sides apart, with the values options show: both cells
    filled, a yes only against a no, neither saying what the other says nor naming a side ("kubectl create secret" paired with
    ConfigMap is wrong at a glance), and short enough to be an option either way round (whole,
    or without their asides)."""
    out: Shown = {}
    for j, header in enumerate(table.headers):
        cells = table.column(j)
        if any(is_empty(c) or cut_short(c) for c in cells) or not _opposed(cells):
            continue
        if any(contains(c, k) or says_name(c, k) for c in cells for k in table.keys):
            continue
        for shown in ((cells[0], cells[1]), _unaside((cells[0], cells[1]))):
            longest = max(len(pair_option(k, header, v, lang)) for k in table.keys for v in shown)
            if _distinct(*shown) and longest <= MAX_CHOICE:
                out[j] = (shown[0], shown[1])
                break
    return out


def _leaning(cell: str) -> bool | None:
    """Yes or no, also when an aside follows ("有（滑动窗口、慢启动…）"), or None."""
    said = polarity(cell)
    return said if said is not None else polarity(ASIDE.sub("", cell))


def _opposed(cells: Sequence[str]) -> bool:
    """Two cells that are no yes/no, or a yes against a no: a "no" beside a "not by default"
    says the same of both sides."""
    leanings = [_leaning(c) for c in cells]
    if all(x is None for x in leanings):
        return True
    return None not in leanings and leanings[0] != leanings[1]


def pairings(f: Fact) -> Iterator[Candidate]:
    """The fact's side and aspect as the key of a "which statement is correct" question, each
    way of choosing the other aspects in turn (a bank holds each stem once, and the stem names
    the aspects offered), or nothing when the comparison has no second aspect to offer (its
    coin toss is left to the other ways of asking). Which aspects come first, and which side
    each pairs wrongly, follows the fact's id, so each fact is asked one way every time."""
    t = f.table
    if t is None or not t.transposed or len(t.keys) != 2 or f.row not in (0, 1):
        return
    lang = lang_of(f)
    shown = _aspects(t, lang)
    if f.column not in shown:
        return
    if len(shown) == 2:
        c = _profile(f, t, shown, lang)
        if c is not None:
            yield c
        return
    key = pair_option(t.keys[f.row], t.headers[f.column], shown[f.column][f.row], lang)
    others = sorted((j for j in shown if j != f.column), key=lambda j: stable_int(f.id, str(j)))
    options = OPTIONS + (len(shown) >= FOUR_FROM)
    for chosen in islice(combinations(others, options - 1), MAX_WAYS):
        wrong = {}
        for j in chosen:
            side = stable_int(f.id, "side", str(j)) % 2  # which side is paired wrongly
            wrong[j] = pair_option(t.keys[side], t.headers[j], shown[j][1 - side], lang)
        if not _fits([key, *wrong.values()]):
            continue
        asked = sorted([f.column, *wrong])  # in the table's order
        prompt = pair_statement(t.keys[0], t.keys[1], [t.headers[j] for j in asked], lang)
        c = build("table", STYLE, f, prompt, key, list(wrong.values()), lang, rank=0,
                  notes_options=True)  # fmt: skip
        if c is not None:
            yield replace(c, explanation=_rows(t, asked))


def _profile(f: Fact, t: Table, shown: Shown, lang: str) -> Candidate | None:
    """Two aspects only: the fact's side is asked for both values at once, and the options are
    the four ways of pairing the two sides' values, so each value is offered twice and none
    stands out (one option per aspect cannot work here: three options on two aspects always
    hold two of which one must be true)."""
    a, b = sorted(shown)
    side, other = f.row, 1 - f.row
    pairs = ((side, side), (side, other), (other, side), (other, other))  # the key first
    for va, vb in ((shown[a], shown[b]), (_unaside(shown[a]), _unaside(shown[b]))):
        if any(";" in v or "；" in v for v in (*va, *vb)):
            return None  # the values' own separator would blur where one ends
        key, *wrong = [profile_option(va[x], vb[y], lang) for x, y in pairs]
        if _length_hidden(key, wrong) and _distinct(*va) and _distinct(*vb):
            break
    else:
        return None
    prompt = pair_profile(t.keys[side], t.keys[other], t.headers[a], t.headers[b], lang)
    c = build("table", PROFILE, f, prompt, key, wrong, lang, rank=0, notes_options=True)
    return None if c is None else replace(c, explanation=_rows(t, [a, b]))


def _rows(t: Table, asked: Sequence[int]) -> str:
    """Every aspect offered, across both sides: why each wrong pairing is wrong."""
    return " | ".join(aspect_row(t, j, t.headers[j]) for j in asked)
