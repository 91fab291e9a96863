"""What every figure module draws with: numbers for the wire, traces, subplot layout, one figure style.

Figures are plain dicts in Plotly's JSON schema (``{"data": [...], "layout":
{...}}``) of Python lists and numbers, rounded for the wire: a live page
builds several every frame, and Plotly's validating ``go.Figure`` costs tens
of milliseconds where a dict costs one (``python -m ganviz bench``).
``plotly.graph_objects.Figure(fig)`` turns one into a validated Figure (the
tests do) and ``st.plotly_chart`` takes them as they are. Colours come from
``palette``.

* Numbers: ``rounded`` (lists, NaN as null), ``typed`` (base64 float32 arrays),
  ``series`` (one metric over history rows), ``thin`` (fewer rows).
* Traces and guides: ``line``, ``level_line``.
* Side-by-side subplots: ``columns`` (their x domains), ``subplot_title``.
* Style: ``GRID`` (figure1's light grid on white), ``WHITE_LAYOUT`` and
  ``WHITE_AXIS`` (what Plotly's "plotly_white" template sets, for the figures
  that had it, without sending the whole template).
"""

from __future__ import annotations

import base64
import math

import numpy as np

GRID = dict(showgrid=True, gridcolor="#eee")
# Axes of the charts under a figure: the margins grow to hold their tick labels and titles (automargin), and short
# outside ticks keep an x axis's first label off the y axis's lowest one where two meet at a corner.
TICKS = dict(automargin=True, ticks="outside", ticklen=4, tickcolor="#ccc")
# A legend at the bottom of the chart, under every axis: ``legend_below`` sizes the bottom margin for it.
LEGEND_ROW = 26  # px of a row of legend entries at plotly's font size
# The parts of Plotly's "plotly_white" template that the mode-collapse figures use.
WHITE_LAYOUT = dict(font=dict(color="#2a3f5f"), paper_bgcolor="white", plot_bgcolor="white", hovermode="closest",
                    hoverlabel=dict(align="left"))
WHITE_AXIS = dict(gridcolor="#EBF0F8", linecolor="#EBF0F8", zerolinecolor="#EBF0F8", zerolinewidth=2, ticks="",
                  automargin=True)
WHITE_COLORBAR = dict(outlinewidth=0, ticks="")


def rounded(a, digits: int = 4) -> list:
    """Plain floats rounded for the wire (the eye cannot tell the 5th digit); NaN and inf become None (JSON null)."""
    a = np.round(np.asarray(a, dtype=np.float64), digits)
    if np.isfinite(a).all():
        return a.tolist()
    return np.where(np.isfinite(a), a, None).tolist()  # object array: floats and None, any shape


def typed(a) -> dict:
    """A float array as Plotly's typed-array JSON: ``{"dtype": "f4", "bdata": base64 of its bytes, "shape": ...}``.

    plotly.js decodes it itself (plotly.py sends NumPy arrays the same way).
    Encoding takes microseconds where a list of rounded floats takes
    milliseconds, for about as many bytes (float32: 5.3 characters a number).
    For gap-free data only: lines broken by None stay lists.
    """
    a = np.ascontiguousarray(a, dtype="<f4")
    spec = {"dtype": "f4", "bdata": base64.b64encode(a.tobytes()).decode("ascii")}
    if a.ndim > 1:
        spec["shape"] = ",".join(map(str, a.shape))
    return spec


def series(rows: list[dict], key: str, digits: int) -> list:
    """One metric over the rows, rounded; missing, NaN or infinite values are None (a gap in the line)."""
    out = []
    for row in rows:
        v = row.get(key)
        out.append(round(v, digits) if v is not None and math.isfinite(v) else None)
    return out


def thin(history: list[dict], max_points: int) -> list[dict]:
    """About ``max_points`` rows of ``history``, evenly strided, the newest row always kept."""
    if len(history) <= max_points:
        return history
    stride = math.ceil(len(history) / max_points)
    return history[::-1][::stride][::-1]


def columns(n: int, spacing: float, right: float = 1.0) -> list[list[float]]:
    """The x domains of ``n`` equal subplots side by side in [0, right], ``spacing`` apart (as make_subplots lays them out)."""
    width = (right - spacing * (n - 1)) / n
    # Rounded: a sum of floats can land a hair past 1, which Plotly refuses for a domain.
    return [[round(i * (width + spacing), 6), round(min(right, i * (width + spacing) + width), 6)] for i in range(n)]


def subplot_title(text: str, domain: list[float]) -> dict:
    """A title centred above the subplot whose x domain is ``domain``, lifted clear of its top tick label."""
    return dict(text=text, x=(domain[0] + domain[1]) / 2, xref="paper", y=1.0, yref="paper", xanchor="center",
                yanchor="bottom", yshift=8, showarrow=False, font=dict(size=16))


def level_line(y: float, axis: str, style: dict, label: str | None = None,
               below: bool = False) -> tuple[dict, dict | None]:
    """A horizontal line across subplot ``axis`` ("" for the first, "2", ...) at ``y``, and its label at the right end
    (just above the line, or just under it with ``below``), on a white ground so no curve hides a character of it."""
    shape = dict(type="line", xref=f"x{axis} domain", yref=f"y{axis}", x0=0, x1=1, y0=y, y1=y, line=style)
    note = None if label is None else dict(text=label, x=1, xref=f"x{axis} domain", y=y, yref=f"y{axis}",
                                           xanchor="right", yanchor="top" if below else "bottom",
                                           yshift=-2 if below else 2, showarrow=False,
                                           bgcolor="rgba(255,255,255,0.85)", borderpad=1)
    return shape, note


def legend_below(rows: int = 1, axis_rows: int = 2) -> tuple[dict, int]:
    """A horizontal legend pinned to the chart's bottom edge, and the bottom margin (px) that holds it under
    ``axis_rows`` rows of x-axis text (tick labels, title): no legend entry can then sit on an axis title."""
    legend = dict(orientation="h", xref="paper", x=0, yref="container", y=0, yanchor="bottom")
    return legend, 22 * axis_rows + LEGEND_ROW * rows + 6


def line(x, y, name: str, style: dict, axis: str = "", **extra) -> dict:
    """A scatter trace drawn as a line on subplot ``axis``."""
    return dict(type="scatter", x=x, y=y, name=name, mode="lines", line=style, xaxis=f"x{axis}", yaxis=f"y{axis}", **extra)


def with_markers_if_sparse(trace: dict) -> dict:
    """``trace`` with markers when no two of its points are neighbours (a line of one point, or of points between
    gaps, draws nothing): a chart of a run with one row, or of isolated values, still shows them."""
    y = trace.get("y")
    if isinstance(y, list) and not trace.get("connectgaps"):
        joined = any(a is not None and b is not None for a, b in zip(y, y[1:]))
    elif isinstance(y, list):
        joined = sum(v is not None for v in y) > 1
    else:
        return trace
    if not joined and any(v is not None for v in y):
        trace = dict(trace, mode="lines+markers", marker=dict(size=7, color=trace.get("line", {}).get("color")))
    return trace
