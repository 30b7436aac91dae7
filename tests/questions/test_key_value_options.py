"""A `key: value` answer among values of its own key, and namespaced names among names the notes
call by the same noun (issue 13, review 4: `restartPolicy: Always` offered beside
`clusterIP: None`, the `kubernetes.io/change-cause` annotation beside secret types)."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.generate import generate_document


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


COMPOSE = """# Compose notes

## Services

- `restart`: no (default), always, unless-stopped, on-failure — set per service
- a worker that must come back after a host reboot needs `restart: unless-stopped` so it survives the daemon restart
- `mem_limit: 512m` caps the container's memory
- `network_mode: host` shares the host's network stack
- `pids_limit: 100` stops fork bombs inside the container
"""


def test_a_key_value_answer_is_offered_among_the_values_the_notes_give_its_key() -> None:
    """The notes list the values of `restart`: the blank for `restart: unless-stopped` offers
    those, written as the answer is, and no other setting."""
    asked = [q for q in chosen(COMPOSE) if q.choices[q.answer] == "restart: unless-stopped"
             and "___" in q.prompt]  # fmt: skip
    assert asked
    for q in asked:
        assert set(q.choices) <= {f"restart: {v}" for v in ("no", "always", "unless-stopped",
                                                            "on-failure")}, q.choices  # fmt: skip


OPERATOR = """# Operator notes

## Ownership

- put the `acme.io/owner` label on every object so the operator can find it
- objects without that label are ignored by the reconciler
- the `acme.io/team` label names the team on call, the `acme.io/tier` label its priority

## Deletion

- finalizers: `acme.io/cleanup`, `acme.io/snapshot`, `acme.io/audit-log`
- a finalizer blocks deletion until the operator removes it
"""
LABELS = {"acme.io/owner", "acme.io/team", "acme.io/tier"}
FINALIZERS = {"acme.io/cleanup", "acme.io/snapshot", "acme.io/audit-log"}


def test_names_of_one_namespace_the_notes_call_by_other_nouns_are_not_options() -> None:
    """Labels and finalizers share the `acme.io/` prefix, but the notes call the first labels
    and list the others as finalizers: a label is asked among labels only."""
    qs = [q for q in chosen(OPERATOR) if q.choices and q.choices[q.answer] in LABELS]
    assert qs
    for q in qs:
        assert not FINALIZERS & set(q.choices), (q.prompt, q.choices)
