"""Which decks and topics a round plays: one rule, pure over the decks a team sees."""

from __future__ import annotations

import pytest

from bot.core.decks.resolution import Selection, choose, default_decks, find_deck, play_deck
from bot.core.errors import QuizError
from bot.core.models import TeamRef
from bot.core.surfaces import Commands, Surface
from tests.core.decks.support import TEAM_ID, deck

SHARED = deck(1, "aws-developer-associate", team_id=None)
K8S = deck(2, "k8s")
PG = deck(3, "pg")
DRAFT = deck(4, "draft-notes", status="draft")
OLD = deck(5, "old", status="archived")
THEIRS = deck(6, "theirs", team_id=2)
EMPTY = deck(7, "empty", questions=0)
ALL = [SHARED, K8S, PG, DRAFT, OLD, THEIRS, EMPTY]
TOPICS = {
    1: ["AWS SQS", "AWS Lambda"],
    2: ["Probes", "Services"],
    3: ["Vacuum", "Services"],
    6: ["Theirs only"],
}


DISCORD = Commands(Surface.DISCORD)


def names(selection: Selection) -> list[str]:
    return [d.name for d in selection.decks]


def test_the_teams_own_published_decks_before_the_shared_ones():
    assert names(choose(ALL, TEAM_ID, TOPICS, commands=DISCORD)) == [
        "k8s",
        "pg",
    ]  # not empty, draft, archived
    assert names(choose([SHARED, DRAFT, OLD, EMPTY], TEAM_ID, TOPICS, commands=DISCORD)) == [
        "aws-developer-associate"
    ]
    assert names(choose([SHARED, THEIRS], TEAM_ID, TOPICS, commands=DISCORD)) == [
        "aws-developer-associate"
    ]


def test_a_named_deck_then_the_channels_then_the_teams_default():
    assert names(
        choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, deck="AWS-Developer-Associate")
    ) == ["aws-developer-associate"]
    assert names(
        choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, channel_default=3, team_default=1)
    ) == ["pg"]
    assert names(choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, team_default=1)) == [
        "aws-developer-associate"
    ]
    assert names(choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, deck="k8s", channel_default=3)) == [
        "k8s"
    ]


def test_a_default_that_is_not_published_is_passed_over():
    assert default_decks(ALL, TEAM_ID, channel_default=4, team_default=5) == (K8S, PG)
    assert default_decks(ALL, TEAM_ID, channel_default=99) == (K8S, PG)  # gone


def test_topics_in_the_chosen_decks_narrow_them_to_the_decks_that_hold_them():
    got = choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, topics=["probe"])
    assert (names(got), got.topics) == (["k8s"], ("Probes",))
    got = choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, topics=["services"])
    assert (names(got), got.topics) == (["k8s", "pg"], ("Services",))
    assert got.label == "Services"


def test_a_topic_only_the_shared_deck_has_is_asking_for_the_shared_deck():
    got = choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, topics=["sqs"])
    assert (names(got), got.topics) == (["aws-developer-associate"], ("AWS SQS",))
    got = choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, topics=["sqs", "probes"])
    assert names(got) == ["aws-developer-associate", "k8s"]


def test_a_named_deck_is_never_left_for_a_topic():
    with pytest.raises(QuizError) as err:
        choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, deck="k8s", topics=["sqs"])
    assert err.value.field == "topic"
    assert err.value.message.startswith("No topic matches 'sqs' in deck k8s.")
    assert "See all 2 topics" in err.value.message


def test_an_unknown_topic_names_the_close_ones_from_every_deck_the_team_plays():
    with pytest.raises(QuizError) as err:
        choose(ALL, TEAM_ID, TOPICS, commands=DISCORD, topics=["probs", "sqx"])
    message = err.value.message
    assert "No topic matches 'probs' in any deck; did you mean Probes?" in message
    assert "'sqx' in any deck; did you mean AWS SQS?" in message
    assert "Theirs only" not in message  # another team's topics are never offered
    assert "See all 5 topics" in message


def test_decks_by_name():
    assert find_deck(ALL, TEAM_ID, " K8s ", commands=DISCORD) is K8S
    assert find_deck(ALL, TEAM_ID, "old", any_status=True, commands=DISCORD) is OLD
    with pytest.raises(QuizError) as err:
        find_deck(ALL, TEAM_ID, "old", commands=DISCORD)
    assert err.value.message == "There is no deck 'old'. See them with /quiz decks."
    with pytest.raises(QuizError) as err:
        find_deck(ALL, TEAM_ID, "k8", commands=DISCORD)
    assert (
        err.value.message == "There is no deck 'k8'. Did you mean k8s? See them with /quiz decks."
    )
    with pytest.raises(QuizError):
        find_deck(
            ALL, TEAM_ID, "theirs", commands=DISCORD
        )  # another team's deck is not this team's to find
    with pytest.raises(QuizError):
        find_deck(ALL, TEAM_ID, "not a name!", commands=DISCORD)


def test_the_teams_deck_wins_over_a_shared_one_of_the_same_name():
    mine = deck(8, "aws-developer-associate")
    assert find_deck([SHARED, mine], TEAM_ID, "aws-developer-associate", commands=DISCORD) is mine


def test_only_published_decks_are_played():
    with pytest.raises(QuizError) as err:
        play_deck(ALL, TEAM_ID, "draft-notes", commands=DISCORD)
    assert err.value.message == (
        "draft-notes is a draft; an admin publishes it with /quizadmin deck publish draft-notes."
    )
    with pytest.raises(QuizError) as err:
        play_deck(ALL, TEAM_ID, "old", commands=DISCORD)
    assert err.value.message.startswith("old is archived;")


@pytest.mark.parametrize(
    ("commands", "publish", "decks", "topics"),
    [
        (Commands(Surface.SLACK), "/quiz deck publish draft-notes", "/quiz decks", "/quiz topics"),
        (
            Commands(Surface.TERMINAL, TeamRef("console", "local")),
            "quizbot decks publish draft-notes",
            "quizbot decks list",
            "quizbot decks show",
        ),
        (
            Commands(Surface.TERMINAL, TeamRef("discord", "81")),
            "quizbot decks publish draft-notes --team discord:81",
            "quizbot decks list --team discord:81",
            "quizbot decks show --team discord:81",
        ),
    ],
)
def test_a_refusal_names_the_commands_of_the_readers_surface(
    commands: Commands, publish: str, decks: str, topics: str
):
    with pytest.raises(QuizError) as err:
        play_deck(ALL, TEAM_ID, "draft-notes", commands=commands)
    assert err.value.message.endswith(f"an admin publishes it with {publish}.")
    with pytest.raises(QuizError) as err:
        find_deck(ALL, TEAM_ID, "nope", commands=commands)
    assert err.value.message.endswith(f"See them with {decks}.")
    with pytest.raises(QuizError) as err:
        choose(ALL, TEAM_ID, TOPICS, commands=commands, topics=["zzz"])
    assert err.value.message.endswith(f"topics with {topics}.")


def test_a_long_list_of_topics_is_cut_in_the_rounds_label():
    topics = tuple(f"Topic number {i}" for i in range(10))
    label = Selection((K8S,), topics).label
    assert label is not None and len(label) == 80 and label.endswith("…")
    assert Selection((K8S,)).label is None
    assert Selection((K8S, PG)).describe() == "k8s, pg" and Selection(()).describe() == "no deck"
