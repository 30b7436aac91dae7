"""Discord click bursts through the real adapter: `quizbot run discord` in its own process on
PostgreSQL, talking to a local fake of Discord (tests/adapters/discord/fake_discord_server.py:
REST, interaction callbacks and the gateway websocket, zlib-stream as discord.py asks), and this
process playing Discord: one `/quiz start`, then `--clicks` different members clicking the
question's buttons, spread evenly over `--within` seconds.

    python benchmarks/bench_discord_clicks.py [--clicks 5000] [--within 1.0] [--runs 1]
                                              [--http --replicas 2] [--profile DIR] [--no-core]
                                              [--database-url postgresql+asyncpg://...]

Gateway mode (the default): each click is an INTERACTION_CREATE dispatch; it is acked when the
bot's interaction callback reaches the fake. With `--http`: `--replicas` processes of
`quizbot run discord --http` behind a round-robin proxy (benchmarks/rr_proxy.py), each click a
signed POST as Discord sends it; it is acked by the HTTP response. Prints clicks, how many were
acked within Discord's 3 seconds, ack latency p50/p95/p99, receipts delivered (in the response,
or a followup after a deferral), answers in the database, the bots' CPU per click, and the
core-only figure (`QuizEngine.answer` on the same burst) of the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
from nacl.signing import SigningKey

from benchmarks.harness import (
    BotProcess,
    bot_env,
    core_line,
    core_only,
    cpu_seconds,
    database,
    free_port,
    log_summary,
    machine,
    prepare_schema,
    quantiles_ms,
    top_frames,
)
from bot.db.tables import Answer
from tests.adapters.discord.fake_discord_server import DiscordServer
from tests.adapters.discord.fakes import Member, buttons, interaction_payload, snowflake
from tests.helpers import count_rows

DISCORD_WINDOW = 3.0
LOCKED_IN = "Locked in: "  # bot/core/play/answering.py
HOST = Member("host", admin=True)


def start_command() -> dict[str, Any]:
    options = [
        {"name": "questions", "type": 4, "value": 1},
        {"name": "seconds", "type": 4, "value": 120},
    ]
    data = {
        "id": str(snowflake()),
        "name": "quiz",
        "type": 1,
        "options": [{"name": "start", "type": 1, "options": options}],
    }
    return interaction_payload(2, HOST, data)


def clicks(server: DiscordServer, n: int) -> list[dict[str, Any]]:
    """`n` members' clicks on the latest card, each carrying the card as Discord does."""
    card = server.fake.posts()[-1]
    message = server.fake.messages[card.message_id]
    ids = [b["custom_id"] for b in buttons(card.payload)]
    out = []
    for i in range(n):
        payload = interaction_payload(
            3, Member(f"player{i}"), {"custom_id": ids[i % len(ids)], "component_type": 2}
        )
        payload["message"] = message
        out.append(payload)
    return out


async def wait_for(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def paced(n: int, within: float, send: Any) -> None:
    """Call `send(i)` for i in 0..n-1, evenly over `within` seconds (in 10 ms slices)."""
    slices = max(1, int(within / 0.01))
    per = -(-n // slices)
    start = time.monotonic()
    for s in range(slices):
        delay = start + s * within / slices - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        for i in range(s * per, min(n, (s + 1) * per)):
            await send(i)


def receipt_texts(
    server: DiscordServer, payloads: list[dict[str, Any]], bodies: dict[str, Any]
) -> list[str]:
    """What each click's player was told, in the interaction response or a followup: a
    "Locked in" receipt, a refusal or a failure (every one of them ends the click)."""
    followed = server.followup_texts
    texts = []
    for p in payloads:
        body = bodies.get(p["id"]) or {}
        text = body.get("data", {}).get("content") if body.get("type") == 4 else None
        text = text or followed.get(p["token"])
        if text:
            texts.append(text)
    return texts


def receipts_of(
    server: DiscordServer, payloads: list[dict[str, Any]], bodies: dict[str, Any]
) -> int:
    """Clicks whose player was told something: a receipt, a refusal or a failure."""
    return len(receipt_texts(server, payloads, bodies))


def told(texts: list[str]) -> str:
    """The replies counted by kind: how many were "Locked in", and each other text's count
    (a refusal or a failure is a reply, not a written answer)."""
    locked = sum(1 for t in texts if t.startswith(LOCKED_IN))
    others: dict[str, int] = {}
    for t in texts:
        if not t.startswith(LOCKED_IN):
            others[t] = others.get(t, 0) + 1
    line = f"{locked} locked in"
    for text, n in sorted(others.items(), key=lambda kv: -kv[1]):
        line += f", {n} told {text!r}"
    return line


async def all_receipts(
    server: DiscordServer,
    payloads: list[dict[str, Any]],
    bodies: dict[str, Any],
    started: float,
    followed_before: int,
    timeout: float = 60,
) -> tuple[int, float]:
    """Wait (up to `timeout`) until every click's receipt arrived; how many did, and the
    seconds from the burst's start until the last one."""
    deadline = time.monotonic() + timeout
    told_in_body = sum(1 for b in bodies.values() if (b or {}).get("type") == 4)
    # counted cheaply while they arrive (the fake runs in this process), exactly at the end
    while told_in_body + len(server.followup_texts) - followed_before < len(payloads):
        if time.monotonic() > deadline:
            break
        await asyncio.sleep(0.1)
    return receipts_of(server, payloads, bodies), time.monotonic() - started


async def gateway_run(url: str, args: argparse.Namespace, workdir: Path) -> str:
    server = DiscordServer()
    await server.start()
    env = bot_env(url, workdir, DISCORD_TOKEN="bench-token", DISCORD_API_URL=server.api_url)
    profile = Path(args.profile) / f"discord-{int(time.time())}.txt" if args.profile else None
    bot = BotProcess.start(["run", "discord"], env, workdir, profile=profile)
    try:
        await wait_for(lambda: server.identified.is_set(), 60, "the bot to connect")
        await wait_for(lambda: bool(server.fake.commands), 30, "the command sync")
        await asyncio.sleep(2.5)  # discord.py waits up to 2 s for guilds before on_ready
        await server.dispatch("INTERACTION_CREATE", start_command())
        await wait_for(lambda: bool(server.fake.posts()), 30, "the question card")
        payloads = clicks(server, args.clicks)
        frames = [json.dumps(p, separators=(",", ":")) for p in payloads]
        sent: dict[str, float] = {}
        cpu_before = cpu_seconds(bot.pid)

        async def send(i: int) -> None:
            sent[payloads[i]["id"]] = await server.dispatch_json("INTERACTION_CREATE", frames[i])

        followed_before = len(server.followup_texts)
        started = time.monotonic()
        await paced(len(frames), args.within, send)
        burst = time.monotonic() - started
        acked = server.callbacks()  # kept up to date as callbacks arrive
        await wait_for(lambda: len(acked) > len(sent), 60, "every ack")  # and /quiz start's
        await wait_for(lambda: all(i in acked for i in sent), 10, "every ack")
        callbacks = server.callbacks()
        latencies = [callbacks[i].at - sent[i] for i in sent]
        bodies = {i: callbacks[i].payload for i in sent}
        receipts, last = await all_receipts(server, payloads, bodies, started, followed_before)
        replies = told(receipt_texts(server, payloads, bodies))
        deferred = sum(1 for b in bodies.values() if (b or {}).get("type") == 5)
        cpu = cpu_seconds(bot.pid)
    finally:
        bot.stop()
        await server.close()
    logs = log_summary(bot.log)
    answers = await count_rows(url, Answer)
    line = summary("gateway", args, burst, latencies, receipts, last, replies, answers)
    line += f"; {deferred} acked by a deferral, their receipt in a followup"
    line += f"; bot CPU {cpu * 1000 / args.clicks:.2f} ms per click with start-up ({cpu:.1f} s), "
    line += f"{(cpu - cpu_before) * 1000 / args.clicks:.2f} ms without\n{logs}"
    if profile is not None:
        line += "\nbot profile (py-spy):\n" + top_frames(profile)
    return line


async def http_run(url: str, args: argparse.Namespace, workdir: Path) -> str:
    server = DiscordServer()
    await server.start()
    key = SigningKey.generate()
    env = bot_env(
        url,
        workdir,
        DISCORD_TOKEN="bench-token",
        DISCORD_API_URL=server.api_url,
        DISCORD_PUBLIC_KEY=key.verify_key.encode().hex(),
    )
    ports = [free_port() for _ in range(args.replicas)]
    bots = []
    for n, port in enumerate(ports):
        profile = (
            Path(args.profile) / f"discord-http-{n}-{int(time.time())}.txt"
            if args.profile
            else None
        )
        argv = ["run", "discord", "--http", "--port", str(port)]
        bots.append(BotProcess.start(argv, env, workdir, profile=profile))
    proxy_port = free_port()
    proxy_argv = [
        sys.executable,
        str(Path(__file__).with_name("rr_proxy.py")),
        "--port",
        str(proxy_port),
    ]
    for port in ports:
        proxy_argv += ["--upstream", f"http://127.0.0.1:{port}"]
    proxy = await asyncio.create_subprocess_exec(*proxy_argv)
    endpoint = f"http://127.0.0.1:{proxy_port}/discord/interactions"
    try:
        for bot, port in zip(bots, ports, strict=True):
            await bot.wait_healthy(f"http://127.0.0.1:{port}/healthz")
        connector = aiohttp.TCPConnector(limit=args.connections)
        async with aiohttp.ClientSession(connector=connector) as http:

            def signed(payload: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
                """The request Discord would send: the body and its signature headers."""
                body = json.dumps(payload).encode()
                ts = str(int(time.time()))
                return body, {
                    "Content-Type": "application/json",
                    "X-Signature-Ed25519": key.sign(ts.encode() + body).signature.hex(),
                    "X-Signature-Timestamp": ts,
                }

            async def post(request: tuple[bytes, dict[str, str]]) -> tuple[int, Any]:
                body, headers = request
                async with http.post(endpoint, data=body, headers=headers) as resp:
                    return resp.status, await resp.json(content_type=None)

            for _ in range(200):  # the proxy starts
                try:
                    status, _ = await post(signed(start_command()))
                    break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.05)
            assert status == 200, status
            await wait_for(lambda: bool(server.fake.posts()), 30, "the question card")
            payloads = clicks(server, args.clicks)
            latencies: list[float] = []
            bodies: dict[str, Any] = {}
            failed: list[Any] = []
            cpu_before = sum(cpu_seconds(b.pid) for b in bots)
            tasks: list[asyncio.Task[None]] = []

            requests = [signed(p) for p in payloads]  # signed before the burst, not during it

            async def one(i: int, begun: float) -> None:
                payload = payloads[i]
                try:
                    status, body = await post(requests[i])
                except aiohttp.ClientError as exc:
                    failed.append(type(exc).__name__)
                    return
                latencies.append(time.monotonic() - begun)
                if status != 200:
                    failed.append(status)
                bodies[payload["id"]] = body

            async def send(i: int) -> None:
                # timed from when Discord would have sent it, however busy this driver is
                tasks.append(asyncio.create_task(one(i, time.monotonic())))

            followed_before = len(server.followup_texts)
            started = time.monotonic()
            await paced(len(payloads), args.within, send)
            burst = time.monotonic() - started
            await asyncio.gather(*tasks)
            receipts, last = await all_receipts(server, payloads, bodies, started, followed_before)
            replies = told(receipt_texts(server, payloads, bodies))
            cpu = sum(cpu_seconds(b.pid) for b in bots)
    finally:
        proxy.terminate()
        await proxy.wait()
        for bot in bots:
            bot.stop()
        await server.close()
    logs = "\n".join(log_summary(bot.log) for bot in bots)
    line = summary(
        f"http, {args.replicas} replicas behind a round-robin proxy",
        args,
        burst,
        latencies,
        receipts,
        last,
        replies,
        await count_rows(url, Answer),
    )
    line += f", {len(failed)} failed"
    line += f"; bots' CPU {cpu * 1000 / args.clicks:.2f} ms per click with start-up ({cpu:.1f} s), "
    line += f"{(cpu - cpu_before) * 1000 / args.clicks:.2f} ms without\n{logs}"
    for bot in bots:
        if bot.profile is not None:
            line += f"\nreplica profile {bot.profile.name} (py-spy):\n" + top_frames(bot.profile)
    return line


def summary(
    mode: str,
    args: argparse.Namespace,
    burst: float,
    latencies: list[float],
    receipts: int,
    last_receipt: float,
    replies: str,
    answers: int,
) -> str:
    p50, p95, p99 = quantiles_ms(latencies)
    in_time = sum(1 for x in latencies if x <= DISCORD_WINDOW)
    return (
        f"discord {mode}: {args.clicks} clicks on one question sent in {burst:.2f} s; "
        f"{in_time}/{args.clicks} acked within {DISCORD_WINDOW:.0f} s, ack p50 {p50:.0f} ms "
        f"p95 {p95:.0f} ms p99 {p99:.0f} ms max {max(latencies, default=0) * 1000:.0f} ms; "
        f"receipts {receipts}/{args.clicks} (the last {last_receipt:.1f} s after the burst began, "
        f"{receipts / max(last_receipt, 1e-9):.0f}/s: {replies}); "
        f"answers in the database {answers}"
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--clicks", type=int, default=5000)
    p.add_argument("--within", type=float, default=1.0, help="seconds the burst is spread over")
    p.add_argument("--http", action="store_true", help="HTTP interactions mode")
    p.add_argument("--replicas", type=int, default=2, help="with --http")
    p.add_argument("--connections", type=int, default=1000, help="with --http: client connections")
    p.add_argument("--runs", type=int, default=1, help="fresh database each run")
    p.add_argument("--profile", metavar="DIR", help="run the bot(s) under py-spy, profiles in DIR")
    p.add_argument("--no-core", action="store_true", help="skip the core-only comparison")
    p.add_argument("--database-url", default=None)
    args = p.parse_args()
    for run in range(args.runs):
        with (
            tempfile.TemporaryDirectory() as tmp,
            database(args.database_url, f"bench_discord_{run}") as url,
        ):
            asyncio.run(prepare_schema(url))
            drive = http_run if args.http else gateway_run
            print(asyncio.run(drive(url, args, Path(tmp))), flush=True)
            if not args.no_core:
                print(core_line(core_only(url, 1, args.clicks, args.clicks)), flush=True)
            print(machine(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
