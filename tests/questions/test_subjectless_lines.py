"""Unseen notes review (issue #13), kubectl notes: "- really set by `staticPodPath` in
`/var/lib/kubelet/config.yaml` → check on the node" was asked "really set by staticPodPath in
___ …": a line that opens with a participle says no subject (the item above had it), so its
cloze asks what of nothing."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.generators.numbers import subjectless

NOTES = """# nginx notes

## Logs

- location: `/var/log/nginx/access.log` and `/var/log/nginx/error.log`
- rotated by `logrotate` from `/etc/logrotate.d/nginx`, daily, 14 copies kept
- reopen after rotation: `nginx -s reopen`

## Workers

- `worker_processes` defaults to 1; `auto` starts one per core
- `worker_connections` defaults to 512 per worker
"""


def test_a_participle_opening_says_no_subject() -> None:
    assert subjectless("really set by `staticPodPath` in ___ → check on the node")
    assert subjectless("rotated by `logrotate` from `/etc/logrotate.d/nginx`, daily")
    assert not subjectless("logrotate rotates the logs daily")
    assert not subjectless("Rotated logs are kept for 14 days")  # capitalised: a sentence


def test_no_cloze_of_a_subjectless_line() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    assert bank.questions
    for q in bank.questions:
        assert "rotated by" not in q.prompt, q.prompt
