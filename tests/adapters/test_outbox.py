"""The outbox under a burst: acks may take every slot, while posts and receipts start only when
few calls run, so a burst's acks are not slowed by the receipts of the clicks before them."""

from __future__ import annotations

import asyncio

from bot.adapters.outbox import Outbox, Priority


async def test_acks_start_beside_a_post_while_a_receipt_waits_for_the_acks() -> None:
    outbox = Outbox(concurrency=4, others=1)
    started: list[str] = []
    release = asyncio.Event()

    async def hold(name: str) -> None:
        started.append(name)
        await release.wait()

    post = asyncio.ensure_future(outbox.send(Priority.POST, lambda: hold("post")))
    await asyncio.sleep(0)
    receipt = asyncio.ensure_future(outbox.send(Priority.RECEIPT, lambda: hold("receipt")))
    acks = [
        asyncio.ensure_future(outbox.send(Priority.ACK, lambda n=n: hold(f"ack{n}")))
        for n in range(3)
    ]
    await asyncio.sleep(0)
    assert started == ["post", "ack0", "ack1", "ack2"]  # the receipt waits: the post holds its one
    assert outbox.waiting == 1
    release.set()
    await asyncio.gather(post, receipt, *acks)
    assert started[-1] == "receipt"
    assert outbox.running == 0


async def test_without_a_limit_for_the_others_every_kind_shares_the_slots() -> None:
    outbox = Outbox(concurrency=2)
    started: list[str] = []
    release = asyncio.Event()

    async def hold(name: str) -> None:
        started.append(name)
        await release.wait()

    calls = [
        asyncio.ensure_future(outbox.send(Priority.RECEIPT, lambda: hold("receipt"))),
        asyncio.ensure_future(outbox.send(Priority.POST, lambda: hold("post"))),
        asyncio.ensure_future(outbox.send(Priority.ACK, lambda: hold("ack"))),
    ]
    await asyncio.sleep(0)
    assert started == ["receipt", "post"]  # both slots taken; the ack is next in line
    release.set()
    await asyncio.gather(*calls)
    assert started == ["receipt", "post", "ack"]
