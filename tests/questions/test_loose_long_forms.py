"""A long form written before its acronym in brackets whose last letters sit inside a word
("Transit Gateway (TGW)", "Egress-only Internet Gateway (EIGW)") is what the acronym stands
for: a stem that says "transitive routing" keys TGW at a glance and is not asked (review of
AWS networking notes, session 27). The notes are written for this test (Azure)."""

from __future__ import annotations

from questions.cues import expansions
from questions.generate import generate_document


def test_a_long_form_with_inner_letters_is_read() -> None:
    found = expansions(
        [
            "Virtual WAN Hub (VWH): the managed hub of a virtual WAN.",
            "Private Endpoint (PEP): a private IP for a PaaS service.",
            "and then some words (XYZ) with no long form",
        ]
    )
    assert found.get("VWH") == "Virtual WAN Hub"
    assert found.get("PEP") == "Private Endpoint"
    assert "XYZ" not in found


AZURE = """# Azure

## Connectivity

- Transit Hub (TRH): joins many spokes so they reach each other
- Peering Link (PL): joins exactly two virtual networks, no transit
- Service Gateway (SGW): private reach to storage without the internet
- Bastion Host (BH): browser-based RDP and SSH to VMs

## Exam picks

- "transitive reach between many spokes" → TRH
- "private reach to storage" → SGW
- "RDP without a public IP" → BH
- "two networks, cheapest" → PL
"""


def test_a_stem_spelling_the_keys_long_form_is_not_kept() -> None:
    r = generate_document("a.md", AZURE)
    for _, q in r.chosen:
        if q.choices[q.answer] == "TRH":
            assert "transitive" not in q.prompt, q.prompt
