"""Kinds of note a blind review of unseen notes (session 16) found asked badly: a nested item's
term read without its parent ("Which description fits ID?" of "Projects" / "project **ID**:"),
a default stated of the noun a label's values measure asked of the label ("default value of
firewall" for its priority), an item of one list level offered among the items of the level
above or below it, a key read off a word the stem writes whole while its kin hold it only
inside a longer word ("Java/Kotlin" and "Java SE" beside "JavaScript"), a code comment naming
the next command ("# close w/ lock") asked as what its line does, a clipped word opening
one sentence ("max batch …") carried as the label of the next one, a step of a series blanked
beside the next step ("gaps (___, 200...)"), and a second value a comment gives beside a
default ("# 编译默认 512，发行版 … 1024") offered as a wrong option."""

from __future__ import annotations

from questions.cues import clue, computable
from questions.subjects import with_label
from tests.questions.own_notes import asked, generated

NOTES = "bookkeeping-levels.md"


# --- 1. a nested item keeps its parent ----------------------------------------------------


def test_a_marked_term_keeps_the_plain_noun_written_before_it() -> None:
    terms = {f.subject for f in generated(NOTES).facts if f.kind == "definition"}
    assert {"account code", "account name", "account type"} <= terms
    assert not {"code", "name", "type"} & terms


def test_a_term_described_by_its_parent_item_is_asked_under_it() -> None:
    f = next(f for f in generated(NOTES).facts if f.subject == "cutoff")
    options = ["the last day whose bank lines still count", "the largest gap"]
    said = with_label("Which description fits cutoff?", f, "forward", options, "en")
    assert said == "Reconciliation: which description fits cutoff?"


def test_a_term_that_names_its_parent_already_is_asked_as_is() -> None:
    f = next(f for f in generated(NOTES).facts if f.subject == "account code")
    said = with_label("Which description fits account code?", f, "forward", [], "en")
    assert said == "Which description fits account code?"


def test_a_default_names_the_noun_its_values_measure() -> None:
    stems = [q.prompt for q in asked(NOTES)]
    assert "What is the default value of posting queue priority?" in stems
    assert not any(s.endswith("default value of posting queue?") for s in stems)


# --- 2. a list item's options come from its own level --------------------------------------


def test_an_item_is_never_offered_beside_items_of_the_level_above_or_below() -> None:
    nested = {"account code", "account name", "account type", "cutoff", "tolerance", "approval"}
    nested |= {"code", "name", "type"}  # as read before the term kept its noun
    above = {"Ledger", "Journals", "Accounts", "Entries", "Reconciliation", "posting queue"}
    keyed = [(q, q.choices[q.answer]) for q in asked(NOTES)]
    assert len([k for _, k in keyed if k in nested]) >= 4
    for q, key in keyed:
        if key in nested:
            assert not above & set(q.choices), (q.prompt, q.choices)
        if key in above:
            assert not nested & set(q.choices), (q.prompt, q.choices)


# --- 3. a key read off a whole word of the stem ------------------------------------------


def test_a_word_the_stem_and_key_write_whole_is_a_clue_though_kin_hold_it_inside_words() -> None:
    stem = "Which runtime has the languages “Java/Kotlin/Scala”?"
    kin = ["JavaScript, TypeScript", "TypeScript/JavaScript, secure by default", "Python, Cython"]
    assert clue(stem, "Java SE", ["Node", "Deno", "CPython"], kin) is not None
    stems = [q.prompt for q in asked(NOTES) if q.choices[q.answer] == "Java SE"]
    assert not any("Java/" in s for s in stems)


def test_a_word_kin_hold_whole_too_is_still_no_clue() -> None:
    stem = "Which runtime has the languages “Java, Kotlin”?"
    kin = ["Java, Groovy", "Java 8 only", "Python"]
    assert clue(stem, "Java SE", ["Node", "Deno", "CPython"], kin) is None


# --- 4. a comment naming the next command ------------------------------------------------


def test_a_comment_naming_another_command_is_not_its_lines_purpose() -> None:
    commands = {f.subject: f.value for f in generated(NOTES).facts if f.kind == "command"}
    assert "close w/ lock" not in commands
    assert commands["print the trial balance"] == "ledger report trial"
    assert not any("close w/ lock" in q.prompt for q in asked(NOTES))


# --- 5. a clipped word opening a sentence labels no other sentence ---------------------------


def test_a_clipped_opening_word_is_no_label_of_the_next_sentence() -> None:
    said = [q.prompt for q in asked(NOTES) if "retention for every book" in q.prompt]
    assert said == ["Fill in the blank: Closing the books: ___ of retention for every book."]
    numbers = [f for f in generated(NOTES).facts if f.kind == "number" and f.span == "7 years"]
    assert numbers and all(f.context != "max" for f in numbers)


# --- other kinds of the same review: a series step, a second value beside a default ---------

KILN = "kiln-controller.md"


def test_a_step_of_a_series_left_open_is_not_blanked() -> None:
    assert computable("slots are numbered in gaps (___, 20...) so one fits between", "10")
    assert computable("sizes 1, 2, ___, 8, …", "4")
    assert not computable("ports 80, ___ ... are open", "443")
    assert not any("(___, 20...)" in q.prompt for q in asked(KILN))


def test_a_value_a_comment_gives_beside_the_default_is_no_wrong_option() -> None:
    (q,) = [q for q in asked(KILN) if q.prompt == "What is the default value of ramp_rate?"]
    assert q.choices[q.answer] == "150"
    assert "200" not in q.choices  # "# built-in default 150, the studio preset writes 200"
