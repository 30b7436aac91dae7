"""A term whose description names it is asked the other way round: the stem names the term and the
options are its kin's descriptions, each cut to a like length, the key without the naming words.
Only when that cut drops the name and nothing the description says."""

from __future__ import annotations

from questions.generate import generate_document
from questions.text import norm

MERGES = """# Git notes

## Merging

**Merge strategy**

- **Merge commit** – Combine the feature branch into main with a new commit that has two parents.
- **Squash** – Combine the feature branch into main as one new commit by squashing all of its commits together. The branch history is lost.
- **Rebase** – Replay each commit of the feature branch on top of main, keeping a linear history.
- **Fast-forward** – Move the main pointer forward to the feature branch tip when main has no new commits of its own.
- **Octopus** – Join several topic branches to main at once in a single commit with many parents.
"""


def _chosen(notes: str, subject: str) -> list[tuple[str, tuple[str, ...], int]]:
    r = generate_document("t.md", notes)
    return [(c.prompt, c.options, c.answer) for c, _ in r.chosen if c.fact.subject == subject]


def test_a_description_that_names_its_term_is_asked_as_the_terms_meaning() -> None:
    """ "… by squashing all of its commits together" names Squash: quoted, it gives the term
    away, so Squash is asked by its meaning, said without "squashing"."""
    asked = _chosen(MERGES, "Squash")
    assert len(asked) == 1, asked
    prompt, options, answer = asked[0]
    assert prompt == "Which description fits the merge strategy Squash?"
    assert options[answer] == "Combine the feature branch into main as one new commit"
    assert not any("squash" in o.casefold() for o in options), options
    # the kin's descriptions, never the key inside another option or the other way round
    assert len(options) >= 3
    keys = [norm(o) for o in options]
    assert not any(a != b and a in b for a in keys for b in keys), options


def test_the_options_are_cut_to_a_like_length() -> None:
    """Rebase's line runs past an option's length: its first clause is offered; Fast-forward's
    sentence has no clause to cut to and is left out rather than offered long."""
    ((_, options, _),) = _chosen(MERGES, "Squash")
    assert "Replay each commit of the feature branch on top of main" in options
    lengths = [len(o) for o in options]
    assert max(lengths) <= 2.5 * min(lengths), options
    assert all(len(o) <= 80 for o in options)


def test_a_cut_that_drops_what_the_description_says_is_not_asked() -> None:
    """Merge commit's line loses "a new commit that has two parents" with its name and
    Fast-forward's loses "forward to the feature branch tip …": what is left no longer says
    what the notes say of them, so neither is asked by a cut meaning."""
    r = generate_document("t.md", MERGES)
    meanings = [c for c in r.candidates if c.style == "forward"]
    subjects = {c.fact.subject for c in meanings}
    assert "Squash" in subjects
    assert not subjects & {"Merge commit", "Fast-forward"}, [
        (c.fact.subject, c.options[c.answer]) for c in meanings
    ]


SHORT_MERGES = """# Git notes

**Merge strategy**

- **Merge commit** – Combine the branch into main with a new commit that has two parents.
- **Squash** – Combine the branch into main as one new commit by squashing.
- **Rebase** – Replay each commit of the branch on top of main.
- **Cherry-pick** – Copy chosen commits onto main one at a time.
"""


def test_a_short_description_that_names_its_term_is_offered_cut_too() -> None:
    """Squash's whole line is short enough to offer as is, and so it is offered first; "by
    squashing" names the term from the stem, so the cut meaning is asked instead."""
    asked = _chosen(SHORT_MERGES, "Squash")
    assert len(asked) == 1, asked
    _, options, answer = asked[0]
    assert options[answer] == "Combine the branch into main as one new commit"
    assert not any("squash" in o.casefold() for o in options), options
