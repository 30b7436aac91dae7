"""Which topics a person meant: forgiving about case, punctuation, word order, prefixes and
substrings ("sqs" finds "AWS SQS", "config sec" finds "ConfigMaps vs Secrets"), and naming the
close ones when nothing matches. One pure function (`match_topics`) for every command that
takes topics: rounds, channel defaults, question lists."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

MAX_CLOSE = 5
CLOSE_ENOUGH = 0.6  # difflib ratio of a request to a topic (or one of its words)
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class TopicMatch:
    """The topics the requests found (in the order of the topics given), the requests that
    found nothing, and for each of those the topics closest to it."""

    matched: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    close: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def ok(self) -> bool:
        return not self.unknown


def split_topics(text: str | None) -> list[str]:
    """Topics typed as one text, separated by commas (empty parts dropped)."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def words(text: str) -> tuple[str, ...]:
    """A text as the words it is compared by: case, width and punctuation aside."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return tuple(w for w in _NOT_WORD.split(folded) if w)


def tier(request: tuple[str, ...], topic: tuple[str, ...]) -> int | None:
    """How well a request matches a topic, 0 (the same words) to 3 (a substring); None when
    it does not. Lower is better."""
    if not request or not topic:
        return None
    if request == topic:
        return 0
    if sorted(request) == sorted(topic):
        return 1
    if all(any(w.startswith(r) for w in topic) for r in request):
        return 2
    if "".join(request) in "".join(topic):
        return 3
    return None


def match_one(request: str, topics: Sequence[str]) -> list[str]:
    """The topics a request means: every topic at its best tier (so "sqs" finds both "AWS SQS"
    and "SQS FIFO", while "Lambda" finds "Lambda" alone when that topic exists)."""
    wanted = words(request)
    best: int | None = None
    found: list[str] = []
    for topic in topics:
        t = tier(wanted, words(topic))
        if t is None or (best is not None and t > best):
            continue
        if best is None or t < best:
            best, found = t, []
        found.append(topic)
    return found


def suggest(typed: str, topics: Sequence[str], limit: int) -> list[str]:
    """Topics for a menu as someone types: every topic the text matches, best matches first
    (in the topics' order within a tier); all of them while nothing is typed."""
    wanted = words(typed)
    if not wanted:
        return list(topics[:limit])
    ranked = [
        (t, i, topic)
        for i, topic in enumerate(topics)
        if (t := tier(wanted, words(topic))) is not None
    ]
    return [topic for _, _, topic in sorted(ranked)[:limit]]


def closeness(request: str, topic: str) -> float:
    """How alike a request and a topic look: the whole texts, or the request and one word."""
    wanted = " ".join(words(request))
    if not wanted:
        return 0.0
    candidates = [" ".join(words(topic)), *words(topic)]
    return max(SequenceMatcher(None, wanted, c).ratio() for c in candidates)


def close_matches(request: str, topics: Sequence[str], limit: int = MAX_CLOSE) -> tuple[str, ...]:
    """Up to `limit` topics that look like the request, closest first."""
    scored = [(closeness(request, t), t) for t in topics]
    kept = sorted((s for s in scored if s[0] >= CLOSE_ENOUGH), key=lambda s: -s[0])
    return tuple(t for _, t in kept[:limit])


def match_topics(requested: Sequence[str], topics: Sequence[str]) -> TopicMatch:
    """The topics the requests mean. Each request matches on its own (see match_one); the
    matched topics come once each, in the order of `topics`."""
    hits: set[str] = set()
    unknown: list[str] = []
    close: list[tuple[str, tuple[str, ...]]] = []
    for request in requested:
        found = match_one(request, topics)
        if found:
            hits.update(found)
        else:
            unknown.append(request)
            close.append((request, close_matches(request, topics)))
    return TopicMatch(tuple(t for t in topics if t in hits), tuple(unknown), tuple(close))


def unknown_topics_message(match: TopicMatch, where: str, count: int, listing: str) -> str:
    """Why a request for topics was refused: each unknown one with its close matches, and
    the command (`listing`) that lists all `count` topics."""
    parts = []
    for request, near in match.close:
        text = f"No topic matches {request!r} in {where}"
        text += f"; did you mean {', '.join(near)}?" if near else "."
        parts.append(text)
    return " ".join(parts) + f" See all {count} topics with {listing}."
