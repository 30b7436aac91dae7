"""Unseen notes review (issue #13), Terraform notes: a gotcha nested under a file's name,
"`init -upgrade` updates it", was asked "Which command updates it?", and the notes' settings
block ("default backend = local  # terraform.tfstate in working dir") was read as command
lines: "Which command is for “terraform.tfstate in working dir”?" offered four settings."""

from __future__ import annotations

from questions.facts.commands import is_assignment
from questions.generate import generate_document

NOTES = """# Helm notes

## Commands

- `helm install` creates a release from a chart
- `helm upgrade` moves a release to a new chart version
- `helm rollback` returns a release to an earlier revision
- `helm template` renders the manifests locally without a cluster
- `helm lint` checks a chart for mistakes

## Gotchas

- `Chart.lock`
  - commit it next to Chart.yaml
  - `helm dependency update` refreshes it
- `values.yaml`
  - `helm show values` prints it
- `--atomic`
  - rolls back on failure

## Defaults

```
timeout       = 5m0s     # per operation, --timeout to change
history max   = 10       # revisions kept per release
wait          = false    # --wait to block until ready
```
"""


def _kept() -> list[tuple[str, list[str], str]]:
    return [(q.prompt, q.choices, q.choices[q.answer])
            for _, q in generate_document("t.md", NOTES).chosen]  # fmt: skip


def test_it_is_the_name_the_line_hangs_from() -> None:
    kept = _kept()
    assert "Which command refreshes Chart.lock?" in [p for p, _, _ in kept], kept
    for prompt, _, _ in kept:
        assert not prompt.endswith((" it?", " them?")), prompt


def test_a_setting_is_no_command_line() -> None:
    assert is_assignment("history max   = 10")
    assert is_assignment("sensitive = true")
    assert not is_assignment("helm install --set replicas=3 web ./chart")
    assert not is_assignment("FOO=bar make")
    for prompt, choices, _ in _kept():
        assert not any("=" in c for c in choices), (prompt, choices)
