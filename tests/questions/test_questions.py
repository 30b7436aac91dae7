"""Questions from small notes written here: typed distractors, written stems, the gates."""

from __future__ import annotations

import math

import pytest

from questions.bank import BankQuestion
from questions.candidate import Candidate
from questions.facts.extract import extract
from questions.generate import generate_document
from questions.generators import dynamodb_capacity
from questions.generators.dynamodb_capacity import SCENARIOS, Scenario, capacity_units, mistakes
from questions.parse import parse_document
from questions.solvers import stem_only
from questions.values import parse_number


def asked(text: str) -> list[tuple[Candidate, BankQuestion]]:
    return generate_document("t.md", text).chosen


def question(text: str, answer: str) -> BankQuestion:
    found = [q for _, q in asked(text) if q.choices[q.answer] == answer]
    assert found, [q.prompt for _, q in asked(text)]
    return found[0]


PODS = """# K8s
## Pods
- **Pod** = smallest deployable unit, one or more containers sharing a network namespace
- `restartPolicy`: Always (default), OnFailure, Never
## Deployments
Deployment -> manages a **ReplicaSet** of pods, never edit it by hand
## Services
**Service** = stable virtual IP in front of a set of pods
## Jobs
**Job** = runs pods until N of them complete successfully
"""


def test_a_term_is_offered_beside_terms_not_beside_values() -> None:
    """The old bank offered "Pod" beside Always / OnFailure / Never (another role)."""
    q = question(PODS, "Pod")
    wrong = set(q.choices) - {"Pod"}
    assert not wrong & {"Always", "OnFailure", "Never", "restartPolicy"}
    assert len(wrong) >= 2 and wrong <= {"ReplicaSet", "Service", "Job", "Deployment"}


def test_a_default_is_asked_among_its_own_values() -> None:
    q = question(PODS, "Always")
    assert q.prompt == "What is the default value of restartPolicy?"
    assert set(q.choices) == {"Always", "OnFailure", "Never"}


SETTINGS = """# PG
## Config
- `shared_buffers` default **128MB**, rule of thumb ~25% of RAM
- `work_mem` default 4MB
- `maintenance_work_mem` default 64MB
- PG 13 went EOL in Nov 2025, PG 14 is next (Nov 2026)
- compression: `lz4` available since 14
- every major version gets 5 years of support
"""


def test_quantities_get_near_misses_in_their_unit_in_ascending_order() -> None:
    q = question(SETTINGS, "128MB")
    assert q.prompt == "What is the default value of shared_buffers?"
    values = [parse_number(c) for c in q.choices]
    assert all(v is not None and v.unit == "MB" for v in values)
    assert [v.value for v in values if v] == sorted(v.value for v in values if v)


def test_versions_and_years_are_never_near_missed() -> None:
    """ "PG ___ went EOL" once offered 13 / 26 / 52 / 130: a version is offered beside the
    notes' own values or the releases next to it, never a multiple of it."""
    notes_numbers = {"13", "14", "2025", "2026", "5", "25", "128", "4", "64"}
    for c, q in asked(SETTINGS):
        if c.fact.kind == "number" and c.fact.role in ("version", "year"):
            key = int(q.choices[q.answer])
            near = {str(key + d) for d in (-3, -2, -1, 1, 2)} if c.fact.role == "version" else set()
            assert set(q.choices) <= notes_numbers | near, q.choices


def test_a_blank_is_never_inside_an_option_and_the_sentence_keeps_its_subject() -> None:
    for _, q in asked(SETTINGS + PODS):
        assert not any("___" in c for c in q.choices)
    memory = "# PG\n## Memory\n- `shared_buffers` caches pages; rule of thumb ~25% of RAM\n"
    q = question(memory, "25%")
    assert "shared_buffers" in q.prompt  # "rule of thumb ~___ of RAM" says nothing alone


def test_no_stem_states_the_number_another_question_asks() -> None:
    """ "shared_buffers default 128MB, rule of thumb ~___ of RAM" answers "What is the default
    value of shared_buffers?"; "PG 13 went EOL …, PG ___ is next" answers the cloze of 13."""
    questions = [q for _, q in asked(SETTINGS)]
    for q in questions:
        if q.kind != "choice" or parse_number(q.choices[q.answer]) is None:
            continue
        answer = q.choices[q.answer]
        for other in questions:
            if other is not q and "shared_buffers" in q.prompt and "shared_buffers" in other.prompt:
                assert answer not in other.prompt, (q.prompt, other.prompt)
    eol = [q for q in questions if "went EOL" in q.prompt]
    assert len(eol) <= 1, [q.prompt for q in eol]


TABLE = """## Codes
| 状态码 | 说明 |
|---|---|
| 302 | 临时重定向 |
| 307 | 临时重定向，不允许把 POST 改成 GET |
| 404 | 资源不存在 |
| 500 | 服务端出错 |
"""


def test_a_row_whose_cell_says_less_is_not_offered() -> None:
    """ "临时重定向" is true of 307 too: 307's question must not offer 302."""
    q = question(TABLE, "307")
    assert "302" not in q.choices
    for c, q in asked(TABLE):
        if q.choices[q.answer] == "302" and c.style == "reverse":
            pytest.fail("302's cell is inside 307's: not a distinguishing value")


def test_options_listed_in_the_stem_do_not_hide_a_give_away() -> None:
    text = ("## X\n\n|  | ConfigMap | Secret |\n|---|---|---|\n"
            "| create | `kubectl create configmap` | `kubectl create secret generic` |\n"
            "| meant for | config | passwords |\n")  # fmt: skip
    for _, q in asked(text):
        assert "secret generic" not in q.prompt, q.prompt


def test_stem_only_player_catches_a_word_shared_with_the_answer() -> None:
    doc = parse_document("## X\n- **a**\n", "t.md")
    fact = extract(parse_document("## Y\n- **Job** = runs pods\n", "t.md"))[0]
    c = Candidate("definition", "reverse", "choice", fact,
                  "Which of these deletes the finished job automatically?",
                  ("startingDeadlineSeconds", "ttlSecondsAfterFinished", "activeDeadlineSeconds"),
                  1, "", "en")  # fmt: skip
    assert doc.file == "t.md"
    assert stem_only(c) == "stem gives the answer away"


def test_true_false_is_made_false_by_substitution_never_by_negation() -> None:
    text = ("## Limits\n- CPU above the limit -> container gets **throttled**. memory above the "
            "limit -> container is **OOMKilled**\n- max 32 columns in one index\n"
            "- the launcher wakes up every 1 min\n- at most 3 workers run\n")  # fmt: skip
    for c, q in asked(text):
        if q.kind == "truefalse":
            assert "n't't" not in q.prompt and " not " not in q.prompt
            assert c.fact.span in q.prompt or q.answer == 1


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
    wrong = mistakes(Scenario("read", "strong", 6, 10))
    assert math.ceil(6 * 10 / 4) in wrong  # not rounding each item up: 15
    assert 10 in wrong  # halving as if eventually consistent


RULES = """## DynamoDB
One **read request unit** represents one strongly consistent read request, or two eventually
consistent read requests, for an item up to 4 KB in size. Two read request units represent one
transactional read for items up to 4 KB.

One **write request unit** represents one write for an item up to 1 KB in size. Transactional
write requests require 2 write request units.
"""


def test_capacity_questions_from_the_rules_the_notes_state() -> None:
    qs = dynamodb_capacity.generate_from(parse_document(RULES, "t.md"))
    assert len(qs) == len(SCENARIOS)
    for c in qs:
        nums = [int(o) for o in c.options]
        assert nums == sorted(nums) and len(set(nums)) == len(nums) >= 3
        s = next(
            s for s in SCENARIOS if c.fact.subject == f"{s.op} {s.mode} {s.size_kb:g} KB x {s.rate}"
        )
        assert int(c.answer_text) == expected(s)
    assert any(q.fact == c.fact.id for _, q in asked(RULES) for c in qs)


def test_capacity_needs_the_rules_in_the_notes() -> None:
    assert dynamodb_capacity.generate_from(parse_document("## X\nno units here.\n", "t")) == []
