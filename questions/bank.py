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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one question: enough to find and fix it."""

    field: str
    message: str
    question: str | None = None  # question id, or "#N" when it has none
    line: int | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.question is not None:
            where.append(f"question {self.question}")
        prefix = ", ".join(where)
        return (
            f"{prefix}: {self.field}: {self.message}" if prefix else f"{self.field}: {self.message}"
        )


class BankError(ValueError):
    """A bank (or an import) was rejected; `problems` lists every reason, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def detect_lang(text: str) -> str:
    """zh when the text holds CJK ideographs, else en (the notes mix both)."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"


def make_id(prefix: str, *parts: str) -> str:
    """A stable, content-derived id: the same content always gets the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]
    slug = re.sub(r"[^a-z0-9]+", "-", prefix.lower()).strip("-")[: MAX_ID - 9] or "q"
    return f"{slug}-{digest}"


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
        if not q.fact:
            bad("fact", "is empty")
        elif len(q.fact) > MAX_FACT:
            bad("fact", f"is {len(q.fact)} characters, at most {MAX_FACT} allowed")
        elif not _ID_RE.match(q.fact):
            bad("fact", "may hold only letters, digits and - _ . :")
    return out


def validate_bank(questions: Iterable[BankQuestion]) -> list[Problem]:
    """Per-question rules plus the rules across questions (unique ids, no duplicate prompts)."""
    out: list[Problem] = []
    seen_ids: set[str] = set()
    seen_prompts: dict[str, str] = {}
    for q in questions:
        out.extend(validate_question(q))
        if q.id and q.id in seen_ids:
            out.append(Problem("id", "is used by another question", q.id))
        seen_ids.add(q.id)
        key = " ".join(q.prompt.split()).casefold()
        if key and key in seen_prompts:
            out.append(
                Problem("prompt", f"duplicates the prompt of question {seen_prompts[key]}", q.id)
            )
        seen_prompts.setdefault(key, q.id)
    return out


# --- YAML reading and writing -------------------------------------------------------------


def _scalar(node: yaml.Node) -> Any:
    return yaml.safe_load(yaml.serialize(node))


def _question_from_node(
    node: yaml.Node, index: int, problems: list[Problem]
) -> BankQuestion | None:
    line = node.start_mark.line + 1
    label = f"#{index + 1}"
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem("question", "must be a mapping of fields", label, line))
        return None
    raw: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        raw[key] = _scalar(value_node)
        lines[key] = value_node.start_mark.line + 1
    qid = raw.get("id")
    label = str(qid) if isinstance(qid, str) and qid else label
    start = len(problems)

    def need(name: str, types: tuple[type, ...], required: bool = True) -> Any:
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


def parse_bank(text: str, name: str = "bank") -> Bank:
    """Parse and validate bank YAML; raise BankError naming every bad question, field and line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise BankError([Problem("yaml", f"{name} is not valid YAML: {exc}", None, line)]) from exc
    if not isinstance(root, yaml.MappingNode):
        raise BankError([Problem("bank", f"{name} must be a mapping with a questions list")])
    top = {str(k.value): v for k, v in root.value}
    problems: list[Problem] = []
    bank_name = _scalar(top["bank"]) if "bank" in top else None
    if not isinstance(bank_name, str) or not bank_name:
        problems.append(Problem("bank", "is missing (the bank's name)"))
    qnode = top.get("questions")
    if not isinstance(qnode, yaml.SequenceNode):
        problems.append(Problem("questions", "is missing or not a list"))
        raise BankError(problems)
    questions = []
    for i, node in enumerate(qnode.value):
        q = _question_from_node(node, i, problems)
        if q is not None:
            questions.append(q)
    q_lines = {
        q.id: node.start_mark.line + 1 for q, node in zip(questions, qnode.value, strict=False)
    }
    for p in validate_bank(questions):
        if not any(p.field == x.field and p.question == x.question for x in problems):
            problems.append(replace(p, line=q_lines.get(p.question or "")))
    if problems:
        raise BankError(problems)
    source = _scalar(top["source"]) if "source" in top else None
    return Bank(bank=str(bank_name), questions=questions, source=source)


def load_bank(path: str | Path) -> Bank:
    p = Path(path)
    return parse_bank(p.read_text(encoding="utf-8"), p.name)


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
