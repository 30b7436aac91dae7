"""Question of the day: a refused post is tried again

`daily_posts.status` (posting, sent, failed, given_up) and `daily_posts.attempts`: a post the
platform refused is claimed again, by a guarded update, for up to three attempts within its
day. Rows written before this revision were posted, so they read as sent after one attempt.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "daily_posts",
        sa.Column("status", sa.String(length=16), server_default="sent", nullable=False),
    )
    op.add_column(
        "daily_posts", sa.Column("attempts", sa.Integer(), server_default="1", nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("daily_posts") as batch:
        batch.drop_column("attempts")
        batch.drop_column("status")
