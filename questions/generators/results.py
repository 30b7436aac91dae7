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
    minus, the answer's opposite (-2 ** 2 is -4, and 4 is the trap); an integer's neighbours
    (-7 // 2 is -4, and -3 is the trap); the notes' own results next to it; then the notes'
    other results of its form, nearest first."""
    n = float(value)
    whole = result_form(value) == "int"
    by_distance = sorted(others, key=lambda o: (abs(float(o) - n), float(o)))
    picks: list[str] = []
    if whole and "-" in expression and int(n) != 0:
        picks.append(str(-int(n)))
    if whole:  # -7 / 2 is -3 in Java and -4 is the floor trap: the neighbours first
        picks += [str(int(n) + step) for step in (-1, 1)]
    picks += [o for o in by_distance if abs(float(o) - n) <= 2]
    if whole:
        picks += [str(int(n) + step) for step in (2, -2)]
    picks += by_distance
    return [p for p in dict.fromkeys(picks) if p != value][:3]


#: words of the language, never a variable the stem must give
_KEYWORDS = frozenset({"True", "False", "None", "and", "or", "not", "in", "is", "if", "else",
                       "lambda", "for", "null", "true", "false", "undefined", "typeof", "new"})  # fmt: skip


def unbound(f: Fact, setup: str) -> list[str]:
    """Short names the expression reads that nothing gives (`s` of `s[0] = 'X'`): without
    them the result depends on what the reader imagines `s` to be."""
    expr = f.subject
    params = set(re.findall(r"lambda\s+([\w\s,]+):", expr))
    bound = {p.strip() for group in params for p in group.split(",")}
    names = [m.group(1) for m in _NAME.finditer(expr)
             if expr[m.end() : m.end() + 1] != "."]  # fmt: skip
    return [n for n in names if len(n) <= 2 and n not in _KEYWORDS and n not in bound
            and not re.match(rf"{re.escape(n)}\s*=", setup)]  # fmt: skip


def _literal_chars(expression: str) -> set[str]:
    return {ch for lit in re.findall(r"'([^']*)'|\"([^\"]*)\"", expression) for part in lit
            for ch in part}  # fmt: skip


def _fits_expression(option: str, expression: str) -> bool:
    """A string result made of the expression's own characters ('hon' of 'python'[-3:]):
    one made of another literal's ('bc') is ruled out by sight."""
    chars = _literal_chars(expression)
    body = option.strip()[1:-1]
    return not chars or set(body) <= chars


def _concatenation_slips(expression: str) -> list[str]:
    """What a player who misreads `1 + 2 + "3"` answers: every literal added up ("6"), every
    literal joined ("123"), and the numbers after the first text added before joining."""
    literals = [p.strip().strip("'\"") for p in expression.split("+")]
    if not all(x.isdigit() for x in literals):
        return []
    first_text = next(i for i, p in enumerate(expression.split("+")) if '"' in p)
    head = str(sum(int(x) for x in literals[:first_text])) if first_text else ""
    tail = (
        str(sum(int(x) for x in literals[first_text + 1 :]))
        if first_text + 1 < len(literals)
        else ""
    )
    slips = [
        str(sum(int(x) for x in literals)),
        "".join(literals),
        head + literals[first_text] + tail,
    ]
    return list(dict.fromkeys(slips))


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    form = result_form(f.value, f.subject)
    setup = given(f)
    if unbound(f, setup):
        return
    if form == "boolean":  # `Integer.valueOf(127) == Integer.valueOf(127)` → true
        v = f.value.strip()
        wrong = [{"true": "false", "false": "true"}[v.lower()]]
        wrong = [w.capitalize() if v[:1].isupper() else w for w in wrong]
    elif form in ("int", "float"):
        wrong = _numbers_near(f.value, f.sibling_values, f.subject)
    elif form == "concatenation":
        slips = [x for x in _concatenation_slips(f.subject) if x != f.value.strip()]
        wrong = (slips + [w for w in f.sibling_values if w not in slips])[:3]
    elif form == "string":
        wrong = [w for w in f.sibling_values if _fits_expression(w, f.subject)][:3]
    else:
        wrong = list(f.sibling_values[:3])
    lang = lang_of(f)
    if lang == "zh":
        prompt = f"{setup + '，' if setup else ''}{f.subject} 的结果是？"
    else:
        prompt = f"{'Given ' + setup + ', what' if setup else 'What'} is the result of {f.subject}?"
    c = build(NAME, "result", f, prompt, f.value, wrong, lang, rank=0, query=f.subject,
              closed=form == "boolean", notes_options=form not in ("int", "float"))  # fmt: skip
    if c is not None:
        yield c
