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


def test_a_word_outline_reads_as_this_markdown_line_for_line() -> None:
    out, skipped = outline_as_markdown(WORD.split("\n"))
    assert out[:20] == [
        "# PRINCE2 Foundation – Revision Notes",
        "[0:00] Compiled from the course book, 7th edition",
        "",
        "",
        "## Principles",
        "[0:00] There are seven principles and all of them must be applied.",
        "### Continued business justification",
        "- **Business case** – the justification for an undertaking, reviewed at every stage"
        " boundary.",
        "- The business case is owned by the Executive.",
        "### Defined roles and responsibilities",
        "[0:00] Three project interests – learn them, classic trick question:",
        "- Business – represented by the Executive",
        "- User – represented by the Senior User",
        "- Supplier – represented by the Senior Supplier",
        "",
        "## Themes",
        "[0:00] Seven themes, applied throughout the project.",
        "### Quality",
        "- **Quality tolerance** – the permissible deviation in a product's quality criteria.",
        "",
    ]
    assert out[20:] == ["", *WORD.split("\n")[21:25], "### Risk", *out[26:]]
    assert out[26:] == [
        "- Risk appetite – the attitude towards risk taking",
        "- Risk tolerance – the threshold levels of risk exposure",
        "",
    ]
    assert skipped == [
        (4, "page header", "PRINCE2 notes – page 1 of 9"),
        (15, "figure caption", "Figure 1: The project management team structure"),
        (20, "page header", "PRINCE2 notes – page 2 of 9"),
        (21, "table caption", "Table 1: Tolerance areas"),
    ]


def test_a_chinese_outline_reads_as_this_markdown_line_for_line() -> None:
    out, skipped = outline_as_markdown(CHINESE.split("\n"))
    assert skipped == []
    assert out == [
        "# 教育学 复习笔记",
        "",
        "## 教育学概述",
        "",
        "### 教育的起源",
        "1. 神话起源说：最古老的观点，代表人物是朱熹",
        "2. 生物起源说",
        "   - 第一个正式提出的学说",
        "   - 代表人物：利托尔诺、沛西·能",
        "   - 【易错】生物起源说否认了教育的社会属性",
        "3. 心理起源说：代表人物孟禄",
        "",
        "## 教育目的",
        "",
        "### 教育目的的层次",
        "1. 国家的教育目的",
        "2. 各级各类学校的培养目标",
        "   - 培养目标是教育目的的具体化",
        "   - 教学目标是培养目标的具体化",
        "",
    ]


def test_points_under_a_lead_nest_under_it() -> None:
    lines = [
        "一、民法",
        "1. 诉讼时效",
        "  （1）普通诉讼时效：3年",
        "  （2）不适用诉讼时效的：",
        "     ① 请求停止侵害",
        "     ② 请求支付抚养费",
        "  口诀：三二十",
        "二、刑法",
        "10. 刑事责任年龄",
        "  （1）已满16周岁：完全负刑事责任",
        "• 不满14周岁：不负刑事责任",
    ]
    out, _ = outline_as_markdown(lines)
    assert out == [
        "## 民法",
        "1. 诉讼时效",
        "   - 普通诉讼时效：3年",
        "   - 不适用诉讼时效的：",
        "     - 请求停止侵害",
        "     - 请求支付抚养费",
        "   - 口诀：三二十",
        "## 刑法",
        "10. 刑事责任年龄",
        "    - 已满16周岁：完全负刑事责任",
        "- 不满14周岁：不负刑事责任",
    ]


def test_word_bullets_under_a_lead_item_nest_and_a_plain_line_ends_them() -> None:
    lines = [
        "1 Roles",
        "1.1 Consumers",
        "• Three consumer roles:",
        "a) Customer – defines requirements",
        "b) User – uses services",
        "Note: one person can hold all three.",
        "2 Practices",
        "第 3 页 共 12 页",
        "Fig. 2: the value chain",
    ]
    out, skipped = outline_as_markdown(lines)
    assert out == [
        "## Roles",
        "### Consumers",
        "- Three consumer roles:",
        "  - Customer – defines requirements",
        "  - User – uses services",
        "- Note: one person can hold all three.",
        "## Practices",
        "",
        "",
    ]
    assert [r for _, r, _ in skipped] == ["page header", "figure caption"]


def test_titles_must_go_on_in_order() -> None:
    from questions.parse.outline import _follows

    assert _follows((1,), ())
    assert _follows((0,), ())
    assert not _follows((2,), ())
    assert not _follows((1, 1), ())
    assert _follows((1, 1), (1,))
    assert _follows((1, 0), (1,))
    assert not _follows((1, 2), (1,))
    assert not _follows((2, 1), (1,))
    assert _follows((1, 2), (1, 1))
    assert not _follows((1, 3), (1, 1))
    assert _follows((2,), (1, 3))
    assert not _follows((3,), (1, 3))
    assert _follows((2,), (1, 3, 4))
    assert not _follows((1, 1, 1, 1, 1), (1, 1, 1))
    assert not _follows((2, 1), (1, 3))
    one_chapter = ["1 Principles", "1.1 Value", "1.2 Roles"]
    assert outline_as_markdown(one_chapter) == (one_chapter, [])
    no_section = ["1 Principles", "text", "2 Themes", "text"]
    assert outline_as_markdown(no_section) == (no_section, [])
    sentences = ["1 Principles.", "1.1 Value.", "2 Themes.", "2.1 Risk."]
    assert outline_as_markdown(sentences) == (sentences, [])


def test_chinese_titles_need_two_of_a_kind_and_no_markdown_heading() -> None:
    two_sections = ["（一）宪法", "1. 八二宪法", "（二）民法典", "1. 1260条"]
    out, _ = outline_as_markdown(two_sections)
    assert out[0] == "### 宪法" and out[2] == "### 民法典"
    one_each = ["一、法律", "（一）宪法", "1. 八二宪法"]
    assert outline_as_markdown(one_each) == (one_each, [])
    fenced = ["```", "# not a heading", "```", "一、法律", "二、历史"]
    assert outline_as_markdown(fenced)[0][3] == "## 法律"
    marked = ["## 法律", "一、宪法", "二、民法"]
    assert outline_as_markdown(marked) == (marked, [])


def test_edges_of_an_outlines_lines() -> None:
    lines = [
        "一、宪法",
        "4. 宪法解释权 → 全国人大常委会",
        "  - 监督宪法实施：全国人大和常委会",
        "- 未缩进的条目",
        "",
        "说明：独立的一行",
        "  （1）缩进的要点",
        "二、民法",
        "  （1）标题下的要点",
    ]
    out, _ = outline_as_markdown(lines)
    assert out == [
        "## 宪法",
        "4. 宪法解释权 → 全国人大常委会",
        "   - 监督宪法实施：全国人大和常委会",
        "- 未缩进的条目",
        "",
        "[0:00] 说明：独立的一行",
        "- 缩进的要点",
        "## 民法",
        "- 标题下的要点",
    ]


def test_a_word_lead_nests_only_points_marked_otherwise() -> None:
    lines = [
        "1 Plan",
        "1.1 Steps",
        "• Roles:",
        "• Customer – defines requirements",
        "• Steps:",
        "(1) plan the change",
        "Definition: Change – an addition, modification or removal",
        "  indented remark under the definition",
        "2 Do",
        "Table 3: the last line is a caption",
    ]
    out, skipped = outline_as_markdown(lines)
    assert out[2:8] == [
        "- Roles:",
        "- Customer – defines requirements",
        "- Steps:",
        "- (1) plan the change",
        "- **Change** – an addition, modification or removal",
        "- indented remark under the definition",
    ]
    assert out[9] == "[0:00] Table 3: the last line is a caption" and skipped == []


def test_the_first_line_is_the_title_only_when_short_and_no_sentence() -> None:
    body = ["1 One", "1.1 Sub", "2 Two", "2.1 Sub"]
    title = "T" * 80
    assert outline_as_markdown([title, *body])[0][0] == "# " + title
    assert outline_as_markdown(["T" * 81, *body])[0][0] == "[0:00] " + "T" * 81
    assert outline_as_markdown(["My notes.", *body])[0][0] == "[0:00] My notes."
    assert outline_as_markdown(["我的笔记。", *body])[0][0] == "[0:00] 我的笔记。"
    listed = ["1 Intro", "1.1 Principles,", "1.1 Scope", "2 Themes", "2.1 Value;", "2.1 Risk"]
    out, _ = outline_as_markdown(listed)
    assert out == [
        "## Intro",
        "[0:00] 1.1 Principles,",
        "### Scope",
        "## Themes",
        "[0:00] 2.1 Value;",
        "### Risk",
    ]


def test_deeper_titles_follow_their_parent() -> None:
    from questions.parse.outline import _follows

    assert _follows((2, 3, 1), (2, 3))
    assert not _follows((2, 3, 2), (2, 3))
    assert not _follows((2, 4, 1), (2, 3))
