"""An explanation says its own question's part of the notes line: a line holding several facts
(a list of members with their asides, two settings with their defaults, several sentences) is
never quoted whole under one of them when that would answer another question of the bank."""

from __future__ import annotations

from collections.abc import Callable
from itertools import permutations
from pathlib import Path

from questions.explaining import answers, own_part
from questions.generate import generate_document

NOTES = Path(__file__).parent / "notes"

#: a Chinese line of two statements, a list line with bracketed asides, a sentence whose
#: second clause leans on the first
MIXED = """# 缓存复习

## Redis 淘汰

- 淘汰策略：noeviction（默认，写满就报错）、allkeys-lru（内存满时挑最久没用过的淘汰）、volatile-ttl（先淘汰快过期的）
- maxmemory 默认 0，表示不限制。hz 默认 10，每秒执行 10 次后台任务

## Memcached

- default port 11211, the default item size limit is 1 MB (raise it with -I)
- slab classes grow by a factor of 1.25, so items of similar size share a class
"""


def test_no_explanation_answers_another_question_of_its_bank() -> None:
    for name, text in (
        ("kafka-ops.md", (NOTES / "kafka-ops.md").read_text(encoding="utf-8")),
        ("mixed.md", MIXED),
    ):
        chosen = generate_document(name, text).chosen
        assert len(chosen) >= 5, name
        for (ca, a), (cb, b) in permutations(chosen, 2):
            if ca.fact.id != cb.fact.id:
                assert not answers(a.explanation, b, cb.fact.subject), (a.explanation, b.prompt)


def test_a_list_members_explanation_is_its_own_member_under_the_lists_lead() -> None:
    chosen = generate_document("kafka-ops.md", (NOTES / "kafka-ops.md").read_text()).chosen
    described = [q for c, q in chosen if c.fact.line == 8 and q.kind == "choice"]
    assert len(described) >= 2, [q.prompt for _, q in chosen]
    for q in described:
        assert q.explanation.startswith("compression types: "), q.explanation
        assert q.explanation.count("(") == 1, q.explanation  # one member, its own aside
    defaults = {q.prompt: q.explanation for c, q in chosen if c.fact.line == 21}
    for prompt, why in defaults.items():
        assert ("session" in why) != ("heartbeat" in why), (prompt, why)


def test_a_question_alone_on_its_line_keeps_the_whole_line() -> None:
    chosen = generate_document("kafka-ops.md", (NOTES / "kafka-ops.md").read_text()).chosen
    whole = [q for _, q in chosen if "moves replicas" in q.prompt]  # a command and its comment
    assert whole and all("# move replicas" in q.explanation for q in whole)


def test_own_part_cuts_sentences_then_clauses_outside_brackets() -> None:
    def not_saying(*others: str) -> Callable[[str], bool]:
        return lambda text: not any(o in text for o in others)

    line = "joins: Nested Loop (small outer side), Hash Join (equality joins, needs work_mem)"
    fine = not_saying("Nested Loop")
    assert own_part(line, ["Hash Join", "needs work_mem"], fine=fine) == (
        "joins: … Hash Join (equality joins, needs work_mem)"
    )
    assert own_part(line, ["Hash Join"]) is None  # nothing else asked: the whole line
    two = "maxmemory 默认 0，表示不限制。hz 默认 10，每秒执行 10 次后台任务"
    assert own_part(two, ["hz 默认 10"], fine=not_saying("默认 0")) == (
        "hz 默认 10，每秒执行 10 次后台任务"
    )  # the other sentence is cut, the own one kept whole
    assert own_part(two, ["hz 默认 10"], fine=not_saying("默认 0", "每秒")) == "hz 默认 10"
    leaning = "every backend is a process, so keep max_conn low — use a pooler (port 6432)"
    # "so …" keeps the clause it leans on
    text = f"max_conn default 100. {leaning}"
    assert own_part(text, ["6432"], fine=not_saying("100")) == leaning
    assert own_part(leaning, ["pooler"], fine=not_saying("process")) == (
        "so keep max_conn low — use a pooler (port 6432)"
    )
    assert own_part("only one thing is said here", ["one thing"]) is None
    # where the rest holds stays in front of a cut clause
    setting = "In the gateway, a route is matched first, then the filters run"
    assert own_part(setting, ["a route"], fine=not_saying("filters")) == (
        "In the gateway, a route is matched first"
    )
    # a key alone may stand in any clause: cut to the sentence, never inside it
    prose = "X lets users read, write, and delete data. Y is the other service."
    assert own_part(prose, ["X"], clauses=False, fine=not_saying("Y")) == (
        "X lets users read, write, and delete data."
    )


def test_two_questions_of_one_statement_are_not_both_asked() -> None:
    text = """# CORS

## Response headers

- Access-Control-Allow-Origin —— 允许的源，* 或者具体的 origin
- Access-Control-Allow-Headers —— 允许的请求头
- Access-Control-Expose-Headers —— 浏览器脚本能读到哪些响应头
- Access-Control-Max-Age —— 预检结果缓存多少秒
"""
    chosen = generate_document("cors.md", text).chosen
    for (ca, a), (cb, b) in permutations(chosen, 2):
        if ca.fact.id != cb.fact.id:
            assert not answers(a.explanation, b, cb.fact.subject), (a.prompt, b.prompt)


def test_a_blank_with_its_lines_subject_in_front_is_told_by_its_clause() -> None:
    from questions.bank import BankQuestion

    q = BankQuestion(
        id="q",
        topic="t",
        prompt="填空：DNS over TLS：___ 的查询在 853 端口上加密，防火墙容易识别",
        choices=("DoT", "DoH", "DNSSEC"),
        answer=0,
    )
    said = "DoH 走 HTTPS 443 端口，外面看起来像普通网页流量。但是 DoT 的查询在 853 端口上加密，防火墙容易识别"
    assert answers(said, q, "")
    assert not answers("DoT 是一种加密查询", q, "")
