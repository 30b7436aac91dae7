"""The question bank file: the contract between the generator, the importers and the bot.

One module owns the format (see DESIGN.md) and its validation rules, so a bank written by the
generator, an importer or a person is checked the same way everywhere (CLI, chat, database load).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from questions import safe_yaml
from questions.intake import checked_text, control_character, count_problem, read_file
from questions.problems import BankError, Problem, by_line

__all__ = ["Bank", "BankError", "BankQuestion", "Problem", "Source"]

KINDS = ("choice", "truefalse")
LANGS = ("en", "zh")
MAX_ID = 40
MAX_PROMPT = 1000
MAX_CHOICE = 80
MAX_EXPLANATION = 1000
MAX_TOPIC = 80
MAX_FACT = 80
MIN_CHOICES = 2
MAX_CHOICES = 5
TRUE_FALSE = ("True", "False")

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


@dataclass(frozen=True)
class Source:
    """Where a question came from, so a reveal can point people back to their notes."""

    file: str
    line: int | None = None


@dataclass(frozen=True)
class BankQuestion:
    id: str
    topic: str
    prompt: str
    choices: tuple[str, ...]
    answer: int
    kind: str = "choice"
    explanation: str = ""
    source: Source | None = None
    lang: str = "en"
    fact: str | None = None  # questions on one fact share it, so a round asks only one of them

    @property
    def answer_text(self) -> str:
        return self.choices[self.answer]


@dataclass
class Bank:
    bank: str
    questions: list[BankQuestion] = field(default_factory=list)
    source: str | None = None


def fold_text(text: str) -> str:
    """The key under which two prompts or choices count as the same: case and spacing aside."""
    return " ".join(text.split()).casefold()


_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")  # compiled once: read for every question


def detect_lang(text: str) -> str:
    """zh when the text holds CJK ideographs, else en (the notes mix both)."""
    return "zh" if _IDEOGRAPH.search(text) else "en"


ID_HASH_HEX = 16  # 64 bits: a million questions collide with odds of about 1 in 37 million


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def make_id(prefix: str, *parts: str) -> str:
    """A stable, content-derived id: the same content always gets the same id. A slug of the
    prefix for people, then a 64-bit hash of the content, e.g. `sqs-fifo-3f2a9c0d41b7e655`."""
    content = "\x1f".join(parts).encode("utf-8", "surrogatepass")  # validation refuses those
    digest = hashlib.sha1(content).hexdigest()[:ID_HASH_HEX]
    slug = _NON_SLUG.sub("-", prefix.lower()).strip("-")[: MAX_ID - ID_HASH_HEX - 1]
    return f"{slug.rstrip('-') or 'q'}-{digest}"


def validate_question(q: BankQuestion) -> list[Problem]:
    """Every rule a question must meet, as a list of problems (empty when valid)."""
    qid = q.id or None
    out: list[Problem] = []

    def bad(field_name: str, message: str) -> None:
        out.append(Problem(field_name, message, qid))

    if not q.id:
        bad("id", "is missing")
    elif len(q.id) > MAX_ID:
        bad("id", f"is {len(q.id)} characters, at most {MAX_ID} allowed")
    elif not _ID_RE.match(q.id):
        bad("id", "may hold only letters, digits and - _ . :")
    if not q.topic.strip():
        bad("topic", "is empty")
    elif len(q.topic) > MAX_TOPIC:
        bad("topic", f"is {len(q.topic)} characters, at most {MAX_TOPIC} allowed")
    if q.kind not in KINDS:
        bad("kind", f"must be one of {', '.join(KINDS)}, not {q.kind!r}")
    if not q.prompt.strip():
        bad("prompt", "is empty")
    elif len(q.prompt) > MAX_PROMPT:
        bad("prompt", f"is {len(q.prompt)} characters, at most {MAX_PROMPT} allowed")
    if not MIN_CHOICES <= len(q.choices) <= MAX_CHOICES:
        bad("choices", f"has {len(q.choices)} choices, {MIN_CHOICES} to {MAX_CHOICES} needed")
    for i, choice in enumerate(q.choices, start=1):
        if not choice.strip():
            bad("choices", f"choice {i} is empty")
        elif len(choice) > MAX_CHOICE:
            bad("choices", f"choice {i} is {len(choice)} characters, at most {MAX_CHOICE} allowed")
    folded = [c.strip().casefold() for c in q.choices]
    if len(set(folded)) != len(folded):
        bad("choices", "has the same choice twice")
    if not 0 <= q.answer < max(len(q.choices), 1) or len(q.choices) == 0:
        bad("answer", f"is {q.answer}, but must be an index from 0 to {len(q.choices) - 1}")
    if q.kind == "truefalse" and tuple(q.choices) != TRUE_FALSE:
        bad("choices", "a truefalse question has exactly the choices [True, False]")
    if len(q.explanation) > MAX_EXPLANATION:
        bad(
            "explanation",
            f"is {len(q.explanation)} characters, at most {MAX_EXPLANATION} allowed",
        )
    if q.lang not in LANGS:
        bad("lang", f"must be one of {', '.join(LANGS)}, not {q.lang!r}")
    if q.fact is not None:
        if not q.fact or len(q.fact) > MAX_FACT:
            bad("fact", f"must be 1 to {MAX_FACT} characters, not {len(q.fact)}")
        elif not _ID_RE.match(q.fact):
            bad("fact", "may hold only letters, digits and - _ . :")
    texts = [("id", q.id), ("topic", q.topic), ("prompt", q.prompt), ("explanation", q.explanation)]
    texts += [("choices", c) for c in q.choices]
    for name, text in texts:
        char = control_character(text)
        if char is not None:
            bad(name, f"holds the control character {char}")
    return out


def validate_bank(questions: Iterable[BankQuestion]) -> list[Problem]:
    """Per-question rules plus the rules across questions (unique ids, no duplicate prompts)."""
    questions = list(questions)
    out: list[Problem] = []
    for q in questions:
        out.extend(validate_question(q))
    return out + cross_problems(questions)


def cross_problems(
    questions: Sequence[BankQuestion], lines: Sequence[int | None] = ()
) -> list[Problem]:
    """The rules across questions: each id and each prompt (spacing and case aside) once. A
    problem is reported on the later of two questions, at its line when `lines` (one per
    question) are given. Linear: one pass with two dictionaries."""
    out: list[Problem] = []
    seen_ids: set[str] = set()
    seen_prompts: dict[str, str] = {}
    for i, q in enumerate(questions):
        line = lines[i] if i < len(lines) else None
        if q.id and q.id in seen_ids:
            out.append(Problem("id", "is used by another question", q.id, line))
        seen_ids.add(q.id)
        key = fold_text(q.prompt)
        if key and key in seen_prompts:
            message = f"duplicates the prompt of question {seen_prompts[key]}"
            out.append(Problem("prompt", message, q.id, line))
        seen_prompts.setdefault(key, q.id)
    return out


# --- YAML reading and writing -------------------------------------------------------------


def _fields_of(
    node: yaml.MappingNode,
) -> tuple[dict[str, Any], dict[str, int], list[tuple[str, str, int]]]:
    """A mapping's fields as data and the line of each, plus (field, message, line) for keys
    that are not field names, fields given twice and values that cannot be read."""
    raw: dict[str, Any] = {}
    lines: dict[str, int] = {}
    faults: list[tuple[str, str, int]] = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            faults.append(("field", "a field name must be plain text", line))
            continue
        key = str(key_node.value)
        if key in lines:
            faults.append((key, "is given twice", line))
            continue
        lines[key] = value_node.start_mark.line + 1
        try:
            raw[key] = safe_yaml.value(value_node)
        except ValueError as exc:
            faults.append((key, str(exc), line))
    return raw, lines, faults


def _question_from_node(
    node: yaml.Node, index: int, problems: list[Problem]
) -> BankQuestion | None:
    line = node.start_mark.line + 1
    label = f"#{index + 1}"
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem("question", "must be a mapping of fields", label, line))
        return None
    start = len(problems)
    raw, lines, faults = _fields_of(node)
    qid = raw.get("id")
    label = str(qid) if isinstance(qid, str) and qid else label
    problems += [Problem(name, message, label, at) for name, message, at in faults]

    def need(name: str, types: tuple[type, ...], required: bool = True) -> Any:
        if name not in raw and name in lines:  # unreadable: already a problem
            return None
        if name not in raw or raw[name] is None:
            if required:
                problems.append(Problem(name, "is missing", label, line))
            return None
        value = raw[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            kinds = " or ".join(t.__name__ for t in types)
            problems.append(Problem(name, f"must be {kinds}", label, lines.get(name, line)))
            return None
        return value

    known = {
        "id", "topic", "kind", "prompt", "choices", "answer", "explanation", "source", "lang", "fact"
    }  # fmt: skip
    for key in raw:
        if key not in known:
            problems.append(Problem(key, "is not a known field", label, lines.get(key, line)))
    q_id = need("id", (str,))
    topic = need("topic", (str,))
    prompt = need("prompt", (str,))
    choices = need("choices", (list,))
    answer = need("answer", (int,))
    kind = need("kind", (str,), required=False) or "choice"
    explanation = need("explanation", (str,), required=False) or ""
    lang = need("lang", (str,), required=False)
    fact = need("fact", (str,), required=False)
    source_raw = need("source", (dict, str), required=False)
    source: Source | None = None
    if isinstance(source_raw, str):
        source = Source(source_raw)
    elif isinstance(source_raw, dict):
        file = source_raw.get("file")
        src_line = source_raw.get("line")
        if not isinstance(file, str) or not (src_line is None or isinstance(src_line, int)):
            problems.append(
                Problem("source", "must be {file: PATH, line: N}", label, lines.get("source"))
            )
        else:
            source = Source(file, src_line)
    if choices is not None and not all(isinstance(c, str | int | float) for c in choices):
        problems.append(Problem("choices", "must be a list of texts", label, lines.get("choices")))
        choices = None
    if len(problems) > start or None in (q_id, topic, prompt, choices, answer):
        return None
    assert choices is not None
    question = BankQuestion(
        id=q_id,
        topic=topic,
        prompt=prompt,
        choices=tuple(str(c) for c in choices),
        answer=answer,
        kind=kind,
        explanation=explanation,
        source=source,
        lang=lang or detect_lang(prompt),
        fact=fact,
    )
    for p in validate_question(question):
        problems.append(replace(p, question=label, line=lines.get(p.field, line)))
    return question


def _top_text(top: dict[str, yaml.Node], key: str) -> Any:
    node = top.get(key)
    if node is None:
        return None
    try:
        return safe_yaml.value(node)
    except ValueError:
        return None


def parse_bank_lines(text: str, name: str = "bank") -> tuple[Bank, list[int]]:
    """parse_bank, plus the line each question starts on (for problems found later)."""
    root = safe_yaml.compose(checked_text(text, name), name)
    if not isinstance(root, yaml.MappingNode):
        raise BankError([Problem("bank", f"{name} must be a mapping with a questions list")])
    top = {str(k.value): v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    problems: list[Problem] = []
    bank_name = _top_text(top, "bank")
    if not isinstance(bank_name, str) or not bank_name:
        problems.append(Problem("bank", "is missing (the bank's name)"))
    qnode = top.get("questions")
    if not isinstance(qnode, yaml.SequenceNode):
        problems.append(Problem("questions", "is missing or not a list"))
        raise BankError(problems)
    too_many = count_problem(len(qnode.value), name)
    if too_many:
        raise BankError([too_many])
    questions: list[BankQuestion] = []
    q_lines: list[int] = []
    for i, node in enumerate(qnode.value):
        q = _question_from_node(node, i, problems)
        if q is not None:
            questions.append(q)
            q_lines.append(node.start_mark.line + 1)
    reported = {(p.field, p.question) for p in problems}
    problems += [
        p for p in cross_problems(questions, q_lines) if (p.field, p.question) not in reported
    ]
    if problems:
        raise BankError(by_line(problems))  # a duplicate id is found last, shown at its line
    source = _top_text(top, "source")
    return Bank(bank=str(bank_name), questions=questions, source=source), q_lines


def parse_bank(text: str, name: str = "bank") -> Bank:
    """Parse and validate bank YAML; raise BankError naming every bad question, field and line.

    The text goes through questions.intake (size, control characters) and the YAML through
    questions.safe_yaml (no aliases, tags or deep nesting), so any text is read in bounded
    time and memory."""
    return parse_bank_lines(text, name)[0]


def load_bank(path: str | Path) -> Bank:
    """A bank file, read through questions.intake.read_file (bounded, UTF-8, no control
    characters). OSError when it cannot be read, BankError when it is refused."""
    p = Path(path)
    return parse_bank(read_file(p), p.name)


def question_to_dict(q: BankQuestion) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": q.id,
        "topic": q.topic,
        "kind": q.kind,
        "prompt": q.prompt,
        "choices": list(q.choices),
        "answer": q.answer,
        "explanation": q.explanation,
    }
    if q.source is not None:
        out["source"] = {"file": q.source.file, "line": q.source.line}
    out["lang"] = q.lang
    if q.fact is not None:
        out["fact"] = q.fact
    return out


def dump_bank(bank: Bank) -> str:
    """Deterministic YAML (same bank in, same bytes out) so a regenerated file diffs cleanly."""
    doc: dict[str, Any] = {"bank": bank.bank}
    if bank.source:
        doc["source"] = bank.source
    doc["questions"] = [question_to_dict(q) for q in bank.questions]
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


def shipped_bank_paths() -> list[Path]:
    """Banks that ship with the package (questions/bank/*.yaml)."""
    return sorted((Path(__file__).parent / "bank").glob("*.yaml"))
