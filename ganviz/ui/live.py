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

from ganviz.i18n import t
from ganviz.frames.recorder import FrameRecorder
from ganviz.frames.snapshot import Snapshot1D, take_snapshot
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import DFit, DivergenceError, Trainer
from ganviz.frames.residual import CLOSE, FIT_SECONDS, d_residual

from . import divergence_text, presenting, use_language
from .controls import Pacing, set_widgets
from .sessions import track_trainers

D_WINDOW = 100  # D-only steps per frame while "train D to optimality" runs
# The most training time one session's frame may take (GANVIZ_FRAME_BUDGET_MS, default 150 ms): all students'
# sessions are threads of one process, so a heavy setting (k = 10, m = 512, 200 iterations per frame) must not
# hold the interpreter for seconds while the others wait. Past the budget the frame draws what it has.
FRAME_BUDGET_S = float(os.environ.get("GANVIZ_FRAME_BUDGET_MS", "150")) / 1000
TRAIN_CHUNK = 5  # iterations between two looks at the clock
PLAY_DEBOUNCE_S = 0.25  # a second Play/Pause within this is Streamlit's echo of the first (measured 13-52 ms later)
SECONDARY_CHART_SECONDS = 0.5  # the history charts' refresh while training runs (ui/live_chart.py, ``every``)
# A page run within this many frame periods of the last trained frame only draws (see ``LiveRun.fragment``);
# tests/conftest.py sets it to 0 for AppTest, where each run stands for one tick.
INTERACTION_GRACE = 3
RECORDED_FRAMES = 150  # frames kept per run for the timeline and the replay (evenly thinned; see recorder.py)


def train_within(trainer: Trainer, iterations: int, budget_s: float, clock: Callable[[], float] = time.perf_counter,
                 between: Callable[[], object] = lambda: None) -> int:
    """Train up to ``iterations`` Algorithm-1 iterations in chunks, stopping after the chunk that uses up ``budget_s``.

    At least one chunk always runs, so a run always moves. ``between()`` is called after every chunk but the
    last (the live loop lets Streamlit interrupt the frame there: ``yield_to_clicks``). Returns the iterations done.
    """
    done, start = 0, clock()
    while done < iterations:
        n = min(TRAIN_CHUNK, iterations - done)
        trainer.train(n)
        done += n
        if clock() - start >= budget_s:
            break
        if done < iterations:
            between()
    return done


def yield_to_clicks() -> None:
    """Let a click or a slider that waits for this frame's training stop it now, between two chunks.

    Streamlit stops a running script for a waiting rerun only at its own calls, and every read of
    ``st.session_state`` is one of them. Without this a click waited for the rest of the frame's training
    (up to 80 ms on Figure 1, 160 ms on 2D), measured in the browser with tools/measure_page.py. The chunks
    already trained stay trained: each ``trainer.train`` call is whole, divergence guard included.
    """
    st.session_state.get(f"{__name__}.yield")


class LiveRun:
    """The session state of one page's run, under keys prefixed by ``key``."""

    def __init__(self, key: str, snapshot: Callable = take_snapshot):
        """``snapshot(trainer)`` reads a frame off the trainer: ``take_snapshot`` (1D) or ``take_snapshot_2d``."""
        self.key = key
        self.read = snapshot  # a pure read; ``self.snapshot`` also records the frame's metrics row
        ss = st.session_state
        ss.setdefault(f"{key}.mode", "paused")  # paused | playing | fit_d
        ss.setdefault(f"{key}.frozen", [])
        ss.setdefault(f"{key}.message", None)  # (kind, i18n key, values), said in the reader's language
        ss.setdefault(f"{key}.diverged", False)
        ss.setdefault(f"{key}.rate", None)  # (time, step, iterations per second) of the last frame
        ss.setdefault(f"{key}.trained_at", None)  # time.monotonic() of the last frame that trained
        ss.setdefault(f"{key}.recorder", FrameRecorder(RECORDED_FRAMES))

    def _get(self, name):
        return st.session_state[f"{self.key}.{name}"]

    def _set(self, name, value):
        st.session_state[f"{self.key}.{name}"] = value

    mode = property(lambda self: self._get("mode"), lambda self, v: self._set("mode", v))
    frozen = property(lambda self: self._get("frozen"))
    recorder = property(lambda self: self._get("recorder"))

    def snapshot(self, trainer: Trainer):
        """A frame of ``trainer`` as the page shows it: read, and its metrics row recorded in the run's history."""
        snap = self.read(trainer)
        trainer.record(snap.metrics)
        return snap

    @property
    def trainer(self) -> Trainer | None:
        return st.session_state.get(f"{self.key}.trainer")

    def sync(self, config: TrainConfig, target=None) -> Trainer:
        """The session's trainer for ``config``: reused with new live settings, or rebuilt.

        ``target`` is for a custom target (e.g. the user's points): a new target object means a new model.
        """
        trainer = self.trainer
        preset = st.session_state.pop(f"{self.key}.preset", None)
        if preset is not None:  # loaded by a preset button: a fresh run of it, even if nothing changed
            self.reset(config, target)
            st.session_state[f"{self.key}.preset_caption"] = preset.name
            if preset.warmup:
                self._guarded(lambda fresh: fresh.train(preset.warmup))
                self.snapshot(self.trainer)
            if preset.then == "fit_d":
                self._fit_d()
            else:
                self.mode = "playing"
            return self.trainer
        new_target = target is not None and trainer is not None and trainer.target is not target
        if trainer is None or trainer.config.needs_new_model(config) or new_target:
            if trainer is not None:
                st.toast(t("live.new_model"))
            self.reset(config, target)
        elif trainer.config != config:
            trainer.apply(config)
        return self.trainer

    def reset(self, config: TrainConfig, target=None) -> None:
        trainer = Trainer(config, target)
        self.snapshot(trainer)  # step 0 in the history
        self.adopt(trainer)

    def adopt(self, trainer: Trainer) -> None:
        """Make ``trainer`` (a fresh one, or a loaded run) this page's run, paused, with nothing left of the last."""
        st.session_state[f"{self.key}.trainer"] = trainer
        self.mode = "paused"
        self._set("message", None)
        self._set("frozen", [])
        self._set("diverged", False)
        self._set("rate", None)
        self._set("preset_caption", None)
        self.recorder.clear()

    def preset_buttons(self, presets: list) -> None:
        """Buttons, three to a row, one per preset of this page (``ganviz.lessons.presets``); each one's caption is its tooltip."""
        if not presets:
            return
        per_row = 3
        cols = [col for start in range(0, len(presets), per_row) for col in st.columns(per_row)]
        for col, preset in zip(cols, presets):
            col.button(t(f"preset.{preset.name}.title"), key=f"{self.key}.preset.{preset.name}", icon=":material/science:",
                       on_click=self._load_preset, args=(preset,), width="stretch",
                       help=t(f"preset.{preset.name}.caption"))

    def _load_preset(self, preset) -> None:
        set_widgets(self.key, preset.config)
        st.session_state[f"{self.key}.preset"] = preset

    def preset_caption(self) -> None:
        """What the last loaded preset shows, until the run is reset."""
        name = st.session_state.get(f"{self.key}.preset_caption")
        if name:
            st.info(t(f"preset.{name}.caption"), icon=":material/science:")

    def say(self, kind: str, key: str, **values) -> None:
        """Show ``t(key, **values)`` as st.<kind> above the figure until the next action (stored untranslated)."""
        self._set("message", (kind, key, values))

    def show_message(self) -> None:
        message = self._get("message")
        if message:
            kind, key, values = message
            getattr(st, kind)(divergence_text(values) if key == "divergence" else t(key, **values))

    # ----- toolbar -----------------------------------------------------------------
    def toolbar(self, config: TrainConfig, target=None) -> None:
        """Play/pause, step, D step, G step, reset; train D to optimality, snapshot, clear snapshots."""
        playing = self.mode == "playing"
        cols = st.columns(5)
        cols[0].button(t("live.pause") if playing else t("live.play"),
                       icon=":material/pause:" if playing else ":material/play_arrow:", key=f"{self.key}.play",
                       type="primary", on_click=self._play, args=(not playing,), width="stretch",
                       help=t("live.play_help"))
        cols[1].button(t("live.step"), icon=":material/skip_next:", key=f"{self.key}.step", on_click=self._step,
                       width="stretch", help=t("live.step_help"))
        cols[2].button(t("live.d_step"), icon=":material/gavel:", key=f"{self.key}.d_step", on_click=self._d_step,
                       width="stretch", help=t("live.d_step_help"))
        cols[3].button(t("live.g_step"), icon=":material/brush:", key=f"{self.key}.g_step", on_click=self._g_step,
                       width="stretch", help=t("live.g_step_help"))
        cols[4].button(t("live.reset"), icon=":material/restart_alt:", key=f"{self.key}.reset", on_click=self.reset,
                       args=(config, target), width="stretch", help=t("live.reset_help"))
        if presenting():
            return
        cols = st.columns([1.6, 1, 1, 1.4])
        cols[0].button(t("live.fit_d"), icon=":material/target:", key=f"{self.key}.fit_d", on_click=self._fit_d,
                       width="stretch", help=t("live.fit_d_help"))
        cols[1].button(t("live.snapshot"), icon=":material/photo_camera:", key=f"{self.key}.snap",
                       on_click=self._freeze, width="stretch", help=t("live.snapshot_help"))
        cols[2].button(t("live.clear"), key=f"{self.key}.clear", on_click=lambda: self._set("frozen", []),
                       width="stretch", disabled=not self.frozen, help=t("live.clear_help"))

    def show_frozen(self, figure: Callable[[object, str], object]) -> None:
        """The frozen snapshots (a)-(d) in a row, each drawn by ``figure(snapshot, title)``."""
        if not self.frozen:
            return
        st.subheader(t("live.snapshots"))
        for i, (col, snap) in enumerate(zip(st.columns(4), self.frozen)):
            title = t("live.frozen_title", panel="abcd"[i], step=f"{snap.step:,}", jsd=f"{snap.metrics['jsd']:.3f}")
            col.plotly_chart(figure(snap, title), key=f"{self.key}.frozen{i}", config={"displayModeBar": False})

    def _play(self, on: bool):
        """The Play/Pause button: play or pause, as its label said when it was drawn.

        Streamlit sometimes runs a button's callback a second time when the click meets a
        fragment's timer tick (seen in the browser tests: Pause, then playing again a moment
        later). A second press within ``PLAY_DEBOUNCE_S`` of the last is taken for that echo.
        """
        if echo_of_last_press(f"{self.key}.play_at"):
            return
        self.mode = "playing" if on else "paused"
        self._set("message", None)
        self._set("diverged", False)

    def _step(self):
        self.mode = "paused"
        self._guarded(lambda trainer: trainer.train(1))

    def _d_step(self):
        self.mode = "paused"
        self._guarded(lambda trainer: trainer.train_discriminator(1))
        self.say("info", "live.d_step_done")

    def _g_step(self):
        self.mode = "paused"
        self._guarded(lambda trainer: trainer.train_generator(1))
        self.say("info", "live.g_step_done")

    def _fit_d(self):
        self.mode = "fit_d"
        fit = DFit(self.trainer, d_residual, CLOSE[self.trainer.target.dim], window=D_WINDOW, max_seconds=FIT_SECONDS)
        self._set("fit", fit)
        self.say("info", "live.fit_d_running", residual=f"{fit.residual:.3f}")

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
            self._set("diverged", True)
            self._set("message", ("error", "divergence", dict(err.facts)))
            return None

    # ----- the loop ------------------------------------------------------------------
    def advance(self, pacing: Pacing) -> None:
        """One frame's worth of training, according to the mode."""
        if self.mode == "playing" and pacing.slow:
            self._guarded(lambda trainer: trainer.beat())
        elif self.mode == "playing":
            self._guarded(lambda trainer: train_within(trainer, pacing.iterations_per_frame, FRAME_BUDGET_S,
                                                             between=yield_to_clicks))
        elif self.mode == "fit_d":  # one window of D steps, then the residual |D - D*| it is judged by
            fit = self._get("fit")
            done = self._guarded(lambda trainer: fit.step())
            if done:
                close = fit.result.close
                self.say("success" if close else "warning", "live.fit_d_done" if close else "live.fit_d_not_close",
                         steps=f"{fit.result.steps:,}", residual=f"{fit.result.residual:.3f}")
            elif done is not None:
                self.say("info", "live.fit_d_running", residual=f"{fit.residual:.3f}")
            if done is None or done:  # None: it diverged, and the guard has said so
                self.mode = "paused"

    def fragment(self, pacing: Pacing, draw: Callable[[Snapshot1D, Trainer], None]) -> None:
        """Advance and draw, rerunning every ``pacing.frame_seconds`` while training runs.

        The first call of ``frame`` runs inside the whole page's run; the timer's ticks call it again on its
        own. A page run while training runs is a click or a slider's answer: it only draws, unless no frame has
        trained for ``INTERACTION_GRACE`` frame periods (``trains_in_page_run``), and the next tick trains on.
        """
        running = self.mode != "paused"
        page_run = True  # this closure's first call is the page run's; later ones are the timer's

        @st.fragment(run_every=pacing.frame_seconds if running else None)
        def frame():
            nonlocal page_run
            use_language()
            track_trainers()
            advance = self.mode != "paused" and (not page_run or self.trains_in_page_run(pacing))
            page_run = False
            if advance:
                self.advance(pacing)
                self._set("trained_at", time.monotonic())
            snap = self.snapshot(self.trainer)
            if running and advance:
                self.recorder.record(snap)
            self.status_line(pacing)
            draw(snap, self.trainer)
            if (pacing.slow or self.trainer.last_beat) and not diagram_shown(self.key, pacing):
                st.caption(beat_caption(self.trainer))  # with the diagram on, its caption says it
            settings_caption(self.trainer, pacing)
            if running and self.mode == "paused":
                st.rerun(scope="app")  # stop the timer and refresh the buttons

        frame()

    def trains_in_page_run(self, pacing: Pacing) -> bool:
        """Whether a page run (not a tick) trains a frame: only when no frame has trained for
        ``INTERACTION_GRACE`` frame periods (e.g. right after Play); a click or a slider while training runs
        gets its answer drawn without waiting for a frame's training (up to 150 ms), measured in the browser."""
        last = self._get("trained_at")
        return last is None or time.monotonic() - last >= INTERACTION_GRACE * pacing.frame_seconds

    def chart_every(self) -> float:
        """How often a secondary chart (the history) is rebuilt: twice a second while training runs, else every
        rerun (a paused page shows what is true now: after Reset, Step, a load)."""
        return SECONDARY_CHART_SECONDS if self.mode != "paused" else 0.0

    def status_line(self, pacing: Pacing) -> None:
        """Always on screen: running / paused / training D / diverged, the step and the iterations per second."""
        now, step = time.monotonic(), self.trainer.step
        last = self._get("rate")
        rate = None
        if self.mode == "playing" and last is not None and step == last[1]:  # a page run that only drew
            now, rate = last[0], last[2]
        elif self.mode == "playing" and last is not None and now > last[0]:
            fresh = (step - last[1]) / (now - last[0])
            rate = fresh if last[2] is None else 0.7 * last[2] + 0.3 * fresh  # smoothed over a few frames
        self._set("rate", (now, step, rate) if self.mode == "playing" else None)
        if self._get("diverged"):
            badge = f":red-badge[:material/error: {t('live.status_diverged')}]"
        elif self.mode == "playing":
            badge = f":green-badge[:material/play_arrow: {t('live.status_running')}]"
        elif self.mode == "fit_d":
            badge = f":blue-badge[:material/target: {t('live.status_fit_d')}]"
        else:
            badge = f":gray-badge[:material/pause: {t('live.status_paused')}]"
        speed = t("live.status_rate", rate=f"{rate:,.0f}") if rate is not None else ""
        slow = f" · {t('live.status_slow')}" if pacing.slow else ""
        st.markdown(f"{badge} &nbsp; {t('live.status_step', step=f'{step:,}')}{speed}{slow}")


def diagram_shown(key: str, pacing: Pacing) -> bool:
    """Whether page ``key``'s model diagram (``ui/diagram.py``) is on screen: its toggle is on, or slow motion."""
    return pacing.slow or bool(st.session_state.get(f"{key}.diagram"))


def beat_caption(trainer: Trainer) -> str:
    """What the last slow-motion beat did, in one line for the class."""
    if trainer.last_beat == "d":
        return t("beat.d", i=trainer.phase, k=trainer.config.k, m=trainer.config.batch)
    if trainer.last_beat == "g":
        return t("beat.g", m=trainer.config.batch)
    return t("beat.next", k=trainer.config.k)


def settings_caption(trainer: Trainer, pacing: Pacing) -> None:
    """One line under the figure: the live settings the run trains with right now, and on which device."""
    c = trainer.config
    st.caption(t("live.settings", k=c.k, m=c.batch, lr_d=f"{c.lr_d:g}", lr_g=f"{c.lr_g:g}",
                 per_frame=pacing.iterations_per_frame, seconds=f"{pacing.frame_seconds:g}",
                 device=trainer.device.type.upper()) + device_reason(trainer))


def echo_of_last_press(stamp: str) -> bool:
    """Whether a press now comes within ``PLAY_DEBOUNCE_S`` of the last one stamped in ``st.session_state[stamp]``
    (then it is Streamlit's echo of that press, see ``LiveRun._play``); otherwise stamp it and say False."""
    now = time.monotonic()
    if now - (st.session_state.get(stamp) or -1e9) < PLAY_DEBOUNCE_S:
        return True
    st.session_state[stamp] = now
    return False


def device_reason(trainer: Trainer) -> str:
    """Why "auto" trains here, when it measured the candidates (a machine with an accelerator), else ""."""
    rates = trainer.device_choice.rates
    if not rates:
        return ""
    measured = ", ".join(t("live.device_rate", device=name.upper(), rate=f"{rate:.0f}")
                         for name, rate in sorted(rates.items(), key=lambda item: -item[1]))
    return t("live.device_measured", rates=measured)
