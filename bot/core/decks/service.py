"""Decks: listing them and their topics (everyone), making them from notes or bank files,
previewing, publishing, archiving, regenerating, exporting and choosing the team's default
(admins: checked and recorded like every admin action).

Reading and generating a file run on the Worker (a process bounded in time and memory), never
on the event loop, so clicks on a running round are answered meanwhile. Which decks and
topics a round plays is resolution.resolve, which this service also offers (`resolve`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import PurePath
from typing import Any, TypeVar

from bot.core.curation.rules import check_not_empty
from bot.core.curation.transfer import ExportFile
from bot.core.curation.work import export_file
from bot.core.decks import resolution
from bot.core.decks.rules import (
    BANK,
    CUSTOM_DECK,
    NOTES,
    DeckLimits,
    DeckStatus,
    check_file,
    check_owned,
    check_room,
    check_size,
    listed,
    moved,
    new_deck_name,
    playable,
)
from bot.core.decks.store import DeckRec, NewDeck
from bot.core.decks.sync import plan_sync
from bot.core.decks.views import DeckReport, decks_panel, preview_panel, topics_panel
from bot.core.decks.work import Generated, generate_notes, read_bank
from bot.core.errors import ImportRejected, QuizError, ValidationFailed, WorkRefused
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.paging import check_page
from bot.core.permissions import admin_team
from bot.core.ports import Repository, Unit, Worker
from bot.core.surfaces import Commands, Surface
from bot.core.views import Panel
from bot.core.weeks import utcnow
from questions.bank import BankError, Problem
from questions.formats import FORMATS

T = TypeVar("T")

MAX_PREVIEW = 25
MAX_SOURCE_NAME = 100  # characters of a file name kept as a deck's (and its questions') source


def source_label(filename: str) -> str:
    """A file name as a deck records it: the last part of the path, at most 100 characters."""
    name = PurePath(filename.replace("\\", "/")).name.strip() or "notes.md"
    return name[-MAX_SOURCE_NAME:]


@dataclass(frozen=True)
class DeckFile:
    """A file read for a deck and found good: its kind (NOTES or BANK), its name as the deck
    records it, and the questions it gives."""

    kind: str
    label: str
    made: Generated


async def read_deck_file(
    worker: Worker, data: bytes, filename: str, *, kind: str, deck: str, limits: DeckLimits
) -> DeckFile:
    """A deck's file read (and generated) on the worker, touching no database. A refusal says
    why: ImportRejected naming the line, or QuizError for size, time and a file that gives no
    question or more than a deck holds. `deck` only names the bank the file is read as."""
    label = source_label(filename)
    check_file(kind, label, len(data))
    check_not_empty(data, label)
    fn = generate_notes if kind == NOTES else read_bank
    try:
        made = await worker.run(fn, data, label, deck)
    except BankError as exc:
        raise ImportRejected(exc.problems) from None
    except WorkRefused as exc:
        verb = "Generating questions from" if kind == NOTES else "Reading"
        raise QuizError(f"{verb} {label} {exc.message}.", field="notes") from None
    check_size(limits, len(made.questions), label)
    return DeckFile(kind, label, made)


class DeckService:
    """`worker` runs generation and file reading (bot/workers.py's generation pool in the
    bot: a longer time limit than imports, since 1 MB of notes takes seconds)."""

    def __init__(
        self,
        repo: Repository,
        clock: Callable[[], datetime] = utcnow,
        *,
        worker: Worker,
        limits: DeckLimits | None = None,
        surface: Surface = Surface.TERMINAL,
    ) -> None:
        self.repo = repo
        self.clock = clock
        self.worker = worker
        self.limits = limits or DeckLimits()
        self.surface = surface  # where its users read the hints in its replies

    def commands(self, team: TeamRef) -> Commands:
        """The commands this service's replies about `team` name."""
        return Commands(self.surface, team)

    # --- reading (everyone) ------------------------------------------------------------------

    async def decks(
        self, team: TeamRef, *, archived: bool = False
    ) -> tuple[list[DeckRec], int | None]:
        """The decks the team sees (its own, then the shared ones; archived ones only when
        asked), and its default deck's id."""
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(team)
            decks = await u.decks.team_decks(team_id)
            default = (await u.teams.team_settings(team_id)).default_deck_id
        shown = [d for d in decks if archived or listed(d)]
        shown.sort(key=lambda d: (d.shared, d.name))
        return shown, default

    async def decks_panel(self, team: TeamRef, page: int = 1, *, archived: bool = False) -> Panel:
        decks, default = await self.decks(team, archived=archived)
        return decks_panel(decks, default, page, self.commands(team))

    async def deck_names(self, team: TeamRef) -> list[str]:
        """Names of the listed decks (for autocomplete and menus)."""
        return list(dict.fromkeys(d.name for d in (await self.decks(team))[0]))

    async def topics_panel(self, team: TeamRef, deck: str | None = None, page: int = 1) -> Panel:
        """Each listed deck (or the one named) with its topics and question counts."""
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(team)
            decks = await self._listed(u, team, team_id, deck)
            counts = await u.decks.topic_counts(team_id, [d.id for d in decks])
        return topics_panel(decks, counts, page)

    async def topic_names(self, team: TeamRef, deck: str | None = None) -> list[str]:
        """The topics a round could ask for: the named deck's, else every playable deck's."""
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(team)
            decks = [d for d in await self._listed(u, team, team_id, deck) if deck or playable(d)]
            counts = await u.decks.topic_counts(team_id, [d.id for d in decks])
        return list(dict.fromkeys(c.topic for c in counts))

    async def _listed(
        self, u: Unit, team: TeamRef, team_id: int, deck: str | None
    ) -> list[DeckRec]:
        decks = await u.decks.team_decks(team_id)
        if deck is not None and deck.strip():
            return [resolution.find_deck(decks, team_id, deck, commands=self.commands(team))]
        return sorted((d for d in decks if listed(d)), key=lambda d: (d.shared, d.name))

    async def resolve(
        self, channel: ChannelRef, *, deck: str | None = None, topics: Sequence[str] = ()
    ) -> resolution.Selection:
        """The decks and topics a round in this channel would play (resolution.resolve)."""
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(channel.team)
            channel_id = await u.teams.ensure_channel(team_id, channel)
            defaults = await u.teams.channel_defaults(channel_id)
            return await resolution.resolve(
                u.decks,
                u.teams,
                team_id,
                commands=self.commands(channel.team),
                deck=deck,
                topics=topics,
                channel_default=defaults.deck_id,
            )

    # --- making decks (admins) ---------------------------------------------------------------

    async def require_admin(self, actor: PlayerRef) -> None:
        async with self.repo.unit() as u:
            await admin_team(u.teams, actor)

    async def create_from_notes(
        self, actor: PlayerRef, name: str, data: bytes, filename: str
    ) -> DeckReport:
        """A draft deck of the questions generated from a Markdown notes file."""
        return await self._create(actor, name, data, filename, NOTES)

    async def create_from_bank(
        self, actor: PlayerRef, name: str, data: bytes, filename: str
    ) -> DeckReport:
        """A draft deck of the questions of a bank (or any import format's) file."""
        return await self._create(actor, name, data, filename, BANK)

    async def _create(
        self, actor: PlayerRef, name: str, data: bytes, filename: str, kind: str
    ) -> DeckReport:
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)  # a member's file is refused unread
            decks = await u.decks.team_decks(team_id)
            name = new_deck_name(name, decks, team_id)
            check_room(self.limits, decks, team_id)
        read = await read_deck_file(
            self.worker, data, filename, kind=kind, deck=name, limits=self.limits
        )
        return await self.create_read(actor, name, read)

    async def create_read(self, actor: PlayerRef, name: str, read: DeckFile) -> DeckReport:
        """A draft deck of a file `read_deck_file` read (the CLI reads it before it opens the
        database): the name and the team's room are checked (again) as it is made."""
        made, label = read.made, read.label
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            decks = await u.decks.team_decks(team_id)
            name = new_deck_name(name, decks, team_id)  # another admin may have been quicker
            check_room(self.limits, decks, team_id)
            deck = await u.decks.create_deck(
                NewDeck(team_id, name, DeckStatus.DRAFT, read.kind, label, made.source_hash, now)
            )
            plan = plan_sync([], made.questions)
            await u.decks.write_sync(deck, plan, author=actor.display_name, at=now)
            await self._record(u, team_id, actor, "deck-create", deck, plan.summary(), label)
        return DeckReport(replace(deck, questions=plan.added), plan, made.summary, True)

    async def regenerate(
        self, actor: PlayerRef, name: str, data: bytes, filename: str, *, kind: str = NOTES
    ) -> DeckReport:
        """The deck's questions from a new version of its file. Questions generated again keep
        their rows (ids, statistics, history); ones no longer generated are retired; new ones
        are added. The deck keeps its status."""
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)  # a member's file is refused unread
            deck = await self._own_deck(u, actor.team, team_id, name)
        read = await read_deck_file(
            self.worker, data, filename, kind=kind, deck=deck.name, limits=self.limits
        )
        return await self.regenerate_read(actor, deck.name, read)

    async def regenerate_read(self, actor: PlayerRef, name: str, read: DeckFile) -> DeckReport:
        """`regenerate` with a file `read_deck_file` read (the CLI reads it before it opens
        the database)."""
        made, label = read.made, read.label
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            deck = await self._own_deck(u, actor.team, team_id, name)
            plan = plan_sync(await u.decks.deck_questions(deck.id), made.questions)
            await u.decks.write_sync(deck, plan, author=actor.display_name, at=now)
            await u.decks.set_source(deck.id, label, made.source_hash, now)
            await self._record(u, team_id, actor, "deck-regenerate", deck, plan.summary(), label)
            deck = await self._own_deck(u, actor.team, team_id, deck.name)
        return DeckReport(deck, plan, made.summary, False)

    async def _own_deck(self, u: Unit, team: TeamRef, team_id: int, name: str) -> DeckRec:
        """One of the team's own decks made from a file (not archived, not the custom one)."""
        decks = await u.decks.team_decks(team_id)
        deck = resolution.find_deck(decks, team_id, name, commands=self.commands(team))
        check_owned(deck, team_id)
        if deck.name == CUSTOM_DECK:
            raise QuizError(
                f"{CUSTOM_DECK} holds the questions admins add one by one; it has no file.",
                field="name",
            )
        return deck

    # --- curating decks (admins) -------------------------------------------------------------

    async def preview(
        self, actor: PlayerRef, name: str, page: int = 1, per_page: int = 10
    ) -> Panel:
        """A page of a deck's questions with their answers and source lines (drafts too)."""
        if page < 1:
            raise ValidationFailed([Problem("page", "must be 1 or more")])
        if not 1 <= per_page <= MAX_PREVIEW:
            raise ValidationFailed([Problem("per_page", f"must be 1 to {MAX_PREVIEW}")])
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            decks = await u.decks.team_decks(team_id)
            deck = resolution.find_deck(decks, team_id, name, commands=self.commands(actor.team))
            questions, total = await u.decks.question_page(deck.id, (page - 1) * per_page, per_page)
        check_page(page, total, per_page)
        return preview_panel(deck, questions, total, page, per_page)

    async def publish(self, actor: PlayerRef, name: str) -> DeckRec:
        """Make a draft (or archived) deck playable."""
        return await self._move(actor, name, "publish")

    async def archive(self, actor: PlayerRef, name: str) -> DeckRec:
        """Hide a deck from play and lists; its questions and their answers stay."""
        return await self._move(actor, name, "archive")

    async def _move(self, actor: PlayerRef, name: str, action: str) -> DeckRec:
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            decks = await u.decks.team_decks(team_id)
            deck = resolution.find_deck(
                decks, team_id, name, commands=self.commands(actor.team), any_status=True
            )
            check_owned(deck, team_id)
            status = moved(deck, action)
            if status == DeckStatus.PUBLISHED and deck.status == DeckStatus.ARCHIVED:
                check_room(self.limits, decks, team_id)
            await u.decks.set_status(deck.id, status, self.clock())
            await self._record(u, team_id, actor, f"deck-{action}", deck, str(status))
        return replace(deck, status=status)

    async def set_default(self, actor: PlayerRef, name: str | None) -> DeckRec | None:
        """The deck the team plays when none is named (its own or a shared one; published);
        None (or "none") goes back to the rule: own published decks, else the shared ones."""
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            deck: DeckRec | None = None
            if name is not None and name.strip().lower() not in ("", "none"):
                decks = await u.decks.team_decks(team_id)
                deck = resolution.play_deck(
                    decks, team_id, name, commands=self.commands(actor.team)
                )
            settings = await u.teams.team_settings(team_id)
            await u.teams.set_team_settings(
                team_id, replace(settings, default_deck_id=deck.id if deck else None)
            )
            detail = deck.name if deck else "none"
            await self._record(u, team_id, actor, "deck-default", deck, detail)
        return deck

    async def export(self, actor: PlayerRef, name: str, fmt: str) -> ExportFile:
        """A deck's active questions as a file (admins: it holds every answer)."""
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise ValidationFailed(
                [Problem("format", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")]
            )
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            deck = resolution.find_deck(
                await u.decks.team_decks(team_id),
                team_id,
                name,
                commands=self.commands(actor.team),
                any_status=True,
            )
            recs = await u.decks.active_questions([deck.id])
            await self._record(u, team_id, actor, "deck-export", deck, fmt)
        try:
            text = await self.worker.run(export_file, recs, fmt, deck.name)
        except WorkRefused as exc:
            raise QuizError(f"Exporting {deck.name} {exc.message}.") from None
        return ExportFile(text, len(recs), fmt, f"{deck.name}{FORMATS[fmt].extensions[0]}")

    async def _record(
        self,
        u: Unit,
        team_id: int,
        actor: PlayerRef,
        action: str,
        deck: DeckRec | None,
        outcome: str,
        file: str | None = None,
    ) -> None:
        detail: dict[str, Any] = {"outcome": outcome, "user_id": actor.external_id}
        if deck is not None:
            detail["deck"] = deck.name
            detail["deck_id"] = deck.id
        if file is not None:
            detail["file"] = file
        await u.teams.record_admin_action(
            team_id, actor.display_name, action, None, detail, self.clock()
        )
