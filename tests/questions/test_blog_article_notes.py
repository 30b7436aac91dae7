"""Notes copied from a WeChat article (unseen review of session 38): its "✅" point marks made
the Google Keep reader take it for a checklist, so its "【一、操作系统】" chapters were lines of
one section; "敲黑板：" and "划重点：" were asked as terms; and "页号：3000 / 1024 = 2" (a
quantity worked out) as a definition."""

from __future__ import annotations

from questions.facts.definitions import remark_label
from questions.generate import generate_document
from questions.parse.keep import is_keep

ARTICLE = """软考中级｜软件设计师高频考点汇总

原创 林老师 软考研习社 2024-03-12 08:30

【一、操作系统】（每年6分左右🔥）

① 进程的三态模型（高频考点）
运行态：占有CPU正在执行
就绪态：具备运行条件，只差CPU
阻塞态：等某个事件发生，即使给它CPU也不能运行
敲黑板：阻塞态不能直接变成运行态！就绪态也不能直接变成阻塞态！
✅ 时间片用完：运行态变为就绪态
✅ 请求I/O：运行态变为阻塞态
✅ 事件发生：阻塞态变为就绪态
页号：3000 / 1024 = 2（取整）；页内地址 = 3000 - 2048 = 952

【二、数据库】（上午6～8分）

划重点：分解为3NF可以既无损又保持函数依赖。
1NF：属性不可再分
2NF：消除非主属性对码的部分函数依赖
3NF：消除非主属性对码的传递函数依赖
BCNF：消除主属性对码的部分和传递函数依赖
"""


def test_point_marks_are_no_checklist() -> None:
    assert not is_keep(ARTICLE.split("\n"))
    checklist = ["Groceries", "", "☐ milk", "☑ eggs", "☐ bread"]
    assert is_keep(checklist)


def test_bracketed_chapters_are_sections() -> None:
    result = generate_document("wechat.md", ARTICLE)
    sections = {c.fact.section.heading for c, _ in result.chosen}
    assert {"操作系统", "数据库"} <= sections, sections


def test_teachers_marks_and_worked_sums_are_no_terms() -> None:
    assert remark_label("敲黑板") and remark_label("划重点")
    result = generate_document("wechat.md", ARTICLE)
    for _, q in result.chosen:
        for label in ("敲黑板", "划重点", "页号"):
            assert label not in q.choices, (q.prompt, q.choices)
            assert not q.prompt.endswith(f"描述的是 {label}？"), q.prompt
