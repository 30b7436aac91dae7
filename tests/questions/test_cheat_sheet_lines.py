"""Terse cheat-sheet lines study groups write ("X 简称 Y，…", a heading that is a term and its
meaning, "X - Y"): each is asked as a fair question, on notes of another subject than the
shipped and development sets."""

from __future__ import annotations

from questions.facts.definitions import abbreviated_definition
from questions.generate import generate_document
from questions.text import contains

OPS_NOTES = """\
## 运维杂项

新机器先在 BIOS 里打开虚拟化

磁盘阵列坏盘时 RAID 控制器会报警

登录远程主机一般用 SSH 加密钥

Grafana 是常用的开源监控面板

Ansible 是无需代理的配置管理工具

Simple Network Management Protocol 简称 SNMP，有自己的 SNMP trap 负责把设备告警推给监控系统
"""


def test_an_abbreviation_line_defines_its_short_form_by_what_follows() -> None:
    """ "X 简称 Y，rest": Y is the term and the rest its description, without Y naming its
    own part ("its SNMP trap" reads "its trap")."""
    d = abbreviated_definition("Simple Network Management Protocol 简称 SNMP，有自己的 SNMP trap")
    assert d is not None
    assert (d.term, d.description) == ("SNMP", "有自己的 trap")
    assert abbreviated_definition("Simple Network Management Protocol 简称 SNMP") is None


def test_an_abbreviation_line_is_asked_among_the_notes_acronyms() -> None:
    """The description is quoted without the long form or the short one, whose initials and
    letters would give it away; the wrong options are the notes' other acronyms, not the other
    terms its section defines (Grafana is no acronym)."""
    result = generate_document("notes/ops.md", OPS_NOTES)
    asked = [q for c, q in result.chosen if q.choices[q.answer] == "SNMP"]
    assert len(asked) == 1
    q = asked[0]
    assert "把设备告警推给监控系统" in q.prompt
    assert not contains(q.prompt, "SNMP") and "Protocol" not in q.prompt and "简称" not in q.prompt
    assert sorted(q.choices) == ["BIOS", "RAID", "SNMP", "SSH"]


NETWORK_NOTES = """\
## 网络杂项

BGP 用于自治系统之间交换路由

OSPF 在一个自治系统内部计算最短路径

ARP 负责把 IP 地址解析成硬件地址

Grafana 是常用的开源监控面板

Simple Network Management Protocol 简称 SNMP，有自己的 SNMP trap 负责把设备告警推给监控系统

## 传输层

TCP type
1. 面向连接
2. 保证顺序

UDP type
1. 无连接
2. 不保证顺序
"""


def test_an_abbreviation_line_is_asked_among_the_acronyms_the_notes_define() -> None:
    """Acronyms the notes define line by line ("BGP 用于…") are the short form's kin too; a
    defined name of another shape (Grafana) is not, nor a value of a set (TCP of "type")."""
    result = generate_document("notes/net.md", NETWORK_NOTES)
    asked = [q for c, q in result.chosen if q.choices[q.answer] == "SNMP"]
    assert len(asked) == 1
    assert sorted(asked[0].choices) == ["ARP", "BGP", "OSPF", "SNMP"]


GLOSSARY_NOTES = """\
## Cloud glossary

Elastic Compute Cloud aka EC2 gives you resizable virtual machines by the hour.

Relational Database Service aka RDS runs managed PostgreSQL or MySQL with automated backups.

Key Management Service aka KMS is a vault for encryption material with audited use.

Identity and Access Management aka IAM decides which principal may call which API.
"""


def test_english_abbreviation_lines_ask_each_short_form_by_what_it_is_or_does() -> None:
    """ "X aka KMS is a vault for …": KMS is "a vault for …", not "is a vault for …"; a line
    that goes on with a verb is asked by that verb."""
    result = generate_document("notes/glossary.md", GLOSSARY_NOTES)
    asked = {q.choices[q.answer]: q for c, q in result.chosen}
    assert set(asked) == {"EC2", "RDS", "KMS", "IAM"}
    assert "“a vault for encryption material with audited use”" in asked["KMS"].prompt
    assert asked["EC2"].prompt == "Which of these gives you resizable virtual machines by the hour?"
    for q in asked.values():
        assert sorted(q.choices) == ["EC2", "IAM", "KMS", "RDS"]
        assert not any(w in q.prompt for w in ("aka", "Service", "Cloud", "Management"))


BRACKETED_NOTES = """\
## Cloud glossary

- Elastic Compute Cloud (EC2) – resizable virtual machines billed by the hour
- Identity and Access Management (IAM) – decides which principal may call which API
- Simple Queue Service (SQS) – a managed message queue between services
- Relational Database Service (RDS) – managed PostgreSQL or MySQL with automated backups
- Storage Gateway (VM) runs next to the file servers on premises
"""


def test_a_long_form_with_its_initials_in_brackets_defines_the_short_form() -> None:
    """ "Key Management Service (KMS) – …" is an abbreviation line too; a bracket that does not
    hold the long form's initials is an aside, not a short form."""
    d = abbreviated_definition("Elastic Compute Cloud (EC2) – resizable virtual machines")
    assert d is not None and (d.term, d.description) == ("EC2", "resizable virtual machines")
    assert abbreviated_definition("Storage Gateway (VM) runs next to the file servers") is None
    result = generate_document("notes/glossary.md", BRACKETED_NOTES)
    keys = {q.choices[q.answer] for c, q in result.chosen if c.fact.kind == "definition"}
    assert {"EC2", "IAM"} <= keys and "VM" not in keys


def test_a_description_that_says_what_the_acronym_stands_for_is_asked_neither_way() -> None:
    """ "a managed message queue" of SQS (Simple Queue Service): quoted, it names SQS; offered
    for "SQS", it is the one option that says Queue. Both ways are dropped, and so is the same
    line written "X aka SQS …", whose long form the notes spell as well."""
    aka = BRACKETED_NOTES.replace("(SQS) –", "aka SQS is").replace("(RDS) –", "aka RDS runs")
    for notes in (BRACKETED_NOTES, aka):
        result = generate_document("notes/glossary.md", notes)
        asked = [q for c, q in result.chosen if "SQS" in q.prompt or "SQS" in q.choices]
        assert not [q for q in asked if "queue" in (q.prompt + q.choices[q.answer]).lower()]
        reasons = {d.reason for d in result.dropped if d.candidate.fact.subject == "SQS"}
        assert "choice says what the stem's acronym stands for" in reasons
        assert "stem says what the answer's acronym stands for" in reasons
