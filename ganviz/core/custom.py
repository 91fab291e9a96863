"""The user's own 2D target, made from points (clicked on a plot, or read from a CSV file).

A GAN needs a target it can sample from, and the metrics need its exact
density. A handful of points has neither, so the points are turned into a
*kernel density estimate* (KDE): one small round Gaussian on each point, all
with the same weight and the same std, the bandwidth h,

    p(x) = 1/n sum_i N(x; point_i, h^2 I).

That is a ``GaussianMixture`` like the built-in targets: exact density,
exact sampling (pick a point at random, add Gaussian noise of std h).

Its price is a bias: the KDE is the points convolved with the kernel, so it is
wider than the points by h (each coordinate's variance grows by h^2) and its
peaks are lower. A small h keeps the shape sharp but turns each point into its
own tiny mode; a large h blurs the shape into one blob.

Bandwidth rule (``scott_bandwidth``): Scott's rule, h = n^(-1/6) times the
mean of the two coordinates' standard deviations (in 2D, Silverman's rule gives
the same), floored at ``MIN_BANDWIDTH`` = 0.05 so that a few points, or points
all on a line, still give a visible density. Scott's rule is right for one
roughly Gaussian blob and oversmooths shapes with several clusters or thin
curves: pass ``bandwidth=`` to choose h yourself.

For drawings, ``drawing_bandwidth`` is used instead (the 2D page uses it for
clicked and uploaded points): the median distance from a point to its nearest
neighbour, never more than Scott's h and never less than ``MIN_BANDWIDTH``. It
follows the spacing the user drew with, so a smile stays a smile (Scott's rule
turns a 40-point smiley into one round blob).

The window (``bounds``) is the points' bounding box widened by 4 h on each
side, which holds all but a few 1e-5 of the mass.
"""

from __future__ import annotations

import numpy as np

from .config import Refused
from .distributions import GaussianMixture

MIN_POINTS = 2  # the fewest points that have a spread, which Scott's rule needs
MAX_POINTS = 10_000  # one mixture component per point: more makes every density evaluation slow
MAX_BYTES = 1_000_000  # a file larger than this is refused before it is read
MAX_ABS = 1_000.0  # coordinates further than this from 0 are surely a mistake (wrong column, wrong units)
MIN_BANDWIDTH = 0.05
PAD_BANDWIDTHS = 4.0


class BadPoints(Refused):
    """The points cannot make a target; the message says why, in one sentence (in English).

    ``reason`` names the refusal for a program (e.g. a page that says it in the
    reader's language) and ``values`` holds its facts, unformatted: ``too_few``
    and ``too_many`` (``count``, ``limit``), ``not_pairs``, ``shape`` (``shape``),
    ``not_finite_point`` and ``far_point`` (``index``, ``limit``), ``bandwidth``
    (``bandwidth``), ``file_too_big`` (``size``, ``limit``), ``not_utf8``
    (``byte``), ``empty``, ``too_many_rows`` (``rows``, ``limit``), ``file_too_few``
    (``count``, ``limit``), ``row_values`` (``line``, ``count``), ``not_number``,
    ``not_finite`` and ``far_value`` (``line``, ``field``, and ``limit`` for the last).
    """

    def __init__(self, message: str, reason: str = "", **values):
        super().__init__(message)
        self.reason = reason
        self.values = values


def kde_target(points, bandwidth: float | None = None, name: str = "custom") -> GaussianMixture:
    """A Gaussian KDE of ``points`` (n x 2): one equal-weight component of std ``bandwidth`` per point.

    ``bandwidth=None`` uses ``scott_bandwidth``. Raises ``BadPoints`` for
    points that ``check_points`` refuses, or a bandwidth that is not positive.
    """
    points = check_points(points)
    h = scott_bandwidth(points) if bandwidth is None else float(bandwidth)
    if not (np.isfinite(h) and h > 0):
        raise BadPoints(f"the bandwidth must be a positive number (got {bandwidth})", "bandwidth", bandwidth=bandwidth)
    pad = PAD_BANDWIDTHS * h
    bounds = np.stack([points.min(0) - pad, points.max(0) + pad], axis=1)
    return GaussianMixture(points, h, bounds=bounds, name=name)


def scott_bandwidth(points) -> float:
    """Scott's rule in 2D, n^(-1/6) times the mean per-axis std, at least ``MIN_BANDWIDTH``."""
    points = np.asarray(points, dtype=np.float64)
    spread = float(points.std(axis=0, ddof=1).mean())
    return max(MIN_BANDWIDTH, len(points) ** (-1.0 / 6.0) * spread)


def drawing_bandwidth(points, queries: int = 500) -> float:
    """The median nearest-neighbour distance, clipped to [``MIN_BANDWIDTH``, Scott's h].

    At most ``queries`` evenly chosen points are asked for their nearest
    neighbour (among all points), so 10,000 points cost 5 million distances.
    """
    points = np.asarray(points, dtype=np.float64)
    ask = points[:: max(1, len(points) // queries)]
    squared = ((ask[:, None, :] - points[None, :, :]) ** 2).sum(-1)
    squared[squared == 0] = np.inf  # a point is not its own neighbour (nor are duplicates of it)
    nearest = np.sqrt(squared.min(1))
    spacing = float(np.median(nearest[np.isfinite(nearest)])) if np.isfinite(nearest).any() else MIN_BANDWIDTH
    return float(np.clip(spacing, MIN_BANDWIDTH, max(MIN_BANDWIDTH, scott_bandwidth(points))))


def check_points(points) -> np.ndarray:
    """``points`` as a float (n, 2) array, or ``BadPoints`` saying what is wrong with them."""
    try:
        points = np.asarray(points, dtype=np.float64)
    except (TypeError, ValueError):
        raise BadPoints("the points must be pairs of numbers (x, y)", "not_pairs") from None
    if points.ndim != 2 or points.shape[1] != 2:
        raise BadPoints(f"the points must be an n x 2 table of (x, y) pairs (got shape {points.shape})", "shape",
                        shape=tuple(points.shape))
    if len(points) < MIN_POINTS:
        raise BadPoints(f"{_count(len(points))} given; at least {MIN_POINTS} are needed", "too_few", count=len(points),
                        limit=MIN_POINTS)
    if len(points) > MAX_POINTS:
        raise BadPoints(f"{_count(len(points))} given; at most {MAX_POINTS:,} are allowed", "too_many",
                        count=len(points), limit=MAX_POINTS)
    bad = ~np.isfinite(points).all(axis=1)
    if bad.any():
        raise BadPoints(f"point {int(np.argmax(bad)) + 1} is not a pair of finite numbers", "not_finite_point",
                        index=int(np.argmax(bad)) + 1)
    far = (np.abs(points) > MAX_ABS).any(axis=1)
    if far.any():
        raise BadPoints(f"point {int(np.argmax(far)) + 1} is further than {MAX_ABS:,.0f} from the origin", "far_point",
                        index=int(np.argmax(far)) + 1, limit=MAX_ABS)
    return points


def parse_points_csv(data: bytes | str) -> np.ndarray:
    """Read x,y rows from CSV text into an (n, 2) float array, or raise ``BadPoints``.

    Accepted: UTF-8 text (a byte-order mark is fine); values separated by a
    comma, or else by spaces or tabs; an optional header line of two names
    (such as ``x,y``); blank lines anywhere. Refused, with the line number
    where there is one: a file over ``MAX_BYTES`` (checked before reading it),
    an empty file, bytes that are not UTF-8, a row without exactly two values,
    a value that is not a number, NaN or infinity, a coordinate beyond
    ``MAX_ABS``, fewer than ``MIN_POINTS`` or more than ``MAX_POINTS`` rows.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_BYTES:
        raise BadPoints(f"the file is {len(raw):,} bytes; at most {MAX_BYTES:,} are allowed", "file_too_big",
                        size=len(raw), limit=MAX_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadPoints(f"the file is not UTF-8 text (byte {err.start + 1} cannot be read)", "not_utf8",
                        byte=err.start + 1) from None
    rows = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not rows:
        raise BadPoints("the file is empty", "empty")
    if _is_header(rows[0][1]):
        rows = rows[1:]
    if len(rows) > MAX_POINTS:
        raise BadPoints(f"the file has {len(rows):,} rows of points; at most {MAX_POINTS:,} are allowed",
                        "too_many_rows", rows=len(rows), limit=MAX_POINTS)
    points = np.array([_parse_row(number, line) for number, line in rows], dtype=np.float64).reshape(-1, 2)
    if len(points) < MIN_POINTS:
        raise BadPoints(f"the file has {_count(len(points))}; at least {MIN_POINTS} are needed", "file_too_few",
                        count=len(points), limit=MIN_POINTS)
    return points


def _fields(line: str) -> list[str]:
    return [f.strip() for f in line.split(",")] if "," in line else line.split()


def _is_header(line: str) -> bool:
    """A first line with two fields of which neither is a number (``x,y``, ``"x" "y"``)."""
    fields = _fields(line)
    return len(fields) == 2 and not any(_is_number(f) for f in fields)


def _is_number(field: str) -> bool:
    try:
        float(field)
    except ValueError:
        return False
    return True


def _parse_row(number: int, line: str) -> tuple[float, float]:
    fields = _fields(line)
    if len(fields) != 2:
        raise BadPoints(f"line {number} has {_plural(len(fields), 'value')}; each row must be two numbers, x and y",
                        "row_values", line=number, count=len(fields))
    values = []
    for field in fields:
        if not field or not _is_number(field) or "_" in field:
            raise BadPoints(f"line {number}: {field!r} is not a number", "not_number", line=number, field=field)
        value = float(field)
        if not np.isfinite(value):
            raise BadPoints(f"line {number}: {field!r} is not a finite number", "not_finite", line=number, field=field)
        if abs(value) > MAX_ABS:
            raise BadPoints(f"line {number}: {field} is further than {MAX_ABS:,.0f} from the origin", "far_value",
                            line=number, field=field, limit=MAX_ABS)
        values.append(value)
    return values[0], values[1]


def _count(n: int) -> str:
    return _plural(n, "point")


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
