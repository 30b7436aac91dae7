"""Give-aways of the second blind review, each on notes written here in other subjects: a word
of the answer that its kin name only as the answer's own name, an answer of function words, a
short form ("py3"), every word of an identifier translated, and true/false statements whose
description names the term it belongs to."""

from __future__ import annotations

import re

from questions.bank import BankQuestion
from questions.cues import clue
from questions.generate import generate_document


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


def keyed(questions: list[BankQuestion], answer: str) -> list[BankQuestion]:
    return [q for q in questions if q.choices[q.answer] == answer]


TIERS = """# Object storage

## Storage tiers

| Tier | Description |
|---|---|
| HotStandard | the default tier for objects that are read every day |
| ColdArchive | cheapest tier for cold data read about once a year, restores take hours |
| WarmInfrequent | lifecycle rules move objects here first, and later on to ColdArchive |
| DeepGlacier | even cheaper than ColdArchive, restores take up to two days |
"""


def test_a_word_the_kin_use_only_to_name_the_answer_still_gives_it_away() -> None:
    """Two rows name ColdArchive, so "cold" is in most of the column: that is not the topic's
    vocabulary, it is the answer's own name."""
    qs = keyed(chosen(TIERS), "ColdArchive")
    assert all("cold data" not in q.prompt for q in qs), [q.prompt for q in qs]


RELEASES = """# Mobile releases

## Release modes

- **Staged** – ships the update to a growing share of users over about a week
- **All at once** – ships the update to all users on the same day
- **Canary** – ships the update to a small internal group before anyone else
- **Paused** – stops a staged rollout where it is, nobody new gets the update
"""


def test_an_answer_of_function_words_is_named_by_them() -> None:
    assert clue("ships the update to all users", "All at once", ["Staged", "Canary"]) == "all"
    qs = keyed(chosen(RELEASES), "All at once")
    assert all("all users" not in q.prompt for q in qs), [q.prompt for q in qs]


def test_a_short_form_of_letter_and_number_names_the_answer() -> None:
    """ "py3" is Python 3, as "h3" is HTTP/3; "py3" says nothing of Python 2."""
    desc = "wheels tagged py3 install on every release of it"
    assert clue(desc, "Python 3", ["Python 2", "Jython"]) == "py3"
    assert clue(desc, "Python 2", ["Python 3", "Jython"]) is None


BUCKET_ACTIONS = """# S3 权限

## 常用操作

| 操作 | 说明 |
|---|---|
| PutObject | 上传一个新的文件，同名的会被覆盖 |
| DeleteObject | 删除对象 |
| DeleteBucket | 把整个空桶去掉，桶里还有东西的话会失败 |
| ListBucket | 列出桶里有哪些文件，可以按前缀过滤 |
"""


def test_a_description_that_translates_every_word_of_the_answer_names_it() -> None:
    """ "删除对象" is Delete + Object: each word alone is shared by a wrong option, both
    together only by the answer."""
    assert clue("删除对象", "DeleteObject", ["PutObject", "DeleteBucket"]) is not None
    assert clue("删除对象", "PutObject", ["DeleteObject", "DeleteBucket"]) is None
    qs = keyed(chosen(BUCKET_ACTIONS), "DeleteObject")
    assert all("“删除对象”" not in q.prompt for q in qs), [q.prompt for q in qs]


GIT_ZH = """# Git 笔记

## 常用命令

- **git clone** —— 克隆一个远程仓库到本地，默认会建好 origin
- **git fetch** —— 把远程的新提交拿下来，但不动本地分支
- **git merge** —— 合并另一个分支，保留两边的历史，会多一个提交
- **git rebase** —— 把本地提交挪到目标分支最新的提交后面，历史变成一条线
- **git stash** —— 把没提交的改动先收起来，工作区变干净
"""


def test_a_statement_whose_description_names_its_term_is_not_asked_true_or_false() -> None:
    """ "克隆…" is "clone", "合并…" is "merge": "“克隆一个远程仓库…”说的是 git clone" is true at a
    glance, and with git fetch swapped in, false at a glance."""
    qs = [q for q in chosen(GIT_ZH) if q.kind == "truefalse"]
    assert all("克隆" not in q.prompt and "合并" not in q.prompt for q in qs), [
        q.prompt for q in qs
    ]


FIREWALL_ZH = """# 网络笔记

## 防火墙

- 安全组只能挂在 **ENI** 上，不能挂在 **Subnet** 上
- NACL 是无状态的，规则按编号从小到大匹配，命中第一条就停
- 默认的 NACL 允许所有进出流量，新建的 NACL 默认全部拒绝
- Flow logs 会记录各种流量（例如ENI进出的包和被拒绝的连接）
"""


def test_a_blank_in_a_denial_is_never_asked() -> None:
    """ "不能挂在 ___ 上" is as true of every wrong option as of the answer."""
    from questions.ambiguity import denied_blank

    assert denied_blank("安全组只能挂在 ENI 上，不能挂在 ___ 上")
    assert denied_blank("Security groups cannot be attached to a ___")
    assert not denied_blank("volumes get updated eventually (but not when mounted w/ ___)")
    qs = chosen(FIREWALL_ZH)
    assert all("不能挂在 ___" not in q.prompt for q in qs), [q.prompt for q in qs]


def test_a_latin_name_next_to_chinese_is_a_word_of_its_own() -> None:
    """ "ENI进出" names ENI: the notes player finds the answer of "例如___进出的包"."""
    from questions.text import contains

    assert contains("Flow logs 会记录各种流量（例如ENI进出的包）", "ENI")
    assert not contains("ENIs and more", "ENI")


SMTP = """# Mail

## SMTP reply codes

| Code | Name |
|---|---|
| 220 | Service ready |
| 250 | Requested action completed |
| 354 | Start mail input |
| 421 | Service not available |
| 450 | Mailbox busy |
| 452 | Insufficient storage |
| 550 | Mailbox not found |
| 552 | Storage allocation exceeded |
| 554 | Transaction failed |
"""


def test_a_row_is_offered_beside_its_neighbours_in_the_table() -> None:
    """Notes group rows of a kind: "What is the name of 450?" is asked among the other 4xx
    names, not beside "Service ready"."""
    from questions.distractors import Pool
    from questions.facts.extract import extract
    from questions.generators import tables
    from questions.parse import parse_document

    doc = parse_document(SMTP, "t.md")
    facts = extract(doc)
    pool = Pool(doc, facts)
    asked = 0
    for f in facts:
        if f.kind != "property" or f.table is None or f.subject not in ("421", "450", "452"):
            continue
        c = tables._forward(f, f.table, pool)
        assert c is not None
        rows = [f.table.column(f.column).index(w) for w in c.distractors]
        assert all(abs(r - f.row) <= 2 for r in rows), (f.subject, c.distractors)
        asked += 1
    assert asked == 3


EXIT_CODES = """# Shell scripting

## Exit codes

| Code | Meaning |
|---|---|
| 0 | 运行成功 |
| 1 | 一般错误，脚本自己返回的失败 |
| 2 | 内建命令用错了参数，也算运行成功之外的失败 |
| 126 | 找到了命令但没有执行权限 |
| 127 | 找不到命令，PATH 里没有 |
| 130 | 被 Ctrl-C 打断（128 + SIGINT 的 2） |
"""


def test_a_description_of_a_word_or_two_that_kin_rows_share_is_not_asked() -> None:
    """ "运行成功" fits the row "…也算运行成功之外的失败" in its words: it cannot single out 0."""
    from questions.ambiguity import thin_fit

    assert thin_fit("运行成功", "内建命令用错了参数，也算运行成功之外的失败")
    assert not thin_fit("运行成功", "找不到命令，PATH 里没有")
    assert not thin_fit("找到了命令但没有执行权限", "找不到命令，PATH 里没有")
    qs = [q for q in chosen(EXIT_CODES) if q.kind != "truefalse"]
    assert qs and all("“运行成功”" not in q.prompt for q in qs), [q.prompt for q in qs]


LOCKS = """# Concurrency

- **mutex** lets exactly one thread hold it, every other thread waits in a queue
- **semaphore** lets N threads in at once, counting them on the way in and out
- **spinlock** burns cycles
- **condition variable** sleeps until another thread signals that the state changed
"""


def test_a_description_of_a_word_or_two_with_no_category_is_not_asked() -> None:
    """ "Which of these burns cycles?" points at nothing in particular: two words, no subject,
    while "Which of these lets N threads in at once …?" says enough."""
    result = generate_document("t.md", LOCKS)
    thin = [d.candidate.prompt for d in result.dropped
            if d.reason == "a thin description with no subject"]  # fmt: skip
    assert thin == ["Which of these burns cycles?"]
    assert any("lets N threads" in q.prompt for _, q in result.chosen)


def test_a_give_away_in_a_trailing_phrase_is_cut_at_its_own_preposition() -> None:
    """ "… a fresh copy of the volume by taking a snapshot" of Snapshot keeps "a fresh copy of
    the volume"; "…, no caching" after the phrase stays."""
    from questions.cues import without

    desc = "Restore the data to a fresh copy of the volume by taking a snapshot."
    assert without(desc, ["snapshot"]) == "Restore the data to a fresh copy of the volume"
    desc = "serves files from the origin for a static site, no caching, no TLS"
    assert without(desc, ["static"]) == "serves files from the origin, no caching, no TLS"


DNS = """# DNS notes

## Resolution

- the stub resolver asks a recursive DNS server, which walks from the root down
- answers are cached for their TTL, negative answers for the SOA minimum

## Records

- **A** maps a name to an IPv4 address, **AAAA** to an IPv6 address
- **CNAME** aliases one name to another, never at the zone apex
- after the lookup the client starts sending HTTP traffic to the address

## Transport

- DNS uses UDP port 53 first and falls back to TCP for large answers
- DoH wraps DNS queries in HTTPS, DoT in TLS on port 853

## Security

- DNSSEC signs the records, DNS itself has no integrity check
"""


def test_a_blank_on_the_word_every_section_uses_is_filler() -> None:
    """ "DNS" is in every section: "asks a recursive ___ server" is guessed by the topic, not
    known from the notes."""
    from questions.facts.extract import extract
    from questions.parse import parse_document
    from questions.solvers import NotesSolver
    from questions.text import Tokenizer

    doc = parse_document(DNS, "t.md")
    solver = NotesSolver(doc, extract(doc), Tokenizer())
    assert solver.topic_word("DNS")
    assert not solver.topic_word("TTL") and not solver.topic_word("HTTP")
    for q in chosen(DNS):
        assert q.choices[q.answer] != "DNS" or "___" not in q.prompt, q.prompt


QUEUES = """# Messaging

## Brokers

- **RabbitMQ** routes messages through exchanges to queues, with acknowledgements per message
- **Kafka** keeps an ordered, replayable log per partition, consumers track their own offsets
- **NATS** sends fire-and-forget messages at very low latency, no persistence by default
"""


def test_a_statement_of_what_a_singular_term_does_agrees_with_it() -> None:
    """ "Kafka keep an ordered …" would be the notes' imperative pasted after a name."""
    prompts = [q.prompt for q in chosen(QUEUES) if q.kind == "truefalse"]
    assert not any(re.search(r"(RabbitMQ|Kafka|NATS) (route|keep|send) ", p) for p in prompts)
    from questions.distractors import Pool
    from questions.facts.extract import extract
    from questions.generators.true_false import definition_pair
    from questions.parse import parse_document

    doc = parse_document(QUEUES.replace("routes", "route").replace("keeps", "keep"), "t.md")
    facts = extract(doc)
    pool = Pool(doc, facts)
    said = [definition_pair(f, pool) for f in facts if f.kind == "definition"]
    statements = [s for pair in said if pair for s in pair]
    assert statements and not any(re.search(r" (route|keep) ", s) for s in statements), statements


def test_a_chinese_word_jieba_splits_still_translates_the_answer() -> None:
    """jieba cuts 幂等 into 幂 + 等; the dictionary still reads it as "idempotent", and
    "idempotent" and "idempotency" are one long root."""
    from questions.cues import alike

    assert alike("idempotent", "idempotency") and not alike("install", "instances")
    stem = "支付接口必须幂等，客户端重试时在 ___ 里带上同一个值"
    assert clue(stem, "Idempotency-Token", ["X-Request-Id", "X-Trace-Id"]) is not None


def test_a_word_and_its_prefixed_form_are_one_root() -> None:
    """ "loads the unit files again" names `systemctl daemon-reload`; "lock" names unlock."""
    from questions.cues import alike

    assert alike("lock", "unlock") and alike("load", "reload")
    wrong = ["systemctl restart", "systemctl status", "systemctl enable"]
    assert clue("loads the unit files again", "systemctl daemon-reload", wrong) == "loads"


COMPACTOR = """# Columnar store ops notes

## Writes

- MVCC: an UPDATE writes a new segment and marks the old one stale; stale segments stay until COMPACT merges them away
- `FLUSH` writes the journal out before a segment becomes visible

## COMPACT & auto-compaction

- plain `COMPACT`: merges small segments into one and drops stale rows
- auto-compaction runs `COMPACT` when a tenth of a table is stale

## Reads

- a scan reads every segment of its range, so COMPACT keeps scans short
- the planner uses zone maps to skip segments

## Tuning

- `PROFILE` shows the plan and the time spent per step
- `RESHARD` moves ranges between nodes
"""


def test_a_word_a_section_is_about_is_a_topic_not_filler() -> None:
    """COMPACT is in most sections, but a section is about it and the title is not: blanked in
    "stale segments stay until ___ merges them away" it is what the notes teach. "Columnar",
    in the title, is the notes' subject."""
    from questions.facts.extract import extract
    from questions.parse import parse_document
    from questions.solvers import NotesSolver
    from questions.text import Tokenizer

    doc = parse_document(COMPACTOR, "t.md")
    solver = NotesSolver(doc, extract(doc), Tokenizer())
    assert not solver.topic_word("COMPACT")
    assert solver.topic_word("columnar")


def test_a_stop_word_that_is_part_of_an_error_code_is_named_by_its_translation() -> None:
    """OVER in OVER_SIZE is no function word: "超出" ("to overstep") names it; beside wrong
    options only, the same stem names none."""
    stem = "以下描述的是哪个错误代码？“上传的对象超出了存储桶允许的范围”"
    wrong = ["NO_SUCH_BUCKET", "ACCESS_DENIED", "BAD_DIGEST"]
    assert clue(stem, "OVER_SIZE", wrong) == "超出"
    assert clue(stem, "TOO_LARGE", ["OVER_SIZE", *wrong[1:]]) is None
