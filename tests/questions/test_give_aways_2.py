"""Give-aways of the fifth blind review, on notes written here in other subjects: a Chinese
cause that says the words an error code is made of (不存在 / MISSING, 超出 / THROTTLED), a
clipped part of a name that stands for a word of the stem (least_conn / "connections"), and a
table row asked again by what is left once the words that give its key away are cut."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.cues import clue, expansions, spelled_out
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
    # the dictionary reads 代理 as "surrogate" only
    assert (
        clue("请确认构建代理已经启动", "AGENT_OFFLINE", ["TOKEN_MISSING", "BAD_MANIFEST"]) == "代理"
    )


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


def test_a_value_letter_of_a_commands_flag_gives_the_value_away() -> None:
    """ "tar format" is `-Ft`, as "custom format" is `pg_dump -Fc`: a flag that picks a value by
    its letter names the description that opens with that letter."""
    stem = "Which command is for “tar format”?"
    dump = "pgtool dump -Ft -d shop -f shop.tar"
    rest = ["pgtool restore -d shop_copy -j 4 shop.tar", "pgtool dumpall --roles-only"]
    assert clue(stem, dump, rest) == "tar"
    # a wrong option whose flag picks a value by the same letter leaves it open
    same = ["pgtool dump -Ft -j 4 -d shop -f shop.tar", "pgtool dump -Fd -d shop -f shop.tar"]
    assert clue(stem, dump, same) is None


NAT = """# Cloud networking

## Network Address Translation NAT

- a private subnet reaches the internet through a NAT gateway, which translates private addresses to one public address
- the gateway needs an Elastic IP

## Virtual Private Cloud VPC

- a VPC is an isolated network of your account in one region

## Domain Name System DNS

- Route 53 answers DNS queries for your domains

## Egress

Instances in a private subnet send outbound traffic through a NAT gateway that translates their private addresses, so replies come back to the right instance.
"""


def test_what_an_acronym_stands_for_gives_it_away() -> None:
    """The notes spell NAT out as Network Address Translation: "translates their private
    addresses" names it for a player who knows the words, though no option shares one."""
    known = expansions(NAT.splitlines())
    assert known["NAT"] == "Network Address Translation"
    assert known["VPC"] == "Virtual Private Cloud"
    stem = (
        "Fill in the blank: outbound traffic goes through a ___ gateway that translates addresses"
    )
    assert spelled_out(stem, "NAT", ["DNS", "VPC"], known) in ("translates", "addresses")
    assert spelled_out(stem, "DNS", ["NAT", "VPC"], known) is None
    # a word a wrong option's expansion has too points at neither
    cards = {**known, "NIC": "Network Interface Card"}
    assert spelled_out("a network gateway ___", "NAT", ["NIC"], cards) is None
    assert spelled_out("a network gateway ___", "NAT", ["VPC"], cards) == "network"
    result = generate_document("t.md", NAT)
    nat = [q for _, q in result.chosen if q.choices and q.choices[q.answer] == "NAT"]
    assert all("translates" not in q.prompt for q in nat), [q.prompt for q in nat]
    assert any(d.candidate.answer_text == "NAT" and "acronym" in d.reason for d in result.dropped)


BALANCING = """# Load balancer

## Balancing methods

- `least_conn` sends requests to the backend with the fewest open connections
- `ip_hash` keeps a client on one backend based on its address
- `weighted_rr` spreads requests over backends by their weight
"""


def test_a_statement_is_not_cut_to_what_every_term_of_its_list_does() -> None:
    """ "with the fewest open connections" names least_conn and goes; what is left, "sends
    requests to the backend", is true of every method, so neither statement is made."""
    statements = [
        c.prompt for c in generate_document("t.md", BALANCING).candidates if c.kind == "truefalse"
    ]
    assert not any(s.rstrip(".").endswith("sends requests to the backend") for s in statements), (
        statements
    )
