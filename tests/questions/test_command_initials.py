"""Unseen notes review (issue #13), Redis notes: "哪个类型的时间复杂度是“HGET/HSET O(1)，HGETALL
O(N)”？" → Hash, and the same of List (LPUSH / LINDEX), Set (SADD) and ZSet (ZADD). Redis
names a type's commands by its initial, so the letter alone answers, and four questions of one
table were answered without the notes."""

from __future__ import annotations

from questions.cues import clue
from questions.generate import generate_document

NOTES = """# Redis cheat sheet

## Types

| Type | Commands | Use for |
|---|---|---|
| String | GET / SET / INCR | counters, cached pages |
| List | LPUSH / RPOP / LRANGE | queues, latest-N feeds |
| Hash | HGET / HSET / HGETALL | one object's fields |
| Set | SADD / SMEMBERS / SINTER | tags, unique visitors |
| Sorted set | ZADD / ZRANGE / ZRANK | leaderboards |
"""


def test_commands_named_by_the_answers_initial_give_it_away() -> None:
    stem = "Which type has the commands “HGET / HSET / HGETALL”?"
    assert clue(stem, "Hash", ["List", "Set", "String"]) == "HGET"
    # the other way round: the type named, its commands offered
    assert clue("Which commands does Hash have?", "HGET / HSET / HGETALL",
                ["LPUSH / RPOP / LRANGE", "SADD / SMEMBERS / SINTER"]) == "Hash"  # fmt: skip
    # a letter two options open with points at neither
    assert clue("Which type has the commands “SADD / SMEMBERS / SINTER”?", "Set",
                ["String", "List", "Hash"]) is None  # fmt: skip


def test_no_type_is_asked_by_its_commands() -> None:
    kept = [q for _, q in generate_document("t.md", NOTES).chosen]
    assert kept
    for q in kept:
        if q.choices[q.answer] in ("List", "Hash", "Sorted set"):
            assert not any(c in q.prompt for c in ("LPUSH", "HGET", "ZADD")), q.prompt
