"""Noise priors p_z(z) that the generator maps into data space.

The paper samples z uniformly; a standard normal is the other common choice.
Each prior draws minibatches (``sample``) and, for the 1D pictures and the
p_g estimate, gives equal-probability-mass points (``quantiles``): point i is
the (i + 1/2)/n quantile, so each carries probability mass 1/n. ``stratified=True``
draws a Latin hypercube instead of independent points (``strata.py``).
"""

from __future__ import annotations

import numpy as np
import torch

from .strata import latin_hypercube, normal_quantiles


class UniformPrior:
    """z ~ U(-1, 1) in each coordinate, as in Goodfellow et al. (2014)."""

    name = "uniform"
    range = (-1.0, 1.0)  # where a picture of z should look

    def sample(self, n: int, dim: int, generator=None, device="cpu", stratified: bool = False) -> torch.Tensor:
        if stratified:
            return latin_hypercube(n, dim, generator, device) * 2.0 - 1.0
        return torch.rand(n, dim, generator=generator, device=device) * 2.0 - 1.0

    def quantiles(self, n: int) -> np.ndarray:
        return 2.0 * (np.arange(n) + 0.5) / n - 1.0


class NormalPrior:
    """z ~ N(0, I)."""

    name = "normal"
    range = (-3.0, 3.0)  # 99.7% of the mass

    def sample(self, n: int, dim: int, generator=None, device="cpu", stratified: bool = False) -> torch.Tensor:
        if stratified:
            return normal_quantiles(latin_hypercube(n, dim, generator, device))
        return torch.randn(n, dim, generator=generator, device=device)

    def quantiles(self, n: int) -> np.ndarray:
        u = torch.as_tensor((np.arange(n) + 0.5) / n, dtype=torch.float64)
        return torch.special.ndtri(u).numpy()


PRIORS = {"uniform": UniformPrior, "normal": NormalPrior}


def get_prior(name: str):
    """The prior called ``name`` (``uniform`` or ``normal``)."""
    try:
        return PRIORS[name]()
    except KeyError:
        raise ValueError(f"unknown noise prior {name!r}; choose one of {', '.join(PRIORS)}") from None
