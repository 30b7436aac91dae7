"""Options of the key's kind and form (issue #13, round 3 review): a switch value is offered
beside switches, never beside durations; a `key: value` beside fields of its own object; a
port beside the notes' own ports; an acronym modifying a word beside acronyms the notes write
before that word; a dotted knob beside knobs, never beside a plain word."""

from __future__ import annotations

from pathlib import Path

from questions.distractors import Pool
from questions.facts.extract import extract
from questions.facts.model import Fact
from questions.generate import generate_document
from questions.parse import Document, parse_document
from questions.values import parse_number, value_kind, value_kinds

NOTES = Path(__file__).parent / "notes"


def _questions(name: str) -> list[tuple[str, list[str], str]]:
    text = (NOTES / name).read_text(encoding="utf-8")
    return [
        (q.prompt, list(q.choices), q.choices[q.answer])
        for _, q in generate_document(name, text).chosen
        if q.choices
    ]


def _pool(name: str) -> tuple[Pool, list[Fact], Document]:
    doc = parse_document((NOTES / name).read_text(encoding="utf-8"), name)
    facts = extract(doc)
    return Pool(doc, facts), facts, doc


def test_value_kinds_tell_switches_from_quantities() -> None:
    assert value_kind("off") == value_kind("关") == value_kind("enabled") == "switch"
    assert value_kind("200 ms") == value_kind("2 hours") == "duration"
    assert value_kind("512 MB") == "size"
    assert value_kind("1000") == "count"
    assert value_kind("garbage-first collector") == value_kind("``") == "text"
    # a bare 0 or 1 counts, unless it stands among switch values
    assert value_kinds(["0", "7200 s"]) == ["count", "duration"]
    assert value_kinds(["1", "off", "on"]) == ["switch", "switch", "switch"]
    assert value_kind("yes, but on the LAN") == value_kind("on (since 2.4)") == "switch"


def test_a_default_column_offers_only_values_of_the_cells_kind() -> None:
    """The Default column mixes on/off with durations and counts: "off" among "200 ms" and
    "8" is told at a glance, so a value question offers only values of its key's kind."""
    for prompt, choices, answer in _questions("jvm-tuning-kinds.md"):
        if choices != ["True", "False"] and value_kind(answer) != "text":
            assert {value_kind(c) for c in choices} == {value_kind(answer)}, (prompt, choices)


def test_a_switch_cell_is_never_made_false_with_a_number() -> None:
    """ "The default of UseStringDeduplication is 1000 ms" is false at a glance."""
    statements = 0
    for prompt, choices, _ in _questions("jvm-tuning-kinds.md"):
        if choices != ["True", "False"] or "default of" not in prompt:
            continue
        subject = prompt.split("default of ", 1)[1].split(" is ")[0]
        said = prompt.rsplit(" is ", 1)[-1]
        switch_rows = {"UseG1GC", "HeapDumpOnOutOfMemoryError", "UseStringDeduplication",
                       "ExitOnOutOfMemoryError"}  # fmt: skip
        if subject in switch_rows:
            statements += 1
            assert value_kind(said) == "switch", prompt
    assert statements


def test_a_port_is_offered_beside_the_notes_own_ports_first() -> None:
    """A list of services under "Ports": the other services' ports, not 8080 or 443."""
    pool, facts, _ = _pool("jvm-tuning-kinds.md")
    own = {"9404", "9010", "5005", "9990"}
    asked = 0
    for f in facts:
        n = parse_number(f.span) if f.kind == "number" else None
        if n is None or f.role != "port":
            continue
        options = pool.numbers(n, f.role, f, avoid=f.sentence)
        asked += 1
        assert options and set(options) <= own - {f.span}, (f.sentence, options)
    assert asked


def test_a_dotted_knob_is_never_offered_beside_a_plain_word() -> None:
    """`tmpfs` in a list of cgroup files is the odd one out by its form: no question offers it
    beside `memory.high`, nor asks it among them."""
    for prompt, choices, _ in _questions("nomad-jobs-kv.md"):
        if any("." in c and " " not in c for c in choices):
            assert "tmpfs" not in choices, (prompt, choices)


def test_a_key_value_is_offered_only_beside_fields_of_its_own_object() -> None:
    """`network_mode: host` of the networking section: never `restart: always` or
    `mem_limit: 512m` of other sections; with no field of its own object written it is not
    asked as a blank."""
    pool, facts, doc = _pool("compose-fields-kv.md")
    seen = 0
    for f in facts:
        if f.kind != "term" or ": " not in f.span:
            continue
        seen += 1
        options = pool.alternatives(f.span, f, (f.role,), avoid=f.sentence)
        others = [o for o in options if o.split(":")[0] != f.span.split(":")[0]]
        here = [b.text for b in doc.content if b.section.index == f.section.index]
        for o in others:  # an option's key is written in the answer's own section
            assert any(o.split(":")[0] in t for t in here), (f.section.heading, o)
    assert seen >= 3


def test_a_key_value_takes_the_fields_its_section_names() -> None:
    """The healthcheck section names `test`, `timeout` and `disable` as its fields: the blank
    of `retries: 3` may be offered as those fields with the same value."""
    pool, facts, _ = _pool("compose-fields-kv.md")
    f = next(f for f in facts if f.kind == "term" and f.span == "retries: 3")
    options = pool.alternatives(f.span, f, (f.role,), avoid=f.sentence)
    assert options, options
    assert all(o.split(":")[0] in {"interval", "start_period", "test", "timeout", "disable"}
               for o in options), options  # fmt: skip


def test_an_acronym_modifying_a_word_is_offered_only_beside_acronyms_said_with_it() -> None:
    """ "slow queries != ___ bound": WAL, MVCC and LSN are never "bound", so none is an
    option; without one the blank is not asked."""
    pool, facts, _ = _pool("db-triage-acronyms.md")
    f = next(f for f in facts if f.kind == "term" and f.span == "IO")
    assert pool.alternatives(f.span, f, (f.role,), avoid=f.sentence) == []
    # an acronym that is the subject of its line keeps its options
    g = next(f for f in facts if f.kind == "term" and f.span == "WAL")
    assert len(pool.alternatives(g.span, g, (g.role,), avoid=g.sentence)) >= 2
