"""A description that writes its own term's name ("the fewest open connections" of Least
connections, "消费者" of Consumer prefetch) and cannot lose the words that do without losing
what singles the term out is not asked by that description. Sessions 19-39 asked it with the
naming words blanked ("Send each request to the server with the fewest open … right now");
session 40's review read 10 of 11 such gaps as holes ("fail closed if … backend unreachable",
"users with the special s3:… permission"), broken or too easy. On notes written here: a list
of named methods, Chinese headings that carry a term and its gloss, and sections whose one
line describes the heading's service, with an aside naming what cannot do it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from questions.cues import spliced
from questions.text import lemma
from tests.questions.own_notes import asked

_QUOTED = re.compile(r"“([^”]*)”")
_NOTES = Path(__file__).parent / "notes"
_NAMES = ("load-balancing-methods.md", "mq-zh-headings.md", "platform-services.md")


def _by_key(name: str) -> dict[str, str]:
    return {q.choices[q.answer]: q.prompt for q in asked(name)}


def _name_words(key: str) -> set[str]:
    return {lemma(w.lower()) for w in re.findall(r"[A-Za-z]{3,}", key)}


def test_a_description_that_names_its_term_and_cannot_be_cut_is_not_asked_by_it() -> None:
    """Cut, "Send each request to the server with the fewest open connections right now, which
    suits long uploads" would say the server suits long uploads: Least connections is not asked
    by it. A description that loses its naming words from its end (Weighted) or a clause before
    the rest (IP hash) is still cut and asked."""
    prompts = _by_key("load-balancing-methods.md")
    assert "Least connections" not in prompts, prompts
    for key in ("IP hash", "Weighted"):
        said = {lemma(w.lower()) for w in re.findall(r"[A-Za-z]{3,}", prompts[key])}
        assert not said & _name_words(key), (key, prompts[key])
    zh = _by_key("mq-zh-headings.md")
    assert zh and "Consumer prefetch" not in zh and "Quorum queue" not in zh, zh
    assert "Certificate Manager" not in _by_key("platform-services.md")


@pytest.mark.parametrize("name", _NAMES)
def test_no_quoted_description_has_a_gap_the_notes_did_not_write(name: str) -> None:
    notes = (_NOTES / name).read_text(encoding="utf-8")
    for prompt in _by_key(name).values():
        for quoted in _QUOTED.findall(prompt):
            assert "…" not in quoted or "…" in notes, prompt


def test_a_cut_from_inside_a_sentence_is_spliced() -> None:
    desc = "Send each request to the server with the fewest open jobs, which suits long uploads."
    assert spliced(desc, "Send each request to the server, which suits long uploads")
    assert not spliced(desc, "Send each request to the server with the fewest open jobs")
    two = "Copies every block twice (slow). Reads come from either copy."
    assert not spliced(two, "Reads come from either copy")
    assert not spliced(two, "Copies every block twice")
