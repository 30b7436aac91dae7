"""The one way CPU-heavy work leaves the event loop: a small pool of worker processes.

Imports, exports, statistics (and whatever else the core hands to its `Worker` port) run in a
worker process, so the event loop keeps answering clicks meanwhile, and each call is bounded
for real: the worker's address space is capped (RLIMIT_AS) and a call that runs longer than its
time limit has its worker killed and replaced (pebble's ProcessPool does the bookkeeping).
Either way the caller gets WorkRefused with a message a person can act on, and the next call
gets a fresh worker. Workers are forked from a forkserver that has the parsing code imported,
so they start quickly and never inherit the bot's threads or connections. Like every
multiprocessing child, a worker imports the program's main module first (as __mp_main__), so a
script that uses the pool keeps its work under `if __name__ == "__main__":`, as quizbot's entry
points do.
"""

from __future__ import annotations

import asyncio
import atexit
import resource
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar

from bot.core.errors import WorkRefused

if TYPE_CHECKING:
    from pebble import ProcessPool

T = TypeVar("T")

WORKERS = 2
JOB_SECONDS = 20.0
# Generating questions from notes: 1 MB of notes takes a few seconds on one core (see the
# README's benchmarks); the bound leaves room for a slow, shared machine.
GENERATE_SECONDS = 60.0
JOB_MEMORY_BYTES = 512 * 1024 * 1024  # address space, not resident memory: see _bound_memory
# Not the generator (markdown-it, lemminflect...: 2 s to import, more on a busy machine): the
# forkserver starts with the first job of either pool, and a file's import must not wait for
# it. A generation worker imports it on its first job instead, which takes seconds anyway.
PRELOAD = ["questions.formats", "questions.safe_yaml", "bot.core.curation.work"]


def _bound_memory(limit: int) -> None:
    """Runs in each new worker. RLIMIT_AS counts reserved address space, not resident memory
    (a fresh worker reserves about 35 MB), so it is a hard ceiling on what a job can hold;
    past it allocations fail with MemoryError."""
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _peak_rss() -> int:
    """This process's peak resident memory in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _call(fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[T, int]:
    """What a worker runs: the job, and the worker's peak memory so far (for the tests and
    benchmarks that check the bound)."""
    return fn(*args, **kwargs), _peak_rss()


class WorkerPool:
    """Implements the core's Worker port. Safe to share: the pool starts on first use."""

    def __init__(
        self,
        workers: int = WORKERS,
        seconds: float = JOB_SECONDS,
        memory_bytes: int = JOB_MEMORY_BYTES,
    ) -> None:
        self.workers = workers
        self.seconds = seconds
        self.memory_bytes = memory_bytes
        self.peak_rss = 0  # the largest peak a worker reported, in bytes
        self._pool: ProcessPool | None = None
        self._lock = threading.Lock()

    def _started(self) -> ProcessPool:
        # pebble and multiprocessing are imported by the first job, not by every process that
        # builds the service: a bot that never runs a job never pays for them.
        import multiprocessing

        from pebble import ProcessPool

        with self._lock:
            if self._pool is None or not self._pool.active:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(PRELOAD)
                self._pool = ProcessPool(
                    max_workers=self.workers,
                    initializer=_bound_memory,
                    initargs=(self.memory_bytes,),
                    context=context,
                )
            return self._pool

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """fn(*args, **kwargs) in a worker; WorkRefused when it outgrows its time or memory."""
        future = await asyncio.to_thread(self._schedule, fn, args, kwargs)
        # Imported by `_started` on the thread already: no import runs on the event loop.
        from concurrent.futures.process import BrokenProcessPool

        from pebble import ProcessExpired

        try:
            result, peak = await asyncio.wrap_future(future)
        except TimeoutError:
            raise WorkRefused(
                f"took longer than {self.seconds:g} seconds and was stopped"
            ) from None
        except MemoryError:
            raise WorkRefused(self._too_big()) from None
        except ProcessExpired as exc:  # killed, or died of its memory limit in C code
            raise WorkRefused(f"{self._too_big()} (the worker stopped: {exc.exitcode})") from None
        except BrokenProcessPool:  # no worker could start; the next run() starts a new pool
            raise WorkRefused("could not be started (no worker process); try again") from None
        self.peak_rss = max(self.peak_rss, peak)
        return result

    def _schedule(
        self, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Future[tuple[T, int]]:
        """Called on a thread: the first job (and the first after a crash) starts the pool's
        workers, and the first worker waits for the forkserver to start and import PRELOAD,
        seconds on a busy machine; on the event loop that would stall every click and could
        miss Slack's 3-second ack."""
        return self._started().schedule(_call, args=(fn, args, kwargs), timeout=self.seconds)

    def _too_big(self) -> str:
        return f"needed more than the {self.memory_bytes // 2**20:,} MB a job may use"

    def close(self) -> None:
        """Stop the workers (running jobs are ended); a later run() starts a new pool.

        pebble unlinks the pool's semaphores before it stops the workers, so a worker still
        starting (it opens them by name) would print a FileNotFoundError traceback. So: no new
        worker once the pool's manager has stopped, then every worker killed, then pebble's own
        stop. (pebble keeps these in private attributes; read defensively.)"""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        pool.stop()  # type: ignore[no-untyped-call]
        manager: threading.Thread | None = getattr(pool, "_pool_manager_loop", None)
        if manager is not None:
            manager.join()
        workers = getattr(
            getattr(getattr(pool, "_pool_manager", None), "worker_manager", None), "workers", {}
        )
        for worker in list(workers.values()):
            worker.kill()
            worker.join()
        pool.join()


_shared: WorkerPool | None = None
_generation: WorkerPool | None = None


def shared_pool() -> WorkerPool:
    """The process's pool, shared by every service that needs one (closed at exit)."""
    global _shared
    if _shared is None:
        _shared = WorkerPool()
        atexit.register(_shared.close)
    return _shared


def generation_pool() -> WorkerPool:
    """The process's pool for generating decks from notes: one worker (a second generation
    waits its turn rather than take the second core from the bot), GENERATE_SECONDS a job."""
    global _generation
    if _generation is None:
        _generation = WorkerPool(workers=1, seconds=GENERATE_SECONDS)
        atexit.register(_generation.close)
    return _generation
