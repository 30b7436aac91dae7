"""Labels that say how a line is filed ("其他：", "小结：", "Recap:") and headings of "common
numbers" ("常用数字") name nothing a stem is about: a cloze is asked without them (review of
OS notes, session 27), unless the blank would then open the stem."""

from __future__ import annotations

from questions.stems import BLANK, cloze


def test_a_filing_label_is_left_out_of_a_cloze() -> None:
    assert cloze(f"其他：cat /proc/sys/vm/swappiness（默认 {BLANK}）", "zh") == (
        f"填空：cat /proc/sys/vm/swappiness（默认 {BLANK}）"
    )
    assert cloze(f"Recap: the broker keeps {BLANK} days of messages", "en") == (
        f"Fill in the blank: the broker keeps {BLANK} days of messages"
    )
    # the blank would open the stem: the label stays
    assert cloze(f"小结：{BLANK} 最好但不能实现", "zh") == f"填空：小结：{BLANK} 最好但不能实现"
    # a label that names the line's subject is kept
    assert cloze(f"Segment size: {BLANK} by default", "en").startswith("Fill in the blank: Segment")


def test_a_common_numbers_heading_labels_nothing() -> None:
    from questions.generate import generate_document

    notes = (
        "# 操作系统\n\n## 分页\n\n### 常用数字\n\n"
        "- 页目录（顶级页表）1024 项，刚好占一页\n- 页面大小一般是 4KB，页内偏移 12 位\n"
        "- 32 位地址按 10 + 10 + 12 划分\n"
    )
    prompts = [q.prompt for _, q in generate_document("o.md", notes).chosen]
    assert prompts, prompts
    assert not any("常用数字" in p for p in prompts), prompts


def test_a_study_lead_in_is_no_context_and_a_basis_label_no_term() -> None:
    """ "**常用数字：**" over short items gave "填空：常用数字：___逻辑地址"; "理论基础：局部性原理"
    offered "理论基础" beside 虚拟内存 and 工作集."""
    from questions.generate import generate_document

    notes = (
        "# 操作系统\n\n## 分页\n\n**常用数字：**\n\n"
        "- 32 位逻辑地址，4KB 页 → 页号 20 位\n- 页表项 4B，一页放 1024 项\n\n"
        "## 虚拟内存\n\n- 理论基础：**局部性原理**\n"
        "- 虚拟内存：最大容量由地址位数决定\n- 抖动：刚换出的页马上又要换入\n"
        "- 工作集：某段时间间隔内进程实际访问的页面集合\n"
    )
    r = generate_document("o.md", notes)
    for c in r.candidates:
        assert "常用数字" not in c.prompt, c.prompt
        assert "理论基础" not in c.options, (c.prompt, c.options)
