"""Import and export through the database: all or nothing, idempotent, round trips per format."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.curation.drafts import QuestionDraft
from bot.core.curation.views import import_notice
from bot.core.errors import ImportRejected, ValidationFailed
from questions.bank import BankQuestion, Source, dump_bank
from questions.formats import FORMATS, export_text, import_text
from tests.core.curation.support import BOSS, OTHER_BOSS, count_questions, service, snapshot
from tests.helpers import load_questions, sample_questions

DATA = Path(__file__).parents[2] / "questions" / "formats" / "data"

AWKWARD = [
    BankQuestion(
        id="esc-1",
        topic="HTTP: codes/{status}",
        prompt='Which is "Not Found"? a=b, c~d, #hash, {brace}\nsecond line',
        choices=("404", "=200", "~301", "#500", "{503}"),
        answer=0,
        explanation="It's 404.\nSecond line.",
        source=Source("notes/http.md", 12),
    ),
    BankQuestion(
        id="tf-1",
        topic="TCP",
        kind="truefalse",
        prompt="UDP retransmits.",
        choices=("True", "False"),
        answer=1,
        explanation="It does not.",
    ),
    BankQuestion(
        id="zh-1",
        topic="X-Ray",
        prompt="X-Ray 守护进程默认监听哪个 UDP 端口？",
        choices=("2000", "3000"),
        answer=0,
        lang="zh",
    ),
    BankQuestion(
        id="amp-1",
        topic="Web & HTML",
        prompt="Which entity is &amp; <b>?",
        choices=("&amp;", "&lt;", "'quote'"),
        answer=0,
    ),
]


def carried(fmt: str, q: BankQuestion) -> tuple[object, ...]:
    """What each format carries (see questions/formats module docstrings)."""
    if fmt == "aiken":
        return (q.prompt, q.choices, q.answer)
    if fmt == "opentdb":
        return (q.topic, q.prompt, q.kind, q.choices[q.answer], frozenset(q.choices))
    return (q.topic, q.kind, q.prompt, q.choices, q.answer, q.explanation)


def fifty_with_three_bad() -> str:
    qs = [BankQuestion(f"q{i}", "T", f"Prompt {i}?", (f"a{i}", f"b{i}"), 0) for i in range(50)]
    text = dump_bank_text(qs)
    text = text.replace("prompt: Prompt 7?", "prompt: ''")
    text = text.replace(
        "answer: 0\n  explanation: ''\n  lang: en\n- id: q20",
        "answer: 5\n  explanation: ''\n  lang: en\n- id: q20",
    )
    text = text.replace("- b33\n", "- a33\n")
    return text


def dump_bank_text(qs: list[BankQuestion]) -> str:
    from questions.bank import Bank

    return dump_bank(Bank("fifty", qs))


async def test_three_bad_among_fifty_are_all_reported_and_none_added(repo):
    text = fifty_with_three_bad()
    with pytest.raises(ImportRejected) as err:
        await service(repo).import_questions(BOSS, text, filename="fifty.yaml")
    problems = err.value.problems
    assert {p.question for p in problems} == {"q7", "q19", "q33"}
    assert all(p.line is not None for p in problems)
    assert {p.field for p in problems} == {"prompt", "answer", "choices"}
    assert "q7" in err.value.message and "line" in err.value.message
    assert await count_questions(repo) == 0
    assert await service(repo).history(BOSS) == []


async def test_reimporting_the_same_file_adds_nothing(repo):
    admin = service(repo)
    text = (DATA / "moodle_course_export.gift").read_text()
    first = await admin.import_questions(BOSS, text, filename="course.gift")
    assert (first.added, first.updated, first.unchanged) == (5, 0, 0)
    before = await snapshot(repo)
    again = await admin.import_questions(BOSS, text, filename="course.gift")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert await snapshot(repo) == before


async def test_changed_content_under_the_same_id_is_updated(repo):
    admin = service(repo)
    await admin.import_questions(BOSS, "// [id:a1]\nWhat is 1+1?{=2 ~3}", fmt="gift")
    report = await admin.import_questions(BOSS, "// [id:a1]\nWhat is 1+1?{=2 ~3 ~4}", fmt="gift")
    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    page = await admin.list_questions(BOSS)
    assert page.items[0].rec.choices == ("2", "3", "4")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.gift")))
async def test_real_world_gift_files_import(repo, name):
    text = (DATA / name).read_text()
    expected = import_text(text, "gift", name=name)
    report = await service(repo).import_questions(BOSS, text, filename=name)
    assert report.added == len(expected.questions) > 0
    assert [str(p) for p in report.skipped] == [str(p) for p in expected.skipped]
    assert await count_questions(repo, status="active") == report.added


async def test_unsupported_gift_types_are_skipped_with_reasons(repo):
    text = (DATA / "unsupported_types.gift").read_text()
    report = await service(repo).import_questions(BOSS, text, filename="mixed.gift")
    assert report.skipped
    reasons = " ".join(str(p) for p in report.skipped)
    assert "matching" in reasons and "numerical" in reasons
    notice = import_notice(report)
    assert f"{len(report.skipped)} skipped" in notice.text and "matching" in notice.text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
async def test_export_then_import_gives_the_same_questions(repo, fmt):
    admin = service(repo)
    await admin.import_questions(BOSS, export_text(AWKWARD, "yaml", bank="b"), fmt="yaml")
    exported = await admin.export_questions(BOSS, fmt, own_only=True)
    assert exported.count == len(AWKWARD) and exported.filename.endswith(FORMATS[fmt].extensions[0])
    report = await admin.import_questions(OTHER_BOSS, exported.text, fmt=fmt)
    assert report.added == len(AWKWARD)
    back = await admin.export_questions(OTHER_BOSS, fmt, own_only=True)
    ours = import_text(exported.text, fmt).questions
    theirs = import_text(back.text, fmt).questions
    assert sorted(carried(fmt, q) for q in theirs) == sorted(carried(fmt, q) for q in AWKWARD)
    assert sorted(carried(fmt, q) for q in theirs) == sorted(carried(fmt, q) for q in ours)
    # and re-importing the export into the team it came from changes nothing
    before = await snapshot(repo)
    again = await admin.import_questions(BOSS, exported.text, fmt=fmt)
    assert again.added == 0 and await snapshot(repo) == before


async def test_export_holds_own_and_shared_questions_the_team_may_be_asked(repo):
    admin = service(repo)
    await load_questions(repo, sample_questions(4))
    own = await admin.add_question(BOSS, QuestionDraft("Own one?", ("x", "y"), 1))
    await admin.disable_question(BOSS, "q-001")
    full = import_text((await admin.export_questions(BOSS, "yaml")).text, "yaml")
    assert sorted(q.id for q in full.questions) == sorted(["q-000", "q-002", "q-003", own.uid])
    only = import_text((await admin.export_questions(BOSS, "csv", own_only=True)).text, "csv")
    assert [q.prompt for q in only.questions] == ["Own one?"]
    with pytest.raises(ValidationFailed) as err:
        await admin.export_questions(BOSS, "docx")
    assert "format" in err.value.by_field()


async def test_two_teams_importing_the_same_ids_each_keep_the_files_ids(repo):
    admin = service(repo)
    text = (DATA / "moodle_course_export.gift").read_text()
    await admin.import_questions(BOSS, text, filename="c.gift")
    report = await admin.import_questions(OTHER_BOSS, text, filename="c.gift")
    assert report.added == 5
    again = await admin.import_questions(OTHER_BOSS, text, filename="c.gift")
    assert (again.added, again.unchanged) == (0, 5)
    assert await count_questions(repo) == 10
    assert await count_questions(repo, uid="sqs-fifo-4101") == 2  # one in each team


async def test_importing_the_shared_bank_back_changes_nothing(repo):
    admin = service(repo)
    await load_questions(repo, sample_questions(3))
    exported = await admin.export_questions(BOSS, "yaml")
    report = await admin.import_questions(BOSS, exported.text, fmt="yaml")
    assert (report.added, report.unchanged) == (0, 3)


async def test_bad_format_and_unknown_extension_are_reported(repo):
    admin = service(repo)
    with pytest.raises(ImportRejected) as err:
        await admin.import_questions(BOSS, "x", filename="notes.docx")
    assert err.value.problems[0].field == "format"
    with pytest.raises(ImportRejected) as err:
        await admin.import_questions(BOSS, "{not yaml: [", fmt="yaml")
    assert err.value.problems[0].line is not None
    assert await count_questions(repo) == 0


async def test_prompts_the_team_already_has_are_reported_at_their_own_line(repo):
    """The line comes from the parser: the old search for the prompt's text found the first
    line that mentioned it (here another question's explanation) and rescanned the file for
    every problem (15,000 problems took 12 s)."""
    admin = service(repo)
    await admin.add_question(BOSS, QuestionDraft("Which port does X-Ray use?", ("2000", "3000"), 0))
    text = (
        "prompt,choice1,choice2,answer,explanation\n"
        "Which daemon?,xray,sqs,A,Which port does X-Ray use? Another question asks.\n"
        "Other?,a,b,A,\n"
        "Which port does X-Ray use?,2000,4000,A,\n"
    )
    with pytest.raises(ImportRejected) as err:
        await admin.import_questions(BOSS, text, filename="dup.csv")
    [problem] = err.value.problems
    assert (problem.line, problem.field) == (4, "prompt")
    assert problem.message.startswith("duplicates the prompt of the team's question #")
    first = "".join(f"Port {i}?,{i},{i + 1},A\n" for i in range(1500))
    await admin.import_questions(BOSS, "prompt,choice1,choice2,answer\n" + first, fmt="csv")
    again = "".join(f"Port {i}?,{i},{i + 2},A\n" for i in range(1500))  # new choices, new ids
    with pytest.raises(ImportRejected) as err:
        await admin.import_questions(BOSS, "prompt,choice1,choice2,answer\n" + again, fmt="csv")
    assert [p.line for p in err.value.problems] == list(range(2, 1502))
