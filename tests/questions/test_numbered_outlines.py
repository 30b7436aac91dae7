"""Notes outlined by numbers instead of Markdown: a word processor's document pasted as text
("1 Principles", "1.2 Roles", a page's running header, "Figure 2:" captions, a table pasted with
tabs) and a Chinese outline ("一、", "（一）", "（1）", "①"). Read as Markdown each was one
section whose lines ran together into run-on stems ("PRINCE2 notes – page 1 of 9 … ___")."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.outline import outline_as_markdown

WORD = """PRINCE2 Foundation – Revision Notes
Compiled from the course book, 7th edition

PRINCE2 notes – page 1 of 9
1 Principles
There are seven principles and all of them must be applied.
1.1 Continued business justification
Definition: Business case – the justification for an undertaking, reviewed at every stage boundary.
The business case is owned by the Executive.
1.2 Defined roles and responsibilities
Three project interests – learn them, classic trick question:
a) Business – represented by the Executive
b) User – represented by the Senior User
c) Supplier – represented by the Senior Supplier
Figure 1: The project management team structure
2 Themes
Seven themes, applied throughout the project.
2.1 Quality
Definition: Quality tolerance – the permissible deviation in a product's quality criteria.
PRINCE2 notes – page 2 of 9
Table 1: Tolerance areas
Area\tSet by\tExample
Time\tProject Board\t+/- 2 weeks
Cost\tProject Board\t+/- 10%
Scope\tProject Board\tmust-have features only
2.2 Risk
• Risk appetite – the attitude towards risk taking
• Risk tolerance – the threshold levels of risk exposure
"""

CHINESE = """教育学 复习笔记

一、教育学概述

（一）教育的起源
1. 神话起源说：最古老的观点，代表人物是朱熹
2. 生物起源说
  （1）第一个正式提出的学说
  （2）代表人物：利托尔诺、沛西·能
  【易错】生物起源说否认了教育的社会属性
3. 心理起源说：代表人物孟禄

二、教育目的

（一）教育目的的层次
1. 国家的教育目的
2. 各级各类学校的培养目标
  ① 培养目标是教育目的的具体化
  ② 教学目标是培养目标的具体化
"""


def test_word_titles_are_headings_and_furniture_is_skipped() -> None:
    doc = parse_document(WORD, "prince2.md")
    assert doc.title == "PRINCE2 Foundation – Revision Notes"
    keys = [s.key for s in doc.sections]
    assert "Principles › Continued business justification" in keys
    assert "Themes › Quality" in keys
    skipped = {(n.reason, n.text) for n in doc.noise}
    assert ("page header", "PRINCE2 notes – page 1 of 9") in skipped
    assert ("figure caption", "Figure 1: The project management team structure") in skipped
    texts = [b.text for b in doc.content]
    assert all("page 1 of 9" not in t and "Figure 1" not in t for t in texts)


def test_word_lines_are_notes_of_their_own_and_bullets_items() -> None:
    doc = parse_document(WORD, "prince2.md")
    texts = [b.text for b in doc.content]
    assert "The business case is owned by the Executive." in texts
    user = next(b for b in doc.content if b.text.startswith("User – represented"))
    lead = next(b for b in doc.content if b.text.startswith("Three project interests"))
    assert user.kind == "item" and lead.leads_in
    case = next(b for b in doc.content if "justification for an undertaking" in b.text)
    assert "Business case" in case.inline.strong
    table = next(b for b in doc.blocks if b.table is not None)
    assert table.table is not None and table.table.header == ("Area", "Set by", "Example")
    assert ("Cost", "Project Board", "+/- 10%") in table.table.rows


def test_word_outline_questions_ask_no_section_numbers() -> None:
    r = generate_document("prince2.md", WORD)
    assert r.chosen
    for _, q in r.chosen:
        assert "page" not in q.prompt and "1.1" not in q.choices and "2.1" not in q.choices
    keys = {q.choices[q.answer] for _, q in r.chosen}
    assert keys & {"Business", "User", "Supplier", "Risk appetite", "Risk tolerance"}


def test_chinese_outline_titles_and_points() -> None:
    doc = parse_document(CHINESE, "jiaoyu.md")
    keys = [s.key for s in doc.sections]
    assert "教育学概述 › 教育的起源" in keys and "教育目的 › 教育目的的层次" in keys
    point = next(b for b in doc.content if b.text.startswith("代表人物：利托尔诺"))
    assert point.kind == "item" and point.parent is not None
    assert point.parent.text == "生物起源说"
    tagged = next(b for b in doc.content if b.text.startswith("【易错】"))
    assert tagged.parent is not None and tagged.parent.text == "生物起源说"
    assert not any("第一个正式提出的学说 代表人物" in b.text for b in doc.content)


def test_each_line_keeps_its_line_and_markdown_is_left_alone() -> None:
    for text in (WORD, CHINESE):
        lines = text.split("\n")
        out, _ = outline_as_markdown(lines)
        assert len(out) == len(lines) and out != lines
    markdown = ["# Notes", "", "1 Principles", "1.1 Justification", "2 Themes", "2.1 Quality"]
    assert outline_as_markdown(markdown) == (markdown, [])
    prose = ["3 replicas by default", "5 Pods per node", "2 Themes"]
    assert outline_as_markdown(prose) == (prose, [])


def test_a_table_pasted_with_tabs_is_a_table_in_any_notes() -> None:
    text = "# Net\n\n## Ports\n\nName\tPort\tProtocol\nHTTP\t80\tTCP\nDNS\t53\tUDP\nSSH\t22\tTCP\n"
    table = next(b for b in parse_document(text, "net.md").blocks if b.table is not None)
    assert table.table is not None and table.table.header == ("Name", "Port", "Protocol")
    assert table.table.rows == (("HTTP", "80", "TCP"), ("DNS", "53", "UDP"), ("SSH", "22", "TCP"))
