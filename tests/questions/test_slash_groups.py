"""Unseen review 20 (Security+ notes, issue #13): a slash group of terms was one term
("Bluejacking / bluesnarfing" keyed for "unsolicited msgs / stealing data over BT"). Each name
of a group now has its own meaning, when the meanings fall one to a name: in the same order
between spaced slashes, or each after its own name (questions/facts/slash_groups.py).
Notes: tests/questions/notes/slash-groups.md."""

from __future__ import annotations

from pathlib import Path

from questions.facts.definitions import Definition
from questions.facts.extract import extract
from questions.facts.slash_groups import group_definitions, is_group
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

NOTES = Path(__file__).parent / "notes" / "slash-groups.md"


def _defined() -> dict[str, str]:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "x.md")
    return {f.subject: f.value for f in extract(doc) if f.kind == "definition"}


def test_meanings_in_the_names_order_go_one_to_a_name() -> None:
    found = group_definitions(
        Definition("IDS / IPS", "detect (passive, out of band) / prevent (inline)")
    )
    assert [(d.term, d.description) for d in found] == [
        ("IDS", "detect (passive, out of band)"),
        ("IPS", "prevent (inline)"),
    ]


def test_meanings_after_their_own_names_go_to_those_names() -> None:
    defined = _defined()
    assert defined["Avro"] == "row-based with the schema stored beside the data"
    assert defined["ORC"] == "columnar with built-in lightweight indexes"
    assert defined["OLAP"] == "few long analytical scans over columns"
    assert defined["at-least-once"] == "a message is never lost but may be repeated"
    assert "OLTP / OLAP" not in defined and "Parquet / Avro / ORC" not in defined


def test_a_line_that_is_no_group_stays_one_definition() -> None:
    defined = _defined()
    assert defined["CSV"] == "plain text, one row per line / no types"  # one name
    # one meaning for both names: no split, and no definition two things could key
    assert not [t for t in defined if "Delta" in t or "Iceberg" in t]
    assert is_group("Delta / Iceberg") and not is_group("I/O") and not is_group("CI/CD")
    assert not group_definitions(Definition("TCP/UDP", "both transports"))
    assert not group_definitions(Definition("A / A", "x / y"))
    assert not group_definitions(Definition("Parquet / ORC", "see below: Parquet = x, ORC = y"))


def test_a_group_member_is_asked_beside_its_kin_never_as_the_group() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    keys = [q.choices[q.answer] for q in bank.questions if q.kind == "choice"]
    assert not [k for k in keys if " / " in k], keys
    members = {
        "OLTP",
        "OLAP",
        "ETL",
        "ELT",
        "Parquet",
        "Avro",
        "ORC",
        "at-most-once",
        "at-least-once",
    }
    asked = [q for q in bank.questions if q.kind == "choice" and q.choices[q.answer] in members]
    assert asked, [q.prompt for q in bank.questions]
