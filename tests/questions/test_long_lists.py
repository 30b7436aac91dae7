"""One list of hundreds of like terms (a glossary): every item's kin and every question's
options came from the whole list, so generating it cost the square of the list, and a hostile
notes file of one long list ran for minutes. Kin are the items around an item; options are
read around the answer (issue #13 point 10; benchmarks/bench_generate.py "one long list")."""

from __future__ import annotations

from questions.facts.extract import KIN_WINDOW, extract
from questions.generate import generate_from_texts
from questions.parse import parse_document

ITEMS = 300


def _glossary(n: int) -> str:
    lines = ["# Glossary", "", "## Terms", ""]
    lines += [f"- **Term{i}** – the component number {i} that runs job {i * 7}" for i in range(n)]
    return "\n".join(lines) + "\n"


def test_a_long_lists_items_take_their_neighbours_as_kin() -> None:
    facts = extract(parse_document(_glossary(ITEMS), "g.md"))
    defined = [f for f in facts if f.kind == "definition"]
    assert len(defined) == ITEMS
    assert max(len(f.siblings) for f in defined) <= 2 * KIN_WINDOW
    middle = next(f for f in defined if f.subject == "Term150")
    assert "Term149" in middle.siblings and "Term151" in middle.siblings
    assert "Term0" not in middle.siblings  # far items are no kin


def test_a_long_list_still_makes_questions_with_near_options() -> None:
    bank, _ = generate_from_texts([("g.md", _glossary(ITEMS))], "b")
    assert len(bank.questions) >= ITEMS // 4
    for q in bank.questions:
        key = q.choices[q.answer]
        if key.startswith("Term"):
            for option in q.choices:
                if option.startswith("Term"):
                    assert abs(int(option[4:]) - int(key[4:])) <= 60, q.choices
