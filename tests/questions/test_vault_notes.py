"""A Zettelkasten vault joined into one file ("cat *.md > all.md", unseen review of session 37):
each note's front matter was a rule and a heading made of metadata ("id: 202611031412 title: …"
a section, "id" a term, the note's id a number asked), and its "See also" / "Source:" lines were
glued to its last sentence. questions/parse/vault.py skips them."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.vault import inner_front_matter

VAULT = """---
id: 202601051200
title: Index
tags: [ccna, moc]
---
# Index
Routing notes live here, one idea per note.
---
id: 202601051212
title: OSPF areas
tags:
  - ccna
  - ospf
aliases: [ospf areas]
---
# OSPF areas
Every OSPF area must touch the backbone **area 0**.
- an **ABR** joins an area to area 0
- an **ASBR** brings routes in from another protocol
- a **stub area** takes no external routes, only a default route
See also [[202601051230 OSPF timers|timers]], [[202601051240 LSA types]]
Source: ccna-book ch. 9---
id: 202601051230
title: OSPF timers
tags: [ccna, ospf]
---
# OSPF timers
On broadcast links the hello interval is **10** seconds and the dead interval is **40** seconds.
Source: https://www.example.org/ospf-timers
"""


def test_every_note_front_matter_is_skipped_and_lines_stay() -> None:
    lines = VAULT.split("\n")
    out, skipped = inner_front_matter(lines)
    assert len(out) == len(lines)
    rest = out[5:]  # after the file's own front matter
    assert not [line for line in rest if line.startswith(("id:", "title:", "tags:", "  - "))]
    assert out[0] == "---" and out[1].startswith("id:")  # the file's own, left to the parser
    assert out[lines.index("# OSPF timers")] == "# OSPF timers"
    glued = next(n for n, line in enumerate(lines) if line.endswith("ch. 9---"))
    assert out[glued] == ""  # the note's source line, its glued "---" with it
    assert {reason for _, reason, _ in skipped} == {"note front matter", "pointer to other notes"}


def test_no_question_asks_the_metadata() -> None:
    result = generate_document("vault.md", VAULT)
    doc = parse_document(VAULT, "vault.md")
    assert [s.heading for s in doc.sections if s.level] == ["Index", "OSPF areas", "OSPF timers"]
    asked = [q for _, q in result.chosen]
    assert asked
    for q in asked:
        text = " ".join([q.prompt, *q.choices, q.explanation])
        for leak in ("2026010512", "title:", "tags:", "See also", "Source", "example.org"):
            assert leak not in text, text
    assert any("10 seconds" in q.choices for q in asked), [q.prompt for q in asked]


def test_a_file_that_is_no_vault_is_unchanged() -> None:
    text = """# Notes

Some text.

---

Port: 22
Protocol: SSH

---

See also [[other note]]
"""
    lines = text.split("\n")
    assert inner_front_matter(lines) == (lines, [])


def test_a_rule_over_a_heading_is_no_front_matter() -> None:
    lines = ["# OSPF", "", "---", "Area 0: the backbone", "---", "text"]
    assert inner_front_matter(lines) == (lines, [])


def test_many_huge_blocks_are_each_skipped() -> None:
    lines = ["# x", *(["---", "id: 1", "tags: " + "a" * 20_000, "---", "# note"] * 2_000)]
    out, skipped = inner_front_matter(lines)
    assert len(out) == len(lines) and len(skipped) == 4 * 2_000
    assert out.count("# note") == 2_000
