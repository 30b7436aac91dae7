"""The writer's own lines, wherever they sit: a to-do list of plain boxes at the end of a
section ("- [ ] redo subnetting PBQ timed (< 3 min)", "- [ ] practice exam #4 (last score 78%)")
and the practice questions they got wrong, with their reasoning, are no facts of the notes
(issue #13, review of unseen Network+ and CISSP notes, session 32)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse import parse_document

NOTES = """# Net+

## Troubleshooting

1. Identify the problem
2. Establish a theory of probable cause
3. Test the theory

- Symptom → cause
  - 169.254.x.x address → DHCP unreachable
  - late collisions → duplex mismatch or a cable over 100 m
- [ ] redo subnetting drills timed (< 3 min)
- [ ] practice exam #4 (last score 78%)
- [x] ports flashcards

## Ports

- [x] `22` SSH, checked on the practice test
- SSH uses port 22, Telnet port 23

## Practice question I got wrong

**Q:** A payroll system has an MTD of 72 hours and needs 24 hours of work recovery. What is the maximum RTO?

I picked 72 h. **Correct: 48 h**: RTO ≤ MTD − WRT, else the payroll would be down for 96 h.
"""


def test_plain_boxes_with_one_open_are_a_to_do_list() -> None:
    blocks = {b.text.removeprefix("[ ] "): b for b in parse_document(NOTES, "n.md").blocks}
    assert blocks["redo subnetting drills timed (< 3 min)"].noise == "TODO"
    assert blocks["practice exam #4 (last score 78%)"].noise == "TODO"
    assert blocks["ports flashcards"].noise == "TODO"
    # the items above them in the same list state facts; a box over a name in code may too
    assert blocks["Symptom → cause"].noise is None
    assert [b for t, b in blocks.items() if t.startswith("`22`") or t.startswith("22 SSH")]
    assert all(b.noise is None for t, b in blocks.items() if "SSH" in t)


def test_the_questions_the_writer_got_wrong_are_their_log() -> None:
    doc = parse_document(NOTES, "n.md")
    logged = [b for b in doc.blocks if b.section.heading == "Practice question I got wrong"]
    assert logged and all(b.noise is not None for b in logged), logged
    prompts = [q.prompt for _, q in generate_document("n.md", NOTES).chosen]
    assert not [p for p in prompts if "payroll" in p or "last score" in p or "drills" in p]
