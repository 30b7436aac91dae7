"""A line of names between dashes ("Political – Economic – Social – Technological") lists
them; it defines none. Read as "Political – <the rest>", it asked "Which of these is described
here: “Economic – Social – …”?" with Political as the key, and offered Political beside
every other term of the notes."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Strategy notes

## External factors

- **PESTLE** – the external factors that constrain a strategy
- Political – Economic – Social – Technological – Legal – Environmental
- **SWOT** – strengths, weaknesses, opportunities and threats of one organisation
- **Porter's five forces** – rivalry, new entrants, substitutes, buyers and suppliers
- **Value chain** – the activities that add value to a product, primary and support
"""


def test_a_dashed_series_defines_nothing() -> None:
    r = generate_document("strategy.md", NOTES)
    assert r.chosen
    for _, q in r.chosen:
        said = " ".join([q.prompt, *q.choices])
        assert "Economic – Social" not in said and "Political" not in said
