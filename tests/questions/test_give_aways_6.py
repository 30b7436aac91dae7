"""Keys readable from the stem, on notes written here in other subjects (vmstat and iostat
columns, PostgreSQL statistics, TCP tuning, error messages): a short name whose letters stand
for words of its own description, asked either way round; a Chinese word whose characters
gloss an English key; and a number said again in words ("一半", "twice") beside its blank."""

from __future__ import annotations

import re
from pathlib import Path

from questions.cues import abbreviation_of, clue, numerals
from questions.generate import DocumentResult, generate_document

NOTES = Path(__file__).parent / "notes"
_QUOTE = re.compile(r"“([^”]*)”")
_SAID_OF = re.compile(r"”说的是 (.+)$")
_FORWARD = re.compile(r"^(?:哪一项描述的是 (.+)？|Which description fits (.+)\?)$")


def generated(name: str) -> DocumentResult:
    return generate_document(name, (NOTES / name).read_text(encoding="utf-8"))


def test_a_short_name_abbreviates_the_words_of_its_description() -> None:
    assert abbreviation_of("YGC / YGCT", "Young GC 次数 / 总耗时") == "Young GC"
    assert abbreviation_of("cs", "Context Switch 次数 / 秒") == "Context Switch"
    assert abbreviation_of("HOT", "Heap Only Tuple 更新次数") == "Heap Only Tuple"
    assert abbreviation_of("si / so", "Swap In / Swap Out，每秒换入换出") == "Swap In"
    assert abbreviation_of("wa", "Wait IO 占比") == "Wait"  # a clipped word


def test_a_single_letter_counts_only_for_the_word_a_description_opens_with() -> None:
    assert abbreviation_of("S0 / S1", "Survivor 0/1 使用率") == "Survivor"
    assert abbreviation_of("M / CCS", "Metaspace / 压缩类空间使用率 %") == "Metaspace"
    assert abbreviation_of("b", "进程数，Blocked 状态") is None
    assert abbreviation_of("r", "进程 Runnable") is None


def test_a_word_or_the_name_itself_is_no_abbreviation() -> None:
    assert abbreviation_of("top", "the top processes by CPU") is None  # a word, not letters
    assert abbreviation_of("RDB", "writes an RDB snapshot") is None  # the name, said as is
    assert abbreviation_of("CGC / CGCT", "Metaspace / 压缩类空间使用率 %") is None


def test_no_column_question_offers_a_key_its_name_abbreviates() -> None:
    asked = 0
    for name in ("stat-columns-zh.md", "iostat-columns.md"):
        for _, q in generated(name).chosen:
            key = q.choices[q.answer]
            named = _FORWARD.match(q.prompt)
            if named:  # the stem names the term, the options describe
                term = named.group(1) or named.group(2)
                assert abbreviation_of(term, key) is None, (q.prompt, key)
            for quoted in _QUOTE.findall(q.prompt):  # the stem describes, the options name
                asked += 1
                assert abbreviation_of(key, quoted) is None, (q.prompt, key)
                said = _SAID_OF.search(q.prompt)  # a statement: true or false at a glance
                if said:
                    assert abbreviation_of(said.group(1), quoted) is None, q.prompt
    assert asked >= 3  # the columns are still asked, by the rest of their description


def test_a_description_cut_of_its_spelled_name_is_still_asked() -> None:
    prompts = [q.prompt for _, q in generated("stat-columns-zh.md").chosen]
    # "Blocked 进程数，不可中断睡眠" of b: asked by what is left
    assert any("“不可中断睡眠”" in p for p in prompts), prompts


def test_a_character_of_a_chinese_word_glosses_an_english_key() -> None:
    wrong = ["Metaspace", "unable to create new native thread", "GC overhead limit exceeded"]
    stem = "以下描述的是哪一项？“堆放不下了，新对象分配失败”"
    assert clue(stem, "Java heap space", wrong) == "堆"
    # a gloss every option shares says nothing; Chinese options are compared by characters
    assert clue(stem, "heap dump", ["heap space", "heap histogram"]) is None
    assert clue(stem, "栈溢出", ["堆溢出", "元空间溢出"]) is None


def test_numbers_said_in_words_read_as_their_shares() -> None:
    assert "50%" in numerals("降到拥塞窗口的一半")
    assert "0.25" in numerals("split into a quarter of its size")
    assert "200%" in numerals("等待时间扩大到（两倍）")
    assert "2x" in numerals("the delay doubles, twice per retry")
    assert numerals("the half-open queue") != "the half-open queue"
    assert numerals("no shares here") == "no shares here"


def test_a_cloze_never_says_its_number_again_in_words() -> None:
    said = {"50%": ("一半", "half"), "25%": ("四分之一", "quarter"), "200%": ("两倍", "twice")}
    asked = 0
    for name in ("stat-columns-zh.md", "iostat-columns.md"):
        for _, q in generated(name).chosen:
            key = q.choices[q.answer]
            if "___" not in q.prompt or key not in said:
                continue
            asked += 1
            assert not any(w in q.prompt for w in said[key]), q.prompt
    assert asked >= 1  # "扩大到 ___（两倍）" is asked without its aside


def test_an_acronym_with_its_version_names_the_acronym() -> None:
    """ "IPv4 取前 3 个八位组" names IP 哈希 (review 16); a two-letter acronym is a word too."""
    wrong = ["轮询 RR", "最少连接", "一致性哈希"]
    assert clue("IPv4 取前 3 个八位组", "IP 哈希", wrong) == "IPv4"
    assert clue("negotiates HTTP2 first", "HTTP keep-alive", ["gRPC", "QUIC"]) == "HTTP2"
    assert clue("keyed by the DB name", "DB shard", ["tenant", "region"]) == "DB"
    assert clue("取前 3 个八位组", "IP 哈希", wrong) is None
    assert clue("negotiates h2 first", "HTTP keep-alive", ["gRPC", "QUIC"]) is None
