"""A number inside a book's title (《MySQL实战45讲》, Yuque export of session 39) is part of the
title: "参考：丁奇《MySQL实战___讲》" asked the book, not MySQL."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# MySQL

## 版本

**八股系列 · MySQL 篇**（v3，2024.03 二刷整理）。主要看丁奇《MySQL实战45讲》，版本默认按 MySQL 8.0 说。

## 基础架构

连接器负责 TCP 握手和校验用户名密码，空闲连接超过 wait_timeout（默认 28800 秒）自动断开。

max_connections 默认是 151，超过后新连接报 Too many connections。
"""


def test_a_number_in_a_books_title_is_never_asked() -> None:
    result = generate_document("mysql.md", NOTES)
    assert result.chosen
    assert not any(f.value == "45" for f in result.facts)
    for _, q in result.chosen:
        assert "实战___" not in q.prompt, q.prompt
