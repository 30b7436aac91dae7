"""Three ways a question lost what it needed: a term whose line is only a command ("one RUN:
`apt-get update && …`") offered the command as its description; "same w/ `--reserve-memory`
too big" blanked a clause that only the line before explains; and "new Point(-1, 0)" was asked
what it throws when only the snippet's own record Point says so."""

from __future__ import annotations

from questions.context_refs import refers_to_context
from questions.facts.results import code_results
from questions.generate import generate_document
from questions.parse.markdown import parse_document

DOCKERFILE = """# Docker notes

## Dockerfile instructions

- **CMD**: default command and args at run time, only the last CMD counts
- **ENTRYPOINT**: the executable, CMD becomes its args in exec form
- **ARG**: build-time only, gone at runtime, ENV persists into the container
- **ADD**: like COPY but also fetches URLs and extracts local tar files
- one RUN: `apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*`
"""

RECORD = """# Java

## Records

```java
record Point(int x, int y) {
    Point { if (x < 0) throw new IllegalArgumentException(); }
}
new Point(-1, 0);                 // throws IllegalArgumentException
Integer.parseInt("x1");           // throws NumberFormatException
```
"""


def test_a_command_is_no_description() -> None:
    for _, q in generate_document("docker.md", DOCKERFILE).chosen:
        assert not any(c.startswith("apt-get update") for c in q.choices), q.prompt


def test_same_with_points_at_the_line_before() -> None:
    assert refers_to_context("Pending: same w/ ___ too big")
    assert refers_to_context("no node fits -> Pending. same with `--reserve-memory` too big")
    assert not refers_to_context("the same image runs with two tags")


def test_a_snippets_own_type_makes_no_result() -> None:
    doc = parse_document(RECORD, "j.md")
    pairs = {r.expression for b in doc.blocks if b.kind == "code" for r in code_results(b)}
    assert 'Integer.parseInt("x1")' in pairs
    assert "new Point(-1, 0)" not in pairs


def test_a_worked_example_pointing_at_the_one_above_is_no_question() -> None:
    """ "FV of same ordinary annuity = ___" (CFA notes): the annuity's givens are on the line
    above; "the same AZ" names a place, no example."""
    from questions.context_refs import refers_to_context

    assert refers_to_context("FV of same ordinary annuity = 5,866.60")
    assert refers_to_context("Same #s, semiannual: N=10, I/Y=2")
    assert not refers_to_context("the standby sits in the same AZ as the primary")
    assert not refers_to_context("same-region read replicas")
