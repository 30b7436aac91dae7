"""Each generator on its own, on small notes written here."""

import math

import pytest

from questions.generators import (
    cloze,
    dynamodb_capacity,
    list_contrast,
    table_rows,
    term_definition,
    true_false,
)
from questions.generators.base import Candidate
from questions.generators.dynamodb_capacity import SCENARIOS, Scenario, capacity_units, mistakes
from questions.notes_parser import Fact, extract_facts, parse_notes


def facts_of(text: str) -> list[Fact]:
    return extract_facts(parse_notes(text, "t.md"))[0]


def right(c: Candidate) -> str:
    return c.options[c.answer]


# --- DynamoDB capacity: the arithmetic, checked against the rules written out independently ---


def expected(s: Scenario) -> int:
    if s.op == "read":
        units = -(-s.size_kb // 4)  # ceil without math.ceil
        return int({"strong": units * s.rate, "eventual": -(-(units * s.rate) // 2),
                    "transactional": 2 * units * s.rate}[s.mode])  # fmt: skip
    units = -(-s.size_kb // 1)
    return int(units * s.rate * (2 if s.mode == "transactional" else 1))


@pytest.mark.parametrize("s", SCENARIOS)
def test_capacity_arithmetic(s: Scenario) -> None:
    assert capacity_units(s.op, s.mode, s.size_kb, s.rate) == expected(s)


def test_capacity_known_values() -> None:
    assert capacity_units("read", "strong", 6, 10) == 20  # 6 KB -> 2 units
    assert capacity_units("read", "eventual", 6, 10) == 10
    assert capacity_units("read", "transactional", 6, 10) == 40
    assert capacity_units("write", "standard", 2.5, 10) == 30  # 2.5 KB -> 3 units
    assert capacity_units("write", "transactional", 2.5, 10) == 60
    assert capacity_units("read", "strong", 4, 1) == 1  # exactly one unit, no rounding


def test_capacity_mistakes_include_not_rounding_and_wrong_mode() -> None:
    s = Scenario("read", "strong", 6, 10)
    wrong = mistakes(s)
    assert math.ceil(6 * 10 / 4) in wrong  # not rounding each item up: 15
    assert 10 in wrong  # halving as if eventually consistent


RULES = """## DynamoDB
One **read request unit** represents one strongly consistent read request, or two eventually
consistent read requests, for an item up to 4 KB in size. Two read request units represent one
transactional read for items up to 4 KB.

One **write request unit** represents one write for an item up to 1 KB in size. Transactional
write requests require 2 write request units.
"""


def test_capacity_questions_from_rules() -> None:
    qs = dynamodb_capacity.generate(facts_of(RULES), "T", "t.md")
    assert len(qs) == len(SCENARIOS) >= 10
    for c in qs:
        assert len(set(c.options)) == len(c.options) >= 3
        nums = [int(o) for o in c.options]
        assert nums == sorted(nums)


def test_capacity_needs_the_rules_in_the_notes() -> None:
    assert dynamodb_capacity.generate(facts_of("## X\nnothing about units here.\n"), "T", "t") == []


# --- table rows ---

TABLE = """## Codes
| Code | Meaning |
| --- | --- |
| `A_ONE` | first thing failed |
| `B_TWO` | second thing failed |
| `C_THREE` | third thing failed |
"""


def test_table_rows_both_directions() -> None:
    qs = table_rows.generate(facts_of(TABLE), "T", "t.md")
    assert len(qs) == 6
    fwd = [c for c in qs if ":fwd:" in c.key]
    rev = [c for c in qs if ":rev:" in c.key]
    assert {right(c) for c in fwd} == {"A_ONE", "B_TWO", "C_THREE"}
    assert {right(c) for c in rev} == {
        "first thing failed",
        "second thing failed",
        "third thing failed",
    }
    for c in fwd:
        assert right(c) not in c.prompt


# --- list contrasts ---

LISTS = """## AWS SQS
standard type
1. at-least-once message delivery
2. out of order

FIFO type
1. exactly-once processing

## Beanstalk
**Deployment policy**
- **All at once** – Deploy to all instances simultaneously.
- **Rolling** – Deploy the new version in batches.
- **Immutable** – Deploy to a fresh group of instances.
"""


def test_sibling_groups() -> None:
    qs = [c for c in list_contrast.generate(facts_of(LISTS), "T", "t.md") if ":item:" in c.key]
    assert len(qs) == 3
    answers = {c.prompt.splitlines()[-1]: right(c) for c in qs}
    assert answers["“exactly-once processing”"] == "FIFO"
    assert answers["“out of order”"] == "Standard"
    assert all(set(c.options) == {"Standard", "FIFO"} for c in qs)


def test_definition_list_group() -> None:
    qs = [c for c in list_contrast.generate(facts_of(LISTS), "T", "t.md") if ":item:" not in c.key]
    fwd = [c for c in qs if ":fwd:" in c.key]
    assert {right(c) for c in fwd} == {"All at once", "Rolling", "Immutable"}
    assert all(set(c.options) == {"All at once", "Rolling", "Immutable"} for c in fwd)


# --- term <-> definition ---

TERMS = """## AppSync
AWS AppSync is a managed service that uses GraphQL.

## Aurora DB
the fastest database for real time servers

## AWS INSPECTOR
a automated security assessment service

## Layers
A layer is a .zip archive that contains libraries.
"""


def test_term_definition_masks_the_term() -> None:
    qs = term_definition.generate(facts_of(TERMS), "T", "t.md")
    fwd = [c for c in qs if ":fwd:" in c.key]
    assert {right(c) for c in fwd} == {"AppSync", "Aurora DB", "AWS Inspector", "Layers"}
    for c in fwd:
        assert "AppSync" not in c.prompt and "layer" not in c.prompt.lower()
        assert c.answer_type == "term:heading"
    rev = [c for c in qs if ":rev:" in c.key]
    assert rev and all("___" not in o for c in rev for o in c.options)


# --- cloze ---


@pytest.mark.parametrize(
    ("sentence", "answer", "kind"),
    [
        ("The X-Ray daemon listens on UDP port 2000.", "2000", "port"),
        ("SQS queue default visibility timeout is 30 seconds.", "30 seconds", "num:s"),
        ("默认Timeout 3秒, 可以改", "3秒", "num:s"),
        ("Send Cache-Control: max-age=0 to skip caches.", "max-age=0", "assign"),
        ("A worker needs a cron.yaml file.", "cron.yaml", "file:yaml"),
        ("Config files live in the .ebextensions folder.", ".ebextensions", "folder"),
        (
            "Cors header: Access-Control-Allow-Headers / Origin",
            "Access-Control-Allow-Headers",
            "header",
        ),
        (
            "403 errors: use **decode-authorization-message** to read them",
            "decode-authorization-message",
            "command",
        ),
    ],
)
def test_cloze_values(sentence: str, answer: str, kind: str) -> None:
    qs = cloze.generate(facts_of(f"## Topic\n{sentence}\n"), "T", "t.md")
    assert len(qs) == 1
    c = qs[0]
    assert right(c) == answer and c.answer_type == f"value:{kind}"
    assert answer not in c.prompt and "___" in c.prompt
    assert len(set(c.options)) == len(c.options) >= 3
    assert not any(o in sentence for o in c.options if o != answer)


def test_cloze_numbers_keep_unit_and_vary_position() -> None:
    c = cloze.generate(facts_of("## T\nItems up to 4 KB in size.\n"), "T", "t.md")[0]
    assert all(o.endswith(" KB") for o in c.options)


# --- true/false ---


def test_flip() -> None:
    assert (
        true_false.flip("Cloudwatch alarm 不会被log stream触发")
        == "Cloudwatch alarm 会被log stream触发"
    )
    assert true_false.flip("Blue/green 是 ecs的部署方式") == "Blue/green 不是 ecs的部署方式"
    assert true_false.flip("Users can configure layers.") == "Users cannot configure layers."
    assert true_false.flip("Nothing to negate here.") is None


def test_true_false_skips_used_and_balances() -> None:
    notes = "## Misc\nIn-place 不跟 lambda合作\n\nBlue/green 是 ecs的部署方式\n\nUsers can do X.\n"
    fs = facts_of(notes)
    qs = true_false.generate(fs, "T", "t.md", used={"Users can do X."})
    assert len(qs) == 2
    for c in qs:
        assert c.options == ("True", "False")
        assert c.explanation  # the original statement
