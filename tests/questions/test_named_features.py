"""A feature the notes name once (a dead-letter queue, DynamoDB global tables, a Cognito user
pool, server-side encryption) is asked among the other features of its kind
(`vocabulary.TOLD_APART_BY_JOB`), never beside a notes term of another kind; a name line under
a heading ("AWS Kinesis data FireHose" under "## AWS Kinesis") names what the next paragraph
describes; and Kinesis Data Streams and Firehose are two services, each a fair option beside
the other."""

from __future__ import annotations

import pytest

from questions.bank import BankQuestion
from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.service_areas import area_services, service_named
from questions.solvers import _kin
from questions.vocabulary import TERMS, kind_of, like_terms, names_in, told_apart_by_job


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


def keyed(questions: list[BankQuestion], answer: str) -> list[BankQuestion]:
    return [q for q in questions if q.choices[q.answer] == answer]


# --- the vocabulary reads a name however its words are joined ---------------------------------


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("dead letter queue", "SQS feature"),
        ("dead-letter queue", "SQS feature"),
        ("Dead-Letter  Queue", "SQS feature"),
        ("FIFO queue", "SQS queue type"),
        ("`global tables`", "DynamoDB feature"),
        ("Server-side encryption", "encryption type"),
        ("server side encryption", "encryption type"),
        ("user pool", "Cognito component"),
        ("Cache-Control", "HTTP header"),
        ("dead letter", None),
        ("letter queue", None),
        ("pool", None),
    ],
)
def test_a_name_is_known_with_a_space_or_a_hyphen_between_its_words(
    written: str, kind: str | None
) -> None:
    assert kind_of(written) == kind


def test_a_name_is_found_in_prose_written_either_way_but_only_whole() -> None:
    text = "failed events go to a dead letter queue; set up a dead-letter queue; an undead letter queue"
    assert [m.group(0) for m in names_in(text)] == ["dead letter queue", "dead-letter queue"]


def test_like_terms_leave_out_the_answer_however_it_is_written() -> None:
    assert like_terms("Dead Letter Queue") == ["delay queue", "long polling", "visibility timeout"]


def test_only_kinds_told_apart_by_their_job_are_offered_beside_a_definition() -> None:
    assert told_apart_by_job("global tables")
    assert told_apart_by_job("dead letter queue")
    assert not told_apart_by_job("Cache-Control")  # "an absolute date" fits Last-Modified too
    assert not told_apart_by_job("cron.yaml")
    assert not told_apart_by_job("read request unit")


def test_two_values_of_one_kind_are_options_of_one_kind_however_written() -> None:
    assert _kin("global tables", "DynamoDB Streams")
    assert not _kin("global tables", "Amazon Kinesis Data Streams")


# --- asked among their kind --------------------------------------------------------------------

LAMBDA = """# Serverless notes

## Lambda

- the default timeout is 3 seconds and the maximum 900 seconds
- Lambda functions that fail asynchronously can send the event to a dead letter queue for later inspection
- layers hold shared libraries as a .zip archive
"""


def test_a_feature_named_once_in_a_line_is_asked_among_its_kind() -> None:
    qs = keyed(chosen(LAMBDA), "dead letter queue")
    assert qs, "the dead letter queue line was not asked"
    (q,) = qs
    assert "___" in q.prompt and "asynchronously" in q.prompt
    assert set(q.choices) - {"dead letter queue"} <= set(TERMS["SQS feature"]), q.choices
    # a dead-letter queue is a standard queue itself: no queue type is a wrong option
    assert not set(q.choices) & set(TERMS["SQS queue type"]), q.choices
    assert len(q.choices) == 4


DYNAMO = """# DynamoDB notes

## Capacity

One **read request unit** is one strongly consistent read per second for an item up to 4 KB.

One **write request unit** is one write per second for an item up to 1 KB.

Amazon DynamoDB **global tables** provide a fully managed solution for deploying a multi-region, multi-master database, without building your own replication.
"""


def test_a_defined_feature_is_asked_by_its_kind_among_features_not_the_notes_units() -> None:
    (q,) = keyed(chosen(DYNAMO), "global tables")
    assert q.prompt.startswith("Which DynamoDB feature provides a fully managed solution"), q.prompt
    wrong = set(q.choices) - {"global tables"}
    assert len(wrong) >= 2
    assert wrong <= set(TERMS["DynamoDB feature"]), q.choices  # never "read request unit"


KINESIS_SSE = """# Streaming notes

## Kinesis

**Server-side encryption** is a feature of Kinesis Data Streams that encrypts each record before it is written to disk, with a KMS key you choose.
"""


def test_well_known_options_are_written_with_the_answers_capital() -> None:
    (q,) = keyed(chosen(KINESIS_SSE), "Server-side encryption")
    assert q.prompt.startswith("Which encryption type is a feature of Kinesis Data Streams")
    assert {c[0] for c in q.choices} == {c[0].upper() for c in q.choices}, q.choices
    assert set(q.choices) == {"Server-side encryption", "Client-side encryption",
                              "Envelope encryption"}  # fmt: skip


HEADERS = """# HTTP caching

## Expiry

Expires: an absolute date after which the response is stale, from HTTP/1.0.

Responses without validators are fetched again in full.
"""


def test_a_defined_header_gets_no_well_known_headers_as_options() -> None:
    """Last-Modified is an absolute date too: a header's description does not tell the
    well-known headers apart, so a definition of one is not asked among them."""
    for q in chosen(HEADERS):
        assert not (set(q.choices) - {"Expires"}) & set(TERMS["HTTP header"]), q


# --- a name line names the paragraph after it -----------------------------------------------

FIREHOSE = """# AWS notes

## AWS Kinesis

AWS Kinesis data FireHose

A fully managed service for delivering real-time streaming records to destinations such as S3, Redshift and Splunk.

## AWS SQS

A queue service that decouples producers from consumers with at-least-once delivery.
"""


def _headings(text: str) -> list[str]:
    return [s.heading for s in parse_document(text, "t.md").sections if s.heading]


def test_a_name_line_that_extends_the_heading_heads_the_paragraph_after_it() -> None:
    assert _headings(FIREHOSE) == ["AWS Kinesis", "AWS Kinesis data FireHose", "AWS SQS"]
    answers = {q.choices[q.answer] for q in chosen(FIREHOSE)}
    assert "AWS Kinesis data FireHose" in answers
    assert "AWS Kinesis" not in answers  # the family name is no key for Firehose's description


@pytest.mark.parametrize(
    "line",
    [
        "AWS Kinesis is the streaming family.",  # a sentence
        "AWS Kinesis: streams and Firehose",  # a definition of the heading
        "Kinesis data FireHose",  # does not write the heading first
        "AWS Kinesis",  # only the heading again
        "AWS Kinesis data FireHose delivers streaming records to many destinations",  # too long
    ],
)
def test_a_line_that_is_no_name_of_a_part_stays_a_paragraph(line: str) -> None:
    text = FIREHOSE.replace("AWS Kinesis data FireHose", line)
    assert _headings(text) == ["AWS Kinesis", "AWS SQS"]


def test_a_name_line_with_no_paragraph_after_it_stays_a_paragraph() -> None:
    text = "# AWS notes\n\n## AWS Kinesis\n\nAWS Kinesis data FireHose\n\n- delivers records\n"
    assert _headings(text) == ["AWS Kinesis"]


# --- Kinesis Data Streams and Firehose are two services -------------------------------------


@pytest.mark.parametrize(
    ("written", "service"),
    [
        ("AWS Kinesis", "Amazon Kinesis Data Streams"),
        ("Kinesis Data Streams", "Amazon Kinesis Data Streams"),
        ("AWS Kinesis data FireHose", "Amazon Data Firehose"),
        ("Kinesis Firehose", "Amazon Data Firehose"),
        ("Amazon Data Firehose", "Amazon Data Firehose"),
    ],
)
def test_kinesis_names_one_of_two_services(written: str, service: str) -> None:
    assert service_named(written) == service


def test_firehose_and_data_streams_are_offered_beside_each_other() -> None:
    assert "AWS Kinesis Data Streams" in area_services("AWS Kinesis data FireHose")
    assert "Amazon Data Firehose" in area_services("Amazon Kinesis Data Streams")


POLICIES = """# AWS notes

## API Gateway

A **resource policy** lets users of another AWS account call the API, signed with Signature Version 4.

## Elastic Beanstalk

- a **deployment policy** says how a new version reaches the instances
- a **lifecycle policy** deletes old application versions before the version limit is hit
- a **batch policy** sets the size of each rolling batch
"""


def test_an_access_policy_is_asked_among_access_policies_not_the_notes_other_policies() -> None:
    (q,) = keyed(chosen(POLICIES), "resource policy")
    wrong = set(q.choices) - {"resource policy"}
    assert len(wrong) >= 2
    assert {kind_of(w) for w in wrong} == {"IAM policy type"}, q.choices


# --- a Lambda feature, in notes about AWS only -------------------------------------------------

LAYERS = """# AWS developer notes

## Lambda

AWS Lambda runs code without servers; AWS bills it per request and per millisecond.

## Layers

A function can pull in extra code and content in the form of layers. A layer is a .zip archive that contains libraries, a custom runtime, or other dependencies. With layers, a function uses libraries without packaging them itself.

## Storage

Amazon S3 stores objects in buckets; Amazon EBS gives an EC2 instance a block volume; AWS KMS keeps the keys.
"""

DOCKER_LAYERS = """# Docker notes

## Layers

An image is stored in the form of layers. A layer is a read-only set of file changes that one Dockerfile instruction makes. With layers, images share the files they have in common.

## Volumes

A volume keeps data outside the container's writable layer, so it outlives the container.

## Networks

A bridge network connects containers on one host; an overlay network spans several hosts.
"""


def test_a_lambda_feature_is_asked_among_lambda_features() -> None:
    (q,) = keyed(chosen(LAYERS), "Layers")
    assert q.prompt.startswith("Which AWS Lambda feature"), q.prompt
    assert {kind_of(c) for c in q.choices} == {"AWS Lambda feature"}, q.choices


def test_layers_of_notes_not_about_aws_meet_no_lambda_feature() -> None:
    questions = chosen(DOCKER_LAYERS)
    assert questions
    for q in questions:
        assert not set(like_terms("Layers")) & set(q.choices), q.choices
