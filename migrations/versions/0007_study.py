"""Study: each player's FSRS memory of each question, and private review answers

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


def downgrade() -> None:
    op.drop_index("ix_study_reviews_player_at", table_name="study_reviews")
    op.drop_table("study_reviews")
    op.drop_index("ix_study_cards_player_due", table_name="study_cards")
    op.drop_table("study_cards")
