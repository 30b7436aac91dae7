"""Two shapes of cheat-sheet notes: a list led in by "ports -> memorize" holds ports, so a
blanked one is offered among ports, never 10, 15 and 30; and a line that is only a run of
numbers ("128, 192, 224, 240, …") is learnt whole, no number of it asked alone."""

from __future__ import annotations

from questions.facts.numbers import _number_run
from questions.generate import generate_from_texts
from questions.stems import BLANK

NOTES = """# Net notes

## Services

ports -> memorize
- FTP -> 20 data / 21 ctrl (TCP)
- DNS -> 53 (UDP queries, TCP zone transfers)
- DHCP -> 67 server / 68 client (UDP)
- NTP -> 123 over UDP, keeps clocks in sync

## Masks

**memorize** (mask octet values):
- 128, 192, 224, 240, 248, 252, 254, 255
- a /30 leaves **2** usable hosts, enough for a point-to-point link
"""

KNOWN_PORTS = {20, 21, 22, 23, 25, 53, 67, 68, 69, 80, 110, 123, 143, 161, 443, 514}


def _bank() -> list[tuple[str, tuple[str, ...], int]]:
    bank, _ = generate_from_texts([("net.md", NOTES)], "net")
    return [(q.prompt, q.choices, q.answer) for q in bank.questions if q.kind == "choice"]


def test_a_port_under_a_ports_lead_in_is_offered_among_ports() -> None:
    asked = [(p, c) for p, c, _ in _bank() if "->" in p and BLANK in p and "memorize" not in p]
    assert asked
    for prompt, choices in asked:
        assert all(int(c) in KNOWN_PORTS for c in choices), (prompt, choices)


def test_a_run_of_numbers_is_not_asked_number_by_number() -> None:
    assert not any("octet" in p or p.rstrip().endswith(BLANK) for p, _, _ in _bank())
    assert _number_run("128, 192, 224, 240, 248, 252, 254, 255")
    assert _number_run("ports: 80, 443, 8080, 8443")
    assert not _number_run("/16 = 65,534 hosts, /23 = 510")
    assert not _number_run("timeouts 5, 10, 30 s")
