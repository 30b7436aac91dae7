"""Open Trivia DB JSON (https://opentdb.com/api_config.php), default (HTML entity) encoding.

    {"response_code": 0, "results": [{"category": "...", "type": "multiple" | "boolean",
      "difficulty": "easy", "question": "...", "correct_answer": "...",
      "incorrect_answers": ["...", ...]}]}

Import: HTML entities are decoded (`&quot;` -> `"`); category -> topic; "boolean" -> truefalse
with choices (True, False); "multiple" -> choice, where the correct answer is inserted among the
incorrect ones (kept in file order) at a position derived from a hash of the question, so the same
file always gives the same order and the answer is not always first. Other types are skipped and
reported. Line numbers point at each result object in the file.
Export: the same shape with text HTML-escaped, "difficulty" always "medium" (the bank has none),
the incorrect answers in bank order. Dropped: id (re-derived from content on import), the
position of the correct answer among the choices, explanation, source and lang.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Sequence
from typing import Any

from questions.bank import TRUE_FALSE, BankQuestion, Problem
from questions.formats.common import Draft, ImportResult, add, build, finish, refuse_over_limit
from questions.intake import MAX_DEPTH

_DECODER = json.JSONDecoder()
_WS_RE = re.compile(r"[ \t\r\n]*")


def answer_position(prompt: str, n_choices: int) -> int:
    """Where the correct answer goes among n choices: stable per prompt, spread evenly."""
    digest = hashlib.sha1(prompt.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:4], "big") % n_choices


def _skip_ws(text: str, pos: int) -> int:
    m = _WS_RE.match(text, pos)
    return m.end() if m else pos


def _result_lines(text: str) -> list[int]:
    """Line of each object in the top-level "results" array (json itself gives no positions)."""
    pos = _skip_ws(text, 0)
    if text[pos : pos + 1] != "{":
        return []
    pos += 1
    while True:
        pos = _skip_ws(text, pos)
        if text[pos : pos + 1] != '"':
            return []
        key, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_ws(text, pos) + 1  # the colon
        pos = _skip_ws(text, pos)
        if key == "results" and text[pos : pos + 1] == "[":
            return _array_item_lines(text, pos + 1)
        _, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_ws(text, pos) + 1  # the comma


def _array_item_lines(text: str, pos: int) -> list[int]:
    lines: list[int] = []
    line, counted = 1, 0  # lines are counted on from the last item, so the walk stays linear
    while True:
        pos = _skip_ws(text, pos)
        if text[pos : pos + 1] in ("]", ""):
            return lines
        line += text.count("\n", counted, pos)
        counted = pos
        lines.append(line)
        _, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_ws(text, pos)
        if text[pos : pos + 1] == ",":
            pos += 1


def _depth(doc: Any) -> int:
    """How deeply arrays and objects nest (without recursion, so any depth can be measured)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in value)
    return deepest


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return html.unescape(value).strip() if isinstance(value, str) else ""


def _item_draft(item: Any, line: int | None, label: str) -> tuple[Draft | None, Problem | None]:
    """One result -> a draft, or a problem (bad shape) / skip (unsupported type)."""
    if not isinstance(item, dict):
        return None, Problem("question", "must be an object", label, line)
    kind = item.get("type")
    prompt = _text(item, "question")
    correct = _text(item, "correct_answer")
    wrong_raw = item.get("incorrect_answers")
    if not isinstance(wrong_raw, list) or not all(isinstance(w, str) for w in wrong_raw):
        return None, Problem("incorrect_answers", "must be a list of texts", label, line)
    wrong = [html.unescape(w).strip() for w in wrong_raw]
    topic = _text(item, "category")
    if kind == "boolean":
        answer = 0 if correct.casefold() == "true" else 1
        if correct.casefold() not in ("true", "false"):
            return None, Problem("correct_answer", "must be True or False", label, line)
        q = build(prompt=prompt, choices=TRUE_FALSE, answer=answer, topic=topic, kind="truefalse")
        return Draft(q, line), None
    if kind == "multiple":
        at = answer_position(prompt, len(wrong) + 1)
        choices = [*wrong[:at], correct, *wrong[at:]]
        return Draft(build(prompt=prompt, choices=choices, answer=at, topic=topic), line), None
    return None, Problem("kind", f"type {kind!r} is not supported; skipped", label, line)


def parse(text: str, *, name: str = "import", bank: str = "imported") -> ImportResult:
    """Read Open Trivia DB JSON; raise BankError listing every problem, or return questions."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        return finish(
            [], [Problem("json", f"{name} is not valid JSON: {exc.msg}", None, exc.lineno)]
        )
    except RecursionError:  # json's own guard, long before MAX_DEPTH matters to memory
        return finish([], [Problem("json", f"{name} nests deeper than {MAX_DEPTH} levels")])
    except ValueError:  # an integer of more digits than Python converts
        return finish([], [Problem("json", f"{name} holds a number too long to read")])
    if _depth(doc) > MAX_DEPTH:
        return finish([], [Problem("json", f"{name} nests deeper than {MAX_DEPTH} levels")])
    if not isinstance(doc, dict) or not isinstance(doc.get("results"), list):
        return finish([], [Problem("results", f"{name} must be an object with a results list")])
    refuse_over_limit(len(doc["results"]))
    problems = []
    if doc.get("response_code", 0) != 0:
        problems.append(Problem("response_code", f"is {doc['response_code']}, not 0 (success)"))
    try:
        lines = _result_lines(text)
    except ValueError:  # an odd but valid layout: problems just lose their line numbers
        lines = []
    drafts: list[Draft] = []
    skipped: list[Problem] = []
    for i, item in enumerate(doc["results"]):
        line = lines[i] if i < len(lines) else None
        draft, problem = _item_draft(item, line, f"results[{i}]")
        if draft is not None:
            add(drafts, draft)
        elif problem is not None and problem.field == "kind":
            skipped.append(problem)
        elif problem is not None:
            problems.append(problem)
    return finish(drafts, problems, skipped, bank=bank)


def _result(q: BankQuestion) -> dict[str, Any]:
    wrong = [c for i, c in enumerate(q.choices) if i != q.answer]
    return {
        "category": html.escape(q.topic),
        "type": "boolean" if q.kind == "truefalse" else "multiple",
        "difficulty": "medium",
        "question": html.escape(q.prompt),
        "correct_answer": html.escape(q.answer_text),
        "incorrect_answers": [html.escape(c) for c in wrong],
    }


def dump(questions: Sequence[BankQuestion], *, bank: str) -> str:
    """Open Trivia DB JSON for the questions, one result per question."""
    doc = {"response_code": 0, "results": [_result(q) for q in questions]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
