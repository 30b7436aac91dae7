"""Notes exported from Google Keep or Apple Notes: title and date lines over one thought a
line, "•" / "◦" bullets and "☐" / "☑" boxes (questions/parse/keep.py). Read as Markdown the
file was one paragraph with no heading, marked hedged for its boxes."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.keep import keep_as_markdown
from questions.parse.markdown import parse_document

KEEP = """CCP TODO
Nov 2, 2026, 7:40 PM

☑ book the exam voucher
☐ practice test #3 before Friday
☐ reread the billing chapter ❓
#ccp #todo

STORAGE - MEMORIZE
Nov 4, 2026, 6:12 AM

🔥 these come up every time
S3 Standard = 99.99% availability, 11 nines durability
S3 One Zone-IA = one AZ only, 99.5% availability
Glacier Deep Archive = cheapest, retrieval within 12 hours
EBS volume types:
• gp3 = general purpose SSD, 3000 IOPS baseline
• io2 = provisioned IOPS SSD, up to 64000 IOPS
  ◦ io2 Block Express goes to 256000 IOPS
• st1 = throughput HDD, can't boot from it
#ccp #storage

BILLING
Nov 6, 2026, 9:03 PM

Savings Plans = commit $/hour for 1 or 3 years, up to 72% off
Spot = up to 90% off, can be interrupted with a 2 minute warning
Reserved Instances = 1 or 3 year term, up to 72% off
https://aws.amazon.com/pricing/
"""


def test_each_note_is_a_section_and_its_date_and_labels_are_skipped() -> None:
    doc = parse_document(KEEP, "keep.txt")
    assert [s.heading for s in doc.sections if s.level] == [
        "CCP TODO",
        "STORAGE - MEMORIZE",
        "BILLING",
    ]
    reasons = {n.reason for n in doc.noise}
    assert {"note date", "note labels"} <= reasons
    assert not [b for b in doc.blocks if "Nov 4, 2026" in b.text or "#ccp" in b.text]


def test_each_line_is_a_note_and_bullets_nest_under_their_lead() -> None:
    doc = parse_document(KEEP, "keep.txt")
    items = {b.text: b for b in doc.blocks if b.kind == "item"}
    assert "Spot = up to 90% off, can be interrupted with a 2 minute warning" in items
    gp3 = items["gp3 = general purpose SSD, 3000 IOPS baseline"]
    assert gp3.parent is not None and gp3.parent.text == "EBS volume types:"
    express = items["io2 Block Express goes to 256000 IOPS"]
    assert express.parent is not None and express.parent.text.startswith("io2 = provisioned")


def test_boxes_are_tasks_and_nothing_is_hedged() -> None:
    doc = parse_document(KEEP, "keep.txt")
    tasks = [b for b in doc.blocks if b.noise == "TODO"]
    assert any("practice test #3" in b.text for b in tasks)
    assert not [n for n in doc.noise if n.reason == "hedged" and "S3" in n.text]


def test_the_notes_are_asked_section_by_section() -> None:
    result = generate_document("keep.txt", KEEP)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 5
    keys = {q.choices[q.answer] for q in asked if q.choices}
    assert keys & {"99.5%", "3000", "90%", "64000", "12 hours", "2 minute"}
    for q in asked:
        assert "☐" not in q.prompt and "•" not in q.prompt and "Nov " not in q.prompt


def test_markdown_and_plain_prose_are_unchanged() -> None:
    md = ["## Storage", "", "- S3 = objects", "", "Oct 5, 2026, 6:31 AM"]
    assert keep_as_markdown(md) == (md, [])
    prose = ["S3 stores objects.", "EBS stores blocks.", "EFS stores files."]
    assert keep_as_markdown(prose) == (prose, [])


def test_hostile_lines_are_read() -> None:
    for line in ("☐" * 20000, "•  " * 7000, "#a " * 7000, "Oct 5, 2026, " * 1500):
        out, _ = keep_as_markdown(["T", "Oct 5, 2026", line, "U", "Nov 1, 2026", line])
        assert len(out) == 6
