"""The live loops' widgets: a page's run (toolbar, status line, presets, messages) and a race's or a fit's loop.

The state and its rules are ``ganviz.frames.session``'s (no Streamlit there):
each browser session keeps its runs in ``st.session_state`` (no state is shared
between students). While playing, a ``st.fragment(run_every=...)`` reruns only
the figure: each tick trains a fixed number of iterations within a time budget,
takes a snapshot and draws it, so a slow or throttled tab trains less often but
never piles up work. Buttons live outside the fragment and use callbacks, which
run before the page script, so the fragment is declared with the right timer.
"""

from __future__ import annotations

import time
from typing import Callable

import streamlit as st

from ganviz.i18n import language, set_language, t
from ganviz.frames.session import LiveSession, Outcome, Playback, RaceSession
from ganviz.frames.snapshot import Snapshot1D, take_snapshot
from ganviz.frames.worker import Worker, open_channel
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer
from ganviz.views.live_frame import LiveFrame, frame_json

from . import REASON_LIMIT, divergence_text, friendly, plain, presenting, use_language
from .controls import Pacing, set_widgets
from .follow import relay, relay_race
from .live_chart import live_plotly_chart, plotly_src
from .live_view import live_view, stream_url, streaming
from .sessions import on_session_end, tab_watcher, track_trainers

STATUS_BADGES = {  # the status line's badge for each state of a run (LiveSession.status)
    "diverged": ":red-badge[:material/error: {}]", "playing": ":green-badge[:material/play_arrow: {}]",
    "fit_d": ":blue-badge[:material/target: {}]", "paused": ":gray-badge[:material/pause: {}]",
}
OUTSIDE = ("name", "reason")  # a message's values that may quote an uploaded file (ganviz/ui/runfile.py, checkpoints.py)
STATUS_TEXTS = {"diverged": "live.status_diverged", "playing": "live.status_running", "fit_d": "live.status_fit_d",
                "paused": "live.status_paused"}


def yield_to_clicks() -> None:
    """Let a click or a slider that waits for this frame's training stop it now, between two chunks.

    Streamlit stops a running script for a waiting rerun only at its own calls, and every read of
    ``st.session_state`` is one of them. Without this a click waits for the rest of the frame's training
    (see results/performance-history.md). The chunks already trained stay trained: each ``trainer.train``
    call is whole, divergence guard included.
    """
    st.session_state.get(f"{__name__}.yield")


STREAM_INTERVAL = 1 / 30  # the shortest time between two streamed frames (30 frames/s at most)
# A streamed frame's training time. The server and the browser share the CPU: on 2 cores a 2D frame costs the
# browser ~90 ms of CPU and the server ~10 ms besides training, so 30 ms of training keeps it near 12 frames/s.
STREAM_BUDGET_S = 0.030
RACE_BUDGET_S = 0.045  # the race's two runs: its story is in the steps (and the frame's drawing can raise it)
HISTORY_SECONDS = 0.5  # how often a streamed frame carries the history chart
RACE_HISTORY_SECONDS = 1.0  # a race's three history charts: less often, the browser's time goes to the two panels


class LiveRun(LiveSession):
    """A page's run (``LiveSession``) kept in ``st.session_state`` under keys prefixed by ``key``, and its widgets.

    Under ganviz's server (``streamlit run app.py``) a playing run trains in its own worker thread and streams
    its frames to the page's live view (``show``); the page's script stops that worker whenever it runs or a
    button's callback touches the run (``halt``), and starts it again in ``show``.
    """

    def __init__(self, key: str, snapshot: Callable = take_snapshot):
        """``snapshot(trainer)`` reads a frame off the trainer: ``take_snapshot`` (1D) or ``take_snapshot_2d``."""
        super().__init__(st.session_state, key, snapshot)
        self.halt()

    # ----- the worker ----------------------------------------------------------------
    worker = property(lambda self: session_worker(self.key))

    def halt(self) -> None:
        """Stop the run's worker (after its current frame) and take in what it did: a message, a pause."""
        error = stop_worker(self.key)
        if error is not None:
            self.pause()
            self.say("error", "live.worker_failed", error=type(error).__name__)
        self.collect()

    def play(self, on: bool, now: float | None = None) -> bool:
        self.halt()
        return super().play(on, now)

    def step(self) -> None:
        self.halt()
        super().step()

    def d_step(self) -> None:
        self.halt()
        super().d_step()

    def g_step(self) -> None:
        self.halt()
        super().g_step()

    def reset(self, config: TrainConfig, target=None) -> None:
        self.halt()
        super().reset(config, target)

    def adopt(self, trainer: Trainer) -> None:
        self.halt()
        super().adopt(trainer)

    def fit_d(self) -> None:
        self.halt()
        super().fit_d()

    def freeze(self) -> None:
        self.halt()
        super().freeze()

    def sync(self, config: TrainConfig, target=None) -> Trainer:
        """The session's trainer for ``config``: reused with new live settings, or rebuilt (with a notice)."""
        self.halt()
        if super().sync(config, target):
            st.toast(t("live.new_model"))
        return self.trainer

    def preset_buttons(self, presets: list, per_row: int = 3) -> None:
        """Buttons, ``per_row`` to a row, one per preset of this page (``ganviz.lessons.presets``); each one's caption
        is its tooltip."""
        if not presets:
            return
        cols = [col for start in range(0, len(presets), per_row) for col in st.columns(per_row)]
        for col, preset in zip(cols, presets):
            col.button(t(preset.title_key), key=f"{self.key}.preset.{preset.name}", icon=":material/science:",
                       on_click=self._load_preset, args=(preset,), width="stretch", help=t(preset.caption_key))

    def _load_preset(self, preset) -> None:
        set_widgets(self.key, preset.config, preset=True)
        self.load_preset(preset)

    def show_preset_caption(self) -> None:
        """What the last loaded preset shows, until the run is reset (in the live view's notes when it streams)."""
        if self.preset_caption and not streaming():
            st.info(t(self.preset_caption), icon=":material/science:")

    def show_message(self) -> None:
        """The run's message, unless the live view shows it (``show``)."""
        if self.message and not streaming():
            kind, key, values = self.message
            if key == "divergence":
                getattr(st, kind)(divergence_text(values))
            else:  # "name" and "reason" may quote an uploaded file: plain text, never Markdown
                getattr(st, kind)(t(key, **{k: plain(v, REASON_LIMIT) if k in OUTSIDE else v
                                            for k, v in values.items()}))

    # ----- toolbar -----------------------------------------------------------------
    def toolbar(self, config: TrainConfig, target=None) -> tuple:
        """Play/pause, step, D step, G step, reset; then train D to optimality, snapshot, and two compact menus.

        Returns the two menus (``st.popover`` containers), "Lessons" and "View", for the page to fill: its
        presets and the trained-model loader, its display switches. Both rows stay in presentation mode.
        """
        playing = self.mode == "playing"
        cols = st.columns(5)
        cols[0].button(t("live.pause") if playing else t("live.play"),
                       icon=":material/pause:" if playing else ":material/play_arrow:", key=f"{self.key}.play",
                       type="primary", on_click=self.play, args=(not playing,), width="stretch",
                       help=t("live.play_help"))
        cols[1].button(t("live.step"), icon=":material/skip_next:", key=f"{self.key}.step", on_click=self.step,
                       width="stretch", help=t("live.step_help"))
        cols[2].button(t("live.d_step"), icon=":material/gavel:", key=f"{self.key}.d_step", on_click=self.d_step,
                       width="stretch", help=t("live.d_step_help"))
        cols[3].button(t("live.g_step"), icon=":material/brush:", key=f"{self.key}.g_step", on_click=self.g_step,
                       width="stretch", help=t("live.g_step_help"))
        cols[4].button(t("live.reset"), icon=":material/restart_alt:", key=f"{self.key}.reset", on_click=self.reset,
                       args=(config, target), width="stretch", help=t("live.reset_help"))
        cols = st.columns([1.6, 1.1, 1.1, 1.1])
        cols[0].button(t("live.fit_d"), icon=":material/target:", key=f"{self.key}.fit_d", on_click=self.fit_d,
                       width="stretch", help=t("live.fit_d_help"))
        cols[1].button(t("live.snapshot"), icon=":material/photo_camera:", key=f"{self.key}.snap",
                       on_click=self.freeze, width="stretch", help=t("live.snapshot_help"))
        lessons = cols[2].popover(t("live.lessons"), icon=":material/school:", width="stretch",
                                  help=t("live.lessons_help"), key=f"{self.key}.lessons")
        view = cols[3].popover(t("live.view"), icon=":material/tune:", width="stretch", help=t("live.view_help"),
                               key=f"{self.key}.view")
        return lessons, view

    def show_frozen(self, figure: Callable[[object, str], object]) -> None:
        """The frozen snapshots (a)-(d) in a row, each drawn by ``figure(snapshot, title)``."""
        if not self.frozen:
            return
        head = st.columns([4, 1], vertical_alignment="bottom")
        head[0].subheader(t("live.snapshots"))
        head[1].button(t("live.clear"), key=f"{self.key}.clear", on_click=self.clear_frozen, width="stretch",
                       help=t("live.clear_help"))
        for i, (col, snap) in enumerate(zip(st.columns(4), self.frozen)):
            title = t("live.frozen_title", panel="abcd"[i], step=f"{snap.step:,}", jsd=f"{snap.metrics['jsd']:.3f}")
            col.plotly_chart(figure(snap, title), key=f"{self.key}.frozen{i}", config={"displayModeBar": False})

    # ----- the loop ------------------------------------------------------------------
    def fragment(self, pacing: Pacing, draw: Callable[[Snapshot1D, Trainer], None]) -> None:
        """Advance and draw, rerunning every ``pacing.frame_seconds`` while training runs.

        The first call of ``frame`` runs inside the whole page's run; the timer's ticks call it again on its
        own. A page run while training runs is a click or a slider's answer: it only draws, unless no frame has
        trained for ``INTERACTION_GRACE`` frame periods (``LiveSession.trains_now``), and the next tick trains on.
        """
        running = self.mode != "paused"
        page_run = True  # this closure's first call is the page run's; later ones are the timer's

        @st.fragment(run_every=pacing.frame_seconds if running else None)
        def frame():
            friendly(body)

        def body():
            nonlocal page_run
            use_language()
            track_trainers()
            snap = self.next_frame(pacing, page_run, timed=running, between=yield_to_clicks)
            page_run = False
            self.status_line(pacing)
            draw(snap, self.trainer)
            if running and self.mode == "paused":
                st.rerun(scope="app")  # stop the timer and refresh the buttons

        frame()

    def show(self, pacing: Pacing, view: Callable[[object, Trainer], LiveFrame]) -> None:
        """The run's live view: ``view(snap, trainer)`` says what a frame shows (``LiveFrame``).

        Under ganviz's server the browser's live view draws it (``ganviz.ui.live_view``) and, while the run
        plays or fits D, the run's worker trains and streams each new frame; elsewhere (AppTest, a plain
        ``streamlit run navigation.py``) Streamlit's elements draw it in a timed fragment (``fragment``).
        """
        if not streaming():
            self.fragment(pacing, lambda snap, trainer: self.draw_frame(view(snap, trainer), pacing))
            return
        track_trainers()
        snap = self.take()
        state, _ = self.status()
        render = self._renderer(view, pacing, presenting())
        render = relay(self.key, render, lambda projector: self._renderer(view, pacing, projector),
                       self.worker.channel)  # a shared run's followers (ganviz.ui.follow)
        stream = None
        if self.mode in ("playing", "fit_d") and not self.diverged:
            lang = language()
            worker = self.worker
            job = self.frame_job(pacing, render, STREAM_BUDGET_S, stopping=worker.stopping,
                                 tick_s=None if pacing.slow else STREAM_INTERVAL, posted=worker.posted,
                                 apply_posted=worker.apply_posted)
            worker.start(job, pacing.frame_seconds if pacing.slow else STREAM_INTERVAL,
                         setup=lambda: set_language(lang))
            stream = stream_url(worker.channel.token)
        frame = render(snap, self.trainer, state, None, self.message, stopped=False)
        live_view(self.key, frame, stream, plotly_src(), presenting())

    def _renderer(self, view: Callable, pacing: Pacing, projector: bool) -> Callable:
        """``render(snap, trainer, state, rate, message)`` -> a frame's bytes: in the page's run and in the worker
        (where it must not touch Streamlit: everything it needs is read here, in the page's run)."""
        caption = self.preset_caption
        history_due = history_clock(HISTORY_SECONDS)

        def render(snap, trainer, state, rate, message, stopped=None, cost=None) -> bytes:
            began = time.perf_counter()
            frame = view(snap, trainer)
            notes = list(frame.notes)
            if caption:
                notes.insert(0, t(caption))
            history = history_due(state)
            status = frame_status(state, trainer.step, rate, stopped, slow=pacing.slow)
            frame.notes = notes
            if cost is not None:
                status["cost"] = cost_ms(cost, began)
            return frame_json(frame, status, message_dict(message), projector, history)

        return render

    def draw_frame(self, frame: LiveFrame, pacing: Pacing) -> None:
        """A ``LiveFrame`` drawn with Streamlit's elements (the fragment's way, without ganviz's server)."""
        draw_live_frame(self.key, frame, self.chart_every())

    def status_line(self, pacing: Pacing) -> None:
        """Always on screen: running / paused / training D / diverged, the step and the iterations per second."""
        state, rate = self.status()
        badge = STATUS_BADGES[state].format(t(STATUS_TEXTS[state]))
        speed = t("live.status_rate", rate=f"{rate:,.0f}") if rate is not None else ""
        slow = f" · {t('live.status_slow')}" if pacing.slow else ""
        st.markdown(f"{badge} &nbsp; {t('live.status_step', step=f'{self.trainer.step:,}')}{speed}{slow}")


class LoopWidgets:
    """The widgets of the smallest live loop (a ``Playback``): Play/Pause (and optional Step and Reset) buttons,
    and a fragment that, while playing, calls ``tick()`` then ``draw()`` every ``seconds``. When ``tick``
    returns False the loop pauses and the whole page reruns once, so its buttons show the new state."""

    def buttons(self, key: str, reset: Callable[[], None], play_label: str | None = None,
                play_icon: str = ":material/play_arrow:", play_help: str = "", reset_help: str = "",
                step: Callable[[], None] | None = None, step_help: str = "") -> list:
        """A row of Play/Pause, an optional Step, and Reset buttons (keys ``<key>_play/_step/_reset``).

        The labels are in the current language; ``play_label`` (default: Play) names the play button. Returns the
        row's columns (the last one is left empty for the page).
        """
        cols = st.columns([1.3, 1, 1, 3] if step else [1.3, 1, 4])
        playing = self.playing
        cols[0].button(t("live.pause") if playing else play_label or t("live.play"),
                       icon=":material/pause:" if playing else play_icon, key=f"{key}_play",
                       on_click=self.play, args=(not playing,), type="primary", width="stretch", help=play_help)
        if step:
            cols[1].button(t("live.step"), icon=":material/skip_next:", key=f"{key}_step", on_click=step,
                           width="stretch", help=step_help)
        cols[2 if step else 1].button(t("live.reset"), icon=":material/restart_alt:", key=f"{key}_reset",
                                      on_click=reset, width="stretch", help=reset_help)
        return cols

    def fragment(self, seconds: float, tick: Callable[[], bool | None], draw: Callable[[], None]) -> None:
        was_playing = self.playing

        @st.fragment(run_every=seconds if was_playing else None)
        def frame():
            friendly(body)

        def body():
            use_language()  # a fragment's tick does not run navigation.py, which sets the language
            track_trainers()
            self.tick(tick)
            draw()
            if was_playing and not self.playing:
                st.rerun(scope="app")  # stop the timer and refresh the buttons

        frame()


class Loop(LoopWidgets, Playback):
    """A loop of the page's own (the theory page's fit of D), its switch in ``st.session_state[<key>.mode]``."""

    def __init__(self, key: str):
        Playback.__init__(self, st.session_state, key)


class RaceRun(LoopWidgets, RaceSession):
    """A race in the session (``RaceSession``: the ``Race`` in ``st.session_state[key]``, e.g. ``mc.race``) and
    its loop's widgets: the theory and mode-collapse pages' runs side by side.

    ``show`` streams it as ``LiveRun.show`` does a page's run: while it plays, a worker thread advances it and
    publishes each frame; every change of the race (the buttons, ``sync``) first stops that worker (``halt``).
    """

    def __init__(self, key: str, snapshot: Callable):
        RaceSession.__init__(self, st.session_state, key, snapshot)
        self.halt()

    def halt(self) -> None:
        """Stop the race's worker (after its current frame) and take in what it did: a pause, a failure."""
        error = stop_worker(self.key)
        if error is not None:
            super().pause()  # (the switch itself: ``pause`` here would halt again)
            self.store[f"{self.key}.failed"] = type(error).__name__
        outcome = self.store.get(f"{self.key}.outcome")
        if outcome is not None and outcome.stopped:
            self.store[f"{self.key}.outcome"] = None
            super().pause()

    def play(self, on: bool, now: float | None = None) -> bool:
        self.halt()
        self.store[f"{self.key}.failed"] = None
        return super().play(on, now)

    def pause(self) -> None:
        self.halt()
        super().pause()

    def step(self) -> None:
        self.halt()
        super().step()

    def reset(self) -> None:
        self.halt()
        super().reset()

    def restart(self) -> None:
        self.halt()
        super().restart()

    def sync(self, make, fits):
        self.halt()
        return super().sync(make, fits)

    def show(self, view: Callable[[], LiveFrame], advance: Callable[[float], bool], step: Callable[[], int],
             interval: float, replaying: bool = False, fallback_seconds: float = 0.3,
             moment: Callable[[], Callable[[bool], LiveFrame]] | None = None) -> None:
        """The race's live view: ``view()`` says what this moment shows (a ``LiveFrame`` with one panel per run),
        ``advance(budget_s)`` moves the race on by one frame (training within ``budget_s``, or a recording's next
        frame) and returns False once nothing more moves, ``step()`` is the step the status line says.

        Under ganviz's server a worker calls ``advance`` and ``view`` every ``interval`` seconds while the race
        plays and streams the frames (neither may touch ``st.session_state``); elsewhere a timed fragment does
        (every ``fallback_seconds``). ``replaying``: no iterations per second are shown (nothing trains).
        ``moment``: a race that can be shared with the class (``ganviz.ui.follow``) gives ``moment() -> draw``,
        used instead of ``view`` while streaming: it takes this moment's snapshots once, and ``draw(projector)``
        builds its ``LiveFrame`` from them alone, in the current language, for either layout (a follower's).
        """
        if not streaming():
            with st.container(key=self.key.replace(".", "-")):
                self.fragment(fallback_seconds, lambda: advance(None),
                              lambda: draw_live_frame(self.key, view()))
            return
        track_trainers()
        failed = self.store.get(f"{self.key}.failed")
        message = {"kind": "error", "text": t("live.worker_failed", error=failed)} if failed else None
        if moment is None:
            def moment():
                live = view()
                return lambda projector: live
        render = relay_race(self.key, race_renderer, self.worker.channel)  # and a shared race's followers
        frame = render(moment(), "playing" if self.playing else "paused", step(), None, message, stopped=False)
        stream = None
        if self.playing:
            outcome = Outcome(step())
            self.store[f"{self.key}.outcome"] = outcome
            lang = language()
            worker = self.worker
            drawing = [0.0]  # the last frame's seconds besides training (two snapshots, figures, JSON)

            def job() -> tuple[bytes, bool]:
                # Training gets at least the time the last frame's drawing took: on a busy server the race
                # shows fewer frames a second, but keeps at least half its speed (the lesson is in the steps).
                began = time.perf_counter()
                more = advance(max(RACE_BUDGET_S, drawing[0]))
                trained = time.perf_counter()
                if more and worker.stopping():  # a click stopped the race: the page draws it now
                    return None, False
                live = moment()
                outcome.stopped = not more
                now = step()
                rate = None if replaying else outcome.rate(now)
                frame = render(live, "playing" if more else "paused", now, rate, None, stopped=not more,
                               cost=(trained - began, time.perf_counter() - trained))
                drawing[0] = time.perf_counter() - trained
                return frame, more

            worker.start(job, interval, setup=lambda: set_language(lang))
            stream = stream_url(worker.channel.token)
        live_view(self.key, frame, stream, plotly_src(), presenting())

    worker = property(lambda self: session_worker(self.key))


def race_renderer(projector: bool | None = None) -> Callable:
    """``render(frame, state, step, rate, message)`` -> a race frame's bytes, in the page's run or its worker;
    ``projector``: for the projector's layout (default: this session's)."""
    projector = presenting() if projector is None else projector
    history_due = history_clock(RACE_HISTORY_SECONDS)

    def render(frame: LiveFrame, state: str, step: int, rate, message, stopped=None, cost=None) -> bytes:
        began = time.perf_counter()
        status = frame_status(state, step, rate, stopped, rate_key="live.status_rate_each")
        if cost is not None:
            status["cost"] = cost_ms(cost, began)
        return frame_json(frame, status, message, projector, history_due(state))

    return render


def history_clock(seconds: float) -> Callable[[str], bool]:
    """``due(state)``: whether this frame carries the history charts: at most every ``seconds`` while the run
    plays, always otherwise (a paused or stopped run's frame is its last for a while)."""
    last = [0.0]

    def due(state: str) -> bool:
        now = time.monotonic()
        if now - last[0] >= seconds or state != "playing":
            last[0] = now
            return True
        return False

    return due


def frame_status(state: str, step: int, rate: float | None, stopped: bool | None = None,
                 rate_key: str = "live.status_rate", slow: bool = False) -> dict:
    """A streamed frame's status line: its state and badge, the step, the iterations per second (``rate_key``'s
    wording) and slow motion; ``stopped`` (default: paused or diverged) has the page run once."""
    line = (t("live.status_step", step=f"{step:,}").replace("**", "")
            + (t(rate_key, rate=f"{rate:,.0f}") if rate is not None else "")
            + (f" · {t('live.status_slow')}" if slow else ""))
    return {"state": state, "badge": t(STATUS_TEXTS[state]), "step": step, "line": line, "slow": slow,
            "stopped": state in ("paused", "diverged") if stopped is None else stopped}


def cost_ms(cost: tuple[float, float], began: float) -> list[float]:
    """A frame's server time in ms: its training, and the rest of it (snapshot, figures, JSON up to now, since
    ``cost[1]`` was measured and ``began``)."""
    return [round(1000 * cost[0], 2), round(1000 * (cost[1] + time.perf_counter() - began), 2)]


def session_worker(key: str) -> Worker:
    """This session's worker for run ``key`` (made with its channel the first time; closed when the session
    ends, which stops its thread and ends its stream). Without a viewer it stops only once the tab is gone or on
    another page (``tab_watcher``): a tab starved of CPU keeps its run."""
    worker = st.session_state.get(f"{key}.worker")
    if worker is None:
        worker = Worker(open_channel(), name=key, connected=tab_watcher())
        st.session_state[f"{key}.worker"] = worker
        on_session_end(worker.close)
    return worker


def stop_worker(key: str) -> BaseException | None:
    """Stop run ``key``'s worker, if it has one, after its current frame; returns what made it fail, if anything
    did since the last call."""
    worker = st.session_state.get(f"{key}.worker")
    if worker is None:
        return None
    worker.stop()
    error, worker.error = worker.error, None
    return error


def draw_live_frame(key: str, frame: LiveFrame, every: float = 0.0) -> None:
    """A ``LiveFrame`` drawn with Streamlit's elements (a timed fragment's way, without ganviz's server)."""
    if frame.metrics:
        for col, (label, value, help_text) in zip(st.columns(len(frame.metrics)), frame.metrics):
            col.metric(label, value, help=help_text)
    if frame.panels:
        for i, (col, panel) in enumerate(zip(st.columns(len(frame.panels)), frame.panels)):
            with col:
                badge = f" &nbsp; :blue-badge[{panel.badge}]" if panel.badge else ""
                st.markdown(f"**{plain(panel.title)}**{badge}")
                for box, (label, value, help_text) in zip(st.columns(len(panel.metrics)), panel.metrics):
                    box.metric(label, value, help=help_text)
                live_plotly_chart(panel.figure, key=f"{key}.fig{i}")
                if panel.error:
                    st.error(panel.error)
    if frame.side is not None:
        live_plotly_chart(frame.side, key=f"{key}.diagram_chart")
        st.markdown(f":{frame.side_colour}[**{frame.side_caption}**]")
    if frame.figure is not None:
        live_plotly_chart(frame.figure, key=f"{key}.figure")
    if frame.history is not None:
        live_plotly_chart(frame.history, key=f"{key}.history", every=every)
    if frame.headline:  # (ganviz's own sentence, as the live view shows it: no Markdown in it)
        st.markdown(frame.headline)
    for note in frame.notes:
        st.caption(note)
    if frame.below is not None:
        if frame.below_title:
            st.markdown(f"**{frame.below_title}**")
        charts = frame.below()
        for i, (col, chart) in enumerate(zip(st.columns(len(charts)), charts)):
            with col:
                live_plotly_chart(chart, key=f"{key}.below{i}", every=every)


def beat_caption(trainer: Trainer) -> str:
    """What the last slow-motion beat did, in one line for the class."""
    if trainer.last_beat == "d":
        return t("beat.d", i=trainer.phase, k=trainer.config.k, m=trainer.config.batch)
    if trainer.last_beat == "g":
        return t("beat.g", m=trainer.config.batch)
    return t("beat.next", k=trainer.config.k)


def settings_text(trainer: Trainer, pacing: Pacing, streamed: bool) -> str:
    """One line under the figure: the live settings the run trains with right now, and on which device."""
    c = trainer.config
    if streamed and not pacing.slow:
        text = t("live.stream_settings", k=c.k, m=c.batch, lr_d=f"{c.lr_d:g}", lr_g=f"{c.lr_g:g}",
                 per_frame=pacing.iterations_per_frame, device=trainer.device.type.upper())
    else:
        text = t("live.settings", k=c.k, m=c.batch, lr_d=f"{c.lr_d:g}", lr_g=f"{c.lr_g:g}",
                 per_frame=pacing.iterations_per_frame, seconds=f"{pacing.frame_seconds:g}",
                 device=trainer.device.type.upper())
    return text + device_reason(trainer)


def frame_notes(trainer: Trainer, pacing: Pacing, diagram: bool, streamed: bool) -> list[str]:
    """The lines under a live figure: what the last slow-motion beat did (unless the diagram's caption says
    it), and the live settings."""
    notes = []
    if (pacing.slow or trainer.last_beat) and not diagram:
        notes.append(beat_caption(trainer))
    return notes + [settings_text(trainer, pacing, streamed)]


def message_dict(message: tuple | None) -> dict | None:
    """A run's message (``LiveSession.say``'s ``(kind, key, values)``) as the live view shows it: plain text."""
    if not message:
        return None
    kind, key, values = message
    return {"kind": kind, "text": divergence_text(values) if key == "divergence" else t(key, **values)}


def device_reason(trainer: Trainer) -> str:
    """Why "auto" trains here, when it measured the candidates (a machine with an accelerator), else ""."""
    rates = trainer.device_choice.rates
    if not rates:
        return ""
    measured = ", ".join(t("live.device_rate", device=name.upper(), rate=f"{rate:.0f}")
                         for name, rate in sorted(rates.items(), key=lambda item: -item[1]))
    return t("live.device_measured", rates=measured)
