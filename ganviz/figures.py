"""Plotly figures built from snapshots and histories (never from the networks).

``figure1`` draws a ``Snapshot1D`` the way Figure 1 of Goodfellow et al. (2014)
does: p_data black dotted, p_g green solid, D blue dashed; underneath, the z
line and the x line joined by arrows x = G(z) for evenly spaced z.
``history_figure`` charts the metrics rows over training steps.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .snapshot import Snapshot1D

DATA_STYLE = dict(color="black", dash="dot", width=3)
G_STYLE = dict(color="#2ca02c", width=3)
D_STYLE = dict(color="#1f77b4", dash="dash", width=3)
D_STAR_STYLE = dict(color="#d62728", dash="dashdot", width=2)
LOG2 = math.log(2.0)
D_STAR_MIN_DENSITY = 1e-3  # below this p_data + p_g, D* is not drawn (it is the ratio of two near-zeros)


def _rounded(a, digits: int = 4) -> list:
    """Plain floats rounded for the wire (the eye cannot tell the 5th digit)."""
    return np.round(np.asarray(a, dtype=np.float64), digits).tolist()


def figure1(snap: Snapshot1D, show_d_star: bool = False, title: str | None = None, height: int = 520,
            compact: bool = False) -> go.Figure:
    """The paper's Figure 1 for one snapshot: densities and D above, z -> x mapping below."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.74, 0.26], vertical_spacing=0.03)
    x = _rounded(snap.x)
    fig.add_trace(go.Scatter(x=x, y=_rounded(snap.p_data), name="p_data (data)", line=DATA_STYLE), 1, 1)
    fig.add_trace(go.Scatter(x=x, y=_rounded(snap.p_g), name="p_g (generator)", line=G_STYLE), 1, 1)
    d_name = "D(x)" if snap.d_is_probability else "σ(critic(x))"
    fig.add_trace(go.Scatter(x=x, y=_rounded(snap.d), name=d_name, line=D_STYLE), 1, 1)
    if show_d_star:
        # D* is 0/0 where neither density has mass: draw it only where one of them does.
        has_mass = snap.p_data + snap.p_g > D_STAR_MIN_DENSITY
        d_star = [v if m else None for v, m in zip(_rounded(snap.d_star), has_mass)]
        fig.add_trace(go.Scatter(x=x, y=d_star, name="D* = p_data/(p_data+p_g)", line=D_STAR_STYLE), 1, 1)

    top = max(1.1, 1.25 * float(snap.p_data.max()))
    if snap.p_g.max() > top:
        fig.add_annotation(x=float(snap.x[int(np.argmax(snap.p_g))]), y=top, yref="y", text=f"p_g peaks at {snap.p_g.max():.1f} ↑",
                           showarrow=False, yshift=-10, font=dict(color=G_STYLE["color"], size=12), row=1, col=1)
    fig.update_yaxes(range=[0, top], title_text=None if compact else "density / D(x)", row=1, col=1)

    _add_mapping(fig, snap, compact)
    lo, hi = float(snap.x[0]), float(snap.x[-1])
    fig.update_xaxes(range=[lo, hi], row=1, col=1)
    fig.update_xaxes(range=[lo, hi], showticklabels=True, row=2, col=1)
    fig.update_layout(
        height=height,
        margin=dict(l=10 if compact else 60, r=10, t=40 if title else 10, b=10),
        title=dict(text=title, x=0.01) if title else None,
        showlegend=not compact,
        legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, font=dict(size=14)),
        plot_bgcolor="white",
        uirevision="figure1",
    )
    return fig


def _add_mapping(fig: go.Figure, snap: Snapshot1D, compact: bool) -> None:
    """The z line (y=0), the x line (y=1) and the arrows z -> G(z) between them.

    z's range is drawn stretched across the x window, as in the paper's figure,
    where both lines have the same length.
    """
    lo, hi = float(snap.x[0]), float(snap.x[-1])
    z_lo, z_hi = snap.z_range
    z_drawn = lo + (np.asarray(snap.z_arrows) - z_lo) / (z_hi - z_lo) * (hi - lo)
    for y in (0.0, 1.0):
        fig.add_trace(go.Scatter(x=[lo, hi], y=[y, y], mode="lines", line=dict(color="black", width=1.5),
                                 hoverinfo="skip", showlegend=False), 2, 1)
    xs, ys, sizes = [], [], []
    for z, x in zip(z_drawn, snap.x_arrows):
        xs += [float(z), float(x), None]
        ys += [0.0, 1.0, None]
        sizes += [0, 10, 0]
    fig.add_trace(go.Scatter(x=_rounded_none(xs), y=ys, mode="lines+markers", name="x = G(z)",
                             line=dict(color="#555", width=1),
                             marker=dict(symbol="arrow", angleref="previous", size=sizes, color="#555"),
                             hoverinfo="skip", showlegend=False), 2, 1)
    size = 12 if compact else 15
    fig.add_annotation(x=lo, y=1.0, text="x", showarrow=False, xanchor="right", xshift=-4, font=dict(size=size), row=2, col=1)
    fig.add_annotation(x=lo, y=0.0, text="z", showarrow=False, xanchor="right", xshift=-4, font=dict(size=size), row=2, col=1)
    if not compact:
        for z, anchor in ((z_lo, "left"), (z_hi, "right")):
            fig.add_annotation(x=lo if z == z_lo else hi, y=0.0, text=f"z={z:g}", showarrow=False, yshift=-12,
                               xanchor=anchor, font=dict(size=11, color="#555"), row=2, col=1)
    fig.update_yaxes(range=[-0.25, 1.15], visible=False, fixedrange=True, row=2, col=1)


def _rounded_none(values):
    return [None if v is None else round(v, 4) for v in values]


def history_figure(history: list[dict], height: int = 260, max_points: int = 600) -> go.Figure:
    """JSD (with its log 2 ceiling), V(D, G) (with C(G)'s minimum -log 4) and both losses, over steps.

    Long histories are thinned to about ``max_points`` rows (the newest row is always kept).
    """
    if len(history) > max_points:
        stride = math.ceil(len(history) / max_points)
        history = history[::-1][::stride][::-1]
    fig = make_subplots(rows=1, cols=3, horizontal_spacing=0.07,
                        subplot_titles=("JSD(p_data ‖ p_g), nats", "V(D, G) and C(G)", "losses"))
    step = [row["step"] for row in history]

    def series(key):
        return [None if row[key] is None or not math.isfinite(row[key]) else round(row[key], 5) for row in history]

    fig.add_trace(go.Scatter(x=step, y=series("jsd"), name="JSD", line=dict(color="#2ca02c")), 1, 1)
    fig.add_hline(y=LOG2, line=dict(color="gray", dash="dash"), annotation_text="log 2", row=1, col=1)
    fig.update_yaxes(range=[0, LOG2 * 1.08], row=1, col=1)
    fig.add_trace(go.Scatter(x=step, y=series("value"), name="V(D, G)", line=dict(color="#1f77b4")), 1, 2)
    fig.add_trace(go.Scatter(x=step, y=series("criterion"), name="C(G) = V(D*, G)", line=dict(color="#d62728", dash="dashdot")), 1, 2)
    fig.add_hline(y=-math.log(4), line=dict(color="gray", dash="dash"), annotation_text="-log 4", row=1, col=2)
    fig.add_trace(go.Scatter(x=step, y=series("d_loss"), name="D loss", line=dict(color="#9467bd")), 1, 3)
    fig.add_trace(go.Scatter(x=step, y=series("g_loss"), name="G loss", line=dict(color="#ff7f0e")), 1, 3)
    fig.update_xaxes(title_text="step")
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=30, b=10), plot_bgcolor="white",
                      legend=dict(orientation="h", yanchor="top", y=-0.25, x=0), uirevision="history")
    fig.update_xaxes(showgrid=True, gridcolor="#eee")
    fig.update_yaxes(showgrid=True, gridcolor="#eee")
    return fig
