"""Figures of the mode-collapse lab, built from the runs' metrics histories.

* ``modes_over_time_figure`` -- modes covered against steps, one line per run.
* ``mode_timeline_figure`` -- for one run, which modes G's samples land in at
  each step: a heat strip with one row per mode (and one for "off every mode"),
  coloured by the share of the 2,500 measured samples. A generator that hops
  from mode to mode shows up as a bright cell moving from row to row.

Titles, axis labels and legend words are in the current language (``ganviz.i18n.t``);
the runs' names are the caller's. Both are plain figure dicts (``plot``), as
the page rebuilds them on every frame, drawn in the look of Plotly's
"plotly_white" template (``plot.WHITE_LAYOUT``), with the runs in
``palette.RUNS``'s colours.
"""

from __future__ import annotations

import numpy as np
import plotly.colors

from . import palette
from .plot import WHITE_AXIS, WHITE_COLORBAR, WHITE_LAYOUT, level_line, line, thin
from ..i18n import t


def _axis(title: str | None = None, **extra) -> dict:
    # Short outside ticks keep the x axis's first label off the y axis's lowest one where they meet at the corner.
    axis = dict(WHITE_AXIS, ticks="outside", ticklen=4, tickcolor="#ccc", **extra)
    if title is not None:
        axis["title"] = dict(text=title, standoff=15)
    return axis


def modes_over_time_figure(histories: dict[str, list[dict]], n_modes: int, height: int = 300,
                           max_points: int = 400) -> dict:
    """Modes covered (of ``n_modes``) over steps, one line per run."""
    data = []
    for i, (name, rows) in enumerate(histories.items()):
        rows = thin([r for r in rows if "modes" in r], max_points)
        trace = line([r["step"] for r in rows], [r["modes"] for r in rows], name,
                     dict(color=palette.RUNS[i % len(palette.RUNS)], width=3, shape="hv"))
        del trace["mode"], trace["xaxis"], trace["yaxis"]  # plotly.js's own defaults: lines+markers under 20 points
        data.append(trace)
    all_modes, note = level_line(n_modes, "", dict(color=palette.GUIDE, dash="dot"),
                                 t("mode_collapse.fig.all_modes", n=n_modes), below=True)
    layout = dict(WHITE_LAYOUT, height=height, margin=dict(l=50, r=10, t=30, b=40),
                  legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0), shapes=[all_modes], annotations=[note],
                  xaxis=_axis(t("fig.step")),
                  yaxis=_axis(t("mode_collapse.modes_covered"), range=[0, n_modes + 0.8],
                              dtick=max(1, round(n_modes / 4))))
    return dict(data=data, layout=layout)


def mode_timeline_figure(rows: list[dict], n_modes: int, title: str = "", height: int = 300,
                         max_points: int = 300) -> dict:
    """Share of G's samples at each mode (rows) over steps (columns); the last row is "off every mode"."""
    rows = thin([r for r in rows if "mode_counts" in r], max_points)
    steps = [r["step"] for r in rows]
    shares = np.zeros((n_modes + 1, len(rows)))
    for j, r in enumerate(rows):
        counts = np.asarray(r["mode_counts"], dtype=np.float64)
        n = counts.sum() / r["hq"] if r["hq"] > 0 else 1.0  # the number of measured samples
        shares[:n_modes, j] = counts / n
        shares[n_modes, j] = 1.0 - r["hq"]
    labels = [t("mode_collapse.fig.mode", i=i + 1) for i in range(n_modes)] + [t("mode_collapse.fig.off_mode")]
    hover = t("mode_collapse.fig.hover", step="%{x}", mode="%{y}", share="%{z:.1%}")
    heat = dict(type="heatmap", x=steps, y=labels, z=np.round(shares, 3).tolist(), zmin=0, zmax=1,
                colorscale=plotly.colors.get_colorscale(palette.SHARE_SCALE),
                colorbar=dict(WHITE_COLORBAR, title=dict(text=t("mode_collapse.fig.share"), side="right"), thickness=10,
                              len=0.9),
                hovertemplate=hover + "<extra></extra>")
    layout = dict(WHITE_LAYOUT, height=height, margin=dict(l=70, r=10, t=40 if title else 10, b=40),
                  xaxis=_axis(t("fig.step"), showgrid=False),
                  yaxis=_axis(autorange="reversed", showgrid=False, tickfont=dict(size=10 if n_modes <= 8 else 8)))
    if title:
        layout["title"] = dict(text=title, x=0.01)
    return dict(data=[heat], layout=layout)
