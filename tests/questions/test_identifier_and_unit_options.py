"""Number options that gave the key away on unseen notes (review 13): a port said in prose
scaled like a quantity or near-missed (9098, 9099, 9102 beside 9100), releases that never
existed (0.16 beside 0.11), and durations whose only whole number of days was the key
(750000000 beside 604800000 ms)."""

from __future__ import annotations

from pathlib import Path

from questions.candidate import Candidate
from questions.distractors import sort_numeric
from questions.generate import generate_document
from questions.values import counted_unit, number_role, numbers_in, parse_number, whole_unit
from questions.vocabulary import PORTS

NOTES = (Path(__file__).parent / "notes" / "metrics-stack.md").read_text(encoding="utf-8")
#: the ports the notes write as ports
NOTES_PORTS = {"9090", "9100", "3000", "9093", "6831", "6832"}
DAY_MS, DAY_S, HOUR_MS = 86_400_000, 86_400, 3_600_000


def _asked(key: str) -> list[Candidate]:
    r = generate_document("metrics-stack.md", NOTES)
    return [c for c in r.candidates if c.generator == "number" and c.answer_text == key]


def _wrong(c: Candidate) -> list[str]:
    return [o for i, o in enumerate(c.options) if i != c.answer]


def test_a_port_said_in_prose_is_offered_beside_ports_that_exist() -> None:
    for key in ("9090", "9100", "3000", "9093"):
        asked = _asked(key)
        assert asked, key
        for c in asked:
            assert all(o in NOTES_PORTS or o in PORTS for o in _wrong(c)), c.options


def test_a_port_beside_its_neighbour_in_the_stem_needs_a_neighbour_among_its_options() -> None:
    # "default port ___, and its admin port is 6832": with only other services' ports beside
    # it, the key is the one next to 6832
    for key in ("6831", "6832"):
        for c in _asked(key):
            assert any(0 < abs(float(o) - float(key)) <= 10 for o in _wrong(c)), c.options


def test_a_count_of_ports_is_no_port() -> None:
    sentence = "A Service for the exporter exposes 1 port and selects 2 pods."
    one = numbers_in(sentence)[0]
    assert number_role(sentence, one) == "quantity"
    for c in _asked("3000"):
        assert "1" not in c.options, c.options


def test_a_release_is_offered_beside_releases_its_notes_show() -> None:
    asked = _asked("0.11")
    assert asked
    for c in asked:
        for o in _wrong(c):
            major, minor = o.split(".")
            # the log shipper's releases go up to 0.11: no 0.16, 0.21 or 0.22
            assert major == "0" and int(minor) <= 11, c.options


def test_a_release_of_another_line_is_not_offered() -> None:
    for key in ("0.9", "0.10", "0.11"):
        for c in _asked(key):
            assert all(o.startswith("0.") for o in c.options), c.options
    # the dashboard server's releases stop at 2.4: no 2.9 is made up beside them
    for key in ("2.1", "2.3", "2.4"):
        for c in _asked(key):
            assert all(o.split(".")[0] == "2" and int(o.split(".")[1]) <= 4 for o in c.options)


def test_a_duration_is_offered_beside_durations_as_round_in_its_unit() -> None:
    # 604800000 ms is 7 days, 86400 s one day, 7200000 ms two hours
    for key, unit in (("604800000", DAY_MS), ("86400", DAY_S), ("7200000 ms", HOUR_MS)):
        asked = _asked(key)
        assert asked, key
        for c in asked:
            for o in _wrong(c):
                n = parse_number(o)
                assert n is not None, o
                assert (n.value * 2) % unit == 0, c.options  # whole or half units


def test_the_unit_a_number_counts_is_read_from_its_setting_name() -> None:
    n = parse_number("604800000")
    assert n is not None
    assert counted_unit(n, "`sample.retention.ms` defaults to ") == "ms"
    assert counted_unit(n, "electionTimeoutMillis ") == "ms"
    assert counted_unit(n, "the cluster holds ") == ""
    assert whole_unit(604_800_000, "ms") == (DAY_MS, "d")
    assert whole_unit(3 * 1024**3, "B") == (1024**3, "GB")
    assert whole_unit(1500, "ms") == (1, "ms")
    assert whole_unit(18000, "") == (1, "")  # a count of things is no duration


def test_releases_are_offered_in_release_order() -> None:
    """0.9 before 0.10: read as decimals, 0.10 came first and 0.9 last."""
    for key in ("0.9", "0.10", "0.11"):
        for c in _asked(key):
            parts = [tuple(int(p) for p in o.split(".")) for o in c.options]
            assert parts == sorted(parts), c.options


def test_only_versions_are_ordered_by_their_parts() -> None:
    assert sort_numeric(["4.12", "4.9", "4.10", "4.11"]) == ["4.9", "4.10", "4.11", "4.12"]
    assert sort_numeric(["1.10.0", "1.2.3", "1.9.9"]) == ["1.2.3", "1.9.9", "1.10.0"]
    assert sort_numeric(["1.5", "1.25", "2.00"]) == ["1.25", "1.5", "2.00"]  # decimals
