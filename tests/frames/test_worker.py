"""A run trained off the page's script: the channel's frames, the worker's thread, a frame's job on real runs."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from ganviz.frames import session as session_module
from ganviz.frames import worker as worker_module
from ganviz.frames.session import LiveSession
from ganviz.frames.snapshot import take_snapshot
from ganviz.frames.worker import Worker, close_channel, find_channel, open_channel
from ganviz.lessons.presets import FIGURE1

from .streams import read_events, wait_until_stopped


@pytest.fixture(autouse=True)
def no_wall_cap(monkeypatch):
    """Frames here train what they are asked (their budgets are long) on a machine however busy: the wall-clock
    cap of a frame's training (``FRAME_WALL_S``) is tested on its own below."""
    monkeypatch.setattr(session_module, "FRAME_WALL_S", 600.0)


class Pacing:  # the fields of ganviz.ui.controls.Pacing (that module draws Streamlit widgets)
    def __init__(self, iterations_per_frame=5, frame_seconds=0.05, slow=False):
        self.iterations_per_frame, self.frame_seconds, self.slow = iterations_per_frame, frame_seconds, slow


def test_a_viewer_gets_the_newest_frame_and_then_each_new_one():
    channel = open_channel()
    channel.publish(b'{"n":1}')
    channel.publish(b'{"n":2}')  # a viewer that arrives now skips frame 1: the newest is what it needs

    def later():
        time.sleep(0.2)
        channel.publish(b'{"n":3}')
    threading.Thread(target=later).start()
    events = read_events(channel, 2)
    assert events == [b'id: 2\ndata: {"n":2}\n\n', b'id: 3\ndata: {"n":3}\n\n']
    assert channel.viewers == 0 and channel.idle_for() >= 0
    close_channel(channel)


def test_tokens_are_unguessable_and_found_only_while_the_channel_lives():
    a, b = open_channel(), open_channel()
    assert a.token != b.token and len(a.token) >= 20
    assert find_channel(a.token) is a and find_channel("nope") is None
    close_channel(a)
    assert find_channel(a.token) is None and a.closed
    token = b.token
    del b
    import gc
    gc.collect()
    assert find_channel(token) is None, "a channel its session dropped is not kept by the registry"


def test_the_worker_runs_its_job_until_it_says_stop():
    channel = open_channel()
    calls = []

    def job():
        calls.append(threading.current_thread().name)
        return json.dumps({"n": len(calls)}).encode(), len(calls) < 5
    worker = Worker(channel, name="test")
    worker.start(job, interval=0.0)
    wait_until_stopped(worker)
    assert not worker.running and len(calls) == 5 and channel.seq == 5
    assert calls[0] == "ganviz-test" and calls[0] != threading.current_thread().name


def test_stop_waits_for_the_frame_in_progress():
    channel, inside = open_channel(), threading.Event()

    def job():
        inside.set()
        time.sleep(0.2)
        return b"{}", True
    worker = Worker(channel)
    worker.start(job, interval=0.0)
    inside.wait(5)
    worker.stop()
    assert not worker.running
    seq = channel.seq
    time.sleep(0.3)
    assert channel.seq == seq, "nothing is published after stop returns"


def test_a_worker_without_viewers_stops_and_says_so(monkeypatch, caplog):
    monkeypatch.setattr(worker_module, "IDLE_SECONDS", 0.2)
    channel = open_channel()
    worker = Worker(channel, name="fig1")
    logger = logging.getLogger("ganviz")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="ganviz")
    try:
        worker.start(lambda: (b"{}", True), interval=0.02)
        wait_until_stopped(worker)
    finally:
        logger.removeHandler(caplog.handler)
    assert not worker.running
    assert "worker of fig1 stopped: no viewer" in caplog.text


class Lines(logging.Handler):
    """The ganviz log's lines while it is attached (each once, whatever other handlers see)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self.logger = logging.getLogger("ganviz")

    def emit(self, record):
        self.lines.append(record.getMessage())

    def __enter__(self):
        self.level_before = self.logger.level
        self.logger.setLevel(logging.INFO)
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self)
        self.logger.setLevel(self.level_before)

    def count(self, text: str) -> int:
        return sum(text in line for line in self.lines)


def test_an_open_but_silent_tab_keeps_its_worker_until_it_disconnects(monkeypatch):
    """A tab starved of CPU misses its stream for longer than IDLE_SECONDS while its websocket stays connected:
    its run goes on (said once in the log). Once the tab disconnects (closed), the same silence stops it."""
    monkeypatch.setattr(worker_module, "IDLE_SECONDS", 0.05)
    channel = open_channel()
    tab = {"connected": True}
    asked, silent_frames, past = [], [0], threading.Event()

    def connected():
        asked.append(tab["connected"])
        return tab["connected"]

    def job():
        if channel.idle_for() > 0.05:  # a frame made after the idle time, nobody reading
            silent_frames[0] += 1
            if silent_frames[0] >= 20:
                past.set()
        return b"{}", True
    worker = Worker(channel, name="fig1", connected=connected)
    with Lines() as log:
        worker.start(job, interval=0.005)
        assert past.wait(30), "the run trains on past the idle time"
        assert worker.running, "20 frames after the idle time, the open tab's run still plays"
        assert asked and all(asked), "the worker asked whether the tab is connected, and it was"
        tab["connected"] = False  # the tab closes: its websocket disconnects
        wait_until_stopped(worker)
    assert not worker.running and asked[-1] is False
    assert log.count("worker of fig1 goes on: no viewer") == 1, "said once, not once a frame"
    assert log.count("worker of fig1 stopped: no viewer") == 1


def test_a_disconnected_tab_without_viewers_stops_its_worker_after_the_idle_time(monkeypatch):
    monkeypatch.setattr(worker_module, "IDLE_SECONDS", 0.2)
    channel = open_channel()
    asked = []
    worker = Worker(channel, name="p2d", connected=lambda: asked.append(1) or False)
    with Lines() as log:
        worker.start(lambda: (b"{}", True), interval=0.02)
        wait_until_stopped(worker)
    assert not worker.running and asked == [1], "asked once, after the idle time, and stopped"
    assert channel.idle_for() > 0.2, "not before the channel had no viewer for IDLE_SECONDS"
    assert log.count("worker of p2d stopped: no viewer") == 1 and log.count("goes on") == 0


def test_a_failing_job_ends_the_thread_and_is_kept():
    worker = Worker(open_channel())
    worker.start(lambda: 1 / 0, interval=0.0)
    wait_until_stopped(worker)
    assert isinstance(worker.error, ZeroDivisionError)
    assert worker.channel.frame == worker_module.FAILED, "the browser learns that the run stopped"


def _render(snap, trainer, state, rate, message, stopped=None, cost=None):
    return json.dumps({"step": trainer.step, "state": state, "jsd": snap.metrics["jsd"],
                       "message": message and message[1], "cost": cost}).encode()


def test_a_frame_job_trains_records_and_leaves_the_store_alone():
    store = {}
    run = LiveSession(store, "fig1", take_snapshot)
    run.reset(FIGURE1)
    run.mode = "playing"
    job = run.frame_job(Pacing(iterations_per_frame=7), _render, budget_s=600.0)
    before = dict(store)
    frames = [json.loads(job()[0]) for _ in range(3)]
    assert [f["step"] for f in frames] == [7, 14, 21]
    assert all(f["state"] == "playing" for f in frames)
    assert [row["step"] for row in run.trainer.history][-3:] == [7, 14, 21], "each frame's row is in the history"
    assert len(run.recorder) >= 3
    assert all(f["cost"][0] > 0 and f["cost"][1] > 0 for f in frames)
    assert {k: v for k, v in store.items()} == before, "the worker's job writes nothing into the session's store"


def test_the_page_draws_the_workers_last_snapshot_of_the_same_state_and_reads_a_new_state_anew():
    store = {}
    run = LiveSession(store, "fig1", take_snapshot)
    run.reset(FIGURE1)
    run.mode = "playing"
    job = run.frame_job(Pacing(iterations_per_frame=5), _render, budget_s=600.0)
    job()
    last = store["fig1.outcome"].last[2]
    assert run.take() is last, "a click right after a frame draws that frame's snapshot"
    assert run.take(arrows=5) is not last, "a snapshot with other options is always read anew"
    run.trainer.train(1)
    fresh = run.take()
    assert fresh is not last and fresh.step == last.step + 1


def test_a_job_stopped_by_a_click_trains_but_draws_nothing_and_the_page_reads_the_state():
    store = {}
    run = LiveSession(store, "fig1", take_snapshot)
    run.reset(FIGURE1)
    run.mode = "playing"
    job = run.frame_job(Pacing(iterations_per_frame=5), _render, budget_s=600.0, stopping=lambda: True)
    rows = len(run.trainer.history)
    assert job() == (None, False)
    # (its first chunk: one iteration, as no iteration's time was measured yet; the rest of the frame is skipped)
    assert run.trainer.step == 1 and len(run.trainer.history) == rows, "trained, no frame drawn or recorded"
    assert run.take().step == 1
    worker = Worker(open_channel())
    worker.start(lambda: (None, False), interval=0.0)
    wait_until_stopped(worker)
    assert not worker.running and worker.channel.seq == 0, "the thread ends without publishing"


def test_a_diverging_run_stops_its_job_and_the_page_takes_in_the_pause():
    store = {}
    run = LiveSession(store, "fig1", take_snapshot)
    run.reset(replace(FIGURE1, loss="lsgan", lr_d=1.0, lr_g=1.0))  # the "diverge" preset
    run.mode = "playing"
    job = run.frame_job(Pacing(iterations_per_frame=50), _render, budget_s=600.0)
    for _ in range(40):
        frame, more = job()
        if not more:
            break
    assert not more, "the run diverged"
    assert json.loads(frame)["state"] == "diverged" and json.loads(frame)["message"] == "divergence"
    assert run.mode == "playing", "the store is the page's: the job left it"
    run.collect()
    assert run.mode == "paused" and run.diverged and run.message[1] == "divergence"


def test_d_fit_in_the_worker_ends_with_its_verdict():
    store = {}
    run = LiveSession(store, "fig1", take_snapshot)
    run.reset(FIGURE1)
    run.trainer.train(200)
    run.fit_d()
    job = run.frame_job(Pacing(), _render)
    for _ in range(400):
        frame, more = job()
        if not more:
            break
    assert not more, "D's fit ends (within its time limit)"
    assert json.loads(frame)["message"] in ("live.fit_d_done", "live.fit_d_not_close")
    run.collect()
    assert run.mode == "paused" and run.message[1] in ("live.fit_d_done", "live.fit_d_not_close")


def test_closing_a_worker_stops_it_and_ends_its_viewers_streams():
    channel = open_channel()
    worker = Worker(channel)
    worker.start(lambda: (b"{}", True), interval=0.01)
    worker.close()
    assert not worker.running and channel.closed and find_channel(channel.token) is None


def test_a_stream_ends_with_renew_after_its_time_so_the_server_can_shut_down():
    channel = open_channel()
    channel.publish(b'{"n":1}')

    async def go():
        return [event async for event in channel.events(0, seconds=0.2)]
    with ThreadPoolExecutor(1) as pool:
        events = pool.submit(asyncio.run, go()).result(timeout=10)
    assert events[1] == b'id: 1\ndata: {"n":1}\n\n'
    assert events[-1] == b"event: renew\ndata: 1\n\n", "the browser opens the next stream after frame 1"
    close_channel(channel)


@pytest.fixture
def one_torch_thread():
    """Torch on one thread, as the app runs it (GANVIZ_TORCH_THREADS). With two, the calling thread spin-waits for
    the other on a busy machine, which counts as its CPU time and makes each small step take tens of ms."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _slowly_playing() -> tuple[LiveSession, object]:
    """A playing Figure 1 run whose every iteration first sleeps 50 ms (waiting, which costs no CPU time); returns
    the run and its trainer's own ``train``."""
    run = LiveSession({}, "fig1", take_snapshot)
    run.reset(FIGURE1)
    run.trainer.train(5)  # past torch's first, slow calls
    run.mode = "playing"
    train = run.trainer.train

    def slowly(n):
        for _ in range(n):
            time.sleep(0.05)
            train(1)
    run.trainer.train = slowly
    return run, train


def test_a_frame_jobs_budget_is_the_threads_own_cpu_time_and_a_late_frame_catches_up(one_torch_thread):
    """Waiting (for the interpreter's lock, or a core another process holds) does not spend a streamed frame's
    budget: here every iteration first sleeps 50 ms, 1 s per frame of 20 in wall time, far past a 500 ms budget
    that a wall clock would have stopped at after 10 iterations."""
    run, train = _slowly_playing()
    job = run.frame_job(Pacing(iterations_per_frame=20), _render, budget_s=0.5)
    assert json.loads(job()[0])["step"] == 25, "a whole frame's iterations: sleeping costs no CPU"
    run.trainer.train = train

    job = run.frame_job(Pacing(iterations_per_frame=10), _render, budget_s=600.0, tick_s=0.1)
    assert json.loads(job()[0])["step"] == 35, "the first frame trains its own iterations"
    time.sleep(0.35)  # the next frame comes at least 3.5 frame periods late: it trains the periods it missed
    trained = json.loads(job()[0])["step"] - 35
    assert 35 <= trained <= 10 * 10, f"the missed periods' iterations, at most CATCH_UP periods' worth ({trained})"


def test_a_frames_training_ends_after_its_wall_time_whatever_cpu_it_was_charged(monkeypatch, one_torch_thread):
    """A worker that waits (for the interpreter, or the pool's rounds) still sends a frame every FRAME_WALL_S or
    so: here each iteration waits 50 ms and costs almost no CPU; a frame of 20 asked-for iterations stops after
    the chunk that passes 100 ms (one iteration, then a chunk of five) instead of taking a second."""
    monkeypatch.setattr(session_module, "FRAME_WALL_S", 0.1)
    run, _ = _slowly_playing()
    job = run.frame_job(Pacing(iterations_per_frame=20), _render, budget_s=600.0)
    started = time.perf_counter()
    assert json.loads(job()[0])["step"] == 5 + 1 + 5
    assert time.perf_counter() - started < 0.9


def test_a_change_posted_to_a_playing_worker_is_made_in_its_thread_and_shown_in_its_next_frame():
    """A live setting (ganviz.ui.retune): the worker's thread applies it before its next frame is drawn, and
    a frame in progress ends its training early to show it."""
    store = {}
    run = LiveSession(store, "fig1", take_snapshot)
    run.reset(FIGURE1)
    run.mode = "playing"
    worker = Worker(open_channel())
    assert not worker.post(lambda: None), "no thread: the caller makes the change itself"
    threads = []

    def render(snap, trainer, state, rate, message, stopped=None, cost=None):
        return json.dumps({"step": trainer.step, "k": trainer.config.k}).encode()

    # A long budget and many iterations: a frame would take a long time, unless a posted change ends it.
    job = run.frame_job(Pacing(iterations_per_frame=100_000), render, budget_s=600.0, stopping=worker.stopping,
                        posted=worker.posted, apply_posted=worker.apply_posted)
    worker.start(job, interval=0.0)
    try:
        assert worker.running
        time.sleep(0.3)
        new = replace(run.trainer.config, k=3)
        assert worker.post(lambda: (threads.append(threading.current_thread()), run.trainer.apply(new)))
        deadline = time.monotonic() + 30
        while worker.channel.seq == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        frame = json.loads(worker.channel.frame)
        assert frame["k"] == 3, "the frame that ended early shows the change"
        assert frame["step"] < 100_000, "its training ended at the next chunk, not after the whole frame"
        assert threads == [worker._thread], "made in the worker's own thread"
    finally:
        worker.stop()
    assert not worker.post(lambda: None), "stopped: nothing is posted"
