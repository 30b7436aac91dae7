"""Number options a guesser cannot read: no even series (1, 2, 3, 4 MB), no option absurdly
far from the key (1.5 beside 15.0), no key alone at one end (412 beside 403, 404, 405), and
status codes with neighbours of their class on both sides."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from questions.candidate import Candidate
from questions.generate import generate_document
from questions.values import parse_number

CACHE = """# Cache server handbook

## Memory settings

- `buffer-pool-size` defaults to 1 MB; raise it for large working sets.
- `worker-count` defaults to 1 and rarely needs more.
- `flush-delay` is 3 seconds by default, so a crash loses at most that much.
- `frag-ratio` above 1.5 means the allocator is fragmenting memory.
- `page-size` is 8 KB on every platform.

## Replies

- A write against a stale version is answered with 412 Precondition Failed.
- A missing key returns 404 Not Found; a bad verb returns 405 Method Not Allowed.
- A client without rights gets 403 Forbidden.
"""

STATUS_TABLE = """# Gateway replies

## Status codes

| Code | Meaning |
|---|---|
| 400 | the body does not parse |
| 401 | no credentials were sent |
| 403 | the token lacks the scope |
| 404 | no such route |
| 405 | the verb is not allowed on the route |
| 429 | the client sent too many requests and must back off |
| 502 | the upstream answered with garbage |
"""


def _numeric(notes: str, generator: str) -> Iterator[tuple[Candidate, list[float], float]]:
    """Every candidate of the generator whose options are all numbers: the candidate, its
    option values and the key's value."""
    r = generate_document("t.md", notes)
    for c in r.candidates:
        values = [parse_number(o) for o in c.options]
        if c.generator == generator and all(values):
            nums = [n.value for n in values if n is not None]
            yield c, nums, nums[c.answer]


def _even(values: list[float]) -> bool:
    s = sorted(values)
    return len({round(b - a, 6) for a, b in pairwise(s)}) == 1


def _lone_key(values: list[float], key: float) -> bool:
    others = sorted(x for x in values if x != key)
    at_end = key < others[0] or key > others[-1]
    return at_end and min(abs(x - key) for x in others) > others[-1] - others[0]


def test_quantity_options_are_no_even_series() -> None:
    asked = [(c.options, vs) for c, vs, _ in _numeric(CACHE, "number") if len(vs) >= 4]
    assert len(asked) >= 4, asked
    for options, values in asked:
        assert not _even(values), options


def test_quantity_options_stay_within_a_believable_reach_of_the_key() -> None:
    asked = [(c.options, vs, k) for c, vs, k in _numeric(CACHE, "number") if k not in (403, 412)]
    assert asked
    for options, values, key in asked:
        assert all(key / 8 <= x <= key * 8 for x in values if x), options


def test_a_status_code_gets_codes_of_its_class_on_both_sides() -> None:
    asked = [(c.options, vs, k) for c, vs, k in _numeric(CACHE, "number") if k == 412]
    assert asked
    for options, values, key in asked:
        same_class = [x for x in values if x // 100 == 4]
        assert min(same_class) < key < max(same_class), options
        assert not _lone_key(values, key), options


def test_a_table_of_codes_does_not_set_its_key_apart() -> None:
    # 502, the one 5xx row, has no code of its class beside it; 429 has
    asked = [(c, vs, k) for c, vs, k in _numeric(STATUS_TABLE, "table") if k == 429]
    assert asked
    for c, values, key in asked:
        assert not _lone_key(values, key), c.options


NINES = """# Managed databases

## Availability

- Spanner SLA: 99.99% regional, 99.999% multi-region
- Cloud SQL HA: 99.95% monthly uptime
- object storage durability is 99.999999999% (11 nines) for every class
"""


ROUND_NINES = """# SLA numbers

## Downtime per month

- 99% → ~7.2 hours of downtime
- 99.9% → ~43.2 minutes of downtime
- 99.95% → ~21.6 minutes of downtime
- 99.99% → ~4.32 minutes of downtime
"""


def test_a_round_99_percent_among_nines_meets_nines() -> None:
    """ "___ → ~7.2 hours" offered 50 %, 60 % and 75 % beside 99 % (az900 review): where the
    notes write nines, 99 % is one of them."""
    from questions.distractors import Pool
    from questions.facts.extract import extract
    from questions.parse.markdown import parse_document
    from questions.values import numbers_in

    doc = parse_document(ROUND_NINES, "r.md")
    facts = extract(doc)
    pool = Pool(doc, facts)
    fact = next(f for f in facts if f.kind == "number" and f.value == "99%")
    wrong = pool.numbers(numbers_in("99%")[0], "quantity", fact)
    assert len(wrong) >= 2, wrong
    assert all(99 < float(w.rstrip("%")) < 100 for w in wrong), wrong


def test_an_availability_is_offered_beside_other_nines() -> None:
    """ "Spanner: ___ regional" offered 99.89 %, 99.94 % and a rounded 100.00 % (review 16):
    an availability or a durability is asked among the nines people write."""
    result = generate_document("n.md", NINES)
    asked = [q for _, q in result.chosen if q.choices[q.answer].startswith("99.")]
    assert len(asked) >= 2, [q.prompt for _, q in result.chosen]
    for q in asked:
        wrong = [c for i, c in enumerate(q.choices) if i != q.answer]
        assert all(99 <= float(c.rstrip("%")) < 100 for c in wrong), q.choices
        assert all(c.rstrip("%").replace("9", "").strip(".") in ("", "5") for c in wrong), q.choices
