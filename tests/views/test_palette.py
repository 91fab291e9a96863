"""Every figure draws each quantity in its palette colour, so the pages cannot drift apart (issue 21).

The figures are built from short real runs (a 1D and a 2D trainer, the
theory page's densities) exactly as the pages build them; each trace is found
by the name the page shows and its colour compared with ``palette``.
"""

import numpy as np
import plotly.colors
import pytest

from ganviz import TrainConfig, Trainer, take_snapshot
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.frames.trails import TRAIL_RGB_1D, TRAIL_RGB_2D
from ganviz.i18n import t
from ganviz.measure import theory
from ganviz.mnist.render import grid
from ganviz.views import palette
from ganviz.views.diagram import diagram_figure
from ganviz.views.figure1 import figure1, history_figure
from ganviz.views.figure2d import figure2d, history_figure_2d
from ganviz.views.modes import modes_over_time_figure
from ganviz.views.theory import criterion_curve_figure, densities_figure, proposition1_figure, sweep_figure
from ganviz.views.video import FAKE_COLOUR, MANIFOLD_COLOUR, REAL_COLOUR, _style

PAPER = {"p_data": palette.DATA_STYLE, "p_g": palette.G_STYLE, "D": palette.D_STYLE, "D*": palette.D_STAR_STYLE}


@pytest.fixture(scope="module")
def run_1d():
    trainer = Trainer(TrainConfig(device="cpu", seed=0))
    for _ in range(3):
        trainer.train(5)
        snap = take_snapshot(trainer)
        trainer.record(snap.metrics)  # the rows the history charts draw
    return trainer, snap


@pytest.fixture(scope="module")
def run_2d():
    trainer = Trainer(TrainConfig(device="cpu", dist="ring8", z_dim=2, seed=0))
    for _ in range(3):
        trainer.train(5)
        snap = take_snapshot_2d(trainer)
        trainer.record(snap.metrics)
    return trainer, snap


@pytest.fixture(scope="module")
def densities():
    p_data, p_g = theory.mixture_1d([-1.0, 1.5], [0.5, 0.4]), theory.mixture_1d([0.5], [1.0])
    grid_1d = theory.Grid1D.covering(p_data, p_g)
    pd, pg = p_data.pdf(grid_1d.x), p_g.pdf(grid_1d.x)
    return grid_1d, pd, pg, theory.optimal_discriminator(pd, pg), p_data, p_g


def trace(fig, name: str) -> dict:
    """The trace named ``name`` in ``fig`` (a figure dict or a plotly Figure)."""
    fig = fig if isinstance(fig, dict) else fig.to_dict()
    named = [tr for tr in fig["data"] if tr.get("name") == name]
    assert len(named) == 1, (name, [tr.get("name") for tr in fig["data"]])
    return named[0]


def colour(tr: dict) -> str:
    """A trace's colour: its line's, or else its markers'."""
    return (tr.get("line") or {}).get("color") or tr["marker"]["color"]


def test_figure1_keeps_the_papers_styles(run_1d):
    _, snap = run_1d
    fig = figure1(snap, show_d_star=True)
    drawn = {"p_data": t("fig.p_data"), "p_g": t("fig.p_g"), "D": "D(x)", "D*": "D* = p_data/(p_data+p_g)"}
    for quantity, name in drawn.items():
        line = trace(fig, name)["line"]
        assert (line["color"], line.get("dash"), line["width"]) == (
            PAPER[quantity]["color"], PAPER[quantity].get("dash"), PAPER[quantity]["width"]), quantity
    assert (palette.P_DATA, palette.P_G, palette.D) == ("black", "#2ca02c", "#1f77b4")  # Figure 1 of the paper
    assert colour(trace(fig, "x = G(z)")) == palette.MAPPING


def test_the_loss_charts_of_figure1_and_2d_agree(run_1d, run_2d):
    one = history_figure(run_1d[0].history)
    two = history_figure_2d(run_2d[0].history, n_modes=8)
    for fig, names in ((one, {"jsd": "JSD", "d_loss": t("fig.d_loss"), "g_loss": t("fig.g_loss")}),
                       (two, {"jsd": "JSD", "d_loss": t("two_d.fig.d_loss"), "g_loss": t("two_d.fig.g_loss")})):
        assert colour(trace(fig, names["jsd"])) == palette.JSD
        assert colour(trace(fig, names["d_loss"])) == palette.D_LOSS == palette.D
        assert colour(trace(fig, names["g_loss"])) == palette.G_LOSS == palette.P_G
    assert colour(trace(one, "V(D, G)")) == palette.VALUE
    assert colour(trace(one, "C(G) = V(D*, G)")) == palette.CRITERION == palette.D_STAR
    assert colour(trace(two, t("two_d.fig.modes"))) == palette.MODES
    assert colour(trace(two, t("two_d.fig.hq"))) == palette.HQ


def test_figure2d_draws_samples_d_and_d_star_in_their_colours(run_2d):
    _, snap = run_2d
    fig = figure2d(snap, show_d_star=True, show_manifold=True, show_arrows=True)
    assert colour(trace(fig, t("two_d.fig.real"))) == palette.REAL
    assert colour(trace(fig, t("two_d.fig.generated"))) == palette.FAKE
    assert colour(trace(fig, t("two_d.fig.manifold"))) == palette.MANIFOLD
    assert colour(trace(fig, t("two_d.fig.arrows"))) == palette.GRADIENT
    assert colour(trace(fig, t("two_d.fig.d_star"))) == palette.D_STAR
    heat = next(tr for tr in fig["data"] if tr["type"] == "heatmap")
    assert heat["colorscale"] == plotly.colors.get_colorscale(palette.D_SCALE)


def test_the_theory_figures_use_figure1s_styles_and_the_value_colours(densities):
    grid_1d, pd, pg, d_star, p_data, p_g = densities
    d = theory.sigmoid_discriminator(grid_1d.x, 0.0, 2.0)
    prop1 = proposition1_figure(grid_1d.x, pd, pg, d_star, d, "D")
    dens = densities_figure(grid_1d.x, pd, pg, d_star)
    for fig, names in ((prop1, {"p_data": "p_data", "p_g": "p_g", "D*": "D* = p_data/(p_data+p_g)", "D": "D"}),
                       (dens, {"p_data": "p_data", "p_g": "p_g", "D*": "D*"})):
        for quantity, name in names.items():
            line = trace(fig, name)["line"]
            assert (line["color"], line.get("dash")) == (PAPER[quantity]["color"], PAPER[quantity].get("dash"))
    # V's integrand at D* and at D: the value at D* in D*'s colour, at D in D's.
    assert colour(trace(prop1, t("theory.fig_with_d_star"))) == palette.CRITERION
    assert colour(trace(prop1, t("theory.fig_with_d"))) == palette.VALUE
    v_star = theory.value(pd, pg, d_star, grid_1d.dx)
    params = np.linspace(-2, 2, 21)
    values = np.array([theory.sigmoid_value(pd, pg, grid_1d.x, c, 2.0, grid_1d.dx) for c in params])
    sweep = sweep_figure(params, values, v_star, 0.0, float(values[10]), "centre").to_dict()
    assert colour(trace(sweep, t("theory.v_candidate"))) == palette.VALUE
    assert colour(trace(sweep, t("theory.fig_now"))) == palette.VALUE
    assert sweep["layout"]["shapes"][0]["line"]["color"] == palette.CRITERION  # the ceiling V(D*, G)
    g_means = np.linspace(-2, 2, 9)
    curve = theory.criterion_curve(p_data, p_g, g_means, theory.Grid1D.covering(
        p_data, theory.shifted(p_g, -2.0), theory.shifted(p_g, 2.0)))
    crit = criterion_curve_figure(g_means, curve, 0.0, float(curve[4]), 0.0)
    assert colour(trace(crit, "C(G) = V(D*, G)")) == palette.CRITERION
    assert colour(trace(crit, t("theory.fig_pg_now"))) == palette.P_G


def test_the_diagram_wears_the_pages_colours():
    for dim, real, fake in ((1, palette.P_DATA, palette.P_G), (2, palette.REAL, palette.FAKE)):
        boxes = {shape["name"]: shape["line"] for shape in diagram_figure("idle", dim)["layout"]["shapes"]
                 if shape["type"] == "rect"}
        assert boxes["real"]["color"] == real and boxes["fake"]["color"] == fake
        assert boxes["D"]["color"] == palette.D and boxes["G"]["color"] == fake
        assert boxes["d_loss"]["color"] == palette.D_LOSS and boxes["g_loss"]["color"] == fake
    assert diagram_figure("idle", 1)["layout"]["shapes"][3]["line"]["dash"] == "dot"  # real: p_data's dots


def test_the_mode_collapse_page_colours_runs_in_order():
    rows = [{"step": s, "modes": 1, "hq": 0.5, "mode_counts": [1] + [0] * 7} for s in (0, 10)]
    fig = modes_over_time_figure({"plain GAN": rows, "PacGAN": rows}, 8)
    assert [colour(tr) for tr in fig["data"]] == list(palette.RUNS[:2])


def test_video_trails_and_mnist_take_the_palettes_colours():
    for style, dashes in ((palette.DATA_STYLE, ":"), (palette.G_STYLE, "-"), (palette.D_STYLE, "--"),
                          (palette.D_STAR_STYLE, "-.")):  # the frames' lines: Figure 1's colours and dashes
        assert (_style(style)["color"], _style(style)["linestyle"]) == (style["color"], dashes)
    assert (REAL_COLOUR, FAKE_COLOUR) == (palette.REAL, palette.FAKE)
    assert MANIFOLD_COLOUR == pytest.approx((90 / 255, 90 / 255, 90 / 255, 0.55))
    assert TRAIL_RGB_1D == palette.rgb_triplet(palette.P_G) and TRAIL_RGB_2D == "0,70,35"
    picture = np.asarray(grid(np.zeros((2, 28, 28)), cols=2, outline=[0]))
    assert tuple(picture[0, 0]) == palette.NEAREST and tuple(picture[0, -1]) == (255, 255, 255)


def test_rgba_and_matplotlib_colours():
    assert palette.rgba(palette.D, 0.25) == "rgba(31,119,180,0.25)"
    assert palette.rgba("black", 0.5) == "rgba(0,0,0,0.5)"
    assert palette.rgb_triplet("rgb(1, 2, 3)") == "1,2,3"
    assert palette.for_matplotlib("rgba(255,0,51,0.5)") == (1.0, 0.0, 0.2, 0.5)
    assert palette.for_matplotlib(palette.P_G) == palette.P_G
    with pytest.raises(ValueError):
        palette.rgb_triplet("#abc")
