"""The paper's theory in numbers: Proposition 1, Theorem 1 and the saturating loss.

No network is needed for any of it: p_data and p_g are two 1D Gaussian
mixtures with exact densities, evaluated on a fine grid, and the integrals are
sums over its cells (see ``metrics.py``).

* Proposition 1. For a fixed G, V(D, G) = int p_data log D + p_g log(1 - D) dx
  is maximised by D*(x) = p_data / (p_data + p_g). The proof is pointwise: for
  a, b > 0 the function y -> a log y + b log(1 - y) peaks at y = a / (a + b).
  ``pointwise_value`` is that integrand; ``sigmoid_discriminator`` and
  ``blended_discriminator`` are candidates to compare with D*.
* Theorem 1. C(G) = max_D V(D, G) = V(D*, G) = -log 4 + 2 JSD(p_data || p_g)
  = -log 4 + KL(p_data || m) + KL(p_g || m), m = (p_data + p_g)/2, so C is
  smallest, -log 4, exactly when p_g = p_data. ``theorem1`` computes it each way.
* Why the non-saturating loss. With D = sigmoid(s), G's minimax objective
  log(1 - D) has d/ds = -D, which vanishes when D confidently rejects the fakes
  (D(G(z)) near 0, early in training); -log D has d/ds = -(1 - D), near -1
  there. ``generator_objectives`` gives both and their gradients.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..core.distributions import GaussianMixture
from .metrics import criterion, jsd, kl, normalised, xlogy
from .metrics import optimal_discriminator, value  # noqa: F401 - the Theory page reads D* and V from here too

LOG4 = math.log(4.0)


def mixture_1d(means, stds, weights=None, name: str = "mixture") -> GaussianMixture:
    """A 1D Gaussian mixture from lists of means, standard deviations and weights."""
    means = np.asarray(means, dtype=np.float64).reshape(-1, 1)
    return GaussianMixture(means, stds, weights, name=name)


@dataclass(frozen=True)
class Grid1D:
    """The centres ``x`` of equal cells of width ``dx`` covering [low, high]."""

    x: np.ndarray
    dx: float

    @staticmethod
    def covering(*dists: GaussianMixture, n_std: float = 8.0, cells: int = 4000) -> "Grid1D":
        """A grid wide enough that each mixture's mass outside it is negligible (n_std of every component)."""
        low = min(float((d.means[:, 0] - n_std * d.stds).min()) for d in dists)
        high = max(float((d.means[:, 0] + n_std * d.stds).max()) for d in dists)
        dx = (high - low) / cells
        return Grid1D(low + dx * (np.arange(cells) + 0.5), dx)


def view_window(*dists: GaussianMixture, n_std: float = 3.5) -> tuple[float, float]:
    """The x-range a picture of the mixtures should show."""
    low = min(float((d.means[:, 0] - n_std * d.stds).min()) for d in dists)
    high = max(float((d.means[:, 0] + n_std * d.stds).max()) for d in dists)
    return low, high


# ----- Proposition 1 ---------------------------------------------------------------
def sigmoid_discriminator(x, centre: float, slope: float) -> np.ndarray:
    """A candidate D(x) = sigmoid(slope * (x - centre)); slope 0 gives D = 1/2."""
    s = slope * (np.asarray(x, dtype=np.float64) - centre)
    return 0.5 * (1.0 + np.tanh(0.5 * s))  # sigmoid without overflow


def sigmoid_value(p_data, p_g, x, centre: float, slope: float, dx: float) -> float:
    """V(D, G) for D = sigmoid(slope * (x - centre)), computed from the logit.

    log D = -softplus(-s) and log(1 - D) = -softplus(s) stay finite where D itself
    rounds to 0 or 1 (far tails of a steep sigmoid), so V is never a spurious -inf.
    """
    s = slope * (np.asarray(x, dtype=np.float64) - centre)
    p, q = normalised(p_data, dx), normalised(p_g, dx)
    return float(-(p * np.logaddexp(0.0, -s) + q * np.logaddexp(0.0, s)).sum() * dx)


def blended_discriminator(d_star, t: float) -> np.ndarray:
    """A candidate (1 - t) D* + t/2: D* itself at t = 0, the clueless D = 1/2 at t = 1."""
    return (1.0 - t) * np.asarray(d_star, dtype=np.float64) + 0.5 * t


def pointwise_value(p_data, p_g, d) -> np.ndarray:
    """The integrand of V: p_data(x) log D(x) + p_g(x) log(1 - D(x)), at each point.

    Proposition 1's proof: at each x it is largest for D(x) = D*(x), so no D can
    beat D* on the integral either.
    """
    d = np.asarray(d, dtype=np.float64)
    return xlogy(p_data, d) + xlogy(p_g, 1.0 - d)


def pointwise_value_at_optimum(p_data, p_g) -> np.ndarray:
    """``pointwise_value`` at D = D*, written so that it never rounds to -inf.

    log D* = log(p_data / (p_data + p_g)) and log(1 - D*) = log(p_g / (p_data + p_g)):
    where p_g is 1e-250 times p_data, D* itself rounds to 1.0 but these logs do not.
    """
    p_data, p_g = np.asarray(p_data, dtype=np.float64), np.asarray(p_g, dtype=np.float64)
    total = np.where(p_data + p_g > 0, p_data + p_g, 1.0)
    return xlogy(p_data, p_data / total) + xlogy(p_g, p_g / total)


def mean_gap(d, d_star, p_data, p_g, dx: float) -> float:
    """mean |D - D*| under (p_data + p_g)/2: how far D is from D* where either density lives."""
    weight = 0.5 * (normalised(p_data, dx) + normalised(p_g, dx))
    return float((np.abs(np.asarray(d) - np.asarray(d_star)) * weight).sum() * dx)


# ----- Theorem 1 -------------------------------------------------------------------
@dataclass(frozen=True)
class Theorem1:
    """C(G) computed two ways, and the pieces of the second."""

    v_at_d_star: float  # V(D*, G) by integrating with D* plugged in
    via_jsd: float  # -log 4 + 2 JSD(p_data || p_g)
    jsd: float  # JSD(p_data || p_g), nats
    kl_data_m: float  # KL(p_data || m), m = (p_data + p_g)/2
    kl_g_m: float  # KL(p_g || m)

    @property
    def difference(self) -> float:
        return abs(self.v_at_d_star - self.via_jsd)


def theorem1(p_data, p_g, dx: float) -> Theorem1:
    """C(G) as V(D*, G) and as -log 4 + 2 JSD, with the two KL terms of the decomposition."""
    p, q = normalised(p_data, dx), normalised(p_g, dx)
    m = 0.5 * (p + q)
    divergence = jsd(p, q, dx)
    return Theorem1(criterion(p, q, dx), -LOG4 + 2.0 * divergence, divergence, kl(p, m, dx), kl(q, m, dx))


def shifted(dist: GaussianMixture, to_mean: float) -> GaussianMixture:
    """``dist`` moved along x so that its mean is ``to_mean`` (same shape)."""
    mean = float(dist.weights @ dist.means[:, 0])
    return GaussianMixture(dist.means + (to_mean - mean), dist.stds, dist.weights, name=dist.name)


def criterion_curve(p_data: GaussianMixture, p_g: GaussianMixture, g_means, grid: Grid1D) -> np.ndarray:
    """C(G) = V(D*, G) with p_g slid along x so that its mean is each of ``g_means``.

    ``grid`` must cover p_g at every position (build it with both extremes).
    With p_g the same shape as p_data the minimum is -log 4, where p_g = p_data.
    """
    pd = p_data.pdf(grid.x)
    return np.array([criterion(pd, shifted(p_g, mu).pdf(grid.x), grid.dx) for mu in g_means])


# ----- Why the non-saturating loss -------------------------------------------------
def generator_objectives(d) -> dict[str, np.ndarray]:
    """G's two objectives against D(G(z)) = d, both to be minimised, and their gradients.

    With s = D's logit (d = sigmoid(s)):
    * saturating (the minimax game):  log(1 - d),  d/ds = -d
    * non-saturating (the heuristic): -log d,      d/ds = -(1 - d)
    Both push s up (make the fake look real); only the size differs. The
    ``grad_*`` entries are those sizes, |d/ds|.
    """
    d = np.asarray(d, dtype=np.float64)
    with np.errstate(divide="ignore"):
        return {
            "saturating": np.log1p(-d),
            "nonsaturating": -np.log(d),
            "grad_saturating": d,
            "grad_nonsaturating": 1.0 - d,
        }

