"""Slash commands: `/quiz` for everyone, `/quizadmin` for admins.

Admin verbs live in their own top-level group because Discord applies default_permissions only
to top-level commands. Visibility is a convenience (server owners can override it), so the
core re-checks admin rights on every admin action.

Every handler acknowledges first (defer) and works after; the two exceptions are answers that
must themselves be the first response (a modal, autocomplete choices), which do no database
work before answering or bound it well within Discord's 3 seconds.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Literal

import discord
from discord import app_commands

from bot.adapters.discord.bank_files import add_file_commands
from bot.adapters.discord.deck_commands import (
    add_deck_group,
    add_play_commands,
    deck_autocomplete,
    topic_autocomplete,
    topics_autocomplete,
)
from bot.adapters.discord.identity import channel_of, player_of, team_of
from bot.adapters.discord.modals import (
    AddQuestionModal,
    EditQuestionModal,
    SuggestQuestionModal,
    open_form,
    validation_message,
)
from bot.adapters.discord.render import (
    embed_for,
    leaderboard_embed,
    safe,
    stats_embed,
)
from bot.adapters.discord.replies import ack, guarded, service_of, tell
from bot.adapters.discord.study_commands import (
    add_daily_group,
    add_study_commands,
    mastery_embed,
)
from bot.adapters.discord.weekly_commands import add_weekly_group
from bot.core.curation.rules import MAX_REASON, check_editable
from bot.core.decks.rules import MAX_NAME
from bot.core.decks.topics import split_topics
from bot.core.errors import NotAllowed, QuizError, Unavailable, ValidationFailed
from bot.core.play import scoring
from bot.core.play.limits import (
    DEFAULT_QUESTIONS,
    DEFAULT_SECONDS,
    MAX_QUESTIONS,
    MAX_SECONDS,
    MIN_QUESTIONS,
    MIN_SECONDS,
)
from bot.core.views import Notice, Panel

log = logging.getLogger(__name__)

ADMIN_CHECK_BUDGET = 1.5  # seconds for a check made before opening a modal
FORM_LOOKUP_BUDGET = 2.0  # seconds to load the question an edit form is prefilled with
GUILD_ONLY = app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False)
NEEDED = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)

HELP_TEXT = f"""\
**/quiz start** `[questions] [deck] [topics] [seconds]` starts a round in this channel \
(topics: one or more, separated by commas; "sqs" finds "AWS SQS").
Click a button to answer: only you see your pick, one answer per question.
**/quiz decks** lists the decks; **/quiz topics** `[deck]` their topics and question counts.
**/quiz stop** ends the round (its starter or an admin).
**/quiz leaderboard** `[week|all]` shows the top players; **/quiz me** your own stats \
and mastery per topic (questions seen, accuracy, reviews due).
**/quiz review** asks you, privately, up to 10 questions due for review (spaced repetition: missed ones come back soon, known ones later); it never changes the leaderboard.
Scoring: {scoring.summary()}
**/quiz suggest** proposes a question for an admin to review (when the server allows it).
Admins (Manage Server or a configured role): **/quizadmin add | edit** write questions,
**/quizadmin import | export** move question files in and out,
**/quizadmin deck create | preview | publish | regenerate | archive | default | export** \
makes decks from your Markdown notes,
**/quizadmin settings** sets this channel's defaults, the admin role and suggestions,
**/quizadmin weekly set | off | show** schedules the weekly leaderboard post,
**/quizadmin daily set | off | show** `channel time [deck] [topics] [window] [timezone]` asks \
a question of the day in a channel (open for hours; it scores on the weekly board),
**/quizadmin questions | show | disable | enable | approve | reject | history** curate the bank."""


# --- /quiz -------------------------------------------------------------------------------------

quiz_group_description = "Play the team quiz"


def _missing_permissions(interaction: discord.Interaction[Any]) -> list[str]:
    have = interaction.app_permissions
    return [name for name, wanted in NEEDED if wanted and not getattr(have, name)]


def build_quiz_group() -> app_commands.Group:
    quiz = app_commands.Group(
        name="quiz",
        description=quiz_group_description,
        guild_only=True,
        allowed_contexts=GUILD_ONLY,
    )

    @quiz.command(name="start", description="Start a quiz round in this channel")
    @app_commands.describe(
        questions=f"How many questions ({MIN_QUESTIONS}-{MAX_QUESTIONS}, default {DEFAULT_QUESTIONS})",
        deck="Which deck (default: this server's)",
        topics="Only these topics, separated by commas",
        seconds=f"Seconds to answer each question ({MIN_SECONDS}-{MAX_SECONDS}, default {DEFAULT_SECONDS})",
    )
    @app_commands.autocomplete(deck=deck_autocomplete, topics=topics_autocomplete)
    async def start(
        interaction: discord.Interaction[Any],
        questions: app_commands.Range[int, MIN_QUESTIONS, MAX_QUESTIONS] | None = None,
        deck: app_commands.Range[str, 1, MAX_NAME] | None = None,
        topics: app_commands.Range[str, 1, 500] | None = None,
        seconds: app_commands.Range[int, MIN_SECONDS, MAX_SECONDS] | None = None,
    ) -> None:
        async with guarded(interaction, "/quiz start"):
            await ack(interaction)
            channel, player = channel_of(interaction), player_of(interaction)
            missing = _missing_permissions(interaction)
            if missing:
                names = ", ".join(m.replace("_", " ").title() for m in missing)
                raise QuizError(f"I need these permissions in this channel first: {names}.")
            outcome = await service_of(interaction).engine.start_round(
                channel,
                player,
                questions=questions,
                seconds=seconds,
                deck=deck,
                topics=split_topics(topics),
            )
            text = f"Round started: {outcome.card.total} question(s), {outcome.card.seconds}s each."
            if outcome.message:
                text += f" {outcome.message}"
            await tell(interaction, text)

    @quiz.command(name="stop", description="Stop this channel's round (its starter or an admin)")
    async def stop(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quiz stop"):
            await ack(interaction)
            text = await service_of(interaction).engine.stop_round(
                channel_of(interaction), player_of(interaction)
            )
            await tell(interaction, text)

    @quiz.command(name="leaderboard", description="Show the top players")
    @app_commands.describe(period="This week (default) or all time")
    async def leaderboard(
        interaction: discord.Interaction[Any], period: Literal["week", "all"] = "week"
    ) -> None:
        async with guarded(interaction, "/quiz leaderboard"):
            await ack(interaction, ephemeral=False)
            view = await service_of(interaction).engine.leaderboard(
                team_of(interaction), period, 10
            )
            await tell(interaction, embed=leaderboard_embed(view), ephemeral=False)

    @quiz.command(
        name="me", description="Your rank, points, accuracy, streak and mastery per topic"
    )
    async def me(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quiz me"):
            await ack(interaction)
            service, player = service_of(interaction), player_of(interaction)
            view = await service.engine.player_stats(player)
            mastery = await service.study.mastery(player)
            await tell(interaction, embed=stats_embed(view), more=[mastery_embed(mastery)])

    @quiz.command(name="suggest", description="Suggest a question (an admin reviews it)")
    async def suggest(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quiz suggest"):
            actor = player_of(interaction)
            # The form must be the first response: one bounded check first, so nobody types a
            # question only to learn suggestions are off. The submit is checked again.
            try:
                allowed = await asyncio.wait_for(
                    service_of(interaction).admin.may_suggest(actor), ADMIN_CHECK_BUDGET
                )
            except TimeoutError:
                log.warning("suggestion pre-check timed out; the submit will be checked")
                allowed = True
            if not allowed:
                raise NotAllowed(
                    "Suggestions are turned off in this server; ask an admin to turn them on "
                    "(/quizadmin settings suggestions:True) or to add your question."
                )
            await open_form(interaction, SuggestQuestionModal())

    add_play_commands(quiz)
    add_study_commands(quiz)

    @quiz.command(name="help", description="How the quiz works")
    async def help_(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quiz help"):
            await tell(interaction, embed=embed_for(Notice(HELP_TEXT, title="Team quiz")))

    return quiz


# --- /quizadmin --------------------------------------------------------------------------------


def build_admin_group() -> app_commands.Group:
    admin = app_commands.Group(
        name="quizadmin",
        description="Manage the quiz (admins)",
        guild_only=True,
        allowed_contexts=GUILD_ONLY,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    @admin.command(name="add", description="Add a question to this server's bank")
    async def add(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quizadmin add"):
            actor = player_of(interaction)
            if not actor.is_platform_admin:
                # Not Manage Server: only the team's own admin list can let them in. The modal
                # must be the first response, so this one check runs before it, time-bounded;
                # the submit is checked again by the core in any case.
                try:
                    await asyncio.wait_for(
                        service_of(interaction).admin.require_admin(actor), ADMIN_CHECK_BUDGET
                    )
                except TimeoutError:
                    log.warning("admin pre-check timed out; the submit will be checked")
            await open_form(interaction, AddQuestionModal())

    @admin.command(name="edit", description="Edit one of this server's questions in a form")
    @app_commands.describe(question="Question number (#12) or id")
    async def edit(
        interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, 60]
    ) -> None:
        async with guarded(interaction, "/quizadmin edit"):
            # The form must be the first response and shows the current question, so this one
            # lookup (which also checks admin rights) runs before it, time-bounded.
            try:
                detail = await asyncio.wait_for(
                    service_of(interaction).admin.show_question(player_of(interaction), question),
                    FORM_LOOKUP_BUDGET,
                )
            except TimeoutError:
                raise Unavailable(
                    "The database is slow right now; try again in a moment."
                ) from None
            tq = detail.question
            check_editable(
                tq,
                "disable it with /quizadmin disable and add your own version with /quizadmin add.",
            )
            await open_form(interaction, EditQuestionModal(tq.rec))

    @admin.command(name="settings", description="This channel's round defaults and the admin role")
    @app_commands.describe(
        questions=f"Default questions per round ({MIN_QUESTIONS}-{MAX_QUESTIONS})",
        seconds=f"Default seconds per question ({MIN_SECONDS}-{MAX_SECONDS})",
        topic="Default topics, separated by commas (empty = all topics)",
        deck="Default deck for this channel (none = the server's)",
        admin_role="Also treat members with this role as quiz admins",
        suggestions="Let every member suggest questions with /quiz suggest",
    )
    @app_commands.autocomplete(topic=topics_autocomplete, deck=deck_autocomplete)
    async def settings(
        interaction: discord.Interaction[Any],
        questions: app_commands.Range[int, MIN_QUESTIONS, MAX_QUESTIONS] | None = None,
        seconds: app_commands.Range[int, MIN_SECONDS, MAX_SECONDS] | None = None,
        topic: app_commands.Range[str, 1, 100] | None = None,
        deck: app_commands.Range[str, 1, MAX_NAME] | None = None,
        admin_role: discord.Role | None = None,
        suggestions: bool | None = None,
    ) -> None:
        async with guarded(interaction, "/quizadmin settings"):
            await ack(interaction)
            svc = service_of(interaction)
            actor, channel = player_of(interaction), channel_of(interaction)
            try:
                defaults = await svc.admin.channel_settings(
                    actor, channel, questions=questions, seconds=seconds, topic=topic, deck=deck
                )
                team = await svc.admin.team_settings(actor)
                roles = team.admin_roles
                if admin_role is not None:
                    roles = with_admin_role(roles, admin_role)
                if roles != team.admin_roles or suggestions is not None:
                    team = await svc.admin.team_settings(
                        actor, admin_roles=roles, allow_suggestions=suggestions
                    )
            except ValidationFailed as exc:
                await tell(interaction, validation_message(exc, "changed"))
                return
            shown = (
                ", ".join(role_label(interaction.guild, r, admin_role) for r in team.admin_roles)
                or "none (Manage Server only)"
            )
            panel = Panel(
                "Quiz settings for this channel",
                (
                    f"Questions per round: {defaults.questions or 'default (5)'}",
                    f"Seconds per question: {defaults.seconds or 'default (20)'}",
                    f"Topic: {safe(defaults.topic, 100) if defaults.topic else 'all topics'}",
                    f"Deck: {defaults.deck_name or 'the server default'}",
                    f"Admin roles: {shown}",
                    f"Suggestions from members: {'on' if team.allow_suggestions else 'off'}",
                ),
            )
            await tell(interaction, embed=embed_for(panel))

    @admin.command(name="questions", description="Search this server's questions")
    @app_commands.describe(
        topic="Only this topic",
        search="Text in the question",
        status="Which ones (default: active, disabled and pending)",
        page="Page number",
    )
    @app_commands.autocomplete(topic=topic_autocomplete)
    async def questions(
        interaction: discord.Interaction[Any],
        topic: app_commands.Range[str, 1, 100] | None = None,
        search: app_commands.Range[str, 1, 100] | None = None,
        status: Literal["active", "disabled", "pending", "all"] | None = None,
        page: app_commands.Range[int, 1, 1000] = 1,
    ) -> None:
        async with guarded(interaction, "/quizadmin questions"):
            await ack(interaction)
            panel = await service_of(interaction).admin.list_panel(
                player_of(interaction), topic=topic, text=search, status=status, page=page
            )
            await tell(interaction, embed=embed_for(panel))

    @admin.command(name="show", description="One question with its statistics")
    @app_commands.describe(question="Question number (#12) or id")
    async def show(
        interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, 60]
    ) -> None:
        async with guarded(interaction, "/quizadmin show"):
            await ack(interaction)
            panel = await service_of(interaction).admin.show_panel(player_of(interaction), question)
            await tell(interaction, embed=embed_for(panel))

    @admin.command(name="disable", description="Stop asking a question in this server")
    @app_commands.describe(question="Question number (#12) or id")
    async def disable(
        interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, 60]
    ) -> None:
        async with guarded(interaction, "/quizadmin disable"):
            await ack(interaction)
            tq = await service_of(interaction).admin.disable_question(
                player_of(interaction), question
            )
            await tell(interaction, f"Disabled #{tq.rec.id}: {safe(tq.rec.prompt, 300)}")

    @admin.command(name="enable", description="Ask a disabled question again")
    @app_commands.describe(question="Question number (#12) or id")
    async def enable(
        interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, 60]
    ) -> None:
        async with guarded(interaction, "/quizadmin enable"):
            await ack(interaction)
            tq = await service_of(interaction).admin.enable_question(
                player_of(interaction), question
            )
            await tell(interaction, f"Enabled #{tq.rec.id}: {safe(tq.rec.prompt, 300)}")

    @admin.command(name="approve", description="Approve a suggested question")
    @app_commands.describe(question="Question number (#12) or id")
    async def approve(
        interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, 60]
    ) -> None:
        async with guarded(interaction, "/quizadmin approve"):
            await ack(interaction)
            rec = await service_of(interaction).admin.approve_question(
                player_of(interaction), question
            )
            await tell(interaction, f"Approved #{rec.id}: {safe(rec.prompt, 300)}")

    @admin.command(name="reject", description="Reject a suggested question")
    @app_commands.describe(question="Question number (#12) or id", reason="Why (optional)")
    async def reject(
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, 60],
        reason: app_commands.Range[str, 1, MAX_REASON] | None = None,
    ) -> None:
        async with guarded(interaction, "/quizadmin reject"):
            await ack(interaction)
            rec = await service_of(interaction).admin.reject_question(
                player_of(interaction), question, reason or ""
            )
            await tell(interaction, f"Rejected #{rec.id}: {safe(rec.prompt, 300)}")

    @admin.command(name="history", description="Recent admin actions in this server")
    async def history(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quizadmin history"):
            await ack(interaction)
            panel = await service_of(interaction).admin.history_panel(player_of(interaction))
            await tell(interaction, embed=embed_for(panel))

    add_file_commands(admin)
    add_weekly_group(admin)
    add_daily_group(admin)
    add_deck_group(admin)
    return admin


def with_admin_role(roles: tuple[str, ...], role: discord.Role) -> tuple[str, ...]:
    """Add a role by id (ids survive a rename); the same role stored by name is replaced."""
    kept = tuple(r for r in roles if r not in (str(role.id), role.name))
    return (*kept, str(role.id))


def role_label(guild: discord.Guild | None, stored: str, given: discord.Role | None) -> str:
    """The role's current name for an id (the role just given, or the guild cache), the text
    itself for a name stored before ids were; escaped either way."""
    role = None
    if stored.isdigit():
        if given is not None and str(given.id) == stored:
            role = given
        elif guild is not None:
            role = guild.get_role(int(stored))
    if role is not None:
        return safe(role.name, 100)
    return safe(f"role {stored}" if stored.isdigit() else stored, 100)


def register(tree: app_commands.CommandTree[Any]) -> None:
    tree.add_command(build_quiz_group())
    tree.add_command(build_admin_group())
