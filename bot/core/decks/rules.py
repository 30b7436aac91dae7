"""What a deck is allowed to be: its name, its statuses and the moves between them, who may
change it, and the limits a team's decks live within. Every adapter, the CLI and the service
read these; none keeps its own copy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from bot.core.decks.store import DeckRec
from bot.core.errors import ImportRejected, NotAllowed, QuizError, ValidationFailed
from questions.bank import Problem
from questions.intake import MAX_FILE_BYTES, size_problem


class DeckStatus(StrEnum):
    DRAFT = "draft"  # generated or imported, waiting for an admin's look
    PUBLISHED = "published"  # playable
    ARCHIVED = "archived"  # kept (answers refer to its questions), never played or listed


# Where a team's own one-by-one questions (add, suggest, import) live.
CUSTOM_DECK = "custom"
MAX_NAME = 40
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
NAME_RULE = f"1 to {MAX_NAME} letters, digits, '-', '_' or '.', starting with a letter or digit"

# A notes file from chat or the shell: the same byte limit as every file the bot reads.
MAX_NOTES_BYTES = MAX_FILE_BYTES
NOTES_SUFFIXES = (".md", ".markdown", ".txt")
# The kinds of file a deck is made from: Markdown notes, or a bank or import file.
NOTES = "notes"
BANK = "bank"

# What each action moves a deck to, and the statuses it may start from.
MOVES: dict[str, tuple[DeckStatus, tuple[DeckStatus, ...]]] = {
    "publish": (DeckStatus.PUBLISHED, (DeckStatus.DRAFT, DeckStatus.ARCHIVED)),
    "archive": (DeckStatus.ARCHIVED, (DeckStatus.DRAFT, DeckStatus.PUBLISHED)),
}


@dataclass(frozen=True)
class DeckLimits:
    """Per team: how many decks it may keep (archived ones and its custom deck aside) and how
    many questions one deck may hold. Settings (DECK_MAX_PER_TEAM, DECK_MAX_QUESTIONS)."""

    max_decks: int = 20
    max_questions: int = 2000


def deck_name(text: str) -> str:
    """The deck name a person typed, as stored (lower case); ValidationFailed says the rule."""
    name = text.strip().lower()
    if not name or len(name) > MAX_NAME or not _NAME.match(name):
        shown = text.strip()[:60]
        raise ValidationFailed([Problem("name", f"use {NAME_RULE}, not {shown!r}")])
    return name


def new_deck_name(text: str, decks: list[DeckRec], team_id: int) -> str:
    """A name for a team's new deck: valid, not the custom deck's, not taken by one of the
    team's decks nor by a shared deck (a name means one deck to everyone in the team)."""
    name = deck_name(text)
    if name == CUSTOM_DECK:
        raise ValidationFailed(
            [Problem("name", f"{CUSTOM_DECK!r} holds the questions admins add one by one")]
        )
    for deck in decks:
        if deck.name == name and deck.team_id in (team_id, None):
            owner = "a shared deck" if deck.team_id is None else f"a {deck.status} deck"
            raise ValidationFailed([Problem("name", f"{name!r} is already {owner}")])
    return name


def counted(decks: list[DeckRec], team_id: int) -> int:
    """The team's decks that count against its limit."""
    return sum(
        1
        for d in decks
        if d.team_id == team_id and d.status != DeckStatus.ARCHIVED and d.name != CUSTOM_DECK
    )


def check_room(limits: DeckLimits, decks: list[DeckRec], team_id: int) -> None:
    """One more deck fits in the team's limit, else a QuizError saying how to make room."""
    if counted(decks, team_id) >= limits.max_decks:
        raise QuizError(
            f"This team already has {limits.max_decks} decks, the most it may keep; "
            "archive one first.",
            field="name",
        )


def check_size(limits: DeckLimits, count: int, source: str) -> None:
    """A deck of `count` questions fits, and is not empty."""
    if count == 0:
        raise QuizError(f"No question could be made from {source}.", field="notes")
    if count > limits.max_questions:
        raise QuizError(
            f"{source} gives {count:,} questions; a deck holds at most "
            f"{limits.max_questions:,}. Split the notes into several decks.",
            field="notes",
        )


def check_file(kind: str, filename: str, size: int) -> None:
    """A file of `kind` (NOTES or BANK) is within its limits, checked by its size before it
    is read: QuizError for notes, ImportRejected naming the problem for a bank."""
    if kind == NOTES:
        check_notes_file(filename, size)
    elif problem := size_problem(size, filename):
        raise ImportRejected([problem])


def check_notes_file(filename: str, size: int) -> None:
    """A notes file is Markdown and within MAX_NOTES_BYTES, checked before it is read."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in NOTES_SUFFIXES:
        raise QuizError(
            f"{filename} is not a Markdown file; notes are {', '.join(NOTES_SUFFIXES)} files.",
            field="notes",
        )
    if size > MAX_NOTES_BYTES:
        raise QuizError(
            f"{filename} is {size:,} bytes; notes files may have at most "
            f"{MAX_NOTES_BYTES:,} bytes. Split them into several decks.",
            field="notes",
        )


def check_owned(deck: DeckRec, team_id: int) -> None:
    """Only the team's own decks are changed by it; the shared ones belong to the operator."""
    if deck.team_id != team_id:
        raise NotAllowed(
            f"{deck.name} is a shared deck; only the server operator changes it "
            "(quizbot questions load)."
        )


def moved(deck: DeckRec, action: str) -> DeckStatus:
    """The status `action` moves the deck to; QuizError when it cannot from where it is."""
    target, sources = MOVES[action]
    if deck.status == target:
        raise QuizError(f"{deck.name} is already {target}.", field="name")
    if deck.status not in sources:
        raise QuizError(f"{deck.name} is {deck.status}, so it cannot be {target}.", field="name")
    if target == DeckStatus.PUBLISHED and not deck.questions:
        raise QuizError(f"{deck.name} has no questions to play.", field="name")
    return target


def playable(deck: DeckRec) -> bool:
    return deck.status == DeckStatus.PUBLISHED


def listed(deck: DeckRec) -> bool:
    """Lists show drafts (marked) and published decks; archived ones are hidden."""
    return deck.status != DeckStatus.ARCHIVED
