"""Deck names, statuses and the moves between them, ownership and limits: pure rules."""

from __future__ import annotations

import pytest

from bot.core.decks.rules import (
    MAX_NOTES_BYTES,
    DeckLimits,
    DeckStatus,
    check_notes_file,
    check_owned,
    check_room,
    check_size,
    counted,
    deck_name,
    listed,
    moved,
    new_deck_name,
    playable,
)
from bot.core.errors import NotAllowed, QuizError, ValidationFailed
from tests.core.decks.support import TEAM_ID, deck


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("k8s", "k8s"), ("  K8S ", "k8s"), ("aws-dev.2_b", "aws-dev.2_b"), ("9" * 40, "9" * 40)],
)
def test_deck_names_are_stored_lower_case(typed, stored):
    assert deck_name(typed) == stored


@pytest.mark.parametrize("typed", ["", "  ", "-k8s", "k8s notes", "k8s/x", "é", "9" * 41])
def test_a_bad_name_says_the_rule(typed):
    with pytest.raises(ValidationFailed) as err:
        deck_name(typed)
    assert err.value.problems[0].field == "name"
    assert "1 to 40 letters, digits" in err.value.message


def test_a_new_name_is_free_in_the_team_and_among_the_shared_decks():
    decks = [deck(1, "k8s"), deck(2, "aws", team_id=None), deck(3, "theirs", team_id=2)]
    assert new_deck_name("theirs", decks, TEAM_ID) == "theirs"  # another team's name is free
    for taken, why in (("K8s", "already a published deck"), ("aws", "already a shared deck")):
        with pytest.raises(ValidationFailed) as err:
            new_deck_name(taken, decks, TEAM_ID)
        assert why in err.value.message
    with pytest.raises(ValidationFailed) as err:
        new_deck_name("custom", decks, TEAM_ID)
    assert "one by one" in err.value.message


def test_the_limit_counts_the_teams_live_decks_but_not_archived_nor_custom():
    decks = [
        deck(1, "a"),
        deck(2, "b", status="draft"),
        deck(3, "c", status="archived"),
        deck(4, "custom"),
        deck(5, "shared", team_id=None),
        deck(6, "theirs", team_id=2),
    ]
    assert counted(decks, TEAM_ID) == 2
    check_room(DeckLimits(max_decks=3), decks, TEAM_ID)
    with pytest.raises(QuizError) as err:
        check_room(DeckLimits(max_decks=2), decks, TEAM_ID)
    assert err.value.message == (
        "This team already has 2 decks, the most it may keep; archive one first."
    )


def test_a_deck_holds_at_least_one_and_at_most_the_limit():
    check_size(DeckLimits(max_questions=5), 5, "n.md")
    with pytest.raises(QuizError) as err:
        check_size(DeckLimits(max_questions=5), 6, "n.md")
    assert "n.md gives 6 questions; a deck holds at most 5" in err.value.message
    with pytest.raises(QuizError) as err:
        check_size(DeckLimits(), 0, "n.md")
    assert err.value.message == "No question could be made from n.md."


def test_a_notes_file_is_markdown_within_the_size_limit():
    check_notes_file("notes.MD", MAX_NOTES_BYTES)
    check_notes_file("notes.markdown", 1)
    check_notes_file("notes.txt", 1)
    with pytest.raises(QuizError) as err:
        check_notes_file("notes.md", 3 * 1024 * 1024)
    assert "notes.md is 3,145,728 bytes; notes files may have at most 2,000,000" in str(err.value)
    with pytest.raises(QuizError) as err:
        check_notes_file("notes.pdf", 10)
    assert "notes.pdf is not a Markdown file" in err.value.message


def test_only_the_team_changes_its_own_decks():
    check_owned(deck(1, "k8s"), TEAM_ID)
    for other in (deck(2, "aws", team_id=None), deck(3, "x", team_id=2)):
        with pytest.raises(NotAllowed):
            check_owned(other, TEAM_ID)


@pytest.mark.parametrize(
    ("status", "action", "result"),
    [
        ("draft", "publish", DeckStatus.PUBLISHED),
        ("archived", "publish", DeckStatus.PUBLISHED),
        ("draft", "archive", DeckStatus.ARCHIVED),
        ("published", "archive", DeckStatus.ARCHIVED),
    ],
)
def test_moves(status, action, result):
    assert moved(deck(1, "k8s", status=status), action) == result


def test_moves_that_cannot_be_made_say_why():
    with pytest.raises(QuizError) as err:
        moved(deck(1, "k8s", status="published"), "publish")
    assert err.value.message == "k8s is already published."
    with pytest.raises(QuizError) as err:
        moved(deck(1, "k8s", status="archived"), "archive")
    assert err.value.message == "k8s is already archived."
    with pytest.raises(QuizError) as err:
        moved(deck(1, "k8s", status="draft", questions=0), "publish")
    assert err.value.message == "k8s has no questions to play."
    with pytest.raises(QuizError) as err:
        moved(deck(1, "k8s", status="odd"), "archive")
    assert err.value.message == "k8s is odd, so it cannot be archived."


def test_only_published_decks_play_and_archived_ones_are_not_listed():
    assert [playable(deck(1, "a", status=s)) for s in ("draft", "published", "archived")] == [
        False,
        True,
        False,
    ]
    assert [listed(deck(1, "a", status=s)) for s in ("draft", "published", "archived")] == [
        True,
        True,
        False,
    ]
