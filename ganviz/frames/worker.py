"""Training off the page's script: a run's worker thread and the channel its frames go out on.

While a live page plays, the page's script does not run at all: a ``Worker``
thread trains the session's run one frame at a time and ``publish``-es each
frame (JSON bytes) on the run's ``Channel``; the browser reads the channel
over its own HTTP stream (``ganviz.ui.server``'s ``/ganviz/live/<token>``
route, server-sent events) and redraws the figure in place. So no Streamlit
rerun, no stale-element fade, and no per-frame cost of a script run.

* ``Channel``: the newest frame of one run and the viewers waiting for the
  next. A slow viewer skips frames (it always gets the newest one), so one
  slow tab never holds back training or another tab. Each channel is found by
  an unguessable token (``open_channel``), which only the session's own page
  is given.
* ``Worker``: one thread per run; ``start(job)`` calls ``job()`` once per
  frame until it says stop, ``stop()`` ends the thread and waits for it (the
  page stops it before touching the run, and starts it again after); ``post(change)`` hands it a change
  (a live setting) to make in its own thread before its next frame. A worker
  is *abandoned*, and ends by itself with a line in the server's log, when its
  channel has had no viewer for ``IDLE_SECONDS`` **and** its ``connected()``
  says no: the page gives a callable that tells whether the session's tab is
  still connected and on the run's page (``ganviz.ui.sessions.tab_watcher``).
  A tab starved of CPU may miss its stream for longer than ``IDLE_SECONDS``
  while still open: its run goes on. A closed tab's websocket disconnects, so
  its worker still stops after ``IDLE_SECONDS``. Without ``connected`` (no
  session to ask) the idle time alone decides.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import threading
import time
import weakref
from collections.abc import AsyncIterator
from typing import Callable

log = logging.getLogger("ganviz")

# A playing run with no viewer this long, whose tab is not connected (``Worker``'s ``connected``), stops: its tab
# was closed (or lost for good). GANVIZ_WORKER_IDLE_S sets it.
IDLE_SECONDS = float(os.environ.get("GANVIZ_WORKER_IDLE_S", "10"))
KEEPALIVE_SECONDS = 15.0  # a comment line this often keeps proxies from closing a quiet stream
# One stream lasts at most this long, then asks the browser to open the next (``event: renew``): an open HTTP
# response would otherwise hold the server's graceful shut-down (uvicorn waits for every response to end).
STREAM_SECONDS = 5.0

# Weak: a channel lives as long as its session keeps it (or a viewer or a worker still uses it).
_channels: "weakref.WeakValueDictionary[str, Channel]" = weakref.WeakValueDictionary()
_channels_lock = threading.Lock()
FAILED = b'{"failed":true}'  # the frame a worker publishes when its job raised


class Channel:
    """The newest frame of one run (``publish``) and the viewers that read it (``events``)."""

    def __init__(self, token: str):
        self.token = token
        self.seq = 0  # frames published so far
        self.frame: bytes | None = None
        self.closed = False
        self._lock = threading.Lock()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._last_seen = time.monotonic()  # the last moment a viewer was connected

    def publish(self, frame: bytes) -> int:
        """Make ``frame`` the newest and wake every viewer; returns its sequence number."""
        with self._lock:
            self.seq += 1
            self.frame = frame
            waiters = list(self._waiters)
        for loop, event in waiters:
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # that viewer's event loop has closed
                pass
        return self.seq

    @property
    def viewers(self) -> int:
        with self._lock:
            return len(self._waiters)

    def idle_for(self, now: float | None = None) -> float:
        """Seconds since a viewer was last connected (0 while one is)."""
        with self._lock:
            if self._waiters:
                return 0.0
            return (time.monotonic() if now is None else now) - self._last_seen

    def seen(self) -> None:
        """Count now as a moment a viewer was here (a page run stands for one: its tab is open)."""
        with self._lock:
            self._last_seen = time.monotonic()

    async def events(self, after: int = 0, seconds: float | None = None) -> AsyncIterator[bytes]:
        """Server-sent events for one viewer: each newest frame once (``after``: the last it has), a comment
        every ``KEEPALIVE_SECONDS`` while nothing changes; after ``seconds`` (default ``STREAM_SECONDS``) an
        ``event: renew`` with the last frame's number, and the stream ends; ``event: closed`` when the channel is."""
        loop, event = asyncio.get_running_loop(), asyncio.Event()
        end = loop.time() + (STREAM_SECONDS if seconds is None else seconds)
        with self._lock:
            self._waiters.add((loop, event))
        try:
            yield b"retry: 1000\n\n"
            while not self.closed:
                with self._lock:
                    seq, frame = self.seq, self.frame
                if seq != after and frame is not None:
                    after = seq
                    yield b"id: %d\ndata: %s\n\n" % (seq, frame)
                    continue
                left = end - loop.time()
                if left <= 0:
                    yield b"event: renew\ndata: %d\n\n" % after
                    return
                try:
                    await asyncio.wait_for(event.wait(), min(KEEPALIVE_SECONDS, left))
                except asyncio.TimeoutError:
                    yield b": keep-alive\n\n"
                event.clear()
            yield b"event: closed\ndata: {}\n\n"
        finally:
            with self._lock:
                self._waiters.discard((loop, event))
                self._last_seen = time.monotonic()

    def close(self) -> None:
        """No more frames: wake the viewers so their streams end."""
        self.closed = True
        self.publish(b"{}")


def open_channel() -> Channel:
    """A new channel under a fresh unguessable token (128 random bits)."""
    channel = Channel(secrets.token_urlsafe(16))
    with _channels_lock:
        _channels[channel.token] = channel
    return channel


def find_channel(token: str) -> Channel | None:
    with _channels_lock:
        return _channels.get(token)


def close_channel(channel: Channel) -> None:
    channel.close()
    with _channels_lock:
        _channels.pop(channel.token, None)


class Worker:
    """One run's training thread: ``job()`` once per frame, at most every ``interval`` seconds, until it stops.

    ``job()`` returns ``(frame, more)``: the frame's bytes are published on the channel; ``more`` False ends
    the thread after that frame (the run paused itself: it diverged, or D's fit finished). A job that sees
    ``stopping`` after training may return ``(None, False)``: the page, which stopped it, draws the state.

    ``connected()``: whether the run's tab is still there (connected, on the run's page), asked only once the
    channel has had no viewer for ``IDLE_SECONDS``; the thread ends then only if it says no. It must not hold
    the session's state, and must be cheap and safe to call from this thread. None: the idle time alone decides.
    """

    def __init__(self, channel: Channel, name: str = "run", connected: Callable[[], bool] | None = None):
        self.channel, self.name = channel, name
        self.connected = connected if connected is not None else (lambda: False)
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.error: BaseException | None = None  # what ended the last thread, if it was an exception
        self._inbox: list[Callable[[], object]] = []  # changes to make in the thread before its next frame
        self._inbox_lock = threading.Lock()
        self._mail = threading.Event()  # set by ``post`` (and ``stop``): the thread's wait between frames ends

    def stopping(self) -> bool:
        """Whether the page has asked the thread to end (a job may skip drawing a frame nobody will see)."""
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, job: Callable[[], tuple[bytes, bool]], interval: float,
              setup: Callable[[], object] = lambda: None) -> None:
        """Stop any thread of this worker, then run ``job`` in a new one (``setup()`` first, in that thread)."""
        self.stop()
        self._take_inbox()  # a change the last thread did not take: the page has made its own since
        self._mail.clear()
        self._stop = threading.Event()
        self.error = None
        self.channel.seen()
        self._thread = threading.Thread(target=self._loop, args=(job, interval, setup, self._stop),
                                        name=f"ganviz-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the thread to end after its current frame and wait for it."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        self._mail.set()
        if thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None

    def post(self, change: Callable[[], object]) -> bool:
        """Have the thread call ``change()`` before its next frame (a live setting taken without stopping the run:
        the thread is the only one touching the trainer while it runs). False when no thread runs: the caller
        makes the change itself."""
        with self._inbox_lock:
            if not self.running or self._stop.is_set():
                return False
            self._inbox.append(change)
        self._mail.set()
        return True

    def posted(self) -> bool:
        """Whether a change waits for the thread (its frame may end its training early to show it)."""
        return bool(self._inbox)

    def apply_posted(self) -> None:
        """Make the changes posted so far (called in the thread: by its loop, or by a frame's job)."""
        for change in self._take_inbox():
            change()

    def _take_inbox(self) -> list:
        with self._inbox_lock:
            changes, self._inbox = self._inbox, []
        return changes

    def close(self) -> None:
        """The run's session has ended: stop the thread and close the channel (its viewers' streams end)."""
        self.stop()
        close_channel(self.channel)

    def _loop(self, job, interval: float, setup, stop: threading.Event) -> None:
        setup()
        starved = False  # said once per thread: its tab is connected but has not read for IDLE_SECONDS
        try:
            while not stop.is_set():
                began = time.perf_counter()
                self.apply_posted()
                frame, more = job()
                if frame is None:  # the job saw the stop and left its frame undrawn (the page draws the state)
                    return
                self.channel.publish(frame)
                if not more:
                    return
                if self.channel.idle_for() > IDLE_SECONDS:
                    if not self.connected():
                        log.info("worker of %s stopped: no viewer for %.0f s (tab closed or on another page)",
                                 self.name, IDLE_SECONDS)
                        return
                    if not starved:
                        starved = True
                        log.info("worker of %s goes on: no viewer for %.0f s, but its tab is connected (starved of "
                                 "CPU?)", self.name, IDLE_SECONDS)
                else:
                    starved = False
                pause = max(0.0, interval - (time.perf_counter() - began))
                if pause and not self.posted():
                    self._mail.wait(pause)  # (a posted change or a stop ends the wait early)
                self._mail.clear()
        except BaseException as err:  # kept for the page, which says so; the thread ends
            self.error = err
            log.exception("worker of %s failed", self.name)
            self.channel.publish(FAILED)  # the browser asks the page to run, which says what happened
