"""Patterns once compiled per name (a word of its own, a product said to run), and searches
tried at every place of a text, are now str.find with fixed patterns or a cheap search that
rules most texts out first; each decides as its pattern did, on every line of the test notes
against the names they write."""

from __future__ import annotations

import re

from questions.common_knowledge import _ANY_SIDE as any_side
from questions.common_knowledge import UNIVERSAL
from questions.context_refs import _POINTER as pointer
from questions.context_refs import refers_to_context
from questions.cues import _AN_OP as an_operation
from questions.cues import _CALCULATION as calculation
from questions.distractors import _RUNS
from questions.distractors import _said_to_run as said_to_run
from questions.text import find_apart
from tests.questions.test_fast_paths_5 import EDGES, LINES, NAMES

#: a sample of the names: each is a pattern of its own on the other side of the comparison
SOME_NAMES = NAMES[::20] + EDGES
EXTRA_LINES = ["see above", "Same as below.", "as before 5", "ditto", "同上", "不同上游", "见上文",
               "上下文", "如上所述", "Grafana is a dashboard", "Grafana listens on 3000",
               "xGrafana runs", "Grafana  runs", "260 targets × ___ = 390000", "2 x MSL",
               "a+b", "1000+ nodes", "HTTP 200 OK", "base image", "FROM", "from"]  # fmt: skip


def test_a_name_written_apart_is_found_where_its_pattern_found_it() -> None:
    for joins in (r"[\w-]", r"[\w/.`-]"):
        apart = re.compile(joins)
        for line in LINES + EXTRA_LINES:
            for name in SOME_NAMES:
                m = re.search(rf"(?<!{joins}){re.escape(name)}(?!{joins})", line)
                assert find_apart(line, name, apart) == (m.start() if m else -1), (line, name)


def test_a_product_said_to_run_is_read_as_its_pattern_read_it() -> None:
    # capitalised names picked from all of them, so that notes added to the folder cannot leave
    # the sample without any (a slice of every 20th name once kept only four)
    capitalised = [n for n in NAMES if re.fullmatch(r"[A-Z][a-z][A-Za-z0-9]+", n)]
    names = [*capitalised[:: max(1, len(capitalised) // 12)], "Grafana"]
    assert len(names) > 5
    for line in LINES + EXTRA_LINES:
        for name in names:
            m = re.search(rf"\b{re.escape(name)}\s+(?:(?:is|was)\s+(?:a|an|the)\s|{_RUNS})", line)
            assert said_to_run(line, name) == (m is not None), (line, name)


def test_a_pointer_to_the_context_is_found_as_before() -> None:
    found = 0
    for line in LINES + EXTRA_LINES:
        assert refers_to_context(line) == (pointer.search(line) is not None), line
        found += refers_to_context(line)
    assert found >= 5


def test_no_text_without_an_operation_or_a_side_is_passed_over_wrongly() -> None:
    for line in LINES + EXTRA_LINES:
        if an_operation.search(line) is None:
            assert calculation.search(line) is None, line
        sides = any(u.key.search(line) or u.meaning.search(line) for u in UNIVERSAL)
        assert (any_side.search(line) is not None) == bool(sides), line
