"""Notes kept line by line where a short line titles the "name: value" lines under it
("Well-known ports" / "SSH: 22" / …; a WeChat article's "📌 行为型（11种）" over its patterns).
Markdown ran the title into the first line ("Mail ports SMTP: ___ IMAP: 143"), and a list of
such lines took the paragraph above's last line as its lead, so its category noun was that
line's last word ("以下描述的是哪个访问？" over the design patterns; unseen review of session
38). A title naming several kinds ("页式 vs 段式 vs 段页式") names no category, and a worked
example's "例：" is no term to offer beside the list's names."""

from __future__ import annotations

from questions.generate import generate_document
from questions.nouns import category, zh_lead_category
from questions.parse.markdown import parse_document

PORTS = """# Networking

## Ports

Well-known ports
SSH: 22
HTTP: 80
HTTPS: 443
DNS: 53

Mail ports
SMTP: 25
IMAP: 143
POP3: 110
"""

PATTERNS = """软考笔记｜设计模式高频考点

原创 林老师 软考研习社 2024-03-12 08:30

【五、设计模式】（上午3～4分）

📌 结构型（7种）
适配器：将一个类的接口转换成客户希望的另一个接口，使不兼容的类可以一起工作
桥接：将抽象部分与实现部分分离，使它们可以独立变化
外观：为子系统中的一组接口提供一个一致的界面
代理：为其他对象提供一种代理以控制对这个对象的访问

📌 行为型（11种）
责任链：使多个对象都有机会处理请求，将这些对象连成一条链，沿链传递直到有对象处理
命令：将请求封装为对象，支持参数化、排队、记录日志、撤销操作
迭代器：顺序访问聚合对象中的元素，而不暴露其内部表示
中介者：用一个中介对象封装一系列对象交互，使各对象不需要显式相互引用
观察者：定义一对多依赖关系，一个对象状态改变时所有依赖者都得到通知并自动更新
策略：定义一系列算法并封装起来，使它们可以相互替换

【一、操作系统】（每年6分左右）

进程的三态模型
运行态：占有CPU正在执行
就绪态：具备运行条件，只差CPU
阻塞态：等某个事件发生，即使给它CPU也不能运行
例：3个进程共享1台打印机，信号量初值1，取值范围 -2 ～ 1

剖面图（Profile）：扩展UML元模型

行为图（动态）7种：
用例图：参与者与用例，描述系统功能（需求阶段用）
活动图：流程，类似流程图，可以有泳道、分叉/汇合
状态机图：单个对象在生命周期中的状态变化

页式 vs 段式 vs 段页式
页式：利用率高、碎片小（只有页内碎片）；但页是物理单位，不便于共享和保护
段式：按逻辑单位分段，便于共享和动态链接；但会产生外碎片
段页式：先分段再分页，空间浪费小、共享方便，缺点是要查两次表
"""


def test_a_title_line_leads_the_settings_under_it() -> None:
    doc = parse_document(PORTS, "ports.md")
    leads = {b.text: b.lead.text if b.lead else None for b in doc.blocks if b.kind == "item"}
    assert leads["SMTP: 25"] == "Mail ports", leads
    assert leads["SSH: 22"] == "Well-known ports", leads
    assert "Mail ports" not in leads and "Well-known ports" not in leads  # no setting itself


def test_the_title_is_not_run_into_the_first_setting() -> None:
    prompts = [q.prompt for _, q in generate_document("ports.md", PORTS).chosen]
    assert not any("Mail ports SMTP" in p for p in prompts), prompts
    assert "Which port does SMTP use?" in prompts, prompts


def test_a_list_never_takes_the_line_above_its_title_as_its_lead() -> None:
    doc = parse_document(PATTERNS, "wechat.md")
    lead = next(b.lead for b in doc.blocks if b.text.startswith("责任链"))
    assert lead is not None and "行为型" in lead.text, lead
    prompts = [q.prompt for _, q in generate_document("wechat.md", PATTERNS).chosen]
    assert not any("哪个访问" in p or "📌" in p or "剖面图？" in p for p in prompts), prompts


def test_a_pin_is_no_word_of_a_category() -> None:
    assert category("📌 行为型（11种）") == "行为型"
    assert category("⭐ 结构型") == "结构型"


def test_a_title_naming_several_kinds_names_no_category() -> None:
    assert zh_lead_category("页式 vs 段式 vs 段页式") is None
    assert zh_lead_category("页式和段式对比") is None
    assert zh_lead_category("常用置换算法：") == "置换算法"
    assert zh_lead_category("进程的三态模型") is None  # a whole, its lines its parts
    assert zh_lead_category("连接器 → 分析器 → 优化器 → 执行器 → 存储引擎") is None  # stages
    prompts = [q.prompt for _, q in generate_document("wechat.md", PATTERNS).chosen]
    assert not any("哪个段页式" in p for p in prompts), prompts


def test_a_worked_example_label_is_no_option() -> None:
    result = generate_document("wechat.md", PATTERNS)
    assert not any("例" in q.choices for _, q in result.chosen)
    assert not any(f.subject == "例" or "例" in f.siblings for f in result.facts)


CHATTY_LEADS = """# Security+ thread

## Backups

while I'm confessing, I also told Alice differential backups reset the archive bit. they don't:

- full: backs up everything, clears the archive bit
- incremental: changes since the last full or incremental, clears the bit
- differential: changes since the last full, does not clear the bit

## AAA

Correct version:

- RADIUS: UDP 1812 authentication, 1813 accounting, hides only the password
- TACACS+: TCP 49, encrypts the entire packet body
- Diameter: the successor to RADIUS, TCP/SCTP 3868
"""


def test_a_chatty_or_judging_lead_names_no_kind() -> None:
    result = generate_document("thread.md", CHATTY_LEADS)
    kinds = {c.fact.category for c, _ in result.chosen}
    assert not kinds & {"while", "Correct version"}, kinds
    for _, q in result.chosen:
        assert "while" not in q.prompt and "correct version" not in q.prompt.lower(), q.prompt


def test_a_lead_naming_the_writing_names_no_kind() -> None:
    notes = (
        "# SAA chat\n\n## Placement groups\n\nFull list:\n\n"
        "- Cluster: one AZ, low latency, 10 Gbps between instances\n"
        "- Spread: max 7 running instances per AZ per group\n"
        "- Partition: up to 7 partitions per AZ, for HDFS, Cassandra\n"
    )
    result = generate_document("chat.md", notes)
    assert result.chosen
    for c, q in result.chosen:
        assert c.fact.category != "Full list" and "full list" not in q.prompt.lower(), q.prompt
