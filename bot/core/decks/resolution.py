"""Which decks and topics a round (or any other feature that asks questions) plays: one rule,
`choose`, pure over the decks a team sees; `resolve` reads what it needs inside a unit of work,
so the engine, the deck service and later features call the same thing.

The rule: a deck named in the request; else the channel's default deck; else the team's
default deck; else the team's own published decks, if it has any; else the shared ones.
(A default that is not published is passed over.) Topics are looked for in the decks chosen
so; without a deck named, a topic found nowhere there is looked for in every deck the team may
play, so asking for a topic of the shared deck is asking for the shared deck.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.core.decks.rules import DeckStatus, deck_name, playable
from bot.core.decks.store import DeckRec, DeckStore, TopicCount
from bot.core.decks.topics import close_matches, match_topics, unknown_topics_message
from bot.core.errors import QuizError, ValidationFailed
from bot.core.ports import TeamStore
from bot.core.surfaces import Commands, Step

MAX_LABEL = 80  # rounds.topic


@dataclass(frozen=True)
class Selection:
    """The decks to ask from and, when topics were asked for, the topics (else all)."""

    decks: tuple[DeckRec, ...]
    topics: tuple[str, ...] = ()

    @property
    def deck_ids(self) -> tuple[int, ...]:
        return tuple(d.id for d in self.decks)

    @property
    def label(self) -> str | None:
        """What the round records as its topic."""
        if not self.topics:
            return None
        text = ", ".join(self.topics)
        return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"

    def describe(self) -> str:
        return ", ".join(d.name for d in self.decks) or "no deck"


def find_deck(
    decks: Sequence[DeckRec],
    team_id: int,
    name: str,
    *,
    commands: Commands,
    any_status: bool = False,
) -> DeckRec:
    """The deck a name means to this team: its own first, then a shared one. Archived decks
    are found only with `any_status`; QuizError names the close names when none matches."""
    try:
        wanted = deck_name(name)
    except ValidationFailed:
        wanted = name.strip().lower()
    seen = [d for d in decks if any_status or d.status != DeckStatus.ARCHIVED]
    for owner in (team_id, None):
        for deck in seen:
            if deck.team_id == owner and deck.name == wanted:
                return deck
    near = close_matches(wanted, sorted({d.name for d in seen}))
    hint = f" Did you mean {', '.join(near)}?" if near else ""
    raise QuizError(
        f"There is no deck {name.strip()!r}.{hint} See them with {commands(Step.DECKS)}.",
        field="deck",
    )


def play_deck(decks: Sequence[DeckRec], team_id: int, name: str, *, commands: Commands) -> DeckRec:
    """A deck named to be played: found, and published."""
    deck = find_deck(decks, team_id, name, commands=commands, any_status=True)
    if not playable(deck):
        state = "a draft" if deck.status == DeckStatus.DRAFT else deck.status
        raise QuizError(
            f"{deck.name} is {state}; an admin publishes it with "
            f"{commands(Step.PUBLISH_DECK, deck.name)}.",
            field="deck",
        )
    return deck


def default_decks(
    decks: Sequence[DeckRec],
    team_id: int,
    channel_default: int | None = None,
    team_default: int | None = None,
) -> tuple[DeckRec, ...]:
    """The decks played when none is named (the rule in the module docstring)."""
    by_id = {d.id: d for d in decks}
    for chosen in (channel_default, team_default):
        deck = by_id.get(chosen) if chosen is not None else None
        if deck is not None and playable(deck):
            return (deck,)
    own = tuple(d for d in decks if d.team_id == team_id and playable(d) and d.questions)
    if own:
        return own
    return tuple(d for d in decks if d.team_id is None and playable(d))


def choose(
    decks: Sequence[DeckRec],
    team_id: int,
    topics_of: Mapping[int, Sequence[str]],
    *,
    commands: Commands,
    deck: str | None = None,
    topics: Sequence[str] = (),
    channel_default: int | None = None,
    team_default: int | None = None,
) -> Selection:
    """The decks and topics to ask from. `topics_of` holds each playable deck's topics;
    `commands` names the commands a refusal points to."""
    if deck is not None and deck.strip():
        chosen: tuple[DeckRec, ...] = (play_deck(decks, team_id, deck, commands=commands),)
    else:
        chosen = default_decks(decks, team_id, channel_default, team_default)
    if not topics:
        return Selection(chosen)
    pool = _topics(chosen, topics_of)
    match = match_topics(topics, pool)
    if match.ok:
        return Selection(_holding(chosen, match.matched, topics_of), match.matched)
    if deck is None or not deck.strip():
        everywhere = tuple(d for d in decks if playable(d) and (d.shared or d.team_id == team_id))
        wider = match_topics(topics, _topics(everywhere, topics_of))
        if wider.ok:
            return Selection(_holding(everywhere, wider.matched, topics_of), wider.matched)
        match, pool = wider, _topics(everywhere, topics_of)
        where = "any deck"
    else:
        where = f"deck {chosen[0].name}"
    raise QuizError(
        unknown_topics_message(match, where, len(pool), commands(Step.TOPICS)), field="topic"
    )


def _topics(decks: Sequence[DeckRec], topics_of: Mapping[int, Sequence[str]]) -> list[str]:
    """The decks' topics, each once, in order."""
    return list(dict.fromkeys(t for d in decks for t in topics_of.get(d.id, ())))


def _holding(
    decks: Sequence[DeckRec], topics: Sequence[str], topics_of: Mapping[int, Sequence[str]]
) -> tuple[DeckRec, ...]:
    """The decks that hold at least one of the topics."""
    wanted = set(topics)
    return tuple(d for d in decks if wanted & set(topics_of.get(d.id, ())))


def topics_by_deck(decks: Sequence[DeckRec], counts: Sequence[TopicCount]) -> dict[int, list[str]]:
    """Each playable deck's topics, as `choose` takes them."""
    playing = {d.id for d in decks if playable(d)}
    topics_of: dict[int, list[str]] = {}
    for row in counts:
        if row.deck_id in playing:
            topics_of.setdefault(row.deck_id, []).append(row.topic)
    return topics_of


async def resolve(
    decks_store: DeckStore,
    teams: TeamStore,
    team_id: int,
    *,
    commands: Commands,
    deck: str | None = None,
    topics: Sequence[str] = (),
    channel_default: int | None = None,
) -> Selection:
    """`choose`, reading the team's decks, their topics and its default deck in the caller's
    unit; the channel's default deck comes from the caller (who has read or is setting it)."""
    decks = await decks_store.team_decks(team_id)
    team_default = (await teams.team_settings(team_id)).default_deck_id
    playing = [d.id for d in decks if playable(d)]
    return choose(
        decks,
        team_id,
        topics_by_deck(decks, await decks_store.topic_counts(team_id, playing)),
        commands=commands,
        deck=deck,
        topics=topics,
        channel_default=channel_default,
        team_default=team_default,
    )
