"""Plotly figures built from snapshots and histories (never from the networks).

``figure1`` draws a ``Snapshot1D`` the way Figure 1 of Goodfellow et al. (2014)
does: p_data black dotted, p_g green solid, D blue dashed; underneath, the z
line and the x line joined by arrows x = G(z) for evenly spaced z.
``history_figure`` charts the metrics rows over training steps.

Figures are plain dicts in Plotly's JSON schema, built with ``plot``'s helpers
(see there why), in ``palette``'s colours.
"""

from __future__ import annotations

import math

import numpy as np

from . import palette
from .palette import D_STAR_STYLE, D_STYLE, DATA_STYLE, G_STYLE
from .plot import GRID, TICKS, with_markers_if_sparse, columns, legend_below, level_line, line, rounded, series, subplot_title, thin, typed
from ..i18n import t
from ..frames.snapshot import Snapshot1D

LOG2 = math.log(2.0)
D_STAR_MIN_DENSITY = 1e-3  # below this p_data + p_g, D* is not drawn (it is the ratio of two near-zeros)


def figure1(snap: Snapshot1D, show_d_star: bool = False, title: str | None = None, height: int = 520,
            compact: bool = False) -> dict:
    """The paper's Figure 1 for one snapshot: densities and D above, z -> x mapping below."""
    x = typed(snap.x)
    d_name = "D(x)" if snap.d_is_probability else "σ(critic(x))"
    data = [line(x, typed(snap.p_data), t("fig.p_data"), DATA_STYLE),
            line(x, typed(snap.p_g), t("fig.p_g"), G_STYLE),
            line(x, typed(snap.d), d_name, D_STYLE)]
    if show_d_star:
        # D* is 0/0 where neither density has mass: draw it only where one of them does (None: a gap).
        d_star = rounded(np.where(snap.p_data + snap.p_g > D_STAR_MIN_DENSITY, snap.d_star, np.nan))
        data.append(line(rounded(snap.x), d_star, "D* = p_data/(p_data+p_g)", D_STAR_STYLE))

    annotations = []
    top = max(1.1, 1.25 * float(snap.p_data.max()))
    lo, hi = float(snap.x[0]), float(snap.x[-1])
    if snap.p_g.max() > top:
        # Over the peak, but starting at it (ending at it) in the window's left (right) quarter: inside the plot.
        peak = float(snap.x[int(np.argmax(snap.p_g))])
        anchor = "left" if peak < lo + 0.25 * (hi - lo) else "right" if peak > hi - 0.25 * (hi - lo) else "center"
        annotations.append(dict(x=peak, y=top, xref="x", yref="y", xanchor=anchor,
                                text=t("fig.p_g_peak", peak=f"{snap.p_g.max():.1f}"), showarrow=False, yshift=-10,
                                font=dict(color=G_STYLE["color"], size=12)))
    annotations += _off_plot_notes(snap, lo, hi, top)
    data += _mapping(snap, lo, hi)
    annotations += _mapping_labels(snap, lo, hi, compact)
    # Two rows sharing x, heights 0.74 : 0.26 with a gap of 0.03 (as make_subplots(row_heights=...) lays them out).
    layout = dict(
        xaxis=dict(anchor="y", domain=[0.0, 1.0], matches="x2", showticklabels=False, range=[lo, hi], zeroline=False),
        yaxis=dict(anchor="x", domain=[0.2822, 1.0], range=[0, top], title=dict(text=None if compact else t("fig.density_axis")),
                   zeroline=False, automargin=True),
        # automargin: the bottom margin grows to hold x's tick labels under the z line (and, on a projector, their
        # larger type); the left one to hold the density axis's.
        xaxis2=dict(anchor="y2", domain=[0.0, 1.0], range=[lo, hi], showticklabels=True, zeroline=False,
                    automargin=True),
        # The x line sits a little under the top of its panel: its label "x" stays clear of the density axis's "0".
        yaxis2=dict(anchor="x2", domain=[0.0, 0.2522], range=[-0.25, 1.4], visible=False, fixedrange=True),
        annotations=annotations,
        height=height,
        margin=dict(l=10 if compact else 60, r=10, t=40 if title else 10, b=10),
        showlegend=not compact,
        legend=dict(orientation="h", yanchor="bottom", y=1.03, x=0, font=dict(size=14)),
        plot_bgcolor="white",
        uirevision="figure1",
    )
    if title:
        layout["title"] = dict(text=title, x=0.01)
    return dict(data=data, layout=layout)


OFF_PLOT_NOTE = 0.01  # the share of p_g's mass off the plot, on either side, from which the figure says so


def _off_plot_notes(snap: Snapshot1D, lo: float, hi: float, top: float) -> list[dict]:
    """A note at each edge of the density panel beyond which p_g has ``OFF_PLOT_NOTE`` of its mass or more (a run
    diverging, or G thrown off): the share off the plot on that side, in p_g's green on white."""
    notes = []
    for share, x, anchor, key in ((snap.outside[0], lo, "left", "fig.p_g_off_left"),
                                  (snap.outside[1], hi, "right", "fig.p_g_off_right")):
        if share >= OFF_PLOT_NOTE:
            notes.append(dict(x=x, y=0.55 * top, xref="x", yref="y", xanchor=anchor, showarrow=False,
                              text=t(key, share=f"{100 * share:.0f}%"), bgcolor="rgba(255,255,255,0.85)",
                              font=dict(color=G_STYLE["color"], size=14)))
    return notes


def _mapping(snap: Snapshot1D, lo: float, hi: float) -> list[dict]:
    """The z line (y=0), the x line (y=1) and the arrows z -> G(z) between them.

    z's range is drawn stretched across the x window, as in the paper's figure,
    where both lines have the same length.
    """
    z_lo, z_hi = snap.z_range
    z_drawn = lo + (np.asarray(snap.z_arrows) - z_lo) / (z_hi - z_lo) * (hi - lo)
    axis_lines = [line([lo, hi], [y, y], "", dict(color="black", width=1.5), "2", hoverinfo="skip", showlegend=False)
                  for y in (0.0, 1.0)]
    for trace in axis_lines:
        del trace["name"]
    xs, ys, sizes = [], [], []
    for z, x in zip(z_drawn, snap.x_arrows):
        xs += [round(float(z), 4), round(float(x), 4), None]
        ys += [0.0, 1.0, None]
        sizes += [0, 10, 0]
    arrows = dict(type="scatter", x=xs, y=ys, mode="lines+markers", name="x = G(z)", xaxis="x2", yaxis="y2",
                  line=dict(color=palette.MAPPING, width=1),
                  marker=dict(symbol="arrow", angleref="previous", size=sizes, color=palette.MAPPING),
                  hoverinfo="skip", showlegend=False)
    return axis_lines + [arrows]


def _mapping_labels(snap: Snapshot1D, lo: float, hi: float, compact: bool) -> list[dict]:
    size = 12 if compact else 15
    labels = [dict(x=lo, y=y, xref="x2", yref="y2", text=text, showarrow=False, xanchor="right", xshift=-4, font=dict(size=size))
              for text, y in (("x", 1.0), ("z", 0.0))]
    if not compact:
        z_lo, z_hi = snap.z_range
        for z, x, anchor in ((z_lo, lo, "left"), (z_hi, hi, "right")):
            labels.append(dict(x=x, y=0.0, xref="x2", yref="y2", text=f"z={z:g}", showarrow=False, yshift=-12,
                               xanchor=anchor, font=dict(size=11, color=palette.MAPPING)))
    return labels


def history_figure(history: list[dict], height: int = 260, max_points: int = 300) -> dict:
    """JSD (with its log 2 ceiling), V(D, G) (with C(G)'s minimum -log 4) and both losses, over steps.

    Long histories are thinned to about ``max_points`` rows (the newest row is always kept).
    """
    history = thin(history, max_points)
    step = [row["step"] for row in history]
    domains = columns(3, 0.09)
    data = [
        line(step, series(history, "jsd", 5), "JSD", dict(color=palette.JSD)),
        line(step, series(history, "value", 5), "V(D, G)", dict(color=palette.VALUE), "2"),
        line(step, series(history, "criterion", 5), "C(G) = V(D*, G)", dict(color=palette.CRITERION, dash="dashdot"), "2"),
        # In slow motion a row holds the loss of its one beat, D's or G's (the other is NaN): join over the gaps.
        line(step, series(history, "d_loss", 5), t("fig.d_loss"), dict(color=palette.D_LOSS), "3", connectgaps=True),
        line(step, series(history, "g_loss", 5), t("fig.g_loss"), dict(color=palette.G_LOSS), "3", connectgaps=True),
    ]
    data = [with_markers_if_sparse(trace) for trace in data]
    ceiling = level_line(LOG2, "", dict(color=palette.GUIDE, dash="dash"), "log 2")
    floor = level_line(-math.log(4), "2", dict(color=palette.GUIDE, dash="dash"), "-log 4")
    titles = [subplot_title(t, d) for t, d in zip((t("fig.jsd_title"), t("fig.value_title"), t("fig.losses_title")), domains)]
    legend, bottom = legend_below()
    layout = dict(
        height=height, margin=dict(l=10, r=10, t=40, b=bottom), plot_bgcolor="white",
        legend=legend, uirevision="history",
        shapes=[ceiling[0], floor[0]], annotations=titles + [ceiling[1], floor[1]],
    )
    for i, domain in enumerate(domains):
        axis = "" if i == 0 else str(i + 1)
        layout[f"xaxis{axis}"] = dict(anchor=f"y{axis}", domain=domain, title=dict(text=t("fig.step")), **GRID, **TICKS)
        layout[f"yaxis{axis}"] = dict(anchor=f"x{axis}", domain=[0.0, 1.0], **GRID, **TICKS)
    layout["yaxis"]["range"] = [0, LOG2 * 1.08]
    return dict(data=data, layout=layout)
