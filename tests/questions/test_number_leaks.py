"""Two numbers of one sentence ("IPv4 addresses are 32 bit, about 4.3 billion in all") are two
questions whose stems answer each other: the one asking the second states the first. What
ties a number to its sentence in another stem is the words around it, and the unit of the
other number ("billion") is no such word, since that number's own question blanks it. A
review found "XIDs are ___" beside "XIDs are 32 bit, only ~___ transactions are visible"."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Networking basics

## Addressing

- an IPv4 address is 32 bit, so there are about 4.3 billion addresses in all
- a MAC address is 48 bit, written as six pairs of hex digits
- the loopback range is 127.0.0.0/8

## Ports

- well-known ports run up to 1023
- ephemeral ports on Linux start at 32768 by default
"""


def _prompts_and_keys() -> list[tuple[str, str]]:
    chosen = generate_document("t.md", NOTES).chosen
    return [(q.prompt, q.choices[q.answer]) for _, q in chosen if q.choices]


def test_no_stem_states_the_number_another_question_asks() -> None:
    asked = _prompts_and_keys()
    assert any(key in ("32 bit", "4.3 billion") for _, key in asked), asked
    for prompt, key in asked:
        for other, _ in asked:
            if other != prompt and key in ("32 bit", "4.3 billion"):
                assert key not in other, (key, other)


def test_a_number_of_another_line_is_still_asked() -> None:
    keys = [key for _, key in _prompts_and_keys()]
    assert "48 bit" in keys, keys


QUEUES = """# Queues

## SQS

- Standard
  - unlimited throughput, at-least-once delivery, best-effort ordering
  - visibility timeout default 30 s, up to 12 h
- FIFO
  - 300 msg/s without batching, 3,000 msg/s with batching
  - dedup window 5 min with a deduplication id
  - ordering per message group id
"""


def test_no_offered_description_states_the_number_another_question_asks() -> None:
    chosen = generate_document("q.md", QUEUES).chosen
    asked = {q.choices[q.answer] for c, q in chosen if c.fact.kind in ("number", "default")}
    assert asked, chosen
    for c, q in chosen:
        if c.fact.kind in ("number", "default"):
            continue
        shown = " ".join(q.choices)
        for key in asked:
            assert f" {key} " not in f" {shown} ", (key, q.prompt, q.choices)
