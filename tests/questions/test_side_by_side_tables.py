"""A table set side by side to save room (`| Code | Meaning | Code | Meaning |`) is one table
of two columns: read as four, each code was keyed by the meaning of the other half of its row.
A table whose heads are all Chinese is asked in Chinese, whatever its cells hold; a range is
never offered among single numbers."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.true_false import _named_key
from questions.parse.markdown import parse_document
from questions.tables import analyse
from questions.values import shape_clash

CODES = """# HTTP status codes

## Codes to know

| Code | Meaning | Code | Meaning |
|---|---|---|---|
| 200 | OK, the request succeeded | 401 | Unauthorized, credentials missing or wrong |
| 201 | Created, a new resource was made | 403 | Forbidden, credentials known but not allowed |
| 204 | No Content, success with an empty body | 404 | Not Found, nothing at that URL |
| 301 | Moved Permanently, update your links | 429 | Too Many Requests, slow down |
| 304 | Not Modified, use your cached copy | 503 | Service Unavailable, try again later |
"""

TRUTH = {
    "200": "OK", "201": "Created", "204": "No Content", "301": "Moved Permanently",
    "304": "Not Modified", "401": "Unauthorized", "403": "Forbidden", "404": "Not Found",
    "429": "Too Many Requests", "503": "Service Unavailable",
}  # fmt: skip

PORTS_ZH = """# 运维笔记

## 常用端口

| 端口 | 服务 | 端口 | 服务 |
|---|---|---|---|
| 22 | SSH | 3306 | MySQL |
| 25 | SMTP | 5432 | PostgreSQL |
| 53 | DNS | 6379 | Redis |
| 80 | HTTP | 9200 | Elasticsearch |
| 443 | HTTPS | 30000-32767 | NodePort 范围 |
"""


def test_the_halves_of_a_side_by_side_table_are_rows_of_one_table() -> None:
    [table] = [b.table for b in parse_document(CODES, "t.md").blocks if b.table is not None]
    assert table.header == ("Code", "Meaning")
    assert [r[0] for r in table.rows] == ["200", "201", "204", "301", "304",
                                         "401", "403", "404", "429", "503"]  # fmt: skip
    assert table.rows[5] == ("401", "Unauthorized, credentials missing or wrong")
    assert table.lines[0] == table.lines[5]  # both halves of one line come from it


def test_every_code_is_keyed_by_its_own_meaning() -> None:
    r = generate_document("t.md", CODES)
    assert len(r.chosen) >= 6, [q.prompt for _, q in r.chosen]
    for _, q in r.chosen:
        if q.kind != "choice":
            continue
        key = q.choices[q.answer]
        if key in TRUTH:
            assert TRUTH[key] in q.prompt, (q.prompt, key)
        else:
            [code] = [c for c, meaning in TRUTH.items() if meaning in key or c in q.prompt]
            assert TRUTH[code] in key, (q.prompt, key)


def test_a_chinese_headed_table_is_asked_in_chinese_and_never_offers_a_range() -> None:
    r = generate_document("t.md", PORTS_ZH)
    truth = {"SSH": "22", "SMTP": "25", "DNS": "53", "HTTP": "80", "HTTPS": "443",
             "MySQL": "3306", "PostgreSQL": "5432", "Redis": "6379", "Elasticsearch": "9200"}  # fmt: skip
    asked = [(c, q) for c, q in r.chosen if q.kind == "choice"]
    assert len(asked) >= 5, [q.prompt for _, q in r.chosen]
    for c, q in asked:
        assert c.lang == "zh" and "Which" not in q.prompt, q.prompt
        key = q.choices[q.answer]
        named = [s for s in truth if f"“{s}”" in q.prompt]
        if named:
            assert key == truth[named[0]], (q.prompt, key)
        if key != "30000-32767":
            assert "30000-32767" not in q.choices, q.choices


def test_a_range_clashes_with_a_single_number_only() -> None:
    assert shape_clash("30000–32767", "22") and shape_clash("8080", "1-65535")
    assert not shape_clash("22", "443") and not shape_clash("1-1024", "30000-32767")


def test_a_statement_names_what_a_key_of_numbers_numbers() -> None:
    """ "The systemd target of 2, 3, 4 is multi-user.target" said of what nothing."""
    notes = """# Linux boot

## Runlevels vs targets

| SysV runlevel | systemd target | what it means |
|---|---|---|
| 0 | poweroff.target | halt the machine |
| 1 | rescue.target | single user, root shell, few services |
| 2, 3, 4 | multi-user.target | full multi-user text mode with networking |
| 5 | graphical.target | multi-user with a display manager |
| 6 | reboot.target | restart the machine |
"""
    [block] = [b for b in parse_document(notes, "t.md").blocks if b.table is not None]
    table = analyse(block.table)
    assert table is not None
    assert _named_key("2, 3, 4", table) == "SysV runlevel 2, 3, 4"
    assert _named_key("poweroff.target", table) == "poweroff.target"
    r = generate_document("t.md", notes)
    said = [q.prompt for _, q in r.chosen if q.kind == "truefalse"]
    assert all("SysV runlevel" in p for p in said if "target of" in p), said
