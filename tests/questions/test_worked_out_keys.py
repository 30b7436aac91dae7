"""A number the stem itself adds up is no recall (issue #13, review 15): "128 + 9 -> SIGKILL"
asked for 137 is answered by arithmetic. Notes: tests/questions/notes/unix-exit-codes.md."""

from __future__ import annotations

from pathlib import Path

from questions.cues import works_out
from questions.generate import generate_document, generate_from_texts
from questions.values import numbers_in, parse_number

NOTES = Path(__file__).parent / "notes" / "unix-exit-codes.md"


def test_an_operation_that_gives_the_key_works_it_out() -> None:
    assert works_out("128 + 9 -> SIGKILL", 137)
    assert works_out("4 × 1048576", 4194304)
    assert works_out("16 pages of 4 x 4096", 16384)
    assert works_out("3/4 of the pool", 0.75)
    assert not works_out("128 + 9 -> SIGKILL", 143)
    assert not works_out("ports 10-20", -10)  # a range is no difference
    assert not works_out("v1.2 + 3", 4.2)  # a version is no operand
    assert not works_out("x / 0", 0)


def test_no_number_question_holds_the_sum_of_its_key() -> None:
    text = NOTES.read_text(encoding="utf-8")
    bank, _ = generate_from_texts([("n.md", text)], "b")
    assert len(bank.questions) >= 4
    for q in bank.questions:
        key = parse_number(q.choices[q.answer])
        if key is not None:
            assert not works_out(q.prompt, key.value), (q.prompt, q.choices)
        # nor the other way round: "Which description fits 137?" / "128 + 9 -> SIGKILL"
        for n in numbers_in(q.prompt):
            assert not works_out(q.choices[q.answer], n.value), (q.prompt, q.choices)
    result = generate_document("t.md", text)
    assert any(d.reason == "stem works the answer out" for d in result.dropped)


def test_a_number_the_stem_sums_to_is_worked_out() -> None:
    """Redis notes: "Cluster 总线端口 = 数据端口 + ___，即 16379" beside 6379 is 10000 by
    subtraction, "___ 拆成 16 bit + 8 bit" is 24 bit by addition."""
    from questions.cues import sums_to

    port = "默认端口：6379（Cluster 总线端口 = 数据端口 + ___，即 16379）"
    assert sums_to(port, "10000", ["5000", "6000", "7500"])
    lfu = "LFU：___ 拆成 16 bit 时间 + 8 bit 对数计数器"
    assert sums_to(lfu, "24 bit", ["3 bit", "6 bit", "12 bit"])
    # another unit's numbers, or a stem that sums nothing, work nothing out
    assert not sums_to("LFU：___ 拆成 16 ms 时间 + 8 ms 计数", "24 bit", ["3 bit", "6 bit"])
    assert not sums_to("3 replicas in 2 zones hold ___ copies", "5", ["4", "6"])
    # a wrong option worked out as well (16 - 8) leaves the key one of two sums
    assert not sums_to(lfu, "24 bit", ["8 bit", "12 bit", "128 bit"])
    assert not sums_to(lfu, "24 bit or 32 bit", ["3 bit", "6 bit"])  # a key of one number only
