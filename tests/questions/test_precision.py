"""The flaw classes of the blind review, each on notes written here: the answer named or
translated in the stem, wrong-kind or arithmetic distractors, a description that fits another
option too; and recall on short notes (bold-term definitions, one true/false pair)."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.cues import clue, without
from questions.distractors import plausible
from questions.generate import generate_document
from questions.vocabulary import STATUS_CODES


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


def keyed(questions: list[BankQuestion], answer: str) -> list[BankQuestion]:
    return [q for q in questions if q.choices[q.answer] == answer]


METHODS_ZH = """# HTTP 复习

## Method

- **GET** 读取资源，安全且幂等
- **HEAD** 跟 GET 一样但只返回 headers
- **DELETE** 删除（删两次结果一样，第二次可能 404）
- **POST** 新建资源，不幂等
"""


def test_a_chinese_description_that_translates_the_answer_never_asks_it() -> None:
    """ "删除" is "delete" and "headers" begins with HEAD: a player who never read the notes
    picks them."""
    qs = chosen(METHODS_ZH)
    for q in keyed(qs, "DELETE") + keyed(qs, "HEAD"):
        assert "删除" not in q.prompt and "headers" not in q.prompt, q.prompt
    assert clue("删除（删两次结果一样）", "DELETE", ["GET", "POST"]) == "删除"


INDEXES = """# PG

## Index types

- **GIN** inverted index for arrays, jsonb and full text search
- **BRIN** block range summaries, tiny, for naturally ordered data
- **SP-GiST** space-partitioned, non-balanced structures (quadtrees, radix trees)
- **Hash** equality only, WAL-logged since PG 10
"""


def test_initials_that_spell_the_answer_give_it_away() -> None:
    assert clue("space-partitioned, non-balanced structures", "SP-GiST", ["GIN", "BRIN"])
    for q in keyed(chosen(INDEXES), "SP-GiST"):
        assert "space-partitioned" not in q.prompt, q.prompt


PATTERNS = """# K8s

## Multi-container patterns

- **sidecar**: helper next to the main app (log shipper, proxy)
- **ambassador**: proxies the app's connections to the outside world
- **adapter**: converts the app's output into a standard format
"""


def test_a_description_that_fits_another_option_never_offers_it() -> None:
    """ "… (log shipper, proxy)" also describes the ambassador, which "proxies" connections."""
    for q in keyed(chosen(PATTERNS), "sidecar"):
        if q.kind == "choice" and "proxy" in q.prompt:
            assert "ambassador" not in q.choices, q
        if q.kind == "truefalse":
            assert "ambassador" not in q.prompt, q.prompt


def test_number_distractors_are_near_misses_of_the_same_roundness() -> None:
    assert plausible(20, 30) and plausible(60, 30)
    assert not plausible(12, 25) and not plausible(11, 10)
    assert plausible(127, 63) and not plausible(126, 63)
    assert plausible(512, 256) and not plausible(500, 256)


VERSIONS = """# PG

## Security

- default password_encryption is scram-sha-256 since PG 14; MD5 passwords are deprecated in 18
- PG 16 added logical replication from standbys
- PG 17 added incremental backup
"""


def test_a_number_written_as_a_version_elsewhere_takes_versions_as_options() -> None:
    for q in chosen(VERSIONS):
        if q.kind == "choice" and q.choices[q.answer] == "18":
            assert set(q.choices) <= {"14", "16", "17", "18"}, q.choices


VACUUM = """# Postgres maintenance

## Vacuum

- **VACUUM** reclaims the space of dead rows
- **VACUUM FULL** rewrites the whole table and takes an exclusive lock
- **autovacuum** runs vacuum and analyze in the background
"""


def test_three_bold_definitions_under_one_heading_are_asked() -> None:
    """They made no question at all: "runs" after a singular bold term is its verb, and terms
    marked alike in one list are each other's options whatever their case."""
    qs = chosen(VACUUM)
    answers = {q.choices[q.answer] for q in qs if q.kind == "choice"}
    assert {"VACUUM", "VACUUM FULL"} <= answers
    for q in qs:
        assert len(q.choices) == 3 and set(q.choices) == {"VACUUM", "VACUUM FULL", "autovacuum"}


SHORT = """# 操作系统复习

## 进程与线程

- **进程** 是资源分配的基本单位
- **线程** 是调度的基本单位，同一进程的线程共享地址空间

## 调度算法

| 算法 | 特点 |
|---|---|
| 先来先服务 | 按到达顺序执行，可能出现护航效应 |
| 短作业优先 | 平均等待时间最短，长作业可能饥饿 |
| 时间片轮转 | 响应很快，交互体验好，每个进程轮流用一个时间片 |
"""


def test_short_notes_keep_one_true_and_one_false_statement() -> None:
    """A share of a handful of questions rounds down to none: short notes keep one pair."""
    qs = chosen(SHORT)
    tf = [q for q in qs if q.kind == "truefalse"]
    assert len(tf) == 2 and {q.answer for q in tf} == {0, 1}, [q.prompt for q in qs]


def test_without_keeps_what_still_says_it_and_drops_the_aside() -> None:
    desc = '可以存，但每次用之前必须先找服务器验证（不是"不缓存"！！）'
    assert without(desc, ["缓存"]) == "可以存，但每次用之前必须先找服务器验证"
    assert without("支持的版本、随机数、key_share（客户端的公钥）", ["客户端"]) == (
        "支持的版本、随机数、key_share"
    )


CODES_AND_PORTS = """# Web

## Status codes

| 状态码 | 说明 |
|---|---|
| 403 | 禁止访问 |
| 404 | 资源不存在 |
| 405 | 方法不允许 |
| 409 | 冲突 |

## Ports

| 端口 | 服务 |
|---|---|
| 22 | SSH |
| 53 | DNS |
| 80 | HTTP |
| 443 | HTTPS |

## Conditional requests

- If-Match 不匹配就返回 412 Precondition Failed，可以做乐观锁
"""


def test_a_status_code_takes_status_codes_not_the_port_of_the_same_width() -> None:
    """412 is in no table; 443 is three digits like it: the options were 53 / 80 / 443."""
    qs = [q for q in chosen(CODES_AND_PORTS) if q.kind == "choice" and "412" in q.choices]
    assert qs
    for q in qs:  # the notes' codes, or well-known ones of the class (a neighbour above 412)
        assert set(q.choices) <= {"403", "404", "405", "409", "412", *STATUS_CODES}, q.choices
        assert not set(q.choices) & {"22", "53", "80", "443"}, q.choices


def test_an_answer_alone_in_its_form_is_dropped() -> None:
    from questions.solvers import odd_form

    assert odd_form(
        "Access-Control-Allow-Credentials: true",
        ["Access-Control-Allow-Headers", "Access-Control-Allow-Origin"],
    )
    assert odd_form("Opaque", ["kubernetes.io/tls", "kubernetes.io/basic-auth"])
    assert not odd_form("kubernetes.io/tls", ["kubernetes.io/basic-auth", "Opaque"])
    assert not odd_form("no-cache", ["no-store", "must-revalidate"])


DYNAMO = """# AWS

## DynamoDB

One **read request unit** represents one strongly consistent read for an item up to 4 KB.

One **write request unit** represents one write for an item up to 1 KB.

Amazon DynamoDB **global tables** provide a fully managed solution for deploying a
multi-region, multi-master database.

## AWS INSPECTOR

a automated security assessment service

## Secrets Manager

handle credentials of databases and API keys in secret way

## AWS Kinesis

delivers real-time streaming data to destinations such as Amazon S3
"""


def test_bold_phrases_of_one_section_are_options_only_of_their_own_kind() -> None:
    """ "global tables" was asked with "read request unit" and "write request unit"."""
    for q in chosen(DYNAMO):
        if "global tables" in q.choices:
            assert not {"read request unit", "write request unit"} & set(q.choices), q


def test_stems_are_grammatical_whatever_the_notes_wrote() -> None:
    """ "Which of these handle credentials?", "“a automated security …”"."""
    prompts = [q.prompt for q in chosen(DYNAMO)]
    assert any(p.startswith("Which of these handles credentials") for p in prompts), prompts
    assert not any("handle credentials" in p or "a automated" in p for p in prompts), prompts
    assert any("an automated" in p for p in prompts), prompts


EXPLAIN = """# PG

## EXPLAIN

- `EXPLAIN` = estimated plan only, the query is not run
- `EXPLAIN ANALYZE` **actually executes the query** -> real times, actual rows. for DELETE wrap it: `BEGIN; EXPLAIN ANALYZE DELETE ...; ROLLBACK;`
- `EXPLAIN (BUFFERS)` adds shared hit/read counts
"""


def test_a_line_opened_by_a_marked_subject_defines_that_subject() -> None:
    """The bold predicate after `EXPLAIN ANALYZE` was taken for the term, its arrow for the
    separator: "actually executes the query" was asked as a thing."""
    from questions.facts.extract import extract
    from questions.parse import parse_document

    facts = extract(parse_document(EXPLAIN, "t.md"))
    subjects = {f.subject for f in facts if f.kind == "definition"}
    assert "EXPLAIN ANALYZE" in subjects and "actually executes the query" not in subjects
    q = keyed(chosen(EXPLAIN), "EXPLAIN ANALYZE")
    assert q and "ROLLBACK" not in q[0].prompt and "BEGIN" not in q[0].prompt, q


SERVICES = """# K8s

## Service types

| type | what it does |
|---|---|
| ClusterIP | default type, gets a virtual cluster IP |
| NodePort | opens the same port on every node |
| LoadBalancer | builds on top of NodePort + ClusterIP |
| ExternalName | returns a CNAME record, no proxying |
"""


def test_a_row_the_description_names_is_never_an_option() -> None:
    tried = generate_document("t.md", SERVICES).candidates
    # with too few rows left unnamed the row is asked another way, or not at all
    asked = [c for c in tried if c.style == "reverse" and "NodePort + ClusterIP" in c.prompt]
    for c in asked:
        assert not {"NodePort", "ClusterIP"} & set(c.options), c.options


TWO_TOPICS = """# CORS

## 同源与简单请求

同源 = 协议 + 域名 + 端口 三个都一样。

简单请求：方法是 GET / HEAD / POST，而且没有自定义 header，直接发，不预检。
"""


def test_two_plain_paragraphs_are_not_asked_as_a_pair() -> None:
    """Two topics of one section, not a pair the notes set against each other."""
    assert not [q for q in chosen(TWO_TOPICS) if q.kind == "choice" and len(q.choices) == 2]


def test_words_that_merely_open_alike_or_name_the_topic_give_nothing_away() -> None:
    """ "设置" (install) is not "instances"; "实例" (instance) is in every error of the
    table, so it points at none of them."""
    from questions.cues import alike

    assert not alike("install", "instances") and alike("head", "headers")
    assert alike("vacuum", "autovacuum") and alike("starting", "startup")
    desc = "由于为部署定向的实例数太多，请更新此部署组的标签设置"
    kin = [
        "部署失败，可供部署的正常实例太少",
        "所需的正常运行的实例不可用",
        "实例上运行的代理出现问题",
    ]
    wrong = ["HEALTH_CONSTRAINTS", "NO_INSTANCES", "IAM_ROLE_PERMISSIONS"]
    assert clue(desc, "OVER_MAX_INSTANCES", wrong, kin) is None
    assert clue("由于 CodeDeploy 代理出现问题", "AGENT_ISSUE", wrong, kin) in ("代理", "问题")


def test_an_option_whose_own_description_uses_the_stems_verb_is_not_offered() -> None:
    """ "proxies the app's connections" is asked of the ambassador; the sidecar is "a helper
    … (log shipper, proxy)": it could be meant too."""
    for q in keyed(chosen(PATTERNS), "ambassador"):
        assert "sidecar" not in q.choices, q


VACUUMS = """# PG

## Vacuum

- `VACUUM`: makes the space of dead tuples reusable, does not give space back to the OS
- `VACUUM FULL`: rewrites the table, gives space back, takes an exclusive lock
- `VACUUM ANALYZE`: vacuum + refresh planner statistics
"""


def test_an_option_that_builds_on_the_answer_is_not_offered() -> None:
    """VACUUM ANALYZE is "vacuum + …": it also does what VACUUM is described as doing."""
    for q in keyed(chosen(VACUUMS), "VACUUM"):
        assert "VACUUM ANALYZE" not in q.choices, q


ARITHMETIC = """# Cluster sizing notes

## Units

- memory unit: `1Gi` = `1024Mi` (mebibytes), so `512Mi` = half a gibibyte
- disk quota per tenant defaults to `50GB`, raised on request

## Releases

- every release gets 3 years of support. Runtime 6 went EOL in March 2025, Runtime 7 is next (March 2026)
- a patch release ships every 4 weeks
"""


def test_a_blanked_number_other_clauses_compute_is_asked_without_them() -> None:
    """ "___ (mebibytes), so 512Mi = half a gibibyte" gives 1024Mi by arithmetic, "Runtime ___
    went EOL …, Runtime 7 is next" gives 6: the clause that computes it is cut."""
    from questions.cues import arithmetic_cut, computable

    qs = chosen(ARITHMETIC)
    for q in qs:
        answer = q.choices[q.answer]
        assert not computable(q.prompt, answer), q.prompt
        if answer in ("1024Mi", "6"):
            assert "half" not in q.prompt and "next" not in q.prompt, q.prompt
    line = "memory unit: 1Gi = 1024Mi (mebibytes), so 512Mi = half a gibibyte"
    assert arithmetic_cut(line, "1024Mi") == "memory unit: 1Gi = 1024Mi (mebibytes)"
    line = "Runtime 6 went EOL in March 2025, Runtime 7 is next (March 2026)"
    assert arithmetic_cut(line, "6") == "Runtime 6 went EOL in March 2025"
    assert computable("Runtime ___ went EOL in 2025, Runtime 7 is next", "6")
    assert computable("Runtime 6 went EOL in 2025, Runtime ___ is next", "7")
    assert not computable("a patch release ships every ___ weeks, raised on request", "4 weeks")


STREAMS = """# Message transport notes

## Streams vs queues

|  | stream | queue |
|---|---|---|
| delivery | every consumer group reads every message | one consumer takes each message |
| retention | kept for the retention period, replayable | deleted once acknowledged |
| ordering | strict order per partition | best-effort order |
| scaling | add partitions, one reader per partition per group | add consumers freely |
| replay | yes, seek to any offset | no, a consumed message is gone |

## Brokers

- the broker keeps messages on disk in segment files of `1GB`
- a consumer commits its offset every `5s` by default
- the producer batches messages for up to `10ms` before sending
- a message may hold at most `1MB` unless the topic raises its limit
- a partition leader is re-elected within `30s` of its broker failing
- the cleaner compacts a log once `50%` of it is superseded

## Limits

- a topic may have at most `4096` partitions per cluster
- a consumer group rebalances when a member misses heartbeats for `45s`
- the default replication factor is `3`, so two brokers may fail
- idle connections are closed after `9min`
- a fetch request returns at most `50MB` of messages
- transactions time out after `60s` when not committed
- the broker keeps `7d` of messages by default
"""


def test_a_two_sided_table_asks_at_most_three_of_its_rows() -> None:
    """Five rows of stream vs queue would be five coin tosses: the bank asks them as at most
    two statements of four options each (four rows apiece: a table of five aspects or more
    has room for four, session 27) and leaves the rest to questions of four options."""
    qs = chosen(STREAMS)
    assert [q.prompt for q in qs if len(q.choices) == 2] == []
    statements = [q for q in qs if "stream and queue" in q.prompt]
    assert 1 <= len(statements) <= 2, [q.prompt for q in statements]
    assert all(len(q.choices) == 4 for q in statements)
    assert len(qs) > len(statements)
