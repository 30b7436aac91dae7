"""Blind review 20 of the shipped bank (issue #13): an AWS service was offered beside the notes'
other sections, whatever they do ("an automated security assessment service" -> Inspector,
beside CodeDeploy, Kinesis and Elastic Beanstalk), so a reader picks it by kind alone. Beside
an AWS service answer every wrong option is now a service of its area (questions/service_areas.py).
Notes: tests/questions/notes/aws-services-mixed.md."""

from __future__ import annotations

from pathlib import Path

from questions.bank import Bank
from questions.cues import headless
from questions.generate import generate_from_texts
from questions.service_areas import (
    area_of,
    area_services,
    is_aws_text,
    same_area,
    service_named,
    services_in,
    written_like,
)

NOTES = Path(__file__).parent / "notes" / "aws-services-mixed.md"


def _bank(text: str) -> Bank:
    bank, _ = generate_from_texts([("x.md", text)], "b")
    return bank


def test_a_service_is_read_however_the_notes_write_it() -> None:
    assert service_named("AWS step functions") == "AWS Step Functions"
    assert service_named("Dynamodb") == "Amazon DynamoDB"
    assert service_named("Aurora DB") == "Amazon Aurora"
    assert service_named("Key Management Service KMS") == "AWS Key Management Service"
    assert service_named("Simple storage service S3") == "Amazon S3"
    assert service_named("Parameter Store") == "AWS Systems Manager Parameter Store"
    assert area_of("AWS INSPECTOR") == area_of("GuardDuty") == "security assessment"


def test_a_part_of_a_service_is_no_service() -> None:
    for name in ("Cognito sync", "X-Ray daemon", "S3 bucket", "Lambda function", "Layers",
                 "user pool", "Resource policy", "the S3 and EBS costs"):  # fmt: skip
        assert service_named(name) is None, name


def test_other_services_are_written_as_the_answer_is() -> None:
    assert written_like("Amazon SQS", "AWS step functions") == "AWS SQS"
    assert written_like("Amazon SQS", "AppSync") == "SQS"
    assert written_like("AWS IAM", "Amazon Cognito") == "AWS IAM"  # never "Amazon IAM"
    assert area_services("Simple storage service S3")[:2] == [
        "Elastic Block Store EBS",
        "Elastic File System EFS",
    ]
    assert "Secrets Manager" not in area_services("Secrets Manager")


def test_only_services_of_one_area_fit_together() -> None:
    assert same_area("AWS Inspector", "Amazon GuardDuty")
    assert not same_area("AWS Inspector", "AWS CodeDeploy")
    assert not same_area("AWS Inspector", "Layers")  # no service at all
    assert not same_area("AWS Inspector", "Amazon Inspector")  # itself, written otherwise
    assert same_area("Layers", "AWS CodeDeploy")  # no service answer: the rule says nothing


def test_only_notes_about_aws_read_the_list() -> None:
    assert is_aws_text("AWS Lambda, Amazon S3 and AWS IAM")
    assert not is_aws_text("## Config\n\nBatch jobs, Glue code and Lambda calculus on AWS")
    assert services_in("SQS queues, the Simple Storage Service and KMS keys") == {
        "Amazon SQS",
        "Amazon S3",
        "AWS Key Management Service",
    }


def test_a_service_is_asked_among_services_of_its_area() -> None:
    bank = _bank(NOTES.read_text(encoding="utf-8"))
    asked = [q for q in bank.questions if q.kind == "choice"
             and service_named(q.choices[q.answer]) is not None]  # fmt: skip
    inspector = [q for q in asked if q.choices[q.answer] == "Amazon Inspector"]
    assert inspector, [q.prompt for q in bank.questions]
    for q in asked:
        key = q.choices[q.answer]
        assert all(area_of(c) == area_of(key) for c in q.choices), (q.prompt, q.choices)
    assert "Amazon GuardDuty" in inspector[0].choices


def test_notes_not_about_aws_keep_their_options() -> None:
    text = NOTES.read_text(encoding="utf-8").replace("AWS ", "").replace("Amazon ", "")
    bank = _bank(text)
    options = {c for q in bank.questions if q.kind == "choice" for c in q.choices}
    assert not options & {"GuardDuty", "Macie", "Security Hub"}
    assert {"CodeDeploy", "Kinesis"} & options


def test_a_cut_never_leaves_the_tail_of_a_list() -> None:
    desc = "automates code deployments to EC2 instances, on-premises servers and Lambda functions."
    assert headless(desc, "on-premises servers and Lambda functions.")
    assert not headless(desc, desc)
    assert not headless("runs jobs. It retries on failure", "It retries on failure")
    prompts = [q.prompt for q in _bank(NOTES.read_text(encoding="utf-8")).questions]
    assert not [p for p in prompts if p.startswith("Which of these on-premises")], prompts
    # nor a gap where the name was ("automates code … to EC2 instances")
    assert prompts and not [p for p in prompts if "automates code" in p], prompts


def test_a_small_area_is_filled_from_the_one_next_to_it() -> None:
    assert area_services("AWS step functions")[:2] == ["AWS SWF", "AWS MWAA"]
    assert "AWS SQS" in area_services("AWS step functions")  # messaging comes next
    assert same_area("AWS step functions", "Amazon EventBridge")
    assert not same_area("AWS SQS", "AWS step functions")  # messaging is no small area
    assert not same_area("AppSync", "Layers")
