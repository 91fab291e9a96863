"""The live loop's time budget: one session's frame stops training once its budget is spent."""

import pytest

from ganviz.ui.live import TRAIN_CHUNK, train_within


class FakeTrainer:
    def __init__(self):
        self.calls = []

    def train(self, n):
        self.calls.append(n)


class FakeClock:
    """Each reading is ``per_call`` seconds later than the one before: a chunk of training costs that much."""

    def __init__(self, per_call):
        self.now, self.per_call = 0.0, per_call

    def __call__(self):
        self.now += self.per_call
        return self.now


def test_a_cheap_frame_trains_every_iteration_asked_for():
    trainer = FakeTrainer()
    assert train_within(trainer, 23, budget_s=1.0, clock=FakeClock(0.001)) == 23
    assert sum(trainer.calls) == 23 and max(trainer.calls) <= TRAIN_CHUNK


def test_an_expensive_frame_stops_at_its_budget():
    trainer = FakeTrainer()
    done = train_within(trainer, 200, budget_s=0.15, clock=FakeClock(0.05))  # each chunk "takes" 50 ms
    assert done == 3 * TRAIN_CHUNK, "three chunks fit in 150 ms; the fourth is not started"


def test_a_frame_offers_an_interruption_between_its_chunks_and_stops_where_it_is_interrupted():
    trainer, offered = FakeTrainer(), []
    assert train_within(trainer, 23, budget_s=1.0, clock=FakeClock(0.001), between=lambda: offered.append(sum(trainer.calls))) == 23
    assert offered == [5, 10, 15, 20], "after every chunk but the last"

    class Rerun(Exception):
        pass

    def interrupt():
        raise Rerun  # what Streamlit raises at a session-state read when a click waits

    trainer = FakeTrainer()
    with pytest.raises(Rerun):
        train_within(trainer, 23, budget_s=1.0, clock=FakeClock(0.001), between=interrupt)
    assert trainer.calls == [TRAIN_CHUNK], "the chunk trained before the click stays trained; no more are started"


@pytest.mark.parametrize("iterations", [1, TRAIN_CHUNK, 200])
def test_a_frame_always_moves(iterations):
    trainer = FakeTrainer()
    assert train_within(trainer, iterations, budget_s=0.0, clock=FakeClock(1.0)) == min(iterations, TRAIN_CHUNK)


@pytest.mark.debounce
def test_a_second_play_pause_within_the_debounce_is_taken_for_an_echo():
    """Streamlit may run a button's callback twice, 13-52 ms apart, when a click meets a fragment tick, the second
    time with the re-drawn button's arguments (Pause, then Play): the echo must not undo the click."""
    import time

    from streamlit.testing.v1 import AppTest

    import ganviz.ui.live as live

    at = AppTest.from_file("../../navigation.py", default_timeout=120)
    at.run()
    at.switch_page("pages/figure1.py").run()
    run = live.LiveRun.__new__(live.LiveRun)  # the callback, called as Streamlit would, on the page's state
    run.key = "fig1"
    state = at.session_state

    real = live.st.session_state
    try:
        live.st.session_state = state  # LiveRun reads st.session_state: point it at the AppTest's
        run._play(True)
        assert state["fig1.mode"] == "playing"
        run._play(False)  # the echo, at once: ignored
        assert state["fig1.mode"] == "playing"
        time.sleep(live.PLAY_DEBOUNCE_S + 0.05)
        run._play(False)  # a real second press, later: taken
        assert state["fig1.mode"] == "paused"
    finally:
        live.st.session_state = real


def test_a_page_run_while_training_runs_draws_without_training(monkeypatch):
    """A click or a slider while training runs reruns the page: it must answer without a frame's training (the
    timer's next tick trains); a page run after a pause in the ticks (e.g. Play) trains at once."""
    from streamlit.testing.v1 import AppTest

    import ganviz.ui.live as live

    monkeypatch.setattr(live, "INTERACTION_GRACE", 1e6)  # every page run counts as within the grace
    at = AppTest.from_file("../../navigation.py", default_timeout=120)
    at.run()
    at.switch_page("pages/figure1.py").run()
    at.button(key="fig1.play").click().run()  # Play: no frame has trained yet, so this run trains
    trainer = at.session_state["fig1.trainer"]
    after_play = trainer.step
    assert after_play > 0
    at.toggle(key="fig1.d_star").set_value(False).run()  # a toggle while playing: drawn, not trained
    assert trainer.step == after_play
    assert not at.exception
    monkeypatch.setattr(live, "INTERACTION_GRACE", 0)  # ticks are frame periods apart again
    at.run()
    assert trainer.step > after_play
