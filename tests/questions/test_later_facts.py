"""A line that lists several limits ("max size 256 KB, max 10 messages per batch, retention up
to 14 days") holds one fact per clause: a cloze on one of them does not carry the others after
its blank, where they are clutter and tell the key's scale."""

from __future__ import annotations

import re

from questions.generate import generate_from_texts
from questions.stems import BLANK

NOTES = """# Queue service notes

## Limits

- limits: max message size 256 KB, at most 10 messages per batch, retention up to 14 days (default 4 days)
- the visibility timeout defaults to 30 seconds, so a slow consumer sees the message again

## Consumers

- a long poll waits up to 20 seconds for a message; 0 means a short poll
"""


def _clozes() -> list[str]:
    bank, _ = generate_from_texts([("queues.md", NOTES)], "queues")
    return [q.prompt for q in bank.questions if q.kind == "choice" and BLANK in q.prompt]


def test_no_other_limit_follows_the_blank() -> None:
    prompts = _clozes()
    assert any("256 KB" not in p and "message size" in p for p in prompts), prompts
    for p in prompts:
        after = p.split(BLANK, 1)[1]
        assert not re.search(r"(?<![A-Za-z_/.\d-])\d", after), p


def test_a_clause_without_a_number_stays() -> None:
    prompts = _clozes()
    timeout = [p for p in prompts if "visibility timeout" in p]
    assert timeout and all("slow consumer" in p for p in timeout), prompts


def test_a_number_the_notes_deny_is_not_asked() -> None:
    """ "可重复读能防大部分幻读，但不是 100%": the value the line says it is not."""
    notes = (
        "# MVCC\n\n## 幻读\n\n- 可重复读靠 MVCC 防住大部分幻读，但不是 100%，当前读要靠间隙锁\n"
        "- the cache is not 100 % safe under a partition, stale reads can happen for 5 seconds\n"
    )
    bank, _ = generate_from_texts([("mvcc.md", notes)], "mvcc")
    for q in bank.questions:
        if q.kind == "choice":
            assert "100" not in q.choices[q.answer], (q.prompt, q.choices)
