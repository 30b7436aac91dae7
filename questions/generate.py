"""The pipeline: notes files -> sections -> facts -> candidates -> gates -> a Bank + a report.

Pure apart from reading the notes files: the same notes always give the same bank, byte for
byte, because every choice made along the way is derived from content, never from chance.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from questions.bank import Bank, BankQuestion
from questions.gates import Dropped, GateState, apply_gates
from questions.generators import (
    cloze,
    dynamodb_capacity,
    list_contrast,
    table_rows,
    term_definition,
    true_false,
)
from questions.generators.base import Candidate
from questions.notes_parser import Skipped, extract_facts, parse_notes

#: generators that do not depend on each other, strongest first; true/false runs last
GENERATORS = (table_rows, dynamodb_capacity, list_contrast, term_definition, cloze)
ORDER = {g.NAME: i for i, g in enumerate((*GENERATORS, true_false))}


@dataclass
class Report:
    """What a generation run did: per section, per generator, and what was dropped or skipped."""

    files: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # sections with something to ask
    per_section: Counter[str] = field(default_factory=Counter)
    per_generator: Counter[str] = field(default_factory=Counter)
    dropped: list[Dropped] = field(default_factory=list)
    skipped: list[tuple[str, Skipped]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.per_generator.values())

    @property
    def dropped_by_reason(self) -> Counter[str]:
        return Counter(d.reason for d in self.dropped)

    @property
    def sections_without_questions(self) -> list[str]:
        return [s for s in self.sections if not self.per_section[s]]


def display_path(path: str | Path, root: str | Path | None = None) -> str:
    """Repo-relative POSIX path when the file is under root (default cwd), so banks are stable."""
    p = Path(path).resolve()
    base = Path(root if root is not None else os.getcwd()).resolve()
    try:
        return p.relative_to(base).as_posix()
    except ValueError:
        return Path(path).as_posix()


def generate_from_texts(docs: Sequence[tuple[str, str]], bank_name: str) -> tuple[Bank, Report]:
    """Bank and report from (file label, Markdown text) pairs: the pure core of generation."""
    report = Report(files=[f for f, _ in docs])
    state = GateState()
    rows: list[tuple[int, int, int, str, BankQuestion]] = []
    for doc_index, (file, text) in enumerate(docs):
        notes = parse_notes(text, file)
        facts, fact_skips = extract_facts(notes)
        report.skipped += [(file, s) for s in (*notes.skipped, *fact_skips)]
        with_facts = {f.section.key: None for f in facts}
        report.sections += [f"{file}: {k}" for k in with_facts]
        candidates: list[Candidate] = []
        for gen in GENERATORS:
            candidates += gen.generate(facts, notes.title, file)
        kept, dropped = apply_gates(candidates, state)
        used = {c.fact for c, _ in kept}
        covered = {c.section for c, _ in kept}
        tf_kept, tf_dropped = apply_gates(
            true_false.generate(facts, notes.title, file, used, covered), state
        )
        report.dropped += dropped + tf_dropped
        for c, q in kept + tf_kept:
            report.per_section[f"{file}: {c.section}"] += 1
            report.per_generator[c.generator] += 1
            rows.append((doc_index, c.line, ORDER[c.generator], q.id, q))
    rows.sort(key=lambda r: r[:4])
    source = docs[0][0] if len(docs) == 1 else None
    return Bank(bank=bank_name, questions=[r[4] for r in rows], source=source), report


def generate_bank(
    paths: Sequence[str | Path], bank_name: str | None = None, root: str | Path | None = None
) -> tuple[Bank, Report]:
    """Read notes files and generate their bank; the name defaults to the first file's stem."""
    docs = [(display_path(p, root), Path(p).read_text(encoding="utf-8")) for p in paths]
    name = bank_name or (Path(paths[0]).stem if paths else "bank")
    return generate_from_texts(docs, name)


def render_summary(report: Report) -> str:
    """The human summary `quizbot questions generate` prints."""
    lines = [f"{report.total} questions from {', '.join(report.files) or 'no files'}"]
    lines.append("By generator:")
    for name, _ in sorted(ORDER.items(), key=lambda kv: kv[1]):
        lines.append(f"  {name:<18} {report.per_generator[name]:>4}")
    lines.append("By section:")
    for s in report.sections:
        lines.append(f"  {report.per_section[s]:>4}  {s}")
    missing = report.sections_without_questions
    if missing:
        lines.append(f"Sections with content but no question ({len(missing)}):")
        lines += [f"  {s}" for s in missing]
    lines.append(f"Dropped by the quality gates: {len(report.dropped)}")
    for reason, n in sorted(report.dropped_by_reason.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {n:>4}  {reason}")
    skipped = Counter(s.reason for _, s in report.skipped)
    if skipped:
        lines.append("Skipped in the notes (nothing generated from them):")
        for reason, n in sorted(skipped.items()):
            lines.append(f"  {n:>4}  {reason}")
    return "\n".join(lines)
