"""The issue's invariants on every bank: the development notes and notes in other shapes.

Each notes file is generated once per module; every test then checks one rule on all of them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from questions.bank import validate_bank
from questions.generate import DocumentResult, generate_document
from questions.nouns import singular_word
from questions.tables import analyse, is_index_column, polarity
from questions.text import contains, is_zh, norm
from questions.values import parse_number
from questions.vocabulary import NUMBER_ROLES

NOTES = Path(__file__).parent / "notes"
SHIPPED = Path(__file__).resolve().parents[2] / "questions/notes/aws-developer-associate.md"
FILES = [*sorted(NOTES.glob("*.md")), SHIPPED]
BROKEN_NEGATION = re.compile(
    r"\b(can|don|doesn|isn|won|aren|cannot)'?t't\b|\bnot not\b|不不|is not still|而是而是", re.I
)


@pytest.fixture(scope="module")
def results() -> dict[str, DocumentResult]:
    return {p.name: generate_document(p.name, p.read_text(encoding="utf-8")) for p in FILES}


def test_every_shape_is_generated(results: dict[str, DocumentResult]) -> None:
    assert len(FILES) >= 10
    for name, r in results.items():
        assert validate_bank([q for _, q in r.chosen]) == [], name
        if name != "links-toc.md":
            # three: three of gcp-services.md's six lines describe their service by its own
            # name ("runs managed Kubernetes clusters"), with no fair way to ask them
            assert len(r.chosen) >= 3, name


def test_no_blank_inside_a_choice(results: dict[str, DocumentResult]) -> None:
    for name, r in results.items():
        for _, q in r.chosen:
            assert not any("___" in c for c in q.choices), (name, q.prompt, q.choices)


def test_nothing_from_noise(results: dict[str, DocumentResult]) -> None:
    for name, r in results.items():
        noise_lines = {b.line for b in r.doc.blocks if b.noise is not None}
        for c, q in r.chosen:
            assert c.fact.block.noise is None, (name, q.prompt)
            assert c.fact.line not in noise_lines or c.fact.block.kind == "table", (name, q.prompt)
            text = " ".join((q.prompt, *q.choices))
            assert not re.search(r"https?://|TODO|licen[cs]e|copyright", text, re.I), (name, text)
    assert results["links-toc.md"].chosen == []


def test_never_keyed_by_a_row_number(results: dict[str, DocumentResult]) -> None:
    for name, r in results.items():
        for c, q in r.chosen:
            data = c.fact.block.table
            if data is None:
                continue
            index_values = {
                v
                for j, h in enumerate(data.header)
                if is_index_column(h, [row[j] for row in data.rows])
                for v in (row[j] for row in data.rows)
            }
            assert c.fact.subject not in index_values, (name, q.prompt)
            assert q.choices[q.answer] not in index_values, (name, q.prompt)


def _true_by_table(
    c_options: tuple[str, ...],
    fact_subject: str,
    attribute: str,
    value: str,
    table_keys: tuple[str, ...],
    column: list[str],
    style: str,
) -> int:
    """How many options the table itself makes right for the question asked."""
    if style == "reverse":
        rows = [
            i
            for i, cell in enumerate(column)
            # an empty cell (a hedge the parser took out) says nothing of its row
            if norm(cell) and (norm(value) in norm(cell) or norm(cell) in norm(value))
        ]
        return sum(1 for o in c_options if any(table_keys[i] == o for i in rows))
    if style == "forward":
        row = table_keys.index(fact_subject)
        return sum(1 for o in c_options if norm(o) == norm(column[row]))
    if style == "predicate":
        return sum(
            1 for o in c_options if o in table_keys and polarity(column[table_keys.index(o)])
        )
    if style == "minority":  # "Which service has the transport UDP?": the rows holding UDP
        return sum(
            1
            for o in c_options
            if o in table_keys and norm(column[table_keys.index(o)]) == norm(value)
        )
    return 1


def test_one_choice_true_by_the_notes_table(results: dict[str, DocumentResult]) -> None:
    checked = 0
    for name, r in results.items():
        for c, q in r.chosen:
            t = c.fact.table
            if t is None or c.generator != "table" or c.fact.column < 0:
                continue
            n = _true_by_table(q.choices, c.fact.subject, c.fact.attribute, c.fact.value, t.keys,
                               t.column(c.fact.column), c.style)  # fmt: skip
            assert n == 1, (name, q.prompt, q.choices)
            checked += 1
    assert checked >= 20


def test_no_broken_negation(results: dict[str, DocumentResult]) -> None:
    for name, r in results.items():
        for _, q in r.chosen:
            assert not BROKEN_NEGATION.search(q.prompt), (name, q.prompt)


#: a release in brackets, blanked ("(stable since ___)", "（___ 起…）") or stated in a
#: true/false ("(curl 7.66+)"): it dates a fact, and asked it is version trivia
DATED_BLANK = re.compile(r"[(（][^)）]*(?:since ___|___\s*(?:\+|起))")
DATED_RELEASE = re.compile(r"[(（][^)）]*(?:since \d+\.\d+|\d+\.\d+(?:\.\d+)?\s*(?:\+|起))")


def test_no_release_in_brackets_is_asked(results: dict[str, DocumentResult]) -> None:
    for name, r in results.items():
        for c, q in r.chosen:
            if re.search(r"(?i)release|version|版本", " ".join(c.fact.section.path)):
                continue  # a section about releases asks them
            assert not DATED_BLANK.search(q.prompt), (name, q.prompt)
            if q.kind == "truefalse":
                assert not DATED_RELEASE.search(q.prompt), (name, q.prompt)


def test_true_false_share_and_balance(results: dict[str, DocumentResult]) -> None:
    for name, r in results.items():
        tf = [q for _, q in r.chosen if q.kind == "truefalse"]
        others = len(r.chosen) - len(tf)
        if others >= 12:  # the share allows a pair: the 15 % holds
            assert len(tf) <= 0.15 * len(r.chosen), name
        else:  # short notes: one true and one false statement at most
            assert len(tf) <= 2, name
        if tf:
            true = sum(1 for q in tf if q.answer == 0)
            assert 0.4 <= true / len(tf) <= 0.6, (name, true, len(tf))


def test_no_answer_in_its_own_stem(results: dict[str, DocumentResult]) -> None:
    for name, r in results.items():
        for _, q in r.chosen:
            if q.kind != "choice":
                continue
            answer = q.choices[q.answer]
            wrong = [c for i, c in enumerate(q.choices) if i != q.answer]
            if contains(q.prompt, answer):
                assert all(contains(q.prompt, w) for w in wrong), (name, q.prompt)


def test_index_column_tables_are_still_asked(results: dict[str, DocumentResult]) -> None:
    """The ports table has a "No." column: its rows are asked by service and port instead."""
    ports = results["ports.md"]
    table_qs = [q for c, q in ports.chosen if c.generator == "table"]
    assert table_qs
    data = next(b.table for b in ports.doc.blocks if b.table is not None)
    table = analyse(data)
    assert table is not None and table.key_header == "Service"


def test_every_section_with_a_fact_is_asked(results: dict[str, DocumentResult]) -> None:
    for name in ("kubernetes-ckad.md", "postgresql-ops.md", "http-networking-zh.md"):
        r = results[name]
        with_facts = {c.fact.section.index for c in r.candidates}
        asked = {c.fact.section.index for c, _ in r.chosen}
        assert len(asked) >= 0.8 * len(with_facts), (name, len(asked), len(with_facts))


def test_no_block_over_a_quarter(results: dict[str, DocumentResult]) -> None:
    from collections import Counter

    for name, r in results.items():
        blocks = Counter(c.fact.block.id for c, _ in r.chosen)
        if len(blocks) >= 4 and len(r.chosen) >= 12:
            assert max(blocks.values()) <= max(3, 0.25 * len(r.chosen)) + 1, (name, blocks)


def test_options_are_of_one_kind(results: dict[str, DocumentResult]) -> None:
    """A number among numbers of its unit, ascending; never an answer alone in its script."""
    checked = 0
    for name, r in results.items():
        for c, q in r.chosen:
            if q.kind != "choice":
                continue
            numbers = [parse_number(o) for o in q.choices]
            if all(n is not None for n in numbers) and c.generator != "dynamodb_capacity":
                values = _in_order(q.choices) or [(n.value,) for n in numbers if n]
                assert values == sorted(values), (name, q.prompt, q.choices)  # any numeric set
            if numbers[q.answer] is not None and c.fact.kind == "number":
                assert all(n is not None for n in numbers), (name, q.prompt, q.choices)
                assert len({n.unit for n in numbers if n}) == 1, (name, q.choices)
                values = _in_order(q.choices) or [(n.value,) for n in numbers if n]
                assert values == sorted(values), (name, q.choices)
                checked += 1
            scripts = [is_zh(o) for o in q.choices]
            assert scripts.count(scripts[q.answer]) > 1 or len(set(scripts)) == 1, (name, q.choices)
    assert checked >= 20


def _in_order(options: tuple[str, ...]) -> list[tuple[float, ...]] | None:
    """Release numbers ("0.9", "0.10", "1.2.3") as their parts, which order them; None for
    other numbers. A part written with a trailing 0 ("0.10") or a third part marks releases."""
    if not all(re.fullmatch(r"\d+(\.\d+){1,3}", o) for o in options):
        return None
    if not any(o.count(".") > 1 or re.search(r"\.\d*[1-9]0$", o) for o in options):
        return None
    return [tuple(float(int(p)) for p in o.split(".")) for o in options]


def _neighbour(option: str, key: str) -> bool:
    """Three steps of the key's last written digit away at most, the major before it, or for a
    major release (4.0) another major up to three away."""
    places = len(key.split(".")[1]) if "." in key else 0
    step = 10.0**-places
    o, k = float(option), float(key)
    major = places > 0 and k == int(k) and o == int(o) and abs(o - k) <= 3
    return abs(o - k) <= 3 * step + 1e-9 or (places > 0 and o == int(k) - 1) or major


def test_identifiers_take_only_the_notes_own_values(results: dict[str, DocumentResult]) -> None:
    """A version, year, port or code is never near-missed ("PG ___" once offered 13/26/52/130):
    every option is a value the notes themselves write, a well-known port or HTTP status
    (questions.vocabulary) beside a port or status the notes give no like values for, or a
    neighbour of the key in its last written digit (a release beside a release: 3.9 and 4.1
    beside 4.0; a listener's port beside it: 9094 beside 9093)."""
    checked = 0
    for name, r in results.items():
        text = (NOTES / name if (NOTES / name).exists() else SHIPPED).read_text(encoding="utf-8")
        for c, q in r.chosen:
            role = c.fact.role.split(":")[0]
            if (
                q.kind == "choice"
                and c.fact.kind == "number"
                and role in ("version", "year", "port", "code", "key")
            ):
                for option in q.choices:
                    if option in NUMBER_ROLES.get(role, ()) and option != q.choices[q.answer]:
                        continue
                    if role in ("version", "port") and _neighbour(option, q.choices[q.answer]):
                        continue
                    assert re.search(rf"(?<![\d.]){re.escape(option)}(?![\d])", text), (
                        name,
                        q.prompt,
                        option,
                    )
                checked += 1
    assert checked >= 5


def test_stems_are_written_not_pasted(results: dict[str, DocumentResult]) -> None:
    for name, r in results.items():
        for _, q in r.chosen:
            p = q.prompt
            assert p.count("___") <= 1 and p.count("“") == p.count("”"), (name, p)
            assert not re.search(r"\b([A-Za-z]{2,}) \1\b|“\s*”|\.\.\.\?|…\?", p, re.I), (name, p)
            template = re.sub(
                r"“[^”]*”", "“”", p
            )  # the notes' own words, typos and all, are quoted
            assert not re.search(r"\ba (?=[aeiou])|\ban (?=[bcdfgjklmnpqrstvwxz])", template), p


def test_chinese_notes_are_asked_in_chinese(results: dict[str, DocumentResult]) -> None:
    for name in ("zh-only.md", "http-networking-zh.md"):
        zh = [q for _, q in results[name].chosen if q.lang == "zh"]
        assert len(zh) >= 0.8 * len(results[name].chosen), name
        for q in zh:
            assert re.search(r"[？：]|填空|判断正误", q.prompt), q.prompt


def _said(text: str) -> str:
    return " ".join(singular_word(w) for w in text.split())


def test_no_card_topic_names_its_key(results: dict[str, DocumentResult]) -> None:
    """The card shows the topic above the stem ("Question 3/10 · Layers"): a topic that holds
    the key and leaves out another option answers the question; one that holds every option
    ("TCP vs UDP") tells none of them."""

    def tells(topic: str, options: list[str], key: str) -> bool:
        said = _said(topic)
        return contains(said, key) and not all(contains(said, o) for o in options)

    moved = 0  # questions whose own heading would have told their key
    for name, r in results.items():
        for c, q in r.chosen:
            if q.kind != "choice":
                continue
            options = [_said(o) for o in q.choices]
            key = options[q.answer]
            assert not tells(q.topic, options, key), (name, q.topic, q.prompt)
            path = c.fact.section.path
            if path and tells(path[-1], options, key):
                moved += 1  # filed higher up: under a heading that points at no option
                assert not any(contains(_said(q.topic), o) for o in options), (name, q.topic)
    assert moved >= 5
