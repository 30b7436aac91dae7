"""A lead that opens a sentence its items finish ("SLAs should:" over "be simply written …")
names no thing: "Which of these has this property: “be simply written …”?" was keyed "SLAs
should" four times. And "Purpose: to set clear targets …" under each practice is a label, not
a term offered beside the practice's real terms."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# ITIL practices

## Service level management

- **Service level** – one or more metrics that define expected or achieved service quality
- **Watermelon SLA** – green on the outside, red on the inside: targets met, customer unhappy
- **Service level agreement** – a documented agreement between a provider and a customer
- Purpose: to set clear business-based targets for service levels

SLAs should:
- be related to a defined service in the service catalogue
- relate to defined outcomes, not just operational metrics
- be simply written and easy to understand for all parties

## Change enablement

- **Change authority** – a person or group who authorizes a change
- **Change schedule** – used to plan changes and avoid conflicts
- Purpose: to maximise the number of successful changes by assessing risks
"""


def test_a_requirement_lead_and_a_purpose_label_are_no_options() -> None:
    r = generate_document("itil.md", NOTES)
    assert r.chosen
    options = {c for _, q in r.chosen for c in q.choices}
    assert "SLAs should" not in options and "Purpose" not in options
