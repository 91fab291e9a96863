"""Follow the teacher: one run's frames fanned out to a class, found by a short code that expires.

A teacher's session publishes its run (``publish``): the run gets a
``Broadcast`` under a short random code. Students who open ``?follow=CODE``
(``ganviz.ui.follow``) join it (``lookup`` then ``Broadcast.join``) and read
frames from a ``Channel`` (``ganviz.frames.worker``) of their own *variant*:
a language and a layout (normal or presentation). The teacher's run builds
each frame once per variant that has followers and publishes it once; every
follower of that variant reads the same bytes (a slow one skips frames, as a
teacher's own viewer does). Each variant also keeps its last frames
(``RECORDED``, thinned evenly as the run grows) for the followers' timeline.

Codes: ``CODE_LENGTH`` letters from ``ALPHABET`` (no I, L, O: nothing to mistake
for 1 or 0), drawn with ``secrets`` (23^6, about 148 million codes; not
sequential), behind the replica's digit when ``GANVIZ_REPLICA`` names one
(nginx routes ``?follow=`` by it). A broadcast ends when the teacher stops
sharing, when the teacher's session ends, or ``GANVIZ_FOLLOW_HOURS`` after it
began; its followers' streams are closed, and a code that ended is refused
with the reason until it would have expired. Nothing here imports Streamlit.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
import time
from typing import Callable

from ..i18n import LANGUAGES, language, set_language
from .recorder import FrameRecorder
from .worker import Channel, close_channel, open_channel

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
HOURS = float(os.environ.get("GANVIZ_FOLLOW_HOURS", "3"))  # how long a code lasts at most
REPLICA = os.environ.get("GANVIZ_REPLICA", "")  # this server's digit among replicas behind nginx ("" alone)
RECORDED = 120  # frames kept per variant for the followers' timeline
WANTED_SECONDS = 12.0  # a variant is built while a follower was connected within this (streams renew every 5 s)
# Followers' frames are published at most this often (a teacher's frame in between is skipped for them): the
# fan-out's cost stays bounded whatever the teacher's frame rate. GANVIZ_FOLLOW_FPS sets it.
FOLLOW_FPS = float(os.environ.get("GANVIZ_FOLLOW_FPS", "12"))
ENDED_REASONS = ("stopped", "left", "expired")

Variant = tuple[str, bool]  # (language code, presentation layout)
VARIANTS: list[Variant] = [(code, projector) for code in LANGUAGES for projector in (False, True)]

_broadcasts: dict[str, "Broadcast"] = {}
_lock = threading.Lock()


def normal_code(text: str) -> str:
    """A code as typed (spaces, dashes, lower case) in its one form: upper case, nothing but its characters."""
    return re.sub(r"[\s\-]", "", str(text or "")).upper()[:16]


def valid_code(code: str) -> bool:
    """Whether ``code`` has the form of a code (an optional replica digit, then the letters)."""
    return re.fullmatch(rf"[1-9]?[{ALPHABET}]{{{CODE_LENGTH}}}", code) is not None


class Relay:
    """One variant's channel and its recorded frames ((step, bytes), evenly thinned)."""

    def __init__(self):
        self.channel: Channel = open_channel()
        self.recorder = FrameRecorder(RECORDED)
        self.last_step = -1

    def publish(self, step: int, frame: bytes) -> None:
        if step < self.last_step:  # the teacher started a new run: the timeline starts again
            self.recorder.clear()
        self.last_step = step
        self.channel.publish(frame)
        self.recorder.record((step, frame))

    def wanted(self) -> bool:
        return self.channel.idle_for() < WANTED_SECONDS


class Broadcast:
    """A published run: its code, the page it is on, its variants' relays, and whether and why it ended."""

    def __init__(self, code: str, page: str, hours: float = HOURS, now: float | None = None):
        now = time.monotonic() if now is None else now
        self.code, self.page = code, page
        self.started, self.expires = now, now + hours * 3600
        self.ended: str | None = None  # one of ENDED_REASONS once it has ended
        self.relays: dict[Variant, Relay] = {}
        self.lock = threading.RLock()  # one frame's variants are built and published under it
        self.redraw: Callable[[Variant], tuple[int, bytes]] | None = None  # the teacher's latest state, drawn anew
        self._published_at = 0.0

    def live(self, now: float | None = None) -> bool:
        """Whether followers may still join; past its expiry it ends ("expired")."""
        if self.ended is None and (time.monotonic() if now is None else now) >= self.expires:
            self.end("expired")
        return self.ended is None

    @property
    def followers(self) -> int:
        """Followers connected now (their streams open), all variants together."""
        with self.lock:
            return sum(relay.channel.viewers for relay in self.relays.values())

    def join(self, variant: Variant) -> Relay:
        """The relay of ``variant`` (made on first use): the follower's page reads its channel and timeline."""
        with self.lock:
            relay = self.relays.get(variant)
            if relay is None:
                relay = self.relays[variant] = Relay()
            relay.channel.seen()  # wanted from now on, before the follower's stream opens
            if relay.channel.frame is None and self.redraw is not None and self.ended is None:
                relay.publish(*self.redraw(variant))  # a first frame now, even while the teacher's run is paused
            return relay

    def wanted(self) -> list[Variant]:
        """The variants a follower reads now (or did within ``WANTED_SECONDS``)."""
        with self.lock:
            return [variant for variant, relay in self.relays.items() if relay.wanted()]

    def due(self, playing: bool, now: float | None = None) -> bool:
        """Whether a frame of the teacher's goes out to the followers: always when the run is not playing (a
        pause, a step, a reset is never skipped), else at most ``FOLLOW_FPS`` a second."""
        now = time.monotonic() if now is None else now
        if playing and now - self._published_at < 1.0 / FOLLOW_FPS:
            return False
        self._published_at = now
        return True

    def publish(self, variant: Variant, step: int, frame: bytes) -> None:
        if self.ended is not None:
            return
        with self.lock:
            relay = self.relays.get(variant)
        if relay is not None:
            relay.publish(step, frame)

    def end(self, reason: str) -> None:
        """No more frames: the followers' streams close (their pages then say why) and the relays go."""
        with self.lock:
            if self.ended is not None:
                return
            self.ended = reason
            relays, self.relays, self.redraw = list(self.relays.values()), {}, None
        for relay in relays:
            close_channel(relay.channel)


def _purge(now: float) -> None:
    """Forget broadcasts past their expiry (ended or not); call with ``_lock`` held."""
    for code in [code for code, b in _broadcasts.items() if now >= b.expires]:
        _broadcasts.pop(code).end("expired")


def publish(page: str, hours: float = HOURS, replica: str = REPLICA, now: float | None = None) -> Broadcast:
    """A new broadcast of a run on ``page`` under a fresh code (never one in use)."""
    now = time.monotonic() if now is None else now
    if replica and not re.fullmatch(r"[1-9]", replica):
        raise ValueError(f"GANVIZ_REPLICA must be one digit 1-9 (got {replica!r})")
    with _lock:
        _purge(now)
        while True:
            code = replica + "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
            if code not in _broadcasts:
                break
        broadcast = _broadcasts[code] = Broadcast(code, page, hours, now)
    return broadcast


def lookup(code: str, now: float | None = None) -> tuple[Broadcast | None, str]:
    """The broadcast of ``code`` (as typed) and "ok", or None and why not: "malformed" (not the form of a
    code), "unknown" (no such code here: mistyped, expired long ago, or another server's), or the reason it
    ended ("stopped", "left", "expired")."""
    code = normal_code(code)
    if not valid_code(code):
        return None, "malformed"
    now = time.monotonic() if now is None else now
    with _lock:
        _purge(now)
        broadcast = _broadcasts.get(code)
    if broadcast is None:
        return None, "unknown"
    if not broadcast.live(now):
        return None, broadcast.ended
    return broadcast, "ok"


def end(code: str, reason: str) -> None:
    """End the broadcast of ``code`` (kept, so its followers are told why, until it would have expired)."""
    with _lock:
        broadcast = _broadcasts.get(code)
    if broadcast is not None:
        broadcast.end(reason)


def active() -> list[Broadcast]:
    """The broadcasts that have not ended."""
    with _lock:
        return [b for b in _broadcasts.values() if b.ended is None]


def feed(broadcast: Broadcast, teacher: Variant, step: int, frame: bytes, playing: bool,
         build: Callable[[Variant], bytes], channel: Channel | None = None) -> None:
    """One frame of the teacher's run (``frame``: its bytes in the teacher's variant, at ``step``) to
    ``broadcast``'s followers.

    When it is due (``Broadcast.due``; a frame that carries the history chart always is), each wanted variant
    gets its frame: the teacher's own bytes for the teacher's variant, else ``build(variant)``, called in the
    variant's language (set back after), once for all its followers. It runs wherever the teacher's frame is
    made (the worker's thread, the page's run). While followers read, the teacher's own ``channel`` counts as
    watched, so the run's worker goes on when the teacher's tab lags behind (a busy laptop): it stops only when
    the teacher's session ends.
    """
    def draw(variant: Variant) -> tuple[int, bytes]:
        if variant == teacher:
            return step, frame
        previous = language()
        set_language(variant[0])
        try:
            return step, build(variant)
        finally:
            set_language(previous)

    with broadcast.lock:
        if broadcast.ended is not None:
            return
        broadcast.redraw = draw  # a follower who joins a new variant gets this state drawn at once
        history = frame.rfind(b',"history":') != -1  # the history chart comes with few frames: never skip one
        if broadcast.live() and (broadcast.due(playing) or history):
            wanted = broadcast.wanted()
            for variant in wanted:
                broadcast.publish(variant, *draw(variant))
            if wanted and channel is not None:
                channel.seen()


def fan_out(broadcast: Broadcast, render: Callable, renderer_for: Callable[[bool], Callable],
            teacher: Variant, channel: Channel | None = None) -> Callable:
    """``render`` (a live page's ``render(snap, trainer, state, rate, message, stopped=None, cost=None) -> bytes``)
    that also feeds ``broadcast``'s followers (``feed``).

    The teacher's frame is built as before; another variant's by its own ``renderer_for(projector)`` (all made
    here, in the caller: each keeps its own clock for the history chart).
    """
    renderers = {variant: renderer_for(variant[1]) for variant in VARIANTS}

    def wrapped(snap, trainer, state, rate, message, stopped=None, cost=None) -> bytes:
        frame = render(snap, trainer, state, rate, message, stopped=stopped, cost=cost)
        feed(broadcast, teacher, trainer.step, frame, state == "playing",
             lambda variant: renderers[variant](snap, trainer, state, rate, message, stopped=stopped), channel)
        return frame

    return wrapped
