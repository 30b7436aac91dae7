"""Notes with TeX formulas ("$CV = s / \\bar{X}$", "MAD $= \\frac{1}{n}…$"): the "=" inside
a formula is the formula's own, never the line's separator, so no term or option keeps half
of a formula (an odd "$")."""

from __future__ import annotations

import re

from questions.facts.definitions import split_definition
from questions.generate import generate_document
from questions.parse.markdown import parse_document

FORMULAS = r"""# Quant notes

## Dispersion

- MAD $= \frac{1}{n}\sum_{i=1}^{n} \lvert X_i - \bar{X} \rvert$
- sample variance: $s^2 = \dfrac{\sum (X_i - \bar{X})^2}{n - 1}$ ← n−1, population uses N
- coefficient of variation $CV = s / \bar{X}$ → risk per unit of return, lower is better
- range = max − min, the crudest measure

## Regression

- $SEE = \sqrt{MSE}$ — smaller = better fit
- $R^2 = SSR / SST$ — share of variation explained
- F = MSR / MSE, tests all slopes at once
"""


def _definition(line: str) -> tuple[str, str] | None:
    doc = parse_document(f"# N\n\n- {line}\n", "n.md")
    d = split_definition(doc.content[0])
    return (d.term, d.description) if d else None


def test_a_name_before_its_formula_is_defined_by_the_formula() -> None:
    d = _definition(r"MAD $= \frac{1}{n}\sum \lvert X_i - \bar{X} \rvert$")
    assert d is not None
    assert d[0] == "MAD"
    assert d[1].startswith(r"$\frac{1}{n}")


def test_the_equals_sign_inside_a_formula_splits_nothing() -> None:
    d = _definition(r"coefficient of variation $CV = s / \bar{X}$ → risk per unit of return")
    assert d is None or "$" not in d[0]


def test_no_option_keeps_half_a_formula() -> None:
    chosen = [q for _, q in generate_document("q.md", FORMULAS).chosen]
    assert chosen
    for q in chosen:
        for c in q.choices:
            assert len(re.findall(r"(?<!\\)\$", c)) % 2 == 0, (q.prompt, q.choices)
