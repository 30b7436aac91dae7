"""Export then import gives the same questions, for every format, on the shipped bank and a
bank built to be awkward (escapes, newlines, Chinese, 2 and 5 choices, true/false).

Each format is compared on what it can carry (see each module's docstring):
yaml carries everything; csv all but source; gift all but source (lang is re-detected);
aiken prompt/choices/answer (and true/false); opentdb topic/prompt/kind, the answer and the
choices as a set (it does not record where the answer sat).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from questions.bank import BankQuestion, Source, load_bank, shipped_bank_paths
from questions.formats import FORMATS, export_text, import_text

AWKWARD = [
    BankQuestion(
        id="esc-1",
        topic="HTTP: codes/{status}",
        prompt='Which is "Not Found"? a=b, c~d, #hash, {brace}, back\\slash\nsecond line',
        choices=("404", "=200", "~301", "#500", "{503}"),
        answer=0,
        explanation='It\'s 404: see RFC 9110 § 15.5.5 = "Not Found".\nSecond line.',
        source=Source("notes/http.md", 12),
    ),
    BankQuestion(
        id="tf-1",
        topic="TCP",
        kind="truefalse",
        prompt="TCP keeps byte order.",
        choices=("True", "False"),
        answer=0,
        explanation="Sequence numbers.",
    ),
    BankQuestion(
        id="tf-2",
        topic="TCP",
        kind="truefalse",
        prompt="UDP retransmits.",
        choices=("True", "False"),
        answer=1,
    ),
    BankQuestion(
        id="zh-1",
        topic="X-Ray daemon",
        prompt="X-Ray 守护进程默认监听哪个 UDP 端口？",
        choices=("2000", "3000"),
        answer=1,
        explanation="默认监听UDP端口2000",
        lang="zh",
    ),
    BankQuestion(
        id="amp-1",
        topic="Web & HTML",
        prompt="Which entity is &amp; <b>?",
        choices=("&amp;", "&lt;", "'quote'"),
        answer=2,
        explanation="x",
    ),
]


def shipped() -> list[BankQuestion]:
    return load_bank(shipped_bank_paths()[0]).questions


def full(q: BankQuestion) -> BankQuestion:
    return q


def no_source(q: BankQuestion) -> tuple[object, ...]:
    return (q.id, q.topic, q.kind, q.prompt, q.choices, q.answer, q.explanation, q.lang)


def gift_view(q: BankQuestion) -> tuple[object, ...]:
    return (q.id, q.topic, q.kind, q.prompt, q.choices, q.answer, q.explanation)


def aiken_view(q: BankQuestion) -> tuple[object, ...]:
    # a prompt holding option-like lines comes back as one line (see aiken._prompt_text)
    prompt = " ".join(q.prompt.split()) if "\nA. " in q.prompt else q.prompt
    return (q.kind, prompt, q.choices, q.answer)


def opentdb_view(q: BankQuestion) -> tuple[object, ...]:
    return (q.topic, q.kind, q.prompt, frozenset(q.choices), q.answer_text)


VIEWS: dict[str, Callable[[BankQuestion], object]] = {
    "yaml": full,
    "csv": no_source,
    "gift": gift_view,
    "aiken": aiken_view,
    "opentdb": opentdb_view,
}


def test_every_format_has_a_view() -> None:
    assert set(VIEWS) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("bank", ["shipped", "awkward"])
def test_round_trip(fmt: str, bank: str) -> None:
    questions = shipped() if bank == "shipped" else AWKWARD
    text = export_text(questions, fmt, bank="team-bank")
    result = import_text(text, fmt, name=f"export.{fmt}", bank="team-bank")
    view = VIEWS[fmt]
    assert [view(q) for q in result.questions] == [view(q) for q in questions]
    assert result.skipped == []
    # and a second trip changes nothing at all
    again = import_text(export_text(result.questions, fmt, bank="team-bank"), fmt)
    assert again.questions == result.questions


def test_gift_round_trip_keeps_lang_when_detectable() -> None:
    text = export_text(AWKWARD, "gift", bank="b")
    langs = [q.lang for q in import_text(text, "gift").questions]
    assert langs == [q.lang for q in AWKWARD]


def test_yaml_round_trip_is_byte_stable() -> None:
    text = export_text(shipped(), "yaml", bank="aws")
    assert export_text(import_text(text, "yaml").questions, "yaml", bank="aws") == text


def test_csv_round_trip_without_source_equals_question_minus_source() -> None:
    text = export_text(AWKWARD, "csv", bank="b")
    assert import_text(text, "csv").questions == [replace(q, source=None) for q in AWKWARD]
