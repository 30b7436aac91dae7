"""Column headers that are not nouns get written stems: "runs where", "fires when", "when to
use", "supported on Windows?", "是否支持…", "why", a "上限" over English cells. A remark, a
limit or an amount never names a table's rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from questions.generate import generate_document
from questions.headers import yes_no
from questions.parse.model import TableData
from questions.stems import table_forward, table_predicate, table_reverse, table_statement
from questions.tables import analyse

NOTES = Path(__file__).parent / "notes"
SHAPES = ("ci-pipelines.md", "gcp-zh.md", "queues-mixed.md")
#: a header pasted where a noun or a sentence should be
PASTED = re.compile(
    r"the runs where|the fires when|under “(why|when|where|runs where)”|matches “(why|when|"
    r"runs where|fires when|when to use)|的when|的why|是是否|哪个上限|哪个备注|哪个说明|Which 备注"
    r"|的备注是|has the 上限|[A-Za-z] 上限|上限 [A-Za-z]"
)


@pytest.mark.parametrize(
    ("key", "header", "lang", "stem"),
    [
        ("before_script", "runs where", "en", "Where does before_script run?"),
        ("schedule", "fires when", "en", "When does schedule fire?"),
        ("rules", "used when", "en", "When is rules used?"),
        ("at-most-once", "when to use", "en", "When should at-most-once be used?"),
        ("at-most-once", "when to use", "zh", "at-most-once 适用于什么情况？"),
        ("Cloud Run", "适合场景", "zh", "Cloud Run 适用于什么情况？"),
        ("VPC networks", "上限", "en", "What is the limit of VPC networks?"),
        ("pg_dump", "across major versions", "en", "What is true of pg_dump across major versions?"),
        ("Secret", "stored as", "en", "What is Secret stored as?"),
        ("L4", "Sees", "en", "What does L4 see?"),
        ("eventual", "Reads see", "en", "In eventual, what do reads see?"),
    ],
)  # fmt: skip
def test_a_forward_stem_is_written_from_the_header(
    key: str, header: str, lang: str, stem: str
) -> None:
    assert table_forward(key, header, lang) == stem


@pytest.mark.parametrize(
    ("noun", "header", "value", "lang", "stem"),
    [
        ("keyword", "runs where", "on the runner, in a fresh shell", "en",
         "Which keyword runs on the runner, in a fresh shell?"),
        ("trigger", "fires when", "a cron time is reached", "en",
         "Which trigger fires when a cron time is reached?"),
        ("keyword", "when", "before every script line", "en",
         "Which keyword applies before every script line?"),
        ("guarantee", "when to use", "不能丢，消费端能去重", "zh",
         "哪个 guarantee 适用于“不能丢，消费端能去重”？"),
        ("服务", "适合场景", "无状态容器", "zh", "哪个服务适用于“无状态容器”？"),
        ("resource", "上限", "1000", "en", "Which resource has the limit “1000”?"),
        # a verb whose subject is the row, or a clause about the row
        ("layer", "Sees", "IP addresses and ports", "en", "Which layer sees “IP addresses and ports”?"),
        ("model", "Reads see", "a stale value", "en",
         "In which model do reads see “a stale value”?"),
        ("command", "what it keeps", "the index", "en", "Which command keeps “the index”?"),
    ],
)  # fmt: skip
def test_a_reverse_stem_is_written_from_the_header(
    noun: str, header: str, value: str, lang: str, stem: str
) -> None:
    assert table_reverse(noun, header, value, lang) == stem


@pytest.mark.parametrize(
    ("noun", "header", "value", "lang"),
    [
        ("limit", "why", "older lines are cut", "en"),  # an explanation, never a key
        ("keyword", "runs where", "the job's main step", "en"),  # the cell does not follow "runs"
        ("guarantee", "delivered how often", "at most once", "zh"),  # an English clause in Chinese
        ("项", "原因", "旧的行会被截断", "zh"),
    ],
)
def test_a_header_no_stem_can_be_written_from_is_not_asked(
    noun: str, header: str, value: str, lang: str
) -> None:
    assert table_reverse(noun, header, value, lang) is None
    assert table_statement("x", header, value, lang) is None


@pytest.mark.parametrize(
    ("noun", "header", "lang", "stem"),
    [
        ("数据库", "是否支持全球分布", "zh", "哪个数据库支持全球分布？"),
        ("guarantee", "是否会重复", "zh", "哪个 guarantee 会重复？"),
        ("resource", "能否提高", "zh", "哪个 resource 能提高？"),
        ("executor", "supported on Windows?", "en", "Which executor is supported on Windows?"),
        ("trigger", "secrets available?", "en", "Which trigger has secrets available?"),
        # a verb's -s form that is a noun too still opens a predicate
        ("command", "touches real infra?", "en", "Which command touches real infra?"),
        ("setting", "needs a restart?", "en", "Which setting needs a restart?"),
        ("service", "runs as root?", "en", "Which service runs as root?"),
        ("metric type", "Goes down?", "en", "Which metric type goes down?"),
        ("redundancy", "Survives region outage?", "en", "Which redundancy survives region outage?"),
        # a modal's capital is the header's, not the stem's (session 40's Java review)
        (
            "exception category",
            "Must be handled or declared?",
            "en",
            "Which exception category must be handled or declared?",
        ),
        ("executor", "Supported on Windows?", "en", "Which executor is supported on Windows?"),
    ],
)
def test_a_yes_no_header_is_asked_as_a_predicate(
    noun: str, header: str, lang: str, stem: str
) -> None:
    assert table_predicate(noun, header, lang, "是" if lang == "zh" else "yes") == stem


@pytest.mark.parametrize("header", ["ports open?", "files mounted?", "ports left open?"])
def test_plural_things_in_a_state_are_no_predicate(header: str) -> None:
    # "Which host ports open?" reads as nonsense: the header says what state its nouns are in
    assert yes_no(header, "en") is None


@pytest.mark.parametrize(
    ("header", "rows", "key"),
    [
        # long names beside short amounts: the names still name the rows
        (("resource", "上限", "备注"),
         (("VPC networks per project", "15", "可以申请提高"),
          ("Cloud Run services per region", "1000", "—"),
          ("bucket name length in characters", "63", "全局唯一")), "resource"),
        (("what", "limit", "why"),
         (("job log size in the web UI", "4 MB", "older lines cut"),
          ("artifacts per job on gitlab.com", "100 MB", "instance"),
          ("pipeline timeout for a project", "60 minutes", "per project")), "what"),
        # a remark column with short distinct cells is no key either
        (("service", "notes"),
         (("Cloud Run for Anthos clusters", "pay per use"), ("App Engine flexible env", "VMs"),
          ("Compute Engine instance", "full control")), "service"),
        # codes and ports are names
        (("状态码", "名称"), (("200", "OK"), ("404", "Not Found")), "状态码"),
        (("port", "service"), (("22", "SSH"), ("443", "HTTPS")), "port"),
    ],
)  # fmt: skip
def test_a_remark_a_limit_or_an_amount_never_names_the_rows(
    header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], key: str
) -> None:
    table = analyse(TableData(header=header, rows=rows, lines=tuple(range(3, 3 + len(rows)))))
    assert table is not None and table.key_header == key


@pytest.mark.parametrize("name", SHAPES)
def test_no_stem_pastes_a_header(name: str) -> None:
    r = generate_document(name, (NOTES / name).read_text(encoding="utf-8"))
    assert len(r.chosen) >= 8, name
    for _, q in r.chosen:
        assert not PASTED.search(q.prompt), (name, q.prompt)


def test_the_shapes_are_asked_with_written_stems() -> None:
    results = [generate_document(n, (NOTES / n).read_text(encoding="utf-8")) for n in SHAPES]
    prompts = {q.prompt for r in results for _, q in r.chosen}
    written = {c.prompt for r in results for c in r.candidates}
    assert not any(PASTED.search(p) for p in written)
    assert "Where does before_script run?" in written
    # a value two rows share is asked of the first only: not twice with the same options
    assert "Where does script run?" not in written
    assert "Which trigger fires when a cron time is reached?" in prompts
    assert "哪个数据库支持全球分布？" in prompts
    # the quota table is keyed by its resources, never by its limits
    assert not any(p.startswith("哪个上限") or "默认的上限" in p for p in prompts)


def test_an_adjective_header_asks_for_a_value_not_a_thing() -> None:
    """ "long (802.1t)" over port costs says which of a row's values the column holds: "What is
    the long (802.1t) of 10 Mbps?" lacks its noun."""
    assert (
        table_forward("10 Mbps", "long (802.1t)", "en")
        == "What is the long (802.1t) value of 10 Mbps?"
    )
    assert table_forward("disk usage", "hard", "en") == "What is the hard value of disk usage?"
    assert table_forward("S3", "size limit", "en") == "What is the size limit of S3?"


@pytest.mark.parametrize(
    ("noun", "header", "value", "lang", "stem"),
    [
        ("命令", "步骤", "ext4", "zh", "“ext4”这一步用哪个命令？"),
        ("command", "Step", "Apply", "en", "Which command is the “Apply” step?"),
        ("job", "stage", "build", "en", "Which job is the “build” step?"),
    ],
)
def test_a_step_column_asks_which_row_does_the_step(
    noun: str, header: str, value: str, lang: str, stem: str
) -> None:
    # never "哪个命令的步骤是“ext4”？": the step is done with the row's command
    assert table_reverse(noun, header, value, lang) == stem


@pytest.mark.parametrize("value", ["❌（要停了重建）", "✅", "是"])
def test_a_marked_chinese_cell_makes_no_statement(value: str) -> None:
    # "运行中随时 connect / disconnect 的默认 bridge是“❌（要停了重建）”" was a true/false
    assert table_statement("运行中随时 connect / disconnect", "默认 bridge", value, "zh") is None


def test_a_plain_chinese_cell_still_makes_one() -> None:
    assert (
        table_statement("Redis", "持久化", "支持 RDB 和 AOF", "zh")
        == "Redis 的持久化是“支持 RDB 和 AOF”"
    )
