"""A number said in an example ("eg delete an object on day 10", 'rules eg "… after 90d"') is
made up for it and never asked; a heading that only says how the notes are kept ("Numbers to
remember") labels no stem, and no step stem keeps a heading's section number."""

from __future__ import annotations

import re

from questions.generate import generate_document

STORAGE = """# Object storage notes

## Storage classes

- Infrequent class: minimum storage duration 30 days, retrieval is billed per GB
- Cold class: minimum storage duration 90 days, retrieval costs more than the infrequent class
- deleting early still bills the minimum duration (eg delete a cold object on day 12 = pay 90 days)
- lifecycle rules, eg "move to the cold class after 45d", "delete after 400d", can only move to a colder class
- an object can be at most 5 TiB, and a single upload request at most 5 GiB

## Numbers to remember

- Default request timeout is 60 seconds
- At most 1000 objects are returned per list page

## 3. Upload workflow

1. Create the bucket in the region nearest the users
2. Enable versioning before the first upload
3. Upload the objects with the multipart API
4. Set the lifecycle rules on the bucket
5. Turn on access logging to a second bucket
"""


def test_values_said_in_examples_are_never_asked() -> None:
    r = generate_document("t.md", STORAGE)
    numbers = {q.choices[q.answer] for c, q in r.chosen if c.generator == "number"}
    assert numbers, [q.prompt for _, q in r.chosen]
    assert not numbers & {"12", "day 12", "45d", "400d"}, numbers
    assert numbers & {"30 days", "90 days", "5 TiB", "5 GiB", "60 seconds", "1000"}, numbers


def test_a_heading_of_how_the_notes_are_kept_labels_nothing() -> None:
    r = generate_document("t.md", STORAGE)
    asked = [q.prompt for c, q in r.chosen if c.fact.section.heading == "Numbers to remember"]
    assert asked, [q.prompt for _, q in r.chosen]
    assert not any("remember" in p.casefold() for p in asked), asked


def test_a_step_stem_drops_the_section_number() -> None:
    r = generate_document("t.md", STORAGE)
    steps = [q.prompt for c, q in r.chosen if c.generator == "step"]
    assert steps, [q.prompt for _, q in r.chosen]
    assert all(not p.startswith("3.") for p in steps), steps
    assert any(p.startswith("Upload workflow: ") for p in steps), steps


def test_no_operand_or_result_of_a_worked_sum_is_asked() -> None:
    """ "MSS = 1500 − 20(IP) − 20(TCP) = 1460": blank an operand or the result and the rest of
    the sum gives it away, whatever sign the notes write minus with."""
    notes = """# Networking

## Frame sizes

- the default Ethernet MTU is 1500 bytes, and the TCP MSS is usually = 1500 − 20(IP) − 20(TCP) = 1460
- jumbo frames raise the MTU to 9000 bytes on links that all support them
- 以太网 MTU 默认 1500 字节，TCP MSS 一般 = 1500 − 20(IP) − 20(TCP) = 1460
"""
    r = generate_document("t.md", notes)
    asked = [q.prompt for c, q in r.chosen if c.generator == "number"]
    assert asked, [q.prompt for _, q in r.chosen]
    assert not any(re.search(r"___\s*−|[−=]\s*___", p) for p in asked), asked


def test_an_aside_telling_the_writer_to_learn_a_line_is_not_said() -> None:
    """ "关键参数（背！）：" leads a list: the stems said "（背！）" ("memorize!") before each blank."""
    notes = """# Java 集合

## HashMap

关键参数（背！）：

- 默认容量 16，必须是 2 的幂
- 负载因子 0.75，超过就扩容
- 链表长度到 8 且数组长度至少 64 才树化
"""
    r = generate_document("t.md", notes)
    asked = [q.prompt for _, q in r.chosen]
    assert asked, "nothing asked"
    assert not any("背" in p for p in asked), asked


ESTIMATE = """# Kafka sizing

## Partitions

- one partition is consumed by at most one consumer of a group
- 估算：每个分区 10 MB/s，目标 200 MB/s → 大约 20 个分区
- back-of-the-envelope math: 3 brokers × 4000 partitions → 12000 leaders to elect after a crash
- the default replication factor for new topics is 1
"""


def test_values_of_a_worked_estimate_are_never_asked() -> None:
    """MySQL notes: "估算：页 16KB，bigint 主键 8B + 指针 6B ≈ 14B → 一页约 1170 个指针" was asked
    "页 ___" beside the page size's own question: an estimate's numbers are its inputs."""
    r = generate_document("k.md", ESTIMATE)
    numbers = {q.choices[q.answer] for c, q in r.chosen if c.generator == "number"}
    assert numbers, [q.prompt for _, q in r.chosen]
    assert not numbers & {"10 MB", "10 MB/s", "200 MB/s", "20", "3", "4000", "12000"}, numbers


REPORTED = """# Storage notes

## Facts

- Intelligent-Tiering used to have a 30-day minimum, removed in 2021. Older practice tests may still say 30.
- 100s of TB and a slow network → ship a Snowball Edge
- a single PUT uploads at most 5 GB
"""


def test_reported_and_plural_numbers_are_never_asked() -> None:
    """AWS storage notes: "Older practice tests may still say ___" -> 30 and "___ of TB" ->
    100s (offered as 75s / 150s / 200s, seconds) asked what others say and a plural."""
    r = generate_document("s.md", REPORTED)
    prompts = [q.prompt for _, q in r.chosen]
    assert prompts
    for p in prompts:
        assert "may still say ___" not in p and "___ of TB" not in p, p
