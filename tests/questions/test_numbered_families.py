"""A member of a numbered family ("RAID 10" where the notes write RAID 0, 1, 5, 6 and 10) is
asked among the family's other members the notes write, never among near misses of a
quantity (RAID 15 and RAID 25 do not exist)."""

from __future__ import annotations

from pathlib import Path

from questions.generate import generate_document

NOTES = Path(__file__).parent / "notes"


def test_a_numbered_member_is_asked_among_its_family() -> None:
    text = (NOTES / "linux-storage.md").read_text(encoding="utf-8")
    chosen = generate_document("linux-storage.md", text).chosen
    raid = [q for _, q in chosen if q.prompt.startswith("Fill in the blank: RAID ___")]
    assert raid, [q.prompt for _, q in chosen]
    for q in raid:
        assert set(q.choices) <= {"0", "1", "5", "6", "10"}, q.choices


STANDARDS = """# Security+ governance

## Frameworks

- ISO 27001 = ISMS requirements (certifiable), 27002 = control guidance, 27701 = privacy extension, ISO 31000 = risk management
- NIST CSF 2.0 adds the GOVERN function to the five older ones
- SOC 2 Type II reports on controls over a period, Type I at a point in time
- PCI DSS applies to anyone storing, processing or transmitting card data
"""


def test_an_enumeration_goes_on_with_its_familys_members() -> None:
    chosen = generate_document("standards.md", STANDARDS).chosen
    iso = [q for _, q in chosen if "ISO ___" in q.prompt]
    assert iso, [q.prompt for _, q in chosen]
    for q in iso:
        # the notes' own standards, written as the key is (never 30000 or "27,002")
        assert set(q.choices) <= {"27001", "27002", "27701", "31000"}, q.choices
