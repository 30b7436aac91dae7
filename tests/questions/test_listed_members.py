"""A sentence that singles out one member of a list its paragraph writes out is asked as a cloze
among that list's members: the notes' own alternatives for that very slot."""

from __future__ import annotations

from questions.generate import generate_document

LOGGING = """# Ops notes

## Logging

Each log line carries a timestamp, a level, and a message. Alerts are routed to the on-call channel by the level of each line.
"""

PROBES = """# Ops notes

## Health checks

The kubelet runs liveness, readiness, and startup probes. It restarts a container whose liveness probe fails three times in a row.
"""

PLAIN = """# Ops notes

## Logging

Each log line carries a timestamp, a level, and a message. Alerts quote the level and the message of each line.
"""


def _clozes(notes: str) -> list[tuple[str, tuple[str, ...], int]]:
    r = generate_document("t.md", notes)
    return [(c.prompt, c.options, c.answer) for c, _ in r.chosen if c.style == "cloze"]


def test_the_singled_out_member_is_blanked_among_the_lists_other_members() -> None:
    ((prompt, options, answer),) = _clozes(LOGGING)
    # the sentence names nothing of its own: its section, the card's topic, says what it is about
    ((topic, _),) = [(q.topic, q) for c, q in generate_document("t.md", LOGGING).chosen]
    assert (topic, prompt) == (
        "Logging",
        "Fill in the blank: Alerts are routed to the on-call channel by the ___ of each line.",
    )
    assert options[answer] == "level"
    assert sorted(options) == ["level", "message", "timestamp"]


def test_a_head_the_members_share_is_no_member() -> None:
    """ "liveness, readiness, and startup probes": "startup probes" would not fit the blank of
    "whose ___ probe fails"; the list's last word is the head all three share."""
    r = generate_document("t.md", PROBES)
    asked = [c.options for c in r.candidates if c.fact.role == "listed"]
    assert not any("startup probes" in o for o in asked), asked


def test_a_sentence_naming_two_members_singles_none_out() -> None:
    """ "the level and the message": either blank leaves the other member in the stem."""
    r = generate_document("t.md", PLAIN)
    assert not [f for f in r.facts if f.role == "listed"]
