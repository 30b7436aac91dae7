"""One-line facts of a well-known kind the notes hold no like values for (a port, a config file
name, a header): asked with well-known values of that kind (questions.vocabulary), and never
with them for an answer of another kind."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.generate import generate_document
from questions.vocabulary import PORTS, STATUS_CODES, TERMS


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


def keyed(questions: list[BankQuestion], answer: str) -> list[BankQuestion]:
    return [q for q in questions if q.choices[q.answer] == answer]


CACHE = """# Caching layer

## Redis

- the cache listens on port 6379 inside the cluster network
- eviction policy allkeys-lru drops the least recently used key when memory is full
- persistence is off: a restart of the pod starts with an empty cache

## Workers

- a failed job is retried three times, then moved to the dead queue
- when a job hangs the worker is OOMKilled (exit code 137) and restarted
"""


def test_a_lone_port_is_asked_among_well_known_ports() -> None:
    qs = keyed(chosen(CACHE), "6379")
    assert qs, "the only port of the notes was not asked"
    assert all(len(q.choices) >= 3 and set(q.choices) <= set(PORTS) for q in qs), qs


def test_an_exit_code_gets_no_http_status_as_options() -> None:
    """137 is written after "exit code": offering 200 or 404 beside it would mix two kinds."""
    for q in chosen(CACHE):
        assert not (set(q.choices) - {"137"}) & set(STATUS_CODES), q


BUILD = """# Delivery pipeline

## Release

The lifecycle hooks of each revision are listed in an appspec.yml file at the root of the bundle.

## Deploy

- the deploy job waits for the build to finish before it starts
- a failed deploy rolls back to the last healthy revision automatically
"""


def test_a_well_known_file_name_written_plainly_is_asked_among_its_kind() -> None:
    qs = keyed(chosen(BUILD), "appspec.yml")
    assert qs, "the file name in the sentence was not asked"
    assert all(set(q.choices) <= set(TERMS["YML file"]) for q in qs), qs
    assert all("___" in q.prompt for q in qs)


CONDITIONAL = """# Conditional requests

## Revalidation

- the first response carries `ETag: "v7"` as the fingerprint of the body
- the client revalidates with `If-None-Match: "v7"` after the max-age runs out
- a response with `Cache-Control: no-store` is never written to any cache
- the server answers `Vary: Accept-Encoding` when compressed and plain bodies differ
- a compressed body is sent with `Content-Encoding: gzip` and decoded by the browser
"""


def test_a_name_inside_an_asked_code_span_is_not_asked_again() -> None:
    """`If-None-Match: "v7"` and the header name inside it blank one gap: one question."""
    result = generate_document("t.md", CONDITIONAL)
    gaps = [q.prompt for c, q in result.chosen if "If-None-Match" in c.blank]
    assert len(gaps) <= 1, gaps
    assert any(d.reason == "its blank is already asked" for d in result.dropped)


NIGHTLY = """# Worker environments

## For nightly jobs

如果要部署处理定期后台任务的工作线程应用程序，源包还必须包括一个 `cron.yaml` 文件。

## Limits

- 源包不超过 512 MB，由单个 ZIP 文件组成
- 一个应用最多保留 1000 个版本，超过后需要生命周期策略
"""


def test_a_heading_that_states_a_circumstance_is_not_pasted_as_the_subject() -> None:
    """ "For nightly jobs" says when, not what: "For nightly jobs：如果要部署…" reads as a
    heading pasted in front of the sentence."""
    qs = keyed(chosen(NIGHTLY), "cron.yaml")
    assert qs, "the config file was not asked"
    assert all("nightly" not in q.prompt for q in qs), [q.prompt for q in qs]
