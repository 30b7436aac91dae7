"""Notes written with LaTeX math (unseen review of session 37, ML metrics): a worked example's
table of formulas was asked by its row number ("Which term is described here: “2”?" → "$-\\ln
0.1 = 2.303$"), the working after "Worked (tiny):" was blanked, and "Worked" was offered as a
metric beside Precision and Recall."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.model import TableData
from questions.tables import analyse

NOTES = r"""# ML metrics

## Threshold metrics

- **Precision** = $\frac{TP}{TP+FP}$: of what was flagged, how much was right; matters when false positives are expensive
- **Recall** = $\frac{TP}{TP+FN}$: of the real positives, how many were caught; matters when false negatives are expensive
- **Specificity** = $\frac{TN}{TN+FP}$: of the real negatives, how many were left alone
- **F1** is the harmonic mean of precision and recall; it ignores true negatives

Worked (tiny): 8 flagged, 6 right → precision $= 6/8 = 0.75$; 10 real positives → recall $= 0.6$.

## Log loss

Log loss punishes confident wrong answers: a prediction of 0.01 for a positive costs $4.6$.

Worked, 3 samples:

| $i$ | $y$ | $\hat p$ | loss |
|---|---|---|---|
| 1 | 1 | 0.9 | $-\ln 0.9 = 0.105$ |
| 2 | 0 | 0.2 | $-\ln 0.8 = 0.223$ |
| 3 | 1 | 0.4 | $-\ln 0.4 = 0.916$ |

Worked: mean loss $= (0.105+0.223+0.916)/3 = 0.415$
"""


def test_a_table_of_formulas_over_numbers_names_no_rows() -> None:
    data = TableData(
        header=("$i$", "$y$", "$\\hat p$", "loss"),
        rows=(("1", "1", "0.9", "$-\\ln 0.9 = 0.105$"), ("2", "0", "0.2", "$-\\ln 0.8 = 0.223$")),
        lines=(3, 4),
    )
    assert analyse(data) is None
    # a table of plain numbers still names its rows by them
    cidr = TableData(header=("CIDR", "Hosts"), rows=(("/24", "254"), ("/25", "126")), lines=(1, 2))
    assert analyse(cidr) is not None


def test_no_question_asks_the_working_or_offers_its_label() -> None:
    asked = [q for _, q in generate_document("ml.md", NOTES).chosen]
    assert asked
    for q in asked:
        assert "Worked" not in q.prompt and "Worked" not in q.choices, (q.prompt, q.choices)
        assert not any("\\ln" in c for c in q.choices), q.choices
        assert "0.415" not in q.choices and "0.75" not in q.choices, q.prompt
    assert any(q.choices[q.answer] in ("Precision", "Recall", "Specificity") for q in asked)


CASES = """# Renal

## Anion gap

- AG = Na − (Cl + HCO3), normal **8–12** mEq/L
- Winter's formula: expected PCO2 = 1.5 × HCO3 + 8 ± 2

## Worked ABGs

**Ex 1 – DKA** 19F T1DM, N/V, Kussmaul breathing
Na 135, Cl 98, HCO3 10, PCO2 23, pH 7.26
- AG = 135 − (98 + 10) = **27** ↑

**Ex 2 – aspirin OD** 45M tinnitus, vomiting
Na 140, Cl 104, HCO3 13, PCO2 20, pH 7.44
"""


def test_a_section_of_worked_cases_is_asked_nothing() -> None:
    asked = [q for _, q in generate_document("renal.md", CASES).chosen]
    for q in asked:
        assert not {"135", "140", "45M", "27"} & set(q.choices), (q.prompt, q.choices)
        assert "Ex 1" not in q.prompt and "Ex 2" not in q.prompt, q.prompt
