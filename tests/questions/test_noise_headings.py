"""A noise section's heading ("TODO", "Resources") names no topic of the notes: it is never
offered beside the topics the other headings name (issue #13, review 16: "TODO" was an option
of "'needed next week' = ___" beside DX, NAT and VPN).
Notes: tests/questions/notes/routing-protocols-todo.md."""

from __future__ import annotations

from pathlib import Path

from questions.facts.topics import heading_acronyms
from questions.generate import generate_from_texts
from questions.parse import parse_document
from questions.parse.noise import heading_noise

NOTES = Path(__file__).parent / "notes" / "routing-protocols-todo.md"


def test_noise_headings_are_named() -> None:
    for heading in ("TODO", "## 3. TODO list", "Resources", "参考资料", "Changelog"):
        assert heading_noise(heading), heading
    for heading in ("OSPF", "Todoist API", "Resource quotas", "资源配额"):
        assert heading_noise(heading) is None, heading


def test_a_noise_heading_names_no_topic() -> None:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "n.md")
    topics = heading_acronyms(doc.sections)
    assert {"OSPF", "RIP", "EIGRP", "BGP"} <= set(topics)
    assert "TODO" not in topics


def test_no_option_is_a_noise_heading() -> None:
    bank, _ = generate_from_texts([("n.md", NOTES.read_text(encoding="utf-8"))], "b")
    topic_clozes = [q for q in bank.questions if "OSPF" in q.choices and "RIP" in q.choices]
    assert topic_clozes, [q.prompt for q in bank.questions]  # the topics are still asked
    for q in bank.questions:
        assert not {"TODO", "FIXME", "Resources"} & set(q.choices), (q.prompt, q.choices)
