"""Trails of tracked samples: where a few generated points were over the last frames.

A tracked sample is one noise draw z, fixed for the whole run (drawn from a
fixed seed), followed as G changes: its position x = G(z) at each frame. The snapshots already hold such
draws: on the 2D page ``Snapshot2D.fake`` is G of one fixed noise batch
(``fake_z``), on the Figure 1 page the arrows x = G(z) start from the same
evenly spaced z every frame. ``tracked_points`` picks them out of a snapshot.

``Trails`` keeps the last few frames of those positions (a bounded buffer) and
turns them into one polyline per tracked point, oldest position first, the
current one last. ``add_trails_2d`` and ``add_trails_1d`` draw the polylines
into the figure dicts of ``figures2d.figure2d`` and ``figures.figure1``: lines
that end at each point and fade towards their tail, so the class sees which
way and how fast the points travel.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from ..i18n import t
from ..views.palette import TRAIL_1D, TRAIL_2D, rgb_triplet
from .snapshot2d import Snapshot2D

TRAIL_FRAMES = 8  # positions kept per tracked point
TRACKED_2D = 60  # tracked points on the 2D page: legible, and cheap to draw
TRAIL_RGB_2D = rgb_triplet(TRAIL_2D)  # darker than the green points, so a trail shows over the crowd
TRAIL_RGB_1D = rgb_triplet(TRAIL_1D)  # p_g's green, over the x line


def tracked_points(snap, n_2d: int = TRACKED_2D) -> np.ndarray:
    """The tracked samples' positions in ``snap``, as a (points, dim) array.

    A ``Snapshot2D``: the first ``n_2d`` of G's points (``fake``; their noise is
    ``fake_z``). A ``Snapshot1D``: the heads of the arrows x = G(z) (``x_arrows``), as a column.
    """
    if isinstance(snap, Snapshot2D):
        return np.asarray(snap.fake[:n_2d], dtype=np.float64)
    return np.asarray(snap.x_arrows, dtype=np.float64).reshape(-1, 1)


class Trails:
    """The last ``length`` frames of the tracked points' positions."""

    def __init__(self, length: int = TRAIL_FRAMES):
        if length < 1:
            raise ValueError(f"a trail keeps at least one position, not {length}")
        self._frames: deque = deque(maxlen=length)

    def __len__(self) -> int:
        return len(self._frames)

    def push(self, positions) -> None:
        """Add one frame's positions, (points, dim). The oldest frame falls out when the buffer is full.

        A frame equal to the last one adds nothing (a paused page redraws the same
        frame); a frame of another shape (other points) starts the trails afresh.
        """
        positions = np.array(positions, dtype=np.float64)
        if positions.ndim != 2:
            raise ValueError(f"positions must be a (points, dim) array, not of shape {positions.shape}")
        if self._frames:
            last = self._frames[-1]
            if last.shape != positions.shape:
                self.clear()
            elif np.array_equal(last, positions, equal_nan=True):
                return
        self._frames.append(positions)

    def clear(self) -> None:
        self._frames.clear()

    def polylines(self) -> list[np.ndarray]:
        """One (frames, dim) array per tracked point, oldest position first and the current one last."""
        if not self._frames:
            return []
        stacked = np.stack(self._frames, axis=1)  # (points, frames, dim)
        return list(stacked)


def _faded_traces(polylines: list, base: dict, rgb: str, widths: tuple[float, float], digits: int,
                  y_value: float | None = None) -> list[dict]:
    """The trails as one trace per age of segment, the oldest faintest and thinnest, the newest last and strongest.

    Segment j of a polyline joins its positions j and j + 1; trace j holds that
    segment of every polyline (so a trail fades towards its tail). All polylines
    have the same length, as ``Trails.polylines`` gives them.
    """
    if not polylines or len(polylines[0]) < 2:
        return []
    rounded = np.round(np.stack(polylines), digits)  # (points, frames, dim): one rounding for all
    rounded = np.where(np.isfinite(rounded), rounded, np.nan).tolist()  # inf as NaN, a gap below
    frames = len(rounded[0])
    traces = []
    for j in range(frames - 1):
        xs, ys = [], []
        for line in rounded:
            a, b = line[j], line[j + 1]
            xs += [_finite(a[0]), _finite(b[0]), None]
            ys += ([y_value, y_value] if y_value is not None else [_finite(a[1]), _finite(b[1])]) + [None]
        age = (j + 1) / (frames - 1)  # 1 for the newest segment
        newest = j == frames - 2
        traces.append({**base, "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip", "legendgroup": "trails",
                       "showlegend": newest and base.get("showlegend", True),
                       "line": dict(color=f"rgba({rgb},{0.3 + 0.7 * age:.2f})",
                                    width=round(widths[0] + (widths[1] - widths[0]) * age, 2))})
    return traces


def _finite(v: float) -> float | None:
    return v if v == v else None  # NaN (from NaN or inf) is a gap: JSON has no NaN


def add_trails_2d(figure: dict, polylines: list, rgb: str = TRAIL_RGB_2D) -> dict:
    """``figure`` (a ``figure2d`` dict) with the trails drawn over G's points (under the real ones); returns it.

    Over the crowd of green points, dark and up to 4 px wide, so a trail reads from the back of a room.
    """
    base = dict(type="scatter", name=t("tracking.fig.trails", n=len(polylines)))  # SVG lines, as the manifold
    data = figure["data"]
    generated = next((i + 1 for i, d in enumerate(data) if d.get("name") == t("two_d.fig.generated")), len(data))
    data[generated:generated] = _faded_traces(polylines, base, rgb, (1.5, 4.0), 3)
    return figure


def add_trails_1d(figure: dict, polylines: list, rgb: str = TRAIL_RGB_1D) -> dict:
    """``figure`` (a ``figure1`` dict) with a horizontal trail on the x line behind each arrow head; returns it."""
    base = dict(type="scatter", xaxis="x2", yaxis="y2", name=t("tracking.fig.trails", n=len(polylines)),
                showlegend=False)
    data = figure["data"]
    arrows = next((i for i, d in enumerate(data) if d.get("name") == "x = G(z)"), len(data))
    data[arrows:arrows] = _faded_traces(polylines, base, rgb, (2.0, 5.0), 4, y_value=1.0)  # under the arrow heads
    return figure
