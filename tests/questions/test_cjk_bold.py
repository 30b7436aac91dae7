"""Bold beside Chinese that CommonMark leaves as asterisks ("用**元空间（Metaspace）**实现": the
close follows a bracket and precedes a character, which its flanking rules do not take) is read
as bold: no stem or option shows the asterisks, and the span counts as marked."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# JVM 笔记

## 内存区域

- 程序计数器：唯一不会 OOM 的区域
- 虚拟机栈：栈帧（局部变量表、操作数栈），会抛 StackOverflowError
- 堆：对象实例都在这里，GC 的主要区域，会抛 OutOfMemoryError
- 方法区：类信息、常量、静态变量；JDK 8 用**元空间（Metaspace）**实现，使用本地内存
- 本地方法栈：为 native 方法服务
"""


def test_bold_after_a_bracket_beside_chinese_is_read_as_bold() -> None:
    [b] = [b for b in parse_document(NOTES, "t.md").blocks if b.text.startswith("方法区")]
    assert "**" not in b.text and "元空间（Metaspace）实现" in b.text
    assert "元空间（Metaspace）" in b.inline.strong


def test_asterisks_among_latin_text_are_left_alone() -> None:
    notes = "# Python\n\n## Calls\n\n- call f(\\*\\*kwargs) to pass a dict as keywords, see **kwargs** docs\n"
    [b] = [b for b in parse_document(notes, "t.md").blocks if b.kind == "item"]
    assert "**kwargs)" in b.text or "(**kwargs)" in b.text


def test_no_question_shows_the_asterisks() -> None:
    r = generate_document("t.md", NOTES)
    assert r.chosen, "nothing asked"
    for _, q in r.chosen:
        assert all("**" not in t for t in (q.prompt, *q.choices, q.explanation or "")), q.prompt
