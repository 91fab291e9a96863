"""Target distributions p_data with exact densities.

Every target answers two questions:

* ``sample(n, generator, device)`` -- draw a minibatch ``x ~ p_data`` as a float32
  tensor of shape ``(n, dim)``, for training;
* ``pdf(x)`` -- the exact density at points ``x`` (a float64 NumPy array of shape
  ``(n, dim)``, or ``(n,)`` in 1D), for the metrics and the pictures.

They also carry ``bounds``, the window a picture of them should show, one
``(low, high)`` row per dimension. Callers look targets up by name with
``get_distribution(name)``, and ``targets_of_dim(d)`` lists the names in d
dimensions:

* 1D: ``gaussian`` (the paper's Figure 1), ``bimodal``;
* 2D: ``gaussian2d``, ``ring8`` and ``grid25`` (the mode-collapse benchmarks),
  ``spiral`` and ``moons`` (curves).

Every target is a ``GaussianMixture``, so its density is exact.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from .strata import stratified_mixture


class GaussianMixture:
    """A mixture of isotropic Gaussians: sum_k w_k N(mean_k, std_k^2 I).

    One component is a plain Gaussian. The density is evaluated with the
    log-sum-exp trick, so far tails give a tiny positive number or an exact 0.0,
    never NaN.
    """

    def __init__(self, means, stds, weights=None, bounds=None, name: str = "mixture"):
        self.name = name
        self.means = np.asarray(means, dtype=np.float64)  # (components, dim)
        if self.means.ndim != 2:
            raise ValueError("means must have shape (components, dim), e.g. [[-1.5], [2.0]] in 1D")
        n_comp, self.dim = self.means.shape
        self.stds = np.broadcast_to(np.asarray(stds, dtype=np.float64), (n_comp,)).copy()
        w = np.ones(n_comp) if weights is None else np.asarray(weights, dtype=np.float64)
        if not (np.all(np.isfinite(self.means)) and np.all(np.isfinite(self.stds)) and np.all(np.isfinite(w))):
            raise ValueError("means, standard deviations and weights must be finite numbers")
        if w.shape != (n_comp,) or np.any(w < 0) or w.sum() <= 0:
            raise ValueError("weights must be one non-negative number per component")
        if np.any(self.stds <= 0):
            raise ValueError("standard deviations must be positive")
        self.weights = w / w.sum()
        if bounds is None:
            pad = 4.0 * self.stds.max()
            bounds = np.stack([self.means.min(0) - pad, self.means.max(0) + pad], axis=1)
        self.bounds = np.asarray(bounds, dtype=np.float64).reshape(self.dim, 2)
        self._t = {}  # per-device tensor copies used by sample()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, components={len(self.weights)}, dim={self.dim})"

    def _tensors(self, device):
        key = str(device)
        if key not in self._t:
            self._t[key] = (
                torch.as_tensor(self.means, dtype=torch.float32, device=device),
                torch.as_tensor(self.stds, dtype=torch.float32, device=device),
                torch.as_tensor(self.weights, dtype=torch.float32, device=device),
            )
        return self._t[key]

    def sample(self, n: int, generator: torch.Generator | None = None, device="cpu",
               stratified: bool = False) -> torch.Tensor:
        """Draw ``n`` points as a float32 tensor of shape ``(n, dim)``; ``stratified``: components in proportion to
        their weights and each component's points a Latin hypercube of its Gaussian (``strata.py``)."""
        means, stds, weights = self._tensors(device)
        if stratified:
            comp, noise = stratified_mixture(weights, n, self.dim, generator, device)
            return means[comp] + stds[comp, None] * noise
        noise = torch.randn(n, self.dim, generator=generator, device=device)
        if len(weights) == 1:
            return means[0] + stds[0] * noise
        comp = torch.multinomial(weights, n, replacement=True, generator=generator)
        return means[comp] + stds[comp, None] * noise

    def moments(self) -> tuple[np.ndarray, np.ndarray]:
        """The mixture's mean and standard deviation in each coordinate (exact)."""
        mean = self.weights @ self.means
        second = self.weights @ (self.stds[:, None] ** 2 + self.means ** 2)
        return mean, np.sqrt(np.maximum(second - mean ** 2, 0.0))

    def log_pdf(self, x) -> np.ndarray:
        """Exact log-density at ``x`` (shape ``(n, dim)``, or ``(n,)`` in 1D)."""
        x = np.asarray(x, dtype=np.float64).reshape(-1, self.dim)
        with np.errstate(over="ignore", invalid="ignore"):
            # squared distances in units of each component's std (n, K): inf far away; dividing before squaring
            # keeps a huge std and a huge x from making inf / inf
            sq = (((x[:, None, :] - self.means[None, :, :]) / self.stds[None, :, None]) ** 2).sum(-1)
        log_norm = -self.dim * (np.log(self.stds) + 0.5 * math.log(2 * math.pi))
        with np.errstate(divide="ignore"):
            terms = np.log(self.weights) + log_norm - 0.5 * sq
        top = terms.max(1, keepdims=True)
        finite_top = np.where(np.isfinite(top), top, 0.0)  # a point infinitely far away: log-density -inf, not NaN
        with np.errstate(divide="ignore"):
            return (finite_top + np.log(np.exp(terms - finite_top).sum(1, keepdims=True)))[:, 0]

    def pdf(self, x) -> np.ndarray:
        """Exact density at ``x`` (shape ``(n, dim)``, or ``(n,)`` in 1D)."""
        return np.exp(self.log_pdf(x))


def gaussian() -> GaussianMixture:
    """One Gaussian, as in the paper's Figure 1: N(2, 0.5^2)."""
    return GaussianMixture([[2.0]], 0.5, bounds=[[-3.0, 5.0]], name="gaussian")


def bimodal() -> GaussianMixture:
    """Two equal Gaussians, N(-1.5, 0.4^2) and N(2, 0.5^2): a 1D picture of two modes."""
    return GaussianMixture([[-1.5], [2.0]], [0.4, 0.5], [0.5, 0.5], bounds=[[-4.0, 5.0]], name="bimodal")


# ----- 2D targets ----------------------------------------------------------------
# Each is a GaussianMixture, so its density stays exact: the metrics never have to
# estimate p_data. The ring and the grid are the standard mode-collapse benchmarks;
# the spiral and the moons are curves, drawn as many small Gaussians along them.


def gaussian2d() -> GaussianMixture:
    """One round Gaussian N((1, 1), 0.5^2 I): the 2D first lesson.

    Off the origin, like the paper's 1D target, because a freshly initialised G
    puts its samples near 0: there is a visible distance to cover.
    """
    return GaussianMixture([[1.0, 1.0]], 0.5, bounds=[[-3.0, 3.0], [-3.0, 3.0]], name="gaussian2d")


def ring8() -> GaussianMixture:
    """8 equal Gaussians evenly on a circle of radius 2, std 0.02 each.

    The mode-collapse benchmark of Metz et al. (2017, Unrolled GANs) and
    Srivastava et al. (2017, VEEGAN), who use radius 1 and std 0.01 (the same
    ratio, 100); this size is the one of the toy in Gulrajani et al. (2017,
    WGAN-GP). Centres at angles 2 pi i / 8, i = 0..7.
    """
    angles = 2 * math.pi * np.arange(8) / 8
    centres = 2.0 * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    return GaussianMixture(centres, 0.02, bounds=[[-3.0, 3.0], [-3.0, 3.0]], name="ring8")


def grid25() -> GaussianMixture:
    """25 equal Gaussians on the grid {-4, -2, 0, 2, 4}^2, std 0.05 each.

    The second benchmark of VEEGAN (Srivastava et al. 2017) and PacGAN (Lin et
    al. 2018), and the "25 Gaussians" toy of WGAN-GP (Gulrajani et al. 2017).
    """
    ticks = np.arange(-4.0, 4.5, 2.0)
    centres = np.stack(np.meshgrid(ticks, ticks), axis=-1).reshape(-1, 2)
    return GaussianMixture(centres, 0.05, bounds=[[-5.5, 5.5], [-5.5, 5.5]], name="grid25")


def spiral(components: int = 100) -> GaussianMixture:
    """A spiral: ``components`` Gaussians of std 0.1 spaced evenly along a curve.

    The curve is the 2D "Swiss roll" of scikit-learn's ``make_swiss_roll``
    (t cos t, t sin t) for t in [1.5 pi, 4.5 pi], used as a toy by Gulrajani et
    al. (2017, WGAN-GP), scaled so its outer end lies at radius 2.5. Centres are
    evenly spaced in arc length (about 0.16 apart, closer than the std's 2x), so
    the density is an even ridge, not a string of beads.
    """
    t = np.linspace(1.5 * math.pi, 4.5 * math.pi, 20_001)
    curve = (2.5 / t[-1]) * np.stack([t * np.cos(t), t * np.sin(t)], axis=1)
    centres = _evenly_along(curve, components)
    return GaussianMixture(centres, 0.1, bounds=[[-3.0, 3.0], [-3.0, 3.0]], name="spiral")


def moons(components_per_moon: int = 50) -> GaussianMixture:
    """Two interleaving half circles, as scikit-learn's ``make_moons``, of small Gaussians (std 0.1).

    The upper moon is (cos t, sin t), the lower one (1 - cos t, 1/2 - sin t), t
    in [0, pi]; both are centred on the origin and scaled by 1.5, so they fill
    about [-2.3, 2.3] x [-1.1, 1.1].
    """
    t = np.linspace(0.0, math.pi, components_per_moon)
    upper = np.stack([np.cos(t), np.sin(t)], axis=1)
    lower = np.stack([1.0 - np.cos(t), 0.5 - np.sin(t)], axis=1)
    centres = 1.5 * (np.concatenate([upper, lower]) - [0.5, 0.25])
    return GaussianMixture(centres, 0.1, bounds=[[-3.0, 3.0], [-3.0, 3.0]], name="moons")


def _evenly_along(curve: np.ndarray, n: int) -> np.ndarray:
    """``n`` points evenly spaced in arc length along a finely sampled curve (rows are points)."""
    steps = np.linalg.norm(np.diff(curve, axis=0), axis=1)
    arc = np.concatenate([[0.0], np.cumsum(steps)])
    wanted = np.linspace(0.0, arc[-1], n)
    return np.stack([np.interp(wanted, arc, curve[:, i]) for i in range(curve.shape[1])], axis=1)


DISTRIBUTIONS = {
    "gaussian": gaussian,
    "bimodal": bimodal,
    "gaussian2d": gaussian2d,
    "ring8": ring8,
    "grid25": grid25,
    "spiral": spiral,
    "moons": moons,
}


def get_distribution(name: str):
    """The target called ``name`` (one of ``DISTRIBUTIONS``), freshly built."""
    try:
        return DISTRIBUTIONS[name]()
    except KeyError:
        raise ValueError(f"unknown distribution {name!r}; choose one of {', '.join(DISTRIBUTIONS)}") from None


def targets_of_dim(dim: int) -> list[str]:
    """Names of the targets in ``DISTRIBUTIONS`` that live in ``dim`` dimensions, in table order."""
    return [name for name, build in DISTRIBUTIONS.items() if build().dim == dim]
