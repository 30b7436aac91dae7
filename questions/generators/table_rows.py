"""Table rows, both directions: "which CODE matches this description?" and the reverse.

Every other row of the same column is a distractor of the same type. Works for any number of
columns: each value column is paired with the first (key) column.
"""

from __future__ import annotations

from collections.abc import Sequence

from questions.generators.base import (
    Candidate,
    pick_distractors,
    place_answer,
    quote,
    topic_of,
    zh,
)
from questions.notes_parser import Fact

NAME = "table_rows"
MAX_OPTION = 160


def _short(text: str) -> str:
    return text if len(text) <= MAX_OPTION else text[: MAX_OPTION - 1].rstrip() + "…"


def generate(facts: Sequence[Fact], title: str, file: str) -> list[Candidate]:
    tables: dict[tuple[int, str], list[Fact]] = {}
    for f in facts:
        if f.kind == "row":
            tables.setdefault((f.section.index, f.group), []).append(f)
    out: list[Candidate] = []
    for rows in tables.values():
        if len(rows) < 2:
            continue
        for f in rows:
            key, value = f.cells
            h_key = f.header[0] or ("项" if zh(value) else "entry")
            h_val = f.header[1] or ("描述" if zh(value) else "description")
            topic = topic_of(f, title)
            seed = f"{NAME}:{key}:{value}"
            keys = [r.cells[0] for r in rows if r is not f]
            options, answer = place_answer(key, pick_distractors(key, keys, seed), seed)
            prompt = (
                f"{topic}：哪个{h_key}对应以下{h_val}？\n{quote(value)}"
                if zh(value + h_val)
                else f"{topic}: which {h_key.lower()} matches this {h_val.lower()}?\n{quote(value)}"
            )
            explanation = f"{key}: {value}"
            out.append(
                Candidate(
                    NAME,
                    "choice",
                    topic,
                    prompt,
                    options,
                    answer,
                    explanation,
                    file,
                    f.line,
                    f.section.key,
                    f"cell:{f.group}:0",
                    f"{NAME}:fwd:{key}:{h_val}",
                )
            )
            values = [_short(r.cells[1]) for r in rows if r is not f]
            mine = _short(value)
            wrong = pick_distractors(mine, values, seed + ":rev", similar_to=value)
            options, answer = place_answer(mine, wrong, seed + ":rev")
            prompt = (
                f"{topic}：{h_key} {key} 的{h_val}是哪一项？"
                if zh(value + h_val)
                else f"{topic}: which {h_val.lower()} goes with {key}?"
            )
            out.append(
                Candidate(
                    NAME,
                    "choice",
                    topic,
                    prompt,
                    options,
                    answer,
                    explanation,
                    file,
                    f.line,
                    f.section.key,
                    f"cell:{f.group}:1",
                    f"{NAME}:rev:{key}:{h_val}",
                )
            )
    return out
