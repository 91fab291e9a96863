"""Noise to manifold: an animation that carries the z grid onto G's manifold, played in the browser.

The 2D page draws G's manifold as the lines of a grid in z space pushed
through G (``Snapshot2D.manifold_z`` and ``manifold``). ``morph_figure`` moves
every point of those lines from where it starts, z (drawn in the plane: its
first two coordinates; a 1-dimensional z on the horizontal axis), to where G
sends it, G(z), in a straight line: frame k of ``steps`` shows

    (1 - t) z + t G(z),  t = k / steps,

so frame 0 is the z grid and the last frame is the manifold exactly as the
page draws it. The lines along z's first axis and those along its second are
drawn in two colours, so the class sees how G bends and stretches each
family. The figure is a Plotly animation dict (frames, a play button and a
slider, as ``replay.replay_figure`` makes them): the browser plays it with no
server round trips.
"""

from __future__ import annotations

import numpy as np

from . import palette
from .plot import rounded
from ..i18n import t

FAMILY_COLOURS = palette.Z_GRID  # lines along z's first axis, along its second
FRAME_MS = 70
DIGITS = 3  # coordinates on the wire: 1/1,000 of a unit, far below a pixel on the 2D windows


def in_plane(z) -> np.ndarray:
    """Noise vectors (m, z_dim) drawn in the plane: their first two coordinates; a 1D z as (z, 0)."""
    z = np.asarray(z, dtype=np.float64)
    if z.ndim != 2 or z.shape[1] < 1:
        raise ValueError(f"z must be an (m, z_dim) array, not of shape {z.shape}")
    if z.shape[1] == 1:
        return np.column_stack([z[:, 0], np.zeros(len(z))])
    return z[:, :2].copy()


def morph_frames(z_lines: list, x_lines: list, steps: int = 20) -> list[list[np.ndarray]]:
    """The lines at t = 0, 1/steps, ..., 1: frame k holds (1 - t) z + t G(z) for every line."""
    if steps < 1:
        raise ValueError(f"a morph needs at least one step, not {steps}")
    if len(z_lines) != len(x_lines):
        raise ValueError(f"{len(z_lines)} z lines but {len(x_lines)} G(z) lines")
    starts = [in_plane(z) for z in z_lines]
    ends = [np.asarray(x, dtype=np.float64) for x in x_lines]
    for start, end in zip(starts, ends):
        if start.shape != end.shape:
            raise ValueError(f"a z line of {len(start)} points goes with a G(z) line of shape {end.shape}")
    frames = [[start.copy() for start in starts]]  # the ends exactly, even where G(z) is not finite
    for k in range(1, steps):
        s = k / steps
        frames.append([(1.0 - s) * start + s * end for start, end in zip(starts, ends)])
    return frames + [[end.copy() for end in ends]]


def _family(z_line) -> int:
    """0 for a line along z's first axis (its first coordinate varies most), 1 for one along the second."""
    plane = in_plane(z_line)
    spread = plane.max(axis=0) - plane.min(axis=0)
    return int(spread[1] > spread[0])


def _traces(lines: list, families: list[int]) -> list[dict]:
    """Two line traces, one per family of grid lines, each with its lines separated by None."""
    traces = []
    for family, colour in enumerate(FAMILY_COLOURS):
        xs, ys = [], []
        for line, f in zip(lines, families):
            if f == family:
                xs += rounded(line[:, 0], DIGITS) + [None]
                ys += rounded(line[:, 1], DIGITS) + [None]
        traces.append(dict(type="scatter", x=xs, y=ys, mode="lines", line=dict(color=colour, width=1.6),
                           name=t("tracking.morph.family", axis=family + 1), hoverinfo="skip", showlegend=bool(xs)))
    return traces


def _window(frames: list, bounds) -> list[list[float]]:
    """[[x0, x1], [y0, y1]] holding the z grid and G(grid); with ``bounds`` (the page's window), at least that
    window and G(grid) only as far as one window's width past it (a diverging G does not shrink the picture)."""
    points = np.concatenate(frames[0] + frames[-1])
    points = points[np.isfinite(points).all(axis=1)]
    lo, hi = points.min(axis=0), points.max(axis=0)
    if bounds is not None:
        b = np.asarray(bounds, dtype=np.float64)
        span = b[:, 1] - b[:, 0]
        z_lo, z_hi = np.concatenate(frames[0]).min(axis=0), np.concatenate(frames[0]).max(axis=0)
        lo = np.minimum(np.minimum(np.maximum(lo, b[:, 0] - span), b[:, 0]), z_lo)
        hi = np.maximum(np.maximum(np.minimum(hi, b[:, 1] + span), b[:, 1]), z_hi)
    pad = 0.04 * np.maximum(hi - lo, 1e-9)
    return [[float(lo[i] - pad[i]), float(hi[i] + pad[i])] for i in range(2)]


def morph_figure(z_lines: list, x_lines: list, steps: int = 20, bounds=None, real=None, height: int = 600,
                 frame_ms: int = FRAME_MS) -> dict:
    """The noise-to-manifold animation as a Plotly figure dict.

    ``z_lines``: the z grid's lines, (m, z_dim) arrays; ``x_lines``: the same
    lines through G, (m, 2). ``bounds`` ([[x0, x1], [y0, y1]], the page's
    window) is the least the axes show (see ``_window``); ``real``, (n, 2), are
    drawn faintly behind as p_data's samples. The figure shows frame 0 (the z
    grid); two buttons play it forwards (z -> G(z)) and backwards, and a slider
    picks any t.
    """
    frames = morph_frames(z_lines, x_lines, steps)
    families = [_family(z) for z in z_lines]
    names = [f"{k / steps:.2f}" for k in range(steps + 1)]
    data = _traces(frames[0], families)
    if real is not None and len(real):
        real = np.asarray(real, dtype=np.float64)
        data.append(dict(type="scatter", x=rounded(real[:, 0], 3), y=rounded(real[:, 1], 3), mode="markers",
                         marker=dict(size=3, color=palette.rgba(palette.REAL, 0.25)), name=t("two_d.fig.real"),
                         hoverinfo="skip"))
    (x0, x1), (y0, y1) = _window(frames, bounds)
    move = {"frame": {"duration": frame_ms, "redraw": False}, "transition": {"duration": frame_ms, "easing": "linear"},
            "mode": "immediate"}
    jump = {"frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0}, "mode": "immediate"}
    layout = dict(
        xaxis=dict(range=[x0, x1], constrain="domain", showgrid=False, zeroline=True, zerolinecolor="#ddd"),
        yaxis=dict(range=[y0, y1], scaleanchor="x", scaleratio=1, constrain="domain", showgrid=False, zeroline=True,
                   zerolinecolor="#ddd"),
        height=height, plot_bgcolor="white", margin=dict(l=10, r=10, t=40, b=120),
        title=dict(text=t("tracking.morph.title"), x=0.01),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=1, xanchor="right"),
        updatemenus=[{
            "type": "buttons", "direction": "left", "showactive": False, "x": 0.0, "y": -0.06, "xanchor": "left",
            "yanchor": "top", "pad": {"r": 10, "t": 10},
            "buttons": [{"label": t("tracking.morph.forward"), "method": "animate", "args": [names, move]},
                        {"label": t("tracking.morph.backward"), "method": "animate", "args": [names[::-1], move]}],
        }],
        sliders=[{
            "active": 0, "x": 0.0, "len": 1.0, "y": -0.16, "yanchor": "top",
            "currentvalue": {"prefix": "t = ", "xanchor": "left"},
            "steps": [{"label": name, "method": "animate", "args": [[name], jump]} for name in names],
        }],
    )
    return {"data": data, "layout": layout,
            "frames": [{"name": name, "data": _traces(lines, families), "traces": [0, 1]}
                       for name, lines in zip(names, frames)]}
