"""Discord click bursts through the real adapter: `quizbot run discord` in its own process on
PostgreSQL, talking to a local fake of Discord (tests/adapters/discord/fake_discord_server.py:
REST, interaction callbacks and the gateway websocket, zlib-stream as discord.py asks), and this
process playing Discord: one `/quiz start`, then `--clicks` different members clicking the
question's buttons, spread evenly over `--within` seconds.

    python benchmarks/bench_discord_clicks.py [--clicks 5000] [--within 1.0] [--runs 1]
                                              [--http --replicas 2 --proxy auto|haproxy|python]
                                              [--profile DIR] [--profile-burst DIR] [--no-core]
                                              [--database-url postgresql+asyncpg://...]

Gateway mode (the default): each click is an INTERACTION_CREATE dispatch; it is acked when the
bot's interaction callback reaches the fake. With `--http`: `--replicas` processes of
`quizbot run discord --http` behind a round-robin proxy (haproxy in TCP mode when installed,
`apt-get install haproxy`; else benchmarks/rr_proxy.py), each click a signed POST as Discord
sends it, sent by benchmarks/burst_client.py from a process of its own (signed, serialised and
connected before the burst); it is acked by the HTTP response, timed from its due time. Each
process's CPU per click is printed too (driver, fake Discord, proxy, replicas, PostgreSQL).
Prints clicks, how many were acked within Discord's 3 seconds, ack latency p50/p95/p99,
receipts delivered (in the response, or a followup after a deferral), answers in the database,
the bots' CPU per click, and the core-only figure (`QuizEngine.answer` on the same burst) of
the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import orjson
from nacl.signing import SigningKey
from sqlalchemy.engine import make_url

from benchmarks.burst_client import BurstProcess, request_bytes
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
INTERACTIONS = "/discord/interactions"  # bot/adapters/discord/http_mode.py
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


def postgres_pid(url: str) -> int | None:
    """The postmaster serving `url` (its command line names the port), if it runs here."""
    port = str(make_url(url).port or 5432)
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(b"postgres") and port.encode() in argv:
            return int(proc.name)
    return None


def tree_cpu_seconds(pid: int) -> float:
    """CPU of a process and of all its children, those running and those already reaped
    (PostgreSQL: the postmaster and its backends)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    total = sum(int(f) for f in fields[11:15]) / tick
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for child in children:
        # one that ended meanwhile moved its CPU to the reaped figure
        with contextlib.suppress(OSError, IndexError):
            total += tree_cpu_seconds(int(child))
    return total


class CpuMeter:
    """CPU seconds of each process taking part in a burst (this driver, the proxy, each
    replica, PostgreSQL), read before and after it: on a shared machine, each one's CPU per
    click says more than the wall time, and which one to cut."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.before: dict[str, float] = {}
        self.after: dict[str, float] = {}
        self.measured: dict[str, float] = {}  # CPU seconds read otherwise

    def read(self) -> dict[str, float]:
        out = {"fake discord": time.process_time()}  # this process
        for name, pid in self.pids.items():
            with contextlib.suppress(OSError):
                out[name] = tree_cpu_seconds(pid) if name == "postgres" else cpu_seconds(pid)
        return out

    def start(self) -> None:
        self.before = self.read()

    def stop(self) -> None:
        self.after = self.read()

    def per_click(self, clicks: int) -> str:
        used = {k: self.after[k] - self.before.get(k, 0.0) for k in self.after}
        used.update(self.measured)
        parts = [f"{k} {v * 1000 / clicks:.2f}" for k, v in used.items()]
        total = sum(used.values())
        return (
            f"CPU per click (ms, burst to last receipt): {', '.join(parts)}; "
            f"all {total * 1000 / clicks:.2f} ({total:.1f} s)"
        )


@dataclass
class Spy:
    """py-spy attached to a running process, recording until stopped."""

    proc: subprocess.Popen[bytes]
    out: Path

    async def stop(self) -> Path:
        self.proc.send_signal(signal.SIGINT)
        await asyncio.get_running_loop().run_in_executor(None, self.proc.wait, 60)
        return self.out


def spy_on(pid: int, folder: str | None, n: int) -> Spy | None:
    """With --profile-burst: profile replica `n` from now until `stop()` (the burst alone,
    without the start-up a whole-process profile is mostly made of)."""
    if folder is None:
        return None
    out = Path(folder) / f"discord-http-burst-{n}-{int(time.time())}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    spy = Path(sys.executable).with_name("py-spy")
    argv = [str(spy), "record", "--pid", str(pid), "-o", str(out), "-f", "raw", "-r", "250"]
    return Spy(subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), out)


HAPROXY_CONFIG = """global
    maxconn {maxconn}
    nbthread 1
defaults
    mode tcp
    timeout connect 5s
    timeout client 120s
    timeout server 120s
frontend interactions
    bind 127.0.0.1:{port}
    default_backend replicas
backend replicas
    balance roundrobin
{servers}
"""


def proxy_command(
    which: str, port: int, upstreams: list[int], workdir: Path
) -> tuple[str, list[str]]:
    """The round-robin proxy in front of the replicas: haproxy (`apt-get install haproxy`) in
    TCP mode, one thread, when it is installed (or asked for), else benchmarks/rr_proxy.py."""
    haproxy = shutil.which("haproxy")
    if which == "haproxy" or (which == "auto" and haproxy):
        if haproxy is None:
            raise SystemExit("--proxy haproxy: no haproxy on PATH (apt-get install haproxy)")
        servers = "\n".join(f"    server r{n} 127.0.0.1:{p}" for n, p in enumerate(upstreams))
        config = workdir / "haproxy.cfg"
        # two descriptors a connection, within the usual 20,000 a process may open
        config.write_text(HAPROXY_CONFIG.format(port=port, servers=servers, maxconn=9000))
        return "haproxy, TCP mode", [haproxy, "-db", "-q", "-f", str(config)]
    if which == "auto":
        print("no haproxy on PATH (apt-get install haproxy): using benchmarks/rr_proxy.py")
    argv = [sys.executable, str(Path(__file__).with_name("rr_proxy.py")), "--port", str(port)]
    for upstream in upstreams:
        argv += ["--upstream", f"127.0.0.1:{upstream}"]
    return "rr_proxy.py", argv


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
    proxy_name, proxy_argv = proxy_command(args.proxy, proxy_port, ports, workdir)
    proxy = await asyncio.create_subprocess_exec(*proxy_argv)
    endpoint = f"http://127.0.0.1:{proxy_port}{INTERACTIONS}"
    driver: BurstProcess | None = None
    try:
        for bot, port in zip(bots, ports, strict=True):
            await bot.wait_healthy(f"http://127.0.0.1:{port}/healthz")
        connector = aiohttp.TCPConnector(limit=args.connections)
        async with aiohttp.ClientSession(connector=connector) as http:

            def signed(payload: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
                """The request Discord would send: the body and its signature headers."""
                body = orjson.dumps(payload)
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
            pids = {f"replica{n}": b.pid for n, b in enumerate(bots)}
            pids["proxy"] = proxy.pid
            pg = postgres_pid(url)
            if pg is not None:
                pids["postgres"] = pg
            meter = CpuMeter(pids)
            # Signed and serialised before the burst, sent from a process of its own over
            # connections opened before it (as Discord keeps its connections to an endpoint).
            host = f"127.0.0.1:{proxy_port}"
            driver = BurstProcess(
                "127.0.0.1",
                proxy_port,
                [request_bytes(host, INTERACTIONS, *signed(p)) for p in payloads],
                args.within,
                args.connections or len(payloads),
            )
            await driver.connect()
            cpu_before = sum(cpu_seconds(b.pid) for b in bots)
            followed_before = len(server.followup_texts)
            spies = [spy_on(b.pid, args.profile_burst, n) for n, b in enumerate(bots)]
            meter.start()
            sent = await driver.burst()
            started = sent.started
            meter.measured["driver"] = sent.cpu  # the process has ended by now
            latencies = sent.latencies()
            failed = [r.error or r.status for r in sent.results if r.error or r.status != 200]
            bodies = {
                p["id"]: orjson.loads(r.body) if r.body else None
                for p, r in zip(payloads, sent.results, strict=True)
                if not r.error
            }
            deferred = sum(1 for b in bodies.values() if (b or {}).get("type") == 5)
            receipts, last = await all_receipts(server, payloads, bodies, started, followed_before)
            meter.stop()
            await driver.release()
            profiles = [await spy.stop() for spy in spies if spy is not None]
            replies = told(receipt_texts(server, payloads, bodies))
            cpu = sum(cpu_seconds(b.pid) for b in bots)
    finally:
        if driver is not None:
            driver.stop()
        if proxy.returncode is None:
            proxy.terminate()
        await proxy.wait()
        for bot in bots:
            bot.stop()
        await server.close()
    logs = "\n".join(log_summary(bot.log) for bot in bots)
    line = summary(
        f"http, {args.replicas} replicas behind a round-robin proxy ({proxy_name})",
        args,
        sent.sent_in,
        latencies,
        receipts,
        last,
        replies,
        await count_rows(url, Answer),
    )
    line += f", {len(failed)} failed, {deferred} acked by a deferral"
    line += f"; the driver's own CPU to the last response {sent.cpu * 1000 / args.clicks:.2f} ms"
    line += " per click"
    line += f"; bots' CPU {cpu * 1000 / args.clicks:.2f} ms per click with start-up ({cpu:.1f} s), "
    line += f"{(cpu - cpu_before) * 1000 / args.clicks:.2f} ms without\n"
    line += f"{meter.per_click(args.clicks)}\n{logs}"
    for profile in profiles:
        line += f"\nreplica profile of the burst {profile.name} (py-spy):\n" + top_frames(profile)
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
    p.add_argument(
        "--connections",
        type=int,
        default=0,
        help="with --http: connections opened before the burst (default: one per click)",
    )
    p.add_argument(
        "--proxy",
        choices=["auto", "haproxy", "python"],
        default="auto",
        help="with --http: haproxy if installed (auto), or benchmarks/rr_proxy.py (python)",
    )
    p.add_argument("--runs", type=int, default=1, help="fresh database each run")
    p.add_argument("--profile", metavar="DIR", help="run the bot(s) under py-spy, profiles in DIR")
    p.add_argument(
        "--profile-burst",
        metavar="DIR",
        help="with --http: py-spy on each replica during the burst only, profiles in DIR",
    )
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
