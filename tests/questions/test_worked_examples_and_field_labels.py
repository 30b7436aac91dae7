"""A worked example's numbers are its inputs and steps, and a label every list repeats is a
field, not a term (issue #13, "non-content becomes questions"). On a PMP-shaped page written
here: earned value worked through for one project, and each process's Inputs / Tools &
Techniques / Outputs."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# PM notes

## Earned value

- CV = EV − AC (negative = over budget)
- CPI = EV / AC (below 1 = over budget)
- Communication channels = n(n − 1) / 2 → 10 people = 45 channels; adding 5 people → 105 (+60)

**Worked example.** BAC = $200,000, 10-month project, linear plan. End of month 4: planned 40 % complete, actually 30 % complete, spent $70,000.
- PV = 40 % × 200,000 = **$80,000**; EV = 30 % × 200,000 = **$60,000**
- EAC (typical) = 200,000 / 0.857 = **$233,372** → ETC = 233,372 − 70,000 = $163,372

## Processes

**Develop Charter** (Initiating)
- Inputs: business documents, agreements, EEFs, OPAs
- Tools & Techniques: expert judgment, data gathering, meetings
- Outputs: project charter, assumption log

**Create WBS** (Planning)
- Inputs: scope management plan, requirements documentation, EEFs
- Tools & Techniques: expert judgment, decomposition
- Outputs: scope baseline, project documents updates

**Validate Scope** (Monitoring)
- Inputs: verified deliverables, work performance data
- Tools & Techniques: inspection, decision making
- Outputs: accepted deliverables, change requests

**Control Quality** (Monitoring)
- Inputs: approved change requests, deliverables, quality metrics
- Tools & Techniques: inspection, testing, statistical sampling
- Outputs: verified deliverables, quality control measurements
"""


def _result():  # type: ignore[no-untyped-def]
    return generate_document("pm.md", NOTES)


def test_a_worked_examples_numbers_are_no_facts() -> None:
    spans = {f.span for f in _result().facts if f.kind == "number"}
    assert not spans & {"200,000", "10-month", "40 %", "30 %", "$80,000", "$163,372"}, spans
    prompts = [q.prompt for _, q in _result().chosen]
    assert not [p for p in prompts if "BAC = $" in p or "planned ___" in p], prompts
    # a difference restated in brackets after the sum is the sum's, not a value to recall
    assert not [p for p in prompts if "(+___)" in p], prompts


def test_a_label_each_list_repeats_is_no_term() -> None:
    result = _result()
    terms = {f.subject for f in result.facts if f.kind == "definition"}
    assert not terms & {"Inputs", "Outputs", "Tools & Techniques"}, terms
    keyed = {q.choices[q.answer] for _, q in result.chosen}
    assert not keyed & {"Inputs", "Outputs", "Tools & Techniques"}, keyed


def test_a_worked_problems_givens_are_no_facts() -> None:
    notes = (
        "# DynamoDB\n\n## Capacity\n\n- WCU: 1 write per second of up to 1 KB\n"
        "- Read 20 items/s of 8 KB, strongly consistent: 20 × 8 / 4 = 40 RCU\n"
        "- Item size limit: 400 KB\n"
    )
    spans = {f.span for f in generate_document("d.md", notes).facts if f.kind == "number"}
    assert "400 KB" in spans and "1 KB" in spans, spans
    assert not spans & {"20 items/s", "8 KB"}, spans


AREAS = """# PMP

## Knowledge areas

| Knowledge area | # processes | Executing process(es) |
|---|---|---|
| Integration | 7 | Direct & Manage Project Work, Manage Project Knowledge |
| Scope | 6 | — |
| Schedule | 6 | — |
| Cost | 4 | — |
| Quality | 3 | Manage Quality |
| Risk | 7 | Implement Risk Responses |
"""


def test_a_counting_header_is_asked_in_words() -> None:
    tried = [c.prompt for c in generate_document("a.md", AREAS).candidates]
    assert not [p for p in tried if "# processes" in p], tried
    assert any(p.startswith("How many processes does ") for p in tried), tried
