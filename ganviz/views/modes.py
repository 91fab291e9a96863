"""Figures of the mode-collapse lab, built from the runs' metrics histories.

* ``modes_over_time_figure`` -- modes covered against steps, one line per run.
* ``mode_timeline_figure`` -- for one run, which modes G's samples land in at
  each step: a heat strip with one row per mode (and one for "off every mode"),
  coloured by the share of the 2,500 measured samples. A generator that hops
  from mode to mode shows up as a bright cell moving from row to row.

Titles, axis labels and legend words are in the current language (``ganviz.i18n.t``);
the runs' names are the caller's.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import t

RUN_COLOURS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd"]


def _every(rows: list[dict], max_points: int) -> list[dict]:
    if len(rows) <= max_points:
        return rows
    stride = int(np.ceil(len(rows) / max_points))
    return rows[::stride] + ([rows[-1]] if (len(rows) - 1) % stride else [])


def modes_over_time_figure(histories: dict[str, list[dict]], n_modes: int, height: int = 300,
                           max_points: int = 400) -> go.Figure:
    """Modes covered (of ``n_modes``) over steps, one line per run."""
    fig = go.Figure()
    for i, (name, rows) in enumerate(histories.items()):
        rows = _every([r for r in rows if "modes" in r], max_points)
        fig.add_trace(go.Scatter(x=[r["step"] for r in rows], y=[r["modes"] for r in rows], name=name, line_shape="hv",
                                 line=dict(color=RUN_COLOURS[i % len(RUN_COLOURS)], width=3)))
    fig.add_hline(y=n_modes, line=dict(color="gray", dash="dot"),
                  annotation_text=t("mode_collapse.fig.all_modes", n=n_modes), annotation_position="bottom right")
    fig.update_yaxes(range=[0, n_modes + 0.8], title_text=t("mode_collapse.modes_covered"),
                     dtick=max(1, round(n_modes / 4)))
    fig.update_xaxes(title_text=t("fig.step"))
    fig.update_layout(height=height, template="plotly_white", margin=dict(l=50, r=10, t=30, b=40),
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig


def mode_timeline_figure(rows: list[dict], n_modes: int, title: str = "", height: int = 300,
                         max_points: int = 300) -> go.Figure:
    """Share of G's samples at each mode (rows) over steps (columns); the last row is "off every mode"."""
    rows = _every([r for r in rows if "mode_counts" in r], max_points)
    steps = [r["step"] for r in rows]
    shares = np.zeros((n_modes + 1, len(rows)))
    for j, r in enumerate(rows):
        counts = np.asarray(r["mode_counts"], dtype=np.float64)
        n = counts.sum() / r["hq"] if r["hq"] > 0 else 1.0  # the number of measured samples
        shares[:n_modes, j] = counts / n
        shares[n_modes, j] = 1.0 - r["hq"]
    labels = [t("mode_collapse.fig.mode", i=i + 1) for i in range(n_modes)] + [t("mode_collapse.fig.off_mode")]
    hover = t("mode_collapse.fig.hover", step="%{x}", mode="%{y}", share="%{z:.1%}")
    fig = go.Figure(go.Heatmap(x=steps, y=labels, z=np.round(shares, 3).tolist(), zmin=0, zmax=1,
                               colorscale="Viridis",
                               colorbar=dict(title=dict(text=t("mode_collapse.fig.share")), thickness=10, len=0.9),
                               hovertemplate=hover + "<extra></extra>"))
    fig.update_yaxes(autorange="reversed", showgrid=False, tickfont=dict(size=10 if n_modes <= 8 else 8))
    fig.update_xaxes(title_text=t("fig.step"), showgrid=False)
    fig.update_layout(height=height, template="plotly_white", margin=dict(l=70, r=10, t=40 if title else 10, b=40),
                      title=dict(text=title, x=0.01) if title else None)
    return fig
