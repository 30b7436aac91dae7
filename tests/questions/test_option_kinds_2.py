"""Options of the answer's kind when the notes list settings of several kinds together (review
5: a timeout offered beside a body size and an on/off switch, "Which description fits
keepalive_timeout?" answered by "defaults to 75 seconds." among what other settings do)."""

from __future__ import annotations

from questions.generate import generate_document

BROKER = """# Queue broker settings

## Consumer settings

- `ack_timeout` defaults to 30 seconds; an unacked message goes back to the queue.
- `idle_timeout` defaults to 10 minutes and closes a silent connection.
- `session_timeout` defaults to 45 seconds; a consumer that misses heartbeats for this long is dropped.
- `max_frame_size` defaults to 128 KB; bigger frames are refused.
- `prefetch_enabled` is on by default, so consumers receive batches ahead of time.
- `dead_letter_queue` names the queue that rejected messages move to.
"""

TIMEOUTS = {"ack_timeout", "idle_timeout", "session_timeout"}


def test_a_setting_of_a_list_is_offered_only_beside_settings_valued_alike() -> None:
    """The list's items are all settings, but a timeout (seconds) is no frame size (KB), nor a
    switch, nor a setting the notes give no value."""
    questions = [q for _, q in generate_document("t.md", BROKER).chosen]
    asked = [q for q in questions if q.choices and q.choices[q.answer] in TIMEOUTS]
    assert asked, [q.prompt for q in questions]
    for q in asked:
        assert set(q.choices) <= TIMEOUTS, (q.prompt, q.choices)


CACHE = """# Cache server

## Limits

- `item_max_size` defaults to 1 MB; a bigger value is refused with an error.
- `conn_timeout` defaults to 20 seconds.
- `read_timeout` defaults to 5 seconds and closes the client when exceeded.
- `evict_policy` picks which keys leave memory first when the cache is full.
- `max_conns` caps the open client connections of one worker.
"""


def test_a_description_is_offered_only_beside_descriptions_of_like_terms() -> None:
    """ "Which description fits read_timeout?" never offers what a size limit or an eviction
    policy does, and a line that only gives a default is no description: the default
    question asks it."""
    result = generate_document("t.md", CACHE)
    forward = [c for c in result.candidates if c.prompt.startswith("Which description fits")]
    size = "defaults to 1 MB; a bigger value is refused with an error."
    for c in forward:
        assert c.answer_text != "defaults to 20 seconds.", c.options
        if c.answer_text.startswith("defaults to 5 seconds"):
            assert size not in c.options, c.options
    assert not any(c.fact.subject == "read_timeout" and size in c.options for c in forward)
    # the default itself is still asked, as a value
    defaults = [q for _, q in result.chosen if "conn_timeout" in q.prompt]
    assert any(q.choices[q.answer] == "20 seconds" for q in defaults), [
        q.prompt for _, q in result.chosen
    ]
