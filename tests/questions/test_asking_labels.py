"""Labels that ask rather than name are no terms. An interview drill numbers its questions
("**Q1：Redis 是单线程的吗？**" over "A：…"): the number is no term, so no question asks which
number a question has ("以下描述的是哪一项？“Redis 事务能保证原子性吗？”" Q5 among Q1 / Q8 / Q9),
and no number is another term's option. A label that asks how in other words ("Ways to raise
SLA: …") names nothing either."""

from __future__ import annotations

import re

from questions.generate import generate_from_texts

NOTES = """# Redis 复习

## 面试题 Q&A

**Q1：Redis 是单线程的吗？**
A：命令执行是单线程；6.0 之后网络 I/O 可以多线程。

**Q2：RDB 做 BGSAVE 的时候还能写吗？**
A：能。fork 出的子进程共享内存页，主进程写的时候触发 COW 复制那一页。

**Q3：AOF 和 RDB 同时开启，重启加载哪个？**
A：优先 AOF，因为数据更完整。

**Q4：Redis 事务能保证原子性吗？**
A：不完全。出错不回滚，要真正原子用 Lua。

## Practice questions

- **Question 1**: what does `EXPIRE` return for a missing key? 0
- **Question 2**: which command lists keys without blocking? `SCAN`
- **Question 3**: which eviction policy is the default? `noeviction`
"""


def test_no_question_number_is_a_term_or_an_option() -> None:
    bank, _ = generate_from_texts([("r.md", NOTES)], "r")
    numbering = re.compile(r"(?:Q|Question )\d")
    for q in bank.questions:
        assert not any(numbering.fullmatch(c) for c in q.choices), (q.prompt, q.choices)
        assert "哪个之后网络" not in q.prompt, q.prompt


HOW_LABELS = """# AZ-900 flashcards

## SLA & numbers

- SLA = Microsoft's commitment on uptime; if missed, service credits
- Composite SLA = multiply the SLAs of dependent services
- Ways to raise SLA: redundancy, availability zones, multi-region deployment
- Steps to rotate a key: create the new version, update the apps, disable the old one
- Free account = USD 200 credit for the first 30 days
"""


def test_a_label_that_asks_how_is_no_term() -> None:
    """ "Ways to raise SLA: redundancy, …" was keyed "Ways to raise SLA" and offered beside
    SLA and Composite SLA: it asks how, as "How to raise SLA" would."""
    from questions.headers import asks

    assert asks("Ways to raise SLA") and asks("Tips on indexing") and asks("Reasons for drift")
    assert not asks("Waypoints") and not asks("Steps")
    bank, _ = generate_from_texts([("s.md", HOW_LABELS)], "s")
    for q in bank.questions:
        assert not any(c.startswith(("Ways to", "Steps to")) for c in q.choices), q.choices


PICTURED = """# Redis 复习

## 五、其他功能

- **Pub/Sub**：不持久化，订阅者不在线就丢消息
- **Lua 脚本**：原子执行，`EVAL` / `EVALSHA`，脚本执行期间阻塞其他命令
- **Pipeline**：批量发命令减少 RTT，**不保证原子性**
- **ACL**：6.0 引入，`ACL SETUSER`，替代单一的 `requirepass`
- **RESP3** 协议 + 客户端缓存（client-side caching）：6.0
- 📜 许可证：2024 年起（7.4）改为 RSALv2 / SSPLv1 双许可，Linux 基金会 fork 出 **Valkey**（基于 7.2.4）；Redis 8 又加上了 AGPLv3 选项
"""


def test_a_label_under_a_picture_is_no_term() -> None:
    """ "📜 许可证：…" was keyed "📜 许可证" beside Pipeline and Lua 脚本: a label the writer
    files under a picture names a topic, not a thing of the list's kind."""
    bank, _ = generate_from_texts([("p.md", PICTURED)], "p")
    assert bank.questions
    for q in bank.questions:
        assert not any("许可证" in c for c in q.choices), (q.prompt, q.choices)


ASPECTS = """# Redis 复习

## 主从复制

- 配置：`replicaof <masterip> <port>`（5.0 之前叫 `slaveof`）
- **全量同步**：从库发 `PSYNC ? -1` → 主库 `FULLRESYNC` + BGSAVE 生成 RDB 发给从库
- **增量同步**：断线重连后发 `PSYNC <replid> <offset>`，只补差量，否则全量

## 哨兵

- **主观下线**（SDOWN）：单个哨兵 `down-after-milliseconds`（默认 30000 ms）内没收到有效回复
- **客观下线**（ODOWN）：≥ `quorum` 个哨兵都认为主观下线
- 选新主的顺序：`replica-priority`（越小越优先）→ 复制 offset 最大 → runid 最小
"""


def test_an_aspect_label_is_no_option() -> None:
    """ "配置：`replicaof …`" and "选新主的顺序：…" were offered beside 全量同步 and 主观下线:
    a line's aspect (its configuration, the order of a step) names no thing of the list."""
    bank, _ = generate_from_texts([("a.md", ASPECTS)], "a")
    assert bank.questions
    for q in bank.questions:
        assert not {"配置", "选新主的顺序"} & set(q.choices), (q.prompt, q.choices)
