"""Namespace question ids by team

`questions.uid` was unique across every team and the shared bank, and a team's import kept the
file's ids when free, so a team could take an id that the next shipped bank uses; loading that
bank then failed. A uid is now unique within the shared bank (team_id IS NULL) and within each
team, never across them. Existing rows already meet both rules.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARED = sa.text("team_id IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("questions") as batch:
        batch.drop_constraint("uq_questions_uid", type_="unique")
        batch.create_unique_constraint("uq_questions_team_uid", ["team_id", "uid"])
    op.create_index(
        "uq_questions_shared_uid",
        "questions",
        ["uid"],
        unique=True,
        sqlite_where=SHARED,
        postgresql_where=SHARED,
    )


def downgrade() -> None:
    """Fails while two teams (or a team and the shared bank) hold the same uid."""
    op.drop_index("uq_questions_shared_uid", table_name="questions")
    with op.batch_alter_table("questions") as batch:
        batch.drop_constraint("uq_questions_team_uid", type_="unique")
        batch.create_unique_constraint("uq_questions_uid", ["uid"])
