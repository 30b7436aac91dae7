"""A clause that goes on from the one before it says nothing alone: a Chinese description
opening with 之后 / 然后 / 所以 ("之后动态调整" of a setting's first threshold), and a line that
says a rule holds likewise ("JDK 9+ 同理，…") without saying the rule."""

from __future__ import annotations

from questions.context_refs import refers_to_context
from questions.generators.definitions import standalone


def test_a_chinese_clause_that_goes_on_from_the_one_before_is_no_description() -> None:
    assert not standalone("之后动态调整，由 GC 决定")
    assert not standalone("然后再把存活对象复制过去")
    assert standalone("首次触发元空间 GC 的高水位线")


def test_likewise_points_at_the_rule_before() -> None:
    assert refers_to_context("JDK 9+ 同理，非 server-class 机器默认 Serial 而不是 G1")
    assert not refers_to_context("不同理念的收集器")
