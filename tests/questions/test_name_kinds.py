"""Options that are other kinds of thing than the key, which strict reviewers cross off
without knowing the answer: a setting valued in another kind (a switch or a string beside two
`.ms` settings), a field holding a block beside a duration, an option word beside the command
it modifies, a two-digit port beside a four-digit key or a product's well-known port beside a
port nobody knows by heart, and a cell of another aspect row of a comparison."""

from __future__ import annotations

import re

import pytest

from questions.parse.model import TableData
from questions.tables import Table, analyse
from questions.vocabulary import PORTS, fair_port
from tests.questions.own_notes import keyed, notes_text

#: what each setting of broker-client-settings.md is set to (its Default column)
BROKER = {
    "session.expiry.ms": "duration",
    "keepalive.interval.ms": "duration",
    "retry.backoff.ms": "duration",
    "clean.start": "switch",
    "client.id.prefix": "text",
    "max.inflight.messages": "count",
}
#: the fields of backup-job-fields.md by what its YAML sets them to
JOB = {"schedule": "text", "tags": "map", "metadata": "map", "env": "map",
       "grace_period": "duration", "retries": "count"}  # fmt: skip


def _named(notes: str, kinds: dict[str, str]) -> list[tuple[str, list[str], str]]:
    return [(p, c, k) for p, c, k in keyed(notes) if k in kinds and set(c) <= set(kinds)]


def test_a_setting_is_offered_beside_settings_valued_in_its_kind_only() -> None:
    asked = _named("broker-client-settings.md", BROKER)
    assert any(len(c) >= 3 for _, c, _ in asked)  # the `.ms` settings are still asked
    for prompt, choices, key in asked:
        assert {BROKER[c] for c in choices} == {BROKER[key]}, (prompt, choices)


def test_a_setting_with_fewer_than_two_like_settings_is_not_asked_among_names() -> None:
    kinds = list(BROKER.values())
    lone = {name for name, kind in BROKER.items() if kinds.count(kind) < 3}
    assert lone
    for prompt, choices, key in keyed("broker-client-settings.md"):
        assert not (key in lone and len(set(choices) & set(BROKER)) > 1), (prompt, choices)


def test_a_field_holding_a_block_is_offered_beside_block_fields_not_a_duration() -> None:
    asked = _named("backup-job-fields.md", JOB)
    assert any(JOB[k] == "map" for _, _, k in asked)
    for prompt, choices, key in asked:
        assert {JOB[c] for c in choices} == {JOB[key]}, (prompt, choices)


def test_an_option_written_in_a_commands_parentheses_is_no_command_beside_it() -> None:
    commands, options = {"COMPACT", "SNAPSHOT", "PURGE"}, {"VERBOSE", "DRY_RUN"}
    asked = keyed("warehouse-maintenance.md")
    assert any(set(c) & commands for _, c, _ in asked)
    for prompt, choices, _ in asked:
        assert not (set(choices) & commands and set(choices) & options), (prompt, choices)


def _ports(notes: str) -> list[tuple[str, list[int], int]]:
    return [(p, [int(c) for c in choices], int(k)) for p, choices, k in keyed(notes)
            if all(c.isdigit() for c in choices)]  # fmt: skip


def test_a_port_is_offered_beside_ports_of_its_class_only() -> None:
    asked = _ports("service-ports.md")
    assert any(k >= 1024 for _, _, k in asked) and any(k < 1024 for _, _, k in asked)
    for prompt, choices, key in asked:
        assert {c < 1024 for c in choices} == {key < 1024}, (prompt, choices)


def test_a_products_well_known_port_is_no_option_beside_a_port_nobody_knows() -> None:
    asked = [(p, c) for p, c, k in _ports("service-ports.md") if k == 26379]
    assert asked
    for prompt, choices in asked:
        assert not {27017, 9092, 3306, 5432} & set(choices), (prompt, choices)


def test_well_known_ports_are_fair_by_class_and_by_whose_they_are() -> None:
    assert not fair_port(443, 6379)  # a system port beside a four-digit one
    assert not fair_port(6379, 6432, known=True)  # Redis's beside a pooler's
    assert fair_port(6379, 5432, known=True)  # which product's port is which
    assert fair_port(8080, 6432, known=True)  # no one product's
    assert fair_port(6379, 6432)  # the notes' own port: theirs to set beside it


#: the aspects compared in the two comparison tables, whatever the corner calls them
ASPECTS = {"Language", "Memory footprint", "Config format", "Project status", "Buffering",
           "模式", "吞吐量", "部署", "版本状态", "顺序消息"}  # fmt: skip


def test_aspects_of_a_comparison_are_never_the_options() -> None:
    for notes in ("log-shippers-aspects.md", "mq-aspects-zh.md"):
        asked = keyed(notes)
        assert asked
        for prompt, choices, _ in asked:
            assert not set(choices) & ASPECTS, (prompt, choices)


def test_a_cell_of_a_comparison_is_offered_beside_cells_of_its_own_row() -> None:
    rows = [line.split("|")[2:-1] for line in _lines("mq-aspects-zh.md") if line.count("|") > 4]
    row_of = {cell.strip(): i for i, row in enumerate(rows) for cell in row}
    asked = [(p, c) for p, c, k in keyed("mq-aspects-zh.md") if k in row_of]
    assert asked
    for prompt, choices in asked:
        assert len({row_of[c] for c in choices}) == 1, (prompt, choices)


def _lines(notes: str) -> list[str]:
    return notes_text(notes).splitlines()


def test_a_feature_table_whose_columns_are_its_properties_keeps_its_rows() -> None:
    header = ("Feature", "Since", "Notes")
    rows = (("Incremental backup", "17", "needs summarize_wal"),
            ("Logical slots on standbys", "16", "failover needs sync"),
            ("Async I/O", "18", "io_method setting"))  # fmt: skip
    table = analyse(TableData(header, rows, (3, 4, 5)))
    assert table is not None and not table.transposed
    assert table.keys == tuple(r[0] for r in rows)


def test_a_port_said_without_the_word_port_is_offered_beside_ports_not_near_misses() -> None:
    """9093 is a port in the notes' listener table; "the quorum talks on 9093" does not say
    so, yet 4546 or 7500 beside it are numbers nobody listens on."""
    written = {int(n) for n in re.findall(r"\d{4,5}", notes_text("broker-listeners.md"))}
    asked = [(p, c) for p, c, k in _ports("broker-listeners.md") if k in (9092, 9093)]
    assert asked
    for prompt, choices in asked:
        made_up = [c for c in choices if c not in written and str(c) not in PORTS]
        assert not made_up, (prompt, choices)


def analysed(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> Table | None:
    """The table read as the notes would write it, its rows from line 3 on."""
    return analyse(TableData(header, rows, tuple(range(3, 3 + len(rows)))))


def test_a_feature_table_of_yes_no_marks_compares_its_columns() -> None:
    """ "Feature | NAT Gateway | NAT Instance" with "✅ AWS | ❌ you" rows: the rows are aspects
    the two columns are compared by, so no question asks which feature a cell belongs to
    ("Which feature matches “NAT Gateway: per hour + per GB”?" -> Cost, review 16)."""
    header = ("Feature", "SQLite", "PostgreSQL")
    rows = (("Server process", "❌ in-process", "✅ postmaster"),
            ("Concurrent writers", "one at a time", "many, MVCC"),
            ("Replication", "❌", "✅"),
            ("Row-level security", "❌", "✅"),
            ("Setup", "a file", "initdb + service"))  # fmt: skip
    table = analysed(header, rows)
    assert table is not None and table.transposed
    assert set(table.keys) == {"SQLite", "PostgreSQL"}
    # a feature table of one value kind per column stays keyed by its rows
    plain = analysed(header, (("WAL", "3.7", "8.0"), ("JSON", "3.38", "9.2"),
                              ("Upsert", "3.24", "9.5")))  # fmt: skip
    assert plain is not None and not plain.transposed


@pytest.mark.parametrize("corner", ["功能", "操作", "Operation"])
def test_a_function_or_operation_corner_compares_its_columns(corner: str) -> None:
    # "功能 | 默认 bridge | 自定义 bridge" asked "运行中随时 connect / disconnect 的默认 bridge
    # 是“❌（要停了重建）”": the rows are what the two bridges are compared by
    header = (corner, "默认 bridge", "自定义 bridge")
    rows = (("按容器名 DNS 解析", "❌", "✅"),
            ("运行中随时 connect / disconnect", "❌（要停了重建）", "✅"),
            ("和无关容器隔离", "❌（没指定网络的容器全在一起）", "✅"),
            ("推荐生产用", "否", "是"))  # fmt: skip
    table = analysed(header, rows)
    assert table is not None and table.transposed
    assert set(table.keys) == {"默认 bridge", "自定义 bridge"}


def test_a_rank_column_is_an_index_and_never_an_option() -> None:
    # "# (approx) | Source | …" over 2, 4-7, 8-10: the options were "4-7 / 8-10 / 12-14"
    header = ("# (approx)", "Source", "Where it lives")
    rows = (("2", "role defaults", "roles/x/defaults/main.yml"),
            ("4-7", "group_vars", "inventory / playbook dir"),
            ("8-10", "host_vars", "inventory / playbook dir"),
            ("15", "role vars", "roles/x/vars/main.yml"),
            ("22", "extra vars -e", "command line"))  # fmt: skip
    table = analysed(header, rows)
    assert table is not None and table.key_header == "Source"
    assert "# (approx)" not in table.headers
    # a "#" column of values out of order is data, not a rank ("# ports": 80, 22, 443)
    ports = analysed(("# ports", "service"), (("80", "http"), ("22", "ssh"), ("443", "https")))
    assert ports is not None and "# ports" in (ports.key_header, *ports.headers)


DEFAULTS = """# Automation notes

## Defaults worth memorizing

| Setting | Default | Notes |
|---|---|---|
| `forks` | 5 | parallel hosts; bump to 10-20 if lots of nodes |
| `timeout` (SSH connect) | 10 s | `[defaults] timeout =` |
| `gather_timeout` | 10 s | facts gathering |
| SSH `remote_port` | 22 | `ansible_port` per host |
| `retries` (w/ `until`) | 3 | |
| `delay` (w/ `until`) | 5 s | |
| `poll` (with `async`) | 10 s | `poll: 0` = fire & forget |
| `become_user` | root | `become_method` = sudo |
| `host_key_checking` | True | set False in lab |
"""


def test_a_word_default_is_asked_among_word_defaults_only() -> None:
    from questions.generate import generate_document

    questions = [q for _, q in generate_document("t.md", DEFAULTS).chosen]
    assert questions
    rows = [
        r.split("|") for r in DEFAULTS.splitlines() if r.startswith("| `") or r.startswith("| SSH")
    ]
    # each setting by the name in its backticks ("retries" of "`retries` (w/ `until`)")
    defaults = {re.search(r"`([^`]+)`", r[1]).group(1): r[2].strip() for r in rows}  # type: ignore[union-attr]

    def default_of(choice: str) -> str:
        (name,) = [n for n in defaults if re.match(rf"(SSH )?{n}\b", choice)]
        return defaults[name]

    for q in questions:
        if q.prompt.startswith("Which setting defaults to"):
            said = q.prompt.split("“")[1].split("”")[0]
            kinds = {default_of(c)[0].isdigit() for c in q.choices}
            # "root" among 5, 10 s and 22 is told by its kind alone
            assert kinds == {said[0].isdigit()}, (q.prompt, q.choices)
