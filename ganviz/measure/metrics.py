"""The paper's quantities, evaluated on a grid of equal cells.

Densities are arrays of values on the cells of a uniform grid whose cells have
size ``dx`` (a length in 1D, an area in 2D), so sum(p) * dx is p's mass on the
grid. The convention 0 * log 0 = 0 is used throughout, so zeros in either
density never give NaN.

* ``optimal_discriminator``: Proposition 1, D*(x) = p_data / (p_data + p_g).
* ``value``: V(D, G) = int p_data log D + p_g log(1 - D) dx.
* ``jsd``, ``kl``: divergences in nats; 0 <= JSD <= log 2.
* ``criterion``: C(G) = max_D V(D, G) = V(D*, G) = -log 4 + 2 JSD (Theorem 1).
* ``pushforward_density_1d``: p_g on a 1D grid, computed from G itself.
"""

from __future__ import annotations

import math

import numpy as np

LOG2 = math.log(2.0)


def xlogy(x, y):
    """x * log(y), with 0 * log(anything) = 0."""
    x, y = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
    out = np.zeros(x.shape)
    pos = x > 0
    with np.errstate(divide="ignore"):
        out[pos] = x[pos] * np.log(y[pos])
    return out


def normalised(p, dx):
    """``p`` divided by its mass on the grid (sum(p) * dx), so it integrates to 1; refuses a bad ``dx`` or density."""
    if not (isinstance(dx, (int, float, np.floating)) and math.isfinite(dx) and dx > 0):
        raise ValueError(f"the cell size dx must be a positive number (got {dx!r})")
    p = np.asarray(p, dtype=np.float64)
    if not np.all(np.isfinite(p)) or np.any(p < 0):
        raise ValueError("a density must be finite and non-negative everywhere")
    mass = p.sum() * dx
    if not np.isfinite(mass) or mass <= 0:
        raise ValueError("a density must be finite, non-negative and not all zero")
    with np.errstate(over="ignore"):
        out = p / mass
    if not np.all(np.isfinite(out)):
        raise ValueError(f"the cell size dx={dx!r} is too small to normalise this density in floating point")
    return out


def optimal_discriminator(p_data, p_g):
    """D*(x) = p_data(x) / (p_data(x) + p_g(x)) (Proposition 1); 1/2 where both are 0."""
    p_data, p_g = np.asarray(p_data, dtype=np.float64), np.asarray(p_g, dtype=np.float64)
    total = p_data + p_g
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, p_data / np.where(total > 0, total, 1.0), 0.5)


def kl(p, q, dx: float = 1.0) -> float:
    """KL(p || q) in nats; +inf where q = 0 but p > 0. Both are normalised on the grid first."""
    p, q = normalised(p, dx), normalised(q, dx)
    if np.any((q == 0) & (p > 0)):
        return math.inf
    return float((xlogy(p, p) - xlogy(p, q)).sum() * dx)


def jsd(p, q, dx: float = 1.0) -> float:
    """Jensen-Shannon divergence JSD(p || q) in nats, between 0 and log 2.

    JSD = KL(p || m)/2 + KL(q || m)/2 with m = (p + q)/2. ``p`` and ``q`` are
    densities on cells of size ``dx`` (or probability masses with ``dx=1``); each
    is normalised to integrate to 1 on the grid, so mass a density puts outside
    the grid is ignored. Identical inputs give 0, disjoint supports give log 2.
    """
    p, q = normalised(p, dx), normalised(q, dx)
    m = 0.5 * (p + q)
    half_kl_p = xlogy(p, p) - xlogy(p, m)
    half_kl_q = xlogy(q, q) - xlogy(q, m)
    return float(np.clip(0.5 * (half_kl_p + half_kl_q).sum() * dx, 0.0, LOG2))


def value(p_data, p_g, d, dx: float = 1.0) -> float:
    """V(D, G) = int p_data(x) log D(x) + p_g(x) log(1 - D(x)) dx, for D's values ``d`` on the grid.

    Both densities are normalised on the grid. -inf if D is exactly 0 where
    p_data > 0, or exactly 1 where p_g > 0 (as the integral is).
    """
    p_data, p_g = normalised(p_data, dx), normalised(p_g, dx)
    d = np.asarray(d, dtype=np.float64)
    if not np.all((d >= 0) & (d <= 1)):  # also refuses NaN
        raise ValueError("D(x) must be a probability in [0, 1] everywhere")
    return float((xlogy(p_data, d) + xlogy(p_g, 1.0 - d)).sum() * dx)


def criterion(p_data, p_g, dx: float = 1.0) -> float:
    """C(G) = max_D V(D, G) = V(D*, G); equals -log 4 + 2 JSD(p_data || p_g) (Theorem 1).

    Computed as V(D*, G) by plugging D* in, not from the JSD, so the two can be
    compared. log(1 - D*) is taken as log(p_g / (p_data + p_g)) to avoid the
    cancellation in 1 - D* where D* is near 1.
    """
    p_data, p_g = normalised(p_data, dx), normalised(p_g, dx)
    total = p_data + p_g
    with np.errstate(invalid="ignore", divide="ignore"):
        log_d = xlogy(p_data, p_data / total)
        log_1md = xlogy(p_g, p_g / total)
    return float((log_d + log_1md).sum() * dx)


def pushforward_density_1d(x_of_quantiles, edges) -> np.ndarray:
    """p_g on the cells between ``edges``, from G evaluated at equal-mass points of p_z.

    ``x_of_quantiles[i] = G(z_i)`` where z_i is the (i + 1/2)/n quantile of the
    prior, so each z_i stands for probability 1/n (see ``priors.py``). Between
    two neighbours, the mass 1/n is spread uniformly over [x_i, x_{i+1}]: this is
    the exact density of the piecewise-linear interpolant of the map
    u -> G(F_z^{-1}(u)), u in (0, 1), whose error vanishes as n grows (for the
    uniform prior and a ReLU network it is exact except inside the few segments
    where a ReLU kink falls). It handles what a histogram of samples would get
    noisy or a change-of-variables formula |dG/dz|^-1 would get wrong: folds
    (non-monotone G), flat pieces (a collapsed G is a spike, not a division by
    zero) and no sampling noise at all. The two half-masses 1/(2n) at the ends
    stay at x_0 and x_{n-1}. Values outside the edges are clipped to them.

    Returns the average density in each cell (mass in the cell / cell width).
    """
    edges = np.asarray(edges, dtype=np.float64)
    x = np.clip(np.asarray(x_of_quantiles, dtype=np.float64), edges[0], edges[-1])
    x, edges = x - edges[0], edges - edges[0]  # small magnitudes keep the sums below accurate
    n = len(x)
    lo, hi = np.minimum(x[:-1], x[1:]), np.maximum(x[:-1], x[1:])
    width = hi - lo
    tiny = 1e-9 * (edges[-1] - edges[0])
    ramp = width > tiny
    # Point masses: the two ends, and segments too narrow to spread.
    points = np.concatenate([x[[0, -1]], 0.5 * (lo + hi)[~ramp]])
    point_mass = np.concatenate([[0.5 / n, 0.5 / n], np.full((~ramp).sum(), 1.0 / n)])
    cdf = _step_cdf(points, point_mass, edges)
    # Uniform pieces: mass 1/n with height h = 1/(n w) on [lo, hi]; its CDF is
    # h * (relu(e - lo) - relu(e - hi)), summed over pieces with sorted cumulative sums.
    h = 1.0 / (n * width[ramp])
    cdf += _relu_sum(lo[ramp], h, edges) - _relu_sum(hi[ramp], h, edges)
    # Rounding in the sums can leave a cell at -1e-12 instead of 0: clip it.
    return np.maximum(np.diff(cdf), 0.0) / np.diff(edges)


def _step_cdf(points, mass, edges):
    """Mass of the points at or below each edge: cell j gets (edges[j], edges[j+1]], the first cell is closed."""
    order = np.argsort(points)
    points, cum = points[order], np.concatenate([[0.0], np.cumsum(mass[order])])
    below = np.searchsorted(points, edges, side="right")
    below[0] = np.searchsorted(points, edges[0], side="left")  # points on the first edge belong to cell 0
    return cum[below]


def _relu_sum(c, h, edges):
    """sum of h[i] * max(e - c[i], 0) at each edge e, in O((n + m) log n)."""
    order = np.argsort(c)
    c, h = c[order], h[order]
    cum_h = np.concatenate([[0.0], np.cumsum(h)])
    cum_hc = np.concatenate([[0.0], np.cumsum(h * c)])
    i = np.searchsorted(c, edges, side="right")
    return edges * cum_h[i] - cum_hc[i]
