"""Exactly once: the rule for claiming a week's post, and the post rows it reads."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

CLAIM_TIMEOUT = timedelta(minutes=10)


class PostStatus(StrEnum):
    CLAIMED = "claimed"  # being sent (or the sender died; taken over after CLAIM_TIMEOUT)
    SENT = "sent"
    SKIPPED = "skipped"  # an empty week with the nudge turned off: done, nothing posted


@dataclass(frozen=True)
class PostRec:
    id: int
    team_id: int
    channel_id: int
    week_start: date
    status: PostStatus
    claimed_by: str | None
    claimed_at: datetime
    sent_at: datetime | None = None
    message_ref: str | None = None


def claimable(posts: Iterable[PostRec], channel_id: int, stale_before: datetime) -> bool:
    """May this team's week be claimed for `channel_id`, given its existing post rows?

    Yes when there is none, or when the only one is ours, still unsent and older than the
    claim timeout. Any row in another channel means the week is done (one post per week)."""
    rows = list(posts)
    if not rows:
        return True
    if len(rows) > 1:
        return False
    row = rows[0]
    return (
        row.channel_id == channel_id
        and row.status == PostStatus.CLAIMED
        and row.claimed_at <= stale_before
    )


def default_worker_id() -> str:
    """Names this process in claims, so a stuck claim can be traced to a host."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
