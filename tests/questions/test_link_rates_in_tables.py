"""A link's rate is a measured value ("1 Gbps", "100 Mbps"), and a row whose cell states the
key's value among others ("1 Gbps @ 100 m / 10 Gbps @ ~55 m") is no wrong option for it (issue
#13, "0 with two choices true by the notes' own table"; review of Network+ notes, session 32)."""

from __future__ import annotations

import pytest

from questions.generate import generate_document
from questions.quantities import ascending_order, numbers_in

CABLES = """# Net+

## Cabling

| Cable | Max speed | Max distance | Bandwidth |
|---|---|---|---|
| Cat5 | 100 Mbps (100BASE-TX) | 100 m | 100 MHz |
| Cat5e | 1 Gbps (1000BASE-T) | 100 m | 100 MHz |
| Cat6 | 1 Gbps @ 100 m / 10 Gbps @ ~55 m | 100 m | 250 MHz |
| Cat6a | 10 Gbps (10GBASE-T) | 100 m | 500 MHz |
| Cat8 | 25/40 Gbps | 30 m | 2000 MHz |
"""


@pytest.mark.parametrize(
    ("text", "unit"), [("1 Gbps", "Gbps"), ("100 Mbps", "Mbps"), ("56 Kbps", "Kbps")]
)
def test_a_link_rate_has_its_unit(text: str, unit: str) -> None:
    (n,) = numbers_in(text)
    assert n.unit == unit


def test_rates_order_across_units() -> None:
    assert ascending_order(["1 Gbps", "100 Mbps", "10 Gbps", "500 Mbps"]) == (1, 3, 0, 2)


def test_a_row_stating_the_keys_rate_is_no_wrong_option() -> None:
    for c in generate_document("c.md", CABLES).candidates:
        if c.answer_text == "Cat5e" and "1 Gbps" in c.prompt:
            assert "Cat6" not in c.options, c.options
        if c.answer_text == "Cat6a" and "10 Gbps" in c.prompt:
            assert "Cat6" not in c.options, c.options


def test_an_address_patterns_fixed_groups_are_no_number() -> None:
    notes = (
        "# Net+\n\n## Troubleshooting\n\n- 169.254.x.x address → DHCP unreachable\n"
        "- 10.0.* is private space\n- Elasticsearch 8.x turns security on by default\n"
        "- CRC errors above 1 % point to a bad cable\n"
    )
    spans = {f.span for f in generate_document("n.md", notes).facts if f.kind == "number"}
    assert not spans & {"169.254", "10.0"}, spans
    assert "8" in spans or "8.x" in spans or "1 %" in spans, spans


def test_a_toggle_glyph_before_an_item_is_no_word_of_it() -> None:
    notes = "# Net+\n\n## Ports\n\n- ▸ Kerberos 88, LDAP 389\n  - ▸ RADIUS 1812/1813 UDP\n"
    texts = [b.text for b in generate_document("n.md", notes).doc.blocks]
    assert texts == ["Kerberos 88, LDAP 389", "RADIUS 1812/1813 UDP"], texts
