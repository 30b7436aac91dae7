"""A cheat sheet that picks a thing for a need ("relational + regional -> Cloud SQL") is asked
need first: "Which of these fits “analytics/OLAP”?" among the list's other picks. A flow
between names ("Pod -> Service") and a list with a repeated pick are no pick lists."""

from __future__ import annotations

from questions.facts.picks import pick_facts
from questions.generate import generate_document
from questions.parse.markdown import parse_document

AZURE_PICKS = """# Azure data notes

## Which database

which one to pick:
- relational, lift and shift of SQL Server -> Azure SQL Managed Instance
- globally distributed NoSQL with five consistency levels -> Cosmos DB
- big analytics over a data warehouse -> Synapse Analytics
- cheap key-value rows keyed by partition and row -> Table Storage
- in-memory cache in front of a database -> Azure Cache for Redis
"""

MQ_ZH = """# 消息队列笔记

## 选型

- 高吞吐日志收集、流处理 → Kafka
- 复杂路由、延迟低、中小规模 → RabbitMQ
- 金融级事务消息、阿里系 → RocketMQ
- 云上免运维、按量付费 → SQS
"""

TRUTH = {
    "Azure SQL Managed Instance": "lift and shift", "Cosmos DB": "five consistency levels",
    "Synapse Analytics": "data warehouse", "Table Storage": "key-value rows",
    "Azure Cache for Redis": "in front of a database", "Kafka": "高吞吐", "RabbitMQ": "复杂路由",
    "RocketMQ": "事务消息", "SQS": "免运维",
}  # fmt: skip


def test_each_line_of_a_pick_list_describes_its_pick() -> None:
    facts = pick_facts(parse_document(AZURE_PICKS, "t.md").content)
    assert [(f.subject, f.value.split(",")[0]) for f in facts][:2] == [
        ("Azure SQL Managed Instance", "relational"),
        ("Cosmos DB", "globally distributed NoSQL with five consistency levels"),
    ]
    assert all(len(f.siblings) == 4 and f.subject not in f.siblings for f in facts)


def test_picks_are_asked_by_their_need_in_either_language() -> None:
    for notes, lang in ((AZURE_PICKS, "en"), (MQ_ZH, "zh")):
        r = generate_document("t.md", notes)
        picks = [(c, q) for c, q in r.chosen if "pick" in c.fact.extra and c.style == "reverse"]
        assert len(picks) >= 2, [q.prompt for _, q in r.chosen]
        for c, q in picks:
            key = q.choices[q.answer]
            assert TRUTH[key] in q.prompt, (q.prompt, key)
            assert all(o in TRUTH for o in q.choices), q.choices
            assert c.lang == lang
            said = "fits “" if lang == "en" else "应该选"
            assert said in q.prompt, q.prompt


def test_a_flow_or_a_repeated_pick_is_no_pick_list() -> None:
    flow = """# K8s

## Traffic

- Ingress -> Service
- Service -> Endpoints
- Endpoints -> Pod
"""
    repeated = """# Picks

## Storage

- small files, many reads -> S3
- big archives kept for years -> Glacier
- static website assets -> S3
"""
    for notes in (flow, repeated):
        assert pick_facts(parse_document(notes, "t.md").content) == []
