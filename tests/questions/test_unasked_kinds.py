"""Kinds of note line that used to give no question at all: the one case against the rest
("changing X needs a restart, most other settings only a reload"). Checked on notes of
another subject than the development sets."""

from __future__ import annotations

from pathlib import Path

from questions.facts.extract import extract
from questions.generate import DocumentResult, generate_document
from questions.parse import parse_document
from questions.text import contains

NOTES = Path(__file__).parent / "notes"


def _generated(name: str) -> DocumentResult:
    path = NOTES / name
    return generate_document(f"notes/{name}", path.read_text(encoding="utf-8"))


def _sound(q) -> None:  # type: ignore[no-untyped-def]
    assert len(set(q.choices)) == len(q.choices) >= 2
    assert not any("___" in o for o in q.choices)
    assert not contains(q.prompt.replace("___", " "), q.choices[q.answer]), q.prompt


def test_one_case_against_the_rest_is_asked_with_what_the_rest_get_as_the_lure() -> None:
    """ "bumping the toolchain forces a clean build, most other edits only an incremental
    build": the stem keeps the case, the options are the two outcomes the notes name."""
    picks = {
        c.fact.subject: q
        for c, q in _generated("build-ops.md").chosen
        if c.generator == "claim" and c.fact.kind == "contrast"
    }
    expected = {
        "bumping the Rust toolchain": ("clean build", "incremental build"),
        "editing the listen directive of the proxy": ("restart", "reload"),
        "a native code change": ("store review", "over-the-air update"),
    }
    assert set(picks) == set(expected)
    for subject, (right, lure) in expected.items():
        q = picks[subject]
        _sound(q)
        assert subject in q.prompt
        assert q.choices[q.answer] == right
        assert set(q.choices) == {right, lure}
        assert lure not in q.prompt and "other" not in q.prompt


def test_the_rest_clause_is_not_read_where_it_does_not_contrast() -> None:
    """No outcome verb, a negated case, or the rest getting the same thing: no contrast."""
    doc = parse_document(
        "## Builds\n\n"
        "- the cache lives in target, other files in the home folder.\n"
        "- a patch release does not need a review, most other changes only a rebase.\n"
        "- a schema change needs a restart, everything else a restart as well.\n"
        "- a schema change needs a restart, most other changes also a restart.\n",
        "x",
    )
    assert [f for f in extract(doc) if f.kind == "contrast"] == []


def test_the_one_thing_an_item_grants_a_change_to_is_asked_against_the_one_it_denies() -> None:
    """ "environment variables are not reloaded when the settings file changes … mounted
    certificates are reloaded automatically": the stem keeps the change and the outcome, the
    denied thing is the lure."""
    picks = [
        (c, q)
        for c, q in _generated("build-ops.md").chosen
        if c.generator == "claim" and c.fact.kind == "predicate"
    ]
    assert [(q.topic, q.prompt, q.choices[q.answer]) for _, q in picks] == [
        (
            # "Which of these …" says no subject: the section's name, the card's topic, does
            "Web server config",
            "Which of these is reloaded automatically when the settings file changes?",
            "mounted certificates",
        )
    ]
    _sound(picks[0][1])
    assert set(picks[0][1].choices) == {"mounted certificates", "environment variables"}


def test_a_denied_and_a_granted_outcome_of_different_verbs_are_no_pair() -> None:
    doc = parse_document(
        "## Config\n\n"
        "- env vars are not updated when the file changes. volumes are mounted eventually.\n"
        "- env vars are not updated when the file changes. env vars are updated later.\n",
        "x",
    )
    assert [f for f in extract(doc) if f.kind == "predicate"] == []


def test_chinese_one_case_against_the_rest_is_asked_too() -> None:
    """ "修改监听端口需要重启进程，其他配置只要重新加载": the same shape in Chinese notes."""
    picks = {
        c.fact.subject: q
        for c, q in _generated("ops-zh.md").chosen
        if c.generator == "claim" and c.fact.kind == "contrast"
    }
    expected = {
        "修改监听端口": ("重启进程", "重新加载"),
        "改动原生代码": ("重新提交审核", "热更新"),
    }
    assert set(picks) == set(expected)
    for subject, (right, lure) in expected.items():
        q = picks[subject]
        _sound(q)
        assert q.prompt.startswith("填空：") and subject in q.prompt
        assert q.choices[q.answer] == right and set(q.choices) == {right, lure}
