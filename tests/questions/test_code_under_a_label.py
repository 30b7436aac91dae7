"""A plain label over a line of code ("load: `apparmor_parser -q …`") names what the code is
for; the code is no description of the label, so "which of these is described here:
apparmor_parser …" → "load" is not asked (review of container-security notes, session 27).
A label whose line goes on to say what the code does still is. The notes are written for
this test (systemd)."""

from __future__ import annotations

from questions.facts.model import Fact
from questions.generate import generate_document
from questions.generators.definitions import _code_under_label

SYSTEMD = """# Hardening

## Sandboxes

- sandbox modes: 0 = disabled, 1 = strict, 2 = filter (what `/proc/<pid>/status` shows)
- k8s sandbox types: `RuntimeDefault`, `Localhost`, `Unconfined`
  - **pods are Unconfined by default** unless kubelet `sandboxDefault: true`
- Landlock
  - modes: enforce / audit (audit = log only)
  - load: `landlock-load -q /etc/landlock.d/my-ruleset` (on EVERY node the pod can land on!)
  - old annotation: `container.landlock.beta.example.io/<container-name>: localhost/<ruleset>`
  - ruleset name = the name *inside* the file (`ruleset deny-write ...`), not the filename.

## Restarts

- on failure: `Restart=on-failure` -> restarted only after a non-zero exit or a signal
- always: `Restart=always` -> restarted whatever the exit status, even a clean exit
- never: `Restart=no` -> left stopped once it exits, the default for most units
"""


def _definitions() -> dict[str, Fact]:
    r = generate_document("s.md", SYSTEMD)
    return {f.subject: f for f in r.facts if f.kind == "definition"}


def test_a_bare_command_under_a_label_is_no_description() -> None:
    found = _definitions()
    assert _code_under_label(found["load"])  # the aside says nothing of what it does
    assert _code_under_label(found["old annotation"])
    assert not _code_under_label(found["always"])  # "-> restarted whatever the exit status"
    assert not _code_under_label(found["ruleset name"])  # no code: a description
    assert not _code_under_label(found["sandbox modes"])
