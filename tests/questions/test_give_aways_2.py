"""Give-aways of the fifth blind review, on notes written here in other subjects: a Chinese
cause that says the words an error code is made of (不存在 / MISSING, 超出 / THROTTLED), a
clipped part of a name that stands for a word of the stem (least_conn / "connections"), and a
table row asked again by what is left once the words that give its key away are cut."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.cues import clue
from questions.generate import generate_document

ERRORS = """# 包仓库

## 发布错误代码

| 错误代码 | 说明 |
|---|---|
| TOKEN_MISSING | 请求头里不存在发布令牌，因此发布被拒。请先运行 login 命令 |
| VERSION_TAKEN | 这个版本号以前发布过，仓库不允许覆盖同一个版本 |
| QUOTA_THROTTLED | 今天的发布次数超出了账号允许的上限，因此发布被拒。明天再试或者升级套餐 |
| BAD_MANIFEST | 清单文件格式有误，缺字段或者 JSON 写错了 |
| SIGNATURE_INVALID | 包的签名和公钥对不上，可能被篡改过 |
"""

CODES = ["TOKEN_MISSING", "VERSION_TAKEN", "QUOTA_THROTTLED", "BAD_MANIFEST"]


def keyed(answer: str) -> list[BankQuestion]:
    questions = [q for _, q in generate_document("t.md", ERRORS).chosen]
    return [q for q in questions if q.choices and q.choices[q.answer] == answer]


def test_chinese_that_says_a_word_of_an_error_code_gives_it_away() -> None:
    """不存在 is "missing", 超出 "exceeded" (what THROTTLED reports): general words of error
    names, not any one product's phrasing."""
    missing = "请求头里不存在发布令牌"
    assert clue(missing, "TOKEN_MISSING", [c for c in CODES if c != "TOKEN_MISSING"]) == "不存在"
    assert clue(missing, "VERSION_TAKEN", ["QUOTA_THROTTLED", "BAD_MANIFEST"]) is None
    over = "今天的发布次数超出了账号允许的上限"
    assert clue(over, "QUOTA_THROTTLED", ["TOKEN_MISSING", "BAD_MANIFEST"]) == "超出"
    assert clue("接口被限流了", "RATE_THROTTLED", ["TOKEN_MISSING", "BAD_MANIFEST"]) == "限流"


def test_a_row_is_asked_by_the_sentences_that_do_not_give_its_key_away() -> None:
    """The cause translates the code; the remedy after it still singles the row out."""
    for code, cause in (("TOKEN_MISSING", "不存在"), ("QUOTA_THROTTLED", "超出")):
        qs = keyed(code)
        assert qs, code
        assert all(cause not in q.prompt for q in qs), [q.prompt for q in qs]
    assert any("请先运行 login 命令" in q.prompt for q in keyed("TOKEN_MISSING"))


def test_a_clipped_part_of_a_name_gives_the_word_it_clips_away() -> None:
    stem = "Which of these sends each request to the backend with the fewest open connections?"
    assert clue(stem, "least_conn", ["round_robin", "url_hash"]) == "connections"
    # a wrong option that clips the same word leaves nothing to point at
    assert clue(stem, "least_conn", ["max_conns", "url_hash"]) is None
    assert clue("how long the primary waits for the replication stream", "repl_timeout",
                ["lua_time_limit", "busy_wait"]) == "replication"  # fmt: skip
    # three letters are too few to tell a clipping from chance ("app" / "application")
    assert clue("simplifies application development", "AppSync", ["Kinesis", "Lambda"]) is None
