"""The 2D page's overlays, legible on a projector: G's manifold cells shaded by their stretch, haloed arrows and
D* contours, trails over the points; Figure 1 says when p_g has left the plot; history charts never blank."""

import math
from dataclasses import replace

import numpy as np
import plotly.graph_objects as go
import pytest
import torch

from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer
from ganviz.frames.snapshot import take_snapshot
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.i18n import t
from ganviz.lessons.presets import FIGURE1
from ganviz.views import palette
from ganviz.views.figure1 import figure1, history_figure
from ganviz.views.figure2d import CROWDING_ALPHA, CROWDING_EDGES, crowding, figure2d, history_figure_2d, stretch_cells
from ganviz.views.projector import for_projector

RING = TrainConfig(dist="ring8", device="cpu", batch=64, z_dim=2, seed=4)


def alpha(trace) -> float:
    return float(trace["fillcolor"].rsplit(",", 1)[1].rstrip(")"))


def polygons(trace) -> list[np.ndarray]:
    """The filled quadrilaterals of a cells trace (5 points each, closed), split at the None gaps."""
    out, current = [], []
    for x, y in zip(trace["x"], trace["y"]):
        if x is None:
            out.append(np.array(current))
            current = []
        else:
            current.append((x, y))
    return out


@pytest.fixture(scope="module")
def ring_snap():
    trainer = Trainer(RING)
    trainer.train(150)
    return take_snapshot_2d(trainer)


def test_every_cell_is_drawn_once_darker_where_g_squeezes_it(ring_snap):
    cells = stretch_cells(ring_snap)
    go.Figure(dict(data=cells))  # valid Plotly
    drawn = [p for trace in cells for p in polygons(trace)]
    shaded = np.argwhere(crowding(ring_snap) >= CROWDING_EDGES[0])  # the cells stretched most are left clear
    assert 0 < len(drawn) == len(shaded) <= ring_snap.stretch.size == 100
    # Each polygon is the cell's four nodes, closed.
    nodes = ring_snap.manifold_nodes
    corners = {tuple(np.round(p[0], 2)) for p in drawn}
    assert corners == {tuple(np.round(nodes[i, j], 2)) for i, j in shaded}
    # The shade of a cell falls as its stretch grows (its crowding falls).
    shade = {}
    for trace in cells:
        for p in polygons(trace):
            shade[tuple(np.round(p[0], 2))] = alpha(trace)
    pairs = [(ring_snap.stretch[i, j], shade.get(tuple(np.round(nodes[i, j], 2)), 0.0))
             for i in range(10) for j in range(10)]
    pairs.sort()
    alphas = [a for _, a in pairs]
    assert alphas == sorted(alphas, reverse=True) and len(set(alphas)) > 1
    assert {alpha(trace) for trace in cells} <= set(CROWDING_ALPHA)
    assert all(palette.rgb_triplet(palette.P_G) in trace["fillcolor"] for trace in cells)  # p_g's green
    assert [trace["showlegend"] for trace in cells].count(True) == 1


def test_the_shade_of_a_linear_g_is_that_of_its_determinant():
    trainer = Trainer(RING)
    a = np.array([[2.0, 0.0], [0.0, 1.5]])

    class Linear(torch.nn.Module):
        def forward(self, z):
            return z[:, :2] @ torch.as_tensor(a.T, dtype=torch.float32)

    trainer.G = Linear()
    snap = take_snapshot_2d(trainer)
    (x0, x1), (y0, y1) = snap.bounds
    expected = (x1 - x0) * (y1 - y0) / (3.0 * snap.z_square)
    np.testing.assert_allclose(crowding(snap), expected, rtol=1e-5)
    cells = stretch_cells(snap)
    assert len([cell for cell in cells if cell["x"]]) == 1  # one stretch, one shade (the others' traces empty)
    assert len(cells) == len([a for a in CROWDING_ALPHA if a > 0])


def test_cells_follow_the_manifold_switch_and_need_a_2d_noise(ring_snap):
    name = t("two_d.fig.stretch")
    assert any(tr.get("name") == name for tr in figure2d(ring_snap, show_manifold=True)["data"])
    assert not any(tr.get("name") == name for tr in figure2d(ring_snap, show_manifold=False)["data"])
    line = take_snapshot_2d(Trainer(replace(RING, z_dim=1)))
    assert not any(tr.get("name") == name for tr in figure2d(line)["data"])


def test_arrows_and_d_star_contours_stand_on_a_white_halo(ring_snap):
    fig = figure2d(ring_snap, show_d_star=True, show_arrows=True)
    go.Figure(fig)
    arrows = [tr for tr in fig["data"] if tr.get("legendgroup") == "arrows"]
    assert [tr["line"]["color"] for tr in arrows] == ["white", palette.GRADIENT]
    assert arrows[0]["line"]["width"] > arrows[1]["line"]["width"] >= 3
    stars = [tr for tr in fig["data"] if tr.get("legendgroup") == "d_star"]
    assert [tr["line"]["color"] for tr in stars] == ["white", palette.D_STAR]
    assert stars[0]["line"]["width"] > stars[1]["line"]["width"] >= 2.5
    assert [tr["showlegend"] for tr in arrows + stars] == [False, True, False, True]
    big = for_projector(fig)
    assert [tr for tr in big["data"] if tr.get("legendgroup") == "arrows"][1]["line"]["width"] > 4


def test_figure1_says_how_much_of_p_g_left_the_plot_and_where():
    trainer = Trainer(replace(FIGURE1, device="cpu"))
    notes = [a["text"] for a in figure1(take_snapshot(trainer))["layout"]["annotations"]]
    assert not any("%" in n for n in notes)
    with torch.no_grad():
        trainer.G.net[-1].bias += 40.0  # all of G's outputs far right of the window
    snap = take_snapshot(trainer)
    assert snap.outside == (0.0, 1.0)
    notes = [a["text"] for a in figure1(snap)["layout"]["annotations"]]
    assert t("fig.p_g_off_right", share="100%") in notes
    with torch.no_grad():
        trainer.G.net[-1].bias -= 80.0
    snap = take_snapshot(trainer)
    assert snap.outside == (1.0, 0.0)
    assert t("fig.p_g_off_left", share="100%") in [a["text"] for a in figure1(snap)["layout"]["annotations"]]


def test_the_loss_charts_show_a_run_in_slow_motion():
    """A beat is one D step or one G step, so each row has one of the two losses: the lines join over the gaps."""
    trainer = Trainer(replace(FIGURE1, device="cpu"))
    trainer.record(take_snapshot(trainer).metrics)
    for _ in range(12):
        trainer.beat()
        trainer.record(take_snapshot(trainer).metrics)
    rows = trainer.history
    assert any(math.isnan(r["d_loss"]) for r in rows[1:]) and any(math.isnan(r["g_loss"]) for r in rows[1:])
    fig = history_figure(rows)
    for name in (t("fig.d_loss"), t("fig.g_loss")):
        trace = next(tr for tr in fig["data"] if tr["name"] == name)
        assert trace["connectgaps"] and sum(v is not None for v in trace["y"]) >= 5


@pytest.mark.parametrize("chart", ["1d", "2d"])
def test_a_history_of_one_row_is_drawn_as_points(chart):
    if chart == "1d":
        trainer = Trainer(replace(FIGURE1, device="cpu"))
        trainer.record(take_snapshot(trainer).metrics)
        fig = history_figure(trainer.history)
    else:
        trainer = Trainer(RING)
        trainer.record(take_snapshot_2d(trainer).metrics)
        fig = history_figure_2d(trainer.history, 8)
    jsd = next(tr for tr in fig["data"] if tr["name"] == "JSD")
    assert jsd["mode"] == "lines+markers" and jsd["y"][0] is not None
    trainer.train(5)
    snap = take_snapshot(trainer) if chart == "1d" else take_snapshot_2d(trainer)
    trainer.record(snap.metrics)
    fig = history_figure(trainer.history) if chart == "1d" else history_figure_2d(trainer.history, 8)
    assert next(tr for tr in fig["data"] if tr["name"] == "JSD")["mode"] == "lines"
