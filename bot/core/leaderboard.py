"""Ranking rules for leaderboards: competition ranking, so ties share a rank (1, 1, 3)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.models import ScoreRow


@dataclass(frozen=True)
class Ranked:
    rank: int
    row: ScoreRow

    @property
    def accuracy(self) -> float | None:
        return self.row.correct / self.row.answered if self.row.answered else None


def sort_key(row: ScoreRow) -> tuple[int, int, str, int]:
    return (-row.points, -row.correct, row.display_name.casefold(), row.player_id)


def rank_rows(rows: Sequence[ScoreRow]) -> list[Ranked]:
    """Rank by points; equal points share the rank of the first of them."""
    ordered = sorted(rows, key=sort_key)
    out: list[Ranked] = []
    for i, row in enumerate(ordered):
        if out and out[-1].row.points == row.points:
            out.append(Ranked(out[-1].rank, row))
        else:
            out.append(Ranked(i + 1, row))
    return out
