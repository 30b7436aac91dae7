"""A term blanked out of a sentence that a table of the notes keys as a row is offered beside
that table's other rows: "only ___ has a separate old-generation collection" keyed CMS took
SATB and JEP, the notes' other capitals, beside it (review of JVM notes, session 27). The
notes are written for this test (message brokers)."""

from __future__ import annotations

from questions.generate import generate_document

BROKERS = """# Brokers

## Compared

| Broker | Model | Ordering |
|---|---|---|
| Kafka | partitioned log | per partition |
| RabbitMQ | queues and exchanges | per queue |
| NATS | subject-based pub/sub | none by default |
| Pulsar | segmented log on BookKeeper | per partition |

## Notes

- consumer lag is watched with **JMX** metrics and the **CLI** tools of each broker
- only **RabbitMQ** routes a message through an exchange before it reaches a queue, so routing keys matter there
- **TLS** is on by default in none of them
"""


def test_a_blanked_row_key_meets_its_table_mates() -> None:
    r = generate_document("b.md", BROKERS)
    qs = [c for c in r.candidates if c.answer_text == "RabbitMQ" and "___" in c.prompt]
    assert qs, [c.prompt for c in r.candidates]
    for c in qs:
        assert set(c.options) <= {"Kafka", "RabbitMQ", "NATS", "Pulsar"}, c.options
        assert len(c.options) == 4, c.options
