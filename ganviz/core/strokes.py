"""Strokes drawn with a mouse, a pen or a finger, turned into points for a custom 2D target.

A stroke is a polyline: the positions the pointer passed through, in data
coordinates, in the order it passed them. The browser samples the pointer in
*time* (one position per event, tens to hundreds per second), so a slow stroke
leaves many close positions and a fast one a few far apart. Taking those
positions as points would make the density depend on the hand's speed.
``points_from_strokes`` therefore resamples each polyline at an even
*arc-length* spacing: one point at its start and then one every ``spacing``
along it, so a slow and a fast stroke along the same path give the same points
(up to how closely the recorded positions follow the path: a fast stroke's
straight chords cut a curve's corners a little). A straight stroke of length L
gives floor(L / spacing) + 1 points.

A tap (a polyline of one position, or one that never moves) gives one point,
where it was: drawing, like clicking, adds what was drawn, so a tap is a click.
Whether the points are enough, or too many, is decided for the whole drawing by
``ganviz.core.custom.check_points`` (at least ``MIN_POINTS``, at most
``MAX_POINTS``), as for a clicked or uploaded drawing.

The kernel: the points become the target like any other drawing, through
``custom_target.kde_target`` with the ``drawing_bandwidth`` rule (the median
distance from a point to its nearest neighbour, between 0.05 and Scott's h).
For strokes alone that median is the spacing, so each stroke becomes an even
ridge of Gaussians of std h = ``spacing``, spaced h apart: the sum ripples along
the ridge by 2 exp(-2 pi^2), about 5e-9 of its height (not at all), and the
ridge's cross-section is N(0, h^2). GAN Lab instead jitters each mouse position by
N(0, 0.02^2) in its unit square (0.17 in our 8-wide window) and so depends on
the hand's speed; here no noise is added: the kernel is the only smoothing,
and the density stays exact.

Refused (``BadPoints``, with a reason as in ``custom_target``): no stroke or
only empty ones (``no_stroke``), a position that is not a pair of numbers
(``not_pairs``, ``shape``) or not finite (``not_finite_point``), more than
``MAX_POSITIONS`` positions (``too_many_positions``: ``count``, ``limit``), and,
when a ``window`` is given, a position outside it (``outside_window``:
``index``, ``low``, ``high``). The drawing canvas never sends those; the checks
are there because the value comes from a browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .custom import BadPoints

STROKE_SPACING = 0.15  # data units between resampled points: about the smiley's spacing (0.19), 54 across the window
MAX_POSITIONS = 100_000  # recorded positions in one message: far more than 10,000 points' worth of strokes


def points_from_strokes(strokes: Iterable[Sequence], spacing: float = STROKE_SPACING,
                        window: tuple[float, float] | None = None) -> np.ndarray:
    """The points of ``strokes`` (polylines of (x, y) positions), one every ``spacing`` along each: (n, 2).

    ``window`` = (low, high) refuses a position outside the square
    [low, high]^2. See the module docstring for the refusals.
    """
    if not (np.isfinite(spacing) and spacing > 0):
        raise ValueError(f"spacing must be a positive number (got {spacing})")
    lines = [_polyline(stroke) for stroke in strokes]
    lines = [line for line in lines if len(line)]
    if not lines:
        raise BadPoints("no stroke was drawn", "no_stroke")
    positions = np.concatenate(lines)
    if len(positions) > MAX_POSITIONS:
        raise BadPoints(f"{len(positions):,} points were sent at once; at most {MAX_POSITIONS:,} are allowed",
                        "too_many_positions", count=len(positions), limit=MAX_POSITIONS)
    bad = ~np.isfinite(positions).all(axis=1)
    if bad.any():
        raise BadPoints(f"point {int(np.argmax(bad)) + 1} is not a pair of finite numbers", "not_finite_point",
                        index=int(np.argmax(bad)) + 1)
    if window is not None:
        low, high = window
        outside = ((positions < low) | (positions > high)).any(axis=1)
        if outside.any():
            raise BadPoints(f"position {int(np.argmax(outside)) + 1} is outside the drawing window "
                            f"[{float(low)}, {float(high)}]", "outside_window", index=int(np.argmax(outside)) + 1,
                            low=float(low), high=float(high))
    return np.concatenate([resample(line, spacing) for line in lines])


def resample(line: np.ndarray, spacing: float) -> np.ndarray:
    """Points at arc lengths 0, spacing, 2 spacing, ... along the polyline ``line`` (m, 2), m >= 1."""
    steps = np.linalg.norm(np.diff(line, axis=0), axis=1)
    arc = np.concatenate([[0.0], np.cumsum(steps)])
    if arc[-1] == 0:
        return line[:1].copy()
    keep = np.concatenate([[True], steps > 0])  # np.interp needs strictly increasing arc lengths
    arc, line = arc[keep], line[keep]
    at = np.arange(int(np.floor(arc[-1] / spacing + 1e-9)) + 1) * spacing
    return np.stack([np.interp(at, arc, line[:, 0]), np.interp(at, arc, line[:, 1])], axis=1)


def _polyline(stroke) -> np.ndarray:
    """One stroke as an (m, 2) float array (m may be 0), or ``BadPoints``."""
    try:
        line = np.asarray(stroke, dtype=np.float64)
    except (TypeError, ValueError):
        raise BadPoints("the points must be pairs of numbers (x, y)", "not_pairs") from None
    if line.size == 0:
        return line.reshape(0, 2)
    if line.ndim != 2 or line.shape[1] != 2:
        raise BadPoints(f"the points must be an n x 2 table of (x, y) pairs (got shape {line.shape})", "shape",
                        shape=tuple(line.shape))
    return line
