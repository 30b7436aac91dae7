"""Where a user reads the bot's replies (Discord, Slack, the terminal) and how they type each
command there. A hint in a reply or a refusal names the command of the reader's own surface:
this table is the one place that decides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.core.models import TeamRef

TERMINAL_TEAM = "console:local"  # the terminal's own team (`quizbot run console` plays it)


class Surface(StrEnum):
    DISCORD = "discord"
    SLACK = "slack"
    TERMINAL = "terminal"

    @property
    def label(self) -> str:
        return {"discord": "Discord", "slack": "Slack", "terminal": "the terminal"}[self.value]

    @classmethod
    def of_platform(cls, platform: str) -> Surface:
        """The surface a platform's users read: a chat's own, else the terminal."""
        return cls(platform) if platform in (cls.DISCORD, cls.SLACK) else cls.TERMINAL


class Step(StrEnum):
    """A command a hint may point to."""

    START = "start"
    PLAY_DECK = "play_deck"
    STOP = "stop"
    DECKS = "decks"
    TOPICS = "topics"
    PREVIEW_DECK = "preview_deck"
    PUBLISH_DECK = "publish_deck"
    CREATE_DECK = "create_deck"
    REVIEW = "review"


_COMMANDS: dict[Surface, dict[Step, str]] = {
    Surface.DISCORD: {
        Step.START: "/quiz start",
        Step.PLAY_DECK: "/quiz start deck:{deck}",
        Step.STOP: "/quiz stop",
        Step.DECKS: "/quiz decks",
        Step.TOPICS: "/quiz topics",
        Step.PREVIEW_DECK: "/quizadmin deck preview {deck}",
        Step.PUBLISH_DECK: "/quizadmin deck publish {deck}",
        Step.CREATE_DECK: "/quizadmin deck create",
        Step.REVIEW: "/quiz review",
    },
    Surface.SLACK: {
        Step.START: "/quiz start",
        Step.PLAY_DECK: "/quiz start deck:{deck}",
        Step.STOP: "/quiz stop",
        Step.DECKS: "/quiz decks",
        Step.TOPICS: "/quiz topics",
        Step.PREVIEW_DECK: "/quiz deck preview {deck}",
        Step.PUBLISH_DECK: "/quiz deck publish {deck}",
        Step.CREATE_DECK: "/quiz deck create",
        Step.REVIEW: "/quiz review",
    },
    Surface.TERMINAL: {
        Step.START: "quizbot run console",
        Step.PLAY_DECK: "quizbot run console --deck {deck}",
        Step.STOP: "Ctrl-C in the terminal that plays it",
        Step.DECKS: "quizbot decks list{team}",
        Step.TOPICS: "quizbot decks show{team}",
        Step.PREVIEW_DECK: "quizbot decks preview {deck}{team}",
        Step.PUBLISH_DECK: "quizbot decks publish {deck}{team}",
        Step.CREATE_DECK: "quizbot decks create NAME --from-notes FILE{team}",
        Step.REVIEW: "quizbot review{team}",
    },
}

# What only a chat can do for its team: the terminal plays its own team's rounds alone.
_PLAYED_IN_CHAT = (Step.START, Step.PLAY_DECK, Step.STOP)


def command(surface: Surface, step: Step, team: TeamRef | None = None, deck: str = "") -> str:
    """How a user on `surface` types `step` for `team` (and `deck`). In the terminal a chat
    team's commands carry its `--team`, and its rounds are played in its chat (so named)."""
    if surface is Surface.TERMINAL and team is not None and team.key != TERMINAL_TEAM:
        chat = Surface.of_platform(team.platform)
        if step in _PLAYED_IN_CHAT and chat is not Surface.TERMINAL:
            return _COMMANDS[chat][step].format(deck=deck, team="") + f" in {chat.label}"
        return _COMMANDS[surface][step].format(deck=deck, team=f" --team {team.key}")
    return _COMMANDS[surface][step].format(deck=deck, team="")


@dataclass(frozen=True)
class Commands:
    """The commands a reply to a user on `surface` about `team` names (see `command`)."""

    surface: Surface
    team: TeamRef | None = None

    def __call__(self, step: Step, deck: str = "") -> str:
        return command(self.surface, step, self.team, deck)
