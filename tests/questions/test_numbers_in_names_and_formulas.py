"""A number that is part of something else is no value to ask (a review of network notes):
- the head of a standard's name ("(802.1D-1998)" asked "___.1D-1998" among 401, 750, 1000);
- a formula's factor ("metric = 256 × (10^7 / BW + delay)" asked "what value do the notes
  give for metric?" with "256 ×" among "128 ×" and "512 ×");
- the number of a name given as a default ("default = VLAN 1" asked "the default value of
  VLAN", as if VLAN were a setting).
A value right after what it measures is that measure, whatever the line is about: "port
priority 128" under a line on root ports is a priority, and meets 64 and 256, not the notes'
ports 53, 80 and 443. A comment giving the unit ("# in Mbps") says what no command is for."""

from __future__ import annotations

from questions.facts.commands import purpose
from questions.generate import generate_document
from questions.values import number_role, numbers_in

NOTES = """# Switching notes

## Ports and ACLs

- DNS runs on port 53, HTTP on port 80, HTTPS on port 443
- an extended ACL can match the destination port

## Spanning tree

Native VLAN: frames on the trunk that carry no tag (default = VLAN 1, must match on both ends).

- Root port (one per non-root switch) → lowest cost to the root
  - tie → lowest port ID (port priority 128 + port number)
- Default costs (802.1D-1998): 10 Mbps = 100, 1 Gbps = 4
- bridge priority default 32768, in steps of 4096

## Metrics

- composite metric = 256 × (10^7 / slowest bandwidth + total delay)
- hello interval 5 s on fast links

```
router ospf 1
 auto-cost reference-bandwidth 10000   # in Mbps
 passive-interface g0/2                # stop sending hellos on g0/2
```
"""


def _asked() -> list[tuple[str, list[str], str]]:
    chosen = generate_document("t.md", NOTES).chosen
    return [(q.prompt, list(q.choices), q.choices[q.answer]) for _, q in chosen if q.choices]


def test_no_number_of_a_name_or_formula_is_asked() -> None:
    asked = _asked()
    assert asked
    for prompt, choices, key in asked:
        assert key not in ("802", "256 ×"), (prompt, choices)
        assert not any(c.endswith("×") for c in choices), (prompt, choices)
        assert "default value of VLAN" not in prompt, prompt


def test_a_priority_meets_priorities_not_the_notes_ports() -> None:
    (choices,) = [c for p, c, k in _asked() if k == "128"]
    assert not {"53", "80", "443"} & set(choices), choices


def test_what_a_number_right_after_a_measure_counts() -> None:
    s = "tie → lowest port ID (port priority 128 + port number)"
    (n,) = [n for n in numbers_in(s) if n.text == "128"]
    assert number_role(s, n, "Spanning tree", "Root port (one per switch)") == "quantity"
    s = "Default costs (802.1D-1998): 10 Mbps = 100"
    (n,) = [n for n in numbers_in(s) if n.text == "802"]
    assert number_role(s, n) == "id"


def test_a_unit_comment_is_no_purpose() -> None:
    assert not purpose("in Mbps")
    assert not purpose("单位 ms")
    assert purpose("stop sending hellos on g0/2")
    asked = _asked()
    assert not any("in Mbps" in p for p, _, _ in asked), asked
