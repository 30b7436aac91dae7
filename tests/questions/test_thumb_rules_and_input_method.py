"""Two classes of the unseen review of session 38: a writer's "rule of thumb:" beside the
things it compares was offered as one of them ("Spanner / rule of thumb / Cloud SQL"), and a
line typed with a Chinese input method but holding no ideograph ("Q0：RR q＝8 ms；Q2：FCFS。")
was asked under an English template in Chinese notes."""

from __future__ import annotations

import pytest

from questions.facts.definitions import remark_label
from questions.generate import generate_document

DATABASES = """# Data engineer notes

## Databases

- Spanner:
    - external consistency via TrueTime, ACID across rows, tables and regions
    - interleaved tables keep child rows next to their parent row
    - secondary indexes with a STORING clause avoid the back-join
- Cloud SQL:
    - read replicas scale reads, a cross-region replica serves disaster recovery
    - high availability keeps a standby in another zone of the same region
    - automated backups, point-in-time recovery needs binary logging
- Bigtable:
    - wide-column store for single-digit millisecond reads at huge scale
    - row key design decides hotspotting, avoid timestamps at the start
    - replication between clusters is eventually consistent
- rule of thumb: relational and global → Spanner; lift and shift of MySQL → Cloud SQL
"""


@pytest.mark.parametrize("label", ["rule of thumb", "Rule of thumb", "rules of thumb"])
def test_a_rule_of_thumb_is_a_remark(label: str) -> None:
    assert remark_label(label)


@pytest.mark.parametrize("term", ["point of sale", "Bill of Materials", "Rule of seven"])
def test_a_name_with_of_is_no_remark(term: str) -> None:
    assert not remark_label(term)


def test_a_rule_of_thumb_is_never_an_option() -> None:
    asked = [q for _, q in generate_document("db.md", DATABASES).chosen if q.choices]
    keys = {q.choices[q.answer] for q in asked}
    assert {"Spanner", "Cloud SQL", "Bigtable"} & keys, [q.prompt for q in asked]
    for q in asked:
        assert not any("thumb" in c for c in q.choices), (q.prompt, q.choices)


SCHEDULING = """# 作業系統

## 多層回饋佇列（MLFQ）

- 三層佇列，新行程先進 Q0，用完時間配額就降一層
- Q0：RR q＝8 ms；Q1：RR q＝16 ms；Q2：FCFS。
- 在低層等太久的行程可以用老化（aging）升回高層
"""


def test_a_line_typed_with_a_chinese_input_method_is_asked_in_chinese() -> None:
    asked = [q for _, q in generate_document("os.md", SCHEDULING).chosen]
    quanta = [q for q in asked if "RR q" in q.prompt]
    assert quanta, [q.prompt for q in asked]
    for q in quanta:
        assert q.prompt.startswith("填空："), q.prompt


MEMORY = """# 操作系统

## 分页

- 页表存放在内存中，页表基址寄存器指向它
- 例题：5 个进程 P0～P4，资源总量 A＝10、B＝5、C＝7
- ★ 例题：分区依次 100K、500K、200K、300K、600K；进程依次 212K、417K、112K、426K
- 若 page 3 → frame 7：物理地址＝7 × 1024＋13＝7181
- 分段：offset ≥ limit → trap；例 segment 2 base＝4300
- TLB 命中率一般在 98% 以上
"""


def test_a_worked_or_supposed_problem_in_chinese_asks_none_of_its_values() -> None:
    # (Taiwanese OS notes of session 38: "例題：…資源總量 A＝___", "若 page 3 → frame 7 …＝___")
    asked = [q for _, q in generate_document("os.md", MEMORY).chosen]
    for q in asked:
        for value in ("10", "100K", "13", "4300"):
            assert q.choices[q.answer] != value, q.prompt
    assert any("98%" in q.choices for q in asked), [q.prompt for q in asked]
