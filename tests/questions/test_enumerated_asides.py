"""A number in the aside of one member of an enumeration ("kinds: `http` (healthy = status
200-299), `tcp` (port open within 5 s), `script` (exit code 0)") is asked from that member
alone, under its section: the label before the list and the members after it are other
things ("mechanisms: httpGet (… ___), tcpSocket (port accepts a connection)", a review)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.numbers import clause

SENTENCE = (
    "kinds: `http` (healthy = status 200-299), `tcp` (port open within 5 s), "
    "`script` (exit code 0), `grpc`"
)
NOTES = f"""# Load balancer notes

## Health checks

{SENTENCE}

- unhealthy after 3 failed checks in a row
- checks run every 30 s by default
"""


def test_the_member_holding_the_number_is_cut_alone() -> None:
    text = SENTENCE.replace("`", "")
    assert clause(text, "5 s") == "tcp (port open within 5 s)"
    assert clause(text, "200-299") == "http (healthy = status 200-299)"


def test_a_sentence_of_no_enumeration_is_kept() -> None:
    text = "unhealthy after 3 failed checks in a row, then removed from the pool (no traffic)"
    assert clause(text, "3") == text


def test_the_cloze_reads_under_its_section() -> None:
    prompts = [q.prompt for _, q in generate_document("t.md", NOTES).chosen]
    (asked,) = [p for p in prompts if "status ___" in p]
    assert asked.endswith("Health checks: http (healthy = status ___)"), asked
