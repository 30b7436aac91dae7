"""A round-robin HTTP proxy: what a load balancer in front of N bot replicas does, for the
Discord HTTP-mode benchmark. Each request goes whole to the next upstream in turn.

    python benchmarks/rr_proxy.py --port 9000 --upstream http://127.0.0.1:8081 \\
                                              --upstream http://127.0.0.1:8082
"""

from __future__ import annotations

import argparse
import itertools

import aiohttp
from aiohttp import web

PASSED = ("Content-Type", "X-Signature-Ed25519", "X-Signature-Timestamp")


def build(upstreams: list[str]) -> web.Application:
    turn = itertools.cycle(upstreams)
    sessions: dict[str, aiohttp.ClientSession] = {}

    async def start(app: web.Application) -> None:
        for upstream in upstreams:
            sessions[upstream] = aiohttp.ClientSession(
                upstream, connector=aiohttp.TCPConnector(limit=0)
            )

    async def stop(app: web.Application) -> None:
        for session in sessions.values():
            await session.close()

    async def forward(request: web.Request) -> web.Response:
        session = sessions[next(turn)]
        headers = {k: request.headers[k] for k in PASSED if k in request.headers}
        body = await request.read()
        async with session.request(
            request.method, request.path_qs, data=body, headers=headers
        ) as resp:
            data = await resp.read()
            content_type = resp.headers.get("Content-Type", "application/octet-stream")
            return web.Response(
                body=data, status=resp.status, headers={"Content-Type": content_type}
            )

    app = web.Application(client_max_size=1 << 22)
    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    app.router.add_route("*", "/{tail:.*}", forward)
    return app


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--upstream", action="append", required=True)
    args = p.parse_args()
    web.run_app(build(args.upstream), host="127.0.0.1", port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
