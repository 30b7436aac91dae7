import random

from bot.core.models import QuestionRec
from bot.core.play.reveals import gives_away, reveal_each_other, said_in, telling_answer
from bot.core.play.selection import choose_questions


def rec(i, prompt, choices, answer, explanation="", kind="choice", fact=None):
    return QuestionRec(
        i, f"u{i}", "T", prompt, tuple(choices), answer, kind=kind, explanation=explanation,
        fact=fact,
    )  # fmt: skip


ROW_KEY = rec(
    1,
    "Which error code is described: 'too many requests from the IAM role'?",
    ["HEALTH_CONSTRAINTS", "THROTTLED", "NO_INSTANCES"],
    1,
    "THROTTLED — too many requests from the IAM role; retry after 30 seconds",
)
ROW_VALUE = rec(
    2,
    "After THROTTLED, how long should a client wait before retrying?",
    ["10 seconds", "30 seconds", "60 seconds"],
    1,
)
OTHER = rec(3, "What is SQS's default visibility timeout?", ["20 s", "30 s", "45 s"], 1)


def test_an_explanation_or_prompt_saying_the_answer_gives_it_away():
    assert gives_away(ROW_KEY, ROW_VALUE)  # its explanation says "30 seconds"
    assert gives_away(ROW_VALUE, ROW_KEY)  # its prompt names THROTTLED
    assert not gives_away(ROW_KEY, OTHER)  # "30 s" is not "30 seconds"
    assert reveal_each_other(ROW_VALUE, ROW_KEY) and not reveal_each_other(OTHER, ROW_KEY)


def test_an_answer_counts_only_as_a_whole_word():
    assert said_in("2000", "listens on UDP port 2000.")
    assert not said_in("2000", "listens on UDP port 20000")
    assert not said_in("iam", "many IAMs")
    assert said_in("用户池", "cognito 的用户池支持 mfa")  # no word boundaries in Chinese


def test_answers_that_any_text_holds_tell_nothing():
    assert telling_answer(rec(4, "p", ["True", "False"], 0, kind="truefalse")) is None
    assert telling_answer(rec(5, "p", ["A", "B", "C"], 2)) is None  # a letter for an option
    assert telling_answer(rec(6, "p", ["1", "3", "9"], 1)) is None
    assert telling_answer(rec(7, "p", ["x", "Blue/Green"], 1)) == "blue/green"
    assert telling_answer(rec(8, "p", ["x"], 3)) is None  # a broken index tells nothing


def test_a_round_passes_over_a_question_another_gives_away():
    cands = [(ROW_KEY, None), (ROW_VALUE, None), (OTHER, None)]
    for seed in range(20):
        picked = choose_questions(cands, 2, random.Random(seed))
        assert len(picked) == 2
        assert not reveal_each_other(*picked)
        assert OTHER in picked


def test_a_round_rather_asks_a_giveaway_than_comes_up_short():
    cands = [(ROW_KEY, None), (ROW_VALUE, None), (OTHER, None)]
    picked = choose_questions(cands, 3, random.Random(1))
    assert sorted(p.id for p in picked) == [1, 2, 3]
    # but never two of one fact, even then
    same = [(rec(9, "a", ["xx", "yy"], 0, fact="f"), None), (rec(10, "b", ["zz", "ww"], 0, fact="f"), None)]  # fmt: skip
    assert len(choose_questions(same, 2, random.Random(1))) == 1


def test_picked_questions_keep_the_least_recent_first_order():
    cands = [(OTHER, None), (ROW_KEY, None)]
    for seed in range(10):
        picked = choose_questions(cands, 2, random.Random(seed))
        assert len(picked) == 2
    from datetime import UTC, datetime

    old, new = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC)
    ordered = choose_questions(
        [(OTHER, new), (ROW_KEY, old), (ROW_VALUE, None)], 3, random.Random(0)
    )
    assert [p.id for p in ordered] == [2, 1, 3]
