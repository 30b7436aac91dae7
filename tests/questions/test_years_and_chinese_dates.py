"""A year no phrase marks as one ("Boynton (Wis. 1885)", "五四运动 1919 →") takes the notes'
other years as its options, never 2085 or 3752; a Chinese date's month ("1978年___月") takes
months and its day ("4月___日") days, never 15月 or 48日."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.generate import generate_document

CASES = """# Torts cases

## Intentional torts

- Vosburg v. Putney (Wis. 1891) — kick in class, liable for all harm even if unforeseen
- Garratt v. Dailey (Wash. 1955) — intent = knowledge with substantial certainty
- Katko v. Briney (Iowa 1971) — spring gun, no deadly force to protect property only
- Mohr v. Williams (Minn. 1905) — consent to surgery on one ear is not consent to the other

## Negligence

- Palsgraf v. Long Island R.R. (N.Y. 1928) — duty only to the foreseeable plaintiff
- Vaughan v. Menlove (1837) — objective reasonable person standard
- The T.J. Hooper (2d Cir. 1932) — industry custom is not conclusive
- Byrne v. Boadle (1863) — barrel of flour falls, res ipsa loquitur
"""

TIMELINE = """# 近代史时间线

1. 第一次鸦片战争 1840 → 《南京条约》
2. 第二次鸦片战争 1856 → 《天津条约》
3. 甲午中日战争 1894 → 《马关条约》
4. 辛亥革命 1911 → 推翻帝制
5. 五四运动 1919 → 新民主主义革命开端
6. 1978年12月 十一届三中全会 → 改革开放
7. 中国航天日：4月24日（1970年东方红一号发射）
8. 2001年12月11日 正式加入WTO
"""


def _asked(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("notes.md", text).chosen]


def test_a_bare_year_takes_the_notes_years() -> None:
    qs = [q for q in _asked(CASES) if q.choices[q.answer] in ("1891", "1955", "1971", "1928")]
    assert qs, "no year was asked"
    for q in qs:
        years = [int(c) for c in q.choices]
        assert all(1830 <= y <= 1975 for y in years), q.choices
        assert all(c in CASES for c in q.choices), q.choices


def test_a_chinese_timeline_year_takes_years() -> None:
    qs = [q for q in _asked(TIMELINE) if q.choices[q.answer] in ("1840", "1856", "1894", "1919")]
    assert qs, "no year was asked"
    for q in qs:
        assert all(1800 <= int(c) <= 2001 for c in q.choices), q.choices


def test_a_chinese_month_and_day_take_months_and_days() -> None:
    qs = _asked(TIMELINE)
    months = [q for q in qs if "年___月" in q.prompt]
    days = [q for q in qs if "月___日" in q.prompt]
    assert months and days
    for q in months:
        assert all(1 <= int(c) <= 12 for c in q.choices), q.choices
    for q in days:
        assert all(1 <= int(c) <= 31 for c in q.choices), q.choices
