"""Moodle GIFT import and export (https://docs.moodle.org/en/GIFT_format).

Read, following Moodle's own qformat_gift parser:
- questions are separated by blank lines (a blank line inside an open `{...}` does not split);
- `// comment` lines are ignored; `// [id:X]` before a question gives its id (Moodle's idnumber);
- `$CATEGORY: a/b/c` sets the topic of the questions after it to the last part (`c`);
  a `//` inside a category name is a literal slash;
- `::title::` is read and dropped (titles like "Q1" are not stable ids);
- `[html]`, `[moodle]`, `[plain]`, `[markdown]` format prefixes are stripped; html text also
  loses its tags and has entities decoded;
- escapes `\\:` `\\=` `\\~` `\\#` `\\{` `\\}` `\\\\` and `\\n` (newline);
- multiple choice: `=right ~wrong`, weights `~%100%` / `=%100%` mean correct and `%0%` or a
  negative weight (a penalty) mean wrong; any other weight (partial credit, multiple-response
  questions) or more or less than one correct answer is a problem that rejects the import;
- missing-word questions (`Grant is {=entombed ~buried} in Grant's tomb.`) become a prompt with
  `_____` where the answers were;
- true/false: `{T}` `{F}` `{TRUE}` `{FALSE}`, choices (True, False);
- explanation: the general feedback (`####...`) when present, else for multiple choice the correct
  answer's feedback (`=right#because...`), for true/false the first feedback (the one shown to
  whoever picked wrong, which is the one that explains) and else the second.
Skipped and reported, never guessed: matching, numerical, short answer, essay, description and
cloze questions with more than one answer block.

Written: a `// [id:...]` comment, `$CATEGORY:` when the topic changes, `::id::` as the title, the
prompt with GIFT escapes (newlines as `\\n`), `=`/`~` answers or `{TRUE}`/`{FALSE}`, and the
explanation as general feedback. Dropped on export: `source` and `lang` (lang is re-detected).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from questions.bank import TRUE_FALSE, BankQuestion, Problem
from questions.formats.common import (
    DEFAULT_TOPIC,
    Draft,
    ImportResult,
    add,
    build,
    finish,
    refuse_over_limit,
)

# Escaped control characters are swapped for private-use placeholders before parsing (as Moodle
# does), so the parser can split on the real `{ } ~ = # :` and the escapes come back afterwards.
_ESCAPABLE = "\\:#={}~"
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate(_ESCAPABLE)}
_RESTORE = {ord(v): k for k, v in _PLACEHOLDER.items()}
_FORMAT_RE = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT_RE = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_ANSWER_MARK_RE = re.compile(r"[~=]")
_ID_COMMENT_RE = re.compile(r"\[id:([^\]]+)\]")
_CATEGORY_SPLIT_RE = re.compile(r"(?<!/)/(?!/)")
_BRACE_RE = re.compile(r"[{}]")
_TF_VALUES = {"T": 0, "TRUE": 0, "F": 1, "FALSE": 1}  # index into TRUE_FALSE
BLANK = "_____"


def _protect(text: str) -> str:
    """Replace escapes with placeholders; `\\n` becomes a newline, unknown escapes stay as is.
    Plain replacements, escaped backslashes first, read an escape exactly as a left-to-right
    scan would (an escape starts at a backslash no earlier escape used), in C: an escape-heavy
    file costs no Python call per escape."""
    if "\\" not in text:
        return text
    for ch in _ESCAPABLE:  # "\\" comes first
        text = text.replace("\\" + ch, _PLACEHOLDER[ch])
    return text.replace("\\n", "\n")


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _html_to_text(text: str) -> str:
    text = re.sub(r"<\s*br\s*/?\s*>|</\s*p\s*>", "\n", text, flags=re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]*>", "", text))


def _text_format(text: str, default: str) -> tuple[str, str]:
    """Split a `[html]`-style prefix off: (format, text); no prefix means the default format."""
    m = _FORMAT_RE.match(text)
    return (m.group(1).lower(), text[m.end() :]) if m else (default, text)


def _clean(text: str, default: str = "moodle") -> str:
    """Protected GIFT text -> plain text: format prefix stripped, escapes restored, trimmed."""
    fmt, text = _text_format(text, default)
    if fmt == "html":
        text = _html_to_text(text)
    return _restore(text).strip()


def _feedback(text: str, fmt: str) -> str:
    """Feedback text; continuation lines lose the indentation that lines them up in the file."""
    return re.sub(r"\n[ \t]+", "\n", _clean(text, fmt))


# --- splitting a file into blocks -----------------------------------------------------------


@dataclass
class _Block:
    """The lines of one question (or category) with its first line number and id comment."""

    lines: list[tuple[int, str]]
    qid: str = ""

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return "\n".join(raw for _, raw in self.lines).strip()


def _brace_depth(line: str, depth: int) -> int:
    for m in _BRACE_RE.finditer(_protect(line)):
        depth = depth + 1 if m.group(0) == "{" else max(depth - 1, 0)
    return depth


def _blocks(text: str) -> Iterator[_Block]:
    """Blank-line separated blocks without comment lines; `// [id:X]` attaches to the next one.

    A blank line inside an open `{` keeps the block going only when the next line that is not
    blank or a comment goes on with answers (`=`, `~`, `#` or `}`). Anything else starts the next
    question, so a `{` left open ends its own question (reported by _parse_question) and never
    swallows the questions after it."""
    rows = text.split("\n")
    answers_follow = _answers_follow(rows)
    block: _Block | None = None
    pending_id = ""
    depth = 0
    for i, raw in enumerate(rows):
        stripped = raw.strip()
        if stripped.startswith("//"):
            m = _ID_COMMENT_RE.search(stripped)
            if m:
                pending_id = m.group(1).strip()
            continue
        if not stripped and (depth == 0 or not answers_follow[i]):
            if block is not None:
                yield block
            block = None
            depth = 0
            continue
        if block is None:
            block = _Block([], qid=pending_id)
            pending_id = ""
        block.lines.append((i + 1, raw))
        depth = _brace_depth(raw, depth)
    if block is not None:
        yield block


def _answers_follow(rows: list[str]) -> list[bool]:
    """For each line: does the next line that is neither blank nor a comment start with an
    answer mark? One backward pass, so the answer for every line costs linear time."""
    out = [False] * len(rows)
    follows = False
    for i in range(len(rows) - 1, -1, -1):
        out[i] = follows
        stripped = rows[i].strip()
        if stripped and not stripped.startswith("//"):
            follows = stripped[0] in "=~#}"
    return out


def _brace_fault(text: str) -> str | None:
    """What is wrong with the `{ }` of a protected question text, or None: every `{` closes
    before the next opens, and no `}` comes without its `{`."""
    open_ = False
    for m in _BRACE_RE.finditer(text):
        if m.group(0) == "{":
            if open_:
                return "has a { inside another { }"
            open_ = True
        elif not open_:
            return "has a } with no { before it"
        else:
            open_ = False
    return "has a { that is never closed" if open_ else None


# --- parsing one question -------------------------------------------------------------------


@dataclass
class _Parsed:
    """What one block produced: a draft, problems that reject the file, or a skip report."""

    draft: Draft | None = None
    problems: list[Problem] = field(default_factory=list)
    skipped: Problem | None = None


def _category_topic(path: str) -> str:
    """`$course$/top/AWS//Azure/SQS` -> `SQS`; `//` is a literal slash inside a name."""
    parts = [p.replace("//", "/").strip() for p in _CATEGORY_SPLIT_RE.split(path.strip())]
    parts = [p for p in parts if p]
    return parts[-1] if parts else DEFAULT_TOPIC


def _split_title(text: str) -> tuple[str, str]:
    if text.startswith("::"):
        end = text.find("::", 2)
        if end != -1:
            return _restore(text[2:end]).strip(), text[end + 2 :].strip()
    return "", text


def _unsupported_kind(answers: str) -> str | None:
    """Name of an unsupported GIFT type for this answer section, None for choice/true-false."""
    if not answers:
        return "essay"
    if answers.startswith("#"):
        return "numerical"
    if "~" in answers:
        return None
    if "=" in answers and "->" in answers:
        return "matching"
    head = answers.split("#", 1)[0].strip().upper()
    return None if head in _TF_VALUES else "short answer"


@dataclass
class _Answer:
    text: str
    feedback: str
    weight: float


def _answers(section: str, fmt: str) -> list[_Answer]:
    """`~a#fb =b ~%50%c` -> answers with weights (= means 100, ~ means 0 unless weighted)."""
    marks = list(_ANSWER_MARK_RE.finditer(section))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(section)
        body = section[m.end() : end].strip()
        weight = 100.0 if m.group(0) == "=" else 0.0
        w = _WEIGHT_RE.match(body)
        if w:
            weight = float(w.group(1))
            body = body[w.end() :]
        text, _, feedback = body.partition("#")
        out.append(_Answer(_clean(text, fmt), _feedback(feedback, fmt), weight))
    return out


@dataclass(frozen=True)
class _Fields:
    """The parts of a question a GIFT answer section decides."""

    choices: tuple[str, ...]
    answer: int
    explanation: str
    kind: str = "choice"


def _choice_question(
    section: str, general: str, fmt: str, where: _Where
) -> tuple[_Fields | None, list[Problem]]:
    answers = _answers(section, fmt)
    problems = []
    for i, a in enumerate(answers, start=1):
        if 0 < a.weight < 100 or a.weight > 100:
            problems.append(
                where.problem(
                    "answer",
                    f"answer {i} ({a.text!r}) has a partial-credit weight of {a.weight:g}%; "
                    "only single-answer questions (one 100% answer, the rest 0%) are supported",
                )
            )
    correct = [i for i, a in enumerate(answers) if a.weight == 100]
    if len(correct) != 1 and not problems:
        what = "no answer is" if not correct else f"{len(correct)} answers are"
        problems.append(
            where.problem("answer", f"{what} marked correct (= or %100%); exactly one is needed")
        )
    if problems:
        return None, problems
    right = correct[0]
    choices = tuple(a.text for a in answers)
    return _Fields(choices, right, general or answers[right].feedback), []


def _truefalse_question(section: str, general: str, fmt: str) -> _Fields:
    value, *feedback = section.split("#", 2)
    feedback_texts = [_feedback(f, fmt) for f in feedback]
    explanation = general or next((f for f in feedback_texts if f), "")
    return _Fields(TRUE_FALSE, _TF_VALUES[value.strip().upper()], explanation, "truefalse")


@dataclass(frozen=True)
class _Where:
    """Where a question is, for the problems it reports."""

    label: str
    line: int

    def problem(self, field_name: str, message: str) -> Problem:
        return Problem(field_name, message, self.label, self.line)


def _parse_question(topic: str, block: _Block, index: int) -> _Parsed:
    title, text = _split_title(_protect(block.text))
    where = _Where(block.qid or title or f"#{index}", block.line)
    fault = _brace_fault(text)
    if fault:
        message = f"{fault} (write a brace that is text as \\{{ or \\}})"
        return _Parsed(problems=[where.problem("question", message)])
    start, end = text.find("{"), text.find("}")
    if start == -1:
        return _Parsed(skipped=where.problem("kind", "GIFT description (no answers); skipped"))
    after = text[end + 1 :]
    if "{" in after or "}" in after:
        return _Parsed(
            skipped=where.problem("kind", "GIFT question with several answer blocks; skipped")
        )
    section, general_raw = _split_general(text[start + 1 : end].strip())
    unsupported = _unsupported_kind(section)
    if unsupported:
        return _Parsed(
            skipped=where.problem("kind", f"GIFT {unsupported} question: not supported, skipped")
        )
    missing_word = BLANK + after if after.strip() else ""
    fmt, prompt_raw = _text_format(text[:start] + missing_word, "moodle")
    general = _feedback(general_raw, fmt)
    if "~" in section:
        fields, problems = _choice_question(section, general, fmt, where)
        if fields is None:
            return _Parsed(problems=problems)
    else:
        fields = _truefalse_question(section, general, fmt)
    question = build(
        prompt=_clean(prompt_raw, fmt),
        choices=fields.choices,
        answer=fields.answer,
        topic=topic,
        kind=fields.kind,
        explanation=fields.explanation,
        qid=block.qid,
    )
    return _Parsed(draft=Draft(question, block.line))


def _is_category(block: _Block) -> bool:
    return block.lines[0][1].strip().startswith("$CATEGORY:")


def _split_general(section: str) -> tuple[str, str]:
    """Answer section -> (answers, general feedback after the last `####`)."""
    if "####" not in section:
        return section, ""
    answers, _, general = section.rpartition("####")
    return answers.strip(), general


def parse(text: str, *, name: str = "import", bank: str = "imported") -> ImportResult:
    """Read GIFT text; raise BankError listing every problem, or return questions and skips."""
    drafts: list[Draft] = []
    problems: list[Problem] = []
    skipped: list[Problem] = []
    topic = DEFAULT_TOPIC
    index = 0
    blocks = list(_blocks(text))
    refuse_over_limit(sum(1 for b in blocks if len(b.lines) > 1 or not _is_category(b)))
    for block in blocks:
        first = block.lines[0][1].strip()
        if _is_category(block):
            topic = _category_topic(_restore(_protect(first[len("$CATEGORY:") :])))
            rest = [(n, raw) for n, raw in block.lines[1:] if raw.strip()]
            if not rest:
                continue
            block = _Block(rest, block.qid)
        index += 1
        result = _parse_question(topic, block, index)
        if result.draft:
            add(drafts, result.draft)
        problems.extend(result.problems)
        if result.skipped:
            skipped.append(result.skipped)
    return finish(drafts, problems, skipped, bank=bank)


# --- writing --------------------------------------------------------------------------------

_ESCAPE_OUT = {ord(c): "\\" + c for c in _ESCAPABLE} | {ord("\n"): "\\n", ord("\r"): ""}


def escape(text: str) -> str:
    """Escape GIFT control characters the way Moodle's exporter does (newlines as `\\n`)."""
    return text.translate(_ESCAPE_OUT)


def _write_question(q: BankQuestion) -> list[str]:
    head = f"::{escape(q.id)}::{escape(q.prompt)}"
    general = f"####{escape(q.explanation)}" if q.explanation else ""
    if q.kind == "truefalse":
        value = "TRUE" if q.answer == 0 else "FALSE"
        return [f"// [id:{q.id}]", f"{head}{{{value}{general}}}"]
    lines = [f"// [id:{q.id}]", head + "{"]
    for i, choice in enumerate(q.choices):
        lines.append(f"\t{'=' if i == q.answer else '~'}{escape(choice)}")
    if general:
        lines.append(f"\t{general}")
    lines.append("}")
    return lines


def dump(questions: Sequence[BankQuestion], *, bank: str) -> str:
    """GIFT text Moodle can import: one `$CATEGORY:` per topic run, one block per question."""
    out = [f"// bank: {bank}", ""]
    topic: str | None = None
    for q in questions:
        if q.topic != topic:
            topic = q.topic
            out += [f"$CATEGORY: {topic.replace('/', '//')}", ""]
        out += [*_write_question(q), ""]
    return "\n".join(out)
