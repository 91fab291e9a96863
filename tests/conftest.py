"""Shared fixtures: where the MNIST IDX files are.

The project keeps them at ../shared/data/mnist beside the repository root (a git
worktree one level deeper sees them at ../../shared/data/mnist); GANVIZ_TEST_MNIST_DIR
overrides both. Tests that need them fail, not skip, when they are missing.
"""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = [ROOT.parent / "shared" / "data" / "mnist", ROOT.parent.parent / "shared" / "data" / "mnist"]


@pytest.fixture(scope="session")
def mnist_dir() -> str:
    override = os.environ.get("GANVIZ_TEST_MNIST_DIR")
    for folder in ([Path(override)] if override else CANDIDATES):
        if (folder / "train-images-idx3-ubyte.gz").exists():
            return str(folder)
    pytest.fail(f"the MNIST files are missing: looked in {', '.join(map(str, CANDIDATES))} "
                "(set GANVIZ_TEST_MNIST_DIR to their folder)")


@pytest.fixture(autouse=True)
def _english_afterwards():
    """Every test starts and ends in English, whatever language a test set for its own thread."""
    from ganviz.i18n import DEFAULT, set_language

    yield
    set_language(DEFAULT)


@pytest.fixture(autouse=True)
def _no_play_debounce(request, monkeypatch):
    """AppTest clicks Play and Pause a few milliseconds apart, which the app takes for Streamlit's echo of one
    click (``ganviz.frames.session.PLAY_DEBOUNCE_S``); tests marked ``debounce`` keep it (tests/frames/test_session.py)."""
    if "debounce" not in request.keywords:
        import ganviz.frames.session

        monkeypatch.setattr(ganviz.frames.session, "PLAY_DEBOUNCE_S", 0.0)


@pytest.fixture(autouse=True)
def _every_run_is_a_tick(monkeypatch):
    """AppTest cannot fire a fragment's timer, so each ``at.run()`` stands for one tick and trains a frame; in the
    browser a page run within ``ganviz.frames.session.INTERACTION_GRACE`` frame periods of the last tick only draws
    (tests/ui/test_live.py sets it back to check that)."""
    import ganviz.frames.session

    monkeypatch.setattr(ganviz.frames.session, "INTERACTION_GRACE", 0)
