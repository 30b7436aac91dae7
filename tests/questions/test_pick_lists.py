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


def _picks(lines: list[str]) -> list[tuple[str, str]]:
    notes = "# Notes\n\n## Picks\n\n" + "".join(f"- {line}\n" for line in lines)
    return [(f.value, f.subject) for f in pick_facts(parse_document(notes, "t.md").content)]


def test_a_pick_is_a_need_an_arrow_and_a_short_name() -> None:
    four = ["cheap archive -> Glacier Deep Archive Tier", "hot objects -> S3 Standard",
            "shared files -> EFS"]  # fmt: skip
    assert _picks(four) == [("cheap archive", "Glacier Deep Archive Tier"),
                            ("hot objects", "S3 Standard"), ("shared files", "EFS")]  # fmt: skip
    five = ["cheap archive -> Glacier Deep Archive Storage Tier", *four[1:]]
    assert _picks(five) == []  # one line no pick: two of three are too few
    # a need that opens with a capital is a need all the same; a lone name is a flow's step
    caps = ["Relational and regional -> Cloud SQL", "OLAP analytics -> BigQuery",
            "NoSQL documents -> Firestore"]  # fmt: skip
    assert [n for n, _ in _picks(caps)] == ["Relational and regional", "OLAP analytics",
                                            "NoSQL documents"]  # fmt: skip
    assert _picks(["analytics -> BigQuery", "caching -> Memorystore", "queues -> Pub/Sub"])
    assert _picks(["Ingress -> Service", "caching -> Memorystore", "queues -> Pub/Sub"]) == []


def test_a_pick_list_is_most_of_its_list() -> None:
    picks = ["hot data -> Standard", "monthly backups -> Nearline", "yearly archive -> Archive"]
    remarks = ["all classes share one latency", "lifecycle rules move objects down",
               "versioning keeps old copies"]  # fmt: skip
    assert len(_picks([*picks, *remarks[:2]])) == 3  # three of five
    assert _picks([*picks, *remarks]) == []  # three of six: half is not most


def test_a_pick_fact_keeps_its_line_and_its_siblings() -> None:
    notes = "# N\n\n## Picks\n\n- hot data -> Standard\n- monthly backups -> Nearline\n- yearly archive -> Archive\n"
    facts = pick_facts(parse_document(notes, "t.md").content)
    first = facts[0]
    assert (first.kind, first.role, first.line, first.extra) == ("definition", "term", 5, ("pick",))
    assert first.sentence == "hot data -> Standard" and first.span == "Standard"
    assert first.siblings == ("Nearline", "Archive")
    assert first.sibling_values == ("monthly backups", "yearly archive")
    assert first.group.startswith("g")


DECISIONS = """# GCP data engineer

## Basics

- Dataflow runs Apache Beam pipelines
- Pub/Sub keeps messages 7 days by default

## Other processing services

- If you have existing **Hadoop / Spark / Hive** jobs → **Dataproc** (use GCS instead of HDFS)
- Spark without managing clusters → **Dataproc Serverless**
- If you need to **orchestrate** multi-step workflows → **Cloud Composer** (managed Airflow)
- Visual, code-free ETL for business users → **Cloud Data Fusion** (CDAP based)
- Change data capture from MySQL/PostgreSQL → **Datastream** (→ BigQuery / GCS)
"""


def test_a_pick_with_an_aside_after_its_name_is_a_pick() -> None:
    """GCP notes: "… → **Dataproc** (use GCS instead of HDFS)" and four more picks, each with
    an aside, asked nothing: the name had to end the line."""
    facts = pick_facts(parse_document(DECISIONS, "d.md").content)
    picked = {f.subject: f.value for f in facts}
    assert picked.get("Dataproc") == "If you have existing Hadoop / Spark / Hive jobs", picked
    assert picked.get("Cloud Composer", "").startswith("If you need to orchestrate"), picked
    assert "Datastream" in picked, picked
