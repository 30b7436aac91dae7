"""Generation hands what it made to the collector's oldest generation without a pass over it,
and leaves objects frozen by others (the bot's start-up) frozen."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from questions.cues import unnamed
from questions.distractors import _said_after as said_after
from questions.facts.definitions import _after_short_name as after_short_name
from questions.generate import generate_from_texts
from questions.plan import _states as states
from questions.solvers import _form as option_form
from questions.stems import lint
from questions.values import parse_number

NOTES = Path(__file__).parent / "notes" / "redis-ops.md"


@pytest.fixture
def collector() -> Iterator[list[int]]:
    """The generations of the collections that start while the test runs."""
    started: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(seen)
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield started
    finally:
        gc.callbacks.remove(seen)
        if not was_enabled:
            gc.disable()


def test_objects_frozen_before_generation_stay_frozen(collector: list[int]) -> None:
    kept: list[list[int]] = [
        [] for _ in range(100)
    ]  # a start-up's objects, frozen for the process's life
    gc.freeze()
    try:
        assert gc.get_freeze_count() >= len(kept)
        generate_from_texts([("notes.md", NOTES.read_text(encoding="utf-8"))], "b")
        # frozen objects the run freed are gone from the count; the kept ones stay
        assert gc.get_freeze_count() >= len(kept)
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_paused_collector_stays_paused(collector: list[int]) -> None:
    gc.disable()
    generate_from_texts([("notes.md", NOTES.read_text(encoding="utf-8"))], "b")
    assert not gc.isenabled()


# Patterns that were compiled once per name or value (every term, setting and number of the
# notes is a new one) are now found with str.find and a few fixed patterns; each decides as
# its pattern did, on every line of the test notes against the names they write.

ALL_NOTES = [
    *sorted((Path(__file__).parent / "notes").glob("*.md")),
    Path(__file__).resolve().parents[2] / "questions/notes/aws-developer-associate.md",
]
EDGES = ["x", "x1", "x.y", "x-y", ".x", "-x", "_x", "x_", "x 1", "x.1", "x1.2", "1", "25%", "  "]


def _lines() -> list[str]:
    found = [line for p in ALL_NOTES for line in p.read_text(encoding="utf-8").splitlines()]
    found = [line for line in found if line.strip()]
    found += ["x", "x1", "ax", "a.x", "a-x", "x-a", "x.a", "Amazon x y", "AWS Global x  z",
              "x: 1 min", "x = on", "x;", "x.", "Xx x", "1x", "x 25%", "x 125%", "x25%"]  # fmt: skip
    return found


def _names(lines: list[str]) -> list[str]:
    found: dict[str, None] = {}
    for line in lines:
        found.update(dict.fromkeys(re.findall(r"[\w.%-]+", line)[:4]))
        found.update(dict.fromkeys(re.findall(r"`([^`]+)`", line)))
        found.update(dict.fromkeys(re.findall(r"\*\*([^*]+)\*\*", line)))
    return [n for n in found if n][::5] + EDGES


LINES = _lines()
NAMES = _names(LINES)


# The reference patterns are compiled once per name (name outside, line inside): re's cache
# holds 512 patterns, so the other order compiled each of them once per line.


def test_what_a_line_writes_after_a_name_is_read_as_its_pattern_read_it() -> None:
    for name in NAMES:
        pattern = re.compile(rf"(?<![\w.-]){re.escape(name)}(?![\w-])\W{{0,3}}([^.;|]{{0,40}})")
        for line in LINES:
            m = pattern.search(line)
            assert said_after(line, name) == (m.group(1) if m else None), (line, name)


def test_a_term_after_a_short_name_is_found_as_its_pattern_found_it() -> None:
    for name in NAMES:
        pattern = re.compile(rf"^(?:[A-Z][\w-]*\s+){{1,2}}{re.escape(name)}\s")
        for line in LINES:
            m = pattern.match(line)
            assert after_short_name(line, name) == (m is not None), (line, name)


def test_where_a_prompt_states_a_value_is_found_as_its_pattern_found_it() -> None:
    for line in LINES:
        for name in NAMES:
            v = " ".join(name.split())
            m = (
                re.search(rf"(?<![\w.]){re.escape(v)}(?![\w.]*\d)", line)
                if v and v in line
                else None
            )
            assert states(line, name) == (m.start() if m else -1), (line, name)


def test_a_text_without_the_options_it_names_is_cut_as_before() -> None:
    def afresh(text: str, patterns: list[re.Pattern[str]]) -> str:
        for pattern in patterns:
            text = pattern.sub(" ", text)
        return text

    options = [*NAMES, "ſtate", "KEY", "Kelvin", "ıd"]  # letters re folds to ASCII ones
    for i in range(0, len(options), 3):
        group = options[i : i + 3]
        longest_first = sorted((o for o in group if len(o) >= 3), key=len, reverse=True)
        patterns = [re.compile(re.escape(o), flags=re.I) for o in longest_first]
        for line in [*LINES, "state id key"]:
            assert unnamed(line, group) == afresh(line, patterns), line


def test_a_cached_stem_lint_option_form_and_number_decide_as_afresh() -> None:
    texts = [*LINES, *NAMES, "an a", "the the end", "“ ”", "`x", "30 seconds", "4 KB", "25%"]
    for text in texts:
        for f in (lint, parse_number, option_form):
            assert f(text) == f.__wrapped__(text), (f, text)
            assert f(text) == f.__wrapped__(text), (f, text)  # the second read is the cached one
