"""The wrong options of "which step comes right after X?" are the steps around the answer:
the first three steps of a long procedure are plainly not what follows its sixth (a review of
a 60-second triage list offered uptime, dmesg and vmstat after iostat)."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Release runbook

## Cutting a release

1. Freeze the main branch
2. Bump the version file
3. Write the changelog entry
4. Tag the commit
5. Build the artifacts
6. Sign the artifacts
7. Upload to the registry
8. Announce on the mailing list
"""

STEPS = [
    "Freeze the main branch", "Bump the version file", "Write the changelog entry",
    "Tag the commit", "Build the artifacts", "Sign the artifacts", "Upload to the registry",
    "Announce on the mailing list",
]  # fmt: skip


def test_wrong_steps_are_near_the_answer() -> None:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    asked = [q for q in chosen if "comes right after" in q.prompt]
    assert len(asked) >= 4, [q.prompt for q in chosen]
    for q in asked:
        key = STEPS.index(q.choices[q.answer])
        for option in q.choices:
            assert abs(STEPS.index(option) - key) <= 4, (q.prompt, q.choices)
