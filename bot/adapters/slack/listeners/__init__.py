"""Bolt listeners: one module per kind of request, each listener a top-level function that takes
Bolt's arguments and reads its dependencies from the context; `register` is the one place they
are attached to the app (a test calls a listener directly with a stub `ack`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext

from bot.adapters.slack.decks import NOTES_CALLBACK, START_CALLBACK, START_TOPICS_ACTION
from bot.adapters.slack.deps import CONTEXT_KEY, SlackDeps
from bot.adapters.slack.listeners import (
    actions,
    commands,
    curation_views,
    deck_views,
    errors,
    events,
    study_views,
    views,
)
from bot.adapters.slack.modals import EDIT_CALLBACK, IMPORT_CALLBACK, SUGGEST_CALLBACK
from bot.adapters.slack.render import ADD_CALLBACK, HOME_REVIEW_ACTION, HOME_START_ACTION
from bot.adapters.slack.study import REVIEW_ACTION


def register(app: AsyncApp, deps: SlackDeps) -> None:
    async def provide(context: AsyncBoltContext, next: Callable[[], Awaitable[None]]) -> None:
        context[CONTEXT_KEY] = deps
        await next()

    app.use(provide)
    track = deps.inflight.track
    app.command(commands.COMMAND)(track(commands.quiz))
    app.action(actions.ANSWER_ACTION)(track(actions.answer))
    app.view(ADD_CALLBACK)(track(views.add_question))
    app.view(IMPORT_CALLBACK)(track(curation_views.import_submitted))
    app.view(EDIT_CALLBACK)(track(curation_views.edit_submitted))
    app.view(SUGGEST_CALLBACK)(track(curation_views.suggest_submitted))
    app.view(NOTES_CALLBACK)(track(deck_views.notes_submitted))
    app.view(START_CALLBACK)(track(deck_views.start_submitted))
    app.action(HOME_START_ACTION)(track(deck_views.home_start))
    app.action(REVIEW_ACTION)(track(study_views.review_answer))
    app.action(HOME_REVIEW_ACTION)(track(study_views.home_review))
    app.options(START_TOPICS_ACTION)(track(deck_views.start_topic_options))
    app.event("app_home_opened")(track(events.home_opened))
    app.error(errors.on_error)
