"""The MNIST page's live figures: valid Plotly, in the palette's colours, from plain arrays."""

import numpy as np
import plotly.graph_objects as go

from ganviz.views import palette
from ganviz.views.mnist_live import classes_figure, d_histograms_figure, losses_figure


def test_losses_are_thinned_and_keep_the_players_colours():
    history = [{"step": s, "d_loss": 1.4 - s / 1e4, "g_loss": 0.7 + s / 1e4} for s in range(1, 2001)]
    fig = losses_figure(history)
    go.Figure(fig)  # valid Plotly
    d, g = fig["data"]
    assert d["line"]["color"] == palette.D_LOSS and g["line"]["color"] == palette.G_LOSS
    assert len(d["x"]) <= 401 and d["x"][-1] == 2000


def test_d_histograms_are_shares_of_each_set():
    fig = d_histograms_figure(np.full(256, 0.97), np.linspace(0, 1, 256))
    go.Figure(fig)
    real, fake = fig["data"]
    assert sum(real["y"]) == 1 and real["y"][-1] == 1  # every real image in the last bin
    assert abs(sum(fake["y"]) - 1) < 1e-2 and max(fake["y"]) < 0.1  # spread over all bins


def test_the_class_histogram_has_ten_bars_and_the_uniform_guide():
    fig = classes_figure(np.array([0.5, 0.5] + [0.0] * 8))
    go.Figure(fig)
    assert fig["data"][0]["x"] == [str(d) for d in range(10)] and fig["data"][0]["y"][:2] == [0.5, 0.5]
    assert fig["layout"]["shapes"][0]["y0"] == 0.1 and fig["layout"]["yaxis"]["range"][1] >= 0.5
