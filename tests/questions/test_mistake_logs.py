"""A mistake log (错题本) and worked examples. An entry's practice question (【题目】), the
writer's wrong answer (【我的答案】), the key and the tags (【考点】) state no fact: a blank over
a question's given ("页面大小 ___") or a statement of a wrong answer teaches nothing, so they
are skipped and reported; the explanation (【解析】) is read. An example's numbers ("Ex:
weekly 0.2% → …", "Classic vignette: …, HR 45.") are its givens, never asked."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.mistake_log import without_entry_parts

LOG = """# 408 操作系统 错题本

## 一、内存管理
### 错题 03（10.11）
【题目】某系统页面大小 1KB，逻辑地址 2500（十进制），页表中第 2 页对应物理块号 6，求物理地址。
【我的答案】6 × 1000 + 500 = 6500 ❌
【正确答案】6596
【解析】1KB = 1024 B，不是 1000！页内偏移 = 2500 − 2048 = 452。
- 4 → 缺页，淘汰最久未用的 1 → [2,3,4]
- 5 → 缺页，淘汰 2 → [3,4,5] 合计 10 次。
【考点】分页地址变换

### 错题 04（10.11）
【题目】快表访问 20ns，内存访问 100ns，TLB 命中率 80%，求有效访问时间。
A. 120ns
B. 140ns
【我的答案】A
【正确答案】B
【解析】忘了加 TLB 的时间！
【考点】TLB、有效访问时间

二刷计划：⭐ 的题 11 月初再做一遍；PV 大题每周至少手写一道。

### 📌 知识点小结：页面置换算法
- **OPT**：淘汰以后最长时间不再访问的页；缺页率最低，但无法实现
- **FIFO**：淘汰最早进入的页；唯一会 Belady 异常的
- **LRU**：淘汰最近最长时间没被访问的页；开销大
- **CLOCK**：每页一个访问位，最多扫描 **2 轮**
"""


def test_an_entrys_question_answers_and_tags_are_skipped_and_reported() -> None:
    doc = parse_document(LOG, "log.md")
    reasons = [n.reason for n in doc.noise]
    assert reasons.count("question in the notes") >= 4  # both questions, the choices too
    assert reasons.count("own wrong answer") == 2
    assert reasons.count("answer key") == 2
    assert reasons.count("tags") == 2
    texts = [b.text for b in doc.content]
    assert not any("【" in t or "求物理地址" in t or "6500" in t for t in texts), texts
    # the explanation's worked steps are the problem's, no facts
    assert reasons.count("worked steps") == 2
    # the writer's own revision plan is their log
    assert any(n.reason == "study log" and n.text.startswith("二刷计划") for n in doc.noise)
    # the explanation stays, without its label
    assert any(t.startswith("1KB = 1024 B") for t in texts), texts


def test_nothing_is_asked_from_a_question_or_a_wrong_answer() -> None:
    chosen = [q for _, q in generate_document("log.md", LOG).chosen]
    assert chosen
    for q in chosen:
        assert "【题目】" not in q.prompt and "页面大小 ___" not in q.prompt, q.prompt
        assert "命中率 ___" not in q.prompt and "6500" not in q.prompt, q.prompt


def test_the_lines_keep_their_numbers_and_notes_without_entries_stay() -> None:
    lines = LOG.split("\n")
    kept, skipped = without_entry_parts(lines)
    assert len(kept) == len(lines)
    assert all(kept[n - 1] == "" for n, _, _ in skipped)
    plain = ["# Notes", "【注意】这不是错题本", "- **FIFO**：淘汰最早进入的页"]
    assert without_entry_parts(plain) == (plain, [])


EXAMPLES = """# CFA quant

## Returns

- annualize a periodic return: $(1 + r)^{n} - 1$
  - ex: weekly 0.2% → $(1.002)^{52} - 1 = 10.95\\%$
- the TWRR is **not** affected by external cash flows

**Ex annuity**: 1,000/yr, 5 yrs, 8%
- PV = 3,992.71

**Ex (why GM matters)**: +50% then −50%
- AM = 0%
- 100 → 150 → 75. you LOST money

Bayes: $$P(E \\mid I) = \\frac{P(I \\mid E)}{P(I)} P(E)$$
**Ex**: P(good economy) = 0.6, P(up | good) = 0.7
- P(good | up) = 0.42 / 0.50 = **0.84** → prior 0.6 updated to 0.84

## Toxicology

- organophosphates → atropine + pralidoxime
Classic vignette: farmer found confused, pinpoint pupils, drooling, wheezing, HR 45.
"""


def test_an_examples_numbers_are_its_givens() -> None:
    chosen = [q for _, q in generate_document("ex.md", EXAMPLES).chosen]
    for q in chosen:
        assert "weekly ___" not in q.prompt and "HR ___" not in q.prompt, q.prompt
        assert "___/yr" not in q.prompt, q.prompt
        assert "for AM" not in q.prompt and "prior ___" not in q.prompt, q.prompt


ZH_EXAMPLE = """# CPA 会计 长期股权投资

## 同一控制下企业合并

- 初始投资成本 = 被合并方所有者权益账面价值 × 持股比例
- 持股 20% 以上通常有重大影响

例1：甲公司 2024年1月1日 向其母公司定向增发1000万股普通股取得乙公司80%股权，当日乙公司净资产账面价值为5000万元。另支付发行费用50万元。

例3续：丁公司2024年实现净利润1000万元。剩余使用年限10年，直线法，无残值。
"""


def test_a_chinese_examples_numbers_are_its_givens() -> None:
    chosen = [q for _, q in generate_document("cpa.md", ZH_EXAMPLE).chosen]
    for q in chosen:
        assert "发行费用" not in q.prompt and "剩余使用年限" not in q.prompt, q.prompt
        assert "例1" not in q.prompt, q.prompt
