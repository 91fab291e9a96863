"""Plotly figures of a 2D run, built from a ``Snapshot2D`` and the metrics history.

``figure2d`` is one square plot, layered as GAN Lab layers it: D(x) as a
heatmap behind everything (red where D says "fake", blue where it says
"real", white at 1/2), optionally the contours of D*, the generator's manifold
(the z grid pushed through G), real samples (black) and generated samples
(green, as p_g is green in Figure 1; the real ones on top, so the modes stay
visible under a crowd of fakes), and optionally arrows showing where G's
gradient pushes a few generated points. Point clouds use WebGL (Scattergl); the
live view draws them on a 2D canvas of its own instead (``ganviz.ui.points_layer``).
Colours are ``palette``'s; the history's are the same as Figure 1's page.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.colors

from . import palette
from .plot import (GRID, LEGEND_ROW, TICKS, columns, legend_below, level_line, line, rounded, series, subplot_title,
                   thin, typed, with_markers_if_sparse)
from ..i18n import t
from ..frames.snapshot2d import Snapshot2D

D_COLOURS = plotly.colors.get_colorscale(palette.D_SCALE)  # 0 red (fake) -> 0.5 white -> 1 blue (real)
STAR_MIN_MASS = 1e-6  # D* is hidden in cells where p_data + p_g has less mass than this
POINT_DIGITS = 2  # manifold coordinates on the wire: 1/100 of a unit is under a pixel on the built-in windows (6 to 11 units wide)


def _polylines(lines, digits: int = POINT_DIGITS) -> tuple[list, list]:
    """Many polylines as one trace: coordinates separated by None.

    ``lines`` is a list of (m, 2) arrays or one (lines, m, 2) array; joined with a NaN row after each line and
    rounded in one pass (cheaper per frame than a loop over the lines).
    """
    if not len(lines):
        return [], []
    points = [np.asarray(line, dtype=np.float64).reshape(-1, 2) for line in lines]
    gap = np.full((1, 2), np.nan)
    joined = np.concatenate([part for line in points for part in (line, gap)])
    return rounded(joined[:, 0], digits), rounded(joined[:, 1], digits)


def _points(samples, name: str, marker: dict) -> dict:
    return dict(type="scattergl", x=typed(samples[:, 0]), y=typed(samples[:, 1]), mode="markers", marker=marker, name=name)


def figure2d(snap: Snapshot2D, show_d_star: bool = False, show_manifold: bool = True, show_arrows: bool = False,
             height: int = 640, title: str | None = None, short_legend: bool = False) -> dict:
    """The 2D picture: D heatmap, D* contours, manifold, real and generated samples, gradient arrows.

    ``short_legend``: the legend's entries in a word or two (``*_short`` labels), G's cells and manifold under one
    entry ("G's grid", a click hides both), so that it takes one row under a half-width figure (the race's panels)
    and leaves the plot the height; the 2D page has the full labels.
    """
    label = (lambda key: t(f"{key}_short")) if short_legend else t
    (x0, x1), (y0, y1) = snap.bounds
    d_title = "D(x)" if snap.d_is_probability else "σ(critic)"
    data = [dict(type="heatmap", x=rounded(snap.heat_xs, 3), y=rounded(snap.heat_ys, 3), z=typed(snap.d),
                 colorscale=D_COLOURS, zmin=0, zmax=1, zmid=0.5, opacity=0.75, name=d_title,
                 colorbar=dict(title=dict(text=d_title, side="right"), thickness=12, len=0.6,
                               tickvals=[0, 0.5, 1],
                               ticktext=[t("two_d.fig.fake_tick"), "½", t("two_d.fig.real_tick")]),
                 hovertemplate="x=%{x:.2f}, y=%{y:.2f}<br>D(x)=%{z:.2f}<extra></extra>")]
    if show_d_star:
        # In D*'s red, as on the other pages, over a white halo: the red line then stands out on the red (fake)
        # and the blue (real) parts of D's heatmap alike.
        star = np.where(snap.star_mass > STAR_MIN_MASS, snap.d_star, np.nan)
        grid = dict(type="contour", x=rounded(snap.star_xs, 3), y=rounded(snap.star_ys, 3), z=rounded(star, 3),
                    showscale=False, hoverinfo="skip", legendgroup="d_star")
        levels = dict(start=0.1, end=0.9, size=0.2, coloring="none")
        data.append(dict(grid, contours=dict(levels, showlabels=False), line=dict(color="white", width=4.5), name="",
                         showlegend=False))
        data.append(dict(grid, contours=dict(levels, showlabels=True,
                                             labelfont=dict(size=13, color=palette.D_STAR)),
                         line=dict(color=palette.D_STAR, width=2.5), name=t("two_d.fig.d_star"), showlegend=True))
    if show_manifold and snap.stretch.size:
        data += stretch_cells(snap, legend=not short_legend)
    if show_manifold and snap.manifold:
        xs, ys = _polylines(snap.manifold)
        # SVG, not WebGL: where the browser draws WebGL in software (no GPU), thick WebGL lines cost its main
        # thread more than SVG's (results/performance-history.md); the points stay WebGL.
        data.append(dict(type="scatter", x=xs, y=ys, mode="lines", line=dict(color=palette.MANIFOLD, width=1.2),
                         name=label("two_d.fig.manifold"), hoverinfo="skip",
                         **({"legendgroup": "cells"} if short_legend else {})))
    data.append(_points(snap.fake, label("two_d.fig.generated"),
                        dict(size=5, color=palette.FAKE, opacity=0.85, line=dict(color="white", width=0.5))))
    data.append(_points(snap.real, label("two_d.fig.real"), dict(size=4, color=palette.REAL, opacity=0.8)))
    if show_arrows and len(snap.arrow_from):
        # Thick, with a white halo under them, so they read over the heatmap and the points from the back row.
        segments = [np.stack([a, b]) for a, b in zip(snap.arrow_from, snap.arrow_to)]
        xs, ys = _polylines(segments, 3)
        for colour, width, head, name in (("white", 6, 17, None), (palette.GRADIENT, 3, 12, t("two_d.fig.arrows"))):
            data.append(dict(type="scatter", x=xs, y=ys, mode="lines+markers", line=dict(color=colour, width=width),
                             marker=dict(symbol=["circle", "arrow", "circle"] * len(segments),
                                         size=[width + 1, head, 0] * len(segments), angleref="previous",
                                         color=colour, line=dict(width=0)),
                             name=name or "", showlegend=name is not None, legendgroup="arrows",
                             hoverinfo="skip"))
    # x's tick labels on top, the legend (as many rows as its entries take) under the plot: they never meet.
    # The margins grow to hold the tick labels and the title above them (automargin).
    layout = dict(
        xaxis=dict(range=[float(x0), float(x1)], constrain="domain", showgrid=False, zeroline=False, side="top",
                   automargin=True),
        yaxis=dict(range=[float(y0), float(y1)], scaleanchor="x", scaleratio=1, constrain="domain", showgrid=False,
                   zeroline=False, automargin=True),
        height=height, plot_bgcolor="white", margin=dict(l=10, r=10, t=10, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0), uirevision="2d",
    )
    if short_legend:  # its one row pinned to the bottom edge, below the lower half of the last y tick label
        layout["legend"], _ = legend_below()
        layout["margin"]["b"] = LEGEND_ROW + 12
    if title:
        layout["title"] = dict(text=title, x=0.01, xanchor="left", yref="container", y=1, yanchor="top", pad=dict(t=8),
                               automargin=True)
    return dict(data=data, layout=layout)


# G's manifold cells are shaded by how much G crowds them (GAN Lab's shading): ``crowding`` = window area /
# (|det dG/dz| x the z square's area), how many times denser than z's square spread evenly over the window G's
# samples are in that cell (for a uniform z). Cells of crowding >= CROWDING_EDGES[-1] get the darkest shade.
CROWDING_EDGES = (10 ** -0.5, 1.0, 10 ** 0.5, 10.0)  # log10: -0.5, 0, 0.5, 1
# The fill's opacity in each band, lightest (stretched) first. Cells G stretches to under a third of the even
# spread are left clear: where G folds its square, dozens of them overlap and would grey the heatmap out.
CROWDING_ALPHA = (0.0, 0.06, 0.15, 0.28, 0.42)


_CORNER_I, _CORNER_J = np.array([0, 1, 1, 0, 0]), np.array([0, 0, 1, 1, 0])


def crowding(snap: Snapshot2D) -> np.ndarray:
    """Each manifold cell's crowding (see ``CROWDING_EDGES``), shape of ``snap.stretch``; inf where G folds a cell flat."""
    (x0, x1), (y0, y1) = snap.bounds
    with np.errstate(divide="ignore"):
        return (x1 - x0) * (y1 - y0) / (snap.stretch * snap.z_square)


def stretch_cells(snap: Snapshot2D, legend: bool = True) -> list[dict]:
    """G's manifold cells as filled quadrilaterals (nodes joined by straight sides), one trace per shade band,
    p_g's green, darker where G squeezes a cell (crowds its samples), lighter where it stretches one, clear where
    it stretches one most (``CROWDING_ALPHA``); ``legend``: the darkest band has a legend entry (else none has).
    Every shaded band has its trace, empty or not: a playing run's figure then keeps its traces from frame to frame,
    and the browser redraws its canvas only, not plotly.js's SVG (``ganviz/ui/live_view.py``)."""
    bands = np.searchsorted(CROWDING_EDGES, crowding(snap), side="right")
    nodes = snap.manifold_nodes
    traces = []
    for band in range(len(CROWDING_ALPHA) - 1, -1, -1):  # darkest first: its legend entry comes first
        if CROWDING_ALPHA[band] == 0:
            continue
        cells = np.argwhere(bands == band)
        # Each cell's corners (i, j), (i+1, j), (i+1, j+1), (i, j+1) and back to the first: (cells, 5, 2).
        polygons = nodes[cells[:, :1] + _CORNER_I, cells[:, 1:] + _CORNER_J]
        xs, ys = _polylines(polygons)
        traces.append(dict(type="scatter", x=xs, y=ys, mode="lines", fill="toself", line=dict(width=0),
                           fillcolor=palette.rgba(palette.P_G, CROWDING_ALPHA[band]), hoverinfo="skip",
                           name=t("two_d.fig.stretch"), legendgroup="cells", showlegend=legend and not traces))
    return traces


def history_figure_2d(history: list[dict], n_modes: int | None = None, max_points: int = 300,
                      height: int = 300) -> dict:
    """Charts over steps: the JSD estimate, both losses and, for mixtures, modes covered and HQ fraction."""
    rows = thin(history, max_points)
    steps = [r["step"] for r in rows]
    with_modes = bool(n_modes is not None and rows and "modes" in rows[-1])
    cols = 3 if with_modes else 2
    titles = [t("two_d.fig.jsd_title"), t("fig.losses_title")] + ([t("two_d.fig.modes_title")] if with_modes else [])
    domains = columns(cols, 0.09, right=0.94 if with_modes else 1.0)  # room on the right for the % axis
    data = [line(steps, series(rows, "jsd", 4), "JSD", dict(color=palette.JSD, width=2), showlegend=False)]
    for key, name, colour in (("d_loss", t("two_d.fig.d_loss"), palette.D_LOSS),
                              ("g_loss", t("two_d.fig.g_loss"), palette.G_LOSS)):
        # In slow motion a row holds the loss of its one beat, D's or G's (the other is NaN): join over the gaps.
        data.append(line(steps, series(rows, key, 4), name, dict(color=colour, width=2), "2", connectgaps=True))
    ceiling, _ = level_line(math.log(2), "", dict(color=palette.GUIDE, dash="dot"))
    legend, bottom = legend_below()
    layout = dict(height=height, plot_bgcolor="white", margin=dict(l=10, r=10, t=40, b=bottom),
                  legend=legend, shapes=[ceiling],
                  annotations=[subplot_title(text, d) for text, d in zip(titles, domains)])
    for i, domain in enumerate(domains):
        axis = "" if i == 0 else str(i + 1)
        layout[f"xaxis{axis}"] = dict(anchor=f"y{axis}", domain=domain, title=dict(text=t("fig.step")), **GRID, **TICKS)
        layout[f"yaxis{axis}"] = dict(anchor=f"x{axis}", domain=[0.0, 1.0], **GRID, **TICKS)
    layout["yaxis"]["range"] = [0, math.log(2) * 1.05]
    if with_modes:
        data.append(line(steps, [r.get("modes") for r in rows], t("two_d.fig.modes"),
                         dict(color=palette.MODES, width=2, shape="hv"), "3"))
        data.append(line(steps, [None if r.get("hq") is None else round(100 * r["hq"], 1) for r in rows],
                         t("two_d.fig.hq"), dict(color=palette.HQ, width=2, dash="dash"), "3"))
        data[-1]["yaxis"] = "y4"
        # Both ranges end a little above their top tick, so the top labels stay under the subplot's title.
        layout["yaxis3"].update(range=[0, n_modes * 1.08], dtick=max(1, round(n_modes / 4)))
        layout["yaxis4"] = dict(anchor="x3", overlaying="y3", side="right", range=[0, 108], dtick=25, ticksuffix="%",
                                showgrid=False, **TICKS)
    data = [with_markers_if_sparse(trace) for trace in data]
    return dict(data=data, layout=layout)
