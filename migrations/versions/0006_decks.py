"""Decks

A deck is a named set of questions, a team's own or shared, with its source (notes or bank
file and its hash) and a status (draft, published, archived); every question belongs to one.
Today's questions move into decks with nothing lost: each shared bank (the `bank` column of
the shared questions) becomes a published shared deck of that name, and each team's own
questions its published "custom" deck. A question's id is now unique within its deck (it was
within the shared bank and within each team), so two decks never take each other's ids.

Also: `questions.fact` (questions on one fact share it; a round asks one of them), a team's
default deck and a channel's default deck.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARED = sa.text("team_id IS NULL")
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "decks",
        sa.Column("id", BigId, nullable=False),
        sa.Column("team_id", BigId, nullable=True),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source_kind", sa.String(length=16), nullable=False),
        sa.Column("source_name", sa.String(length=200), nullable=True),
        sa.Column("source_hash", sa.String(length=64), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name="fk_decks_team_id_teams", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_decks"),
        sa.UniqueConstraint("team_id", "name", name="uq_decks_team_name"),
    )
    op.create_index(
        "uq_decks_shared_name",
        "decks",
        ["name"],
        unique=True,
        sqlite_where=SHARED,
        postgresql_where=SHARED,
    )
    with op.batch_alter_table("questions") as batch:
        batch.add_column(sa.Column("deck_id", BigId, nullable=True))
        batch.add_column(sa.Column("fact", sa.String(length=80), nullable=True))
    _questions_into_decks()
    with op.batch_alter_table("questions") as batch:
        batch.alter_column("deck_id", existing_type=BigId, nullable=False)
        batch.create_foreign_key(
            "fk_questions_deck_id_decks", "decks", ["deck_id"], ["id"], ondelete="CASCADE"
        )
        batch.drop_constraint("uq_questions_team_uid", type_="unique")
        batch.create_unique_constraint("uq_questions_deck_uid", ["deck_id", "uid"])
        batch.create_index("ix_questions_deck_status", ["deck_id", "status"])
    op.drop_index("uq_questions_shared_uid", table_name="questions")
    with op.batch_alter_table("teams") as batch:
        batch.add_column(sa.Column("default_deck_id", BigId, nullable=True))
        batch.create_foreign_key(
            "fk_teams_default_deck_id_decks",
            "decks",
            ["default_deck_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("channel_settings") as batch:
        batch.add_column(sa.Column("deck_id", BigId, nullable=True))
        batch.create_foreign_key(
            "fk_channel_settings_deck_id_decks", "decks", ["deck_id"], ["id"], ondelete="SET NULL"
        )


def _questions_into_decks() -> None:
    """One published deck per shared bank and one "custom" deck per team with questions of
    its own, dated by their questions; then every question points at its deck."""
    op.execute(
        "INSERT INTO decks (team_id, name, status, source_kind, created_at, updated_at) "
        "SELECT NULL, bank, 'published', 'bank', MIN(created_at), MAX(updated_at) "
        "FROM questions WHERE team_id IS NULL GROUP BY bank"
    )
    op.execute(
        "INSERT INTO decks (team_id, name, status, source_kind, created_at, updated_at) "
        "SELECT team_id, 'custom', 'published', 'custom', MIN(created_at), MAX(updated_at) "
        "FROM questions WHERE team_id IS NOT NULL GROUP BY team_id"
    )
    op.execute(
        "UPDATE questions SET deck_id = (SELECT d.id FROM decks d WHERE d.team_id IS NULL "
        "AND d.name = questions.bank) WHERE team_id IS NULL"
    )
    op.execute(
        "UPDATE questions SET deck_id = (SELECT d.id FROM decks d WHERE "
        "d.team_id = questions.team_id AND d.name = 'custom') WHERE team_id IS NOT NULL"
    )


def downgrade() -> None:
    """Back to ids unique within the shared bank and within each team (fails while a team's
    two decks, or two shared decks, hold the same id); decks and facts are dropped."""
    with op.batch_alter_table("channel_settings") as batch:
        batch.drop_constraint("fk_channel_settings_deck_id_decks", type_="foreignkey")
        batch.drop_column("deck_id")
    with op.batch_alter_table("teams") as batch:
        batch.drop_constraint("fk_teams_default_deck_id_decks", type_="foreignkey")
        batch.drop_column("default_deck_id")
    op.create_index(
        "uq_questions_shared_uid",
        "questions",
        ["uid"],
        unique=True,
        sqlite_where=SHARED,
        postgresql_where=SHARED,
    )
    with op.batch_alter_table("questions") as batch:
        batch.drop_index("ix_questions_deck_status")
        batch.drop_constraint("uq_questions_deck_uid", type_="unique")
        batch.create_unique_constraint("uq_questions_team_uid", ["team_id", "uid"])
        batch.drop_constraint("fk_questions_deck_id_decks", type_="foreignkey")
        batch.drop_column("fact")
        batch.drop_column("deck_id")
    op.drop_index("uq_decks_shared_name", table_name="decks")
    op.drop_table("decks")
