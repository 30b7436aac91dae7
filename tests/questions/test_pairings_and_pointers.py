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
