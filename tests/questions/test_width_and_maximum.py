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
