"""Notes on a law: articles cited as "Art. 33", paragraphs as "30(5)", a timeline of years
("1995 — Directive 95/46/EC"), dates ("applies from 25 May 2018"), and country names with
abbreviations ("Rep. of Korea"). An article's kin are the notes' other articles, a year's the
years around it, a day's other days; an abbreviation's dot ends no sentence."""

from __future__ import annotations

import pytest

from questions.facts.topics import heading_acronyms
from questions.generate import generate_document
from questions.parse.hedges import estimated_share
from questions.parse.markdown import parse_document
from questions.text import split_sentences
from questions.values import calendar_part, number_role, numbers_in

LAW = """# Data protection law — exam notes

## 0. Timeline (they DO ask this)

- 1950 — ECHR **Art. 8** (respect for private & family life)
- 1980 — OECD Guidelines on privacy
- 1995 — Data Protection Directive 95/46/EC
- 2016 — GDPR adopted; applies from 25 May 2018

## 1. Principles and bases

- Art. 5 principles: lawfulness, fairness, transparency
- Art. 6 lawful bases: consent, contract, legal obligation
- Art. 9 special categories: health, biometrics, religion
- Art. 12 transparent information, reply within 1 month

## 2. Controllers

- Art. 24 responsibility of the controller (appropriate measures)
- Art. 28 processors: only those giving sufficient guarantees
- Art. 30 records of processing; exemption 30(5): fewer than 250 employees
- Art. 32 security of processing: encryption, pseudonymisation
- Art. 33 breach notice to the authority within 72 hours
- Art. 35 impact assessment where high risk

## 3. Transfers

- Art. 45 adequacy decisions, e.g. Japan, Rep. of Korea, New Zealand
- Art. 46 safeguards: standard contractual clauses
- Art. 49 derogations for specific situations
"""


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Art. 6(1)(f) covers legitimate interests. Art. 9 lists special data.", 2),
        ("adequacy for Japan, Rep. of Korea and Canada", 1),
        ("see Sec. 3 and Fig. 2 for details", 1),
        ("Smith et al. showed it. Then came more.", 2),
        # a history's amendments, papers and bodies ("12th Amend. (1804)" was cut to its year)
        ("Burr tie → 12th Amend. (1804, separate ballots). Then the War of 1812.", 2),
        ("Fed. No. 10 = factions controlled by a large republic", 1),
        ("1775 – Lexington (Apr 19) · 2nd Cont. Congress · Bunker Hill", 1),
        ("repeals 36°30′, pop. sovereignty → Bleeding Kansas", 1),
    ],
)
def test_an_abbreviations_dot_ends_no_sentence(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count, split_sentences(text)


def _options(prompt_part: str) -> list[str]:
    chosen = [q for _, q in generate_document("law.md", LAW).chosen]
    hits = [q for q in chosen if prompt_part in q.prompt]
    assert hits, [q.prompt for q in chosen]
    return hits[0].choices


def test_an_articles_kin_are_the_notes_other_articles() -> None:
    articles = {5, 6, 8, 9, 12, 24, 28, 30, 32, 33, 35, 45, 46, 49}
    asked = [q for _, q in generate_document("law.md", LAW).chosen if "Art. ___" in q.prompt]
    assert asked
    for q in asked:
        assert all(float(c) in articles for c in q.choices), (q.prompt, q.choices)


def test_a_paragraph_number_is_a_reference_not_a_count() -> None:
    sentence = "exemption 30(5): fewer than 250 employees"
    thirty = numbers_in(sentence)[0]
    assert thirty.text == "30"
    assert number_role(sentence, thirty) == "code"


def test_a_timelines_year_sits_among_years() -> None:
    sentence = "1995 — Data Protection Directive 95/46/EC"
    assert number_role(sentence, numbers_in(sentence)[0]) == "year"
    options = _options("— Data Protection Directive")
    assert all(1900 <= float(c) <= 2035 for c in options), options


def test_a_dates_day_sits_among_days() -> None:
    assert calendar_part("applies from 25 May 2018", "25") == "day"
    assert calendar_part("old SCCs: no new contracts from 27 Sept 2021", "27") == "day"
    assert calendar_part("250 employees", "250") == ""
    assert calendar_part("reply within 1 month", "1") == ""
    options = _options("applies from ___ May 2018")
    assert all(1 <= float(c) <= 31 for c in options), options


def test_a_small_word_in_capitals_in_a_heading_is_no_acronym() -> None:
    notes = "# N\n\n## Timeline (they DO ask this)\n\nx\n\n## DPO\n\ny\n\n## EDPB\n\nz\n"
    acronyms = heading_acronyms(parse_document(notes, "n.md").sections)
    assert set(acronyms) == {"DPO", "EDPB"}


@pytest.mark.parametrize(
    ("sentence", "share", "estimate"),
    [
        ("stuck in EXSTART → MTU mismatch 99% of the time", "99%", True),
        ("the service is available 99% of the time", "99%", False),
        ("backups succeed 95% of the time under the SLA", "95%", False),
        ("tax is 15% of the price", "15%", False),
    ],
)
def test_all_but_always_is_the_writers_estimate(sentence: str, share: str, estimate: bool) -> None:
    start = sentence.index(share)
    assert estimated_share(sentence, start, start + len(share)) is estimate


def test_a_stressed_condition_is_no_subject_of_the_next_sentence() -> None:
    from questions.facts.clause_subjects import said_before

    said = ["Commission attends **without voting rights**.", "replaced the Art. 29 WP."]
    assert said_before(said, 1, ("without voting rights",)) == ""
    assert said_before(["**EDPB** has one head per SA.", "replaced WP29."], 1, ("EDPB",)) == "EDPB"


def test_a_stressed_word_before_its_noun_is_no_subject() -> None:
    from questions.facts.clause_subjects import said_before

    said = ["risk → SA only. high risk → SA and DS.", "no risk → just log it (33(5))."]
    assert said_before(said, 1, ("high", "and")) == ""
    assert said_before(["Standard is the default tier.", "it costs more."], 1, ("Standard",)) == (
        "Standard"
    )
