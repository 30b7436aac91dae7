"""Obsidian (and Foam, Logseq, Bear) marks that are no words of the notes: tags filing a heading
or a line ("## Lambda #lambda"), wiki links ("[[DynamoDB#GSI|GSI]]") and one-line
spaced-repetition cards ("DynamoDB item size limit::400 KB"). Each is read as what it shows or
says; names written with "::" (`std::vector`, "fd00::/8") are no cards."""

from __future__ import annotations

import pytest

from questions.facts.numbers import has_own_subject
from questions.generate import generate_document
from questions.parse.inline import is_card
from questions.parse.markdown import parse_document

NOTES = """# Cram notes

## Lambda #lambda #aws

Back to [[AWS MOC]] · see [[IAM]]

- Limits #exam
  - Timeout: default **3 s**, max **900 s**
  - Memory: 128 MB to 10,240 MB, in 1 MB steps
  - Ephemeral storage: 512 MB default, configurable up to 10,240 MB
- Indexes: see [[DynamoDB#GSI|GSI]] and [[DynamoDB#LSI]]
- C# is a language; issue #42 is closed

## Queues #messaging

- visibility timeout default **30 s**, 0 s – **12 h**; extend with `ChangeMessageVisibility`
- retention default **4 days**, up to **14 days**

DynamoDB item size limit::400 KB
SQS max long-poll wait::20 seconds
Which index can be added after table creation?::GSI only
"""


def _texts(text: str) -> list[str]:
    return [b.inline.text for b in parse_document(text, "n.md").blocks]


def test_tags_that_file_a_heading_or_a_line_are_no_words_of_it() -> None:
    doc = parse_document(NOTES, "n.md")
    assert [s.heading for s in doc.sections if s.heading] == ["Lambda", "Queues"]
    texts = _texts(NOTES)
    assert "Limits" in texts
    # "C#" and "#42" are no tags
    assert "C# is a language; issue #42 is closed" in texts
    prompts = [q.prompt for _, q in generate_document("n.md", NOTES).chosen]
    assert prompts and not [p for p in prompts if "#lambda" in p or "#messaging" in p], prompts


def test_a_wiki_link_reads_as_the_words_it_shows() -> None:
    texts = _texts(NOTES)
    assert "Indexes: see GSI and DynamoDB > LSI" in texts
    assert not [t for t in texts if "[[" in t]
    # a line of links only goes where links go: no statement
    (back,) = [b for b in parse_document(NOTES, "n.md").blocks if b.text.startswith("Back to")]
    assert back.inline.links == 2 and back.text == "Back to AWS MOC · see IAM"


def test_one_line_cards_are_read_one_a_line() -> None:
    texts = _texts(NOTES)
    assert "DynamoDB item size limit: 400 KB" in texts
    assert "SQS max long-poll wait: 20 seconds" in texts
    keyed = {q.choices[q.answer] for _, q in generate_document("n.md", NOTES).chosen}
    assert "400 KB" in keyed, keyed


@pytest.mark.parametrize(
    "line",
    [
        "use std::vector for arrays",
        "in practice fd00::/8; ~private",
        "loopback is ::1",
        "a b c::d::e",
        "Redis::Cluster",
    ],
)
def test_names_and_addresses_written_with_colons_are_no_cards(line: str) -> None:
    assert not is_card(line)


@pytest.mark.parametrize(
    "line",
    ["DynamoDB item size limit::400 KB", "Which index?::GSI", "Max RCU per partition:::3000"],
)
def test_a_card_has_a_front_of_words_or_a_question(line: str) -> None:
    assert is_card(line)


def test_a_range_opening_a_clause_is_no_subject_of_a_statement() -> None:
    statements = [
        q.prompt for _, q in generate_document("n.md", NOTES).chosen if q.choices[0] == "True"
    ]
    assert not [s for s in statements if "True or false: 0 s" in s or ": 3 s –" in s], statements
    # the clause a true/false would state: a range, and what to do, with no subject
    assert not has_own_subject("0 s – 12 h; extend with ChangeMessageVisibility")
    assert has_own_subject("shared_buffers – 25 % of RAM")


REMARKS = """# Limits

## Queues

- message size 256 KB[^1]; bigger → use the extended client library
- visibility timeout default 30 s[^2]

## Gateway

- integration timeout 50 ms – 29 s[^3]

[^1]: Classic exam number; the service raised the max to 1 MB in 2025.
[^2]: Can be extended per message with ChangeMessageVisibility.
[^3]: Default max; since 2024 regional APIs can request more. Exam answer = 29 s.
"""


def test_a_footnote_on_what_the_exam_expects_or_since_when_is_a_remark() -> None:
    doc = parse_document(REMARKS, "r.md")
    noise = {b.text[:20]: b.noise for b in doc.blocks}
    assert noise["Classic exam number;"] == "footnote remark", noise
    assert noise["Default max; since 2"] == "footnote remark", noise
    # a footnote that says more of its line is read, in the line's section
    (extended,) = [b for b in doc.blocks if b.text.startswith("Can be extended")]
    assert extended.noise is None and extended.section.heading == "Queues"


def test_a_card_whose_front_asks_in_chinese_is_a_flashcard() -> None:
    notes = "# 笔记\n\n## 索引\n\n哪种索引建表后还能再加？::GSI\n\n- LSI 只能建表时建\n"
    (card,) = [b for b in parse_document(notes, "c.md").blocks if "索引建表后" in b.text]
    assert card.noise is not None, card  # a reply of a word, asked nothing without its question
    assert "::" not in card.text
