"""The stability map: one measure of a sweep over two learning rates as a heatmap (``ganviz sweep``'s results,
summed up per cell by ``ganviz.sweep.maps``).

Cells are evenly spaced whatever their values (the rates are on a log grid), each labelled with its number; a cell
where some seed diverged is marked with a cross. A scatter of one marker per cell lies over the heatmap: clicking
a marker is how the page loads that cell (Streamlit reports selected points, ``customdata`` = [row, column]).
"""

from __future__ import annotations

import plotly.colors

from . import palette
from .plot import WHITE_AXIS, WHITE_COLORBAR, WHITE_LAYOUT
from ..i18n import t

# measure -> (colour scale, fixed range or None, format of the cell label, reversed: higher is worse)
MEASURES = {
    "modes": ("Viridis", None, "{:.1f}", False),
    "jsd": ("Viridis", (0.0, 0.6931), "{:.2f}", True),
    "diverged": ("Reds", (0.0, 1.0), "{:.0%}", False),
}


def rate(value: float) -> str:
    """A learning rate as an axis label: ``3e-05`` -> ``"3e-5"``, ``0.001`` -> ``"1e-3"``."""
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def stability_figure(xs: list[float], ys: list[float], values: dict, measure: str, n_modes: int,
                     x_title: str, y_title: str, selected: tuple[int, int] | None = None, height: int = 430) -> dict:
    """The heatmap of ``values[measure]`` (rows: ``ys``, columns: ``xs``), crosses on cells with a divergence,
    ``selected`` (row, column) outlined."""
    scale, bounds, fmt, reverse = MEASURES[measure]
    grid = values[measure]
    if measure == "modes":
        bounds = (0, n_modes)
    columns, rows = [rate(x) for x in xs], [rate(y) for y in ys]
    hover = (f"{x_title} = %{{x}}<br>{y_title} = %{{y}}<br>{t('stability.measure.' + measure)}: %{{text}}"
             "<extra></extra>")
    labels = [[("–" if v is None else fmt.format(v)) for v in row] for row in grid]
    heat = dict(type="heatmap", x=columns, y=rows, z=grid, zmin=bounds[0], zmax=bounds[1], text=labels,
                colorscale=plotly.colors.get_colorscale(scale), reversescale=reverse, hoverinfo="skip",
                colorbar=dict(WHITE_COLORBAR, title=dict(text=t("stability.measure." + measure)), thickness=12),
                texttemplate="%{text}", textfont=dict(size=13))
    cells = [(i, j) for i in range(len(rows)) for j in range(len(columns))]
    # The click targets, which also carry the hover (plotly.js selects points of a scatter, not of a heatmap): a
    # marker per cell, all but invisible; a cross where a seed diverged.
    diverged = values["diverged"]
    marks = [("x" if (diverged[i][j] or 0) > 0 else "square") for i, j in cells]
    click = dict(type="scatter", mode="markers", x=[columns[j] for _, j in cells], y=[rows[i] for i, _ in cells],
                 customdata=[[i, j] for i, j in cells], text=[labels[i][j] for i, j in cells], hovertemplate=hover,
                 showlegend=False,
                 marker=dict(size=[14 if m == "x" else 40 for m in marks], symbol=marks,
                             color=[palette.D_STAR if m == "x" else "rgba(0,0,0,0.01)" for m in marks]))
    shapes = []
    if selected is not None:
        i, j = selected
        shapes.append(dict(type="rect", xref="x", yref="y", x0=j - 0.5, x1=j + 0.5, y0=i - 0.5, y1=i + 0.5,
                           line=dict(color=palette.P_DATA, width=4)))
    layout = dict(WHITE_LAYOUT, height=height, margin=dict(l=70, r=10, t=10, b=50), shapes=shapes,
                  clickmode="event+select", dragmode=False,
                  xaxis=dict(WHITE_AXIS, title=dict(text=x_title), type="category", showgrid=False),
                  yaxis=dict(WHITE_AXIS, title=dict(text=y_title), type="category", showgrid=False))
    return dict(data=[heat, click], layout=layout)
