"""Kinds of note a blind review found asked broken: two columns of parallel descriptions read
as key and property, a false statement that swaps in the thing a value belongs to, a bare
number read as a defined term, a catch-all heading used as a category noun or its items as
each other's options, and a description that says what a thing does NOT do asked as "which"."""

from __future__ import annotations

import re

import pytest

from questions.ambiguity import affirms, denial_fits, denies, unsettled
from questions.distractors import Pool
from questions.facts.definitions import is_clause_list
from questions.facts.enumerations import enumeration
from questions.facts.extract import under_catch_all
from questions.generators import true_false
from questions.nouns import category, is_misc, lead_category
from questions.parse.model import TableData
from questions.stems import lint
from questions.tables import analyse
from tests.questions.own_notes import generated

#: my notes of these shapes: an English tooling set and a Chinese object-storage set
SHAPED = ("devtools-odds.md", "object-store-zh.md")


# --- 1. two columns of parallel descriptions have no key ---------------------------------


def test_two_columns_of_descriptions_name_no_rows() -> None:
    data = TableData(
        header=("CI runner on a VM", "CI runner in a container"),
        rows=(
            ("same image & toolchain for every job", "each job can pick its own image, tools"),
            ("state left on disk between the jobs", "a fresh filesystem for every single job"),
        ),
        lines=(3, 4),
    )
    assert analyse(data) is None


def test_a_key_of_names_beside_a_description_column_is_still_the_key() -> None:
    data = TableData(
        header=("command", "what it does"),
        rows=(
            ("make build", "compiles every target the makefile names"),
            ("make test", "runs the unit tests after a fresh build"),
        ),
        lines=(3, 4),
    )
    table = analyse(data)
    assert table is not None and table.key_header == "command"


@pytest.mark.parametrize("name", SHAPED)
def test_no_fact_is_read_from_a_table_of_parallel_descriptions(name: str) -> None:
    headers = {("git merge", "git rebase"), ("源存储桶", "目标存储桶")}
    facts = [f for f in generated(name).facts if f.block.table is not None]
    assert not [f for f in facts if tuple(f.block.table.header) in headers]  # type: ignore[union-attr]
    assert facts or name == "object-store-zh.md"  # the runtimes table is still read


# --- 2. a false statement swaps in a peer, never what the value belongs to ---------------


def _false_statements(name: str) -> set[str]:
    result = generated(name)
    pool = Pool(result.doc, result.facts)
    return {c.prompt for f in result.facts for c in true_false.for_fact(f, pool) if c.answer == 1}


def test_a_setting_is_never_swapped_in_for_its_own_value() -> None:
    false = _false_statements("devtools-odds.md")
    for owner in ("RUST_LOG", "NODE_ENV", "GOGC"):
        assert not [s for s in false if s.startswith(f"True or false: {owner} ")], owner
    # peers of one line still make false statements of each other
    assert any(s.startswith(("True or false: rsync -z", "True or false: rsync -a")) for s in false)


# --- 3. a bare number is no defined term; parallel clauses are no one definition ---------


@pytest.mark.parametrize(
    "line",
    [
        "`snapshot 900 1 300 10` 意思：900 秒内至少 1 次写 / 300 秒内 10 次写 / 60 秒内 10000 次写",
        "retention: 7 天内每天留 1 份, 4 周内每周留 1 份, 12 个月内每月留 1 份",
    ],
)
def test_a_number_split_from_its_unit_is_no_member(line: str) -> None:
    assert enumeration(line) is None


def test_a_number_named_by_its_aside_is_still_a_member() -> None:
    e = enumeration("ports: 22 (SSH), 80 (HTTP), 443 (HTTPS)")
    assert e is not None and [(m.name, m.description) for m in e.members] == [
        ("22", "SSH"), ("80", "HTTP"), ("443", "HTTPS")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("desc", "parallel"),
    [
        ("30 天后转成低频存储 / 90 天后转成归档存储 / 365 天后删除", True),
        ("keep 24 hourly copies / keep 7 daily copies", True),
        ("does not open connections / fetch remote packs", False),  # one verb, two objects
        ("default / min / max per container", False),
        ("read-only / read-write", False),
    ],
)
def test_parallel_clauses_are_told_from_one_description(desc: str, parallel: bool) -> None:
    assert is_clause_list(desc) is parallel


def test_no_question_defines_a_bare_number() -> None:
    result = generated("object-store-zh.md")
    numbers = [f for f in result.facts if f.kind == "definition" and f.subject.isdigit()]
    assert not numbers
    assert not [c for c in result.candidates if re.search(r"哪个意思|描述的是 \d+？", c.prompt)]


# --- 4. a catch-all names no category and gives no kin -----------------------------------


@pytest.mark.parametrize(
    "label",
    ["其它", "其他", "杂项", "零碎", "其它零碎", "Misc", "Miscellaneous", "Other", "Others",
     "Odds and ends", "Random notes", "misc CLI", "Misc CLI:", "**其它零碎**",
     # pitfalls about unlike things: localhost, CMD and a volume are no peers
     "Gotchas", "Common pitfalls", "9. 易错点 / 坑 ⚠️", "踩坑记录"],
)  # fmt: skip
def test_a_catch_all_names_no_category(label: str) -> None:
    assert is_misc(label)
    assert category(label) is None
    assert lead_category(label if label.endswith(":") else f"{label}:") is None


@pytest.mark.parametrize(
    "heading", ["Linter commands", "生命周期", "Container runtimes", "Exam tips", "Networking"]
)
def test_a_named_heading_is_no_catch_all(heading: str) -> None:
    assert not is_misc(heading)


@pytest.mark.parametrize("name", SHAPED)
def test_items_of_a_catch_all_are_no_options_of_each_other(name: str) -> None:
    result = generated(name)
    grab_bag = {f.subject for f in result.facts if f.kind == "definition"
                and under_catch_all(f.block)}  # fmt: skip
    assert len(grab_bag) >= 6  # the notes have such lists, in sections and after a label
    for c in result.candidates:
        assert not re.search(r"(?i)哪个(其它|其他|零碎)|which (misc|other|odds)", c.prompt)
        if c.kind == "choice":
            assert len(grab_bag & set(c.options)) <= 1, (c.prompt, c.options)


# --- 5. a denial identifies nothing its kin are not said to do ---------------------------


@pytest.mark.parametrize(
    ("desc", "denying"),
    [
        ("does NOT open network connections / fetch remote rule packs", True),
        ("never restarted (the default)", True),
        ("不会真正删除旧版本，也不会释放容量", True),
        ("完全不能存（敏感数据）", True),
        # a clause that says what it does makes it a description
        ("不会删除旧版本，只加一个删除标记", False),
        ("no requests or limits at all -> evicted first when memory runs low", False),
        ("不同终端的用户数据同步", False),  # 不同 "different" is a word of its own
        ("runs stateless containers that scale to zero when no requests arrive", False),
        ("notes every change", False),
    ],
)
def test_a_denying_description_is_told_by_its_opening(desc: str, denying: bool) -> None:
    assert denies(desc) is denying


def test_a_denial_identifies_only_against_descriptions_that_affirm_it() -> None:
    assert affirms("never restarted", "restarted after a signal or a timeout")
    assert not denial_fits("never restarted", ["restarted whatever the reason"])
    assert denial_fits("does not open network connections", ["rewrites files in place"])
    assert not denial_fits("opens network connections", ["rewrites files in place"])
    assert unsettled("never writes to disk", "reads every source file")
    assert not unsettled("never writes to disk", "writes a snapshot to disk")


@pytest.mark.parametrize(
    ("prompt", "negative"),
    [
        ("Which of these does NOT open network connections?", True),
        ("Linter commands — which command never writes files?", True),
        ("Which command doesn't block?", True),
        ("以下哪个不是协议？", True),
        ("Which command refuses to overwrite work you have not seen?", False),
        ("What is NOT NULL for?", False),
    ],
)
def test_a_stem_never_leads_in_with_a_negation(prompt: str, negative: bool) -> None:
    assert (lint(prompt) == "negative lead-in") is negative


@pytest.mark.parametrize("name", SHAPED)
def test_no_question_asks_which_thing_a_denial_describes(name: str) -> None:
    for c in generated(name).candidates:
        assert not re.search(r"does NOT|不会真正删除", c.prompt), c.prompt
        if c.kind == "choice":
            assert not [d for d in c.distractors if denies(d)], (c.prompt, c.options)
