"""Reading facts: enumerations, definitions side by side, what a number counts, commands."""

from __future__ import annotations

import pytest

from questions.facts.commands import command_facts
from questions.facts.enumerations import enumeration
from questions.facts.extract import extract
from questions.facts.model import Fact
from questions.parse import parse_document
from questions.values import number_role, numbers_in


def facts_of(text: str) -> list[Fact]:
    return extract(parse_document(text, "t.md"))


def test_enumeration_default_and_described_members() -> None:
    e = enumeration(
        "concurrencyPolicy: Allow (default) / Forbid (skip the new run) / Replace (stop the job)"
    )
    assert e is not None and e.label == "concurrencyPolicy"
    assert e.default is not None and e.default.name == "Allow"
    assert {m.name: m.description for m in e.members}["Forbid"] == "skip the new run"


@pytest.mark.parametrize(
    "text",
    [
        "max_connections default 100. every connection is its own process, not a thread",
        "limits: max table size 32 TB, max 1600 columns per table, identifiers max 63 bytes",
        "monitoring: pg_stat_user_tables (n_dead_tup, last_autovacuum), age(x) from pg_database",
    ],
)
def test_prose_with_commas_is_no_enumeration(text: str) -> None:
    e = enumeration(text)
    assert e is None or all(not m.description for m in e.members)


def test_an_enumeration_gives_a_default_and_member_definitions() -> None:
    facts = facts_of("## Jobs\n- `concurrencyPolicy`: Allow (default) / Forbid (skip it) / "
                     "Replace (stop the running job)\n")  # fmt: skip
    default = next(f for f in facts if f.kind == "default")
    assert (default.subject, default.value) == ("concurrencyPolicy", "Allow")
    assert set(default.siblings) == {"Forbid", "Replace"}
    members = {f.subject: f.value for f in facts if f.kind == "definition"}
    assert members == {"Forbid": "skip it", "Replace": "stop the running job"}


def test_terms_defined_side_by_side_are_each_others_options() -> None:
    facts = facts_of("## Quotas\nnamespace level: `LimitRange` = default/min/max per container; "
                     "`ResourceQuota` = total for the whole namespace (e.g. pods). more text\n")  # fmt: skip
    defs = {f.subject: f for f in facts if f.kind == "definition"}
    assert defs["LimitRange"].value == "default/min/max per container"
    assert defs["ResourceQuota"].value == "total for the whole namespace (e.g. pods)"
    assert defs["LimitRange"].siblings == ("ResourceQuota",)


@pytest.mark.parametrize(
    ("sentence", "number", "role"),
    [
        ("PG 13 went EOL in Nov 2025", "13", "version"),
        ("PG 13 went EOL in Nov 2025", "2025", "year"),
        ("stable since 1.27", "1.27", "version"),
        ("default port 5432", "5432", "port"),
        ("container is OOMKilled (exit code 137)", "137", "code"),
        ("returns 412 Precondition Failed", "412", "code"),
        ("Requests over the limit are rejected with 503 by default.", "503", "code"),
        ("larger bodies get a 413 error", "413", "code"),
        ("the query returns 100 rows", "100", "quantity"),
        ("a pool with 200 connections", "200", "quantity"),
        ("minor upgrade (18.0 -> 18.1)", "18.1", "quantity"),  # the fact extraction decides
        ("segment size 16 MB by default", "16 MB", "quantity"),
        ("max 1600 columns per table", "1600", "quantity"),
        # a framework named by its major release: no quantity, so 15-18 beside 17, never 10, 20
        ("React 18 的 StrictMode（仅开发环境）", "18", "version"),
        ("the app keeps the React 17 behaviour", "17", "version"),
        ("upgrade to MySQL 8, then drop the old users", "8", "version"),
        ("Vue 3 Composition API", "3", "version"),
        ("a cluster of Kafka 3 brokers", "3", "quantity"),
        ("Redis 16 个库", "16", "quantity"),
        # a kernel's release, named after or before it: 4.11 and 4.13 beside it, never 4.07
        ("tcp_tw_recycle 在 NAT 环境下会出问题，4.12 内核已经删除", "4.12", "version"),
        ("needs kernel 5.10 or newer", "5.10", "version"),
        ("a ratio of 4.12 to one", "4.12", "quantity"),
    ],
)
def test_what_a_number_counts(sentence: str, number: str, role: str) -> None:
    n = next(n for n in numbers_in(sentence) if n.text == number)
    assert number_role(sentence, n) == role


def test_version_pairs_are_versions_not_quantities() -> None:
    facts = facts_of("## Upgrades\n- minor upgrade (18.0 -> 18.1) = swap the binaries\n")
    roles = {f.span: f.role for f in facts if f.kind == "number"}
    assert roles.get("18.1") == "version"


def test_number_subject_is_the_parameter_beside_it() -> None:
    facts = facts_of(
        "## WAL\n- `checkpoint_timeout` default 5min, `max_wal_size` default 1GB\n"
        "- the launcher runs at most **3** workers by default (`autovacuum_max_workers`)\n"
        "- `completions` (default 1), `parallelism` (default 1)\n"
    )
    got = {(f.subject, f.span) for f in facts if f.kind == "number" and f.attribute == "default"}
    assert {("checkpoint_timeout", "5min"), ("max_wal_size", "1GB"),
            ("autovacuum_max_workers", "3"), ("completions", "1"),
            ("parallelism", "1")} <= got  # fmt: skip


def test_worked_examples_and_restated_values_are_no_facts() -> None:
    facts = facts_of(
        "## Probes\n- startup budget = failureThreshold x periodSeconds, e.g. 30 x 10s = 300 s\n"
        "- scale factor 0.1 (10 %)\n"
    )
    spans = {f.span for f in facts if f.kind == "number"}
    assert not spans & {"30 x", "10s", "300 s", "10 %"}


def test_commented_commands_and_an_argument_that_only_looks_like_a_comment() -> None:
    block = next(
        b
        for b in parse_document(
            "## K\n```bash\nkubectl set image deployment/web nginx=nginx:1.28   # starts a rollout\n"
            "kubectl rollout status deployment/web\n"
            "kubectl run tmp --rm -it --image=busybox -- wget -qO- http://web\n"
            "# read one value back\nkubectl get secret db -o yaml\n```\n",
            "t.md",
        ).blocks
        if b.kind == "code"
    )
    facts = {f.subject: f.value for f in command_facts(block)}
    assert facts == {
        "starts a rollout": "kubectl set image deployment/web nginx=nginx:1.28",
        "read one value back": "kubectl get secret db -o yaml",
    }


def test_a_stated_default_over_a_table_names_its_row() -> None:
    facts = facts_of(
        "## Isolation\n\ndefault level = **Read Committed**.\n\n| Level | Dirty read |\n|---|---|\n"
        "| Read uncommitted | possible |\n| Read committed | not possible |\n"
        "| Serializable | not possible |\n"
    )
    default = next(f for f in facts if f.kind == "default")
    assert default.value == "Read committed"
    assert set(default.siblings) == {"Read uncommitted", "Serializable"}


def test_heading_entities_near_each_other_are_options() -> None:
    sections = "".join(
        f"## Service {chr(65 + i)}\n\na thing that does job {i}\n\n" for i in range(40)
    )
    facts = [f for f in facts_of(sections) if f.role == "heading"]
    first = next(f for f in facts if f.subject == "Service A")
    assert "Service B" in first.siblings and "Service Z" not in first.siblings  # a window


def test_a_term_keeps_the_quote_it_closes_itself() -> None:
    """Quotes around a term are punctuation; a quoted argument at its end is part of it
    (a stripped closing quote left `--since "1 hour ago` in stems and options)."""
    notes = (
        "# Logs\n\n## Reading the journal\n\n"
        '- `journalctl --since "1 hour ago"` — time filter\n'
        "- `journalctl -k` — kernel messages\n"
        "- `journalctl -u nginx` — logs of one unit\n"
        '- "Persistent storage" — the journal kept under /var/log/journal\n'
    )
    subjects = {f.subject for f in facts_of(notes) if f.kind == "definition"}
    assert 'journalctl --since "1 hour ago"' in subjects
    assert "Persistent storage" in subjects
    assert not any(s.count('"') % 2 for s in subjects), subjects


def test_the_last_members_brackets_naming_another_member_describe_the_list() -> None:
    """ "states: discarding, learning, forwarding (blocking + listening + disabled merged into
    discarding)": asked "forwarding is described as “… merged into discarding” → True"."""
    e = enumeration(
        "states: discarding, learning, forwarding (blocking + listening merged into discarding)"
    )
    assert e is not None
    assert [(m.name, m.description) for m in e.members][-1] == ("forwarding", "")
    roles = enumeration(
        "roles: root, alternate (backup path to root), backup (spare port), disabled"
    )
    assert roles is not None
    assert roles.members[1].description == "backup path to root"  # not the last: its own
