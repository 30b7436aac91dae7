"""The Discord client: non-privileged intents, the command tree, answer clicks taken from the
raw gateway payload, command sync, the due-work loop started once connected, and a graceful
shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from typing import Any

import discord
from discord import app_commands

from bot.adapters.acking import ACK_DEADLINE_SECONDS, LateWrites
from bot.adapters.discord import clicks
from bot.adapters.discord.buttons import AnswerButton
from bot.adapters.discord.callbacks import INTERACTION_CONNECTIONS, InteractionHttp, RestReplies
from bot.adapters.discord.commands import register
from bot.adapters.discord.modals import on_form_submit
from bot.adapters.discord.replies import NO_MENTIONS
from bot.adapters.discord.study_commands import ReviewButton
from bot.adapters.inflight import InFlight
from bot.adapters.outbox import Outbox
from bot.adapters.shutdown import settle
from bot.boundary import failure_text, log_unexpected
from bot.core.due import DueLoop
from bot.service import QuizService

log = logging.getLogger(__name__)

# Shutdown lets handlers already running finish for at most this long (compose gives the
# container 20 s after SIGTERM).


def _not_about_voice(record: logging.LogRecord) -> bool:
    """discord.py warns at start that voice libraries are missing; the quiz never speaks."""
    return "voice will NOT be supported" not in record.getMessage()


logging.getLogger("discord.client").addFilter(_not_about_voice)


def quiz_intents() -> discord.Intents:
    """Guilds only: the game runs on interactions, so no message content, members or presences
    (all privileged or unneeded); `guilds` keeps the role cache used for admin roles."""
    intents = discord.Intents.none()
    intents.guilds = True
    return intents


class QuizTree(app_commands.CommandTree[Any]):
    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """Failures our handlers did not catch (bad options, checks): still a private reply."""
        if isinstance(error, app_commands.TransformerError | app_commands.CheckFailure):
            log.info("command refused: %s", error)
            text = str(error)[:300]
        else:
            text = failure_text(log_unexpected(log, "a command", error))
        with contextlib.suppress(discord.HTTPException):
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(
                    text, ephemeral=True, allowed_mentions=NO_MENTIONS
                )


class QuizClient(discord.Client):
    """A plain client with an app-command tree; `attach()` wires it to a QuizService."""

    def __init__(self, *, guild_ids: Sequence[int] = (), sync: bool = True, **kwargs: Any) -> None:
        super().__init__(intents=quiz_intents(), allowed_mentions=NO_MENTIONS, **kwargs)
        self.tree = QuizTree(self)
        register(self.tree)
        self.guild_ids = tuple(guild_ids)
        self.sync_commands_on_start = sync
        self.service: QuizService | None = None
        self.due: DueLoop | None = None
        self._due_task: asyncio.Task[None] | None = None
        # Called once, at the first READY: the run mode's "start-up is done" (see `app`).
        self.on_first_ready: Callable[[], None] | None = None
        self.inflight = InFlight()  # handlers running, for a graceful shutdown
        self.ack_budget_seconds = ACK_DEADLINE_SECONDS  # a click's write, before a defer
        self.late_writes = LateWrites()
        # Acks, then game posts, then receipts: acks side by side on every interaction
        # connection, the others (32 at once) only while the acks leave them room.
        self.outbox = Outbox(concurrency=INTERACTION_CONNECTIONS, others=32)
        self.interaction_http = InteractionHttp()
        self.replies = RestReplies(self.interaction_http, self.outbox)
        self._take_answer_clicks()

    def _take_answer_clicks(self) -> None:
        """Answer clicks straight from the gateway's INTERACTION_CREATE payload (see
        `clicks`); every other interaction goes to discord.py's own dispatch."""
        parsers = self._connection.parsers
        others = parsers["INTERACTION_CREATE"]

        def interaction_create(data: Any) -> None:
            try:
                click = clicks.answer_click(data)
                if click is None:
                    others(data)
                else:
                    self.take_click(click, self.replies)
            except Exception as exc:  # raised here, it would end the gateway connection
                log.warning("dropped an interaction that could not be read: %r", exc)

        parsers["INTERACTION_CREATE"] = interaction_create

    def take_click(self, click: clicks.AnswerClick, replies: clicks.Replies) -> None:
        """Handle an answer click in a task of its own, counted as in flight."""
        self.inflight.spawn(
            clicks.take(self.service, click, replies, self.ack_budget_seconds, self.late_writes)
        )

    def attach(self, service: QuizService, due: DueLoop | None = None) -> None:
        self.service = service
        self.due = due
        if due is not None:
            service.engine.on_schedule = due.poke

    async def setup_hook(self) -> None:
        # Clicks the raw hook leaves (none in a server) and review buttons still get a reply,
        # after restarts too: one registration serves every button ever posted.
        self.add_dynamic_items(AnswerButton, ReviewButton)
        if self.sync_commands_on_start:
            await self.sync_commands()

    async def sync_commands(self) -> None:
        """Test guilds get the commands at once; otherwise a global sync (can take a while to
        reach every client)."""
        if self.guild_ids:
            for guild_id in self.guild_ids:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
                log.info("synced %d commands to guild %s", len(synced), guild_id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d global commands", len(synced))

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        # Question forms are handled by custom id, not by an object kept in this process.
        await on_form_submit(interaction)

    async def on_ready(self) -> None:
        log.info("connected as %s to %d guild(s)", self.user, len(self.guilds))
        self.start_due_loop()
        first, self.on_first_ready = self.on_first_ready, None
        if first is not None:
            first()

    def start_due_loop(self) -> None:
        """Once connected: the loop closes due questions (also ones left by another process)."""
        if self.due is not None and self._due_task is None:
            self._due_task = asyncio.create_task(self.due.run(), name="quiz-due-loop")

    async def close(self) -> None:
        await super().close()
        await self.interaction_http.close()

    async def shutdown(self) -> None:
        """Stop taking rounds, let handlers already running finish (they may have deferred,
        so the user was told it is coming) and write the answers received, let the due loop
        finish its pass, then disconnect."""
        await settle(self.service, self.inflight, "interaction(s)")
        if self.due is not None:
            self.due.stop()
        if self._due_task is not None:
            try:
                await asyncio.wait_for(self._due_task, timeout=10)
            except (TimeoutError, asyncio.CancelledError):
                log.warning("due loop did not stop in time")
            self._due_task = None
        if not self.is_closed():
            await self.close()


class ShardedQuizClient(QuizClient, discord.AutoShardedClient):
    """The same bot over several shards in one process (DISCORD_SHARD_IDS / DISCORD_SHARD_COUNT)."""


def parse_ids(text: str) -> list[int]:
    return [int(x) for x in text.replace(" ", "").split(",") if x]


def make_client(
    *,
    guild_ids: Sequence[int] = (),
    shard_ids: Sequence[int] = (),
    shard_count: int | None = None,
    sync: bool = True,
) -> QuizClient:
    """A sharded client when shards are configured, a plain one otherwise."""
    if shard_ids and shard_count is None:
        raise ValueError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total shard count)")
    if shard_count is not None and any(not 0 <= s < shard_count for s in shard_ids):
        raise ValueError(f"every shard id must be 0 to {shard_count - 1}")
    if shard_count is not None:
        return ShardedQuizClient(
            guild_ids=guild_ids,
            sync=sync,
            shard_ids=list(shard_ids) or None,
            shard_count=shard_count,
        )
    return QuizClient(guild_ids=guild_ids, sync=sync)
