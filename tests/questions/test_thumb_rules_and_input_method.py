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
