"""Plotly figures of a 2D run, built from a ``Snapshot2D`` and the metrics history.

``figure2d`` is one square plot, layered as GAN Lab layers it: D(x) as a
heatmap behind everything (red where D says "fake", blue where it says
"real", white at 1/2), optionally the contours of D*, the generator's manifold
(the z grid pushed through G), real samples (black) and generated samples
(green, as p_g is green in Figure 1; the real ones on top, so the modes stay
visible under a crowd of fakes), and optionally arrows showing where G's
gradient pushes a few generated points. Point clouds use WebGL (Scattergl).
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .figures import G_STYLE, _rounded
from .snapshot2d import Snapshot2D

REAL_COLOUR = "#111111"
FAKE_COLOUR = "#00a651"
D_COLOURS = "RdBu"  # 0 red (fake) -> 0.5 white -> 1 blue (real)
MANIFOLD_COLOUR = "rgba(90,90,90,0.55)"
STAR_MIN_MASS = 1e-6  # D* is hidden in cells where p_data + p_g has less mass than this


def _polylines(lines) -> tuple[list, list]:
    """Many polylines as one trace: coordinates separated by None."""
    xs, ys = [], []
    for line in lines:
        xs += _rounded(line[:, 0], 3) + [None]
        ys += _rounded(line[:, 1], 3) + [None]
    return xs, ys


def figure2d(snap: Snapshot2D, show_d_star: bool = False, show_manifold: bool = True, show_arrows: bool = False,
             height: int = 640, title: str | None = None) -> go.Figure:
    """The 2D picture: D heatmap, D* contours, manifold, real and generated samples, gradient arrows."""
    (x0, x1), (y0, y1) = snap.bounds
    fig = go.Figure()
    d_title = "D(x)" if snap.d_is_probability else "σ(critic)"
    fig.add_trace(go.Heatmap(x=_rounded(snap.heat_xs, 3), y=_rounded(snap.heat_ys, 3), z=_rounded(snap.d, 3),
                             colorscale=D_COLOURS, zmin=0, zmax=1, zmid=0.5, opacity=0.75, name=d_title,
                             colorbar=dict(title=dict(text=d_title, side="right"), thickness=12, len=0.6,
                                           tickvals=[0, 0.5, 1], ticktext=["0 fake", "½", "1 real"]),
                             hovertemplate="x=%{x:.2f}, y=%{y:.2f}<br>D(x)=%{z:.3f}<extra></extra>"))
    if show_d_star:
        star = np.where(snap.star_mass > STAR_MIN_MASS, snap.d_star, np.nan)
        fig.add_trace(go.Contour(x=_rounded(snap.star_xs, 3), y=_rounded(snap.star_ys, 3),
                                 z=[[None if math.isnan(v) else round(v, 3) for v in row] for row in star],
                                 contours=dict(start=0.1, end=0.9, size=0.2, coloring="none", showlabels=True,
                                               labelfont=dict(size=11, color="#7a0000")),
                                 line=dict(color="#7a0000", width=1.5, dash="dot"), showscale=False,
                                 name="D* contours", hoverinfo="skip", showlegend=True))
    if show_manifold and snap.manifold:
        xs, ys = _polylines(snap.manifold)
        fig.add_trace(go.Scattergl(x=xs, y=ys, mode="lines", line=dict(color=MANIFOLD_COLOUR, width=1.2),
                                   name="G's manifold (z grid → G)", hoverinfo="skip"))
    fig.add_trace(go.Scattergl(x=_rounded(snap.fake[:, 0], 3), y=_rounded(snap.fake[:, 1], 3), mode="markers",
                               marker=dict(size=5, color=FAKE_COLOUR, opacity=0.85, line=dict(color="white", width=0.5)),
                               name="generated G(z)"))
    fig.add_trace(go.Scattergl(x=_rounded(snap.real[:, 0], 3), y=_rounded(snap.real[:, 1], 3), mode="markers",
                               marker=dict(size=4, color=REAL_COLOUR, opacity=0.8), name="real x ~ p_data"))
    if show_arrows and len(snap.arrow_from):
        segments = [np.stack([a, b]) for a, b in zip(snap.arrow_from, snap.arrow_to)]
        xs, ys = _polylines(segments)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers", line=dict(color="#5b2c83", width=2),
                                 marker=dict(symbol=["circle-open", "arrow", "circle"] * len(segments), size=[3, 9, 0] * len(segments),
                                             angleref="previous", color="#5b2c83"),
                                 name="G's gradient: where G moves them", hoverinfo="skip"))
    fig.update_xaxes(range=[x0, x1], constrain="domain", showgrid=False, zeroline=False)
    fig.update_yaxes(range=[y0, y1], scaleanchor="x", scaleratio=1, constrain="domain", showgrid=False, zeroline=False)
    fig.update_layout(
        height=height, template="plotly_white", margin=dict(l=10, r=10, t=40 if title else 10, b=10),
        title=dict(text=title, x=0.01) if title else None,
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0), uirevision="2d",
    )
    return fig


def history_figure_2d(history: list[dict], n_modes: int | None = None, max_points: int = 600,
                      height: int = 300) -> go.Figure:
    """Charts over steps: the JSD estimate, both losses and, for mixtures, modes covered and HQ fraction."""
    rows = history[:: max(1, math.ceil(len(history) / max_points))]
    if rows and history and rows[-1] is not history[-1]:
        rows = rows + [history[-1]]
    steps = [r["step"] for r in rows]
    with_modes = n_modes is not None and rows and "modes" in rows[-1]
    cols = 3 if with_modes else 2
    titles = ["JSD(p_data ‖ p_g), smoothed (nats)", "losses"] + (["modes covered / high-quality %"] if with_modes else [])
    fig = make_subplots(rows=1, cols=cols, subplot_titles=titles, horizontal_spacing=0.07,
                        specs=[[{}, {}] + ([{"secondary_y": True}] if with_modes else [])])
    fig.add_trace(go.Scatter(x=steps, y=[round(r["jsd"], 4) for r in rows], name="JSD", line=dict(color="#9467bd", width=2),
                             showlegend=False), 1, 1)
    fig.add_hline(y=math.log(2), line=dict(color="gray", dash="dot"), row=1, col=1)
    for key, name, colour in (("d_loss", "D's loss", "#1f77b4"), ("g_loss", "G's loss", G_STYLE["color"])):
        fig.add_trace(go.Scatter(x=steps, y=[None if not math.isfinite(r[key]) else round(r[key], 4) for r in rows],
                                 name=name, line=dict(color=colour, width=2)), 1, 2)
    if with_modes:
        fig.add_trace(go.Scatter(x=steps, y=[r["modes"] for r in rows], name="modes covered", line=dict(color="#d62728", width=2),
                                 line_shape="hv"), 1, 3, secondary_y=False)
        fig.add_trace(go.Scatter(x=steps, y=[round(100 * r["hq"], 1) for r in rows], name="high-quality %",
                                 line=dict(color="#ff7f0e", width=2, dash="dash")), 1, 3, secondary_y=True)
        fig.update_yaxes(range=[0, n_modes + 0.5], dtick=max(1, round(n_modes / 4)), row=1, col=3, secondary_y=False)
        fig.update_yaxes(range=[0, 101], dtick=25, ticksuffix="%", row=1, col=3, secondary_y=True)
    fig.update_yaxes(range=[0, math.log(2) * 1.05], row=1, col=1)
    fig.update_layout(height=height, template="plotly_white", margin=dict(l=40, r=40, t=40, b=30),
                      legend=dict(orientation="h", yanchor="top", y=-0.15, x=0))
    return fig
