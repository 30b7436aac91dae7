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
    asked = [c for c in r.candidates if c.options[c.answer] == "skip_checksums = true"
             and c.kind == "choice"]  # fmt: skip
    assert asked, [(c.prompt, c.options) for c in r.candidates]
    for c in asked:
        assert len(c.options) >= 3, c.options
        assert "keep_tombstones = on" in c.options, c.options
