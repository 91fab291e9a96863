"""The MNIST page's live GAN ("Train from scratch"), on real short runs on the shipped subset."""

import numpy as np
import pytest
import torch

from ganviz.mnist import load_classifier
from ganviz.mnist.idx import load_subset
from ganviz.mnist.live import LIVE_CONFIG, LR_FLOOR, LR_HOLD, SCORED, LiveMnist


@pytest.fixture(scope="module")
def subset():
    return load_subset().images


@pytest.fixture(autouse=True)
def one_thread():
    """One torch thread, as the app trains (``GANVIZ_TORCH_THREADS``)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_a_few_iterations_give_finite_losses_and_a_whole_frame(subset):
    run = LiveMnist(subset, load_classifier(), seed=0)
    run.train(3)
    assert run.step == 3 and [r["step"] for r in run.history] == [1, 2, 3]
    for row in run.history:
        assert all(np.isfinite(row[k]) for k in ("d_loss", "g_loss", "d_real", "d_fake"))
    frame = run.frame()
    assert frame.grid.shape == (LIVE_CONFIG.progress_n, 28, 28) and 0 <= frame.grid.min() <= frame.grid.max() <= 1
    assert frame.d_real.shape == frame.d_fake.shape == (SCORED,)
    assert ((frame.d_real > 0) & (frame.d_real < 1)).all() and ((frame.d_fake > 0) & (frame.d_fake < 1)).all()
    assert frame.histogram.shape == (10,) and frame.histogram.sum() == pytest.approx(1)
    assert run.frame().grid.tobytes() == frame.grid.tobytes(), "a frame only reads: the same grid twice"


def test_the_same_seed_trains_the_same_run(subset):
    """Even interleaved with another run: each keeps its own state of the dropout draws (LiveMnist.dropout_rng)."""
    a, b = (LiveMnist(subset, load_classifier(), seed=3) for _ in range(2))
    a.train(4)
    b.train(4)
    assert [r["d_loss"] for r in a.history] == [r["d_loss"] for r in b.history]
    assert np.array_equal(a.frame().grid, b.frame().grid)


def test_the_classifier_reads_its_digits_after_a_thousand_iterations(subset):
    """The claim the page makes: grey noise turns into digits the shipped classifier reads, spread over the classes.
    Measured (results/mnist-live.md): 30 % confident at 985 iterations, 47 % at 1,290 (seed 0)."""
    run = LiveMnist(subset, load_classifier(), seed=0)
    before = run.frame()
    run.train(1000)
    after = run.frame()
    assert before.confident < 0.05
    assert after.confident > 0.15, after.confident
    assert (after.histogram > 0.02).sum() >= 8, after.histogram  # not one or two modes
    assert after.d_real.mean() > after.d_fake.mean()  # D still tells them apart, as early in training it does


def test_the_learning_rate_falls_after_the_fast_start(subset):
    run = LiveMnist(subset, load_classifier(), seed=0)
    run.train(2)
    assert run.lr() == LIVE_CONFIG.lr
    assert [g["lr"] for o in (run.trainer.opt_g, run.trainer.opt_d) for g in o.param_groups] == [LIVE_CONFIG.lr] * 2
    run.trainer.step = 3 * LR_HOLD  # as if it had trained that long
    run.train(1)  # the step after 3 * LR_HOLD
    assert [g["lr"] for o in (run.trainer.opt_g, run.trainer.opt_d) for g in o.param_groups] == [
        pytest.approx(LIVE_CONFIG.lr / 3)] * 2
    run.trainer.step = 10**6
    assert run.lr() == LR_FLOOR < LIVE_CONFIG.lr


def test_train_for_keeps_to_its_budget_and_max_steps(subset):
    run = LiveMnist(subset, load_classifier(), seed=0)
    assert run.train_for(0.0) == 5  # at least one chunk
    assert run.train_for(60.0, max_steps=7) == 7 and run.step == 12


def test_a_dropped_run_is_freed(subset):
    """The page keeps the run only in the session's state: once Streamlit drops the session (the tab closed),
    nothing else holds it, and its networks and optimizer states are freed."""
    import gc
    import weakref

    store = {"mnist.live": LiveMnist(subset, load_classifier(), seed=0)}
    store["mnist.live"].train(2)
    ref = weakref.ref(store["mnist.live"])
    store.clear()
    gc.collect()
    assert ref() is None
