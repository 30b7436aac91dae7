"""Chinese and mixed notes a blind review found asked broken (issue #13, review 13): a column
header that is itself a question pasted into "X 的 H 是什么？", with a row key that is a bare
value asked without its column; a term cut off the word it is glued to ("consumer 端要配 …"),
and a name with its setting offered beside bare names; a cloze cut away from the only setting
name its sentence has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from questions.distractors import acceptable
from questions.generate import DocumentResult, generate_document
from questions.headers import asked
from questions.stems import table_forward, table_reverse, table_statement
from questions.text import bound_opening
from questions.values import shape_clash

NOTES = Path(__file__).parent / "notes"
#: a question word inside "X 的 … 是什么？": a question header pasted as a noun
PASTED_QUESTION = re.compile(r"的[^，。？]*(什么|怎么|哪|多少|几)[^，。？]*是什么？")


def _result(name: str) -> DocumentResult:
    return generate_document(name, (NOTES / name).read_text(encoding="utf-8"))


def _prompts(name: str) -> list[str]:
    return [c.prompt for c, _ in _result(name).chosen]


# -- 1. a question header is asked as a question, a bare value key with its column ---------


@pytest.mark.parametrize(
    ("header", "question"),
    [
        ("什么时候回", "什么时候回"),
        ("写入什么时候返回", "写入什么时候返回"),
        ("丢数据吗？", "丢数据吗"),
        ("When does it reply?", "When does it reply"),
        ("How long does it take", "How long does it take"),
        ("丢数据风险", None),
        ("什么时候用", None),  # a use: "适用于什么情况？"
        ("为什么", None),  # a reason: never asked
        ("What I'm looking for", None),  # a note to oneself, not a question
        ("Size limit", None),
    ],
)
def test_a_header_written_as_a_question_is_told_apart(header: str, question: str | None) -> None:
    assert asked(header) == question


def test_a_question_header_is_asked_about_the_row_not_pasted_as_a_noun() -> None:
    assert table_forward("acks = 0", "什么时候回", "zh") == "acks = 0 时，什么时候回？"
    assert table_forward("Raft", "什么时候回", "zh") == "对于 Raft，什么时候回？"
    assert (
        table_forward("refresh = true", "When does the doc show up?", "en")
        == "For refresh = true, when does the doc show up?"
    )
    reverse = table_reverse(None, "什么时候回", "leader 写完就回", "zh")
    assert reverse is not None and "的什么时候回是" not in reverse
    assert table_statement("acks = 0", "什么时候回", "不等", "zh") is None


def test_value_keys_are_named_with_their_column_and_question_headers_are_asked() -> None:
    prompts = _prompts("search-cluster-zh.md")
    assert not [p for p in prompts if PASTED_QUESTION.search(p)]
    assert "wait_for_active_shards = all 时，写入什么时候返回？" in prompts
    assert "number_of_replicas = 0 时，磁盘占用是什么？" in prompts
    # no row asked by its bare value: "0 的…", "1 时，…"
    assert not [p for p in prompts if re.match(r"(all|\d+)( \S+)? (的|时)", p)]


def test_a_key_column_of_names_keeps_its_keys_bare() -> None:
    # vmstat's "r", "b", "wa" are column names, not values of "列"
    assert not [p for p in _prompts("stat-columns-zh.md") if "列 = " in p]


# -- 2. a term glued to a bound character is not cut off it ---------------------------------


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("端要配 request_timeout=30s 才不会断开", True),
        ("侧发送", True),
        ("里没有消息", True),
        ("端口默认 6379", False),
        ("节点负责把请求分发到各个分片", False),
        ("上线后要观察", False),
    ],
)
def test_a_bound_character_is_read_with_jieba(text: str, bound: bool) -> None:
    assert bound_opening(text) is bound


def test_a_term_glued_to_a_bound_character_is_not_asked_as_a_fragment() -> None:
    r = _result("search-cluster-zh.md")
    prompts = [c.prompt for c, _ in r.chosen]
    assert not [p for p in prompts if re.search(r"“\s*[端侧方的里]", p)]
    assert not [c for c, _ in r.chosen if c.answer_text == "client"]
    # the node lines beside it, whose terms stand alone, are still asked
    assert any(c.answer_text == "coordinating" for c, _ in r.chosen)


def test_a_name_with_its_setting_is_not_offered_beside_bare_names() -> None:
    assert shape_clash("consumer", "producer transaction.timeout.ms")
    assert not acceptable("producer transaction.timeout.ms", "consumer", [], sibling=True)
    assert acceptable("broker", "consumer", [], sibling=True)
    assert not shape_clash("git commit --amend", "git status")


# -- 3. a cloze keeps the only setting name of its sentence ---------------------------------


def test_a_cut_cloze_keeps_the_setting_it_is_about() -> None:
    clozes = [
        c.prompt
        for c, _ in _result("search-cluster-zh.md").chosen
        if c.style == "cloze" and c.answer_text == "50GB" and "每个分片的大小上限" in c.prompt
    ]
    assert len(clozes) == 1
    assert "按大小滚动时要看" not in clozes[0]  # the long line was cut to the blank's clauses
    assert "index.lifecycle.max_size" in clozes[0]
