"""Where a slow click's time went, for `bench_answers.py --phases`: per-phase timestamps taken
in the benchmark (the product is not instrumented).

Each click is timed at its arrival, when its task starts, when the batch that wrote it started
and ended, at its ack (the answer written) and when its close (if it filled its question) was
done. Beside them: every batch of each queue (answers, closes, card references) with its size,
the collector's pauses (gc.callbacks), and the event loop's lag (a probe that asks to wake
every millisecond). The report takes the slowest clicks (by ack and by the whole answer) and
says which of those causes they overlapped, against the same figures for all clicks.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Clock = Callable[[], float]


@dataclass
class Batch:
    kind: str
    size: int
    start: float
    end: float = 0.0


@dataclass
class ClickTimes:
    arrived: float
    started: float
    batch: int = -1  # index into Phases.batches
    acked: float = 0.0
    done: float = 0.0
    filled: bool = False
    close_batch: int = -1


@dataclass
class Phases:
    clock: Clock = time.perf_counter
    batches: list[Batch] = field(default_factory=list)
    clicks: list[ClickTimes] = field(default_factory=list)
    gc_pauses: list[tuple[float, float, int]] = field(default_factory=list)
    lags: list[tuple[float, float]] = field(default_factory=list)  # (when, how late)
    connects: list[float] = field(default_factory=list)
    _answer_batch: dict[tuple[int, str], int] = field(default_factory=dict)
    _close_batch: dict[int, int] = field(default_factory=dict)
    _gc_start: float = 0.0

    def wrap(self, kind: str, handler: Callable[..., Awaitable[Any]]) -> Callable[..., Any]:
        """`handler` with each of its batches timed, and each request's batch noted."""

        async def timed(requests: list[Any]) -> Any:
            index = len(self.batches)
            batch = Batch(kind, len(requests), self.clock())
            self.batches.append(batch)
            for r in requests:
                if kind == "answers":
                    self._answer_batch[(r.rq_id, r.player.external_id)] = index
                elif kind == "closes":
                    self._close_batch[r.rq_id] = index
            try:
                return await handler(requests)
            finally:
                batch.end = self.clock()

        return timed

    def click(self, arrived: float) -> ClickTimes:
        times = ClickTimes(arrived, self.clock())
        self.clicks.append(times)
        return times

    def written(self, times: ClickTimes, rq: int, who: str, filled: bool) -> None:
        times.acked = self.clock()
        times.batch = self._answer_batch.get((rq, who), -1)
        times.filled = filled

    def closed(self, times: ClickTimes, rq: int) -> None:
        times.done = self.clock()
        if times.filled:
            times.close_batch = self._close_batch.get(rq, -1)

    def watch_pool(self, engine: Any) -> None:
        """Note when the pool opens a connection (each prepares its statements anew)."""
        from sqlalchemy import event

        @event.listens_for(engine.sync_engine, "connect")
        def _opened(*_args: Any) -> None:
            self.connects.append(self.clock())

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_start = self.clock()
        else:
            self.gc_pauses.append((self._gc_start, self.clock(), int(info["generation"])))

    def start(self) -> asyncio.Task[None]:
        gc.callbacks.append(self._on_gc)
        return asyncio.get_running_loop().create_task(self._probe())

    def stop(self, probe: asyncio.Task[None]) -> None:
        gc.callbacks.remove(self._on_gc)
        probe.cancel()

    async def _probe(self) -> None:
        while True:
            asked = self.clock()
            await asyncio.sleep(0.001)
            now = self.clock()
            self.lags.append((now, now - asked - 0.001))

    # --- the report ---------------------------------------------------------------------

    def report(self) -> str:
        lines = ["phases (ms; slowest 1 % of clicks against all clicks):"]
        for label, span in (("ack", _ack_span), ("answer", _done_span)):
            spans = sorted(self.clicks, key=span)
            cut = spans[int(len(spans) * 0.99)]
            slow = [c for c in spans if span(c) >= span(cut)]
            lines.append(f"  by {label}: p99 {span(cut) * 1000:.0f}, {len(slow)} clicks")
            lines.append("    " + self._profile("all", self.clicks))
            lines.append("    " + self._profile("slow", slow))
            lines.append("    " + self._when(slow))
        lines.append(self._fills())
        answers = [b for b in self.batches if b.kind == "answers"]
        closes = [b for b in self.batches if b.kind == "closes"]
        refs = [b for b in self.batches if b.kind == "refs"]
        for name, group in (("answers", answers), ("closes", closes), ("refs", refs)):
            if group:
                sizes = [b.size for b in group]
                took = [(b.end - b.start) * 1000 for b in group]
                lines.append(
                    f"  {name} batches: {len(group)}, size mean {statistics.mean(sizes):.0f} "
                    f"max {max(sizes)}, took p50 {_q(took, 50):.1f} p99 {_q(took, 99):.1f} "
                    f"max {max(took):.1f}"
                )
        first = min((b.start for b in self.batches), default=0.0)
        lines.append(
            "  first answer batches (start, took, size): "
            + ", ".join(
                f"{(b.start - first) * 1000:.0f}/{(b.end - b.start) * 1000:.0f}/{b.size}"
                for b in answers[:24]
            )
        )
        lines.append(
            f"  connections opened during the run: {len(self.connects)}, at "
            + ", ".join(f"{(t - first) * 1000:.0f}" for t in self.connects[:20])
        )
        pauses = [(e - s) * 1000 for s, e, _ in self.gc_pauses]
        lines.append(
            f"  gc: {len(pauses)} collections, {sum(pauses):.0f} ms in all, max "
            f"{max(pauses, default=0):.1f} (gen 2: {sum(1 for p in self.gc_pauses if p[2] == 2)})"
        )
        lag = [x * 1000 for _, x in self.lags]
        lines.append(
            f"  loop lag: p50 {_q(lag, 50):.1f} p99 {_q(lag, 99):.1f} max {max(lag, default=0):.1f}"
        )
        return "\n".join(lines)

    def _profile(self, label: str, clicks: Sequence[ClickTimes]) -> str:
        """Means over `clicks` of each phase, and how many overlapped each suspect."""
        n = max(len(clicks), 1)
        closes = [b for b in self.batches if b.kind == "closes"]

        def mean(f: Callable[[ClickTimes], float]) -> float:
            return sum(f(c) for c in clicks) / n * 1000

        with_batch = [c for c in clicks if c.batch >= 0]
        size = statistics.mean(self.batches[c.batch].size for c in with_batch) if with_batch else 0
        overlap_close = sum(1 for c in clicks if _overlaps(c.arrived, c.acked, closes))
        overlap_gc = sum(
            1 for c in clicks if any(s < c.acked and e > c.arrived for s, e, _ in self.gc_pauses)
        )
        filled = sum(1 for c in clicks if c.filled)
        return (
            f"{label}: task start {mean(lambda c: c.started - c.arrived):.1f}, "
            f"queued {mean(lambda c: self._batch(c).start - c.started):.1f}, "
            f"in batch {mean(lambda c: self._batch(c).end - self._batch(c).start):.1f}, "
            f"batch end to ack {mean(lambda c: c.acked - self._batch(c).end):.1f}, "
            f"ack to done {mean(lambda c: c.done - c.acked):.1f}; batch size {size:.0f}; "
            f"filled {filled / n:.0%}, during a close batch {overlap_close / n:.0%}, "
            f"during a gc pause {overlap_gc / n:.0%}"
        )

    def _fills(self) -> str:
        """Where the clicks that filled a question (and waited for its close) spent theirs."""
        fills = [c for c in self.clicks if c.filled and c.close_batch >= 0]
        if not fills:
            return "  no click filled a question"
        pairs = [(c, self.batches[c.close_batch]) for c in fills]

        def mean(f: Callable[[ClickTimes, Batch], float]) -> float:
            return sum(f(c, b) for c, b in pairs) / len(pairs) * 1000

        others = [_done_span(c) * 1000 for c in self.clicks if not c.filled]
        return (
            f"  clicks that filled a question ({len(fills)}): answer p50 "
            f"{_q([_done_span(c) * 1000 for c in fills], 50):.0f}, of which (means) ack "
            f"{mean(lambda c, b: c.acked - c.arrived):.1f}, close queued "
            f"{mean(lambda c, b: b.start - c.acked):.1f}, close batch "
            f"{mean(lambda c, b: b.end - b.start):.1f}, after it (reveal, next card, its "
            f"reference) {mean(lambda c, b: c.done - b.end):.1f}; other clicks p99 "
            f"{_q(others, 99):.0f}"
        )

    def _when(self, slow: Sequence[ClickTimes]) -> str:
        """In which tenth of the run the slow clicks arrived, against all clicks."""
        first = min(c.arrived for c in self.clicks)
        span = max(c.arrived for c in self.clicks) - first or 1.0

        def tenths(clicks: Sequence[ClickTimes]) -> list[int]:
            out = [0] * 10
            for c in clicks:
                out[min(9, int((c.arrived - first) / span * 10))] += 1
            return out

        return f"arrived by tenth of the run: slow {tenths(slow)} of all {tenths(self.clicks)}"

    def _batch(self, c: ClickTimes) -> Batch:
        if c.batch < 0:
            return Batch("none", 0, c.started, c.acked)
        return self.batches[c.batch]


def _ack_span(c: ClickTimes) -> float:
    return c.acked - c.arrived


def _done_span(c: ClickTimes) -> float:
    return c.done - c.arrived


def _overlaps(start: float, end: float, batches: Sequence[Batch]) -> bool:
    return any(b.start < end and b.end > start for b in batches)


def _q(values: Sequence[float], pct: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100)[pct - 1]
