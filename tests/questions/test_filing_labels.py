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


def test_a_kind_label_over_its_members_is_no_term() -> None:
    """ "变量：**cwnd**（拥塞窗口）、**ssthresh**（慢启动门限）" offered "变量" beside 拥塞避免 and
    快恢复, as if "variables" were a phase of congestion control."""
    from questions.generate import generate_document

    notes = (
        "# Raft 笔记\n\n## 选举\n\n变量：**term**（任期号）、**votedFor**（本任期投给谁）\n\n"
        "1. **跟随者**：收不到心跳就等一个随机超时，然后转成候选人\n"
        "2. **候选人**：任期号加一，先投自己，再向其他节点要票\n"
        "3. **领导者**：拿到多数票后当选，定期发心跳压住新的选举\n"
        "4. **落选**：收到更高任期号的消息，立刻退回跟随者\n"
    )
    r = generate_document("r.md", notes)
    asked = [c for c in r.candidates if "跟随者" in c.options]
    assert asked, [(c.prompt, c.options) for c in r.candidates]
    for c in r.candidates:
        assert "变量" not in c.options, (c.prompt, c.options)
