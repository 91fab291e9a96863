"""The figures are built from snapshots as Figure 1 draws them."""

import json
import math

import plotly.graph_objects as go

from ganviz import TrainConfig, Trainer, take_snapshot
from ganviz.views import figure1 as figures, figure2d as figures2d
from ganviz.views.wire import figure_json


def validated(build):
    """``build`` (a figure function returning a plain dict), wrapped to return a validated plotly Figure.

    ``go.Figure`` raises on any property Plotly does not know, so every test
    also checks that the dict is a valid Plotly figure, and that it holds only
    plain JSON values (no NumPy, no NaN), so it takes ``figure_json``'s fast path.
    """
    def wrapper(*args, **kwargs):
        fig = build(*args, **kwargs)
        assert isinstance(fig, dict)
        assert json.loads(json.dumps(fig, allow_nan=False)) == json.loads(figure_json(fig))
        return go.Figure(fig)
    return wrapper


figure1, history_figure = validated(figures.figure1), validated(figures.history_figure)
figure2d, history_figure_2d = validated(figures2d.figure2d), validated(figures2d.history_figure_2d)


def snapshot(**config):
    trainer = Trainer(TrainConfig(device="cpu", **config))
    trainer.train(20)
    snap = take_snapshot(trainer)
    trainer.record(snap.metrics)
    return trainer, snap


def test_figure1_draws_the_papers_styles():
    _, snap = snapshot()
    fig = figure1(snap, show_d_star=True)
    by_name = {t.name: t for t in fig.data if t.name}
    assert by_name["p_data (data)"].line.dash == "dot" and by_name["p_data (data)"].line.color == "black"
    assert by_name["p_g (generator)"].line.dash is None and "2ca02c" in by_name["p_g (generator)"].line.color
    assert by_name["D(x)"].line.dash == "dash"
    assert "D* = p_data/(p_data+p_g)" in by_name
    arrows = by_name["x = G(z)"]
    assert len(arrows.x) == 3 * len(snap.z_arrows)  # z, G(z), gap for each arrow
    assert list(arrows.x[1::3]) == [round(float(v), 4) for v in snap.x_arrows]
    assert "D* = p_data/(p_data+p_g)" not in {t.name for t in figure1(snap, show_d_star=False).data}


def test_d_star_is_not_drawn_where_neither_density_has_mass():
    _, snap = snapshot()
    d_star = next(t for t in figure1(snap, show_d_star=True).data if t.name and t.name.startswith("D*"))
    empty = (snap.p_data + snap.p_g) < 1e-3
    assert empty.any() and all(d_star.y[i] is None for i in range(len(empty)) if empty[i])


def test_critic_losses_are_labelled_as_critics():
    _, snap = snapshot(loss="wgan-gp")
    assert "σ(critic(x))" in {t.name for t in figure1(snap).data}


def test_history_figure_thins_long_histories_and_keeps_the_last_row():
    trainer, _ = snapshot()
    rows = [dict(trainer.history[-1], step=i, jsd=0.5, value=math.nan) for i in range(2000)]
    fig = history_figure(rows, max_points=500)
    jsd = next(t for t in fig.data if t.name == "JSD")
    assert len(jsd.x) <= 500 and jsd.x[-1] == 1999
    assert all(v is None for v in next(t for t in fig.data if t.name == "V(D, G)").y)
    json.dumps(fig.to_plotly_json(), default=str)  # serialisable: no NaN objects left in it


# ----- 2D ------------------------------------------------------------------------------------------
from ganviz.frames.snapshot2d import take_snapshot_2d  # noqa: E402


def snapshot_2d(**config):
    trainer = Trainer(TrainConfig(device="cpu", dist="ring8", z_dim=2, **config))
    trainer.train(20)
    snap = take_snapshot_2d(trainer)
    trainer.record(snap.metrics)
    return trainer, snap


def test_figure2d_layers_and_square_aspect():
    trainer, snap = snapshot_2d()
    fig = figure2d(snap, show_d_star=True, show_manifold=True, show_arrows=True)
    kinds = [(t.type, t.name) for t in fig.data]
    assert kinds[0][0] == "heatmap", "D's heatmap is drawn behind everything"
    names = {name for _, name in kinds}
    assert {"real x ~ p_data", "generated G(z)", "D* contours"} <= names
    assert any(n.startswith("G's manifold") for n in names) and any(n.startswith("G's gradient") for n in names)
    by_name = {t.name: t for t in fig.data}
    assert by_name["real x ~ p_data"].type == by_name["generated G(z)"].type == "scattergl"  # WebGL
    manifold = next(t for t in fig.data if t.name.startswith("G's manifold"))
    assert manifold.type == "scatter", "lines in SVG: cheaper than WebGL lines where the browser has no GPU"
    assert by_name["real x ~ p_data"].marker.color != by_name["generated G(z)"].marker.color
    heat = fig.data[0]
    assert heat.zmin == 0 and heat.zmax == 1 and heat.zmid == 0.5
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis.scaleratio == 1
    plain = figure2d(snap, show_d_star=False, show_manifold=False, show_arrows=False)
    assert [t.type for t in plain.data] == ["heatmap", "scattergl", "scattergl"]
    assert [t.name for t in plain.data][1:] == ["generated G(z)", "real x ~ p_data"]  # real on top


def test_figure2d_short_legend_names_the_same_traces_in_a_word_or_two():
    """The race's panels (``short_legend``): the same traces and data; three short legend entries, G's cells and
    manifold under one ("G's grid": a click on it hides both)."""
    _, snap = snapshot_2d()
    full = figures2d.figure2d(snap, show_manifold=True)
    short = figure2d(snap, show_manifold=True, short_legend=True)
    assert [t.type for t in short.data] == [t["type"] for t in full["data"]]
    assert [t.x for t in short.data] == [go.Figure(full).data[i].x for i in range(len(full["data"]))]
    shown = [t.name for t in short.data if t.showlegend is not False and t.type != "heatmap"]
    assert shown == ["G's grid", "generated", "real"], shown
    grid = [t for t in short.data if t.type == "scatter"]
    assert len(grid) >= 2 and {t.legendgroup for t in grid} == {"cells"}, "cells and manifold in one legend group"
    assert len([t for t in go.Figure(full).data if t.showlegend is not False and t.type != "heatmap"]) == 4


def test_figure2d_wire_size_is_modest():
    _, snap = snapshot_2d()
    size = len(figure_json(figures2d.figure2d(snap, show_d_star=True, show_arrows=True)))
    assert size < 150_000, size  # rounded coordinates: a frame must not be megabytes (issue 8: at most 150 kB)


def test_history_figure_2d_shows_modes_for_mixtures():
    trainer, _ = snapshot_2d()
    fig = history_figure_2d(trainer.history, n_modes=8)
    assert "modes covered" in {t.name for t in fig.data}
    trainer2 = Trainer(TrainConfig(device="cpu", dist="moons", z_dim=2))
    trainer2.record(take_snapshot_2d(trainer2).metrics)
    assert "modes covered" not in {t.name for t in history_figure_2d(trainer2.history, n_modes=None).data}
