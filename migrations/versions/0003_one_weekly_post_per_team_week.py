"""One weekly post per team and week

The claim row was unique per (team, channel, week): two workers claiming at the instant an
admin moved the post to another channel could each claim the week, one per channel. The week
is now unique per team, whatever the channel.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 16:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Should the race ever have happened, keep the first claim of each team's week.
    op.execute(
        "DELETE FROM leaderboard_posts WHERE id NOT IN "
        "(SELECT min(id) FROM leaderboard_posts GROUP BY team_id, week_start)"
    )
    with op.batch_alter_table("leaderboard_posts") as batch:
        batch.drop_constraint("uq_leaderboard_posts_week", type_="unique")
        batch.create_unique_constraint("uq_leaderboard_posts_team_week", ["team_id", "week_start"])


def downgrade() -> None:
    with op.batch_alter_table("leaderboard_posts") as batch:
        batch.drop_constraint("uq_leaderboard_posts_team_week", type_="unique")
        batch.create_unique_constraint(
            "uq_leaderboard_posts_week", ["team_id", "channel_id", "week_start"]
        )
