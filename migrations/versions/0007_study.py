"""Study: each player's FSRS memory of each question, and private review answers

Also the question of the day: `daily_schedules` (per channel: local time, window, deck,
topics), `daily_posts` (one row per channel and day, the exactly-once claim) and
`rounds.daily` (a question of the day is a one-question round beside the channel's rounds, so
the one-running-round-per-channel index leaves it out).

`study_cards` holds one card per (player, question) as columns (state, step, stability,
difficulty, due, last review, answers, right answers); `study_reviews` one row per review
answer (they count for memory and study days, never for scores).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 19:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "study_cards",
        sa.Column("player_id", BigId, nullable=False),
        sa.Column("question_id", BigId, nullable=False),
        sa.Column("team_id", BigId, nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Double(), nullable=True),
        sa.Column("difficulty", sa.Double(), nullable=True),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_review", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        _fk("study_cards", "player_id", "players"),
        _fk("study_cards", "question_id", "questions"),
        _fk("study_cards", "team_id", "teams"),
        sa.PrimaryKeyConstraint("player_id", "question_id", name="pk_study_cards"),
    )
    op.create_index("ix_study_cards_player_due", "study_cards", ["player_id", "due"])
    op.create_table(
        "study_reviews",
        sa.Column("id", BigId, nullable=False),
        sa.Column("team_id", BigId, nullable=False),
        sa.Column("player_id", BigId, nullable=False),
        sa.Column("question_id", BigId, nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        _fk("study_reviews", "team_id", "teams"),
        _fk("study_reviews", "player_id", "players"),
        _fk("study_reviews", "question_id", "questions"),
        sa.PrimaryKeyConstraint("id", name="pk_study_reviews"),
    )
    op.create_index("ix_study_reviews_player_at", "study_reviews", ["player_id", "at"])
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(
            sa.Column("daily", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    _running_index("status = 'running' AND NOT daily")
    op.create_table(
        "daily_schedules",
        sa.Column("channel_id", BigId, nullable=False),
        sa.Column("team_id", BigId, nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.Column("window_minutes", sa.Integer(), nullable=False),
        sa.Column("deck_id", BigId, nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("daily_schedules", "channel_id", "channels"),
        _fk("daily_schedules", "team_id", "teams"),
        sa.ForeignKeyConstraint(
            ["deck_id"], ["decks.id"], name="fk_daily_schedules_deck_id_decks", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("channel_id", name="pk_daily_schedules"),
    )
    op.create_table(
        "daily_posts",
        sa.Column("id", BigId, nullable=False),
        sa.Column("team_id", BigId, nullable=False),
        sa.Column("channel_id", BigId, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("round_id", BigId, nullable=True),
        sa.Column("claimed_by", sa.String(length=100), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        _fk("daily_posts", "team_id", "teams"),
        _fk("daily_posts", "channel_id", "channels"),
        sa.ForeignKeyConstraint(
            ["round_id"], ["rounds.id"], name="fk_daily_posts_round_id_rounds", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_daily_posts"),
        sa.UniqueConstraint("channel_id", "day", name="uq_daily_posts_channel_day"),
    )


def _running_index(where: str) -> None:
    """One running round per channel, decided by the database (`where` says which count)."""
    op.drop_index("uq_rounds_running_channel", table_name="rounds")
    op.create_index(
        "uq_rounds_running_channel",
        "rounds",
        ["channel_id"],
        unique=True,
        sqlite_where=sa.text(where),
        postgresql_where=sa.text(where),
    )


def downgrade() -> None:
    """Drops the study tables; questions of the day become plain finished rounds."""
    op.drop_table("daily_posts")
    op.drop_table("daily_schedules")
    op.execute("UPDATE rounds SET status = 'stopped' WHERE daily AND status = 'running'")
    _running_index("status = 'running'")
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("daily")
    op.drop_index("ix_study_reviews_player_at", table_name="study_reviews")
    op.drop_table("study_reviews")
    op.drop_index("ix_study_cards_player_due", table_name="study_cards")
    op.drop_table("study_cards")
