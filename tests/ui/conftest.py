"""Fixtures for the tests that drive the app with Streamlit's AppTest: every test here, and only here."""

import pytest


@pytest.fixture(autouse=True)
def _no_play_debounce(request, monkeypatch):
    """AppTest clicks Play and Pause a few milliseconds apart, which the app takes for Streamlit's echo of one
    click (``ganviz.frames.session.PLAY_DEBOUNCE_S``); tests marked ``debounce`` keep it (tests/frames/test_session.py)."""
    if "debounce" not in request.keywords:
        import ganviz.frames.session

        monkeypatch.setattr(ganviz.frames.session, "PLAY_DEBOUNCE_S", 0.0)


@pytest.fixture(autouse=True)
def _errors_raise(request, monkeypatch):
    """A page's unexpected exception reaches AppTest (``at.exception``) instead of the classroom's friendly line
    (``ganviz.ui.run_page``); tests marked ``friendly_errors`` check that line."""
    if "friendly_errors" not in request.keywords:
        monkeypatch.setenv("GANVIZ_RAISE_ERRORS", "1")


@pytest.fixture(autouse=True)
def _every_run_is_a_tick(monkeypatch):
    """AppTest cannot fire a fragment's timer, so each ``at.run()`` stands for one tick and trains a frame; in the
    browser a page run within ``ganviz.frames.session.INTERACTION_GRACE`` frame periods of the last tick only draws
    (tests/ui/test_live.py sets it back to check that)."""
    import ganviz.frames.session

    monkeypatch.setattr(ganviz.frames.session, "INTERACTION_GRACE", 0)
