"""Two classes of the unseen reviews of session 38: an arrow after a listed set speaks of the
whole set ("environment bucket: `dags/`, `plugins/`, `data/`, `logs/` → drop DAG .py in …/dags/"
was asked as what logs/ is), and a column filing rows by a syllabus's objective numbers
("|!Obj|!Title|!Weight|" over 101.2, 101.3, …) keyed eight "Which title has the obj 101.2?"."""

from __future__ import annotations

import pytest

from questions.facts.enumerations import enumeration
from questions.generate import generate_document
from questions.tables import is_index_column


def test_what_follows_an_arrow_after_a_set_is_no_members_description() -> None:
    e = enumeration(
        "environment bucket: dags/, plugins/, data/, logs/ → drop a DAG file in dags/",
        ("dags/", "plugins/", "data/", "logs/"),
    )
    assert e is not None
    assert [m.name for m in e.members] == ["dags/", "plugins/", "data/", "logs/"]
    assert all(not m.description for m in e.members), e.members
    assert e.tail == "drop a DAG file in dags/"


@pytest.mark.parametrize(
    ("header", "values"),
    [("Obj", ["101.2", "101.3", "102.2", "104.7"]), ("§", ["3", "3.1", "3.2", "4"]),
     ("**Section**", ["1.1", "1.2", "2.1"]), ("章节", ["1", "2", "3"])],
)  # fmt: skip
def test_a_syllabus_place_files_the_row(header: str, values: list[str]) -> None:
    assert is_index_column(header, values)


@pytest.mark.parametrize(
    ("header", "values"),
    [("Version", ["1.1", "1.2", "1.3"]), ("Obj", ["101.3", "101.2", "102.2"]),
     ("Section", ["Intro", "Setup", "Usage"])],
)  # fmt: skip
def test_no_syllabus_place(header: str, values: list[str]) -> None:
    assert not is_index_column(header, values)


NOTES = """# LPIC-1 notes

## Objectives I'm covering

| Obj | Title | Weight |
|---|---|---|
| 101.2 | Boot the system | 3 |
| 101.3 | Change runlevels and boot targets | 3 |
| 102.2 | Install a boot manager | 2 |
| 102.3 | Manage shared libraries | 1 |
| 102.4 | Use Debian package management | 3 |
"""


def test_no_question_is_keyed_by_an_objective_number() -> None:
    asked = [q for _, q in generate_document("lpic.md", NOTES).chosen]
    for q in asked:
        text = " ".join([q.prompt, *q.choices])
        assert "101.2" not in text and "102.4" not in text, text


CHAPTER = """# Chapter 2: The OSI model

## Learning Objectives

- **1.1** Explain concepts related to the Open Systems Interconnection (OSI) reference model.
- **1.4** Explain common networking ports, protocols, services, and traffic types.
- **1.5** Compare and contrast transmission media and transceivers.

## Key Terms

- **frame** — the PDU of the Data Link layer
- **packet** — the PDU of the Network layer
- **segment** — the PDU of the Transport layer
- **bit** — the PDU of the Physical layer
"""


def test_a_chapters_learning_objectives_are_its_syllabus() -> None:
    # (a textbook chapter's end matter, session 38: "Which of these Explain concepts related
    # to the OSI reference model?" → 1.1)
    result = generate_document("ch2.md", CHAPTER)
    assert any(n.reason == "learning objectives" for n in result.doc.noise), result.doc.noise
    asked = [q for _, q in result.chosen]
    assert asked, "the key terms are asked"
    for q in asked:
        assert "1.1" not in q.choices and "Explain" not in q.prompt, q.prompt


KEYS = """# Chapter 2 review

## Key Terms

- **frame** — the PDU of the Data Link layer
- **packet** — the PDU of the Network layer
- **segment** — the PDU of the Transport layer

## Answer Key

1. B. SSH uses TCP 22; 21 is FTP control, 23 is Telnet, 3389 is RDP.
2. C. 802.11g runs at 2.4 GHz and 54 Mbps; 802.11a is 5 GHz.
3. A. Cat 6a reaches 100 m at 10 Gbps.
"""


def test_an_answer_keys_lines_are_no_notes() -> None:
    # (a textbook's answer key, session 38: "Fill in the blank: B. SSH uses TCP 22; ___ is
    # FTP control")
    result = generate_document("ch2.md", KEYS)
    keys = [n for n in result.doc.noise if n.reason == "answer key"]
    assert len(keys) == 3, result.doc.noise
    for _, q in result.chosen:
        assert not q.prompt.split(": ", 1)[-1].startswith(("A. ", "B. ", "C. ")), q.prompt
