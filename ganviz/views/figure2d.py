"""Plotly figures of a 2D run, built from a ``Snapshot2D`` and the metrics history.

``figure2d`` is one square plot, layered as GAN Lab layers it: D(x) as a
heatmap behind everything (red where D says "fake", blue where it says
"real", white at 1/2), optionally the contours of D*, the generator's manifold
(the z grid pushed through G), real samples (black) and generated samples
(green, as p_g is green in Figure 1; the real ones on top, so the modes stay
visible under a crowd of fakes), and optionally arrows showing where G's
gradient pushes a few generated points. Point clouds use WebGL (Scattergl).
Colours are ``palette``'s; the history's are the same as Figure 1's page.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.colors

from . import palette
from .plot import GRID, columns, level_line, line, rounded, series, subplot_title, thin, typed
from ..i18n import t
from ..frames.snapshot2d import Snapshot2D

D_COLOURS = plotly.colors.get_colorscale(palette.D_SCALE)  # 0 red (fake) -> 0.5 white -> 1 blue (real)
STAR_MIN_MASS = 1e-6  # D* is hidden in cells where p_data + p_g has less mass than this
POINT_DIGITS = 2  # manifold coordinates on the wire: 1/100 of a unit is under a pixel on the built-in windows (6 to 11 units wide)


def _polylines(lines, digits: int = POINT_DIGITS) -> tuple[list, list]:
    """Many polylines as one trace: coordinates separated by None."""
    xs, ys = [], []
    for points in lines:
        xs += rounded(points[:, 0], digits) + [None]
        ys += rounded(points[:, 1], digits) + [None]
    return xs, ys


def _points(samples, name: str, marker: dict) -> dict:
    return dict(type="scattergl", x=typed(samples[:, 0]), y=typed(samples[:, 1]), mode="markers", marker=marker, name=name)


def figure2d(snap: Snapshot2D, show_d_star: bool = False, show_manifold: bool = True, show_arrows: bool = False,
             height: int = 640, title: str | None = None) -> dict:
    """The 2D picture: D heatmap, D* contours, manifold, real and generated samples, gradient arrows."""
    (x0, x1), (y0, y1) = snap.bounds
    d_title = "D(x)" if snap.d_is_probability else "σ(critic)"
    data = [dict(type="heatmap", x=rounded(snap.heat_xs, 3), y=rounded(snap.heat_ys, 3), z=typed(snap.d),
                 colorscale=D_COLOURS, zmin=0, zmax=1, zmid=0.5, opacity=0.75, name=d_title,
                 colorbar=dict(title=dict(text=d_title, side="right"), thickness=12, len=0.6,
                               tickvals=[0, 0.5, 1],
                               ticktext=[t("two_d.fig.fake_tick"), "½", t("two_d.fig.real_tick")]),
                 hovertemplate="x=%{x:.2f}, y=%{y:.2f}<br>D(x)=%{z:.2f}<extra></extra>")]
    if show_d_star:
        # In D*'s red, as on the other pages; 2 px wide so that it still shows where the heatmap is red.
        star = np.where(snap.star_mass > STAR_MIN_MASS, snap.d_star, np.nan)
        data.append(dict(type="contour", x=rounded(snap.star_xs, 3), y=rounded(snap.star_ys, 3), z=rounded(star, 3),
                         contours=dict(start=0.1, end=0.9, size=0.2, coloring="none", showlabels=True,
                                       labelfont=dict(size=11, color=palette.D_STAR)),
                         line=dict(color=palette.D_STAR, width=2, dash="dot"), showscale=False,
                         name=t("two_d.fig.d_star"), hoverinfo="skip", showlegend=True))
    if show_manifold and snap.manifold:
        xs, ys = _polylines(snap.manifold)
        # SVG, not WebGL: where the browser draws WebGL in software (no GPU), thick WebGL lines cost its main
        # thread more than SVG's (results/performance-history.md); the points stay WebGL.
        data.append(dict(type="scatter", x=xs, y=ys, mode="lines", line=dict(color=palette.MANIFOLD, width=1.2),
                         name=t("two_d.fig.manifold"), hoverinfo="skip"))
    data.append(_points(snap.fake, t("two_d.fig.generated"),
                        dict(size=5, color=palette.FAKE, opacity=0.85, line=dict(color="white", width=0.5))))
    data.append(_points(snap.real, t("two_d.fig.real"), dict(size=4, color=palette.REAL, opacity=0.8)))
    if show_arrows and len(snap.arrow_from):
        segments = [np.stack([a, b]) for a, b in zip(snap.arrow_from, snap.arrow_to)]
        xs, ys = _polylines(segments, 3)
        data.append(dict(type="scatter", x=xs, y=ys, mode="lines+markers", line=dict(color=palette.GRADIENT, width=2),
                         marker=dict(symbol=["circle-open", "arrow", "circle"] * len(segments),
                                     size=[3, 9, 0] * len(segments), angleref="previous", color=palette.GRADIENT),
                         name=t("two_d.fig.arrows"), hoverinfo="skip"))
    layout = dict(
        xaxis=dict(range=[float(x0), float(x1)], constrain="domain", showgrid=False, zeroline=False),
        yaxis=dict(range=[float(y0), float(y1)], scaleanchor="x", scaleratio=1, constrain="domain", showgrid=False,
                   zeroline=False),
        height=height, plot_bgcolor="white", margin=dict(l=10, r=10, t=40 if title else 10, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0), uirevision="2d",
    )
    if title:
        layout["title"] = dict(text=title, x=0.01)
    return dict(data=data, layout=layout)


def history_figure_2d(history: list[dict], n_modes: int | None = None, max_points: int = 300,
                      height: int = 300) -> dict:
    """Charts over steps: the JSD estimate, both losses and, for mixtures, modes covered and HQ fraction."""
    rows = thin(history, max_points)
    steps = [r["step"] for r in rows]
    with_modes = bool(n_modes is not None and rows and "modes" in rows[-1])
    cols = 3 if with_modes else 2
    titles = [t("two_d.fig.jsd_title"), t("fig.losses_title")] + ([t("two_d.fig.modes_title")] if with_modes else [])
    domains = columns(cols, 0.07, right=0.94 if with_modes else 1.0)  # room on the right for the % axis
    data = [line(steps, series(rows, "jsd", 4), "JSD", dict(color=palette.JSD, width=2), showlegend=False)]
    for key, name, colour in (("d_loss", t("two_d.fig.d_loss"), palette.D_LOSS),
                              ("g_loss", t("two_d.fig.g_loss"), palette.G_LOSS)):
        data.append(line(steps, series(rows, key, 4), name, dict(color=colour, width=2), "2"))
    ceiling, _ = level_line(math.log(2), "", dict(color=palette.GUIDE, dash="dot"))
    layout = dict(height=height, plot_bgcolor="white", margin=dict(l=40, r=40, t=40, b=30),
                  legend=dict(orientation="h", yanchor="top", y=-0.15, x=0), shapes=[ceiling],
                  annotations=[subplot_title(text, d) for text, d in zip(titles, domains)])
    for i, domain in enumerate(domains):
        axis = "" if i == 0 else str(i + 1)
        layout[f"xaxis{axis}"] = dict(anchor=f"y{axis}", domain=domain, **GRID)
        layout[f"yaxis{axis}"] = dict(anchor=f"x{axis}", domain=[0.0, 1.0], **GRID)
    layout["yaxis"]["range"] = [0, math.log(2) * 1.05]
    if with_modes:
        data.append(line(steps, [r.get("modes") for r in rows], t("two_d.fig.modes"),
                         dict(color=palette.MODES, width=2, shape="hv"), "3"))
        data.append(line(steps, [None if r.get("hq") is None else round(100 * r["hq"], 1) for r in rows],
                         t("two_d.fig.hq"), dict(color=palette.HQ, width=2, dash="dash"), "3"))
        data[-1]["yaxis"] = "y4"
        layout["yaxis3"].update(range=[0, n_modes + 0.5], dtick=max(1, round(n_modes / 4)))
        layout["yaxis4"] = dict(anchor="x3", overlaying="y3", side="right", range=[0, 101], dtick=25, ticksuffix="%",
                                showgrid=False)
    return dict(data=data, layout=layout)
