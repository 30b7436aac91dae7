"""Teams, channels and players by platform reference, their settings and the admin history
(implements bot.core.ports.TeamStore, as `unit.teams`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import (
    AdminActionRec,
    ChannelDefaults,
    ChannelRef,
    PlayerRef,
    TeamRef,
    TeamSettings,
)
from bot.core.weeks import utcnow
from bot.db import hot_statements as hot
from bot.db.session import SqlStore
from bot.db.tables import (
    AdminAction,
    Channel,
    ChannelSetting,
    Deck,
    Question,
    Team,
)


class IdentityCache:
    """Team, channel and player ids never change once committed, so a process may remember
    them and save a query per click; nor does a channel's platform reference (nothing renames
    a channel or team row), which saves a query per batch of closes. What a transaction
    learns is kept only if it commits."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self.ids: dict[tuple[Any, ...], int] = {}
        self.names: dict[int, str] = {}  # player id -> display name last written
        self.channels: dict[int, ChannelRef] = {}  # channel id -> its platform reference

    def merge(
        self,
        ids: dict[tuple[Any, ...], int],
        names: dict[int, str],
        channels: dict[int, ChannelRef],
    ) -> None:
        if len(self.ids) + len(self.channels) > self.LIMIT:
            self.ids.clear()
            self.names.clear()
            self.channels.clear()
        self.ids.update(ids)
        self.names.update(names)
        self.channels.update(channels)


def team_id_of(platform: str, external_id: str) -> Any:
    """The id of the team with this platform reference (none when it is new)."""
    return select(Team.id).where(Team.platform == platform, Team.external_id == external_id)


def channel_id_of(team_id: int, external_id: str) -> Any:
    """The id of the team's channel with this platform reference (none when it is new)."""
    return select(Channel.id).where(Channel.team_id == team_id, Channel.external_id == external_id)


class SqlTeamStore(SqlStore):
    """Implements bot.core.ports.TeamStore."""

    def __init__(
        self, session: AsyncSession, identities: IdentityCache, dialect: str | None = None
    ) -> None:
        super().__init__(session, dialect)
        self.identities = identities
        self.learned_ids: dict[tuple[Any, ...], int] = {}
        self.learned_names: dict[int, str] = {}
        self.learned_channels: dict[int, ChannelRef] = {}

    def _known(self, key: tuple[Any, ...]) -> int | None:
        return self.learned_ids.get(key) or self.identities.ids.get(key)

    async def ensure_team(self, ref: TeamRef) -> int:
        key = ("team", ref.platform, ref.external_id)
        if (known := self._known(key)) is not None:
            return known
        team_id = await self._find_or_add_team(ref)
        self.learned_ids[key] = team_id
        return team_id

    async def _find_or_add_team(self, ref: TeamRef) -> int:
        lookup = team_id_of(ref.platform, ref.external_id)
        found = await self._scalar(lookup)
        if found is not None:
            return int(found)
        await self.session.execute(
            self._insert(Team)
            .values(
                platform=ref.platform,
                external_id=ref.external_id,
                name=ref.name,
                admin_user_ids=[],
                admin_roles=[],
                allow_suggestions=False,
                timezone="UTC",
            )
            .on_conflict_do_nothing()
        )
        return int((await self.session.execute(lookup)).scalar_one())

    async def ensure_channel(self, team_id: int, ref: ChannelRef) -> int:
        key = ("channel", team_id, ref.external_id)
        if (known := self._known(key)) is not None:
            return known
        channel_id = await self._find_or_add_channel(team_id, ref)
        self.learned_ids[key] = channel_id
        # The platform reference a close posts to: known now, so no close reads it.
        self.learned_channels.setdefault(channel_id, ref)
        return channel_id

    async def _find_or_add_channel(self, team_id: int, ref: ChannelRef) -> int:
        lookup = channel_id_of(team_id, ref.external_id)
        found = await self._scalar(lookup)
        if found is not None:
            return int(found)
        await self.session.execute(
            self._insert(Channel)
            .values(team_id=team_id, external_id=ref.external_id, name=ref.name)
            .on_conflict_do_nothing()
        )
        return int((await self.session.execute(lookup)).scalar_one())

    async def ensure_player(self, team_id: int, ref: PlayerRef) -> int:
        return (await self.ensure_players(team_id, [ref]))[ref.external_id]

    async def ensure_players(self, team_id: int, refs: Sequence[PlayerRef]) -> dict[str, int]:
        """Player ids by external id, adding new players and refreshing changed names; a
        player known to this process under the same name costs no query."""
        found: dict[str, int] = {}
        unknown: dict[str, PlayerRef] = {}
        for ref in refs:
            known = self._known(("player", team_id, ref.external_id))
            if known is not None and (
                ref.provisional_name or self.identities.names.get(known) == ref.display_name
            ):
                found[ref.external_id] = known
            else:
                unknown[ref.external_id] = ref
        if unknown:
            found.update(await self._find_or_add_players(team_id, list(unknown.values())))
            for external_id, ref in unknown.items():
                self.learned_ids[("player", team_id, external_id)] = found[external_id]
                if not ref.provisional_name:
                    self.learned_names[found[external_id]] = ref.display_name
        return found

    async def _find_or_add_players(self, team_id: int, refs: Sequence[PlayerRef]) -> dict[str, int]:
        """Write only the new or renamed players: a click must not rewrite an unchanged row.

        PostgreSQL tries the write first (it returns only rows it inserted or renamed), so a
        burst of new players costs one statement; the rest, and SQLite, read first."""
        found: dict[str, int] = {}
        if self.dialect == "postgresql":
            named = [r for r in refs if r.display_name and not r.provisional_name]
            found = await self._upsert_players(team_id, named) if named else {}
            refs = [r for r in refs if r.external_id not in found]
            if not refs:
                return found
        rows = await self._core(
            hot.players_by_external_ids(self.dialect),
            {"team_id": team_id, "external_ids": [r.external_id for r in refs]},
        )
        existing = {row.external_id: (int(row.id), row.display_name) for row in rows}
        stale: list[PlayerRef] = []
        for ref in refs:
            have = existing.get(ref.external_id)
            if have is not None and (
                ref.provisional_name or have[1] == (ref.display_name or have[1])
            ):
                found[ref.external_id] = have[0]
            else:
                stale.append(ref)
        if stale:
            found.update(await self._upsert_players(team_id, stale))
        return found

    async def _upsert_players(self, team_id: int, refs: Sequence[PlayerRef]) -> dict[str, int]:
        refs = sorted(refs, key=lambda r: r.external_id)  # key order: no lock cycles
        names = [r.display_name or r.external_id for r in refs]
        if self.dialect == "postgresql":
            params = {
                "team_id": team_id,
                "external_ids": [r.external_id for r in refs],
                "names": names,
                "created_at": utcnow(),
            }
            rows = await self._core(hot.UPSERT_PLAYERS_PG, params)
            return {row.external_id: int(row.id) for row in rows}
        found: dict[str, int] = {}
        for ref, name in zip(refs, names, strict=True):
            params = {
                "team_id": team_id,
                "external_id": ref.external_id,
                "display_name": name,
                "created_at": utcnow(),
            }
            found[ref.external_id] = int(
                (await self._core(hot.upsert_player(self.dialect), params)).scalar_one()
            )
        return found

    async def channel_ref(self, channel_id: int) -> ChannelRef:
        return (await self.channel_refs([channel_id]))[channel_id]

    async def channel_refs(self, channel_ids: Sequence[int]) -> dict[int, ChannelRef]:
        """Each of these channels' platform reference (one query for a batch of closes, none
        for channels this process has read before)."""
        found: dict[int, ChannelRef] = {}
        missing: list[int] = []
        for channel_id in sorted(set(channel_ids)):
            known = self.learned_channels.get(channel_id) or self.identities.channels.get(
                channel_id
            )
            if known is None:
                missing.append(channel_id)
            else:
                found[channel_id] = known
        if missing:
            for r in await self._core(hot.channel_refs(self.dialect), {"ids": missing}):
                ref = ChannelRef(
                    TeamRef(r.platform, r.team_ext, r.team_name), r.external_id, r.name
                )
                found[int(r.id)] = self.learned_channels[int(r.id)] = ref
        return found

    async def team_settings(self, team_id: int) -> TeamSettings:
        team = await self.session.get(Team, team_id)
        if team is None:
            return TeamSettings()
        return TeamSettings(
            admin_user_ids=tuple(str(x) for x in team.admin_user_ids or ()),
            admin_roles=tuple(str(x) for x in team.admin_roles or ()),
            allow_suggestions=bool(team.allow_suggestions),
            timezone=team.timezone or "UTC",
            default_deck_id=team.default_deck_id,
        )

    async def set_team_settings(self, team_id: int, settings: TeamSettings) -> None:
        await self.session.execute(
            update(Team)
            .where(Team.id == team_id)
            .values(
                admin_user_ids=list(settings.admin_user_ids),
                admin_roles=list(settings.admin_roles),
                allow_suggestions=settings.allow_suggestions,
                timezone=settings.timezone,
                default_deck_id=settings.default_deck_id,
            )
        )

    async def channel_defaults(self, channel_id: int) -> ChannelDefaults:
        row = (
            await self.session.execute(
                select(ChannelSetting, Deck.name)
                .outerjoin(Deck, Deck.id == ChannelSetting.deck_id)
                .where(ChannelSetting.channel_id == channel_id)
                .execution_options(populate_existing=True)
            )
        ).first()
        if row is None:
            return ChannelDefaults()
        s, deck_name = row
        return ChannelDefaults(s.questions, s.seconds, s.topic, s.deck_id, deck_name)

    async def set_channel_defaults(
        self, channel_id: int, defaults: ChannelDefaults, at: datetime
    ) -> None:
        row = await self.session.get(ChannelSetting, channel_id)
        if row is None:
            row = ChannelSetting(channel_id=channel_id)
            self.session.add(row)
        row.questions, row.seconds, row.topic = defaults.questions, defaults.seconds, defaults.topic
        row.deck_id = defaults.deck_id
        row.updated_at = at
        await self.session.flush()

    async def record_admin_action(
        self,
        team_id: int,
        actor: str,
        action: str,
        question_id: int | None,
        detail: dict[str, Any],
        at: datetime,
    ) -> None:
        self.session.add(
            AdminAction(
                team_id=team_id,
                actor=actor,
                action=action,
                question_id=question_id,
                detail=detail,
                at=at,
            )
        )
        await self.session.flush()

    async def admin_actions(self, team_id: int, limit: int) -> list[AdminActionRec]:
        rows = await self.session.execute(
            select(AdminAction, Question.uid)
            .outerjoin(Question, Question.id == AdminAction.question_id)
            .where(AdminAction.team_id == team_id)
            .order_by(AdminAction.at.desc(), AdminAction.id.desc())
            .limit(limit)
        )
        return [
            AdminActionRec(a.id, a.actor, a.action, a.question_id, uid, dict(a.detail or {}), a.at)
            for a, uid in rows
        ]
