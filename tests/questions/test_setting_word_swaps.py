"""A false statement about a setting's default is made only with a value of its kind (issue
#13, review 15): a word default ("combined", "all", "none") is that setting's own, so another
row's text is no false value of it ("log_format defaults to TLSv1.2 TLSv1.3"), and when no row
of the table has a value of the row's kind, another row is not said to have this one ("a size
setting defaults to 120000 (2 min)"). Notes: tests/questions/notes/nginx-defaults-table.md."""

from __future__ import annotations

from pathlib import Path

from questions.generate import generate_document
from questions.generators.tables import column_kinds
from questions.headers import values_a_setting

NOTES = Path(__file__).parent / "notes" / "nginx-defaults-table.md"
ROWS = {  # directive -> default, as the table gives them
    "gzip": "off", "proxy_buffering": "on", "ssl_protocols": "TLSv1.2 TLSv1.3",
    "proxy_http_version": "1.0", "keepalive_timeout": "75s", "client_max_body_size": "1m",
    "worker_connections": "512", "send_timeout": "60s", "client_body_buffer_size": "16k",
    "server_tokens": "on", "log_format": "combined", "proxy_cache_lock": "off",
}  # fmt: skip


def _default_statements() -> list[tuple[str, str]]:
    """(directive, value) of every true/false candidate about a default."""
    r = generate_document("t.md", NOTES.read_text(encoding="utf-8"))
    out = []
    for c in r.candidates:
        if c.kind == "truefalse" and "The default of " in c.prompt:
            said = c.prompt.split("The default of ", 1)[1]
            name, _, value = said.partition(" is ")
            out.append((name.strip(), value.strip()))
    return out


def test_a_value_column_is_read_as_each_settings_own() -> None:
    assert values_a_setting("Default") and values_a_setting("默认值") and values_a_setting("value")
    assert not values_a_setting("Type") and not values_a_setting("Notes")


def test_a_default_is_falsified_only_by_a_value_of_its_kind() -> None:
    statements = _default_statements()
    assert statements, "the switches' defaults are still made statements"
    keys = tuple(f"`{k}`" for k in ROWS)
    kinds = dict(zip(ROWS, column_kinds(tuple(f"`{v}`" for v in ROWS.values()), keys), strict=True))
    values = {v: k for k, v in ROWS.items()}
    for name, value in statements:
        assert name in ROWS, name
        if value == ROWS[name]:
            continue  # the true statement
        owner = values[value]
        assert kinds[owner] == kinds[name], (name, value)
        assert kinds[name] != "text", (name, value)  # "log_format is TLSv1.2 TLSv1.3"


LONE_KINDS = """# Cache proxy notes

## Settings

| Setting | Default | Notes |
|---|---|---|
| `cache_lock_timeout` | 5000 (5 s) | how long a request waits for the lock |
| `max_object_size` | 1048576 (1 MB) | larger replies are never stored |
| `min_uses` | 1 | requests before a reply is cached |
| `use_stale` | `off` | serve an old copy while the origin is down |
"""


def test_a_lone_value_kind_is_said_of_no_other_row() -> None:
    """No other row's value is a duration: "max_object_size defaults to 5000 (5 s)" would be
    false by its kind alone, so no false statement is made of the timeout's default."""
    r = generate_document("t.md", LONE_KINDS)
    for c in r.candidates:
        if c.kind == "truefalse" and "5000 (5 s)" in c.prompt:
            assert "cache_lock_timeout" in c.prompt, c.prompt
