"""Controls at their extremes on the live pages: a diverging run is caught, rolled back and explained, never a traceback.

Each case sets the sidebar the way a curious student would (learning rates at
1.0, k at 10, the smallest and largest minibatch) and plays a few ticks under
AppTest. The page must show no exception; if the run diverged, the user sees
the trainer's facts in the page's words (which step it rolled back to, and the likely cause)
and the run is paused on finite weights.
"""

import re

import pytest
import torch
from streamlit.testing.v1 import AppTest

from ganviz.ui.controls import BATCHES

APP = "../../navigation.py"
DIVERGED = re.compile(r"^Training diverged between steps \d+ and \d+: (D's loss|G's loss|the network weights) became NaN "
                      r"or infinite\. Rolled back to step (\d+)\. Likely cause: a learning rate too high for this loss "
                      r"\(lr_D = [\d.e+-]+, lr_G = [\d.e+-]+\); lower it and press Play again\.$")


def page(path):
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(path).run()
    assert not at.exception
    return at


def play_ticks(at, key, ticks=2):
    at.button(key=f"{key}.play").click().run()
    for _ in range(ticks):
        at.run()


def assert_explained_or_trained(at, key):
    assert not at.exception, "no traceback on the page"
    trainer = at.session_state[f"{key}.trainer"]
    for p in list(trainer.G.parameters()) + list(trainer.D.parameters()):
        assert torch.isfinite(p).all(), "the weights the page shows are finite"
    if at.error:
        message = at.error[0].value
        match = DIVERGED.match(message)
        assert match, f"the divergence message is the trainer's: {message!r}"
        assert int(match.group(2)) == trainer.step, "it names the step the run was rolled back to"
        assert at.session_state[f"{key}.mode"] == "paused"
        return "diverged"
    assert trainer.step > 0
    return "trained"


EXTREMES = [
    # (loss, lr, k, batch, outcome this case must show)
    ("wgan-gp", 1.0, 1, 512, "diverged"),   # the critic's penalty term explodes at lr 1: measured to diverge
    ("minimax", 1.0, 10, 16, None),
    ("nonsaturating", 1.0, 1, 512, None),
    ("lsgan", 1e-4, 10, 16, "trained"),
]


@pytest.mark.parametrize("loss, lr, k, batch, outcome", EXTREMES)
def test_figure1_at_the_extremes(loss, lr, k, batch, outcome):
    at = page("pages/figure1.py")
    at.selectbox(key="fig1.loss").set_value(loss)
    at.radio(key="fig1.opt").set_value("sgd")
    at.select_slider(key="fig1.lr_d").set_value(lr)
    at.select_slider(key="fig1.lr_g").set_value(lr)
    at.slider(key="fig1.k").set_value(k)
    at.select_slider(key="fig1.batch").set_value(batch)
    at.run()
    play_ticks(at, "fig1")
    seen = assert_explained_or_trained(at, "fig1")
    if outcome:
        assert seen == outcome


def test_two_d_at_the_extremes():
    at = page("pages/two_d.py")
    at.selectbox(key="p2d.loss").set_value("wgan-gp")
    at.radio(key="p2d.opt").set_value("sgd")
    at.select_slider(key="p2d.lr_d").set_value(1.0)
    at.select_slider(key="p2d.lr_g").set_value(1.0)
    at.select_slider(key="p2d.batch").set_value(512)
    at.run()
    play_ticks(at, "p2d")
    assert assert_explained_or_trained(at, "p2d") == "diverged"


FORGED = [  # widget key, kind, a value no widget can produce (as a forged WebSocket message could carry)
    ("fig1.k", "slider", 10**6),
    ("fig1.speed", "slider", 10**6),
    ("fig1.batch", "select_slider", 10**7),
    ("fig1.lr_d", "select_slider", 1e9),
    ("fig1.seed", "number_input", -5),
]


@pytest.mark.parametrize("key, kind, value", FORGED)
def test_forged_widget_values_never_reach_the_trainer(key, kind, value):
    at = page("pages/figure1.py")
    getattr(at, kind)(key=key).set_value(value)
    at.run()
    assert not at.exception
    config = at.session_state["fig1.trainer"].config
    assert 1 <= config.k <= 10 and 16 <= config.batch <= max(BATCHES) and config.seed >= 0 and config.lr_d <= 1.0
    assert at.session_state[key] != value, "Streamlit keeps the widget's value inside its range"
