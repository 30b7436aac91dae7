"""Terms of one list written alike are kin whether the author bolded them or not: "Feasible
successor (FS): …" beside "**Feasible distance (FD)** – …" and "**Successor** – …" names a
term of the list under its whole name (it had been read as an acronym and offered beside
DR/BDR, VLAN and CIDR, a review). A plain word labelling a line of values ("Timers: hello 5 s
/ hold 15 s") names no thing and is no option."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.parse.markdown import parse_document

NOTES = """# Routing notes

## EIGRP

- **Feasible distance (FD)** – total metric of the best path to the destination
- **Successor** – next hop with the lowest FD, installed in the routing table
- Feasible successor (FS): backup next hop that meets the feasibility condition
- Timers: hello 5 s / hold 15 s (60 s / 180 s on slow links)
- slow start: `start_period: 40s` -> failures in the first 40 s are not counted
"""


def _definitions() -> dict[str, tuple[str, ...]]:
    facts = extract(parse_document(NOTES, "t.md"))
    return {f.subject: f.siblings for f in facts if f.kind == "definition"}


def test_a_plain_long_and_short_name_is_a_term_of_its_list() -> None:
    found = _definitions()
    assert "Feasible successor (FS)" in found and "FS" not in found
    assert "Feasible successor (FS)" in found["Successor"]
    assert "Feasible distance (FD)" in found["Feasible successor (FS)"]


def test_a_label_of_values_is_no_term_nor_kin() -> None:
    found = _definitions()
    assert "Timers" not in found
    assert all("Timers" not in siblings for siblings in found.values())
    assert "slow start" in found  # one value said twice: a setting's label, kept
