"""A two-sided comparison table asked row by row: the side each row is asked by takes turns, so
a player who always picks the same side does not score every row."""

from __future__ import annotations

from questions.generate import generate_document

QUEUES = """# Messaging

## Kafka vs RabbitMQ

| | Kafka | RabbitMQ |
|---|---|---|
| storage model | an append-only partitioned log kept for a configured retention period | queues whose messages are deleted once a consumer acknowledges them |
| ordering | strict order within each partition of a topic, across consumers of a group | order per queue only while a single consumer reads it |
| delivery | consumers pull batches and track their own offsets in the log | the broker pushes messages to consumers with prefetch limits |
| routing | topics and partitions only, with keys choosing the partition | exchanges route by binding keys, headers or fan-out to many queues |
| replay | any consumer can rewind its offset and read old records again | a consumed and acknowledged message is gone for good |
"""


def test_rows_of_a_two_sided_comparison_are_not_all_keyed_to_one_side() -> None:
    r = generate_document("t.md", QUEUES)
    keys = [q.choices[q.answer] for c, q in r.chosen if set(q.choices) == {"Kafka", "RabbitMQ"}]
    assert len(keys) >= 2, keys
    assert set(keys) == {"Kafka", "RabbitMQ"}, keys
