"""Number options of an identifier's own form (review 8, class 4): a release beside the
releases around it, never past the newest the notes name (no invented 5.0, 6.0, 8.0); a port
of a list of ports beside ports that exist (review 13), not round quantities; and an unround key
(168 hours) beside at least one option as unround, so it is not the odd one out."""

from __future__ import annotations

from questions.candidate import Candidate
from questions.generate import generate_document
from questions.values import parse_number

QUEUE = """# Relay broker notes

## Versions

- The old ZooKeeper-free mode shipped as preview in 2.8 and was declared stable in 3.3.
- Tiered storage went to general availability in 3.9; before that it was an opt-in preview.

## Network

- Broker ports: 7070 (plain clients), 7071 reserved for the replication channel between brokers.

## Retention

- `retention.check.hours`: 168 — the cleaner wakes up once per period to drop expired files.
"""


def _asked(notes: str, key: str) -> list[Candidate]:
    r = generate_document("t.md", notes)
    return [c for c in r.candidates if c.generator == "number" and c.answer_text == key]


def test_a_release_is_offered_beside_the_releases_around_it() -> None:
    asked = _asked(QUEUE, "3.9")
    assert asked
    for c in asked:
        values = [float(o) for o in c.options]
        assert all(o.count(".") == 1 for o in c.options), c.options
        # never past one minor step beyond the newest release the notes name (3.9)
        assert max(values) <= 4.0 + 1e-9, c.options
        written = {"2.8", "3.3", "3.9"}
        assert all(
            o in written or abs(x - 3.9) <= 0.3 + 1e-9
            for o, x in zip(c.options, values, strict=True)
        ), c.options


def test_a_port_whose_only_neighbour_is_in_its_stem_is_not_asked() -> None:
    # review 13 overrode review 8: ports made up around the key (9098, 9099, 9102 beside 9100)
    # leave the key the one round port, so a port is offered only beside ports that exist; the
    # stem writes 7070, and with no other port of that range the key would be the one beside it
    assert not _asked(QUEUE, "7071")


def test_an_unround_key_is_never_the_only_unround_option() -> None:
    asked = _asked(QUEUE, "168")
    assert asked
    for c in asked:
        digits = [len(str(int(n.value)).rstrip("0")) for o in c.options if (n := parse_number(o))]
        key = digits[c.answer]
        assert any(d >= key for i, d in enumerate(digits) if i != c.answer), c.options


def test_a_major_release_is_offered_beside_the_majors_the_notes_name() -> None:
    """ "ES ___ 起默认 BM25" (5.0) was offered 3.0 and 4.0, releases the product skipped (review
    16): a major is offered beside the majors the notes name in any form ("2.x", "7.9")."""
    from questions.distractors import _releases

    assert set(_releases("5.0", ["5.0", "7.9"], {2, 6, 7, 8})) == {2.0, 6.0, 7.0, 8.0}
    # too few named: the majors before it, as before
    assert set(_releases("5.0", ["5.0"], {5})) == {2.0, 3.0, 4.0}
    notes = (
        "# Search engine notes\n\n> based on 7.x / 8.x; 6.x and before differ\n\n## Scoring\n\n"
        "- relevance: BM25 is the default since 5.0 (TF-IDF before), k1=1.2\n"
        "- 7.9+ configures roles with node.roles\n"
    )
    for _, q in generate_document("n.md", notes).chosen:
        if q.choices[q.answer] == "5.0":
            assert not {"3.0", "4.0"} & set(q.choices), q.choices
            break
    else:
        raise AssertionError("the release is not asked")
