"""Notes in the shapes people take them beside a course or a notebook: lines stamped with the
video's time ("[05:12] LRS 3 copies in one DC"), a comparison grid with an empty corner over
lowercase aspects, a notebook's printed results under the query that made them, a practice
question's lettered choices and answer key, and a mind map's generic branch labels ("定义",
"典型"). Each is read as what it is: the stamps are no words, each stamped line is a note of
its own, and printed rows, choices and labels are asked nothing."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.tables import analyse

LECTURE = """# AZ-104 course, my notes

## 03 – Storage accounts [12:40]

[00:15] SA name: **3–24 chars**, lowercase letters + numbers only, globally unique
[01:00] acct types:
- **Standard general-purpose v2** — blobs, files, queues, tables
- Premium block blobs, Premium file shares, Premium page blobs

[02:40] default limits: 250 SAs per region per sub, max **5 PiB** per acct
[04:25] redundancy options:
[05:12] LRS 3 copies in one DC in primary region. cheapest
(06:30) ZRS 3 copies sync across 3 availability zones
  in the primary region, 12 nines

## 04 – Blob tiers [16:05]

[00:40] access tiers: Hot, Cool (30 days min), Cold (90 days min), Archive (180 days min)
[02:10] rehydration from archive: Standard priority up to **15 hrs**, High priority under **1 hr**
"""


def _texts(text: str) -> list[str]:
    return [b.inline.text for b in parse_document(text, "n.md").blocks if b.inline]


def test_each_stamped_line_is_a_note_of_its_own_without_its_stamp() -> None:
    texts = _texts(LECTURE)
    assert "default limits: 250 SAs per region per sub, max 5 PiB per acct" in texts
    assert "LRS 3 copies in one DC in primary region. cheapest" in texts
    # a line with no stamp wraps the stamped line above it
    assert "ZRS 3 copies sync across 3 availability zones in the primary region, 12 nines" in texts
    assert not any("[0" in t or "(06:30)" in t for t in texts)


def test_a_heading_keeps_neither_its_time_nor_its_video_number() -> None:
    doc = parse_document(LECTURE, "n.md")
    assert [s.heading for s in doc.sections if s.level == 2] == [
        "03 – Storage accounts",
        "04 – Blob tiers",
    ]
    r = generate_document("n.md", LECTURE)
    prompts = [q.prompt for _, q in r.chosen]
    assert prompts
    assert not any("[" in p and ":" in p.split("[", 1)[1][:4] for p in prompts), prompts
    assert not any(
        p.split(": ", 1)[-1].startswith("–") or "— –" in p or ": –" in p for p in prompts
    ), prompts


def test_a_stamped_line_ending_in_a_colon_leads_the_list_under_it() -> None:
    doc = parse_document(LECTURE, "n.md")
    standard = next(
        b for b in doc.blocks if b.inline and b.inline.text.startswith("Standard general")
    )
    assert standard.lead is not None and standard.lead.text == "acct types:"


def test_a_time_of_day_in_prose_is_kept() -> None:
    texts = _texts("## Backups\n\nThe nightly backup runs at 02:00 UTC and keeps 7 copies.\n")
    assert texts == ["The nightly backup runs at 02:00 UTC and keeps 7 copies."]


GRID = """# Storage

## Redundancy compared

| | copies | where | survives DC loss | survives region loss |
|---|---|---|---|---|
| LRS | 3 | 1 DC | ❌ | ❌ |
| ZRS | 3 | 3 AZs | ✅ | ❌ |
| GRS | 6 | 1 DC + paired region | ✅ | ✅ after failover |
| GZRS | 6 | 3 AZs + paired region | ✅ | ✅ after failover |
"""


def test_an_empty_corner_over_lowercase_aspects_keys_the_rows() -> None:
    block = next(b for b in parse_document(GRID, "n.md").blocks if b.kind == "table")
    table = analyse(block.table)
    assert table is not None and not table.transposed
    assert table.keys == ("LRS", "ZRS", "GRS", "GZRS")
    r = generate_document("n.md", GRID)
    for _, q in r.chosen:
        assert "survives" not in " ".join(q.choices), q
        assert not any(k in q.prompt for k in ("of copies", "of where", "of survives")), q.prompt


def test_an_empty_corner_over_names_still_compares_the_columns() -> None:
    text = GRID.replace(
        "| | copies | where | survives DC loss | survives region loss |",
        "| | Azure | AWS | GCP | OCI |",
    )
    block = next(b for b in parse_document(text, "n.md").blocks if b.kind == "table")
    table = analyse(block.table)
    assert table is not None and table.transposed and table.keys == ("Azure", "AWS", "GCP", "OCI")


NOTEBOOK = """# Delta deep dive

## History

```sql
%sql
DESCRIBE HISTORY students
```

| version | timestamp | operation | operationParameters |
|---|---|---|---|
| 6 | 2024-05-14T09:12:41 | DELETE | predicate: value > 6 |
| 5 | 2024-05-14T09:12:38 | UPDATE | predicate: name LIKE T% |
| 4 | 2024-05-14T09:12:35 | WRITE | mode: Append |
| 0 | 2024-05-14T09:12:26 | CREATE TABLE | isManaged: true |

Every commit writes one JSON file to `_delta_log/`; every **10 commits** Delta writes a Parquet checkpoint.

```python
display(spark.table("students").limit(3))
```

| id | name | value |
|---|---|---|
| 1 | Yve | 1.0 |
| 2 | Omar | 2.5 |
| 3 | Elia | 3.3 |

## Defaults

```sql
SET spark.databricks.delta.retentionDurationCheck.enabled = false;
```

| setting | default | what it controls |
|---|---|---|
| VACUUM retention | 7 days | minimum age of removed files before VACUUM deletes them |
| `delta.logRetentionDuration` | 30 days | how long the JSON log history is kept |
| `delta.checkpointInterval` | 10 | commits between two checkpoints |
"""


def test_rows_a_query_printed_are_asked_nothing() -> None:
    r = generate_document("n.md", NOTEBOOK)
    texts = [" ".join([q.prompt, *q.choices]) for _, q in r.chosen]
    assert texts
    for t in texts:
        assert not any(
            w in t for w in ("Yve", "Omar", "2024-05-14", "isManaged", "operationParameters")
        ), t
    noise = [n.reason for n in r.doc.noise]
    assert noise.count("example output") == 2


def test_a_table_under_code_that_prints_nothing_is_content() -> None:
    r = generate_document("n.md", NOTEBOOK)
    asked = " ".join(" ".join([q.prompt, *q.choices]) for _, q in r.chosen)
    assert "30 days" in asked or "logRetentionDuration" in asked


PRACTICE = """# Pharm

## Cardiac drugs

- Digoxin: therapeutic level 0.5–2.0 ng/mL; hold if apical pulse < 60
- Warfarin: monitor INR, target 2–3; antidote vitamin K
- Heparin: monitor aPTT; antidote protamine sulfate

## Practice

1. A client takes digoxin 0.25 mg daily. Which findings should the nurse report? (SATA)

A. Apical pulse 54/min<br>
B. Serum K+ 3.1 mEq/L<br>
C. Nausea and yellow halos<br>
D. Digoxin level 1.2 ng/mL<br>
E. BP 128/76 mmHg<br>
**Answer: A, B, C.** D is within 0.5–2.0 ng/mL; E is normal.

2. Which findings show magnesium toxicity? A. Absent reflexes B. Respiratory rate 10/min C. Urine output 20 mL/hr D. Serum magnesium 5.5 mEq/L

Answer: A, B, C. 5.5 is therapeutic (4–7).
"""


def test_a_practice_questions_choices_and_key_are_asked_nothing() -> None:
    r = generate_document("n.md", PRACTICE)
    reasons = [n.reason for n in r.doc.noise]
    assert "practice question" in reasons and "answer key" in reasons
    for _, q in r.chosen:
        t = " ".join([q.prompt, *q.choices])
        assert not any(w in t for w in ("54/min", "1.2 ng", "128/76", "20 mL/hr", "5.5")), t
    assert any("Digoxin" in q.prompt or "Digoxin" in q.choices for _, q in r.chosen)


def test_a_list_lettered_from_another_letter_is_content() -> None:
    text = "## Vitamins\n\n- A: vision, found in carrots\n- K: clotting, found in leafy greens\n- D: bones, made in the skin from sunlight\n"
    assert all(b.noise is None for b in parse_document(text, "n.md").blocks)


MIND_MAP = """# 系统架构设计师

- 软件架构
  - 定义：构件 + 连接件 + 约束
  - 作用：沟通载体、最早设计决策、可复用抽象
- 黑板系统
  - 组成：知识源、黑板、控制
  - 典型：语音识别、模式识别
- 管道-过滤器
  - 特点：增量数据、过滤器独立
  - 优点：复用、易扩展、支持并发
- 架构评估方法
  - SAAM：最早的基于场景的方法，关注可修改性
  - ATAM：关注性能、可用性、安全性、可修改性
  - CBAM：成本收益分析方法
"""


def test_a_mind_maps_branch_labels_are_no_answers() -> None:
    r = generate_document("n.md", MIND_MAP)
    assert r.chosen
    for _, q in r.chosen:
        assert not {"定义", "组成", "典型", "特点", "作用", "优点"} & set(q.choices), q
