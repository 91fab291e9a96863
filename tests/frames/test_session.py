"""The live session without Streamlit: its per-frame budget, its state machine, its frames and its races."""

from dataclasses import replace

import pytest

from ganviz.frames import session as live
from ganviz.frames.session import (CATCH_UP, D_WINDOW, TRAIN_CHUNK, LiveSession, Playback, RaceSession, catch_up,
                                   d_window, train_within)
from ganviz.core.trainer import Trainer
from ganviz.frames.snapshot import take_snapshot
from ganviz.lessons.presets import FIGURE1, PRESETS
from ganviz.lessons.race import Race

CPU = replace(FIGURE1, device="cpu")


class FakeTrainer:
    def __init__(self):
        self.calls = []

    def train(self, n):
        self.calls.append(n)


class Pacing:  # the fields of ganviz.ui.controls.Pacing that the session reads
    def __init__(self, iterations_per_frame=20, frame_seconds=0.08, slow=False):
        self.iterations_per_frame, self.frame_seconds, self.slow = iterations_per_frame, frame_seconds, slow


def session(store=None, config=CPU) -> LiveSession:
    run = LiveSession({} if store is None else store, "fig1", take_snapshot)
    run.sync(config)
    return run


# ----- the per-frame budget --------------------------------------------------------------------
class TimedTrainer:
    """A trainer whose iterations each "take" ``per_iteration`` seconds on its own clock (``clock``)."""

    def __init__(self, per_iteration):
        self.calls, self.now, self.per_iteration = [], 0.0, per_iteration

    def train(self, n):
        self.calls.append(n)
        self.now += n * self.per_iteration

    def clock(self):
        return self.now


def test_a_cheap_frame_trains_every_iteration_asked_for():
    trainer = TimedTrainer(0.001)
    assert train_within(trainer, 23, budget_s=1.0, clock=trainer.clock) == 23
    assert sum(trainer.calls) == 23 and max(trainer.calls) <= TRAIN_CHUNK
    assert trainer.calls[0] == 1, "with nothing measured yet, the first chunk is one iteration"


def test_the_measured_cost_carries_over_so_a_cheap_frame_starts_at_full_chunks():
    trainer, cost = TimedTrainer(0.001), {}
    train_within(trainer, 20, budget_s=1.0, clock=trainer.clock, cost=cost)
    assert cost["s"] == pytest.approx(0.001)
    trainer.calls.clear()
    assert train_within(trainer, 20, budget_s=1.0, clock=trainer.clock, cost=cost) == 20
    assert trainer.calls == [TRAIN_CHUNK] * 4


@pytest.mark.parametrize("per_iteration", [0.001, 0.02, 0.04, 0.07, 0.14])
def test_an_expensive_frame_never_starts_a_chunk_that_would_pass_its_budget(per_iteration):
    trainer, cost = TimedTrainer(per_iteration), {}
    for _ in range(3):  # the first frame measures; the next ones use the measurement
        start = trainer.now
        done = train_within(trainer, 200, budget_s=0.15, clock=trainer.clock, cost=cost)
        spent = trainer.now - start
        assert done >= 1
        assert spent <= 0.15 + 1e-9 or done == 1, "over the budget only when one iteration alone takes longer"
        assert done == min(200, max(1, int(0.15 / per_iteration + 1e-9))), "and every iteration that fits is done"


def test_a_frame_offers_an_interruption_between_its_chunks_and_stops_where_it_is_interrupted():
    trainer, offered, cost = TimedTrainer(0.001), [], {"s": 0.001}
    assert train_within(trainer, 23, budget_s=1.0, clock=trainer.clock, cost=cost,
                        between=lambda: offered.append(sum(trainer.calls))) == 23
    assert offered == [5, 10, 15, 20], "after every chunk but the last"

    class Rerun(Exception):
        pass

    def interrupt():
        raise Rerun  # what Streamlit raises at a session-state read when a click waits

    trainer = TimedTrainer(0.001)
    with pytest.raises(Rerun):
        train_within(trainer, 23, budget_s=1.0, clock=trainer.clock, cost={"s": 0.001}, between=interrupt)
    assert trainer.calls == [TRAIN_CHUNK], "the chunk trained before the click stays trained; no more are started"


def test_a_workers_frame_ends_after_the_chunk_in_which_the_page_asked_it_to_stop():
    trainer = TimedTrainer(0.001)
    stop = lambda: sum(trainer.calls) >= 2 * TRAIN_CHUNK  # the click comes during the second chunk
    assert train_within(trainer, 40, budget_s=1.0, clock=trainer.clock, cost={"s": 0.001}, stop=stop) == 2 * TRAIN_CHUNK
    assert train_within(TimedTrainer(0.001), 40, budget_s=1.0, cost={"s": 0.001}, stop=lambda: True) == TRAIN_CHUNK, \
        "a frame asked to stop before it began still trains one chunk (a run always moves)"


@pytest.mark.parametrize("iterations", [1, TRAIN_CHUNK, 200])
def test_a_frame_always_moves(iterations):
    trainer = TimedTrainer(1.0)
    assert train_within(trainer, iterations, budget_s=0.0, clock=trainer.clock) == 1
    assert train_within(trainer, iterations, budget_s=0.0, clock=trainer.clock, cost={"s": 1.0}) == 1


@pytest.mark.parametrize("window,spent,budget,want", [(10, 0.015, 0.15, 100), (100, 0.3, 0.15, 50),
                                                      (100, 0.015, 0.15, D_WINDOW), (1, 5.0, 0.15, 1),
                                                      (10, 0.0, 0.15, D_WINDOW)])
def test_the_d_only_window_is_sized_to_the_frame_budget(window, spent, budget, want):
    assert d_window(window, spent, budget) == want



# ----- the state machine -----------------------------------------------------------------------
@pytest.mark.debounce
def test_a_second_play_pause_within_the_debounce_is_taken_for_an_echo():
    """Streamlit may run a button's callback twice, 13-52 ms apart, when a click meets a fragment tick, the second
    time with the re-drawn button's arguments (Pause, then Play): the echo must not undo the click."""
    run = session()
    run.say("info", "live.d_step_done")
    assert run.play(True, now=100.0) and run.mode == "playing" and run.message is None
    assert not run.play(False, now=100.03) and run.mode == "playing", "the echo, at once: ignored"
    assert run.play(False, now=100.0 + live.PLAY_DEBOUNCE_S + 0.05) and run.mode == "paused", "a real second press"


def test_the_state_lives_in_the_store_under_the_runs_key():
    store = {}
    run = session(store)
    assert store["fig1.trainer"] is run.trainer and store["fig1.mode"] == "paused" and run.trainer.step == 0
    assert len(run.trainer.history) == 1, "step 0 is in the history"
    again = LiveSession(store, "fig1", take_snapshot)  # the next page run finds the same run
    assert again.trainer is run.trainer and again.recorder is run.recorder


def test_sync_keeps_the_run_for_live_settings_and_rebuilds_it_for_a_new_model():
    run = session()
    first = run.trainer
    assert run.sync(replace(CPU, lr_d=0.01)) is False and run.trainer is first and first.config.lr_d == 0.01
    assert run.sync(replace(CPU, lr_d=0.01, width=16)) is True, "a new model replaces a run: the page says so"
    assert run.trainer is not first and run.trainer.step == 0 and run.mode == "paused"


def test_steps_pause_and_say_what_they_did():
    run = session()
    run.play(True)
    run.step()
    assert run.mode == "paused" and run.trainer.step == 1
    d_steps = run.trainer.d_steps
    run.d_step()
    assert run.trainer.d_steps == d_steps + 1 and run.message == ("info", "live.d_step_done", {})
    run.g_step()
    assert run.trainer.step == 1 and run.message == ("info", "live.g_step_done", {})


def test_a_divergence_pauses_rolls_back_and_keeps_its_facts(monkeypatch):
    monkeypatch.setattr(live, "PLAY_DEBOUNCE_S", 0.0)  # the second Play below comes milliseconds after the first
    run = session(config=replace(PRESETS["diverge"].config, device="cpu"))
    run.play(True)
    for _ in range(20):
        run.advance(Pacing(iterations_per_frame=5))
        if run.diverged:
            break
    assert run.diverged and run.mode == "paused"
    kind, key, facts = run.message
    assert kind == "error" and key == "divergence" and facts["bad_step"] >= facts["step"] == run.trainer.step
    assert run.play(True) and not run.diverged and run.message is None, "Play again clears it"


def test_fitting_d_trains_d_alone_until_the_residual_is_small_or_stops_falling_then_pauses():
    run = session(config=replace(CPU, width=8, batch=32))
    step, d_steps = run.trainer.step, run.trainer.d_steps
    run.fit_d()
    assert run.mode == "fit_d" and run.message[1] == "live.fit_d_running"
    start = float(run.message[2]["residual"])
    for _ in range(400):
        run.advance(Pacing())
        if run.mode == "paused":
            break
    assert run.mode == "paused" and run.trainer.step == step, "G frozen"
    kind, key, values = run.message
    steps = int(values["steps"].replace(",", ""))
    assert steps == run.trainer.d_steps - d_steps > 0
    assert run.store["fig1.fit"].window <= D_WINDOW
    residual = float(values["residual"])
    assert residual < start, "D moved towards D*"
    assert (key, kind) == (("live.fit_d_done", "success") if residual < live.CLOSE[1] else ("live.fit_d_not_close", "warning"))


def test_fitting_d_shrinks_its_window_to_the_frame_budget(monkeypatch):
    run = session(config=replace(CPU, width=8, batch=32))
    run.fit_d()
    monkeypatch.setattr(live, "FRAME_BUDGET_S", 1e-9)  # no window fits: one D step a frame
    d_steps = run.trainer.d_steps
    run.advance(Pacing())
    assert run.trainer.d_steps - d_steps == live.D_FIRST_WINDOW
    d_steps = run.trainer.d_steps
    run.advance(Pacing())
    assert run.trainer.d_steps - d_steps == 1
    monkeypatch.setattr(live, "FRAME_BUDGET_S", 1e9)  # a generous budget: back up to D_WINDOW
    run.advance(Pacing())
    run.advance(Pacing())
    assert run.store["fig1.fit"].window == D_WINDOW


def test_a_preset_starts_afresh_warms_up_and_then_plays_or_fits_d():
    run = session()
    run.step()
    run.load_preset(PRESETS["figure1_abcd"])
    assert run.sync(CPU) is False and run.trainer.step == 0 and run.mode == "playing"
    assert run.preset_caption == "preset.figure1_abcd.caption"
    d_star = PRESETS["d_star"]
    run.load_preset(d_star)
    run.sync(CPU)
    assert run.trainer.step == d_star.warmup and run.mode == "fit_d"
    run.reset(CPU)
    assert run.preset_caption is None and run.trainer.step == 0


def test_frames_train_within_the_pacing_and_are_recorded_only_while_timed(monkeypatch):
    monkeypatch.setattr(live, "FRAME_BUDGET_S", 1e9)  # every frame trains its 20 iterations, however slow the machine
    monkeypatch.setattr(live, "INTERACTION_GRACE", 3)  # the page's value, whatever tests/ui/conftest.py sets for AppTest
    run = session()
    frame = run.next_frame(Pacing(), page_run=True, timed=False)
    assert frame.step == 0 and len(run.recorder.frames) == 0, "paused: drawn, not trained"
    run.play(True)
    frame = run.next_frame(Pacing(iterations_per_frame=20), page_run=True, timed=True)  # right after Play: trains
    assert frame.step == run.trainer.step == 20 and len(run.recorder.frames) == 1
    frame = run.next_frame(Pacing(iterations_per_frame=20), page_run=True, timed=True)  # a click while playing
    assert frame.step == 20, "a page run within the grace only draws"
    run.next_frame(Pacing(iterations_per_frame=20), page_run=False, timed=True)  # the timer's tick
    assert run.trainer.step == 40 and [f.step for f in run.recorder.frames] == [20, 40]


def test_a_page_run_trains_only_after_the_grace():
    run = session()
    pacing = Pacing(frame_seconds=0.1)
    assert run.trains_now(pacing, now=5.0), "no frame has trained yet"
    run.store["fig1.trained_at"] = 5.0
    assert not run.trains_now(pacing, now=5.0 + 0.1 * live.INTERACTION_GRACE - 0.01)
    assert run.trains_now(pacing, now=5.0 + 0.1 * live.INTERACTION_GRACE + 1e-9)


def test_the_status_says_the_state_and_a_smoothed_rate_while_playing():
    run = session()
    assert run.status(now=1.0) == ("paused", None)
    run.play(True)
    assert run.status(now=2.0) == ("playing", None), "no rate before a second frame"
    run.trainer.train(10)
    assert run.status(now=3.0) == ("playing", 10.0)
    assert run.status(now=3.5) == ("playing", 10.0), "a page run that only drew keeps the rate"
    run.trainer.train(40)
    state, rate = run.status(now=4.0)
    assert rate == pytest.approx(0.7 * 10 + 0.3 * 40)
    run.fit_d()
    assert run.status(now=5.0) == ("fit_d", None) and run.chart_every() == live.SECONDARY_CHART_SECONDS


def test_freezing_keeps_the_last_four_snapshots():
    run = session()
    for i in range(5):
        run.step()
        run.freeze()
    assert [s.step for s in run.frozen] == [2, 3, 4, 5]
    run.clear_frozen()
    assert run.frozen == []


# ----- loops and races -------------------------------------------------------------------------
def test_a_loop_ticks_while_playing_and_pauses_when_its_work_says_done():
    loop, ticks = Playback({}, "theory.fit"), []
    loop.tick(lambda: ticks.append(1))
    assert ticks == [], "paused: no work"
    loop.play(True)
    loop.tick(lambda: ticks.append(1))
    assert ticks == [1] and loop.playing
    loop.tick(lambda: False)
    assert loop.mode == "paused"


def test_a_race_session_keeps_its_race_until_it_no_longer_fits():
    store, preset = {}, PRESETS["loss"]
    runs = RaceSession(store, "theory.race", take_snapshot)
    race = runs.sync(preset.race, lambda race: True)
    assert store["theory.race"] is race and store["theory.race.mode"] == "paused"
    assert all(len(t.history) == 1 for t in race.trainers.values()), "each run's step 0 is in its history"
    assert runs.sync(preset.race, lambda race: True) is race
    runs.restart()
    assert runs.playing and runs.sync(preset.race, lambda race: True) is not race
    runs.step()
    assert not runs.playing and runs.race.step == 1
    assert runs.advance(4, until=10) and runs.race.step == 5
    assert not runs.advance(5, until=10), "at its last step"
    runs.reset()
    assert store["theory.race"] is None and runs.mode == "paused"


def test_a_race_stops_when_every_run_has_diverged():
    bad = replace(PRESETS["diverge"].config, device="cpu")
    runs = RaceSession({}, "mc.race", take_snapshot)
    runs.sync(lambda: Race({"a": bad, "b": replace(bad, seed=1)}), lambda race: True)
    going = [runs.advance(5) for _ in range(10)]
    assert going[-1] is False and set(runs.race.failures) == {"a", "b"}


def test_a_late_frame_catches_up_the_periods_it_missed_within_a_limit():
    assert catch_up(20, elapsed_s=0.02, tick_s=1 / 30) == 20, "an early or timely frame trains its own iterations"
    assert catch_up(20, elapsed_s=0.1, tick_s=1 / 30) == 60, "three periods late: three periods' iterations"
    assert catch_up(20, elapsed_s=60.0, tick_s=1 / 30) == 20 * CATCH_UP, "a long stall is not made up at once"
    assert catch_up(1, elapsed_s=0.05, tick_s=1 / 30) == 2 and catch_up(7, elapsed_s=1.0, tick_s=0.0) == 7


def test_a_stopped_worker_ends_its_frame_after_the_chunk_it_is_in():
    trainer = Trainer(FIGURE1)
    assert train_within(trainer, 23, budget_s=600.0, cost={"s": 0.001}, stop=lambda: True) == TRAIN_CHUNK
