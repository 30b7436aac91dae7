"""Shapes of notes kept in Obsidian, Notion or a cram sheet: callouts, highlights, footnotes,
the writer's progress log, worked problems, acronym lines that spell the acronym out, and lines
of one paragraph that each say something of their own. Each is read for what it says, not for
how the editor marks it."""

from __future__ import annotations

import pytest

from questions.facts.definitions import Definition, multi_definitions, without_spelling
from questions.facts.extract import extract, group_category
from questions.generate import generate_from_texts
from questions.generators.tables import named_key
from questions.parse.markdown import parse_document
from questions.parse.model import Block, TableData
from questions.quantities import numbers_in
from questions.tables import Table, analyse, is_empty
from questions.text import clauses_of
from questions.values import number_role, shape

CALLOUTS = """# Cloud notes

## Zones

> [!tip] Remember this
> Placement **group** = racks in one hall.
> Fault **domain** = power and network of one rack.

> [!warning]- Things I got wrong
> - thought backups were replicas

> [!NOTE]
> Snapshots are crash-consistent only.

Elasticity is ==automatic== scaling, unlike manual resizing.

Egress costs money[^1], ingress is free.

## Later

Nothing else here.

[^1]: Except between zones of one region, billed at 0.01 per GB.
"""


def _blocks(text: str) -> list[Block]:
    return list(parse_document(text, "n.md").blocks)


def test_a_callout_is_read_without_its_marker_and_title() -> None:
    texts = [b.inline.text for b in _blocks(CALLOUTS)]
    assert (
        "Placement group = racks in one hall. Fault domain = power and network of one rack."
        in texts
    )
    assert "Snapshots are crash-consistent only." in texts
    assert "thought backups were replicas" in texts
    assert not [t for t in texts if "[!" in t or "Remember this" in t or "got wrong" in t]
    # a callout whose first paragraph was only its title leaves no empty block behind
    assert all(t.strip() for t in texts)


def test_a_highlight_keeps_its_words_not_its_marks() -> None:
    texts = [b.inline.text for b in _blocks(CALLOUTS)]
    assert "Elasticity is automatic scaling, unlike manual resizing." in texts


def test_a_footnote_is_read_in_the_section_of_the_line_that_refers_to_it() -> None:
    blocks = _blocks(CALLOUTS)
    ref = next(b for b in blocks if b.inline.text.startswith("Egress"))
    assert ref.inline.text == "Egress costs money, ingress is free."
    note = next(b for b in blocks if b.inline.text.startswith("Except between zones"))
    assert note.section.heading == "Zones" and note.noise is None


LOG = """# Notes

## Progress

- [x] module 1
- [ ] two practice exams over 85% before booking

## Open questions

- [ ] ZRS on premium accounts, rewatch the video

## Practice question log

| Q | Topic | My answer | Right |
| --- | --- | --- | --- |
| 12 | DR tests | Simulation | Parallel |
| 17 | Models | Biba | Bell-LaPadula |

## 例题：平均周转时间

| 进程 | 到达时间 |
| --- | --- |
| P1 | 0 |
| P2 | 1 |
| P3 | 2 |

## Cost

**P**lanned = **P**ricing calculator, **T**ransition = **T**CO.

Reserved instances save up to 72% over three years.
"""


def test_the_writers_log_and_worked_problems_are_noise() -> None:
    doc = parse_document(LOG, "n.md")
    reasons = {n.section: n.reason for n in doc.noise}
    assert reasons["Progress"] == "study log"
    assert reasons["Open questions"] == "study log"
    assert reasons["例题：平均周转时间"] == "worked example"
    assert reasons["Practice question log"] == "study log"
    assert reasons["Cost"] == "memory aid"  # the acrostic line; the line after it is content
    bank, _ = generate_from_texts([("n.md", LOG)], "n")
    assert bank.questions
    for q in bank.questions:
        assert "85%" not in q.prompt and "ZRS" not in q.prompt and "P1" not in q.choices
        assert "Planned" not in q.prompt


def test_example_entities_numbered_in_order_name_no_rows() -> None:
    rows = (("P0", "7 5 3"), ("P1", "3 2 2"), ("P2", "9 0 2"))
    assert analyse(TableData(("进程", "Max"), rows, (1, 2, 3))) is None
    # numbered names that are no sequence of one letter are real rows
    real = (("RAID 0", "2"), ("RAID 1", "2"), ("RAID 5", "3"))
    assert analyse(TableData(("Level", "Min disks"), real, (1, 2, 3))) is not None
    mixed = (("P1", "a"), ("T2", "b"), ("P3", "c"))
    assert analyse(TableData(("Name", "Value"), mixed, (1, 2, 3))) is not None


@pytest.mark.parametrize(
    ("cell", "empty"),
    [("(already secure)", True), ("— (see above)", True), ("SSH (22)", False),
     ("(1+0) striped", False), ("n/a", True)],
)  # fmt: skip
def test_a_cell_that_is_only_a_remark_in_brackets_holds_no_value(cell: str, empty: bool) -> None:
    assert is_empty(cell) is empty


@pytest.mark.parametrize(
    ("description", "kept"),
    [
        ("Access Control List - allow/deny rules on routers", "allow/deny rules on routers"),
        ("Security Orchestration, Automation, and Response - playbooks, automates triage",
         "playbooks, automates triage"),
        # words that do not spell the acronym stay: they are its description
        ("Allow lists - the ones we trust", "Allow lists - the ones we trust"),
        ("Access Control List", "Access Control List"),
    ],
)  # fmt: skip
def test_an_acronyms_spelled_out_words_leave_its_description(description: str, kept: str) -> None:
    term = "SOAR" if description.startswith("Security") else "ACL"
    assert without_spelling(Definition(term, description)).description == kept


def test_items_joined_by_a_middle_dot_are_defined_each() -> None:
    block = _blocks("## T\n\n- **Cool** – min. 30 days · **Cold** – min. 90 days\n")[0]
    found = {d.term: d.description for d in multi_definitions(block)}
    assert found == {"Cool": "min. 30 days", "Cold": "min. 90 days"}


@pytest.mark.parametrize(
    ("lead", "category"),
    [("Key lengths:", None), ("Hash output sizes:", None), ("Backup types:", "Backup type")],
)
def test_a_lead_naming_what_items_measure_is_no_category(lead: str, category: str | None) -> None:
    block = _blocks(f"## T\n\n{lead}\n- A: one thing\n- B: another thing\n")[-1]
    assert group_category(block, {block.group}) == category


@pytest.mark.parametrize(
    ("sentence", "number", "role"),
    [
        ("Entra ID (formerly Azure AD, renamed 2023) handles sign-in", "2023", "year"),
        ("Cold tier (added 2023) for rarely read data", "2023", "year"),
        ("P1 comes with Microsoft 365 E3", "365", "id"),
        ("Enterprise = 802.1X + RADIUS", "802.1X", "id"),
        ("2021 真题 改进型 CLOCK 扫描轮数", "2021", "year"),
        ("keep 2023 rows per page", "2023", "quantity"),
        ("reads 1.5x faster", "1.5x", "quantity"),
    ],
)
def test_a_year_and_a_product_number_are_no_quantities(
    sentence: str, number: str, role: str
) -> None:
    n = next(n for n in numbers_in(sentence) if n.text == number)
    assert number_role(sentence, n) == role


CRAM = """# Auth cram

## Kerberos

Kerberos - KDC issues tickets, port 88, needs time sync (5 min skew default) -> NTP matters
SAML vs OIDC: SAML = web SSO with XML, OIDC = identity on top of OAuth

## Sets

- **Availability sets** – fault domains (up to 3) + update domains (up to 20, default 5)
- **Scale sets** – identical VMs, up to 1000 instances

## Disk scheduling

例：tracks 0–199, head at 53, queue 98, 183, 37

1. SCAN: go to 0, then back to 183, total 236
2. LOOK: turn at the last request, total 208
"""


def test_a_line_of_a_paragraph_that_ends_a_statement_ends_its_sentence() -> None:
    block = next(b for b in _blocks(CRAM) if b.inline.text.startswith("Kerberos"))
    assert "-> NTP matters. SAML vs OIDC" in block.inline.text
    wrapped = _blocks("## T\n\nThe scheduler places pods on the\nNodes that fit them best\n")[0]
    assert wrapped.inline.text == "The scheduler places pods on the Nodes that fit them best"


def test_defaults_and_worked_examples_are_asked_of_what_they_belong_to() -> None:
    bank, _ = generate_from_texts([("cram.md", CRAM)], "c")
    prompts = [q.prompt for q in bank.questions]
    assert prompts
    for q in bank.questions:  # the steps of a worked example are not asked by their numbers
        assert not {"183", "236", "208"} & set(q.choices), q.prompt
    for p in prompts:
        # the default 5 is the update domains', never the availability sets' own
        assert "default value of Availability sets" not in p, p
        assert "matters SAML" not in p, p


ZH = """# 操作系统

## 进程

- 【区分】进程是资源分配的基本单位，线程是调度的基本单位
- 【重点】管程是一种同步机制，同一时刻只有一个进程在管程内

## 同步

- **整型信号量**：while(S<=0); S--; 忙等
- **记录型信号量**：S.value 小于 0 就 block，不会忙等
- **二元信号量**：取值只有 0 和 1

💡 口诀：**“互斥在一个进程内成对出现，同步在两个进程间成对出现”**
"""


def test_a_label_before_a_line_and_a_memory_aid_are_no_terms() -> None:
    bank, _ = generate_from_texts([("os.md", ZH)], "os")
    assert bank.questions
    for q in bank.questions:
        assert not [c for c in q.choices if "【" in c or "口诀" in c], q.prompt


@pytest.mark.parametrize(
    ("header", "key", "named"),
    [("RAID", "0", "RAID 0"), ("Level", "5", "Level 5"), ("acks", "0", "acks = 0"),
     ("acks", "all", "acks = all")],
)  # fmt: skip
def test_a_numbered_row_is_named_as_its_header_writes_it(header: str, key: str, named: str) -> None:
    table = Table(key_header=header, headers=("What it does",), keys=(key, "1", "6"),
                  cells=(("striping",), ("mirroring",), ("parity",)), lines=(1, 2, 3),
                  transposed=False)  # fmt: skip
    assert named_key(key, table) == named


CARDS = """# Cram

## Practice questions I wrote

Q: Which port does LDAPS use?
A: 636 (TCP). Plain LDAP listens on 389.

Q: What comes right after containment?
A: Eradication.

Q: 消息重复了怎么办？
A: 消费端做幂等，比如用业务唯一键去重。

Q: Which RAID level survives two failed disks?
A: RAID 6.
"""


def test_a_reply_of_a_few_words_is_not_read_without_its_question() -> None:
    doc = parse_document(CARDS, "c.md")
    texts = [b.inline.text for b in doc.content]
    assert "Plain LDAP listens on 389." in texts  # what the answer goes on to state stays
    assert "消费端做幂等，比如用业务唯一键去重。" in texts  # a Chinese answer in words stays
    assert not [t for t in texts if t.startswith(("636", "Eradication", "RAID 6"))], texts
    assert [n.reason for n in doc.noise].count("answer without its question") == 2


PORTS = """# 网络

## 常用端口

| 协议 | Port | Transport |
| --- | --- | --- |
| HTTP | 80 | TCP |
| HTTPS | 443 | TCP |
| SSH | 22 | TCP |
| DNS | 53 | UDP |
| SMTP | 25 | TCP |
"""


def test_a_table_whose_rows_a_chinese_head_names_is_asked_in_chinese() -> None:
    bank, _ = generate_from_texts([("n.md", PORTS)], "n")
    assert bank.questions
    for q in bank.questions:
        assert not q.prompt.startswith("Which"), q.prompt
        assert q.prompt.startswith("哪个协议"), q.prompt


MERGED = """# Crypto

## Algorithms

| Type | Algorithm | Key size (bits) | Notes |
| :---- | :---- | :---- | :---- |
| Symmetric | AES | 128 / 192 / 256 | block cipher<br>replaced DES |
|  | DES | 56 | broken |
|  | Blowfish | 32–448 | fast |
| Asymmetric | RSA | 1024–4096 | factoring |
|  | ECC | 256 | curves |
| \\* | — | — | |
"""


def test_a_merged_cell_names_the_rows_under_it_and_breaks_keep_words_apart() -> None:
    table = next(b.table for b in _blocks(MERGED) if b.table is not None)
    assert [r[0] for r in table.rows[:5]] == ["Symmetric"] * 3 + ["Asymmetric"] * 2
    assert table.rows[0][3] == "block cipher replaced DES"
    analysed = analyse(TableData(table.header, table.rows[:5], table.lines[:5]))
    assert analysed is not None and analysed.key_header == "Algorithm"
    bank, report = generate_from_texts([("c.md", MERGED)], "c")
    assert bank.bank == "c" and report  # read to the end: the generator did not crash
    assert shape("\\*".strip("\\`* ")) == "empty"  # a first cell of markup alone names nothing


def test_a_number_keeps_its_thousands_separator_when_its_sentence_is_cut() -> None:
    assert clauses_of("ALE = $10,000/yr, so a $15,000 control is not worth it") == [
        "ALE = $10,000/yr,",
        " so a $15,000 control is not worth it",
    ]


def test_a_number_the_writer_says_of_themselves_is_not_asked() -> None:
    notes = """# Exam

## Timing

- the practice test took me 25 min, the real one allows 90 min
- I scored 640 on my first try; 700 is the pass mark
- UNIVAC I was delivered to the Census Bureau in 1951
"""
    bank, _ = generate_from_texts([("t.md", notes)], "t")
    keys = {q.choices[q.answer] for q in bank.questions}
    assert not keys & {"25 min", "640"}, keys
    facts_of = [f.value for f in extract(parse_document(notes, "t.md"))]
    assert "1951" in facts_of and "90 min" in facts_of and "700" in facts_of, facts_of
    assert "25 min" not in facts_of and "640" not in facts_of, facts_of


def test_a_value_under_a_lead_naming_its_measure_is_asked_by_that_measure() -> None:
    notes = """# Crypto

## Hashes

Hash output sizes:
- MD5 = 128 bits
- SHA-1 = 160 bits
- SHA-256 = 256 bits

Tunables:
- work_factor = 12
- salt_bytes = 16
"""
    bank, _ = generate_from_texts([("h.md", notes)], "h")
    prompts = [q.prompt for q in bank.questions]
    assert "What is the hash output size of MD5?" in prompts, prompts
    assert not [p for p in prompts if "tunable of" in p], prompts  # no measure named: as before
