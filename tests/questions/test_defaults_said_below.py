"""A set of values on one line with the default said on a line nested under it ("k8s seccomp
types: `RuntimeDefault`, `Localhost`, `Unconfined`" over "**pods are Unconfined by default**",
review of container-security notes, session 27) is asked "Which … is the default?" with the
set's other members as options. A nested line naming two members says no one default. The
notes are written for this test (Kafka)."""

from __future__ import annotations

from questions.generate import generate_document

KAFKA = """# Kafka

## Producers

- compression types: `none`, `gzip`, `snappy`, `lz4`, `zstd`
  - producers send `none` by default, so turn it on for big batches
- acks settings: `0`, `1`, `all`
  - `all` and `1` both wait for the leader, only `all` waits for the replicas by default
"""


def test_a_default_said_below_a_set_is_asked_among_the_set() -> None:
    r = generate_document("k.md", KAFKA)
    qs = [c for c in r.candidates if c.style == "default" and c.answer_text == "none"]
    assert qs, [c.prompt for c in r.candidates]
    assert set(qs[0].options) <= {"none", "gzip", "snappy", "lz4", "zstd"}, qs[0].options
    assert "default" in qs[0].prompt


def test_a_line_naming_two_members_says_no_default() -> None:
    r = generate_document("k.md", KAFKA)
    assert not [c for c in r.candidates if c.style == "default" and c.answer_text in ("all", "1")]
