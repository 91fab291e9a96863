"""The live loop: a per-session Trainer, a toolbar, and a fragment that ticks while playing.

Each browser session keeps its own Trainer in ``st.session_state`` (no state is
shared between students). While playing, a ``st.fragment(run_every=...)``
reruns only the figure: each tick trains a fixed number of iterations, takes a
snapshot and draws it, so a slow or throttled tab trains less often but never
piles up work. Buttons live outside the fragment and use callbacks, which run
before the page script, so the fragment is declared with the right timer.
"""

from __future__ import annotations

import os
import time
from typing import Callable

import streamlit as st

from ganviz.snapshot import Snapshot1D, take_snapshot
from ganviz.trainer import DivergenceError, Plateau, TrainConfig, Trainer

from .controls import Pacing
from .sessions import track_trainers

D_WINDOW = 100  # D-only steps per frame while "train D to optimality" runs
# The most training time one session's frame may take (GANVIZ_FRAME_BUDGET_MS, default 150 ms): all students'
# sessions are threads of one process, so a heavy setting (k = 10, m = 512, 200 iterations per frame) must not
# hold the interpreter for seconds while the others wait. Past the budget the frame draws what it has.
FRAME_BUDGET_S = float(os.environ.get("GANVIZ_FRAME_BUDGET_MS", "150")) / 1000
TRAIN_CHUNK = 5  # iterations between two looks at the clock


def train_within(trainer: Trainer, iterations: int, budget_s: float, clock: Callable[[], float] = time.perf_counter) -> int:
    """Train up to ``iterations`` Algorithm-1 iterations in chunks, stopping after the chunk that uses up ``budget_s``.

    At least one chunk always runs, so a run always moves. Returns the iterations done.
    """
    done, start = 0, clock()
    while done < iterations:
        n = min(TRAIN_CHUNK, iterations - done)
        trainer.train(n)
        done += n
        if clock() - start >= budget_s:
            break
    return done


class LiveRun:
    """The session state of one page's run, under keys prefixed by ``key``."""

    def __init__(self, key: str, snapshot: Callable = take_snapshot):
        """``snapshot(trainer)`` reads a frame off the trainer: ``take_snapshot`` (1D) or ``take_snapshot_2d``."""
        self.key = key
        self.snapshot = snapshot
        ss = st.session_state
        ss.setdefault(f"{key}.mode", "paused")  # paused | playing | fit_d
        ss.setdefault(f"{key}.frozen", [])
        ss.setdefault(f"{key}.message", None)

    def _get(self, name):
        return st.session_state[f"{self.key}.{name}"]

    def _set(self, name, value):
        st.session_state[f"{self.key}.{name}"] = value

    mode = property(lambda self: self._get("mode"), lambda self, v: self._set("mode", v))
    frozen = property(lambda self: self._get("frozen"))

    @property
    def trainer(self) -> Trainer | None:
        return st.session_state.get(f"{self.key}.trainer")

    def sync(self, config: TrainConfig, target=None) -> Trainer:
        """The session's trainer for ``config``: reused with new live settings, or rebuilt.

        ``target`` is for a custom target (e.g. the user's points): a new target object means a new model.
        """
        trainer = self.trainer
        new_target = target is not None and trainer is not None and trainer.target is not target
        if trainer is None or trainer.config.needs_new_model(config) or new_target:
            if trainer is not None:
                st.toast("New model: the target or a control that defines the model changed, so training restarts.")
            self.reset(config, target)
        elif trainer.config != config:
            trainer.apply(config)
        return self.trainer

    def reset(self, config: TrainConfig, target=None) -> None:
        trainer = Trainer(config, target)
        self.snapshot(trainer)  # step 0 in the history
        st.session_state[f"{self.key}.trainer"] = trainer
        self.mode = "paused"
        self._set("message", None)
        self._set("frozen", [])

    def say(self, kind: str, text: str) -> None:
        self._set("message", (kind, text))

    def show_message(self) -> None:
        message = self._get("message")
        if message:
            getattr(st, message[0])(message[1])

    # ----- toolbar -----------------------------------------------------------------
    def toolbar(self, config: TrainConfig, target=None) -> None:
        """Play/pause, step, reset, train D to optimality, snapshot."""
        cols = st.columns([1.1, 1, 1, 1.8, 1.2, 1.4])
        playing = self.mode == "playing"
        cols[0].button("Pause" if playing else "Play", icon=":material/pause:" if playing else ":material/play_arrow:", key=f"{self.key}.play", type="primary",
                       on_click=self._toggle_play, width="stretch",
                       help="Run Algorithm 1 continuously, redrawing after each batch of iterations.")
        cols[1].button("Step", icon=":material/skip_next:", key=f"{self.key}.step", on_click=self._step, width="stretch",
                       help="One iteration of Algorithm 1: k updates of D, then one of G.")
        cols[2].button("Reset", icon=":material/restart_alt:", key=f"{self.key}.reset", on_click=self.reset, args=(config, target),
                       width="stretch", help="A fresh model with the same seed: the same run again.")
        cols[3].button("Train D to optimality", icon=":material/target:", key=f"{self.key}.fit_d", on_click=self._fit_d,
                       width="stretch",
                       help="Freeze G and train D alone until it stops improving: D moves onto D* (panel (b)).")
        cols[4].button("Snapshot", icon=":material/photo_camera:", key=f"{self.key}.snap", on_click=self._freeze, width="stretch",
                       help="Freeze the current frame as a panel below, to compare (a)-(d).")
        cols[5].button("Clear snapshots", key=f"{self.key}.clear", on_click=lambda: self._set("frozen", []),
                       width="stretch", disabled=not self.frozen)

    def show_frozen(self, figure: Callable[[object, str], object]) -> None:
        """The frozen snapshots (a)-(d) in a row, each drawn by ``figure(snapshot, title)``."""
        if not self.frozen:
            return
        st.subheader("Snapshots")
        for i, (col, snap) in enumerate(zip(st.columns(4), self.frozen)):
            title = f"({'abcd'[i]}) step {snap.step:,}, JSD {snap.metrics['jsd']:.3f}"
            col.plotly_chart(figure(snap, title), key=f"{self.key}.frozen{i}", config={"displayModeBar": False})

    def _toggle_play(self):
        self.mode = "paused" if self.mode == "playing" else "playing"
        self._set("message", None)

    def _step(self):
        self.mode = "paused"
        self._guarded(lambda t: t.train(1))

    def _fit_d(self):
        self.mode = "fit_d"
        self._set("plateau", Plateau())
        self._set("fit_start", self.trainer.d_steps)
        self.say("info", "Training D alone, G frozen: watch D(x) move onto D*(x) = p_data/(p_data + p_g).")

    def _freeze(self):
        if len(self.frozen) >= 4:
            self.frozen.pop(0)
        self.frozen.append(self.snapshot(self.trainer))

    def _guarded(self, work: Callable[[Trainer], object]):
        """Run training work; on divergence, pause and say what happened (the trainer has rolled back)."""
        try:
            return work(self.trainer)
        except DivergenceError as err:
            self.mode = "paused"
            self.say("error", str(err))
            return None

    # ----- the loop ------------------------------------------------------------------
    def advance(self, pacing: Pacing) -> None:
        """One frame's worth of training, according to the mode."""
        if self.mode == "playing":
            self._guarded(lambda t: train_within(t, pacing.iterations_per_frame, FRAME_BUDGET_S))
        elif self.mode == "fit_d":
            loss = self._guarded(lambda t: t.train_discriminator(D_WINDOW))
            if loss is None or self._get("plateau").update(loss):
                if loss is not None:
                    steps = self.trainer.d_steps - self._get("fit_start")
                    self.say("success", f"D stopped improving after {steps} D steps (G frozen): it now sits on D*.")
                self.mode = "paused"

    def fragment(self, pacing: Pacing, draw: Callable[[Snapshot1D, Trainer], None]) -> None:
        """Advance and draw, rerunning every ``pacing.frame_seconds`` while training runs."""
        running = self.mode != "paused"

        @st.fragment(run_every=pacing.frame_seconds if running else None)
        def frame():
            track_trainers()
            if self.mode != "paused":
                self.advance(pacing)
            draw(self.snapshot(self.trainer), self.trainer)
            settings_caption(self.trainer, pacing)
            if running and self.mode == "paused":
                st.rerun(scope="app")  # stop the timer and refresh the buttons

        frame()


def settings_caption(trainer: Trainer, pacing: Pacing) -> None:
    """One line under the figure: the live settings the run trains with right now, and on which device."""
    c = trainer.config
    st.caption(f"training with k = {c.k}, m = {c.batch}, lr_D = {c.lr_d:g}, lr_G = {c.lr_g:g}; "
               f"{pacing.iterations_per_frame} iterations per frame, a frame every {pacing.frame_seconds:g} s; "
               f"on the {trainer.device.type.upper()}")
