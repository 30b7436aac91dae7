from bot.core.leaderboard import rank_rows
from bot.core.models import ScoreRow


def row(pid, name, points, correct=0, answered=1):
    return ScoreRow(pid, name, points, correct, answered)


def test_competition_ranking_with_ties():
    ranked = rank_rows([row(1, "c", 50), row(2, "a", 100), row(3, "b", 100), row(4, "d", 10)])
    assert [(r.rank, r.row.display_name) for r in ranked] == [
        (1, "a"),
        (1, "b"),
        (3, "c"),
        (4, "d"),
    ]


def test_ties_ordered_by_correct_then_name():
    ranked = rank_rows([row(1, "zed", 100, correct=2), row(2, "amy", 100, correct=1)])
    assert [r.row.display_name for r in ranked] == ["zed", "amy"]
    assert [r.rank for r in ranked] == [1, 1]


def test_accuracy():
    assert rank_rows([row(1, "a", 0, 0, 0)])[0].accuracy is None
    assert rank_rows([row(1, "a", 0, 3, 4)])[0].accuracy == 0.75


def test_empty():
    assert rank_rows([]) == []
