"""A round-robin TCP proxy: what a layer-4 load balancer (haproxy `mode tcp`, a cloud network
load balancer) in front of N bot replicas does, for the Discord HTTP-mode benchmark. Each new
connection goes to the next upstream in turn and its bytes are passed through untouched.

Layer 4 rather than an HTTP proxy: passing bytes costs a fraction of parsing each request
again, so on a small machine the proxy takes less of the CPU the replicas are measured with.

    python benchmarks/rr_proxy.py --port 9000 --upstream 127.0.0.1:8081 --upstream 127.0.0.1:8082
"""

from __future__ import annotations

import argparse
import asyncio
import itertools


class Pipe(asyncio.Protocol):
    """One side of a proxied connection: what it receives is written to its peer; when the
    peer cannot keep up, this side stops reading (and the other way round)."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.peer: Pipe | None = None
        self.pending: list[bytes] = []  # received before the peer was connected

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        peer = self.peer
        if peer is not None and peer.transport is not None:
            peer.transport.write(data)
        else:
            self.pending.append(data)

    def connect(self, peer: Pipe) -> None:
        """Join two sides; what either received meanwhile goes to the other."""
        self.peer, peer.peer = peer, self
        for source, target in ((self, peer), (peer, self)):
            if source.pending and target.transport is not None:
                target.transport.write(b"".join(source.pending))
            source.pending.clear()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.close()

    def eof_received(self) -> bool | None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.write_eof()
        return True

    def pause_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.resume_reading()


async def serve(port: int, upstreams: list[tuple[str, int]]) -> None:
    loop = asyncio.get_running_loop()
    turn = itertools.cycle(upstreams)
    dialling: set[asyncio.Task[None]] = set()

    def accepted() -> Pipe:
        client = Pipe()
        host, upstream_port = next(turn)

        async def dial() -> None:
            try:
                _, upstream = await loop.create_connection(Pipe, host, upstream_port)
            except OSError:
                if client.transport is not None:
                    client.transport.close()
                return
            client.connect(upstream)
            if client.transport is None or client.transport.is_closing():
                upstream.transport.close()  # type: ignore[union-attr]

        task = loop.create_task(dial())
        dialling.add(task)
        task.add_done_callback(dialling.discard)
        return client

    server = await loop.create_server(accepted, "127.0.0.1", port, backlog=4096)
    async with server:
        await server.serve_forever()


def upstream(text: str) -> tuple[str, int]:
    host, _, port = text.removeprefix("http://").rpartition(":")
    return host or "127.0.0.1", int(port)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--upstream", action="append", required=True, type=upstream)
    args = p.parse_args()
    asyncio.run(serve(args.port, args.upstream))


if __name__ == "__main__":
    main()
