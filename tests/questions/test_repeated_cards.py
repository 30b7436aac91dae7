"""Two questions with one key are not one card twice: settings that share a default ("default
1" of three settings) or a status code asked by its table row and by a sentence are offered
among different near misses, where the notes' values allow another set that passes the
gates."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from questions.distractors import spread
from questions.generate import generate_document

NOTES = Path(__file__).parent / "notes"

DEFAULTS = """# Queue service notes

## Workers

- worker.count default 1, restart it after changing it
- retry.limit default 1 (a failed job is retried once)
- poll.batch default 1, raise it for throughput
- prefetch default 1 per worker
- visibility.timeout default 30 s, heartbeat.every default 10 s
"""


def _cards(name: str, text: str) -> Counter[tuple[str, frozenset[str]]]:
    chosen = generate_document(name, text).chosen
    return Counter(
        (q.choices[q.answer], frozenset(q.choices)) for _, q in chosen if q.kind == "choice"
    )


def test_settings_sharing_a_default_are_offered_among_different_values() -> None:
    for name, text in (
        ("kafka-ops.md", (NOTES / "kafka-ops.md").read_text(encoding="utf-8")),
        ("queue.md", DEFAULTS),
    ):
        cards = _cards(name, text)
        ones = [k for k in cards if k[0] == "1"]
        assert len(ones) >= 2, (name, cards)
        assert all(n == 1 for n in cards.values()), [k for k, n in cards.items() if n > 1]


def test_spread_passes_over_a_set_already_taken() -> None:
    pool = [0.0, 2.0, 3.0, 4.0, 5.0, 8.0]
    first = spread(1.0, pool, 3, "a", lambda x: abs(x - 1))
    again = spread(1.0, pool, 3, "a", lambda x: abs(x - 1), taken={tuple(first)})
    assert again != first and 1.0 not in again and len(again) == 3
