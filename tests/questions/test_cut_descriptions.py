"""A description cut to take out the word that names its term must still name one thing: cut to
what a sibling's own description also says, it is not asked."""

from __future__ import annotations

from questions.generate import generate_document

STRATEGIES = """# Release engineering

**Release strategy**

- **Recreate** – Stop every old instance first, then start the new version on the same machines.
- **Rolling** – Replace the instances a few at a time, keeping the rest of them in service.
- **Green fleet** – Start the new version on a separate set of machines.
- **Mirroring** – Start the new version on a separate set of machines and mirror live requests to it for comparison.
"""


def test_a_description_cut_to_a_siblings_words_is_not_asked() -> None:
    """Mirroring's description loses "mirror live requests …" (its own name) and what is left is
    Green fleet's description: no question of Mirroring quotes it, whatever options it gets
    (the notes player catches it only when Green fleet happens to be offered)."""
    r = generate_document("t.md", STRATEGIES)
    cut = [c.prompt for c in r.candidates
           if c.style == "reverse" and c.options[c.answer] == "Mirroring"]  # fmt: skip
    assert not any("separate set" in p for p in cut), cut
