"""Give-aways of the session-11 blind review's most common flaw (the key readable from the
stem), in shapes the earlier gates missed, on notes written here (SQL Server in Chinese, a
systemd and a Redis-style command list): a name glued from words in one case (SLOWLOG,
BGREWRITEAOF, CHECKDB, PAGEIOLATCH_SH) named by one of its words, by the initials of its
left-over letters (AOF: "append-only file") or by a translation (页 / PAGE); a number said in
words ("the ten slowest" / 10, "a minute" / 1 min); and a name's idea said in other words
("how many" / count, "first" / create_before_destroy)."""

from __future__ import annotations

from pathlib import Path

from questions.bank import BankQuestion
from questions.cues import clue, glued, numerals
from questions.generate import generate_document
from questions.paraphrase import paraphrased

NOTES = Path(__file__).parent / "notes"


def chosen(name: str) -> list[BankQuestion]:
    path = NOTES / name
    return [q for _, q in generate_document(name, path.read_text(encoding="utf-8")).chosen]


def test_a_glued_name_splits_into_its_words_and_left_over_letters() -> None:
    assert glued("SLOWLOG") == (("slow", "log"), ())
    assert glued("BGREWRITEAOF") == (("rewrite",), ("bg", "aof"))
    assert glued("CHECKDB") == (("check",), ("db",))
    # a word, a mixed-case name and a name no word explains are not glued
    assert glued("restart") == ((), ())
    assert glued("nodePort") == ((), ())
    assert glued("xqzvbnmwrt") == ((), ())


def test_a_word_of_a_glued_name_in_the_stem_gives_it_away() -> None:
    stem = "Which of these shows the recent slowest commands?"
    assert clue(stem, "SLOWLOG GET", ["INFO memory", "MEMORY USAGE key"]) == "slowest"
    # the stem's "database" is the DB a glued name clips
    stem = "以下描述的是哪个 DBCC 命令？“检查整个数据库的逻辑和物理完整性”"
    assert clue(stem, "DBCC CHECKDB", ["DBCC OPENTRAN", "DBCC SHRINKFILE"]) is not None


def test_the_initials_of_a_glued_names_left_over_letters_give_it_away() -> None:
    stem = "Which of these compacts the append-only file?"
    assert clue(stem, "BGREWRITEAOF", ["BGSAVE", "FLUSHALL"]) == "append-only file"
    # BG is in every option: it tells none of them apart
    assert clue("Which of these runs in the background?", "BGREWRITEAOF", ["BGSAVE"]) is None


def test_a_translated_word_names_a_part_of_a_glued_name() -> None:
    stem = "以下描述的是哪个等待类型？“等待从磁盘读数据页”"
    assert clue(stem, "PAGEIOLATCH_SH", ["LCK_M_X", "CXPACKET", "WRITELOG"]) == "页"
    stem = "以下描述的是哪个等待类型？“线程用完时间片让出 CPU”"
    assert clue(stem, "SOS_SCHEDULER_YIELD", ["LCK_M_X", "CXPACKET"]) == "让出"
    stem = "以下描述的是哪个命令？“持续输出日志”"
    assert clue(stem, "docker logs -f", ["docker run -d", "docker exec -it"]) == "日志"


def test_a_number_said_in_words_is_the_number() -> None:
    assert numerals("the ten slowest commands") == "the 10 slowest commands"
    assert numerals("timers fire up to a minute late") == "timers fire up to 1 minute late"
    assert numerals("the only one left") == "the only one left"  # a lone "one" is a word
    stem = "Which of these shows the ten slowest recent commands?"
    assert clue(numerals(stem), "SLOWLOG GET 10", ["INFO memory", "CONFIG GET maxmemory"])


def test_a_name_said_in_other_words() -> None:
    assert paraphrased("builds the replacement first", "create_before_destroy",
                       ["prevent_destroy", "ignore_changes"]) == "first"  # fmt: skip
    assert paraphrased("how many copies of a resource", "count", ["for_each", "lifecycle"])
    assert paraphrased("makes copies of a resource", "count", ["for_each"]) is None


def test_the_sqlserver_notes_ask_no_glued_name_by_its_own_words() -> None:
    bank = chosen("sqlserver-zh.md")
    assert bank
    for q in bank:
        key = q.choices[q.answer]
        if key.startswith("PAGEIOLATCH"):
            assert "页" not in q.prompt, q.prompt
        if key.startswith("SOS_SCHEDULER_YIELD"):
            assert "让出" not in q.prompt, q.prompt
        if key == "DBCC CHECKDB":
            assert "检查" not in q.prompt and "数据库" not in q.prompt, q.prompt


def test_a_clause_that_restates_the_blanked_number_is_left_out() -> None:
    """ "accuracy defaults to ___ (AccuracySec), so timers fire up to a minute late": asked
    without the clause that gives 1 min away, not refused."""
    bank = chosen("systemd-units.md")
    asked = [q for q in bank if "AccuracySec" in q.prompt]
    assert asked, [q.prompt for q in bank]
    assert all("minute" not in q.prompt for q in asked)
    assert asked[0].choices[asked[0].answer] == "1 min"
