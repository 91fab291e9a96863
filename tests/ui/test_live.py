"""The live loop on a page: a page run while training runs draws without training (the session's own rules,
budget and debounce are tested without Streamlit in tests/frames/test_session.py)."""


def test_a_page_run_while_training_runs_draws_without_training(monkeypatch):
    """A click or a slider while training runs reruns the page: it must answer without a frame's training (the
    timer's next tick trains); a page run after a pause in the ticks (e.g. Play) trains at once."""
    from streamlit.testing.v1 import AppTest

    import ganviz.frames.session as live

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
