"""Topic matching: forgiving about case, punctuation, word order, prefixes and substrings, and
naming the close topics when nothing matches. Pure; every branch checked."""

from __future__ import annotations

import pytest

from bot.core.decks.topics import (
    TopicMatch,
    close_matches,
    closeness,
    match_one,
    match_topics,
    split_topics,
    suggest,
    tier,
    unknown_topics_message,
    words,
)

AWS = [
    "AWS SQS",
    "SQS FIFO",
    "AWS Lambda",
    "Lambda",
    "DynamoDB capacity",
    "ConfigMaps vs Secrets",
    "IAM",
]


def test_words_fold_case_width_and_punctuation():
    assert words("  AWS-SQS / fifo_queues!! ") == ("aws", "sqs", "fifo", "queues")
    assert words("ＡＷＳ　ＳＱＳ") == ("aws", "sqs")  # full-width letters and space (NFKC)
    assert words("HTTP 缓存") == ("http", "缓存")
    assert words("!!!") == ()


@pytest.mark.parametrize(
    ("request_", "topic", "expected"),
    [
        ("aws sqs", "AWS SQS", 0),  # the same words
        ("sqs aws", "AWS SQS", 1),  # another order
        ("sqs", "AWS SQS", 2),  # a word's prefix
        ("sq", "AWS SQS", 2),
        ("config sec", "ConfigMaps vs Secrets", 2),  # each word a prefix of one
        ("maps", "ConfigMaps vs Secrets", 3),  # a substring
        ("缓存", "HTTP缓存", 3),
        ("sqs fifo", "AWS SQS", None),  # "fifo" is nowhere
        ("lambda", "AWS SQS", None),
        ("", "AWS SQS", None),  # nothing asked
        ("sqs", "", None),
    ],
)
def test_tier(request_, topic, expected):
    assert tier(words(request_), words(topic)) == expected


def test_a_request_matches_every_topic_at_its_best_tier():
    assert match_one("sqs", AWS) == ["AWS SQS", "SQS FIFO"]  # both prefixes
    assert match_one("lambda", AWS) == ["Lambda"]  # the exact one wins over "AWS Lambda"
    assert match_one("LAMBDA aws", AWS) == ["AWS Lambda"]  # order aside
    assert match_one("dyn cap", AWS) == ["DynamoDB capacity"]
    assert match_one("apac", AWS) == ["DynamoDB capacity"]  # a substring, as a last resort
    assert match_one("route 53", AWS) == []


def test_a_worse_tier_never_displaces_a_better_one_found_first():
    # tier 2 ("aws lambda") then tier 0 ("lambda"): the first is dropped; tier 3 after is ignored
    assert match_one("lambda", ["AWS Lambda", "Lambda", "xlambdax"]) == ["Lambda"]
    assert match_one("lambda", ["xlambdax", "AWS Lambda"]) == ["AWS Lambda"]


def test_match_topics_keeps_the_topics_order_and_each_once():
    got = match_topics(["iam", "sqs", "aws sqs"], AWS)
    assert got == TopicMatch(("AWS SQS", "SQS FIFO", "IAM"))
    assert got.ok


def test_unknown_requests_get_close_matches():
    got = match_topics(["sqx", "lamda", "kubernetes"], AWS)
    assert got.matched == ()
    assert got.unknown == ("sqx", "lamda", "kubernetes")
    close = dict(got.close)
    assert close["sqx"][:2] == ("AWS SQS", "SQS FIFO")
    assert "Lambda" in close["lamda"] and "AWS Lambda" in close["lamda"]
    assert close["kubernetes"] == ()
    assert not got.ok


def test_a_partly_known_request_keeps_what_matched():
    got = match_topics(["iam", "nope"], AWS)
    assert got.matched == ("IAM",) and got.unknown == ("nope",)


def test_closeness_compares_the_whole_text_and_each_word():
    assert closeness("sqs", "AWS SQS") == 1.0  # one word is the request
    assert closeness("aws sqs", "AWS SQS") == 1.0
    assert 0.6 <= closeness("sqx", "AWS SQS") < 1.0
    assert closeness("!!", "AWS SQS") == 0.0


def test_close_matches_are_capped_and_closest_first():
    topics = [f"Topic {c}" for c in "abcdefgh"]
    assert len(close_matches("topic", topics)) == 5
    assert close_matches("topic", topics, limit=2) == ("Topic a", "Topic b")
    assert close_matches("IAN", ["IAM", "ECS"]) == ("IAM",)
    assert close_matches("zzzz", ["IAM"]) == ()


def test_split_topics():
    assert split_topics(" probes, services ,,") == ["probes", "services"]
    assert split_topics("") == [] and split_topics(None) == []


def test_suggest_ranks_by_tier_then_order():
    assert suggest("", AWS, 3) == AWS[:3]
    assert suggest("lambda", AWS, 10) == ["Lambda", "AWS Lambda"]
    # word prefixes first (in order), then "aws lambda" holding an "s" somewhere
    assert suggest("s", AWS, 10) == ["AWS SQS", "SQS FIFO", "ConfigMaps vs Secrets", "AWS Lambda"]
    assert suggest("s", AWS, 1) == ["AWS SQS"]
    assert suggest("zzz", AWS, 10) == []


def test_the_refusal_names_each_unknown_topic_its_close_ones_and_where_to_look():
    message = unknown_topics_message(
        match_topics(["sqx", "zzz"], AWS), "deck k8s", 7, "quizbot decks show"
    )
    assert message == (
        "No topic matches 'sqx' in deck k8s; did you mean AWS SQS, SQS FIFO? "
        "No topic matches 'zzz' in deck k8s. See all 7 topics with quizbot decks show."
    )
