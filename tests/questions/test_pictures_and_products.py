"""Backup notes written here: a code block that draws a picture ("primary: [w1][w2] …  # draw
it to remember") holds no commands to ask about, while the block of real commands beside it
is asked; and a product whose terms name what they count ("100k samples/s") or restate one
in brackets ("14d (336 h)") is worked out from the stem, so none of its numbers is blanked; and
a table row another row calls alike ("same as --keep-daily") is not asked by its cell."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.cues import computed
from questions.facts.commands import opens_command
from questions.generators.tables import said_alike
from questions.tables import names_aspects
from tests.questions.own_notes import asked, notes_text

NAME = "backup-rotation.md"
TEXT = notes_text(NAME)


def _questions() -> list[BankQuestion]:
    return list(asked(NAME))


def test_a_picture_in_a_code_block_is_not_asked_as_commands() -> None:
    asked = _questions()
    picture = ("primary:", "replica:", "^ restore")
    for q in asked:
        assert not any(c.startswith(picture) for c in q.choices), (q.prompt, q.choices)
        assert "draw it to remember" not in q.prompt, q.prompt
    commands = [q for q in asked if q.choices[q.answer].startswith("restic ")]
    assert commands, [q.prompt for q in asked]


def test_a_command_line_opens_with_a_program_or_a_prompt() -> None:
    assert opens_command("restic forget --keep-daily 7")
    assert opens_command("$ ls -la")
    assert opens_command("./rotate.sh --dry-run")
    assert opens_command("VACUUM (VERBOSE) orders;")
    assert not opens_command("primary:  [w1][w2][w3]")
    assert not opens_command("^ restore point = w4")


def test_a_product_of_counted_or_restated_terms_is_worked_out() -> None:
    assert computed("e.g. 40 GB × 14d (336 h) × ___ ≈ 672 GB")
    assert computed("e.g. 100k samples/s × 86400 s × ___ ≈ 173 GB")
    assert computed("100 req/s × ___ s = 6000 requests")
    # no result to work back from: the factor is still a fact to recall
    assert not computed("e.g. 40 GB × 14d (336 h) × ___")


def test_no_number_of_the_sizing_example_is_blanked() -> None:
    sizing = next(i for i, line in enumerate(TEXT.splitlines(), 1) if "672 GB" in line)
    asked = _questions()
    assert asked
    assert not any(q.source.line == sizing and "___" in q.prompt for q in asked)


def test_a_row_another_row_calls_alike_is_not_told_apart_by_its_cell() -> None:
    """`--keep-within-daily` is "same as --keep-daily, but …": it keeps one snapshot a day too,
    so "which flag keeps one snapshot for each of the last N days" has two keys."""
    for q in _questions():
        both = {"--keep-daily", "--keep-within-daily"} <= set(q.choices)
        assert not (both and "last N days" in q.prompt), (q.prompt, q.choices)
    assert any(q.choices[q.answer] == "--keep-last" for q in _questions())


def test_a_cell_that_calls_its_row_like_another_names_that_row() -> None:
    keys = ["rate(x[5m])", "irate(x[5m])", "increase(x[1h])"]
    column = ["all samples in the window", "the last two samples", "same as rate"]
    assert said_alike(column, keys, 0)
    assert not said_alike(column, keys, 1)
    methods = ["GET", "PUT", "HEAD"]
    assert said_alike(["safe", "idempotent", "跟 GET 一样但只返回 headers"], methods, 0)
    assert not said_alike(["safe", "idempotent", "与 GET 不同"], methods, 0)  # "unlike GET"
    assert not said_alike(["safe", "idempotent", "同时支持 GET"], methods, 0)  # "while"


def test_a_table_whose_corner_names_aspects_compares_its_column_heads() -> None:
    """ "| Aspect | restic | borg |": the rows are aspects, the things compared are restic and
    borg, so questions ask which of them, never "which aspect"."""
    compared = [q for q in _questions() if "restic and borg" in q.prompt]
    assert compared, [q.prompt for q in _questions()]
    for q in compared:  # each option pairs one of the two with an aspect's value
        assert all(c.split(" — ")[0] in {"restic", "borg"} for c in q.choices), q.choices
    aspects = {"Written in", "Repository backends", "Encryption"}
    assert not any(aspects & set(q.choices) for q in _questions())
    assert names_aspects("对比项") and names_aspects("**Aspect**") and names_aspects("维度")
    assert not names_aspects("Feature") and not names_aspects("Service")
