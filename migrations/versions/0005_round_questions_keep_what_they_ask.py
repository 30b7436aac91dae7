"""Round questions keep what they ask

An admin who edited a question while a round was asking it (5 choices cut to 2) broke that
round: clicks failed, closing raised IndexError, no reveal, no summary. Each round question now
keeps its own copy of the prompt, choices and answer, taken when the round starts; edits apply
to later rounds. Existing rows are filled from their questions as they are now.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COPIED = ("prompt", "choices", "answer")


def upgrade() -> None:
    with op.batch_alter_table("round_questions") as batch:
        batch.add_column(sa.Column("prompt", sa.Text(), nullable=True))
        batch.add_column(sa.Column("choices", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("answer", sa.Integer(), nullable=True))
    for column in COPIED:
        op.execute(
            f"UPDATE round_questions SET {column} = "
            f"(SELECT q.{column} FROM questions q WHERE q.id = round_questions.question_id)"
        )
    with op.batch_alter_table("round_questions") as batch:
        batch.alter_column("prompt", existing_type=sa.Text(), nullable=False)
        batch.alter_column("choices", existing_type=sa.JSON(), nullable=False)
        batch.alter_column("answer", existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("round_questions") as batch:
        for column in reversed(COPIED):
            batch.drop_column(column)
