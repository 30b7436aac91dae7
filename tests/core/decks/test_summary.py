"""The summary an admin reads after making a deck from notes: questions per section, sections
that gave none, what the gates dropped and why; no zero rows; within the platforms' limits."""

from __future__ import annotations

import re
from collections import Counter

from bot.core.decks.summary import SUMMARY_MAX, generated_summary, notes_summary
from questions.bank import BankQuestion
from questions.generate import generate_from_texts
from tests.core.decks.support import K8S_NOTES, PG_NOTES, per_topic

COUNT_LINE = re.compile(r"^ +(\d+)  \S")


def test_questions_per_section_and_what_was_dropped_and_why() -> None:
    for file, notes in (("k8s.md", K8S_NOTES), ("pg.md", PG_NOTES)):
        bank, report = generate_from_texts([(file, notes)], "deck")
        lines = generated_summary(bank.questions, report, file).splitlines()
        sections = [f"  {n:>4}  {t}" for t, n in per_topic(bank.questions).items()]
        assert lines[: 2 + len(sections)] == [
            f"{len(bank.questions)} questions from {file}",
            "By section:",
            *sections,
        ]
        for key in report.sections_without_questions:  # "pg.md: X" shown as "X"
            assert f"  {key.removeprefix(f'{file}: ')}" in lines
        dropped = lines.index(f"Dropped by the quality gates: {len(report.dropped)}")
        reasons = report.dropped_by_reason
        assert lines[dropped + 1 : dropped + 1 + len(reasons)] == [
            f"  {n:>4}  {reason}"
            for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        counts = [int(m[1]) for line in lines if (m := COUNT_LINE.match(line))]
        assert counts and 0 not in counts  # no "default 0" row, nor an empty "(no heading)"
        assert "(no heading)" not in lines and "By generator:" not in lines


def question(i: int, topic: str) -> BankQuestion:
    return BankQuestion(f"q{i}", topic, f"Question {i}?", ("a", "b"), 0)


def test_a_long_file_s_summary_fits_and_says_what_it_left_out() -> None:
    questions = [question(i, f"Section {i // 2} " + "x" * 70) for i in range(600)]
    empty = [f"Empty section {i}" for i in range(400)]
    dropped = Counter({f"reason {i}": 1000 - i for i in range(12)})
    text = notes_summary(
        questions, "big.md", dropped=dropped, skipped=Counter({"TODO": 9}), empty=empty
    )
    assert len(text) <= SUMMARY_MAX
    lines = text.splitlines()
    assert lines[:3] == [
        "600 questions from big.md",
        "By section:",
        f"     2  Section 0 {'x' * 49}…",
    ]
    shown = [line for line in lines if line.startswith("     2  Section ")]
    assert shown and f"  … and {300 - len(shown)} more" in lines  # the topics list has them
    assert "Sections with no question (400):" in lines
    shown_empty = [line for line in lines if line.startswith("  Empty section ")]
    assert shown_empty and f"  … and {400 - len(shown_empty)} more" in lines
    assert f"Dropped by the quality gates: {dropped.total()}" in lines  # every reason, always
    assert [line for line in lines if "reason" in line] == [
        f"  {1000 - i:>4}  reason {i}" for i in range(12)
    ]
    assert lines[-2:] == ["Skipped in the notes (nothing asked from them):", "     9  TODO"]
