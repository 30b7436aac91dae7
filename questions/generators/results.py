"""What a piece of code gives: "What is the result of -7 // 2?", the other results the notes
write of the same form as the options (another exception, another slice, the nearest
numbers), so every wrong option is a value some expression of the notes gives."""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions.candidate import Candidate
from questions.distractors import Pool
from questions.facts.model import Fact
from questions.facts.results import result_form
from questions.generators.common import build, lang_of

NAME = "result"
KINDS = ("result",)

#: a name the expression uses: "L" of `L[1:3]`, "s" of `s.upper()`
_NAME = re.compile(r"(?<![\w.'\"])([A-Za-z_]\w*)(?![\w(])")


#: what a name is given: a bracketed or quoted literal whole, else a plain value
_ASSIGNED = r"(?:\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|'[^']*'|\"[^\"]*\"|[^,;—–\s]+)"


def given(f: Fact) -> str:
    """The assignment the expression's names are given by in what it is said under
    ("slicing — `L = [10, 20, 30]`"), or "": without it `L[1:3]` gives nothing."""
    under = f.block.under
    for name in dict.fromkeys(_NAME.findall(f.subject)):
        m = re.search(rf"(?<![\w.]){re.escape(name)}\s*=\s*{_ASSIGNED}", under)
        if m is not None:
            return m.group(0).strip()
    return ""


def _numbers_near(value: str, others: tuple[str, ...], expression: str) -> list[str]:
    """Wrong numbers a player who half knows the rule would pick: of an expression with a
    minus, the answer's opposite (-2 ** 2 is -4, and 4 is the trap); the notes' own results
    next to it; an integer's neighbours (-7 // 2 is -4, and -3 is the trap); then the notes'
    other results of its form, nearest first."""
    n = float(value)
    whole = result_form(value) == "int"
    by_distance = sorted(others, key=lambda o: (abs(float(o) - n), float(o)))
    picks: list[str] = []
    if whole and "-" in expression and int(n) != 0:
        picks.append(str(-int(n)))
    picks += [o for o in by_distance if abs(float(o) - n) <= 2]
    if whole:
        picks += [str(int(n) + step) for step in (1, -1, 2, -2)]
    picks += by_distance
    return [p for p in dict.fromkeys(picks) if p != value][:3]


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    form = result_form(f.value)
    if form in ("int", "float"):
        wrong = _numbers_near(f.value, f.sibling_values, f.subject)
    else:
        wrong = list(f.sibling_values[:3])
    lang = lang_of(f)
    setup = given(f)
    if lang == "zh":
        prompt = f"{setup + '，' if setup else ''}{f.subject} 的结果是？"
    else:
        prompt = f"{'Given ' + setup + ', what' if setup else 'What'} is the result of {f.subject}?"
    c = build(NAME, "result", f, prompt, f.value, wrong, lang, rank=0, query=f.subject,
              notes_options=form not in ("int", "float"))  # fmt: skip
    if c is not None:
        yield c
