"""Reading a channel's server-sent events in a test, as one viewer of the run would."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def read_events(channel, count: int, after: int = 0, timeout: float = 10.0, closing: bool = False) -> list[bytes]:
    """The first ``count`` frame events a viewer of ``channel`` receives after frame ``after`` (with
    ``closing``, the channel's closing event counts as one too)."""
    wanted = (b"id:", b"event: closed") if closing else (b"id:",)

    async def go():
        got = []
        async for event in channel.events(after):
            if event.startswith(wanted):
                got.append(event)
                if len(got) == count:
                    break
        return got

    # In a thread of its own: after the browser tests, this thread may already run an event loop (Playwright's).
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(go(), timeout)).result()


def wait_until_stopped(worker, timeout: float = 10.0) -> None:
    """Wait (at most ``timeout`` seconds) for ``worker``'s thread to end by itself; the test then checks that it did."""
    deadline = time.monotonic() + timeout
    while worker.running and time.monotonic() < deadline:
        time.sleep(0.01)
