"""A table's value asked by one question and stated by another: "slowlog-log-slower-than 的
默认值是什么？" beside "慢查询：slowlog-log-slower-than 10000（单位微秒 = ___）" answer each
other, as a number cloze and its stem would; only one of them is kept."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Redis 面试笔记

## 慢查询

- 慢查询：`slowlog-log-slower-than 10000`（单位**微秒** = 10ms），`slowlog-max-len 128`；`SLOWLOG GET 10` 查看
- `EXPIRE` 单位秒，`PEXPIRE` 毫秒

## AOF 重写

- 混合持久化：`aof-use-rdb-preamble yes`（4.0 引入，5.0 起默认开启）
- 触发：`auto-aof-rewrite-percentage 100` 且 `auto-aof-rewrite-min-size 64mb`

## 默认配置速查表

| 配置 | 默认值 | 备注 |
|---|---|---|
| port | 6379 | |
| databases | 16 | |
| maxmemory | 0 | 64 位不限制 |
| maxmemory-samples | 5 | 近似 LRU 采样数 |
| appendonly | **no** | AOF 默认关 |
| auto-aof-rewrite-percentage | 100 | |
| auto-aof-rewrite-min-size | 64mb | |
| aof-use-rdb-preamble | yes | 5.0+ |
| hz | 10 | |
| slowlog-log-slower-than | 10000 | 微秒 |
| slowlog-max-len | 128 | |
| cluster-node-timeout | 15000 | ms |
"""


def test_no_question_states_a_table_value_another_asks() -> None:
    chosen = [q for _, q in generate_document("r.md", NOTES).chosen]
    rows = {"slowlog-log-slower-than": "10000", "auto-aof-rewrite-percentage": "100"}
    for setting, value in rows.items():
        asking = [
            q
            for q in chosen
            if (q.prompt.startswith(setting) and q.choices[q.answer] == value)
            or (f"“{value}”" in q.prompt and q.choices[q.answer] == setting)
        ]
        telling = [
            q
            for q in chosen
            if f"{setting} {value}" in " ".join([q.prompt, *q.choices]).replace("`", "")
        ]
        assert not (asking and telling), (setting, [q.prompt for q in asking + telling])


def test_a_remark_that_is_only_a_unit_or_a_release_describes_nothing() -> None:
    notes = """# Redis

## 默认配置

| 配置 | 默认值 | 备注 |
|---|---|---|
| io-threads | 1 | 6.0+ |
| slowlog-log-slower-than | 10000 | 微秒 |
| cluster-node-timeout | 15000 | ms |
| replica-priority | 100 | 越小越优先 |
| maxmemory | 0 | 64 位不限制 |
"""
    chosen = [q for _, q in generate_document("r.md", notes).chosen]
    for q in chosen:
        assert not {"6.0+", "微秒", "ms"} & set(q.choices), (q.prompt, q.choices)
        assert "“6.0+”" not in q.prompt and "“ms”" not in q.prompt, q.prompt
