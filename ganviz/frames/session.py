"""A page's live run as one object without Streamlit: the trainer, its play/pause state machine and its frames.

The pages keep one of these per browser session (``ganviz.ui.live`` draws its
widgets and passes ``st.session_state`` as the store); the tests pass a plain
dict. Every value lives in ``store`` under keys that start with the run's
``key`` (``fig1.trainer``, ``fig1.mode``, ...), so a session's state is the
store's and nothing is shared between sessions.

* ``Playback``: the play/pause switch of any live loop, with Streamlit's echo of
  a Play/Pause click taken for what it is (``PLAY_DEBOUNCE_S``).
* ``LiveSession``: one Trainer, the modes paused / playing / fit_d (train D
  alone until its residual |D - D*| is small or stops falling,
  ``ganviz.frames.residual``), a divergence's rollback kept as facts
  to say in the reader's language, the per-frame training budget
  (``train_within``), the recorded frames and the frozen snapshots (a)-(d).
* ``RaceSession``: several runs in lockstep (``ganviz.lessons.race.Race``),
  rebuilt when their settings change, stepped while playing.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Callable

from ..core.config import TrainConfig
from ..core.trainer import DFit, DivergenceError, Trainer
from .pool import POOL
from .residual import CLOSE, FIT_SECONDS, d_residual
from .recorder import FrameRecorder

if TYPE_CHECKING:
    from ..lessons.race import Race

D_WINDOW = 100  # the most D-only steps a frame of "train D to optimality" takes (fewer where they would pass the budget)
D_PATIENCE = 1000  # D steps without improvement before the fit halves D's rate (``DFit``'s patience)
D_FIRST_WINDOW = 10  # the first frame's D steps; each next window is sized by the last one's time (``d_window``)
# The most training time one session's frame may take (GANVIZ_FRAME_BUDGET_MS, default 150 ms): all students'
# sessions are threads of one process, so a heavy setting (k = 10, m = 512, 200 iterations per frame) must not
# hold the interpreter for seconds while the others wait. Past the budget the frame draws what it has.
FRAME_BUDGET_S = float(os.environ.get("GANVIZ_FRAME_BUDGET_MS", "150")) / 1000
# A streamed frame's training also ends after this much wall time, whatever CPU it was charged: with many sessions
# a worker waits for the interpreter or for the pool's rounds (``pool.py``), and a frame that caught up on many
# missed periods would otherwise keep its student waiting for a picture for half a second or more.
FRAME_WALL_S = 0.3
TRAIN_CHUNK = 5  # the most iterations between two looks at the clock (fewer where they would pass the budget)
PLAY_DEBOUNCE_S = 0.25  # a second Play/Pause within this is Streamlit's echo of the first (it comes tens of ms later)
SECONDARY_CHART_SECONDS = 0.5  # the history charts' refresh while training runs (ui/live_chart.py, ``every``)
# A page run within this many frame periods of the last trained frame only draws (see ``LiveSession.trains_now``);
# tests/ui/conftest.py sets it to 0 for AppTest, where each run stands for one tick.
INTERACTION_GRACE = 3
RECORDED_FRAMES = 150  # frames kept per run for the timeline and the replay (evenly thinned; see recorder.py)
# A streamed frame that comes late (a busy server: many sessions' workers share one interpreter) trains the
# iterations of the frame periods it missed, up to this many periods' worth (and within its budget).
CATCH_UP = 10


def train_within(trainer: Trainer, iterations: int, budget_s: float, clock: Callable[[], float] = time.perf_counter,
                 between: Callable[[], object] = lambda: None, cost: dict | None = None,
                 stop: Callable[[], bool] = lambda: False,
                 train: Callable[[Trainer, int], tuple[int, float]] | None = None) -> int:
    """Train up to ``iterations`` Algorithm-1 iterations in chunks, none started that would end past ``budget_s``.

    Each chunk is timed, and the next one is as many iterations (at most ``TRAIN_CHUNK``, at least one) as the
    time left holds at the last chunk's seconds per iteration; when not even one fits, the frame stops. With no
    measurement yet the first chunk is one iteration. ``cost`` (a dict, e.g. kept with the run) carries the
    measured seconds per iteration (``cost["s"]``) from frame to frame, so a frame of a cheap setting starts at
    full chunks. At least one iteration always runs, so a run always moves. ``between()`` is called after every
    chunk but the last (the live loop lets Streamlit interrupt the frame there:
    ``ganviz.ui.live.yield_to_clicks``); a worker's frame ends early once ``stop()`` says the page is waiting for
    it (a click), so the click waits for one chunk, not the whole frame. ``train(trainer, n)``, when given, trains
    a chunk instead of ``trainer.train(n)`` and returns the iterations it did (up to n) and the seconds they cost
    this run, which the budget then counts instead of ``clock`` (``pool.TrainingPool.train``: a chunk trained
    together with other sessions' runs, charged its share). Returns the iterations done.
    """
    cost = {} if cost is None else cost
    done, start = 0, clock()
    now = start
    while done < iterations:
        per_iteration = cost.get("s")
        if per_iteration is None:
            n = 1
        else:
            fits = int((budget_s - (now - start)) / per_iteration + 1e-6) if per_iteration > 0 else TRAIN_CHUNK
            n = min(TRAIN_CHUNK, iterations - done, fits)
            if n < 1:
                if done:
                    break
                n = 1  # a run always moves
        before = now
        if train is None:
            trainer.train(n)
            now = clock()
        else:
            n, spent = train(trainer, n)
            now = before + spent
        done += n
        cost["s"] = max(now - before, 0.0) / n
        if now - start >= budget_s or stop():
            break
        if done < iterations:
            between()
    return done


def catch_up(iterations: int, elapsed_s: float, tick_s: float) -> int:
    """The iterations of a streamed frame that began ``elapsed_s`` after the last one, where one frame period
    (``tick_s``) trains ``iterations``: the periods' worth since the last frame (at least one, at most
    ``CATCH_UP``), so a run's pace in iterations/s holds when its frames come late."""
    periods = min(max(elapsed_s / tick_s, 1.0), CATCH_UP) if tick_s > 0 else 1.0
    return max(1, round(iterations * periods))


def d_window(window: int, spent_s: float, budget_s: float) -> int:
    """The D-only steps of the next frame of "train D to optimality": ``window`` scaled so that a window and its
    residual take ``budget_s`` (the last took ``spent_s``), at least 1 and at most ``D_WINDOW``."""
    if spent_s <= 0:
        return D_WINDOW
    return max(1, min(D_WINDOW, int(window * budget_s / spent_s)))


class Playback:
    """The play/pause switch of a live loop, kept in ``store`` under ``<key>.mode``: "paused" or "playing"
    (a ``LiveSession`` also has "fit_d")."""

    def __init__(self, store: MutableMapping, key: str):
        self.store, self.key = store, key
        store.setdefault(f"{key}.mode", "paused")

    def _get(self, name):
        return self.store[f"{self.key}.{name}"]

    def _set(self, name, value):
        self.store[f"{self.key}.{name}"] = value

    mode = property(lambda self: self._get("mode"), lambda self, v: self._set("mode", v))

    @property
    def playing(self) -> bool:
        return self.mode == "playing"

    def play(self, on: bool, now: float | None = None) -> bool:
        """The Play/Pause button: play or pause, as its label said when it was drawn; False if ignored.

        Streamlit sometimes runs a button's callback a second time when the click meets a fragment's timer tick
        (seen in the browser tests: Pause, then playing again a moment later). A second press within
        ``PLAY_DEBOUNCE_S`` of the last (``now``: ``time.monotonic()``) is taken for that echo and ignored.
        """
        now = time.monotonic() if now is None else now
        last = self.store.get(f"{self.key}.play_at")
        if last is not None and now - last < PLAY_DEBOUNCE_S:
            return False
        self._set("play_at", now)
        self.mode = "playing" if on else "paused"
        return True

    def pause(self) -> None:
        self.mode = "paused"

    def tick(self, work: Callable[[], bool | None]) -> None:
        """One tick of the loop: while playing, ``work()``; when it returns False (done, or stopped), pause."""
        if self.playing and work() is False:
            self.pause()


class LiveSession(Playback):
    """One page's run: its Trainer, its state machine and its frames, under keys prefixed by ``key``."""

    def __init__(self, store: MutableMapping, key: str, snapshot: Callable):
        """``snapshot(trainer, **options)`` reads a frame off the trainer: ``take_snapshot`` (1D) or
        ``take_snapshot_2d``; every frame of the run is read through ``take``."""
        super().__init__(store, key)
        self.snapshot = snapshot
        store.setdefault(f"{key}.frozen", [])
        store.setdefault(f"{key}.message", None)  # (kind, i18n key, values), said in the reader's language
        store.setdefault(f"{key}.diverged", False)
        store.setdefault(f"{key}.rate", None)  # (time, step, iterations per second) of the last frame
        store.setdefault(f"{key}.trained_at", None)  # time.monotonic() of the last frame that trained
        store.setdefault(f"{key}.recorder", FrameRecorder(RECORDED_FRAMES))

    frozen = property(lambda self: self._get("frozen"))
    recorder = property(lambda self: self._get("recorder"))
    message = property(lambda self: self._get("message"))
    diverged = property(lambda self: self._get("diverged"))

    @property
    def trainer(self) -> Trainer | None:
        return self.store.get(f"{self.key}.trainer")

    def take(self, trainer: Trainer | None = None, record: bool = True, **options):
        """A snapshot of ``trainer`` (default: the run's); with ``record`` its metrics row also goes into the run's
        history (``Trainer.record``: once per state). The snapshot itself only reads."""
        trainer = self.trainer if trainer is None else trainer
        snap = None if options else self._worker_snapshot(trainer)
        if snap is None:
            snap = self.snapshot(trainer, **options)
        if record:
            trainer.record(snap.metrics)
        return snap

    def _worker_snapshot(self, trainer: Trainer):
        """The snapshot the run's worker took last, if it is of ``trainer`` in its state of now (a click while the
        run plays draws it again instead of reading the same state a second time); else None."""
        outcome = self.store.get(f"{self.key}.outcome")
        last = getattr(outcome, "last", None)
        if last is not None and last[0] is trainer and last[1] == (trainer.step, trainer.d_steps):
            return last[2]
        return None

    # ----- which run -----------------------------------------------------------------
    def load_preset(self, preset) -> None:
        """Have the next ``sync`` start ``preset`` (a ``ganviz.lessons.presets.Preset``) afresh."""
        self._set("preset", preset)

    def sync(self, config: TrainConfig, target=None) -> bool:
        """Make the run fit ``config``: keep it with new live settings, or rebuild it; True if a run was replaced
        by a new model because a control that defines the model changed (the page says so).

        A preset waiting from ``load_preset`` starts afresh even if nothing changed: after its warm-up it plays,
        or fits D. ``target`` is for a custom target (e.g. the user's points): a new object means a new model.
        """
        trainer = self.trainer
        preset = self.store.pop(f"{self.key}.preset", None)
        if preset is not None:
            self.reset(config, target)
            preset.prepare(self.trainer)  # its lesson schedule (a hold of D), before the warm-up
            self._set("preset_caption", preset.caption_key)
            if preset.warmup:
                self.guarded(lambda fresh: fresh.train(preset.warmup))
                self.take()
            if preset.then == "fit_d":
                self.fit_d()
            else:
                self.mode = "playing"
            return False
        new_target = target is not None and trainer is not None and trainer.target is not target
        if trainer is None or trainer.config.needs_new_model(config) or new_target:
            self.reset(config, target)
            return trainer is not None
        if trainer.config != config:
            trainer.apply(config)
        return False

    def reset(self, config: TrainConfig, target=None) -> None:
        trainer = Trainer(config, target)
        self.take(trainer)  # step 0 in the history
        self.adopt(trainer)

    def adopt(self, trainer: Trainer) -> None:
        """Make ``trainer`` (a fresh one, or a loaded run) the run, paused, with nothing left of the last."""
        self.store[f"{self.key}.trainer"] = trainer
        self.mode = "paused"
        self._set("message", None)
        self._set("frozen", [])
        self._set("diverged", False)
        self._set("rate", None)
        self._set("preset_caption", None)
        self.recorder.clear()

    @property
    def preset_caption(self) -> str | None:
        """The catalogue key of the caption of the preset this run started from, until the run is reset."""
        return self.store.get(f"{self.key}.preset_caption")

    # ----- the state machine ---------------------------------------------------------
    def say(self, kind: str, key: str, **values) -> None:
        """Keep a message for the page: ``(kind, i18n key, values)``, shown until the next action."""
        self._set("message", (kind, key, values))

    def play(self, on: bool, now: float | None = None) -> bool:
        if not super().play(on, now):
            return False
        self._set("message", None)
        self._set("diverged", False)
        return True

    def step(self) -> None:
        self.pause()
        self.guarded(lambda trainer: trainer.train(1))

    def d_step(self) -> None:
        self.pause()
        self.guarded(lambda trainer: trainer.train_discriminator(1))
        self.say("info", "live.d_step_done")

    def g_step(self) -> None:
        self.pause()
        self.guarded(lambda trainer: trainer.train_generator(1))
        self.say("info", "live.g_step_done")

    def fit_d(self) -> None:
        """Train D alone, G frozen, a window of at most ``D_WINDOW`` steps a frame (within the frame budget), until the residual |D - D*| weighted
        by p_data + p_g is small or stops falling (``ganviz.frames.residual``), within ``FIT_SECONDS``."""
        self.mode = "fit_d"
        fit = DFit(self.trainer, d_residual, CLOSE[self.trainer.target.dim], window=D_FIRST_WINDOW, max_seconds=FIT_SECONDS,
                   patience=D_PATIENCE)
        self._set("fit", fit)
        self.say("info", "live.fit_d_running", residual=f"{fit.residual:.3f}")

    def freeze(self) -> None:
        """Keep a snapshot of now among the (at most four) frozen ones, dropping the oldest."""
        if len(self.frozen) >= 4:
            self.frozen.pop(0)
        self.frozen.append(self.take())

    def clear_frozen(self) -> None:
        self._set("frozen", [])

    def guarded(self, work: Callable[[Trainer], object]):
        """Run training work; on divergence, pause and keep its facts to say (the trainer has rolled back)."""
        try:
            return work(self.trainer)
        except DivergenceError as err:
            self.pause()
            self._set("diverged", True)
            self._set("message", ("error", "divergence", dict(err.facts)))
            return None

    # ----- the loop ------------------------------------------------------------------
    def advance(self, pacing, between: Callable[[], object] = lambda: None) -> None:
        """One frame's worth of training for ``pacing`` (``ganviz.ui.controls.Pacing``), according to the mode:
        a slow-motion beat, up to ``pacing.iterations_per_frame`` iterations within ``FRAME_BUDGET_S``
        (``between`` runs between chunks), or a window of D steps."""
        if self.mode == "playing" and pacing.slow:
            self.guarded(lambda trainer: trainer.beat())
        elif self.mode == "playing":
            cost = self.store.setdefault(f"{self.key}.iteration_s", {})
            self.guarded(lambda trainer: train_within(trainer, pacing.iterations_per_frame, FRAME_BUDGET_S,
                                                      between=between, cost=cost))
        elif self.mode == "fit_d":  # one window of D steps, then the residual |D - D*| it is judged by
            fit = self._get("fit")
            done = self.guarded(lambda trainer: fit_window(fit, FRAME_BUDGET_S))
            if done:
                close = fit.result.close
                self.say("success" if close else "warning", "live.fit_d_done" if close else "live.fit_d_not_close",
                         steps=f"{fit.result.steps:,}", residual=f"{fit.result.residual:.3f}")
            elif done is not None:
                self.say("info", "live.fit_d_running", residual=f"{fit.residual:.3f}")
            if done is None or done:  # None: it diverged, and the guard has said so
                self.pause()

    def next_frame(self, pacing, page_run: bool, timed: bool, between: Callable[[], object] = lambda: None):
        """One frame: train (see ``trains_now``), then read the snapshot to draw, recorded when it trained.

        ``page_run``: the frame runs in the whole page's run, not on the timer's tick; ``timed``: the loop was
        running when the page set its timer (a frame drawn while paused is not recorded).
        """
        trains = self.mode != "paused" and (not page_run or self.trains_now(pacing))
        if trains:
            self.advance(pacing, between)
            self._set("trained_at", time.monotonic())
        snap = self.take()
        if timed and trains:
            self.recorder.record(snap)
        return snap

    # ----- the loop off the script (``ganviz.frames.worker``) ---------------------------
    def frame_job(self, pacing, render: Callable, budget_s: float = FRAME_BUDGET_S,
                  stopping: Callable[[], bool] = lambda: False,
                  tick_s: float | None = None, posted: Callable[[], bool] = lambda: False,
                  apply_posted: Callable[[], object] = lambda: None) -> Callable[[], tuple[bytes | None, bool]]:
        """One frame of this run's training, for a worker thread: ``job() -> (render(...), more)``.

        The budget is counted in the worker thread's own CPU time (``time.thread_time``): when many sessions'
        workers share the interpreter (and its lock) or the machine, a frame still trains its share instead of
        spending its budget waiting, which would leave the frames' drawing most of the server's time. With
        ``tick_s`` (the worker's frame period) a frame that comes late trains the periods it missed
        (``catch_up``), so the run keeps its iterations/s with fewer frames, but for at most ``FRAME_WALL_S`` of wall
        time. Its chunks go through the server's ``pool.POOL``: trained together with other sessions' runs of the
        same shape when they are training too, each charged its share of a round's CPU time. A live setting or a display switch
        handed to the worker meanwhile (``posted()``, ``ganviz.ui.retune``) ends the frame's training at the next
        chunk and is applied (``apply_posted()``) before the frame is drawn, so the frame shows it.

        The job advances the run as ``advance`` does (a beat, up to ``pacing.iterations_per_frame`` iterations
        within ``budget_s``, or a window of D's fit sized to ``budget_s``), records the frame, and returns
        ``render(snap, trainer, state, rate, message, cost=(training s, snapshot s))``'s bytes; ``more`` is False once the run paused itself
        (it diverged, or D's fit ended); ``(None, False)`` when ``stopping()`` says, after the training, that the
        page has stopped the worker (a click: the page reads and draws the state itself). It never touches ``store``: what the page must know afterwards goes
        into the ``Outcome`` kept under ``<key>.outcome``, which ``collect`` reads back on the page's next run.
        """
        trainer, recorder, mode = self.trainer, self.recorder, self.mode
        fit = self._get("fit") if mode == "fit_d" else None
        outcome = Outcome(trainer.step)
        self._set("outcome", outcome)
        iteration_s = {}  # the thread's CPU seconds per iteration, across frames
        last = [None]  # when the last frame began

        def job() -> tuple[bytes, bool]:
            more, state = True, mode
            began = time.perf_counter()
            try:
                if mode == "playing" and pacing.slow:
                    trainer.beat()
                elif mode == "playing":
                    iterations = pacing.iterations_per_frame
                    if tick_s and last[0] is not None:
                        iterations = catch_up(iterations, began - last[0], tick_s)
                    last[0] = began
                    train_within(trainer, iterations, budget_s, clock=time.thread_time, cost=iteration_s,
                                 stop=lambda: stopping() or posted() or time.perf_counter() - began > FRAME_WALL_S,
                                 train=POOL.train)
                elif fit_window(fit, budget_s):
                    close = fit.result.close
                    outcome.message = ("success" if close else "warning",
                                       "live.fit_d_done" if close else "live.fit_d_not_close",
                                       {"steps": f"{fit.result.steps:,}", "residual": f"{fit.result.residual:.3f}"})
                    more = False
                else:
                    outcome.message = ("info", "live.fit_d_running", {"residual": f"{fit.residual:.3f}"})
            except DivergenceError as err:
                outcome.diverged, more = True, False
                outcome.message = ("error", "divergence", dict(err.facts))
            trained = time.perf_counter()
            if more and stopping():
                return None, False
            apply_posted()
            snap = self.snapshot(trainer)
            outcome.last = (trainer, (trainer.step, trainer.d_steps), snap)
            trainer.record(snap.metrics)
            recorder.record(snap)
            if not more:
                outcome.stopped, state = True, "diverged" if outcome.diverged else "paused"
            cost = (trained - began, time.perf_counter() - trained)  # training, and reading the snapshot
            return render(snap, trainer, state, outcome.rate(trainer.step), outcome.message, cost=cost), more

        return job

    def collect(self) -> None:
        """Take in what the run's worker did since the page last ran (call it with the worker stopped): its
        message, and, if it paused itself, the pause (and the divergence's rollback facts)."""
        outcome = self.store.get(f"{self.key}.outcome")
        if outcome is None:
            return
        if outcome.message is not None:
            self._set("message", outcome.message)
        if outcome.stopped:
            self.pause()
            self._set("diverged", outcome.diverged)
            self._set("outcome", None)

    def trains_now(self, pacing, now: float | None = None) -> bool:
        """Whether a page run (not a tick) trains a frame: only when no frame has trained for
        ``INTERACTION_GRACE`` frame periods (e.g. right after Play); a click or a slider while training runs
        gets its answer drawn without waiting for a frame's training (up to the frame budget)."""
        last = self._get("trained_at")
        now = time.monotonic() if now is None else now
        return last is None or now - last >= INTERACTION_GRACE * pacing.frame_seconds

    def chart_every(self) -> float:
        """How often a secondary chart (the history) is rebuilt: twice a second while training runs, else every
        rerun (a paused page shows what is true now: after Reset, Step, a load)."""
        return SECONDARY_CHART_SECONDS if self.mode != "paused" else 0.0

    def status(self, now: float | None = None) -> tuple[str, float | None]:
        """The status line's facts: "diverged", "playing", "fit_d" or "paused", and iterations per second while
        playing (smoothed over a few frames; a page run that only drew keeps the last rate)."""
        now, step = time.monotonic() if now is None else now, self.trainer.step
        last = self._get("rate")
        rate = None
        if self.mode == "playing" and last is not None and step == last[1]:  # a page run that only drew
            now, rate = last[0], last[2]
        elif self.mode == "playing" and last is not None and now > last[0]:
            fresh = (step - last[1]) / (now - last[0])
            rate = fresh if last[2] is None else 0.7 * last[2] + 0.3 * fresh
        self._set("rate", (now, step, rate) if self.mode == "playing" else None)
        return ("diverged" if self.diverged else self.mode), rate


def fit_window(fit: DFit, budget_s: float) -> bool:
    """One window of D's fit (``DFit.step``), then the next window sized to ``budget_s`` (patience stays the
    same number of D steps); True once the fit has ended."""
    started = time.perf_counter()
    done = fit.step()
    fit.window = d_window(fit.window, time.perf_counter() - started, budget_s)
    fit.patience = max(1, math.ceil(D_PATIENCE / fit.window))
    return done


class Outcome:
    """What a run's worker did that the page must say once it runs again (``LiveSession.collect``), and the
    worker's own measure of iterations per second (smoothed over a few frames)."""

    def __init__(self, step: int):
        self.message: tuple | None = None  # (kind, i18n key, values), as ``LiveSession.say`` keeps them
        self.diverged = False
        self.stopped = False  # the run paused itself
        self.last = None  # (trainer, (step, d_steps), snapshot) of the last frame, for the page's next run
        self._last = (time.perf_counter(), step, None)

    def rate(self, step: int) -> float | None:
        now = time.perf_counter()
        then, last_step, smooth = self._last
        if now <= then:
            return smooth
        fresh = (step - last_step) / (now - then)
        smooth = fresh if smooth is None else 0.8 * smooth + 0.2 * fresh
        self._last = (now, step, smooth)
        return smooth


def advance_race(race: "Race", iterations: int, budget_s: float | None = None, cost: dict | None = None) -> bool:
    """Train every run of ``race`` still going by ``iterations`` (within ``budget_s`` of training time, as
    ``train_within`` does, when given); False once every run has stopped."""
    if budget_s is None:
        race.train(iterations)
    else:
        train_within(race, iterations, budget_s, cost=cost)
    return len(race.errors) < len(race.trainers)


class RaceSession(Playback):
    """Runs in lockstep kept under ``key`` (the ``Race``) with their switch under ``<key>.mode``."""

    def __init__(self, store: MutableMapping, key: str, snapshot: Callable):
        """``snapshot(trainer)`` reads a run's step-0 frame into its history when the race is built."""
        super().__init__(store, key)
        self.snapshot = snapshot

    @property
    def race(self) -> Race | None:
        return self.store.get(self.key)

    def sync(self, make: Callable[[], Race], fits: Callable[[Race], bool]) -> Race:
        """The session's race: kept while ``fits(race)``, else ``make()``'s, each run at step 0 in its history."""
        race = self.race
        if race is None or not fits(race):
            race = make()
            for trainer in race.trainers.values():
                trainer.record(self.snapshot(trainer).metrics)  # step 0
            self.store[self.key] = race
        return race

    def reset(self) -> None:
        """Back to step 0, paused: the next ``sync`` builds the race afresh."""
        self.store[self.key] = None
        self.pause()

    def restart(self) -> None:
        """From step 0, playing (a preset was loaded)."""
        self.store[self.key] = None
        self.mode = "playing"

    def step(self) -> None:
        self.pause()
        self.race.train(1)

    def advance(self, iterations: int, until: int | None = None) -> bool:
        """Train every run still going by ``iterations``; False once all have stopped or the race is at ``until``."""
        race = self.race
        race.train(iterations)
        return len(race.errors) < len(race.trainers) and (until is None or race.step < until)
