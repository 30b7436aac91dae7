"""A default marker on one of the values a cell lists belongs to that value, not to the row
(issue #13, review 15): "`no` (default), `always`" under `--restart` made "Which flag is the
default?" with `--restart` as its key. A cell that calls its row the default still does."""

from __future__ import annotations

from questions.generate import generate_document

FLAGS = """# Container runtime flags

## Run flags

| Flag | Meaning | Values |
|---|---|---|
| `--restart` | restart policy | `no` (default), `on-failure[:N]`, `always`, `unless-stopped` |
| `--pull` | when to pull the image | `missing` (default), `always`, `never` |
| `--log-driver` | where logs go | `json-file` (默认)、`journald`、`syslog` |
| `--network` | attach to a network | `bridge`, `host`, `none` |
| `--init` | run an init as PID 1 | off unless given |
"""

DRIVERS = """# Storage drivers

## Drivers

| Driver | Backing filesystem | Notes |
|---|---|---|
| overlay2 | xfs, ext4 | default |
| btrfs | btrfs | snapshots per layer |
| zfs | zfs | heavy on memory |
| vfs | any | no copy-on-write, testing only |
"""


def _default_keys(text: str) -> list[str]:
    r = generate_document("t.md", text)
    return [c.options[c.answer] for c in r.candidates if c.style == "default"]


def test_a_marker_on_a_listed_value_makes_no_row_the_default() -> None:
    keys = _default_keys(FLAGS)
    for flag in ("--restart", "--pull", "--log-driver"):
        assert all(flag not in k for k in keys), keys


def test_a_cell_that_calls_its_row_the_default_still_does() -> None:
    assert any("overlay2" in k for k in _default_keys(DRIVERS))
