"""The pipeline: notes -> document (blocks, noise) -> facts -> candidates -> gates and solvers
-> plan -> a Bank and a report.

Pure apart from reading the notes files: the same notes always give the same bank, byte for
byte, because every choice along the way is derived from content, never from chance.
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from questions.ambiguity import fitting_others
from questions.bank import Bank, BankQuestion
from questions.candidate import Candidate, card_topic
from questions.chinese_script import is_traditional, simplified, writer_back
from questions.distractors import Pool
from questions.facts.extract import extract
from questions.facts.model import Fact
from questions.gates import REWORDABLE, form, render, reworded, self_described, valid
from questions.generators import (
    claims,
    commands,
    defaults,
    definitions,
    dynamodb_capacity,
    kin_meanings,
    numbers,
    results,
    steps,
    tables,
    terms,
    true_false,
)
from questions.intake import read_file
from questions.name_kinds import kept_by_kind, of_one_kind
from questions.option_sets import vary
from questions.parse import Document, Noise, parse_document
from questions.plan import coin_toss, coin_toss_reason, make_plan, order, true_false_limit
from questions.solvers import NotesSolver, stem_only
from questions.text import Tokenizer
from questions.vocabulary import kind_of

GENERATORS = (
    defaults,
    tables,
    definitions,
    numbers,
    results,
    commands,
    terms,
    claims,
    steps,
    dynamodb_capacity,
    true_false,
)
ORDER = {g.NAME: i for i, g in enumerate(GENERATORS)}


@dataclass(frozen=True)
class Dropped:
    """A candidate that failed a gate or was not chosen, and why: shown in the summary."""

    candidate: Candidate
    reason: str


@dataclass
class SectionReport:
    kept: int = 0
    facts: int = 0
    unasked: int = 0  # facts for which no question of their kind could be written
    dropped: Counter[str] = field(default_factory=Counter)
    noise: Counter[str] = field(default_factory=Counter)


@dataclass
class Report:
    """What a generation run did: per section, per generator, and what was dropped or skipped."""

    files: list[str] = field(default_factory=list)
    per_section: dict[str, SectionReport] = field(default_factory=dict)
    per_generator: Counter[str] = field(default_factory=Counter)
    dropped: list[Dropped] = field(default_factory=list)
    skipped: list[tuple[str, Noise]] = field(default_factory=list)
    true_false: int = 0
    true_false_true: int = 0
    #: two-option choice questions kept, by why the notes give them no third option
    coin_tosses: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.per_generator.values())

    @property
    def sections(self) -> list[str]:
        return [k for k, s in self.per_section.items() if s.facts]

    @property
    def dropped_by_reason(self) -> Counter[str]:
        return Counter(d.reason for d in self.dropped)

    @property
    def sections_without_questions(self) -> list[str]:
        return [k for k, s in self.per_section.items() if s.facts and not s.kept]

    def section(self, key: str) -> SectionReport:
        found = self.per_section.get(key)  # a new report only for a new key: asked per fact
        if found is None:
            found = self.per_section[key] = SectionReport()
        return found


def display_path(path: str | Path, root: str | Path | None = None) -> str:
    """Repo-relative POSIX path when the file is under root (default cwd), so banks are stable."""
    p = Path(path).resolve()
    base = Path(root if root is not None else os.getcwd()).resolve()
    try:
        return p.relative_to(base).as_posix()
    except ValueError:
        return Path(path).as_posix()


#: generators of one kind of fact each, asked per fact, best way of asking first
BY_KIND = {kind: g for g in (defaults, tables, kin_meanings, numbers, results, commands, terms,
                                      claims, steps)
           for kind in g.KINDS}  # fmt: skip
#: generators that ask across facts (a whole table column, a computed rule)
EXTRAS = (tables, dynamodb_capacity)
#: passing questions kept per fact for the plan to choose from
PER_FACT = 1


class _Gates:
    """Every gate a candidate passes, in order, and what has already been let through."""

    def __init__(self, doc: Document, solver: NotesSolver) -> None:
        self.doc = doc
        self.solver = solver
        self.prompts: set[str] = set()
        self.ids: set[str] = set()

    def __call__(self, c: Candidate) -> BankQuestion | str:
        """The question, let through, or why it fails; a prompt already let through is not
        even rendered."""
        prompt_key = " ".join(c.prompt.split()).casefold()
        if prompt_key in self.prompts:
            return "duplicate question"  # the cheapest gate first
        q = render(c, self.doc.file, card_topic(c, self.doc.title))
        if q.id in self.ids:
            return "duplicate question"
        reason = (form(c) or valid(q) or stem_only(c)
                  or self_described(c, self.solver.expansions) or self.solver.check(c))  # fmt: skip
        if reason is not None:
            return reason
        self.prompts.add(prompt_key)
        self.ids.add(q.id)
        return q

    def recheck(self, c: Candidate, q: BankQuestion) -> str | None:
        """Why a question already let through fails once its options are changed, or None."""
        return (form(c) or valid(q) or stem_only(c)
                or self_described(c, self.solver.expansions) or self.solver.check(c))  # fmt: skip


@dataclass(frozen=True)
class Asked:
    """Every fact's candidates and which passed, with the gates and the pool that judged them."""

    facts: list[Fact]
    tried: list[Candidate]
    kept: list[tuple[Candidate, BankQuestion]]
    dropped: list[Dropped]
    gate: _Gates
    pool: Pool


def _ask(doc: Document) -> Asked:
    """Every fact's candidates, tried best first until two pass the gates; true/false only for
    facts nothing else could ask. Candidates a fact no longer needs are never built, so the
    cost per fact stays bounded."""
    facts = extract(doc)
    pool = Pool(doc, facts)
    terms_ = [f.subject for f in facts if f.kind in ("definition", "property", "term")]
    gate = _Gates(doc, NotesSolver(doc, facts, Tokenizer(terms_)))
    tried: list[Candidate] = []
    kept: list[tuple[Candidate, BankQuestion]] = []
    dropped: list[Dropped] = []
    passed: dict[str, int] = {}
    wide: dict[str, int] = {}  # passed with three options or more

    def keep(c: Candidate, q: BankQuestion) -> None:
        kept.append((c, q))
        passed[c.fact.id] = passed.get(c.fact.id, 0) + 1
        if not coin_toss(c):
            wide[c.fact.id] = wide.get(c.fact.id, 0) + 1

    def attempt(built: Candidate) -> None:
        # a loop over the rewordings, not a call to itself: a nested function that calls
        # itself holds itself, and every list here, in a cycle only the collector frees
        todo: Candidate | None = built
        while todo is not None:
            c = of_one_kind(todo, pool.name_kinds)
            if c is None:  # no options of the key's kind: not asked with others
                tried.append(todo)
                dropped.append(Dropped(todo, "options of another kind"))
                return
            tried.append(c)
            passed = gate(c)
            if isinstance(passed, BankQuestion):
                keep(c, passed)
                return
            reason = passed
            dropped.append(Dropped(c, reason))
            # asked again without the part that says the key's name
            todo = reworded(c, gate.solver.expansions) if reason in REWORDABLE else None

    for extra in EXTRAS:
        for c in extra.extras(facts, pool):
            attempt(c)
    full: set[str] = set()  # table rows and sentences the plan would ask no more of
    for f in facts:
        gen = BY_KIND.get(f.kind)
        slot = _slot(f)
        if gen is None or slot in full:
            continue
        enough = 1 if slot else PER_FACT  # a table row: its first passing question will do
        for c in gen.for_fact(f, pool):
            attempt(c)
            if wide.get(f.id, 0) >= enough:
                break  # the next way of asking is never even built
            # after a coin toss (two options) passed, the next way of asking is tried too:
            # it may offer more options, and the plan prefers it
        if passed.get(f.id) and slot:
            full.add(slot)
    # true/false: facts no other question asks, sections with no question first; only as many
    # as the plan could take (a tenth of the bank), so unused statements are never built
    asked_sections = {c.fact.section.index for c, _ in kept}
    left = [f for f in facts if _slot(f) not in full and not passed.get(f.id)]  # ids on demand
    left.sort(key=lambda f: f.section.index in asked_sections)
    wanted = 2 * true_false_limit(len(kept)) + 2
    pairs = 0
    for f in left:
        if pairs >= wanted:
            break
        for c in true_false.for_fact(f, pool):
            attempt(c)
        pairs += passed.get(f.id, 0) >= 2
    return Asked(facts, tried, kept, dropped, gate, pool)


def _slot(f: Fact) -> str:
    """A table row (a comparison table's attribute): one question asks it, so once one passes
    the rest of the row is not even built."""
    if f.kind == "property" and f.table is not None and f.row >= 0:
        return f"t{f.block.id}:{'c' + str(f.column) if f.table.transposed else 'r' + str(f.row)}"
    return ""


@dataclass(frozen=True)
class DocumentResult:
    """One notes file's questions with the candidates behind them (tests inspect these)."""

    doc: Document
    facts: list[Fact]
    candidates: list[Candidate]
    chosen: list[tuple[Candidate, BankQuestion]]
    dropped: list[Dropped]
    #: writes what the notes were read as back as the notes wrote it (Traditional Chinese)
    written: Callable[[str], str] = str


def generate_document(file: str, text: str) -> DocumentResult:
    """One notes file's questions; notes in Traditional Chinese are read in Simplified, the
    script every Chinese rule is written in, and their questions written back in theirs."""
    if not is_traditional(text):
        return _generate_document(file, text)
    read = simplified(text)
    written = writer_back(text, read)
    result = _generate_document(file, read)
    chosen = [
        (
            c,
            replace(
                q,
                topic=written(q.topic),
                prompt=written(q.prompt),
                choices=tuple(written(x) for x in q.choices),
                explanation=written(q.explanation),
            ),
        )
        for c, q in result.chosen
    ]
    return replace(result, chosen=chosen, written=written)


def _generate_document(file: str, text: str) -> DocumentResult:
    doc = parse_document(text, file)
    asked = _ask(doc)
    plan = make_plan(asked.kept)
    dropped = asked.dropped + [Dropped(c, reason) for c, reason in plan.not_chosen]
    pool = asked.pool

    def fits(c: Candidate, option: str) -> bool:
        """The option is written like the answer, and not one the quoted description could
        mean as well."""
        if not pool.same_form(c.answer_text, option) or not pool.same_area(c.answer_text, option):
            return False  # a name written unlike the key, or no service of its area
        if option not in kept_by_kind(c.answer_text, [*c.distractors, option], pool.name_kinds):
            return False  # a name of another kind than the key's
        if pool.told_apart(c.answer_text) and kind_of(option) != pool.known_kind(c.answer_text):
            return False  # a well-known feature meets its kind only (ReplicaSet is no policy)
        f = c.fact
        if f.category and f.table is None and c.style == "reverse" and not _member(option, f):
            return False  # "Which pipeline pattern …" takes the patterns only, not a job kind
        if c.style == "reverse" and _list_kept(c) and not _member(option, f):
            return False  # a list's own items beside one another: no term from elsewhere
        if c.style not in ("reverse", "meaning") or c.fact.table is not None:
            return True
        return not fitting_others(c.query, [option], pool.descriptions, c.fact.subject)

    chosen = vary(plan.chosen, [c for c, _ in asked.kept], order, asked.gate.recheck, fits)
    return DocumentResult(doc, asked.facts, asked.tried, chosen, dropped)


def _list_kept(c: Candidate) -> bool:
    """A list item asked among only the other items of its list: a level of a hierarchy
    beside the other levels, never varied into a term of another list."""
    f = c.fact
    return f.block.kind == "item" and all(_member(d, f) for d in c.distractors)


def _member(option: str, f: Fact) -> bool:
    """The option is one of the fact's named set: a sibling, or a sibling's name written with
    its value (`max-age` of `max-age=3600`)."""
    return any(s == option or s.startswith((f"{option}=", f"{option}:")) for s in f.siblings)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Generation makes few reference cycles (after 1 MB of notes the collector frees a few
    thousand objects), yet its full passes rescan the whole growing heap: a sixth of the time at
    1 MB, and a larger share with every MB. So it is paused for the run and restored after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def generate_from_texts(docs: Sequence[tuple[str, str]], bank_name: str) -> tuple[Bank, Report]:
    """Bank and report from (file label, Markdown text) pairs: the pure core of generation."""
    with _no_cycle_collection():
        return _generate(docs, bank_name)


def _generate(docs: Sequence[tuple[str, str]], bank_name: str) -> tuple[Bank, Report]:
    report = Report(files=[f for f, _ in docs])
    rows: list[tuple[int, int, int, str, BankQuestion]] = []
    for doc_index, (file, text) in enumerate(docs):
        result = generate_document(file, text)
        doc, written = result.doc, result.written
        for s in doc.sections:
            report.section(f"{file}: {written(s.key)}")
        for n in doc.noise:
            n = replace(n, section=written(n.section), text=written(n.text))
            report.skipped.append((file, n))
            report.section(f"{file}: {n.section}").noise[n.reason] += 1
        tried = {c.fact.id for c in result.candidates}
        for f in {f.id: f for f in result.facts}.values():
            section = report.section(f"{file}: {written(f.section.key)}")
            section.facts += 1
            section.unasked += f.id not in tried
        dropped = result.dropped
        for d in dropped:
            report.section(f"{file}: {written(d.candidate.fact.section.key)}").dropped[
                d.reason
            ] += 1
        report.dropped += dropped
        for c, q in result.chosen:
            report.section(f"{file}: {written(c.fact.section.key)}").kept += 1
            report.per_generator[c.generator] += 1
            if c.kind == "truefalse":
                report.true_false += 1
                report.true_false_true += c.answer == 0
            elif coin_toss(c):
                report.coin_tosses[coin_toss_reason(c)] += 1
            rows.append((doc_index, c.fact.line, ORDER[c.generator], q.id, q))
    rows.sort(key=lambda r: r[:4])
    source = docs[0][0] if len(docs) == 1 else None
    return Bank(bank=bank_name, questions=[r[4] for r in rows], source=source), report


def generate_bank(
    paths: Sequence[str | Path], bank_name: str | None = None, root: str | Path | None = None
) -> tuple[Bank, Report]:
    """Read notes files and generate their bank; the name defaults to the first file's stem."""
    # bounded like any file a user hands over: size, UTF-8, no control characters (intake)
    docs = [(display_path(p, root), read_file(p)) for p in paths]
    name = bank_name or (Path(paths[0]).stem if paths else "bank")
    return generate_from_texts(docs, name)


def render_summary(report: Report) -> str:
    """The human summary `quizbot questions generate` prints: per section what was kept,
    dropped and why, and which noise was skipped."""
    lines = [f"{report.total} questions from {', '.join(report.files) or 'no files'}"]
    lines.append("By generator:")
    for name, _ in sorted(ORDER.items(), key=lambda kv: kv[1]):
        lines.append(f"  {name:<18} {report.per_generator[name]:>4}")
    if report.true_false:
        share = 100 * report.true_false / max(report.total, 1)
        lines.append(
            f"True/false: {report.true_false} ({share:.0f} % of the bank), "
            f"{report.true_false_true} true"
        )
    if report.coin_tosses:
        lines.append(f"Two-option questions: {sum(report.coin_tosses.values())}")
        for reason, n in sorted(report.coin_tosses.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {n:>4}  {reason}")
    lines.append("By section (kept, dropped, noise skipped):")
    for key, s in report.per_section.items():
        lines.append(f"  {s.kept:>4} kept  {key}  ({s.facts} facts)")
        for reason, n in sorted(s.dropped.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"        {n:>4} dropped: {reason}")
        if s.unasked:
            lines.append(f"        {s.unasked:>4} facts: no question of their kind (no like "
                         "options in the notes, or not a self-contained statement)")  # fmt: skip
        for reason, n in sorted(s.noise.items()):
            lines.append(f"        {n:>4} skipped: {reason}")
    missing = report.sections_without_questions
    if missing:
        lines.append(f"Sections with facts but no question ({len(missing)}):")
        lines += [f"  {s}" for s in missing]
    lines.append(f"Dropped by the gates and the plan: {len(report.dropped)}")
    for reason, n in sorted(report.dropped_by_reason.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {n:>4}  {reason}")
    skipped = Counter(n.reason for _, n in report.skipped)
    if skipped:
        lines.append("Skipped in the notes (nothing asked from them):")
        for reason, n in sorted(skipped.items()):
            lines.append(f"  {n:>4}  {reason}")
    return "\n".join(lines)
