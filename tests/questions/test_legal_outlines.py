"""A law student's outline typed in a plain editor (unseen review of session 37, SQE1 contract
law): "1.  FORMATION -- OFFER" chapters, "1.2 Offer v invitation to treat" sections, "(a)" and
"(iv)" points, lines wrapped by hand and English case citations. Read as one section, 119 of
129 questions were broken: a report's page or volume blanked ("1 QB ___"), the outline's own
numbers asked ("___ Termination of offer" → 1.3), "SGA 1979 s.57" read as 1979 seconds."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.outline import outline_as_markdown
from questions.quantities import numbers_in
from questions.values import in_citation, number_role

NOTES = """CONTRACT LAW -- revision outline
________________________________________________
v2  last edited 03/02

1.  FORMATION -- OFFER
1.1 Definition: an expression of willingness to contract on specified terms, made with the
    intention that it is to become binding as soon as it is accepted.
1.2 Offer v invitation to treat
    (a) Adverts = generally ITT: Partridge v Crittenden [1968] 1 WLR 1204 (bramblefinch, 25s each).
    (b) Unilateral offer where clear intention to be bound: Carlill v Carbolic Smoke Ball Co [1893]
        1 QB 256 (£100 reward; £1,000 deposited with the bank).
    (c) Goods in shop window = ITT: Fisher v Bell [1961] 1 QB 394 (flick knife).
    NB: auctions - the bid is the offer, fall of the hammer = acceptance (SGA 1979 s.57(2)).
1.3 Termination of offer
    (a) Revocation must be communicated before acceptance: Byrne v Van Tienhoven (1880) 5 CPD 344.
    (b) Counter-offer destroys the original offer: Hyde v Wrench (1840) 3 Beav 334.
    (c) Lapse after a fixed or a reasonable time: Ramsgate Hotel v Montefiore (1866) LR 1 Ex 109.
______________________________________________________________________________
2.  REMEDIES FOR GOODS
2.1 Rights under the Consumer Rights Act 2015
    (a) Short-term right to reject - 30 days (s.22(3)), shorter for perishables.
    (b) Refund within 14 days of the trader agreeing (s.20(15)), no deduction for use.
    (c) A fault appearing within 6 months is presumed present at delivery (s.19(14)).
    (d) Price reduction (s.56) can be up to 100%.
2.2 Limitation
    (i)  Simple contract: 6 years from breach (LA 1980 s.5).
    (ii) Deed: 12 years (LA 1980 s.8).
"""


def test_chapters_sections_and_points_are_read() -> None:
    doc = parse_document(NOTES, "law.md")
    headings = [s.heading for s in doc.sections if s.level]
    for h in ("FORMATION -- OFFER", "Offer v invitation to treat", "Termination of offer"):
        assert h in headings, headings
    assert "Limitation" in headings
    texts = [b.text for b in doc.content]
    # a line wrapped by hand goes on with its point, no note of its own
    carlill = next(t for t in texts if "Carlill" in t)
    assert "1 QB 256 (£100 reward" in carlill, carlill
    assert not any(t.startswith(("1 QB", "(a)", "1.1", "___")) for t in texts), texts
    assert any(t.startswith("Definition: an expression of willingness") for t in texts), texts


def test_lines_stay_on_their_lines() -> None:
    lines = NOTES.split("\n")
    out, _ = outline_as_markdown(lines)
    assert len(out) == len(lines)
    assert out[lines.index("1.3 Termination of offer")] == "### Termination of offer"
    assert out[1] == ""  # a typed separator


def test_a_citation_number_and_an_outline_number_are_never_asked() -> None:
    result = generate_document("law.md", NOTES)
    asked = [q for _, q in result.chosen if q.choices]
    assert asked
    keys = {q.choices[q.answer] for q in asked}
    for number in ("256", "394", "1204", "344", "334", "109", "1893", "1961", "1.2", "1.3", "2.1"):
        assert number not in keys, [q.prompt for q in asked]
    assert not [k for k in keys if k.endswith(" s")], keys  # "1979 s" of "SGA 1979 s.57"
    assert {"30 days", "14 days", "6 months"} & keys, [q.prompt for q in asked]


def test_a_section_sign_after_a_year_is_no_unit() -> None:
    year = numbers_in("SGA 1979 s.57(2)")[0]
    assert (year.text, year.unit) == ("1979", "")
    assert numbers_in("times out after 5 s.")[0].unit == "s"


def test_the_numbers_of_a_citation() -> None:
    sentence = "Felthouse v Bindley (1862) 11 CB (NS) 869 and Pinnel's Case (1602) 5 Co Rep 117a"
    cited = [n.text for n in numbers_in(sentence) if in_citation(sentence, n)]
    assert cited == ["1862", "11", "869", "1602", "5"], cited  # "117a" is no number at all
    plain = "3 AZs (2020) and 5 replicas"
    assert not [n for n in numbers_in(plain) if in_citation(plain, n)]


def test_a_numbered_list_inside_a_chapter_is_no_chapter() -> None:
    text = """Guide
1 Key concepts
1.1 Value
Value is what the consumer perceives.
2 Practices
2.1 Steps
1. Plan the work
3. Review the work
2.2 Roles
A role is a set of responsibilities.
"""
    lines = text.split("\n")
    out, _ = outline_as_markdown(lines)
    assert out[lines.index("3. Review the work")] == "3. Review the work"
    assert out[lines.index("2.2 Roles")] == "### Roles"


def test_a_writers_label_is_no_term() -> None:
    """ "1.1 Definition: an expression of willingness …" keyed "Definition" among outline
    labels; "(b) Confirmed: Tekdata …" keyed "Confirmed"."""
    text = NOTES.replace(
        "    (c) Lapse after",
        "    (d) Confirmed: Tekdata v Ampenol [2009] EWCA Civ 1209.\n    (c) Lapse after",
    )
    for _, q in generate_document("law.md", text).chosen:
        assert not {"Definition", "Confirmed"} & set(q.choices), (q.prompt, q.choices)


XINGFA = """# 刑法

## 刑事责任

- 第17条：已满16周岁的人犯罪，应当负刑事责任
- 第18条：精神病人在不能辨认或者不能控制自己行为的时候造成危害结果，不负刑事责任
- 第19条：又聋又哑的人或者盲人犯罪，可以从轻、减轻或者免除处罚
- 第20条：正当防卫，不负刑事责任
- 第21条：紧急避险，不负刑事责任
- 第25条：共同犯罪是指二人以上共同故意犯罪
"""


def test_a_chinese_articles_number_is_offered_beside_the_notes_other_articles() -> None:
    """ "第___条：又聋又哑的人…" offered 8 / 16 / 32 / 64 (halves and doubles) beside 16: an
    article's number meets the notes' other articles (法考刑法, unseen review of session 37)."""
    sentence = "第19条：又聋又哑的人或者盲人犯罪"
    (n,) = [n for n in numbers_in(sentence) if n.text == "19"]
    assert number_role(sentence, n) == "code"
    cited = {"17", "18", "19", "20", "21", "25"}
    asked = [q for _, q in generate_document("xf.md", XINGFA).chosen if "第___条" in q.prompt]
    assert asked, [q.prompt for _, q in generate_document("xf.md", XINGFA).chosen]
    for q in asked:
        assert set(q.choices) <= cited, q.choices
