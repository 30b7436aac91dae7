"""A cheat sheet flags its lines with exam remarks and files them under its own words:
"Gotcha: TFTP is UDP 69", "Exam tip: … → migrate to gp3", "真题型：甲向乙连续发送两个报文段…",
"visuals cheat:" over "trend over time → line", "tradeoff: more joins on read". Session 40's
review read each as a label pasted into the stem or offered as an answer ("Which of these has
this property: “trend over time → line”?" -> visuals cheat). The remark is no term and no
label of a group, and a cloze is asked without it."""

from __future__ import annotations

from questions.facts.definitions import remark_label
from questions.generate import generate_document
from questions.stems import cloze

NOTES = """# Cram sheet

## Ports

- Gotcha: TFTP runs on UDP port **69**, not TCP.
- Exam tip: SSH listens on port **22** by default

## Normal forms

- 1NF: atomic values, no repeating groups
- 2NF: no partial dependency on a composite key
- 3NF: no transitive dependency
- BCNF: every determinant is a candidate key
- tradeoff: more joins on read, but cleaner writes

## Power BI visuals

- visuals cheat:
  - compare categories → bar chart
  - trend over time → line chart
- report:
  - many pages, interactive
  - built in Power BI Desktop

## 3.5 可靠传输

> 真题型：甲向乙连续发送两个报文段，序号分别为 70 和 100，第一个报文段携带 **30 字节**数据。
"""


def test_exam_remarks_and_cheat_words_are_remark_labels() -> None:
    for label in ("visuals cheat", "Key stuff", "tradeoff", "真题型", "真题"):
        assert remark_label(label), label
    for name in ("Load balancer", "sidecar", "TCP", "真空"):
        assert not remark_label(name), name


def test_a_cloze_leaves_out_an_exam_remark() -> None:
    assert cloze("Gotcha: TFTP runs on UDP ___", "en") == "Fill in the blank: TFTP runs on UDP ___"
    assert cloze("Exam tip: SSH listens on ___", "en") == "Fill in the blank: SSH listens on ___"
    assert cloze("真题型：第一个报文段携带 ___数据", "zh") == "填空：第一个报文段携带 ___数据"
    # after the name the line is said of, too
    assert cloze("CORS：常见坑：预检直接 ___", "zh") == "填空：CORS：预检直接 ___"


def test_no_remark_is_asked_offered_or_pasted_in() -> None:
    chosen = [q for _, q in generate_document("cram.md", NOTES).chosen]
    assert chosen
    for q in chosen:
        text = " ".join([q.prompt, *q.choices])
        for remark in ("Gotcha", "Exam tip", "真题型", "visuals cheat", "tradeoff"):
            assert remark not in text, q


def test_a_line_that_points_back_is_not_asked_alone() -> None:
    """ "其他情况浏览器先发 preflight 预检：一个 ___ 请求" and "Above that you must use multipart
    upload …": other than what? (session 40's reviews, broken)."""
    from questions.generators.numbers import subjectless

    for text in ("其他情况浏览器先发 preflight 预检：一个 ___ 请求", "Above that you must use ___",
                 "Otherwise the job waits ___ s", "此时窗口减半为 ___"):  # fmt: skip
        assert subjectless(text), text
    for text in ("其他字段默认为 ___", "Abovenet keeps ___ copies", "The job waits ___ s"):
        assert not subjectless(text), text
