"""Questions and options that tell each other: two true/false statements of one term ("UP is
described as …" twice), one amount written twice ("interval 7 days" beside "7 days (168
hours)"), a line defining two terms side by side (`LAG` / `LEAD`), which supports each only
through its own clause, and a word every description of a set uses ("属性" of 1NF-BCNF),
which tells none of them apart."""

from __future__ import annotations

from pathlib import Path

from questions.context_refs import refers_to_context
from questions.distractors import acceptable
from questions.generate import generate_document
from questions.quantities import amount

NOTES = Path(__file__).parent / "notes"


def _chosen(name: str) -> list:
    text = (NOTES / name).read_text(encoding="utf-8")
    return [q for _, q in generate_document(name, text).chosen]


def test_no_two_statements_speak_of_one_term() -> None:
    for name in ("metrics-kinds.md", "devtools-odds.md", "git-cheatsheet.md", "linux-storage.md"):
        statements = [q.prompt for q in _chosen(name) if q.kind == "truefalse"]
        subjects = [p.split(" is described as ")[0] for p in statements if " is described as " in p]
        assert len(subjects) == len(set(subjects)), (name, statements)
        tar = [p for p in statements if "tar -" in p]
        assert len(tar) <= 1, tar


def test_one_amount_written_twice_is_one_option() -> None:
    assert amount("interval 7 days") == amount("7 days (168 hours)")
    assert amount("interval 7 days") != amount("interval 30 days")
    assert amount("99% (99.5%)") != amount("99% (99.9%)")
    assert amount("DB_ROW_ID (6B)") is None
    assert amount("7 days, then archived to Glacier") is None
    assert not acceptable("7 days (168 hours)", "interval 7 days", [])
    assert acceptable("interval 30 days", "interval 7 days", [])


def test_a_line_defining_two_terms_supports_each_through_its_own_clause() -> None:
    qs = _chosen("sql-syntax-zh.md")
    lag = [q for q in qs if q.choices and q.choices[q.answer] == "LAG(col, 1)"]
    assert lag, [q.prompt for q in qs]
    # its explanation is its own clause, not the line that also answers LEAD's question
    assert lag[0].explanation == "LAG(col, 1) reads the previous row"


def test_a_word_every_description_uses_tells_none_apart() -> None:
    text = """# DB

## 范式

- 1NF：属性不可再分
- 2NF：消除非主属性对码的部分函数依赖
- 3NF：消除非主属性对码的传递函数依赖
- BCNF：消除主属性对码的部分和传递依赖

## 可靠性

- MTBF：平均无故障间隔时间
- MTTR：平均修复时间
"""
    r = generate_document("n.md", text)
    first = [c for c in r.candidates if c.style == "reverse" and c.answer_text == "1NF"]
    assert first and {"2NF", "3NF", "BCNF"} <= set(first[0].options), first


def test_a_pronoun_for_the_line_before_points_at_it() -> None:
    assert refers_to_context("drops those and keeps the rest")
    assert refers_to_context("keeps the rest")
    assert not refers_to_context("drops those labels from the result")
    assert not refers_to_context("Use them wisely in prod to cut cost")
