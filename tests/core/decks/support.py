"""Deck records for the pure tests, study notes to make decks from (and what the generator
makes of them), and a 1 MB notes file for the generation tests."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bot.core.decks.store import DeckRec
from questions.bank import BankQuestion
from questions.generate import generate_from_texts
from tests.helpers import T0

TEAM_ID = 1
NOTES = Path(__file__).parents[3] / "questions/notes/aws-developer-associate.md"


def deck(
    id: int,
    name: str,
    status: str = "published",
    team_id: int | None = TEAM_ID,
    questions: int = 10,
    source_kind: str = "notes",
) -> DeckRec:
    return DeckRec(id, team_id, name, status, source_kind, None, None, T0, T0, questions)


def big_notes(size: int = 1_000_000) -> str:
    """The shipped notes repeated until `size` bytes, every heading renamed per copy (what
    benchmarks/bench_generate.py generates from)."""
    text = NOTES.read_text(encoding="utf-8")
    parts: list[str] = []
    total, n = 0, 0
    while total < size:
        n += 1
        copy = re.sub(r"^(#+\s+)(.*)$", rf"\g<1>\g<2> (copy {n})", text, flags=re.M)
        parts.append(copy)
        total += len(copy.encode("utf-8"))
    return "\n".join(parts)


def generated(notes: str, file: str = "k8s.md", deck: str = "k8s") -> list[BankQuestion]:
    """What the generator makes of these notes. The deck tests take their expected figures
    from it (counts, pages, topics), so they test the bot, whatever the generator asks."""
    return generate_from_texts([(file, notes)], deck)[0].questions


def per_topic(questions: list[BankQuestion]) -> Counter[str]:
    return Counter(q.topic for q in questions)


def sync_summary(old: list[BankQuestion], new: list[BankQuestion]) -> str:
    """The rows' fate, as a deck reports it, when notes that gave `old` now give `new`: a
    question generated again under its id keeps its row (changed or not), the others are
    retired, the new ones added."""
    before, after = {q.id: q for q in old}, {q.id: q for q in new}
    kept = before.keys() & after.keys()
    unchanged = sum(before[i] == after[i] for i in kept)
    return (
        f"{len(after.keys() - kept)} added, {len(kept) - unchanged} updated, "
        f"{unchanged} unchanged, {len(before.keys() - kept)} retired"
    )


# Study notes in the shapes people write them (bold-term bullets, a table of defaults, a
# comparison table, "default is" bullets), rich enough that a round of 5 can be asked from
# Probes and Services alone whatever the generator's next version keeps.
K8S_NOTES = """\
# Kubernetes notes

## Probes

- **liveness** probe: fails -> the kubelet restarts the container
- **readiness** probe: fails -> the pod is removed from the Service endpoints, not restarted
- **startup** probe: holds the liveness and readiness probes back until the app has started

| field | default |
| --- | --- |
| initialDelaySeconds | 0 |
| periodSeconds | 10 |
| timeoutSeconds | 1 |
| failureThreshold | 3 |
| successThreshold | 1 |

- `httpGet` succeeds on a status code from 200 to 399
- `tcpSocket` succeeds when the port accepts a connection
- `exec` succeeds when the command exits with 0

## Services

| type | reachable from |
| --- | --- |
| ClusterIP | only from inside, via a stable virtual IP |
| NodePort | from outside, via each machine's address and a fixed number |
| LoadBalancer | from outside, via the cloud provider's managed entry point |
| ExternalName | returns a CNAME, nothing is proxied |

- ClusterIP is the default Service type
- the NodePort range is 30000-32767 by default
- **headless** Service: `clusterIP: None`, DNS returns the pod IPs directly
- `targetPort` defaults to the same value as `port`

## Jobs

- `backoffLimit` default is 6 retries before the Job is marked failed
- `completions` default is 1
- `parallelism` default is 1
- `activeDeadlineSeconds` caps how long a Job may run
- `ttlSecondsAfterFinished` deletes a finished Job after that many seconds
"""

# The same notes edited: Jobs gone, Volumes new, Probes and Services as they were (same lines).
K8S_NOTES_EDITED = (
    K8S_NOTES.split("## Jobs")[0]
    + """\
## Volumes

- **emptyDir** volume: created empty when the pod starts and deleted with the pod
- **hostPath** volume: mounts a file or directory of the node into the pod
- **configMap** volume: the keys of a ConfigMap as files
- **persistentVolumeClaim** volume: mounts a PersistentVolume the pod claimed

| access mode | short | mounted read-write by |
| --- | --- | --- |
| ReadWriteOnce | RWO | one node |
| ReadOnlyMany | ROX | no node (read-only) |
| ReadWriteMany | RWX | many nodes |
| ReadWriteOncePod | RWOP | one pod |
"""
)

# Another team's notes. (Its first three bullets alone, bold terms defined, give no question
# with the second-generation generator.)
PG_NOTES = """\
# PostgreSQL notes

## Vacuum

- **VACUUM** reclaims the space of dead rows so it can be reused
- **VACUUM FULL** rewrites the whole table and takes an exclusive lock
- **autovacuum** runs vacuum and analyze in the background
- `autovacuum_vacuum_scale_factor` default is 0.2
- `autovacuum_naptime` default is 1 min
- `autovacuum_max_workers` default is 3

## Isolation levels

| level | dirty read | non-repeatable read | phantom read |
| --- | --- | --- | --- |
| Read committed | no | possible | possible |
| Repeatable read | no | no | no |
| Serializable | no | no | no |

- Read committed is the default isolation level
- Serializable transactions may fail with a serialization error and must be retried
"""
