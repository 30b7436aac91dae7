"""CSV import and export, one question per row, with a header row.

Columns (header names, any order, any case):
    id, topic, kind, prompt, choice1, choice2, choice3, choice4, choice5, answer, explanation, lang

Required: prompt, choice1, choice2, answer. Empty optional cells take the defaults: id is
content-derived, topic "General", kind "choice", lang detected from the prompt.
`answer` is written as a letter, A for choice1 through E for choice5 (a letter cannot be mistaken
for a 0-based index); on import A-E (any case) and the numbers 1-5 are both accepted.
Unused choice columns are left empty. Line numbers in problems are the file's lines (a quoted cell
may span lines; the row's first line is reported). A UTF-8 byte-order mark (Excel) is ignored and
a header with `;` but no `,` is read as semicolon-separated. Export drops only `source`.

Spreadsheet formulas: a spreadsheet runs a cell that starts with = + - @, a tab or a carriage
return as a formula (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`), so export puts a single quote
before such a cell (OWASP's rule; a spreadsheet shows the text without it) and import takes that
quote off again: export then import gives the same questions. Precisely: a cell whose text after
its leading quotes starts with one of those characters gets one more quote on export and loses
one on import (so a prompt that really starts with `'=` survives too).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from questions.bank import MAX_CHOICES, BankError, BankQuestion, Problem
from questions.formats.common import Draft, ImportResult, add, build, finish, refuse_over_limit

CHOICE_COLUMNS = tuple(f"choice{i}" for i in range(1, MAX_CHOICES + 1))
COLUMNS = ("id", "topic", "kind", "prompt", *CHOICE_COLUMNS, "answer", "explanation", "lang")
REQUIRED = ("prompt", "choice1", "choice2", "answer")
LETTERS = "ABCDE"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _looks_like_formula(cell: str) -> bool:
    return cell.lstrip("'").startswith(FORMULA_START)


def defuse(cell: str) -> str:
    """The cell as written: a quote before anything a spreadsheet would run as a formula."""
    return "'" + cell if _looks_like_formula(cell) else cell


def restore(cell: str) -> str:
    """The cell as read: the quote `defuse` added taken off."""
    return cell[1:] if cell.startswith("'") and _looks_like_formula(cell) else cell


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the file line each starts on; BankError at the row the csv module cannot
    read (a cell longer than its field limit, an unclosed quote at the end)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    try:
        for row in reader:
            yield start, [restore(cell) for cell in row]
            start = reader.line_num + 1
    except csv.Error as exc:
        raise BankError([Problem("row", f"cannot be read as CSV: {exc}", None, start)]) from None


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if ";" in header and "," not in header else ","


def _header_problems(header: list[str]) -> list[Problem]:
    problems = []
    for name in header:
        if name and name not in COLUMNS:
            problems.append(Problem("header", f"unknown column {name!r}", None, 1))
    for name in REQUIRED:
        if name not in header:
            problems.append(Problem("header", f"the column {name!r} is missing", None, 1))
    return problems


def parse_answer(value: str) -> int | None:
    """`B` or `2` -> 1 (an index into the choices); None when it is neither."""
    value = value.strip().upper()
    if len(value) == 1 and value in LETTERS:
        return LETTERS.index(value)
    if value.isdigit() and 1 <= int(value) <= len(LETTERS):
        return int(value) - 1
    return None


def _row_draft(cells: dict[str, str], line: int) -> tuple[Draft | None, list[Problem]]:
    label = cells.get("id") or f"row at line {line}"
    choices = [cells.get(c, "") for c in CHOICE_COLUMNS]
    while choices and not choices[-1].strip():
        choices.pop()
    answer = parse_answer(cells.get("answer", ""))
    if answer is None:
        message = f"is {cells.get('answer', '')!r}; use a letter A-E or a number 1-5"
        return None, [Problem("answer", message, label, line)]
    question = build(
        prompt=cells.get("prompt", ""),
        choices=choices,
        answer=answer,
        topic=cells.get("topic", ""),
        kind=cells.get("kind", "").strip() or "choice",
        explanation=cells.get("explanation", ""),
        qid=cells.get("id", ""),
        lang=cells.get("lang", ""),
    )
    return Draft(question, line), []


def parse(text: str, *, name: str = "import", bank: str = "imported") -> ImportResult:
    """Read CSV text; raise BankError listing every problem, or return the questions."""
    text = text.removeprefix("\ufeff")
    rows = [(line, row) for line, row in _rows(text, _delimiter(text)) if any(row)]
    if not rows:
        return finish([], [Problem("header", "the file is empty; a header row is needed")])
    header = [h.strip().lower() for h in rows[0][1]]
    problems = _header_problems(header)
    if problems:
        return finish([], problems)
    rows = [(line, row) for line, row in rows[1:] if any(cell.strip() for cell in row)]
    refuse_over_limit(len(rows))  # before any row becomes a question
    drafts: list[Draft] = []
    for line, row in rows:
        if len(row) > len(header):
            problems.append(
                Problem("row", f"has {len(row)} cells, the header {len(header)}", None, line)
            )
            continue
        draft, found = _row_draft(dict(zip(header, row, strict=False)), line)
        problems.extend(found)
        if draft is not None:
            add(drafts, draft)
    return finish(drafts, problems, bank=bank)


def dump(questions: Sequence[BankQuestion], *, bank: str) -> str:
    """CSV with the header row, every cell quoted as needed, answers as letters."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for q in questions:
        choices = list(q.choices) + [""] * (MAX_CHOICES - len(q.choices))
        cells = [q.id, q.topic, q.kind, q.prompt, *choices, LETTERS[q.answer], q.explanation]
        writer.writerow([defuse(cell) for cell in [*cells, q.lang]])
    return out.getvalue()
