"""The server's students' runs trained together: each playing run's worker hands its training chunks to one pool.

Every playing run has its own worker thread (``worker.py``), which trains its run a chunk of iterations at a time
(``session.train_within``). With many students the server's time goes mostly to the per-operation cost of many
small steps. ``TrainingPool.train`` takes a chunk from a worker; when other runs of the same shape
(``core.together.stack_key``) are training at the moment, the first worker to come leads a round: it waits a few
milliseconds for the others' chunks, trains them all in one batched pass (``core.together.train_together``) and
wakes their workers, each with its iterations done and its share of the round's CPU time (what the frame's
budget counts). A run alone, or one that cannot be stacked, trains in its own thread as before, without waiting.

The runs stay their own: each trainer keeps its nets, optimizer state, random generator and divergence check;
only the arithmetic of a round is shared (the same numbers as one run at a time within float rounding). Only one
thread touches a trainer at a time: its worker waits while a round trains it. ``GANVIZ_STACK=0`` turns it off.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from ..core.together import stack_key, train_together
from ..core.trainer import Trainer

log = logging.getLogger("ganviz")

ENABLED = os.environ.get("GANVIZ_STACK", "1") != "0"
REPORT_S = 10.0  # the server's log sums up the pool's rounds this often while it has any
GATHER_S = 0.004  # the longest a round's leader waits for the other runs' chunks
# A run that handed in a chunk this recently is training now (between two chunks of a frame a worker takes well
# under a millisecond; between frames it waits for its next tick): a leader waits for those, not for the others.
RECENT_S = 0.02


class _Request:
    __slots__ = ("trainer", "iterations", "key", "done", "solo", "trained", "cpu_s", "error")

    def __init__(self, trainer: Trainer, iterations: int, key: tuple):
        self.trainer, self.iterations, self.key = trainer, iterations, key
        self.done = self.solo = False
        self.trained, self.cpu_s, self.error = 0, 0.0, None


class TrainingPool:
    """Chunks of training from many threads, trained together where they can be (see the module docstring)."""

    def __init__(self, enabled: bool = ENABLED, gather_s: float = GATHER_S, recent_s: float = RECENT_S):
        self.enabled, self.gather_s, self.recent_s = enabled, gather_s, recent_s
        self._cond = threading.Condition()
        self._pending: list[_Request] = []
        self._leading = False
        self._seen: dict[tuple, dict[int, float]] = {}  # stack key -> {id(trainer): when it last handed in a chunk}
        self.rounds = 0  # rounds that trained two runs or more
        self.stacked = 0  # chunks trained in those rounds
        self._window = {"rounds": 0, "stacked": 0, "alone": 0, "waited": 0.0, "since": time.monotonic()}

    def train(self, trainer: Trainer, iterations: int) -> tuple[int, float]:
        """Train up to ``iterations`` iterations of ``trainer``'s run (at least one); returns the iterations done
        and the CPU seconds they cost this run (a round's CPU time shared equally by its runs). Raises what
        ``Trainer.train`` raises (``DivergenceError``: that run rolled back)."""
        key = stack_key(trainer) if self.enabled else None
        if key is None:
            return _solo(trainer, iterations)
        now = time.monotonic()
        with self._cond:
            seen = self._seen.setdefault(key, {})
            seen[id(trainer)] = now
            for other, when in list(seen.items()):
                if now - when > 1.0:
                    del seen[other]  # a run that stopped long ago
            # No other run of this shape is training now: this one trains in its own thread, at once.
            alone = not (self._leading or self._pending or self._others(key, id(trainer), now))
            if not alone:
                request = _Request(trainer, iterations, key)
                self._pending.append(request)
                self._cond.notify_all()
                while not request.done and self._leading:
                    self._cond.wait()
                if not request.done:
                    self._leading = True
        if alone:
            return _solo(trainer, iterations)
        if not request.done:
            self._lead()
        if request.solo:
            return _solo(trainer, request.iterations)
        if request.error is not None:
            raise request.error
        return request.trained, request.cpu_s

    def _others(self, key: tuple, me: int, now: float) -> int:
        """How many other runs of ``key`` handed in a chunk within ``recent_s``: they are training now."""
        return sum(1 for run, when in self._seen.get(key, {}).items() if run != me and now - when <= self.recent_s)

    def _lead(self) -> None:
        """Gather the chunks handed in (up to ``gather_s``), train each shape's together, and wake their threads."""
        batch, rounds, stacked, alone, waited = [], 0, 0, 0, 0.0
        try:
            began = time.monotonic()
            deadline = began + self.gather_s
            with self._cond:
                while True:
                    now = time.monotonic()
                    waiting = {id(r.trainer) for r in self._pending}
                    missing = any(run not in waiting and now - when <= self.recent_s
                                  for r in self._pending for run, when in self._seen.get(r.key, {}).items())
                    if not missing or now >= deadline:
                        break
                    self._cond.wait(deadline - now)
                batch, self._pending = self._pending, []
            waited = time.monotonic() - began
            groups: dict[tuple, list[_Request]] = {}
            for request in batch:
                groups.setdefault(request.key, []).append(request)
            for group in groups.values():
                if len(group) == 1:
                    group[0].solo = True  # trained by its own thread
                    alone += 1
                    continue
                _together(group)
                rounds, stacked = rounds + 1, stacked + len(group)
        except BaseException as err:  # whatever went wrong reaches every run of the batch, not only the leader's
            for request in batch:
                if not request.solo and request.error is None and not request.trained:
                    request.error = err
            raise
        finally:
            with self._cond:
                now = time.monotonic()
                for request in batch:
                    request.done = True
                    self._seen.setdefault(request.key, {})[id(request.trainer)] = now  # it goes on training now
                self._leading = False
                self.rounds, self.stacked = self.rounds + rounds, self.stacked + stacked
                window = self._window
                window["rounds"], window["stacked"] = window["rounds"] + rounds, window["stacked"] + stacked
                window["alone"], window["waited"] = window["alone"] + alone, window["waited"] + waited
                self._cond.notify_all()
                self._report(now)

    def _report(self, now: float) -> None:
        """Every ``REPORT_S``, one line in the server's log on the rounds since the last (called holding the lock)."""
        window = self._window
        if now - window["since"] < REPORT_S:
            return
        if window["rounds"]:
            log.info("ganviz: training pool: %d rounds of %.1f runs on average, %d chunks alone beside them, "
                     "%.2f s spent gathering, in the last %.0f s", window["rounds"],
                     window["stacked"] / window["rounds"], window["alone"], window["waited"], now - window["since"])
        self._window = {"rounds": 0, "stacked": 0, "alone": 0, "waited": 0.0, "since": now}


def _together(group: list[_Request]) -> None:
    """One round: the group's runs trained together for the fewest iterations any of them asked for."""
    iterations = min(request.iterations for request in group)
    started = time.thread_time()
    errors = train_together([request.trainer for request in group], iterations)
    share = (time.thread_time() - started) / len(group)
    for request, error in zip(group, errors):
        request.trained, request.cpu_s, request.error = iterations, share, error


def _solo(trainer: Trainer, iterations: int) -> tuple[int, float]:
    started = time.thread_time()
    trainer.train(iterations)
    return iterations, time.thread_time() - started


POOL = TrainingPool()  # the server's one pool: every playing run's worker trains through it
