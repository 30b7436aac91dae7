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

Relational Database Service aka RDS runs managed SQL databases with automated backups.

Key Management Service aka KMS is a store of encryption keys with audited use.

Identity and Access Management aka IAM decides which principal may call which API.
"""


def test_english_abbreviation_lines_ask_each_short_form_by_what_it_is_or_does() -> None:
    """ "X aka KMS is a store of …": KMS is "a store of …", not "is a store of …"; a line that
    goes on with a verb is asked by that verb."""
    result = generate_document("notes/glossary.md", GLOSSARY_NOTES)
    asked = {q.choices[q.answer]: q for c, q in result.chosen}
    assert set(asked) == {"EC2", "RDS", "KMS", "IAM"}
    assert "“a store of encryption keys with audited use”" in asked["KMS"].prompt
    assert asked["EC2"].prompt == "Which of these gives you resizable virtual machines by the hour?"
    for q in asked.values():
        assert sorted(q.choices) == ["EC2", "IAM", "KMS", "RDS"]
        assert not any(w in q.prompt for w in ("aka", "Service", "Cloud", "Management"))
