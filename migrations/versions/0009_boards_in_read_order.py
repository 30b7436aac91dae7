"""Leaderboard indexes in the order boards are read

`ix_scores_weekly_board` and `ix_scores_total_board` become (team, [week,] points DESC,
correct DESC, player_id): the order of every board read, so a top N is the index's first N
rows. Before, the index gave points only, and PostgreSQL sorted the whole team's rows for the
tie-breaks (with stale statistics it joined every one of them to its player first: a round
summary's week top took 50-500 ms with 15,000 players in a team).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_scores_weekly_board", table_name="scores_weekly")
    op.create_index(
        "ix_scores_weekly_board",
        "scores_weekly",
        ["team_id", "week_start", sa.text("points DESC"), sa.text("correct DESC"), "player_id"],
    )
    op.drop_index("ix_scores_total_board", table_name="scores_total")
    op.create_index(
        "ix_scores_total_board",
        "scores_total",
        ["team_id", sa.text("points DESC"), sa.text("correct DESC"), "player_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_scores_total_board", table_name="scores_total")
    op.create_index("ix_scores_total_board", "scores_total", ["team_id", "points"])
    op.drop_index("ix_scores_weekly_board", table_name="scores_weekly")
    op.create_index("ix_scores_weekly_board", "scores_weekly", ["team_id", "week_start", "points"])
