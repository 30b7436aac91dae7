"""Unseen notes review (issue #13), MySQL notes: a numbered decision list ("1. 有 PRIMARY KEY
→ 主键", "2. 没有 → …", "3. 都没有 → 隐藏的 6 字节 row id") glued its first case before the
last as if the last answered it: "有 PRIMARY KEY → 主键：都没有 → 隐藏的 ___ row id". A step
that maps a condition to its outcome is a case of its own, not what the next cases answer."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

NOTES = """# DNS notes

## Resolution order

- How the resolver answers a lookup:
  1. name listed in /etc/hosts -> that address
  2. no -> the local cache
  3. neither -> ask the upstream server, giving up after 5 s
- negative answers are cached too

## Retries

1. Send the query over UDP
2. truncated -> retry over TCP within 2 s
"""


def test_a_case_is_no_context_of_the_next_cases() -> None:
    facts = [f for f in extract(parse_document(NOTES, "x.md")) if f.kind == "number"]
    upstream = next(f for f in facts if f.span == "5 s")
    assert "/etc/hosts" not in upstream.context, upstream.context
    # a step that states an action still leads the condition that answers it
    retry = next(f for f in facts if f.span == "2 s")
    assert retry.context.startswith("Send the query"), retry.context


def test_no_stem_glues_two_cases() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    assert bank.questions
    for q in bank.questions:
        assert "/etc/hosts -> that address:" not in q.prompt, q.prompt


NESTED = """# Raft notes

## Elections

- how a node picks its vote:
  1. candidate's log at least as new → grant
  2. older log → refuse
  3. neither → wait 150 ms and retry
- a leader sends heartbeats every 50 ms
"""


def test_a_case_is_read_under_the_label_it_hangs_from() -> None:
    """MySQL notes: "3. 都没有 → 隐藏的 6 字节 row id" under "选谁当聚簇索引：" was asked as
    "【聚簇索引 vs 二级索引】都没有 → 隐藏的 ___ row id": neither of what? The label it hangs
    from says."""
    facts = [f for f in extract(parse_document(NESTED, "x.md")) if f.kind == "number"]
    wait = next(f for f in facts if f.span == "150 ms")
    assert wait.context.startswith("how a node picks its vote"), wait.context


SCENARIOS = """# Storage scenarios

## 真题

- 多个 AZ 的 Linux EC2 要共享文件系统 → **EFS**
- Windows 应用要共享存储 + AD 集成 → **FSx for Windows File Server**
- HPC 要处理 S3 里的数据，高性能并行文件系统 → **FSx for Lustre**
- 审计日志存 7 年，几乎不看，最便宜 → **Glacier Deep Archive**
"""


def test_a_case_opening_with_a_name_is_no_definition_of_that_name() -> None:
    """ "Windows 应用要… → **FSx for Windows**" and "HPC 要处理… → **FSx for Lustre**" are cases
    the marked name answers; "Windows" and "HPC" are no terms the rest defines."""
    facts = extract(parse_document(SCENARIOS, "s.md"))
    subjects = {f.subject for f in facts if f.kind == "definition"}
    assert not subjects & {"Windows", "HPC"}, subjects
    bank, _ = generate_from_texts([("s.md", SCENARIOS)], "s")
    keys = {q.choices[q.answer] for q in bank.questions}
    assert not keys & {"Windows", "HPC"}, keys
