"""Target distributions p_data with exact densities.

Every target answers two questions:

* ``sample(n, generator, device)`` -- draw a minibatch ``x ~ p_data`` as a float32
  tensor of shape ``(n, dim)``, for training;
* ``pdf(x)`` -- the exact density at points ``x`` (a float64 NumPy array of shape
  ``(n, dim)``, or ``(n,)`` in 1D), for the metrics and the pictures.

They also carry ``bounds``, the window a picture of them should show, one
``(low, high)`` row per dimension. Callers look targets up by name with
``get_distribution(name)``; new targets (the 2D ones) are added to ``DISTRIBUTIONS``
without changing any caller.
"""

from __future__ import annotations

import math

import numpy as np
import torch


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

    def sample(self, n: int, generator: torch.Generator | None = None, device="cpu") -> torch.Tensor:
        """Draw ``n`` points as a float32 tensor of shape ``(n, dim)``."""
        means, stds, weights = self._tensors(device)
        noise = torch.randn(n, self.dim, generator=generator, device=device)
        if len(weights) == 1:
            return means[0] + stds[0] * noise
        comp = torch.multinomial(weights, n, replacement=True, generator=generator)
        return means[comp] + stds[comp, None] * noise

    def log_pdf(self, x) -> np.ndarray:
        """Exact log-density at ``x`` (shape ``(n, dim)``, or ``(n,)`` in 1D)."""
        x = np.asarray(x, dtype=np.float64).reshape(-1, self.dim)
        with np.errstate(over="ignore"):
            sq = ((x[:, None, :] - self.means[None, :, :]) ** 2).sum(-1)  # (n, K); inf far away
        log_norm = -self.dim * (np.log(self.stds) + 0.5 * math.log(2 * math.pi))
        with np.errstate(divide="ignore"):
            terms = np.log(self.weights) + log_norm - 0.5 * sq / self.stds**2
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


DISTRIBUTIONS = {
    "gaussian": gaussian,
    "bimodal": bimodal,
}


def get_distribution(name: str):
    """The target called ``name`` (one of ``DISTRIBUTIONS``), freshly built."""
    try:
        return DISTRIBUTIONS[name]()
    except KeyError:
        raise ValueError(f"unknown distribution {name!r}; choose one of {', '.join(DISTRIBUTIONS)}") from None
