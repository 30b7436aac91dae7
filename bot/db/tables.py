"""The schema, as SQLAlchemy ORM tables. Alembic migrations (migrations/) must match it; a test
compares the migrated database against these models on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite has no BIGINT autoincrement; Integer there, BigInteger on PostgreSQL.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Team(Base):
    __tablename__ = "teams"
    __table_args__ = (
        UniqueConstraint("platform", "external_id", name="uq_teams_platform_external"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(200))
    # Team rules: admin users/roles, suggestions, timezone for weeks.
    admin_user_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    admin_roles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    allow_suggestions: Mapped[bool] = mapped_column(Boolean, default=False)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # The deck played when none is named (decks.team_id refers back here: made after both).
    default_deck_id: Mapped[int | None] = mapped_column(
        ForeignKey("decks.id", ondelete="SET NULL", use_alter=True)
    )
    created_at: Mapped[datetime] = mapped_column(default=_now)


class Deck(Base):
    """A named set of questions: a team's own (team_id) or shared (team_id NULL)."""

    __tablename__ = "decks"
    __table_args__ = (
        UniqueConstraint("team_id", "name", name="uq_decks_team_name"),
        Index(
            "uq_decks_shared_name",
            "name",
            unique=True,
            sqlite_where=text("team_id IS NULL"),
            postgresql_where=text("team_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|published|archived
    source_kind: Mapped[str] = mapped_column(String(16))  # notes | bank | custom
    source_name: Mapped[str | None] = mapped_column(String(200))
    source_hash: Mapped[str | None] = mapped_column(String(64))  # sha256 of the file
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now)


class Channel(Base):
    __tablename__ = "channels"
    __table_args__ = (UniqueConstraint("team_id", "external_id", name="uq_channels_team_external"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=_now)


class ChannelSetting(Base):
    """Round defaults for one channel."""

    __tablename__ = "channel_settings"

    channel_id: Mapped[int] = mapped_column(
        ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True
    )
    questions: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[int | None] = mapped_column(Integer)
    topic: Mapped[str | None] = mapped_column(String(80))
    deck_id: Mapped[int | None] = mapped_column(ForeignKey("decks.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=_now)


class Player(Base):
    __tablename__ = "players"
    __table_args__ = (UniqueConstraint("team_id", "external_id", name="uq_players_team_external"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=_now)


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (
        Index("ix_questions_team_status", "team_id", "status"),
        Index("ix_questions_topic", "topic"),
        Index("ix_questions_deck_status", "deck_id", "status"),
        # A uid is unique within its deck: regenerating a deck finds its questions by uid, and
        # two decks (of a team, or a team's and a shared one) never take each other's ids.
        UniqueConstraint("deck_id", "uid", name="uq_questions_deck_uid"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # Stable, content-derived id from the bank file (or made for an added question).
    uid: Mapped[str] = mapped_column(String(40))
    bank: Mapped[str] = mapped_column(String(80))
    # Every question belongs to one deck; team_id is the deck's (kept for the team's queries).
    deck_id: Mapped[int] = mapped_column(ForeignKey("decks.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(16), default="choice")
    prompt: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[Any]] = mapped_column(JSON)
    answer: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[str] = mapped_column(Text, default="")
    source_file: Mapped[str | None] = mapped_column(String(300))
    source_line: Mapped[int | None] = mapped_column(Integer)
    lang: Mapped[str] = mapped_column(String(8), default="en")
    # Questions on one fact share it; a round asks at most one of them.
    fact: Mapped[str | None] = mapped_column(String(80))
    # active | disabled | pending (suggested, awaiting review) | rejected
    status: Mapped[str] = mapped_column(String(16), default="active")
    author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now)


class TeamQuestionStatus(Base):
    """A team's own status for a shared question (a team can disable a shared one for itself)."""

    __tablename__ = "team_question_status"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(default=_now)


class Round(Base):
    __tablename__ = "rounds"
    __table_args__ = (
        # One running round per channel, decided by the database.
        Index(
            "uq_rounds_running_channel",
            "channel_id",
            unique=True,
            sqlite_where=text("status = 'running' AND NOT daily"),
            postgresql_where=text("status = 'running' AND NOT daily"),
        ),
        Index("ix_rounds_status_started", "status", "started_at"),
        Index("ix_rounds_team_id", "team_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="running")
    num_questions: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str | None] = mapped_column(String(80))
    started_by: Mapped[int | None] = mapped_column(ForeignKey("players.id", ondelete="SET NULL"))
    # Close a question early once this many answers are in (the one-player terminal uses 1).
    close_after_answers: Mapped[int | None] = mapped_column(Integer)
    # A question of the day: open for hours beside the channel's rounds, not one of them.
    daily: Mapped[bool] = mapped_column(Boolean, server_default=false())
    started_at: Mapped[datetime] = mapped_column(default=_now)
    ended_at: Mapped[datetime | None] = mapped_column()


class RoundQuestion(Base):
    __tablename__ = "round_questions"
    __table_args__ = (
        UniqueConstraint("round_id", "ordinal", name="uq_round_questions_round_ordinal"),
        Index("ix_round_questions_status_closes", "status", "closes_at"),
        Index("ix_round_questions_question_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    # The question as this round asks it, copied when the round starts: an admin's edit
    # applies to later rounds, never to a question players are answering or about to.
    prompt: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[Any]] = mapped_column(JSON)
    answer: Mapped[int] = mapped_column(Integer)
    choice_order: Mapped[list[Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    opens_at: Mapped[datetime | None] = mapped_column()
    closes_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    message_ref: Mapped[str | None] = mapped_column(String(200))


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (
        # One answer per player per question, decided by the database.
        UniqueConstraint("round_question_id", "player_id", name="uq_answers_rq_player"),
        Index("ix_answers_player_id", "player_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    round_question_id: Mapped[int] = mapped_column(
        ForeignKey("round_questions.id", ondelete="CASCADE")
    )
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id", ondelete="CASCADE"))
    choice: Mapped[int] = mapped_column(Integer)
    correct: Mapped[bool] = mapped_column(Boolean)
    points: Mapped[int] = mapped_column(Integer)
    latency_ms: Mapped[int] = mapped_column(Integer)
    answered_at: Mapped[datetime] = mapped_column(default=_now)


class ScoreWeekly(Base):
    """Per-week totals, upserted with each answer so leaderboards are indexed reads."""

    __tablename__ = "scores_weekly"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    player_id: Mapped[int] = mapped_column(
        ForeignKey("players.id", ondelete="CASCADE"), primary_key=True
    )
    week_start: Mapped[date] = mapped_column(Date, primary_key=True)
    points: Mapped[int] = mapped_column(Integer, default=0)
    correct: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)


class ScoreTotal(Base):
    """All-time totals and the answer streak, upserted with each answer."""

    __tablename__ = "scores_total"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    player_id: Mapped[int] = mapped_column(
        ForeignKey("players.id", ondelete="CASCADE"), primary_key=True
    )
    points: Mapped[int] = mapped_column(Integer, default=0)
    correct: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    streak: Mapped[int] = mapped_column(Integer, default=0)
    best_streak: Mapped[int] = mapped_column(Integer, default=0)


# A board is read in its own order (points, then right answers, then the older player first),
# so its top N comes straight off the index: the round summary's week top stops after five rows
# instead of sorting every player of the team.
Index(
    "ix_scores_weekly_board",
    ScoreWeekly.team_id,
    ScoreWeekly.week_start,
    ScoreWeekly.points.desc(),
    ScoreWeekly.correct.desc(),
    ScoreWeekly.player_id,
)
Index(
    "ix_scores_total_board",
    ScoreTotal.team_id,
    ScoreTotal.points.desc(),
    ScoreTotal.correct.desc(),
    ScoreTotal.player_id,
)


class WeeklySchedule(Base):
    """Where and when a team's weekly leaderboard is posted."""

    __tablename__ = "weekly_schedules"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(Integer, default=0)  # 0 = Monday
    hour: Mapped[int] = mapped_column(Integer, default=9)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    nudge_when_empty: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=_now)


class LeaderboardPost(Base):
    """A weekly post is claimed (a unique row) before it is sent, so it is sent once."""

    __tablename__ = "leaderboard_posts"
    # One post per team and week, whichever channel it goes to.
    __table_args__ = (
        UniqueConstraint("team_id", "week_start", name="uq_leaderboard_posts_team_week"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    week_start: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="claimed")  # claimed | sent
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime] = mapped_column(default=_now)
    sent_at: Mapped[datetime | None] = mapped_column()
    message_ref: Mapped[str | None] = mapped_column(String(200))


class StudyCard(Base):
    """One player's FSRS memory of one question (bot/core/study/memory.py), as columns."""

    __tablename__ = "study_cards"
    __table_args__ = (Index("ix_study_cards_player_due", "player_id", "due"),)

    player_id: Mapped[int] = mapped_column(
        ForeignKey("players.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    state: Mapped[int] = mapped_column(Integer)  # fsrs.State: 1 learning, 2 review, 3 relearning
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Double)
    difficulty: Mapped[float | None] = mapped_column(Double)
    due: Mapped[datetime] = mapped_column()
    last_review: Mapped[datetime | None] = mapped_column()
    answered: Mapped[int] = mapped_column(Integer, default=0)
    correct: Mapped[int] = mapped_column(Integer, default=0)


class StudyReview(Base):
    """One answer in a private review: counts for the player's memory and study days, never
    for the team's scores."""

    __tablename__ = "study_reviews"
    __table_args__ = (Index("ix_study_reviews_player_at", "player_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    correct: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(default=_now)


class DailySchedule(Base):
    """A channel's question of the day: its local time (team timezone), how long it stays
    open, and the deck and topics it asks from."""

    __tablename__ = "daily_schedules"

    channel_id: Mapped[int] = mapped_column(
        ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True
    )
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    hour: Mapped[int] = mapped_column(Integer)
    minute: Mapped[int] = mapped_column(Integer, default=0)
    window_minutes: Mapped[int] = mapped_column(Integer, default=480)
    deck_id: Mapped[int | None] = mapped_column(ForeignKey("decks.id", ondelete="SET NULL"))
    topics: Mapped[list[Any]] = mapped_column(JSON, default=list)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=_now)


class DailyPost(Base):
    """A day's question in a channel, claimed by a unique row in the transaction that creates
    its round, so two replicas never post it twice."""

    __tablename__ = "daily_posts"
    __table_args__ = (UniqueConstraint("channel_id", "day", name="uq_daily_posts_channel_day"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id", ondelete="SET NULL"))
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime] = mapped_column(default=_now)  # of the latest attempt
    # posting|sent|failed|given_up (bot.core.study.daily.PostState); rows before 0008 were sent
    status: Mapped[str] = mapped_column(String(16), server_default="sent")
    attempts: Mapped[int] = mapped_column(Integer, server_default="1")


class AdminAction(Base):
    """Who did what to which question, when: the curation history."""

    __tablename__ = "admin_actions"
    __table_args__ = (Index("ix_admin_actions_team_at", "team_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(default=_now)


# --- Slack OAuth installs ----------------------------------------------------------------------
# The tables slack_sdk's AsyncSQLAlchemyInstallationStore and AsyncSQLAlchemyOAuthStateStore read
# and write (their default names and columns), created by our migrations rather than by the
# stores' create_tables(), so one `quizbot db upgrade` prepares everything. Naive DateTime on
# purpose: that is what slack_sdk writes.

SlackInstallations = Table(
    "slack_installations",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client_id", String(32), nullable=False),
    Column("app_id", String(32), nullable=False),
    Column("enterprise_id", String(32)),
    Column("enterprise_name", String(200)),
    Column("enterprise_url", String(200)),
    Column("team_id", String(32)),
    Column("team_name", String(200)),
    Column("bot_token", String(200)),
    Column("bot_id", String(32)),
    Column("bot_user_id", String(32)),
    Column("bot_scopes", String(1000)),
    Column("bot_refresh_token", String(200)),
    Column("bot_token_expires_at", DateTime),
    Column("user_id", String(32), nullable=False),
    Column("user_token", String(200)),
    Column("user_scopes", String(1000)),
    Column("user_refresh_token", String(200)),
    Column("user_token_expires_at", DateTime),
    Column("incoming_webhook_url", String(200)),
    Column("incoming_webhook_channel", String(200)),
    Column("incoming_webhook_channel_id", String(200)),
    Column("incoming_webhook_configuration_url", String(200)),
    Column("is_enterprise_install", Boolean, nullable=False, default=False),
    Column("token_type", String(32)),
    Column("installed_at", DateTime, nullable=False),
    Index(
        "slack_installations_idx",
        "client_id",
        "enterprise_id",
        "team_id",
        "user_id",
        "installed_at",
    ),
)

SlackBots = Table(
    "slack_bots",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client_id", String(32), nullable=False),
    Column("app_id", String(32), nullable=False),
    Column("enterprise_id", String(32)),
    Column("enterprise_name", String(200)),
    Column("team_id", String(32)),
    Column("team_name", String(200)),
    Column("bot_token", String(200)),
    Column("bot_id", String(32)),
    Column("bot_user_id", String(32)),
    Column("bot_scopes", String(1000)),
    Column("bot_refresh_token", String(200)),
    Column("bot_token_expires_at", DateTime),
    Column("is_enterprise_install", Boolean, nullable=False, default=False),
    Column("installed_at", DateTime, nullable=False),
    Index("slack_bots_idx", "client_id", "enterprise_id", "team_id", "installed_at"),
)

SlackOAuthStates = Table(
    "slack_oauth_states",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(200), nullable=False),
    Column("expire_at", DateTime, nullable=False),
)
