"""Unseen notes review (issue #13), Terraform notes: "- provisioners …  - creation-time by
default; `when = destroy` for destroy-time" was asked "creation-time by default; ___": the
give-away cut took "for destroy-time", and the blank's clause said nothing."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Ansible notes

## Gotchas

- handlers
  - run once at the end of the play; `meta: flush_handlers` for right-now
  - only when notified
- `become`
  - off by default; `become: true` to become root
- hooks (`pre-install`, `post-install`, `test`)
  - "last resort" per the docs
  - install-time by default; `when = delete` for delete-time
  - failure → release marked failed, unless `on_failure = continue`
- `--atomic`
  - rolls back on failure; `--timeout = 5m` for slow charts
"""


def test_no_blank_stands_alone_in_its_clause() -> None:
    kept = [q for _, q in generate_document("t.md", NOTES).chosen]
    for q in kept:
        assert not q.prompt.rstrip(" .").endswith("; ___"), q.prompt
