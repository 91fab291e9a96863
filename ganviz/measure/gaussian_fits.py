"""Why GANs drop modes and maximum likelihood blurs them: one Gaussian fitted to a two-mode target, three ways.

q = N(μ, σ²) is fitted to a 1D density p on a grid by minimising one divergence:

* forward KL(p || q), which maximum likelihood minimises (a VAE's ELBO bounds
  the same likelihood): q must cover every place p has mass, so it spreads over
  both modes and puts mass in the empty gap between them (mean-seeking). For a
  Gaussian q the optimum is moment matching: μ and σ² are p's mean and variance.
* reverse KL(q || p): q is punished for mass where p has none, so it settles
  on one mode and ignores the other (mode-seeking).
* JSD(p || q), what the GAN criterion C(G) = -log 4 + 2 JSD measures at D = D*
  (Theorem 1): bounded and symmetric, in between. Measured on two modes of std
  0.5: with weights 0.7/0.3 it settles on the heavier mode once the modes are 3
  apart, like reverse KL; with equal weights it still covers both at 4 apart
  (JSD 0.200 against 0.216 on one mode) and picks one at 6.

Each fit starts from a coarse search over (μ, σ) (so that reverse KL's and the
JSD's local optima, one per mode, are compared, not just the nearest) and is
polished by L-BFGS on (μ, log σ) with the integrals as sums over the grid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

DIVERGENCES = ("forward_kl", "reverse_kl", "jsd")
FLOOR = 1e-300


@dataclass(frozen=True)
class GaussianFit:
    divergence: str
    mean: float
    std: float
    value: float  # the divergence at the optimum, nats

    def pdf(self, x) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        return np.exp(-0.5 * ((x - self.mean) / self.std) ** 2) / (self.std * math.sqrt(2 * math.pi))


def divergence(name: str, p: torch.Tensor, q: torch.Tensor, dx: float) -> torch.Tensor:
    """``name`` between densities ``p`` (the target) and ``q`` on cells of size ``dx``; batched over q's rows."""
    log_p, log_q = torch.log(p.clamp(min=FLOOR)), torch.log(q.clamp(min=FLOOR))
    if name == "forward_kl":
        return (p * (log_p - log_q)).sum(-1) * dx
    if name == "reverse_kl":
        return (q * (log_q - log_p)).sum(-1) * dx
    if name == "jsd":
        log_m = torch.log((0.5 * (p + q)).clamp(min=FLOOR))
        return 0.5 * ((p * (log_p - log_m)).sum(-1) + (q * (log_q - log_m)).sum(-1)) * dx
    raise ValueError(f"unknown divergence {name!r}; choose one of {', '.join(DIVERGENCES)}")


def _gaussian(x: torch.Tensor, mean: torch.Tensor, log_std: torch.Tensor) -> torch.Tensor:
    std = torch.exp(log_std)
    return torch.exp(-0.5 * ((x - mean) / std) ** 2) / (std * math.sqrt(2 * math.pi))


def fit_gaussian(p, x, dx: float, name: str) -> GaussianFit:
    """The N(μ, σ²) that minimises divergence ``name`` to the density ``p`` given on the cell centres ``x``."""
    p_t = torch.as_tensor(np.asarray(p, dtype=np.float64) / (np.sum(p) * dx))
    x_t = torch.as_tensor(np.asarray(x, dtype=np.float64))
    low, high = float(x_t[0]), float(x_t[-1])
    # coarse search: means across the grid's middle, widths from 4 cells to half the grid
    means = torch.linspace(low + 0.1 * (high - low), high - 0.1 * (high - low), 61, dtype=torch.float64)
    log_stds = torch.linspace(math.log(4 * dx), math.log(0.25 * (high - low)), 24, dtype=torch.float64)
    mm, ss = torch.meshgrid(means, log_stds, indexing="ij")
    values = divergence(name, p_t, _gaussian(x_t, mm.reshape(-1, 1), ss.reshape(-1, 1)), dx)
    best = int(torch.argmin(values))
    mean, log_std = mm.reshape(-1)[best].clone().requires_grad_(), ss.reshape(-1)[best].clone().requires_grad_()
    opt = torch.optim.LBFGS([mean, log_std], max_iter=200, tolerance_grad=1e-12, tolerance_change=1e-15,
                            line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = divergence(name, p_t, _gaussian(x_t, mean, log_std), dx)
        loss.backward()
        return loss

    opt.step(closure)
    with torch.no_grad():
        value = float(divergence(name, p_t, _gaussian(x_t, mean, log_std), dx))
    return GaussianFit(name, float(mean.detach()), float(torch.exp(log_std.detach())), value)


def fit_all(p, x, dx: float) -> dict[str, GaussianFit]:
    """The three fits, by divergence name."""
    return {name: fit_gaussian(p, x, dx, name) for name in DIVERGENCES}
