"""Well-known values of a few typed kinds, for the wrong options notes do not hold.

A one-line note ("default port 5432", "the source bundle must include a `cron.yaml` file",
"403 … use `decode-authorization-message`") has no like values beside it in the notes, so
no question could be asked of it. Ports, status codes, HTTP headers, configuration file and
folder names and AWS CLI operations are closed kinds every reader of such notes knows: a few
of their best-known values make fair wrong options. They are offered only when the notes hold
fewer than three options of the answer's kind, and only for an answer that is itself of that
kind: a port (by the number's role in its sentence) or a status code, or a term this list
names. An answer the list does not know gets nothing from it, so a word is never offered
beside a value of another kind.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache
from http import HTTPStatus

#: well-known ports: what a reader confuses a port with
PORTS = ("22", "53", "80", "443", "2000", "3000", "3306", "5432", "6379", "8080", "8443",
         "9092", "27017")  # fmt: skip
#: the well-known ports of one product each: beside a port no reader knows by heart (a
#: pooler's 6432), 6379 is plainly Redis's and no option; beside another product's well-known
#: port (5432) it asks which product's port is which
PRODUCT_PORTS = frozenset({"3306", "5432", "6379", "9092", "27017"})
#: ports below this are the system ports (22, 53, 443): beside a four- or five-digit port a
#: two- or three-digit one stands out by its length alone, and the other way round
SYSTEM_PORTS = 1024


def port_class(port: float) -> bool:
    """Whether a port is a system port (below 1024)."""
    return port < SYSTEM_PORTS


def fair_port(option: float, key: float, known: bool = False) -> bool:
    """A port is a fair wrong option beside the key: of the key's class (both system ports or
    neither), and, when it comes from the well-known list (`known`), no one product's port
    beside a key that is not such a port itself."""
    if port_class(option) != port_class(key):
        return False
    if not known:
        return True
    mine, theirs = f"{key:g}", f"{option:g}"
    return theirs not in PRODUCT_PORTS or mine in PRODUCT_PORTS


#: HTTP status codes a reader knows, grouped by class by the distractor ranking
STATUS_CODES = ("200", "201", "202", "204", "206", "301", "302", "303", "304", "307", "308",
                "400", "401", "403", "404", "405", "409", "410", "412", "413", "415", "422",
                "429", "431", "500", "501", "502", "503", "504")  # fmt: skip

#: term kinds: every member is a fair wrong option for every other member
TERMS: dict[str, tuple[str, ...]] = {
    "HTTP header": ("Cache-Control", "ETag", "Expires", "Last-Modified", "If-None-Match",
                    "If-Modified-Since", "Authorization", "Content-Type", "Accept-Encoding",
                    "Vary", "Pragma"),
    # what a reverse proxy adds: each names the client or the hops in its own way
    "HTTP proxy header": ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
                          "X-Real-IP", "Forwarded", "Via"),
    "YAML file": ("cron.yaml", "env.yaml", "template.yaml", "app.yaml", "queue.yaml"),
    "YML file": ("appspec.yml", "buildspec.yml", "docker-compose.yml", "serverless.yml"),
    "config folder": (".ebextensions", ".platform", ".elasticbeanstalk", ".aws"),
    "AWS STS/IAM operation": ("decode-authorization-message", "get-caller-identity",
                              "get-session-token", "assume-role", "get-federation-token",
                              "simulate-principal-policy"),
    # AWS features an exam sets side by side: a one-line note ("failed asynchronously, use a
    # dead letter queue") names one of them and the others are what a reader mixes it up with
    # a dead-letter queue is itself a standard (or FIFO) queue: no type is a wrong option
    # beside it, the features that change how messages wait are
    "SQS queue type": ("FIFO queue", "standard queue"),
    "SQS feature": ("dead-letter queue", "delay queue", "long polling", "visibility timeout"),
    "DynamoDB feature": ("global tables", "DynamoDB Streams", "DynamoDB Accelerator (DAX)",
                         "Time to Live (TTL)", "point-in-time recovery"),
    "Cognito component": ("user pool", "identity pool", "Cognito Sync"),
    "encryption type": ("server-side encryption", "client-side encryption",
                        "envelope encryption"),
    "IAM policy type": ("resource policy", "identity-based policy", "permissions boundary",
                        "service control policy", "session policy"),
    # what a Lambda function is configured with beside its code
    "AWS Lambda feature": ("Layers", "Aliases", "Destinations", "Provisioned Concurrency",
                           "Reserved Concurrency", "Extensions"),
    # Kubernetes objects a CKAD question sets side by side: what runs pods, what bounds a
    # namespace ("default/min/max per container" is a LimitRange, not a Job)
    "workload resource": ("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job",
                            "CronJob"),
    "policy object": ("LimitRange", "ResourceQuota", "NetworkPolicy",
                                 "PodDisruptionBudget"),
}  # fmt: skip


#: kinds whose members each do a job no other member does, so a description of one (what a
#: note's definition says) fits no other: offered beside a defined term too. A header or a
#: file name is not: "HTTP/1.0 时代的绝对时间" of Expires fits Last-Modified as well.
TOLD_APART_BY_JOB = frozenset({"SQS queue type", "SQS feature", "DynamoDB feature", "Cognito component",
                               "encryption type", "IAM policy type", "AWS Lambda feature",
                               "workload resource", "policy object"})  # fmt: skip

#: kinds whose names other fields use for other things ("Deployment" in CodeDeploy, "Job" in
#: AWS Batch and Nomad) and prose writes in passing ("the Deployment's pods"): a kind only in
#: notes that write two of its names, one a name no other field writes (`StatefulSet`), and
#: no sentence is a cloze of one
NAMED_IN_CONTEXT = frozenset({"workload resource", "policy object"})

#: kinds of plain words ("Layers" of a Docker image, "Aliases" of a shell): a kind only in
#: notes about AWS (`service_areas.is_aws_text`), and no sentence is a cloze of one
ABOUT_AWS_ONLY = frozenset({"AWS Lambda feature"})
#: the kinds held only in their field: no sentence that names one is a cloze of it
FIELD_BOUND = NAMED_IN_CONTEXT | ABOUT_AWS_ONLY


def _folded(name: str) -> str:
    """A name as the list matches it: any case, a hyphen or a space between its words
    ("dead letter queue", "Dead-Letter Queue")."""
    return re.sub(r"[\s-]+", " ", name.strip().strip("`")).casefold()


_KIND_OF = {_folded(v): k for k, values in TERMS.items() for v in values}

#: a number role (questions.values.number_role) -> its well-known values
NUMBER_ROLES: dict[str, tuple[str, ...]] = {"port": PORTS, "code": STATUS_CODES}


@lru_cache(maxsize=1)
def _names() -> re.Pattern[str]:
    names = sorted({v for values in TERMS.values() for v in values}, key=len, reverse=True)
    # words joined by a space or a hyphen either way
    alternatives = "|".join(re.sub(r"\\ |\\?-", "[ -]", re.escape(n)) for n in names)
    # a whole name, not part of a longer one ("Cache-Control-Extension", "my.aws"); Chinese
    # may touch it on either side ("都在.ebextensions 文件夹")
    return re.compile(rf"(?<![A-Za-z0-9_.-])(?:{alternatives})(?![A-Za-z0-9_-]|\.[A-Za-z0-9])")


def names_in(text: str) -> Iterator[re.Match[str]]:
    """Every name of the list the text writes, as a whole name."""
    return _names().finditer(text)


def kind_of(answer: str) -> str | None:
    """The kind this list knows the answer as, or None."""
    return _KIND_OF.get(_folded(answer))


#: a word with a capital inside it (`ReplicaSet`): a name, never an English word
_CAMEL = re.compile(r"[a-z][A-Z]")


def kind_in(answer: str, named: Collection[str], about_aws: bool = False) -> str | None:
    """The answer's kind in notes that write the casefolded names `named` (`names_in`): a
    kind named in context counts only where the notes write two of its names, an AWS kind
    only in notes about AWS."""
    kind = kind_of(answer)
    if kind in ABOUT_AWS_ONLY and not about_aws:
        return None
    if kind in NAMED_IN_CONTEXT:
        written = {_folded(n) for n in named} | {_folded(answer)}
        mine = [v for v in TERMS[kind] if _folded(v) in written]
        if len(mine) < 2 or not any(_CAMEL.search(v) for v in mine):
            return None
    return kind


def told_apart_by_job(
    answer: str, named: Collection[str] | None = None, about_aws: bool = False
) -> bool:
    """The list knows the answer, of a kind whose members a description tells apart (in
    notes that write `named`, when given: `kind_in`)."""
    kind = kind_of(answer) if named is None else kind_in(answer, named, about_aws)
    return kind in TOLD_APART_BY_JOB


def like_terms(answer: str) -> list[str]:
    """The other well-known values of the answer's kind, in the list's order (empty when the
    list does not know the answer)."""
    kind = kind_of(answer)
    if kind is None:
        return []
    mine = _folded(answer)
    return [v for v in TERMS[kind] if _folded(v) != mine]


#: what says a three-digit code is an HTTP status (not an exit code or an error number)
_HTTP = re.compile(r"\bhttps?\b|\bstatus\b|状态码|响应", re.I)


def _http(code: str, sentence: str) -> bool:
    """The sentence says the code is an HTTP status: it says HTTP or status, or writes the
    code's reason phrase after it ("412 Precondition Failed")."""
    if _HTTP.search(sentence):
        return True
    try:
        phrase = HTTPStatus(int(code)).phrase
    except ValueError:
        return False
    return re.search(rf"\b{code}\s+{re.escape(phrase)}\b", sentence, re.I) is not None


def like_numbers(role: str, answer: str, sentence: str, taken: Iterable[str] = ()) -> list[str]:
    """Well-known values of a port or HTTP status answer, without the answer and those taken.
    A code counts as an HTTP status only where its sentence says so (`_http`)."""
    if role == "code" and not (re.fullmatch(r"[1-5]\d\d", answer) and _http(answer, sentence)):
        return []  # an exit code or SQLSTATE is no HTTP status
    skip = {answer, *taken}
    return [v for v in NUMBER_ROLES.get(role, ()) if v not in skip]


__all__ = [
    "ABOUT_AWS_ONLY",
    "FIELD_BOUND",
    "NAMED_IN_CONTEXT",
    "NUMBER_ROLES",
    "PORTS",
    "PRODUCT_PORTS",
    "STATUS_CODES",
    "TERMS",
    "TOLD_APART_BY_JOB",
    "fair_port",
    "kind_in",
    "kind_of",
    "like_numbers",
    "like_terms",
    "names_in",
    "port_class",
    "told_apart_by_job",
]  # fmt: skip
