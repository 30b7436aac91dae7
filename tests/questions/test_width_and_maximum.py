"""Unseen notes review (issue #13), TCP notes: "窗口字段只有 ___ → 不扩大时最大 65535 字节" asked a
width of 16 bits beside 65535 = 2^16 - 1, and "16 位 → 最大 ___" the other way round: the stem
works the key out. A width and the largest value it holds are never asked one beside the
other."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# IPv4 header

## Fields

- TTL is 8 bits, so a packet crosses at most 255 hops
- the total length field is 16 bits → at most 65535 bytes per packet
- the header length counts 32-bit words; the minimum header is 20 bytes and options add up to 40 bytes
- the fragment offset counts 8-byte units
"""


def test_a_width_is_not_asked_beside_its_maximum() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    asked = [(q.prompt, q.choices[q.answer]) for q in bank.questions]
    assert asked
    for prompt, key in asked:
        assert key not in ("8 bits", "255", "16 bits", "65535 bytes"), prompt


def test_the_last_value_of_an_enumeration_is_not_asked_beside_the_others() -> None:
    """MySQL notes: "=1（默认）：…；0 = 每秒写+刷，___ = 提交时写到 OS page cache" asked 2 beside
    3, 4 and 8: with 0 and 1 in the stem, the missing value is worked out."""
    from questions.generators.numbers import _last_of_enumeration

    gap = "flush=1（默认）：每次提交 fsync；0 = 每秒写+刷，___ = 提交时写到 OS page cache"
    assert _last_of_enumeration(gap, "2")
    assert _last_of_enumeration("levels: 0 = off, 1 = errors, ___ = everything", "2")
    assert not _last_of_enumeration("levels: 0 = off, ___ = everything", "2")  # one other: no run
    assert not _last_of_enumeration("retries: 0 = never, 1 = once, waits ___ s", "30")
