"""The shipped bank: up to date with the notes, and meeting the issue's bar for content."""

import math
import re
from pathlib import Path

import pytest

from questions.bank import dump_bank, load_bank, validate_bank
from questions.cli_commands import check_command
from questions.generate import Report, generate_bank

REPO = Path(__file__).resolve().parents[2]
NOTES = "questions/notes/aws-developer-associate.md"
BANK = REPO / "questions/bank/aws-developer-associate.yaml"


@pytest.fixture(scope="module")
def generated() -> tuple[str, Report]:
    bank, report = generate_bank([REPO / NOTES], root=REPO)
    return dump_bank(bank), report


def test_checked_in_bank_is_up_to_date(generated: tuple[str, Report]) -> None:
    text, _ = generated
    assert BANK.read_text(encoding="utf-8") == text, (
        "questions/bank/aws-developer-associate.yaml is stale: run "
        "`quizbot questions generate questions/notes/aws-developer-associate.md "
        "--out questions/bank/aws-developer-associate.yaml --force` from the repo root"
    )


def test_generation_is_deterministic(generated: tuple[str, Report]) -> None:
    again, _ = generate_bank([REPO / NOTES], root=REPO)
    assert dump_bank(again) == generated[0]


def test_bank_is_valid_and_big_enough() -> None:
    bank = load_bank(BANK)
    assert validate_bank(bank.questions) == []
    assert len(bank.questions) >= 80
    assert check_command(str(BANK)) == 0
    assert all(q.source is not None and q.source.file == NOTES for q in bank.questions)


def test_every_section_with_content_is_asked(generated: tuple[str, Report]) -> None:
    _, report = generated
    assert report.sections_without_questions == []
    assert len(report.sections) >= 20


def test_all_codedeploy_codes_both_directions() -> None:
    codes = re.findall(r"^\| `([A-Z_]+)`", (REPO / NOTES).read_text(encoding="utf-8"), re.M)
    assert len(codes) == 10
    bank = load_bank(BANK)
    for code in codes:
        asked_for = [q for q in bank.questions if q.choices[q.answer] == code]
        asked_about = [q for q in bank.questions if re.search(rf"\b{code}\b", q.prompt)]
        assert asked_for, code
        assert asked_about, code


def test_capacity_questions_are_correct() -> None:
    bank = load_bank(BANK)
    qs = [q for q in bank.questions if q.id.startswith("ddb-")]
    assert len(qs) >= 10
    for q in qs:
        m = re.search(r"performs (\d+) (.+?) per second on items of ([\d.]+) KB", q.prompt)
        assert m, q.prompt
        rate, what, size = int(m.group(1)), m.group(2), float(m.group(3))
        # the rules, written out independently: read unit 4 KB, write unit 1 KB, sizes round
        # up per item; eventually consistent = half, transactional = double
        units = math.ceil(size / (4 if "read" in what else 1))
        if what.startswith("eventually"):
            want = math.ceil(units * rate / 2)
        elif what.startswith("transactional"):
            want = 2 * units * rate
        else:
            want = units * rate
        assert int(q.choices[q.answer]) == want, q.prompt
        assert len(set(q.choices)) == len(q.choices) >= 3


def test_no_media_giveaways_and_lang() -> None:
    bank = load_bank(BANK)
    for q in bank.questions:
        text = " ".join([q.prompt, q.explanation, *q.choices])
        assert "http" not in text and "![" not in text and "TODO" not in text
        if q.kind == "choice" and q.choices[0] != "A":
            assert q.choices[q.answer].casefold() not in q.prompt.casefold(), q.id
        has_cjk = re.search(r"[\u4e00-\u9fff]", q.prompt) is not None
        assert q.lang == ("zh" if has_cjk else "en"), q.id
        assert q.explanation and q.source is not None and q.source.line
