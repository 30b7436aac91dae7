"""A pair of settings the notes set side by side in one line is asked with the other settings
its section writes with a value (`archive_mode = on` beside `fsync = off` and
`synchronous_commit = off`): three options, not a coin toss."""

from __future__ import annotations

from questions.generate import generate_document

BROKER = """# Broker tuning

## Disk

- `flush_each_write = true` -> every message hits the disk before the ack, slow but nothing is lost. `skip_checksums = true` -> CAN corrupt the log after a crash, never in production
- segment files roll over at **1 GB** by default
- tombstones: `keep_tombstones = on` + `tombstone_ttl` (one day by default)
"""


def test_a_pair_of_settings_takes_a_third_setting_of_its_section() -> None:
    r = generate_document("t.md", BROKER)
    # all switched as the key is (test_switched_settings)
    asked = [c for c in r.candidates if c.options[c.answer] == "skip_checksums = true"
             and c.kind == "choice"]  # fmt: skip
    assert asked, [(c.prompt, c.options) for c in r.candidates]
    for c in asked:
        assert len(c.options) >= 3, c.options
        assert "keep_tombstones = true" in c.options, c.options


SCHEDULER = """# Job scheduler

## Job options

- `retry_backoff_ms` = 500 by default, doubled after each failed try
- `max_attempts` (5) caps the tries of one job before it goes to the dead queue
- the queue is polled every second (`poll_interval_ms`)
- `visibility_timeout_s` = 30 for long jobs, 5 trades a faster retry for duplicates
- when jobs pile up look at `jobs_waiting_view` (queue, age_s) first

## Hard vs soft links

- hard link: another name for the same inode, cannot cross filesystems
- soft link: a file holding a path, breaks when the target is deleted
"""
SETTINGS = {"retry_backoff_ms", "max_attempts", "poll_interval_ms", "visibility_timeout_s"}


def test_two_defined_terms_of_a_longer_list_are_no_pair() -> None:
    """`retry_backoff_ms` and `visibility_timeout_s` are the list's two definitions, but the
    list marks two more settings of their form: they are offered too, not a coin toss."""
    r = generate_document("t.md", SCHEDULER)
    asked = [q for _, q in r.chosen if q.choices[q.answer] == "visibility_timeout_s"]
    assert asked, [q.prompt for _, q in r.chosen]
    for q in asked:
        assert len(q.choices) >= 3, (q.prompt, q.choices)
        assert set(q.choices) <= SETTINGS, q.choices  # never the view the list names


def test_a_list_of_two_is_still_asked_as_its_pair() -> None:
    r = generate_document("t.md", SCHEDULER)
    links = [q for _, q in r.chosen if set(q.choices) == {"hard link", "soft link"}]
    assert links, [(q.prompt, q.choices) for _, q in r.chosen]


PERMISSIONS = """# Permissions

## Modes

- `umask 022` gives new files 644 and new directories 755
- the sticky bit on `/tmp` lets only a file's owner delete it
- `chmod u+x` adds execute for the owner only
"""


def test_two_remarks_apart_in_a_list_are_no_pair() -> None:
    """`umask 022` and `chmod u+x` are two remarks of a list, an item apart, with nothing of
    their form beside them: not a pair the notes set against each other, so no coin toss."""
    r = generate_document("t.md", PERMISSIONS)
    for _, q in r.chosen:
        assert set(q.choices) != {"umask 022", "chmod u+x"}, q.prompt
