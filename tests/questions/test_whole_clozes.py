"""Clozes cut whole from their sentence, on Ceph capacity notes written here: no blank across a
bracket's end, no option that is a leftover piece of the same sentence, no line that only leads
into a list or code block, and no number worked out from an operation the stem writes out."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.cues import computed
from questions.facts.claims import contrast_facts
from questions.generate import generate_document
from questions.generators.numbers import blanked
from questions.parse.markdown import parse_document
from tests.questions.own_notes import asked, notes_text

NAME = "ceph-capacity.md"
TEXT = notes_text(NAME)
_PAIRS = (("(", ")"), ("（", "）"), ("[", "]"), ("“", "”"))


def _questions() -> list[BankQuestion]:
    return list(asked(NAME))


def _open(text: str) -> bool:
    """A bracket or quote left open or closed without its opening, by count."""
    return any(text.count(a) != text.count(b) for a, b in _PAIRS) or text.count('"') % 2 == 1


def _line(q: BankQuestion) -> str:
    return TEXT.splitlines()[q.source.line - 1]


def _cloze(q: BankQuestion) -> bool:
    return q.prompt.startswith(("Fill in the blank:", "填空："))


def test_no_cloze_leaves_a_bracket_open_in_its_stem_or_options() -> None:
    clozes = [q for q in _questions() if _cloze(q)]
    assert clozes
    for q in clozes:
        assert not _open(q.prompt), q.prompt
        assert not any(_open(c) for c in q.choices), (q.prompt, q.choices)


def test_a_contrast_of_the_subject_is_not_asked_as_one_of_its_tail() -> None:
    """ "PG count is what slows recovery (…), not object count so much" denies another count,
    not the words the first clause ends on: none of its pieces is offered as an option."""
    asked = _questions()
    said = next(line for line in TEXT.splitlines() if "not object count" in line)
    assert not any(_line(q) == said for q in asked), [q.prompt for q in asked]
    # a contrast of two things of one kind is still asked with the denied one as the lure
    scrubs = [q for q in asked if "Scrubs are scheduled by" in q.prompt]
    assert len(scrubs) == 1
    assert scrubs[0].choices[scrubs[0].answer] == "OSD" and "monitor" in scrubs[0].choices


def _contrasts(line: str) -> list[tuple[str, tuple[str, ...]]]:
    doc = parse_document(f"## Recovery\n\n- {line}\n", "x.md")
    return [(f.value, f.siblings) for b in doc.content for f in contrast_facts(b)]


def test_a_denied_thing_named_as_the_subject_is_no_contrast_of_the_tail() -> None:
    assert (
        _contrasts("PG count is what slows recovery of the cluster, not object count so much.")
        == []
    )
    assert _contrasts("Scrubs are scheduled by the OSD, not by the monitor.") == [
        ("OSD", ("monitor",))
    ]
    assert _contrasts("Writes are acked by the primary OSD, not by the replica OSD.") == [
        ("primary OSD", ("replica OSD",))
    ]


def test_lines_that_lead_into_a_list_or_code_are_marked() -> None:
    doc = parse_document(TEXT, NAME)
    leads = {b.text for b in doc.blocks if b.leads_in}
    assert leads == {
        "Values a new pool gets when the autoscale module is off:",
        "Keyrings live in /etc/ceph on every client:",
    }


def test_no_cloze_or_statement_is_read_off_a_lead_in() -> None:
    asked = _questions()
    lead_lines = {n for n, line in enumerate(TEXT.splitlines(), 1) if line.rstrip().endswith(":")}
    for q in asked:
        if _cloze(q) or q.kind == "truefalse":
            assert q.source.line not in lead_lines, q.prompt
    # the code spans the lead-in shares with its section are still asked where they are stated
    assert any("before a reboot" in q.prompt for q in asked)


def test_an_operation_written_out_with_its_result_gives_no_number_away() -> None:
    assert computed("120 OSDs × ___ PGs per OSD = 12000 PG replicas")
    assert computed("120 OSDs × 100 PGs per OSD = ___ PG replicas")
    assert computed("110 PGs per OSD × 30 OSDs = ___ PG replicas")  # a counted noun of 3 words
    assert computed("writes 12 chunks per stripe (___ data chunks + 2 coding chunks)")
    assert computed("writes ___ chunks per stripe (10 data chunks + 2 coding chunks)")
    assert computed("总共 ___ 个（8 个 + 2 个）")


def test_a_number_beside_an_operation_with_no_result_is_still_recalled() -> None:
    assert not computed("rebalance starts at threshold ___ + scale factor 0.2 of the rows")
    assert not computed("lingers 2 x MSL, ___ on Linux")  # MSL is nowhere in the stem
    assert not computed("queues hold ___ requests (pool size × 1.5 + 1 per node)")
    assert not computed("1 core = ___")  # a unit, not a sum
    assert not computed("on change the server answers ___ + a new body + a new tag")
    assert not computed("___+ nodes per cluster")  # "more than", not a sum


def test_no_number_of_a_worked_out_line_is_asked_but_the_others_are() -> None:
    asked = _questions()
    worked = {n for n, line in enumerate(TEXT.splitlines(), 1) if " × " in line or " + " in line}
    assert len(worked) == 2
    for q in asked:
        if q.source.line in worked:
            assert not _cloze(q) and q.kind != "truefalse", q.prompt
    answers = {q.choices[q.answer] for q in asked}
    assert {"600 seconds", "33 %"} <= answers


def test_no_statement_swaps_a_worked_out_number() -> None:
    """ "writes 15 chunks per stripe (10 data chunks + 2 coding chunks)" refutes itself."""
    worked = {n for n, line in enumerate(TEXT.splitlines(), 1) if " + " in line}
    stated = [d for d in generate_document(NAME, TEXT).dropped
              if d.candidate.kind == "truefalse" and d.candidate.fact.line in worked]  # fmt: skip
    assert stated
    assert all(d.reason == "statement works out its own number" for d in stated), stated


def test_a_stem_never_opens_with_an_operator_or_a_closing_mark() -> None:
    assert blanked("× 1500 series = 390000 active series in the cluster", "1500") is None
    assert blanked(", so the primary daemon waits for every replica", "primary") is None
    assert blanked(") then the primary daemon waits for every replica", "primary") is None
    assert blanked("/etc/ceph holds the admin keyring on every client", "admin") is not None
    kept = blanked("the primary daemon waits for every replica to ack", "replica")
    assert kept == "the primary daemon waits for every ___ to ack"


def test_a_blank_never_ends_or_opens_an_aside() -> None:
    said = "PG count is what slows recovery (CPU on the primary daemon)"
    assert blanked(said, "primary daemon)") is None
    assert blanked(said, "(CPU on the") is None
    assert blanked(said, "primary daemon") == "PG count is what slows recovery (CPU on the ___)"
