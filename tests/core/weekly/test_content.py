"""Pure content rules of the weekly post: most improved, hardest question, streaks, empty."""

from __future__ import annotations

from datetime import date

from bot.core.models import ScoreRow
from bot.core.views import HardestQuestion, MostMissed, Winner
from bot.core.weekly.content import (
    QuestionTally,
    build_post,
    hardest_question,
    most_improved,
    most_missed,
    streak_leaders,
)

WEEK = date(2026, 11, 16)


def row(pid: int, name: str, points: int, correct: int = 1, answered: int = 1) -> ScoreRow:
    return ScoreRow(pid, name, points, correct, answered)


def test_most_improved_is_the_largest_gain_over_the_week_before():
    rows = [row(1, "Ann", 300), row(2, "Bob", 400), row(3, "Cy", 150)]
    before = {1: 50, 2: 350}
    assert most_improved(rows, before) == Winner("Ann", 250)


def test_a_newcomer_gains_all_their_points():
    assert most_improved([row(1, "Ann", 100), row(2, "New", 200)], {1: 50}) == Winner("New", 200)


def test_equal_gains_go_to_more_points_then_name():
    rows = [row(1, "Bob", 300), row(2, "Ann", 200), row(3, "amy", 200)]
    before = {1: 200, 2: 100, 3: 100}
    assert most_improved(rows, before) == Winner("Bob", 100)
    assert most_improved(rows[1:], before) == Winner("amy", 100)


def test_nobody_improved_when_nobody_gained():
    assert most_improved([row(1, "Ann", 100)], {1: 100}) is None
    assert most_improved([row(1, "Ann", 100)], {1: 300}) is None
    assert most_improved([], {}) is None


def test_players_without_answers_are_not_most_improved():
    assert most_improved([row(1, "Ghost", 500, 0, 0)], {}) is None


def tally(qid: int, answered: int, correct: int) -> QuestionTally:
    return QuestionTally(qid, f"Q{qid}?", f"A{qid}", answered, correct)


def test_hardest_is_the_lowest_share_right_with_enough_answers():
    tallies = [tally(1, 4, 3), tally(2, 4, 1), tally(3, 2, 0), tally(4, 5, 2)]
    assert hardest_question(tallies, 3) == HardestQuestion("Q2?", "A2", 0.25, 4)


def test_hardest_ties_go_to_more_answers_then_older_question():
    assert hardest_question([tally(5, 4, 2), tally(6, 6, 3)], 3) == HardestQuestion(
        "Q6?", "A6", 0.5, 6
    )
    assert hardest_question([tally(9, 4, 2), tally(7, 4, 2)], 3).prompt == "Q7?"


def test_no_hardest_question_without_enough_answers():
    assert hardest_question([tally(1, 2, 0)], 3) is None
    assert hardest_question([], 3) is None


def test_streak_leaders_are_the_longest_current_streaks():
    streaks = [
        Winner("Cy", 2),
        Winner("Ann", 5),
        Winner("bob", 5),
        Winner("Dee", 1),
        Winner("Eve", 3),
    ]
    assert streak_leaders(streaks, 3, 2) == (Winner("Ann", 5), Winner("bob", 5), Winner("Eve", 3))
    assert streak_leaders([Winner("Dee", 1)], 3, 2) == ()


def test_build_post_ranks_with_ties_and_cuts_to_the_top():
    rows = [row(i, f"p{i:02d}", 100 * (i // 2), 1, 2) for i in range(1, 14)]
    post = build_post(WEEK, rows, [], [], [], top_n=10)
    assert not post.empty
    assert len(post.top.entries) == 10
    ranks = [(e.rank, e.row.display_name, e.row.points) for e in post.top.entries[:4]]
    assert ranks == [(1, "p12", 600), (1, "p13", 600), (3, "p10", 500), (3, "p11", 500)]
    assert post.top.entries[0].accuracy == 0.5
    assert post.top.week_start == WEEK


def test_an_empty_week_is_marked_empty():
    post = build_post(WEEK, [], [row(1, "Ann", 100)], [tally(1, 5, 0)], [Winner("Ann", 4)])
    assert post.empty
    assert post.top.entries == ()
    assert post.most_improved is None and post.hardest is None and post.streak_leaders == ()


def test_most_missed_is_the_most_wrong_answers_then_the_lower_share_right():
    tallies = [tally(1, 10, 7), tally(2, 3, 0), tally(3, 4, 1), tally(4, 2, 2)]
    assert most_missed(tallies) == MostMissed("Q2?", "A2", "", 3, 3)  # 3 wrong, 0% beats 25%
    assert most_missed([tally(5, 9, 6), tally(6, 4, 1)]) == MostMissed("Q6?", "A6", "", 3, 4)
    assert most_missed([tally(6, 6, 3), tally(5, 6, 3)]) == MostMissed("Q5?", "A5", "", 3, 6)
    assert most_missed([tally(7, 3, 3)]) is None
    assert most_missed([]) is None
