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
