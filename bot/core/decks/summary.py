"""The summary an admin reads after a deck is made from a file: how many questions, how many per
section (or topic), the sections that gave none, what the quality gates dropped and why, and what
in the notes was skipped.

Written here rather than taken from the generator's own summary: that one is for whoever tunes
the generator (a row per generator, zero rows included) and its shape changes with the
generator. The per-section counts come from the questions themselves (their topic is their
section), so they always add up to the deck; what was dropped or skipped, and the sections
that gave nothing, come from the generator's report, read in one place (generated_summary).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from questions.bank import BankQuestion

if TYPE_CHECKING:  # the generator is imported where it runs (see work.generate_notes)
    from questions.generate import Report

#: the summary's characters at most: with the notice's own lines (what happened to the deck's
#: rows, the next step) it fits one Slack section (3,000) and a Discord embed (4,096)
SUMMARY_MAX = 2_400
NAME_MAX = 60  # characters of a section name in a list
MORE = "  … and {n} more"


def count_lines(counts: Iterable[tuple[str, int]]) -> list[str]:
    return [f"  {n:>4}  {name}" for name, n in counts]


def by_reason(reasons: Counter[str]) -> list[str]:
    """Most frequent first, then by name, so the same file gives the same summary."""
    return count_lines(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))


def per_topic(questions: Sequence[BankQuestion]) -> list[tuple[str, int]]:
    """Each topic with its number of questions, in the order the file first gives it."""
    return list(Counter(q.topic for q in questions).items())


def fitted(lines: Sequence[str], room: int) -> list[str]:
    """As many of `lines` as `room` characters hold, then how many were left out (the deck's
    topics list shows every topic)."""
    out: list[str] = []
    used = 0
    for shown, line in enumerate(lines):
        last = shown == len(lines) - 1
        more = MORE.format(n=len(lines) - shown)
        if used + len(line) + 1 + (0 if last else len(more) + 1) > room:
            return [*out, more]
        out.append(line)
        used += len(line) + 1
    return out


def size(lines: Sequence[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def short_name(name: str) -> str:
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"


def generated_summary(questions: Sequence[BankQuestion], report: Report, filename: str) -> str:
    """The summary of a generation run: what of the generator's report it shows (the only
    place that reads the report, whose shape changes with the generator)."""
    return notes_summary(
        questions,
        filename,
        dropped=report.dropped_by_reason,
        skipped=Counter(noise.reason for _, noise in report.skipped),
        empty=[section_name(s, filename) for s in report.sections_without_questions],
    )


def notes_summary(
    questions: Sequence[BankQuestion],
    filename: str,
    *,
    dropped: Counter[str],
    skipped: Counter[str],
    empty: Sequence[str],
) -> str:
    """The questions per section, the sections that gave none (`empty`), what the gates
    dropped and what was skipped in the notes, each with why. The total and the reasons
    always; the sections as many as the rest of the room holds, so a long file's summary
    still fits."""
    head = [f"{len(questions)} questions from {filename}", "By section:"]
    tail = [f"Dropped by the quality gates: {dropped.total()}"]
    tail += fitted(by_reason(dropped), SUMMARY_MAX // 4)
    if skipped:
        tail.append("Skipped in the notes (nothing asked from them):")
        tail += fitted(by_reason(skipped), SUMMARY_MAX // 8)
    room = SUMMARY_MAX - size(head) - size(tail)
    sections = count_lines((short_name(t), n) for t, n in per_topic(questions))
    if not empty:
        return "\n".join(head + fitted(sections, room) + tail)
    empty_head = f"Sections with no question ({len(empty)}):"
    room -= size([empty_head])
    middle = fitted(sections, room * 2 // 3)
    names = [f"  {short_name(name)}" for name in empty]
    middle += [empty_head, *fitted(names, room - size(middle))]
    return "\n".join(head + middle + tail)


def section_name(key: str, filename: str) -> str:
    """A report's section key ("k8s.md: Probes") as the admin knows it ("Probes")."""
    prefix = f"{filename}: "
    return key[len(prefix) :] if key.startswith(prefix) else key


def bank_summary(
    questions: Sequence[BankQuestion], skipped: Sequence[object], filename: str
) -> str:
    """What reading a bank file gave: questions per topic, and those the bot cannot ask."""
    lines = [f"{len(questions)} questions from {filename}", "By topic:"]
    lines += fitted(count_lines(per_topic(questions)), SUMMARY_MAX // 2)
    if skipped:
        lines.append(f"Skipped (a question type the bot cannot ask): {len(skipped)}")
        lines += fitted([f"  {p}" for p in skipped], SUMMARY_MAX - size(lines))
    return "\n".join(lines)
