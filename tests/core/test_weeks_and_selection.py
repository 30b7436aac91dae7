import dataclasses
import random
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.core.models import QuestionRec
from bot.core.play.selection import choice_order, choose_questions
from bot.core.weeks import week_start


def test_week_start_utc_boundary():
    assert week_start(datetime(2026, 11, 29, 23, 59, 59, tzinfo=UTC)) == date(2026, 11, 23)
    assert week_start(datetime(2026, 11, 30, 0, 0, 0, tzinfo=UTC)) == date(2026, 11, 30)


def test_week_start_in_team_timezone():
    # Sunday 23:30 UTC is already Monday in Berlin
    moment = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)
    assert week_start(moment, "Europe/Berlin") == date(2026, 11, 30)
    assert week_start(moment, "America/New_York") == date(2026, 11, 23)


def q(i, kind="choice"):
    choices = ("True", "False") if kind == "truefalse" else ("a", "b", "c", "d")
    return QuestionRec(i, f"u{i}", "T", f"p{i}", choices, 0, kind=kind)


def test_never_asked_first_then_oldest():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    cands = [(q(1), now), (q(2), None), (q(3), now - timedelta(days=3)), (q(4), None)]
    picked = choose_questions(cands, 3, random.Random(0))
    assert {p.id for p in picked[:2]} == {2, 4}
    assert picked[2].id == 3


def test_no_duplicates_and_short_bank():
    cands = [(q(1), None), (q(1), None), (q(2), None)]
    assert sorted(p.id for p in choose_questions(cands, 5, random.Random(0))) == [1, 2]


def test_choice_order_is_a_permutation_and_truefalse_stays():
    order = choice_order(q(1), random.Random(3))
    assert sorted(order) == [0, 1, 2, 3]
    assert choice_order(q(2, "truefalse"), random.Random(3)) == (0, 1)


def test_one_question_per_fact_within_a_deck():
    def f(i, fact, deck=1):
        return dataclasses.replace(q(i), fact=fact, deck_id=deck)

    cands = [(f(1, "x"), None), (f(2, "x"), None), (f(3, None), None), (f(4, None), None)]
    cands += [(f(5, "x", deck=2), None), (f(6, "y"), None)]
    for seed in range(20):
        picked = choose_questions(cands, 6, random.Random(seed))
        facts = [(p.deck_id, p.fact) for p in picked if p.fact]
        assert len(facts) == len(set(facts)) == 3  # (1,x) once, (2,x) and (1,y)
        assert {3, 4} <= {p.id for p in picked}  # questions without a fact are never held back
        assert len(picked) == 5


def test_lettered_choices_keep_their_order():
    lettered = QuestionRec(9, "u9", "T", "A. x\nB. y\nC. z", ("A", "B", "C"), 2)
    assert choice_order(lettered, random.Random(1)) == (0, 1, 2)


@pytest.mark.parametrize(
    ("choices", "shown"),
    [
        (("16 KB", "1 KB", "4 KB"), ("1 KB", "4 KB", "16 KB")),
        (("900", "60", "3600", "15"), ("15", "60", "900", "3600")),
        (("30 min", "15 min", "5 minutes"), ("5 minutes", "15 min", "30 min")),
        (("10秒", "3秒", "5秒"), ("3秒", "5秒", "10秒")),
    ],
)
def test_numbers_of_one_unit_are_shown_ascending_and_others_shuffled(choices, shown):
    """The README: numeric options are shown in ascending order, whatever the seed; options of
    other kinds, or numbers of different dimensions, are still shuffled."""
    numeric = QuestionRec(7, "u7", "T", "How much?", choices, 1)
    for seed in range(10):
        order = choice_order(numeric, random.Random(seed))
        assert tuple(choices[i] for i in order) == shown
    for other in (("30 s", "1 GB", "5 min"), ("80", "443", "http")):
        mixed = QuestionRec(8, "u8", "T", "Which?", other, 0)
        orders = {choice_order(mixed, random.Random(seed)) for seed in range(30)}
        assert len(orders) > 1 and all(sorted(o) == [0, 1, 2] for o in orders)


@pytest.mark.parametrize(
    ("choices", "shown"),
    [
        (("2 min", "30 s", "1 min"), ("30 s", "1 min", "2 min")),
        (("1 GB", "512 MB", "2 GB", "256 MB"), ("256 MB", "512 MB", "1 GB", "2 GB")),
        (("1 h", "90 min", "45 minutes"), ("45 minutes", "1 h", "90 min")),
        (("500 ms", "2 s", "1 s"), ("500 ms", "1 s", "2 s")),
    ],
)
def test_numbers_in_units_of_one_dimension_are_shown_by_their_converted_value(choices, shown):
    """30 s, 1 min and 2 min are numbers of one quantity: shown from the smallest up too."""
    numeric = QuestionRec(7, "u7", "T", "How long?", choices, 1)
    for seed in range(10):
        order = choice_order(numeric, random.Random(seed))
        assert tuple(choices[i] for i in order) == shown
