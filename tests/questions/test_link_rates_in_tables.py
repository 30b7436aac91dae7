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
