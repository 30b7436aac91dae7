"""Prose-shaped notes: claims in sentences, bold lines as sub-headings, headings that are
statements, numbered procedures. Checked on notes the shipped bank does not contain."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.bank import validate_bank
from questions.generate import DocumentResult, generate_document
from questions.parse import parse_document
from questions.plan import MAX_TRUE_FALSE_SHARE
from questions.text import contains

NOTES = Path(__file__).parent / "notes"
PROSE = ("docker-prose.md", "git-zh-prose.md")


def _generated(name: str) -> DocumentResult:
    path = NOTES / name
    return generate_document(f"notes/{name}", path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=PROSE)
def result(request: pytest.FixtureRequest) -> DocumentResult:
    return _generated(request.param)


def _of(result: DocumentResult, generator: str) -> list:  # type: ignore[type-arg]
    return [(c, q) for c, q in result.chosen if c.generator == generator]


def _sound(c, q) -> None:  # type: ignore[no-untyped-def]
    """A kept question: one answer, no blank or duplicate option, the answer not in the stem."""
    assert len(set(q.choices)) == len(q.choices) >= 2
    assert not any("___" in o for o in q.choices)
    assert not contains(q.prompt.replace("___", " "), q.choices[q.answer]), q.prompt


def test_contrast_is_asked_with_the_denied_alternative_as_the_wrong_option() -> None:
    """ "bound on the host, not inside the container": host is the answer, container the lure,
    and the stem keeps its subject without the denied part."""
    picks = [p for p in _of(_generated("docker-prose.md"), "claim") if p[0].style == "cloze"]
    assert picks
    for c, q in picks:
        _sound(c, q)
        assert c.fact.siblings[0] in q.choices  # what the notes deny
        assert " not " not in q.prompt
        assert c.fact.subject in q.prompt


def test_chinese_contrast_becomes_a_fact_with_both_alternatives() -> None:
    doc = parse_document("## 监控\n\nCloudwatch alarm 不会被log stream触发，会被metric触发\n", "x")
    from questions.facts.extract import extract

    contrasts = [f for f in extract(doc) if f.kind == "contrast"]
    assert [(f.subject, f.value, f.siblings) for f in contrasts] == [
        ("Cloudwatch alarm", "metric", ("log stream",))
    ]
    assert "不" not in contrasts[0].attribute


@pytest.mark.parametrize(
    "line",
    [
        "最长起诉期限：因不动产 → 20年；其他 → 5年",  # 不动产 "real estate"
        "不可抗力导致违约，可以免责",  # 不可抗力 "force majeure"
        "没收财产是附加刑，罚金也是附加刑",  # 没收 "confiscate"
    ],
)
def test_a_chinese_word_holding_a_negating_character_denies_nothing(line: str) -> None:
    from questions.facts.extract import extract

    doc = parse_document(f"## 法律\n\n{line}\n", "x")
    assert [f.value for f in extract(doc) if f.kind == "contrast"] == []


def test_a_chinese_denial_read_as_a_word_still_contrasts() -> None:
    from questions.facts.extract import extract

    doc = parse_document("## 部署\n\nCanary 部署不是ECS的方式，是CodeDeploy的方式\n", "x")
    contrasts = [f for f in extract(doc) if f.kind == "contrast"]
    assert [(f.subject, f.value, f.siblings) for f in contrasts] == [
        ("Canary 部署", "CodeDeploy", ("ECS",))
    ]


@pytest.mark.parametrize("name", PROSE)
def test_predicate_granted_to_one_and_denied_to_others_is_asked(name: str) -> None:
    picks = [p for p in _of(_generated(name), "claim") if p[0].style == "predicate"]
    assert picks
    for c, q in picks:
        _sound(c, q)
        assert q.choices[q.answer] == c.fact.subject
        # every option denied by the notes, written with the key's first letter
        # (generators.common.cased_like: "image layers" beside "container layer")
        assert {s.casefold() for s in c.fact.siblings} <= {o.casefold() for o in q.choices}


@pytest.mark.parametrize("name", PROSE)
def test_numbered_procedure_asks_the_next_step(name: str) -> None:
    result = _generated(name)
    picks = _of(result, "step")
    assert picks
    for c, q in picks:
        _sound(c, q)
        items = [b.text.rstrip("。.") for b in result.doc.content if b.group == c.fact.block.group]
        assert items.index(q.choices[q.answer]) == items.index(c.fact.subject) + 1
        assert c.fact.subject not in q.choices  # the step asked about is never an option


def test_numbered_list_that_is_not_a_procedure_gives_no_step_question() -> None:
    text = "## SQS\n\nstandard type\n\n1. at-least-once delivery\n2. out of order\n"
    text += "3. nearly unlimited calls\n4. best-effort ordering\n"
    assert not [c for c, _ in generate_document("x", text).chosen if c.generator == "step"]


def test_bold_line_is_a_sub_heading_and_labels_its_questions() -> None:
    result = _generated("docker-prose.md")
    bold = [s for s in result.doc.sections if s.bold]
    assert [s.key for s in bold] == ["Networking › Network drivers"]
    under = [q for c, q in result.chosen if c.fact.section.bold]
    assert under and all(q.topic == "Networking › Network drivers" for q in under)
    # and still the lead-in naming the list's category
    assert any(q.prompt.startswith("Which network driver") for q in under)


def test_heading_statement_sits_under_its_parent_not_its_sibling() -> None:
    doc = parse_document(
        "## Cognito\n\nIdentity for apps.\n\n### pool sync 不同终端的用户数据同步\n\n"
        "### user pool 是Cognito 中的用户库，支持Oauth和MFA\n",
        "x",
    )
    stated = [b for b in doc.blocks if b.from_heading]
    assert [b.section.key for b in stated] == ["Cognito", "Cognito"]


def test_heading_statement_never_defines_the_heading_above_it() -> None:
    result = _generated("docker-prose.md")
    assert not [c for c, _ in result.chosen if c.fact.block.from_heading and
                c.answer_text == c.fact.section.heading]  # fmt: skip


def test_translated_clipped_word_gives_the_answer_away() -> None:
    """ "数据同步" glossed "synchronize" names "Cognito sync": no such question is kept."""
    from questions.cues import clue

    assert (
        clue("不同终端的用户数据同步", "Cognito sync", ["user pool", "Resource policy"]) is not None
    )


def test_latin_word_next_to_chinese_is_a_word_of_its_own() -> None:
    assert contains("会被metric触发", "metric")
    assert not contains("会被metrics触发", "metric")


def test_prose_banks_stay_valid_and_within_the_true_false_share(result: DocumentResult) -> None:
    questions = [q for _, q in result.chosen]
    assert not validate_bank(questions)
    tf = sum(q.kind == "truefalse" for q in questions)
    assert tf <= MAX_TRUE_FALSE_SHARE * len(questions)
    noise_lines = {n.line for n in result.doc.noise}
    assert not [c for c, _ in result.chosen if c.fact.line in noise_lines]


TOPICS = """## TLS

TLS encrypts traffic between two peers.

## DNS

DNS resolves names to addresses.

## NAT

NAT rewrites source addresses at the edge.

## HTTP

HTTPS is plain HTTP carried over a TLS connection that the client opens first.

VACUUM ANALYZE is not a topic here, and neither is a DNS NAT pair.
"""


def test_acronym_of_another_heading_is_asked_among_the_headings_acronyms() -> None:
    picks = [(c, q) for c, q in generate_document("x", TOPICS).chosen if c.fact.role == "topic"]
    assert [q.choices[q.answer] for _, q in picks] == ["TLS"]
    c, q = picks[0]
    _sound(c, q)
    assert set(q.choices) <= {"TLS", "DNS", "NAT"}  # only the notes' own topics
    assert "HTTP" not in q.choices  # the question's own topic is not a lure


NAMED = """## Storage drivers

Each container writes to a thin layer on top of the image.

The OverlayFS driver is the default storage driver on most Linux hosts.

Pools are created by the ZFS driver from whole disks.

Snapshots of each layer are kept by the BTRFS driver as subvolumes.

The Docker Hub registry is a public service. Mirror is an option.
"""


def test_technical_name_in_prose_is_asked_among_names_with_its_head_noun() -> None:
    picks = [(c, q) for c, q in generate_document("x", NAMED).chosen if c.fact.role == "named"]
    assert picks
    for c, q in picks:
        _sound(c, q)
        assert all(o.endswith(" driver") for o in q.choices)  # one kind: the notes' drivers
    assert {q.choices[q.answer] for _, q in picks} == {"ZFS driver", "BTRFS driver"}


def test_a_slash_name_is_not_a_namespaced_option() -> None:
    """ "Blue/green" beside "Canary" and "Linear" is one name, not "Blue/" + a name: the
    predicate question keeps it."""
    from questions.solvers import odd_form

    assert not odd_form("Blue/green", ["Canary", "Linear"])
    assert odd_form("Opaque", ["kubernetes.io/tls", "kubernetes.io/basic-auth"])


def test_mixed_heading_gives_its_latin_name_without_the_gloss() -> None:
    from questions.facts.extract import heading_name

    assert heading_name("X-Ray daemon Xray 守护进程") == "X-Ray daemon"
    assert heading_name("Redis 缓存") == "Redis"
    assert heading_name("对比") == ""


def test_chinese_line_under_a_heading_keeps_the_heading_as_its_subject() -> None:
    """ "## Redis 缓存" / "默认最大内存 4 GB": the stem says whose limit it is."""
    text = "## Redis 缓存\n\n默认最大内存 4 GB，超过后按策略淘汰键\n"
    picks = [(c, q) for c, q in generate_document("x", text).chosen if c.fact.kind == "number"]
    assert picks
    c, q = picks[0]
    _sound(c, q)
    assert q.choices[q.answer] == "4 GB"
    assert q.prompt.startswith("填空：Redis：")


def test_blank_in_a_denied_clause_is_never_asked() -> None:
    """ "Canary和Linear不是___的部署方式": KMS and EC2 would make true statements too."""
    from questions.generators.terms import _negated

    assert _negated("Canary和Linear不是___的部署方式")
    assert _negated("On Premise server 不能放置在___上")
    assert _negated("Fargate tasks do not run on ___ hosts you manage")
    assert not _negated("mounted volumes get updated (but not when mounted w/ ___)")
    assert not _negated("CPU above the limit -> container gets ___.")
    text = (
        "## Deploy\n\nKMS 管理密钥，ECS 运行容器，EC2 运行虚拟机实例\n\n"
        "Canary和Linear不是ECS的部署方式，在这里要注意区分清楚\n"
    )
    assert not [q for _, q in generate_document("x", text).chosen if "不是___" in q.prompt]


def test_english_contrast_not_a_but_b_keeps_the_stated_side() -> None:
    from questions.facts.claims import contrast_facts

    doc = parse_document(
        "## X\n\nCloudWatch alarms are not triggered by log streams but by metrics.\n", "x"
    )
    (f,) = [f for b in doc.content for f in contrast_facts(b)]
    assert (f.attribute, f.value, f.siblings) == (
        "CloudWatch alarms are triggered by metrics",
        "metrics",
        ("log streams",),
    )
