"""From unseen Ansible notes: a blank in a clause that only sets two settings side by side
("`delegate_to: localhost` + ___; …") says what the pair is for in no word, so every option
pairs with it as well; and "see precedence 2 vs 15" points at another list's items by number,
which no player can recall as a fact."""

from __future__ import annotations

from questions.context_refs import refers_to_context
from questions.generate import generate_from_texts

NOTES = """# Ansible

## loops / errors

- `delegate_to: localhost` + `run_once: true`; `async: 300` + `poll: 0` = fire & forget
- `ignore_errors: yes` keeps going after a failed task
- `any_errors_fatal: true` stops the whole play when one host fails
- `force_handlers: yes` runs notified handlers even after a failure

## don't confuse

- `vars/` vs `defaults/` in role — see precedence 2 vs 15
- `import_tasks` is static, `include_tasks` is dynamic
"""


def test_no_blank_in_a_bare_pairing_and_no_pointer_by_number() -> None:
    bank, _ = generate_from_texts([("a.md", NOTES)], "a")
    prompts = [q.prompt for q in bank.questions]
    assert not any("localhost + ___" in p for p in prompts), prompts
    assert not any("precedence ___" in p or "___ vs 15" in p for p in prompts), prompts


def test_a_pointer_to_numbered_items() -> None:
    assert refers_to_context("vars/ vs defaults/ in role — see precedence 2 vs 15")
    assert refers_to_context("vars/ vs defaults/ in role — see precedence ___ vs 15")
    assert not refers_to_context("pods see each other 2 times")


TRANSLOG = """# ES 笔记

## 5. 写入流程

- translog `durability` 默认 `request`（每个请求 fsync 后才返回）；改 `async` 则每 `sync_interval` **5s** 刷一次，宕机可能丢 5s 数据
- refresh 默认每 **1s**，之后才能被搜到
- flush 默认 **30 分钟**一次
"""


def test_a_cloze_from_a_later_clause_keeps_the_name_its_line_opens_with() -> None:
    """ "改 async 则每 sync_interval ___ 刷一次" said nothing of what goes async: the clause after
    "；" goes on about the line's "translog durability"."""
    bank, _ = generate_from_texts([("es.md", TRANSLOG)], "es")
    clozes = [q.prompt for q in bank.questions if "sync_interval ___" in q.prompt]
    assert clozes, [q.prompt for q in bank.questions]
    assert all("translog durability" in p for p in clozes), clozes
