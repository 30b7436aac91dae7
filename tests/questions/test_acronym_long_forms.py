"""Unseen notes review (issue #13), Security+ notes: an acronym list written "**RADIUS** –
Remote Authentication Dial-In User Service: UDP, …" was asked "Which of these is described
here: “Remote Authentication Dial-In User Service: UDP, …”?" → RADIUS. The long form after
the acronym spells the key; only long forms written before an acronym or in brackets after it
were known."""

from __future__ import annotations

from questions.cues import expansions
from questions.generate import generate_document

NOTES = """# Routing notes

## Protocols

- **BGP** – Border Gateway Protocol: path-vector routing between autonomous systems, TCP 179
- **OSPF** = Open Shortest Path First: link-state routing inside one area, uses Dijkstra
- **EIGRP** – Enhanced Interior Gateway Routing Protocol: advanced distance-vector, Cisco first
- **RIPng** – the IPv6 version of the oldest distance-vector protocol, hop limit 15
- **IS-IS**: link-state like the above but runs straight on layer 2

## Timers

- OSPF hello every 10 s on broadcast links, dead after 40 s
- BGP keepalive every 60 s, hold time 180 s
"""


def test_a_long_form_after_the_acronym_is_read() -> None:
    found = expansions(NOTES.splitlines())
    assert found["BGP"] == "Border Gateway Protocol"
    assert found["OSPF"] == "Open Shortest Path First"
    assert found["EIGRP"] == "Enhanced Interior Gateway Routing Protocol"
    # a description that is no capitalised long form is none
    assert "IS" not in found and "RIPNG" not in found


def test_no_question_quotes_the_long_form_of_its_key() -> None:
    kept = [q for _, q in generate_document("t.md", NOTES).chosen]
    assert kept
    for q in kept:
        key = q.choices[q.answer]
        for acronym, long_form in (("BGP", "Border Gateway"), ("OSPF", "Shortest Path"),
                                   ("EIGRP", "Interior Gateway")):  # fmt: skip
            assert not (key == acronym and long_form in q.prompt), q.prompt
            assert long_form not in key and not any(long_form in c for c in q.choices), q


def test_each_protocol_is_asked_by_what_it_does() -> None:
    """The long form cut, the rest of the line says what the protocol does."""
    keys = {q.choices[q.answer] for _, q in generate_document("t.md", NOTES).chosen}
    assert {"BGP", "OSPF", "EIGRP"} <= keys, keys


LINE = """# Storage notes

## Acronyms

- **RAID** – Redundant Array of Independent Disks (several disks seen as one, for speed or safety)
- **NAS** – Network Attached Storage: file shares over the LAN. **SAN** – Area Network (block storage over its own fabric).
- **LUN** – a numbered block device a SAN hands out to one host
"""


def test_a_long_form_before_a_bracket_or_beside_another_term_is_cut() -> None:
    kept = [q for _, q in generate_document("t.md", LINE).chosen]
    prompts = " ".join(q.prompt for q in kept)
    assert "Redundant Array" not in prompts and "Area Network" not in prompts, prompts
    for q in kept:  # and no long form is offered as a description either
        assert not any(c.startswith(("Redundant Array", "Network Attached")) for c in q.choices)
    assert {"RAID", "NAS", "SAN"} & {q.choices[q.answer] for q in kept}, prompts


BLENDS = """# Cloud concepts

## Spending

- **CapEx**: capital expenditure: upfront spend on physical infra (buy servers, datacenter)
- **OpEx**: operational expenditure: pay for services as you consume them
- **Multi-cloud**: more than one public cloud provider at once
- **Consumption-based model**: pay only for what you use, no upfront cost
"""


def test_a_name_joined_of_its_words_parts_is_asked_without_them() -> None:
    """ "capital expenditure" opens CapEx's two parts: quoted, it names the key."""
    r = generate_document("b.md", BLENDS)
    for _, q in r.chosen:
        assert "expenditure" not in q.prompt.lower(), q.prompt
        if q.choices[q.answer] in ("CapEx", "OpEx"):
            assert not any("expenditure" in c for c in q.choices), q.choices
    asked = {q.choices[q.answer]: q.prompt for _, q in r.chosen}
    assert "upfront spend on physical infra" in asked.get("CapEx", ""), asked


def test_a_stem_writing_a_names_parts_gives_it_away_unless_both_are_written() -> None:
    from questions.cues import clue

    said = "Which is described here: “capital expenditure, bought up front”?"
    assert clue(said, "CapEx", ["OpEx", "Multi-cloud"]) == "expenditure"
    both = "Which is described here: “capital expenditure, not operational expenditure”?"
    assert clue(both, "CapEx", ["OpEx", "Multi-cloud"]) is None
    # the parts must open words in order, one word apart at most
    apart = "Which is described here: “expenditure of capital”?"
    assert clue(apart, "CapEx", ["OpEx", "Multi-cloud"]) is None
