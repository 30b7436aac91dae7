"""Outgoing platform calls, most urgent first: under a burst of clicks the acks go out before
the game's messages, and those before the players' private receipts, so overload makes a
receipt late, never an interaction failed (a platform drops an interaction not acked in 3 s).

At most `concurrency` calls run at once; a call that finds a free slot and nobody waiting
starts at once, so a quiet bot pays nothing for the queue. With `others` below `concurrency`,
acks may fill every slot but the other calls start only while fewer than `others` calls run:
a burst's acks get the connections (and the CPU) first, and posts and receipts follow it.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Awaitable, Callable
from enum import IntEnum
from typing import TypeVar

from bot.core.models import ChannelRef
from bot.core.ports import Messenger
from bot.core.views import View

T = TypeVar("T")


class Priority(IntEnum):
    ACK = 0  # the answer to an interaction, which the platform drops after 3 seconds
    POST = 1  # the game's messages: question cards, reveals, round summaries
    RECEIPT = 2  # a player's private "Locked in", which may come late


def order_key(priority: Priority, arrival: int) -> tuple[int, int]:
    """Which waiting call goes next: the most urgent kind, and within a kind the oldest."""
    return (int(priority), arrival)


class Outbox:
    def __init__(self, concurrency: int = 32, others: int | None = None) -> None:
        self.concurrency = concurrency
        self.others = concurrency if others is None else min(others, concurrency)
        self.running = 0
        self._waiting: list[tuple[tuple[int, int], asyncio.Future[None]]] = []
        self._arrivals = itertools.count()

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    async def send(self, priority: Priority, call: Callable[[], Awaitable[T]]) -> T:
        """Run `call` once a slot is free and no more urgent call waits; its result or error."""
        if self.running < self.limit(priority) and not self._more_urgent_waiting(priority):
            self.running += 1
        else:
            await self._turn(priority)
        try:
            return await call()
        finally:
            self._release()

    async def _turn(self, priority: Priority) -> None:
        """Wait in line; on return the caller holds a slot."""
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (order_key(priority, next(self._arrivals)), turn))
        self._admit()  # an ack may start beside the posts and receipts that wait for a slot
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._release()  # the slot was handed over as the caller was cancelled
            raise

    def _more_urgent_waiting(self, priority: Priority) -> bool:
        """Whether a waiting call goes before one of `priority` (as urgent, and earlier)."""
        return bool(self._waiting) and self._waiting[0][0][0] <= int(priority)

    def limit(self, priority: Priority) -> int:
        """How many calls may be running for a call of `priority` to start."""
        return self.concurrency if priority is Priority.ACK else self.others

    def _release(self) -> None:
        self.running -= 1
        self._admit()

    def _admit(self) -> None:
        # The most urgent waiting call goes first; when it may not start yet, nothing behind
        # it may either (a later one is as urgent or less).
        while self._waiting and self.running < self.limit(Priority(self._waiting[0][0][0])):
            _, turn = heapq.heappop(self._waiting)
            if not turn.done():
                self.running += 1
                turn.set_result(None)


class OrderedMessenger:
    """The core's messenger with its posts and edits (cards, reveals, summaries) sent through
    the outbox at POST priority."""

    def __init__(self, messenger: Messenger, outbox: Outbox) -> None:
        self.messenger = messenger
        self.outbox = outbox

    async def post(self, channel: ChannelRef, view: View) -> str | None:
        return await self.outbox.send(Priority.POST, lambda: self.messenger.post(channel, view))

    async def update(self, channel: ChannelRef, message_ref: str, view: View) -> None:
        await self.outbox.send(
            Priority.POST, lambda: self.messenger.update(channel, message_ref, view)
        )
