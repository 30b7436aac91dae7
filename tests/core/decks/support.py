"""Deck records for the pure tests, and a 1 MB notes file for the generation tests."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.decks.store import DeckRec
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


K8S_NOTES = """\
# Kubernetes notes

## Probes

- **liveness** probe: fails -> the container is restarted
- **readiness** probe: fails -> the pod is removed from the Service endpoints
- **startup** probe: holds the other probes back until the app has started

## Services

| type | reachable from |
| --- | --- |
| ClusterIP | inside the cluster only |
| NodePort | every node's IP on a static port |
| LoadBalancer | an external load balancer from the cloud provider |
| ExternalName | a DNS CNAME to an outside name |

## Jobs

- `backoffLimit` default is 6 retries before the Job is marked failed
- `activeDeadlineSeconds` caps how long a Job may run
- `ttlSecondsAfterFinished` deletes a finished Job after that many seconds
"""

# The same notes edited: Jobs gone, Volumes new, Probes and Services as they were.
K8S_NOTES_EDITED = (
    K8S_NOTES.split("## Jobs")[0]
    + """\
## Volumes

- **emptyDir** volume: created empty when the pod starts and deleted with the pod
- **hostPath** volume: mounts a file or directory of the node into the pod
- **configMap** volume: the keys of a ConfigMap as files
"""
)

PG_NOTES = """\
# PostgreSQL notes

## Vacuum

- **VACUUM** reclaims the space of dead rows so it can be reused
- **VACUUM FULL** rewrites the whole table and takes an exclusive lock
- **autovacuum** runs vacuum and analyze in the background
"""
