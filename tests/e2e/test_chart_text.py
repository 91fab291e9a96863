"""No clipped, covered or overlapping text in any chart of the Figure 1, 2D, Mode collapse and Theory pages.

Each chart's figure, built by its view function from real (short) runs and the shipped checkpoints, is drawn
by the app's own plotly.js in headless Chromium, with the app's Korean font, at the width the app gives it at
1280x720 and at 1920x1080, with the sidebar (normal) and without it (presentation mode, where the live charts
are drawn ``for_projector``), in English and in Korean. ``tools/chart_text.js`` then measures every text box
in the chart's SVG: none may leave the chart, sit on a plot area (tick labels, axis titles, legends, subplot
titles), be crossed by a reference line, or overlap another text.

The widths are the app's main column (the window less the sidebar and Streamlit's padding, measured with
``tools/chart_text.py``, which runs the same check on the real pages) split as the pages split it into columns.
No Streamlit server is needed: a small local HTTP server serves the page, plotly.js and the font.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
from dataclasses import replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
import torch

from ganviz.core.trainer import Trainer
from ganviz.files.checkpoints import load_checkpoint
from ganviz.frames.snapshot import take_snapshot
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.frames.trails import add_trails_2d
from ganviz.i18n import set_language
from ganviz.lessons.presets import FIGURE1
from ganviz.measure import theory
from ganviz.measure.gaussian_fits import fit_all
from ganviz.views import figure1 as fig1_views
from ganviz.views import figure2d as fig2d_views
from ganviz.views import modes as mode_views
from ganviz.views import theory as theory_views
from ganviz.views.palette import RACE_RUNS
from ganviz.views.projector import for_projector
from ganviz.views.wire import figure_json

REPO = Path(__file__).resolve().parents[2]
CHECK = (REPO / "tools" / "chart_text.js").read_text()
FONTS = REPO / "ganviz" / "ui" / "fonts" / "noto-sans-kr"
# The live charts' font family (ganviz/ui/live_chart.py): Plotly's, then the shipped Korean font for Hangul.
HANGUL_FALLBACK = re.search(r"const HANGUL_FALLBACK = '([^']+)'", (REPO / "ganviz/ui/live_chart.py").read_text())[1]
KOREAN_FAMILY = json.loads((FONTS / "faces.json").read_text())["family"]
# The app's main column (px) at each window width, with the sidebar and in presentation mode (measured).
MAIN = {(1280, False): 820, (1280, True): 1120, (1920, False): 1460, (1920, True): 1760}
GAP = 16  # Streamlit's gap between columns
SIZES = (1280, 1920)
SHOTS = REPO / "shots" / "e2e" / "charts"


def column(width: int, share: float) -> int:
    """The width of a column that takes ``share`` of a row ``width`` wide, as st.columns splits it."""
    return round(share * (width + GAP) - GAP)


# ----- the figures, from real runs ------------------------------------------------------------------------------
def _runs() -> dict:
    torch.manual_seed(0)
    bimodal = load_checkpoint("bimodal", "collapsed", device="cpu")
    gone = Trainer(replace(FIGURE1, device="cpu"))  # a G thrown off the plot, as the divergence preset's
    with torch.no_grad():
        gone.G.net[-1].bias += 30.0
    edge = Trainer(replace(FIGURE1, device="cpu"))  # p_g a spike at the window's left edge: its peak's label
    with torch.no_grad():
        edge.G.net[-1].weight *= 0.01
        edge.G.net[-1].bias.fill_(float(edge.target.bounds[0][0]) + 0.1)
    beats = Trainer(replace(FIGURE1, device="cpu"))  # slow motion: one beat per row
    beats.record(take_snapshot(beats).metrics)
    for _ in range(30):
        beats.beat()
        beats.record(take_snapshot(beats).metrics)
    ring = load_checkpoint("ring8", "converged", device="cpu")
    first = take_snapshot_2d(ring)
    ring.train(20)
    ring_snap = take_snapshot_2d(ring)
    trails = [np.stack([a, b]) for a, b in zip(first.fake[:60], ring_snap.fake[:60])]
    collapsed = load_checkpoint("ring8", "collapsed", device="cpu")
    return dict(bimodal=bimodal, bimodal_snap=take_snapshot(bimodal), gone=take_snapshot(gone), beats=beats.history,
                edge=take_snapshot(edge),
                ring=ring, ring_snap=ring_snap, trails=trails, collapsed=collapsed,
                collapsed_snap=take_snapshot_2d(collapsed))


def _theory_inputs() -> dict:
    p_data = theory.mixture_1d([-2.0, 2.0], [0.6, 0.6])
    p_g = theory.mixture_1d([1.0], [1.0])
    grid = theory.Grid1D.covering(p_data, p_g, cells=1200)
    pd, pg = p_data.pdf(grid.x), p_g.pdf(grid.x)
    d_star = theory.optimal_discriminator(pd, pg)
    d = theory.sigmoid_discriminator(grid.x, 0.0, 2.0)
    params = np.linspace(-5, 5, 101)
    sweep = np.array([theory.sigmoid_value(pd, pg, grid.x, c, 2.0, grid.dx) for c in params])
    v_star = theory.value(pd, pg, d_star, grid.dx)
    g_means = np.linspace(-6, 6, 121)
    wide = theory.Grid1D.covering(p_data, theory.shifted(p_g, -6), theory.shifted(p_g, 6))
    curve = theory.criterion_curve(p_data, p_g, g_means, wide)
    fits_target = theory.mixture_1d([-2.0, 2.0], [0.5, 0.5], [0.7, 0.3])
    fit_grid = theory.Grid1D.covering(fits_target, cells=1500)
    fit_p = fits_target.pdf(fit_grid.x)
    return dict(grid=grid, pd=pd, pg=pg, d_star=d_star, d=d, params=params, sweep=sweep, v_star=v_star,
                v_d=theory.sigmoid_value(pd, pg, grid.x, 0.0, 2.0, grid.dx), g_means=g_means, curve=curve,
                fit_grid=fit_grid, fit_p=fit_p, fits=fit_all(fit_p, fit_grid.x, fit_grid.dx))


def charts(runs: dict, th: dict) -> list[tuple[str, float, bool, object]]:
    """(name, share of the main column, drawn by the live chart, figure builder) for every chart of the four pages."""
    hist_2d = runs["ring"].history
    plain, remedy = runs["collapsed"].history, runs["ring"].history
    return [
        # Figure 1
        ("figure1", 1.0, True, lambda: fig1_views.figure1(runs["bimodal_snap"], show_d_star=True)),
        ("figure1 p_g off the plot", 1.0, True, lambda: fig1_views.figure1(runs["gone"], show_d_star=True)),
        ("figure1 history", 1.0, True, lambda: fig1_views.history_figure(runs["bimodal"].history)),
        ("figure1 history in slow motion", 1.0, True, lambda: fig1_views.history_figure(runs["beats"])),
        ("figure1 frozen", 0.5, True, lambda: fig1_views.figure1(runs["bimodal_snap"], title="step 2,000", height=320,
                                                                 compact=True)),
        # 2D
        ("figure2d", 1.0, True, lambda: add_trails_2d(
            fig2d_views.figure2d(runs["ring_snap"], show_d_star=True, show_arrows=True), runs["trails"])),
        ("figure2d frozen", 0.5, True, lambda: fig2d_views.figure2d(runs["ring_snap"], height=330, title="step 6,020")),
        ("figure2d history", 1.0, True, lambda: fig2d_views.history_figure_2d(hist_2d, 8)),
        # Mode collapse
        ("mode collapse run", 0.5, True, lambda: fig2d_views.figure2d(runs["collapsed_snap"], height=470,
                                                                                   short_legend=True)),
        ("modes over time", 1.0, True, lambda: mode_views.modes_over_time_figure(
            {"plain GAN": plain, "PacGAN": remedy}, 8)),
        ("mode timeline", 0.5, True, lambda: mode_views.mode_timeline_figure(plain, 8, title="plain GAN", height=260)),
        # Theory
        ("proposition 1", 2.2 / 3.2, False, lambda: theory_views.proposition1_figure(
            th["grid"].x, th["pd"], th["pg"], th["d_star"], th["d"], "D(x) = σ(2x)")),
        ("V sweep", 1.0, False, lambda: theory_views.sweep_figure(th["params"], th["sweep"], th["v_star"], 0.0,
                                                                  th["v_d"], "centre")),
        ("network D", 2.2 / 3.2, True, lambda: theory_views.proposition1_figure(
            th["grid"].x, th["pd"], th["pg"], th["d_star"], th["d"], "network D", height=460)),
        ("gap", 1 / 3.2, True, lambda: theory_views.gap_figure([dict(steps=s, gap=0.3 / (1 + s / 50))
                                                                for s in range(0, 400, 20)])),
        ("criterion curve", 1.6 / 2.6, False, lambda: theory_views.criterion_curve_figure(
            th["g_means"], th["curve"], 1.0, float(np.interp(1.0, th["g_means"], th["curve"])), 0.0)),
        ("theorem 1 densities", 1 / 2.6, False, lambda: theory_views.densities_figure(
            th["grid"].x, th["pd"], th["pg"], th["d_star"])),
        ("objectives", 1.0, False, lambda: theory_views.objectives_figure(
            [dict(label="minimax", loss="minimax", d_fake=0.05, colour=RACE_RUNS["minimax"]),
             dict(label="nonsaturating", loss="nonsaturating", d_fake=0.3, colour=RACE_RUNS["nonsaturating"])])),
        ("race panel", 0.5, True, lambda: fig1_views.figure1(runs["bimodal_snap"], compact=True, height=330)),
        ("race panel, p_g at the edge", 0.5, True, lambda: fig1_views.figure1(runs["edge"], compact=True, height=330)),
        ("race JSD", 1.0, True, lambda: theory_views.race_jsd_figure(
            [("minimax", RACE_RUNS["minimax"], runs["bimodal"].history), ("beats", "gray", runs["beats"])])),
        ("proposition 2", 0.5, False, lambda: theory_views.proposition2_figure(
            th["grid"].x, th["pd"], th["pg"], 0.5 * (th["pd"] + th["pg"]))),
        ("proposition 2 criterion", 0.5, False, lambda: theory_views.proposition2_criterion_figure(
            list(range(0, 200, 10)), [-math.log(4) + 0.5 / (1 + s) for s in range(0, 200, 10)],
            [-math.log(4) + 0.6 / (1 + s / 20) for s in range(0, 200, 10)])),
        ("gaussian fits", 1.6 / 2.6, False, lambda: theory_views.gaussian_fits_figure(
            th["fit_grid"].x, th["fit_p"], th["fits"])),
    ]


# ----- the browser ----------------------------------------------------------------------------------------------
def _page_html() -> str:
    font = json.loads((FONTS / "faces.json").read_text())
    faces = "\n".join(f"@font-face {{ font-family: '{font['family']}'; src: url('/fonts/{face['file']}'); "
                      f"unicode-range: {face['unicodeRange']}; font-weight: {font['weights']}; }}"
                      for face in font["faces"])
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{faces}\nbody {{ margin: 0 }}</style>"
            "<script src='/plotly.min.js'></script></head><body><div id='chart'></div></body></html>")


class _Files(SimpleHTTPRequestHandler):
    """The page, plotly.js (the app's: ganviz/ui/server.py) and the font's slices; nothing else."""

    def do_GET(self):  # noqa: N802 - the http.server name
        from ganviz.ui.server import PLOTLY_JS

        path = self.path.split("?")[0]
        if path == "/":
            body, kind = _page_html().encode(), "text/html; charset=utf-8"
        elif path == "/plotly.min.js":
            body, kind = PLOTLY_JS.read_bytes(), "application/javascript"
        elif path.startswith("/fonts/") and (FONTS / path[7:]).is_file() and "/" not in path[7:]:
            body, kind = (FONTS / path[7:]).read_bytes(), "font/woff2"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def chart_page(chromium):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Files, directory=os.devnull))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = chromium.new_page(viewport={"width": 1920, "height": 1200})
        try:
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            page.wait_for_function("() => window.Plotly")
            yield page
        finally:
            page.close()
    finally:
        server.shutdown()


def draw(page, figure: dict, width: int, before: tuple[dict, int] | None = None) -> list[str]:
    """Draw ``figure`` ``width`` px wide as the live chart does (the Korean font after Plotly's); its problems.

    With ``before`` (a figure and its width), that one is drawn first and ``figure`` replaces it in the same chart,
    as when presentation mode is switched on: Plotly.react with the new figure, then a resize to the new width
    (the order that left the legend on the plot before the live chart redrew after a resize).
    """
    return page.evaluate("""async ([text, width, family, check, korean, before]) => {
        const parse = (text) => {
            const fig = JSON.parse(text);
            return [fig.data ?? [], {...fig.layout, font: {family, ...(fig.layout.font ?? {})}}];
        };
        await document.fonts.load(`16px "${korean}"`, text + (before ? before[0] : ""));  // every slice needed, first
        const div = document.getElementById("chart");
        Plotly.purge(div);
        if (before) {
            div.style.width = `${before[1]}px`;
            await Plotly.newPlot(div, ...parse(before[0]), {displaylogo: false});
            await Plotly.react(div, ...parse(text), {displaylogo: false});
            div.style.width = `${width}px`;
            await Plotly.Plots.resize(div);
            await Plotly.redraw(div);  // as the live chart's resize observer does (ganviz/ui/live_chart.py)
        } else {
            div.style.width = `${width}px`;
            await Plotly.newPlot(div, ...parse(text), {displaylogo: false});
        }
        await new Promise((done) => setTimeout(done, 50));  // automargin's second pass
        return eval(check)(div.parentElement)[0].problems;
    }""", [figure_json(figure), width, HANGUL_FALLBACK, CHECK, KOREAN_FAMILY,
           None if before is None else [figure_json(before[0]), before[1]]])


@pytest.fixture(scope="module")
def figures():
    return _runs(), _theory_inputs()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_text_in_a_chart_is_clipped_covered_or_overlapping(chart_page, figures, lang):
    runs, th = figures
    problems = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    set_language(lang)
    try:
        for name, share, live, build in charts(runs, th):
            figure = build()
            figure = figure if isinstance(figure, dict) else json.loads(figure_json(figure))
            for size in SIZES:
                for presenting in (False, True):
                    shown = for_projector(figure) if presenting and live else figure
                    width = column(MAIN[size, presenting], share)
                    # Presentation mode is switched on over a page already drawn: the same live chart takes the new
                    # figure (Streamlit's own chart, on the Theory page, draws afresh).
                    before = (figure, column(MAIN[size, False], share)) if presenting and live else None
                    for problem in draw(chart_page, shown, width, before):
                        problems.append(f"{name} at {size} px{' presenting' if presenting else ''} ({width} px): "
                                        f"{problem}")
                    if (size, presenting) in ((1280, False), (1920, True)):  # to look at: shots/e2e/charts/
                        slug = re.sub(r"[^a-z0-9]+", "-", name.lower())
                        chart_page.locator("#chart").screenshot(
                            path=str(SHOTS / f"{slug}-{lang}-{size}{'-presenting' if presenting else ''}.png"))
    finally:
        set_language("en")
    assert not problems, "\n".join(problems)
