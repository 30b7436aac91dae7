"""Well-known AWS services by the job they do, for wrong options of a service's own area.

Notes for an AWS certification name a service per section, so the other options a question
about one service gets are the notes' other sections: an assessment service (Inspector) is
offered beside a deployment service and a stream, and a reader picks it by kind alone. The
exam offers services that do the same job instead: GuardDuty and Macie beside Inspector, the
Parameter Store beside Secrets Manager. So where the answer is an AWS service this list knows,
every wrong option is a service of its area: the notes' own first, then the list's.

Only notes that say they are about AWS read this list (`is_aws_text`): a word such as
"Config", "Batch" or "Lambda" names no AWS service in other notes.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: area -> its services, each as AWS writes it; a service sits in the one area whose other
#: members a reader could mistake it for
AREAS: dict[str, tuple[str, ...]] = {
    "security assessment": ("Amazon Inspector", "Amazon GuardDuty", "Amazon Macie",
                            "AWS Security Hub", "Amazon Detective", "AWS Shield", "AWS WAF"),
    "secrets and keys": ("AWS Secrets Manager", "AWS Key Management Service",
                         "AWS Systems Manager Parameter Store", "AWS CloudHSM",
                         "AWS Certificate Manager"),
    "identity": ("AWS IAM", "Amazon Cognito", "AWS IAM Identity Center",
                 "AWS Directory Service", "AWS STS"),
    "messaging": ("Amazon SQS", "Amazon SNS", "Amazon EventBridge", "Amazon MQ"),
    "workflow": ("AWS Step Functions", "Amazon SWF", "Amazon MWAA"),
    "APIs": ("Amazon API Gateway", "AWS AppSync", "AWS Amplify", "AWS App Runner"),
    "streaming and analytics": ("Amazon Kinesis Data Streams", "Amazon Data Firehose",
                                "Amazon MSK", "Amazon Athena",
                                "Amazon EMR", "AWS Glue", "Amazon OpenSearch Service"),
    "deployment": ("AWS CodeDeploy", "AWS CodePipeline", "AWS CodeBuild", "AWS CodeCommit",
                   "AWS Elastic Beanstalk", "AWS CloudFormation", "AWS SAM",
                   "AWS OpsWorks"),
    "compute": ("Amazon EC2", "AWS Lambda", "Amazon ECS", "Amazon EKS", "AWS Fargate",
                "AWS Batch"),
    "database": ("Amazon DynamoDB", "Amazon Aurora", "Amazon RDS", "Amazon ElastiCache",
                 "Amazon Redshift", "Amazon DocumentDB", "Amazon Neptune"),
    "storage": ("Amazon S3", "Amazon EBS", "Amazon EFS", "Amazon S3 Glacier", "Amazon FSx",
                "AWS Storage Gateway"),
    "monitoring": ("Amazon CloudWatch", "AWS CloudTrail", "AWS X-Ray", "AWS Config"),
    "networking": ("Amazon VPC", "Amazon CloudFront", "Amazon Route 53",
                   "Elastic Load Balancing", "AWS Global Accelerator"),
}  # fmt: skip

#: an area of few services -> the area whose services come next, so four options are still
#: of one trade (a workflow service beside queues and buses before anything else)
NEAR: dict[str, str] = {"workflow": "messaging", "APIs": "messaging"}

#: the long forms notes write for a service AWS names by its initials, and the other way round
_ALSO: dict[str, tuple[str, ...]] = {
    "AWS Key Management Service": ("KMS",),
    "AWS IAM": ("Identity and Access Management",),
    "AWS STS": ("Security Token Service",),
    "Amazon SQS": ("Simple Queue Service",),
    "Amazon SNS": ("Simple Notification Service",),
    "Amazon SWF": ("Simple Workflow Service",),
    "Amazon MSK": ("Managed Streaming for Apache Kafka",),
    "Amazon MWAA": ("Managed Workflows for Apache Airflow",),
    "AWS SAM": ("Serverless Application Model",),
    "Amazon EC2": ("Elastic Compute Cloud",),
    "Amazon ECS": ("Elastic Container Service",),
    "Amazon EKS": ("Elastic Kubernetes Service",),
    "Amazon RDS": ("Relational Database Service",),
    "Amazon S3": ("Simple Storage Service",),
    "Amazon EBS": ("Elastic Block Store",),
    "Amazon EFS": ("Elastic File System",),
    "Elastic Load Balancing": ("ELB",),
    "AWS Systems Manager Parameter Store": ("Parameter Store", "SSM Parameter Store"),
    # "Kinesis" alone is what notes call the streams; Firehose was "Kinesis Data Firehose"
    "Amazon Kinesis Data Streams": ("Kinesis", "Kinesis Streams"),
    "Amazon Data Firehose": ("Kinesis Data Firehose", "Kinesis Firehose", "Firehose"),
}

#: words that only say whose service it is, or that it is one
_FILLER = re.compile(r"\b(?:aws|amazon|service|db)\b", re.I)
#: the owner's word in front of a service's name ("AWS Lambda", "Amazon S3", "aws sqs")
_PREFIX = re.compile(r"^(?i:(aws|amazon))\s+")
#: notes about AWS name it more than in passing
_AWS = re.compile(r"\b(?:AWS|Amazon)\b")
_AWS_MENTIONS = 3


def is_aws_text(text: str) -> bool:
    """The notes are about AWS: they name it at least three times."""
    return any(count >= _AWS_MENTIONS for count, _ in enumerate(_AWS.finditer(text), 1))


def _key(name: str) -> str:
    """A service name without the words and spaces notes vary ("AWS step functions",
    "Dynamodb", "Aurora DB")."""
    return re.sub(r"[\W_]+", "", _FILLER.sub(" ", name).casefold())


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Every way of writing a service (its name, initials, long form) -> its AWS name."""
    out: dict[str, str] = {}
    for services in AREAS.values():
        for name in services:
            for written in (name, *_ALSO.get(name, ())):
                out[_key(written)] = name
    return out


@lru_cache(maxsize=1)
def _area_of_name() -> dict[str, str]:
    return {name: area for area, services in AREAS.items() for name in services}


@lru_cache(maxsize=4096)
def service_named(text: str) -> str | None:
    """The AWS service a name writes, or None: the whole name without "AWS"/"Amazon"
    ("AWS step functions"), or its long form and initials side by side ("Key Management
    Service KMS", "Simple storage service S3"). A name with a word more names a part of a
    service ("Cognito sync", "X-Ray daemon"), not the service."""
    index = _index()
    found = index.get(_key(text))
    if found is not None or len(text) > 80:
        return found
    first = _any_form().search(text)  # one search: most names name no service at all
    if first is None:
        return None
    name = _by_form()[first.group(0).casefold()]
    rest = text
    for other, same in _forms():
        rest = _strike(other, rest) if same == name else rest
    return name if not _key(rest) else None


@lru_cache(maxsize=1)
def _by_form() -> dict[str, str]:
    return {w.casefold(): name for w, name in _forms()}


@lru_cache(maxsize=1)
def _any_form() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w, _ in _forms())
    return re.compile(rf"(?i)(?<![\w-])(?:{alternatives})(?![\w-])")


def services_in(text: str) -> frozenset[str]:
    """The AWS names of every service the text writes (by name, long form or initials)."""
    return frozenset(_by_form()[m.group(0).casefold()] for m in _any_form().finditer(text))


def _strike(written: str, text: str) -> str:
    return re.sub(rf"(?i)(?<![\w-]){re.escape(written)}(?![\w-])", " ", text)


@lru_cache(maxsize=1)
def _forms() -> list[tuple[str, str]]:
    """Every long form and initials of a service, the longest first (so "Simple Storage
    Service" is struck before "S3" is read), with the service's AWS name."""
    forms = [(w, name) for name, also in _ALSO.items() for w in also]
    forms += [(_PREFIX.sub("", name), name) for name in _area_of_name()]
    return sorted(forms, key=lambda f: len(f[0]), reverse=True)


def area_of(text: str) -> str | None:
    """The area of the AWS service a name writes, or None."""
    name = service_named(text)
    return None if name is None else _area_of_name()[name]


def same_area(answer: str, option: str) -> bool:
    """The option names a service of the answer's area, or of the area next to a small one
    (true of any option when the answer is no service this list knows)."""
    mine = area_of(answer)
    if mine is None:
        return True
    theirs = area_of(option)
    if theirs is None or theirs not in (mine, NEAR.get(mine)):
        return False
    return service_named(option) != service_named(answer)


#: a name written in words and then by its initials ("Key Management Service KMS")
_LONG_AND_SHORT = re.compile(r"^(?:[A-Za-z]+\s+){2,}[A-Z][A-Z0-9]{1,4}$")


def written_like(name: str, answer: str) -> str:
    """An AWS name written as the notes write the answer: bare beside a bare answer, "AWS X"
    beside "AWS Y" (as readers say "AWS SQS"; a lone "AWS" option would also spell "a web
    service"), and AWS's own name beside "Amazon Y" ("Amazon IAM" is no name)."""
    bare = _PREFIX.sub("", name)
    if _LONG_AND_SHORT.search(answer):
        # "Simple storage service S3": the others' long forms with their initials too, where
        # AWS names them by initials ("Elastic Block Store EBS")
        long_ = [w for w in _ALSO.get(name, ()) if len(w.split()) > 1]
        if long_ and re.fullmatch(r"[A-Z0-9]{2,5}", bare):
            return f"{long_[0]} {bare}"
    prefix = _PREFIX.match(answer.strip())
    if prefix is None:
        return bare
    if prefix.group(1).casefold() == "aws":
        return f"{prefix.group(1)} {bare}"
    return name


def area_services(answer: str) -> list[str]:
    """The other services of the answer's area, written as the notes write the answer."""
    mine = service_named(answer)
    if mine is None:
        return []
    area = _area_of_name()[mine]
    near = AREAS.get(NEAR.get(area, ""), ())
    others = [written_like(n, answer) for n in (*AREAS[area], *near) if n != mine]
    if _LONG_AND_SHORT.search(answer):  # those written as the answer is first
        others.sort(key=lambda n: _LONG_AND_SHORT.search(n) is None)
    return others


__all__ = ["AREAS", "NEAR", "area_of", "area_services", "is_aws_text", "same_area", "service_named",
           "services_in", "written_like"]  # fmt: skip
