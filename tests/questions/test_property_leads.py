"""A lead that ends in a property's name ("ALB routing", "HC defaults", "CIDR size") labels what
its line says of a thing named before it: it is never asked as the term its line describes
nor offered beside the notes' terms, while the line's own facts (its numbers) are still
asked under it."""

from __future__ import annotations

import pytest

from questions.facts.extract import property_lead
from questions.generate import generate_from_texts

NOTES = """# Edge notes

## Load balancers

- CLB: previous generation, avoid for new builds
- ALB: layer 7, HTTP/HTTPS/gRPC, targets: instances, IPs, Lambda
- NLB: layer 4, TCP/UDP/TLS, static IP per AZ, millions of requests per second
- GWLB: layer 3 appliances (firewalls, IDS), GENEVE on port 6081
- ALB routing: path, host, header, method, query string. Redirects + fixed responses
- ALB HC defaults: interval 30 s, timeout 5 s, healthy 5, unhealthy 2
"""

LABELS = ("ALB routing", "ALB HC defaults")


@pytest.mark.parametrize(
    ("term", "label"),
    [("ALB routing", True), ("ALB HC defaults", True), ("CIDR size", True),
     ("Default limit", True), ("limits", False), ("NLB", False), ("sticky sessions", False),
     ("Resource limits", True), ("请求 大小", False), ("Alias vs CNAME", True),
     ("SG vs. NACL", True), ("RDB 对比 AOF", True), ("vs code", False), ("口诀", True),
     ("记忆法", True), ("Mnemonic", True), ("定期", False)],
)  # fmt: skip
def test_property_lead(term: str, label: bool) -> None:
    assert property_lead(term) is label


def test_property_leads_are_neither_keys_nor_options() -> None:
    bank, _ = generate_from_texts([("edge.md", NOTES)], "edge")
    assert any("30" in q.choices[q.answer] for q in bank.questions if q.kind == "choice")
    for q in bank.questions:
        assert not set(LABELS) & set(q.choices), (q.prompt, q.choices)


def test_a_need_the_notes_quoted_is_quoted_once() -> None:
    from questions.stems import quoted

    assert quoted('"zone apex to ELB/CloudFront"', "en") == "“zone apex to ELB/CloudFront”"
    assert quoted("zone apex", "en") == "“zone apex”"


ZH = """# Redis 笔记

## 过期删除策略

- 惰性删除：访问 key 时检查，过期就删，CPU 友好
- 定期删除：每秒 10 次随机抽 20 个带过期时间的 key，删掉过期的
- 口诀：惰性省 CPU，定期省内存，两者配合
"""


def test_a_memory_aid_is_no_option() -> None:
    bank, _ = generate_from_texts([("redis.md", ZH)], "redis")
    for q in bank.questions:
        assert not any("口诀" in c for c in q.choices), (q.prompt, q.choices)
