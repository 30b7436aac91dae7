"""Slack clicks through the real adapter: `quizbot run slack` (HTTP mode) in its own process on
PostgreSQL, a local fake Slack Web API, and this process sending signed `block_actions` exactly
as Slack does, `--in-flight` at a time.

    python benchmarks/bench_slack_clicks.py [--players 10000] [--channels 50] [--in-flight 100]
                                            [--runs 1] [--profile] [--no-core]
                                            [--database-url postgresql+asyncpg://...]

Each channel runs a one-question round started with a signed `/quiz start`; every player
clicks once, in the channel `player % channels`. Prints clicks acked per second, the ack latency
(the HTTP response) p50/p95/p99, receipts (`chat.postEphemeral` calls the fake received) per
second, the bot's CPU per click (its whole process, start-up included, from /proc), the answers
in the database, and the core-only figure (`QuizEngine.answer` on the same clicks) of the same
run. `--profile` runs the bot under py-spy and prints the frames it spent its CPU in.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp

from benchmarks.harness import (
    BotProcess,
    bot_env,
    core_line,
    core_only,
    cpu_seconds,
    cpu_times,
    database,
    free_port,
    machine,
    prepare_schema,
    quantiles_ms,
    top_frames,
)
from tests.adapters.slack.conftest import SECRET, TEAM, signature
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack, trigger_id
from tests.helpers import count_rows


def signed(body: str) -> dict[str, str]:
    ts = int(time.time())
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": signature(body, ts),
    }


def start_body(channel: str, n: int, fake: FakeSlack) -> str:
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM,
            "team_domain": "acme",
            "channel_id": channel,
            "channel_name": channel.lower(),
            "user_id": f"UHOST{n}",
            "user_name": f"host{n}",
            "command": "/quiz",
            "text": "start 1 300",
            "api_app_id": "A0001",
            "is_enterprise_install": "false",
            "response_url": fake.response_url(str(n)),
            "trigger_id": trigger_id(n),
        }
    )


def click_body(
    card: dict[str, object], channel: str, user: str, action: str, fake: FakeSlack
) -> str:
    """A block_actions body in Slack's shape, carrying the whole card message as Slack does."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM},
        "api_app_id": "A0001",
        "token": "legacy-verification-token",
        "container": {
            "type": "message",
            "message_ts": card["ts"],
            "channel_id": channel,
            "is_ephemeral": False,
        },
        "trigger_id": trigger_id(7),
        "team": {"id": TEAM, "domain": "acme"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": channel.lower()},
        "message": {
            "type": "message",
            "user": "UBOT",
            "ts": card["ts"],
            "bot_id": "BBOT",
            "text": card["text"],
            "blocks": card["blocks"],
        },
        "state": {"values": {}},
        "response_url": fake.response_url("action"),
        "actions": [
            {
                "action_id": action,
                "block_id": "quiz:q",
                "text": {"type": "plain_text", "text": "A", "emoji": True},
                "value": action,
                "type": "button",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


async def run_once(url: str, args: argparse.Namespace, workdir: Path) -> str:
    fake = FakeSlack()
    fake.members = [f"U{100000 + p}" for p in range(args.players)]  # what users.list pages give
    await fake.start()
    port = free_port()
    env = bot_env(
        url,
        workdir,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
    )
    profile = Path(args.profile) / f"slack-{int(time.time())}.txt" if args.profile else None
    bot = BotProcess.start(["run", "slack", "--port", str(port)], env, workdir, profile=profile)
    base = f"http://127.0.0.1:{port}"
    try:
        await bot.wait_healthy(f"{base}/healthz")
        cpu_started = cpu_seconds(bot.pid)
        events = f"{base}/slack/events"
        connector = aiohttp.TCPConnector(limit=args.in_flight)
        async with aiohttp.ClientSession(connector=connector) as http:
            channels = [f"C{1000 + c}" for c in range(args.channels)]
            for n, channel in enumerate(channels):
                body = start_body(channel, n, fake)
                async with http.post(events, data=body.encode(), headers=signed(body)) as resp:
                    assert resp.status == 200, await resp.text()
            while len(fake.of("chat.postMessage")) < len(channels):
                await asyncio.sleep(0.05)
            cards = {c.args["channel"]: c for c in fake.of("chat.postMessage")}
            posted = {
                ch: {"ts": f"1700000000.{i:06d}", **cards[ch].args} for i, ch in enumerate(channels)
            }
            actions = {
                ch: [
                    e["action_id"]
                    for b in posted[ch]["blocks"]
                    if b["type"] == "actions"
                    for e in b["elements"]
                ]
                for ch in channels
            }
            bodies = []
            for p in range(args.players):
                ch = channels[p % len(channels)]
                choice = actions[ch][p % len(actions[ch])]
                bodies.append(click_body(posted[ch], ch, f"U{100000 + p}", choice, fake))

            latencies: list[float] = []
            acked_at: dict[str, float] = {}  # each player's ack, to time their receipt by
            failed: list[int] = []
            gate = asyncio.Semaphore(args.in_flight)
            receipts_before = len(fake.of("chat.postEphemeral"))

            async def click(user: str, body: str) -> None:
                async with gate:
                    started = time.monotonic()
                    async with http.post(events, data=body.encode(), headers=signed(body)) as resp:
                        await resp.read()
                        latencies.append(time.monotonic() - started)
                        acked_at[user] = time.monotonic()
                        if resp.status != 200:
                            failed.append(resp.status)

            cpu_before_clicks = cpu_seconds(bot.pid)
            started = time.monotonic()
            await asyncio.gather(*(click(f"U{100000 + p}", b) for p, b in enumerate(bodies)))
            acked = time.monotonic()
            wanted = receipts_before + args.players
            deadline = acked + 120
            while len(fake.of("chat.postEphemeral")) < wanted and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            receipts = fake.of("chat.postEphemeral")[receipts_before:]
            last_receipt = max((c.at for c in receipts), default=acked)
            # How late a receipt comes after its click's ack (receipts wait while other clicks
            # are written: bot/core/outgoing.py)
            after_ack = [
                c.at - acked_at[c.args["user"]] for c in receipts if c.args.get("user") in acked_at
            ]
            await asyncio.sleep(0.5)  # let a question's filled close or a late receipt show
            cpu = cpu_seconds(bot.pid)
            user, system = cpu_times(bot.pid)
            lookups = {m: len(fake.of(m)) for m in ("users.info", "users.list")}
    finally:
        bot.stop()
        await fake.close()
    answers = await count_rows(url, _answers_table())
    p50, p95, p99 = quantiles_ms(latencies)
    late50, _, late99 = quantiles_ms(after_ack) if after_ack else (0.0, 0.0, 0.0)
    n = args.players
    line = (
        f"slack clicks: {n} from {n} players in {args.channels} channels, {args.in_flight} in "
        f"flight: {n / (acked - started):.0f} acked/s, ack p50 {p50:.0f} ms p95 {p95:.0f} ms "
        f"p99 {p99:.0f} ms, {len(failed)} not 200; receipts {len(receipts)}/{n} at "
        f"{len(receipts) / max(last_receipt - started, 1e-9):.0f}/s, after their ack p50 "
        f"{late50:.0f} ms p99 {late99:.0f} ms; bot CPU "
        f"{cpu * 1000 / n:.2f} ms per click with start-up ({cpu:.1f} s), "
        f"{(cpu - cpu_before_clicks) * 1000 / n:.2f} ms without (start-up {cpu_started:.1f} s, "
        f"{args.channels} rounds started {cpu_before_clicks - cpu_started:.1f} s; in all "
        f"{user:.1f} s user, {system:.1f} s system); "
        f"answers in the database {answers}; names: {lookups['users.info']} users.info, "
        f"{lookups['users.list']} users.list calls"
    )
    if profile is not None:
        line += "\nbot profile (self time, py-spy):\n" + top_frames(profile)
    return line


def _answers_table() -> object:
    from bot.db.tables import Answer

    return Answer


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--players", type=int, default=10_000)
    p.add_argument("--channels", type=int, default=50)
    p.add_argument("--in-flight", type=int, default=100)
    p.add_argument("--runs", type=int, default=1, help="fresh database each run")
    p.add_argument(
        "--profile", metavar="DIR", help="run the bot under py-spy, keep its profile in DIR"
    )
    p.add_argument("--no-core", action="store_true", help="skip the core-only comparison")
    p.add_argument("--database-url", default=None)
    args = p.parse_args()
    for run in range(args.runs):
        with (
            tempfile.TemporaryDirectory() as tmp,
            database(args.database_url, f"bench_slack_{run}") as url,
        ):
            asyncio.run(prepare_schema(url))
            print(asyncio.run(run_once(url, args, Path(tmp))), flush=True)
            if not args.no_core:
                print(
                    core_line(
                        core_only(url, args.channels, args.players // args.channels, args.in_flight)
                    )
                )
            print(machine(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
