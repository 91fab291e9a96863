"""Stratified minibatches: m draws that cover a distribution evenly, each still a draw from it.

Algorithm 1 samples its minibatches independently, so one batch of 128 from a Gaussian holds anywhere from none
to a dozen points beyond two standard deviations, and D's picture of the tails jitters from step to step.
Stratified sampling (a Latin hypercube) cuts [0, 1) into m slices of equal probability, draws one uniform point in
each slice, and puts the m points in a random order; for every coordinate its own random order, so the
coordinates are independent. Each point on its own is uniform on [0, 1), so the minibatch's averages (D's and G's
losses and their gradients) are still unbiased, with a smaller variance: every slice of the distribution, the
tails included, is in every minibatch. Mapped through an inverse CDF, the slices become equal-mass slices of the
noise prior or of a Gaussian.

``TrainConfig.sampling = "stratified"`` uses it for both z and x (``Trainer.noise`` and ``Trainer.real``); the
default "random" is the paper's independent draws.
"""

from __future__ import annotations

import torch

EDGE = 1e-7  # keeps the inverse normal CDF finite at a slice's end (|z| <= 5.2)


def latin_hypercube(n: int, dim: int, generator=None, device="cpu") -> torch.Tensor:
    """``n`` points in [0, 1)^dim: in each coordinate one uniform point in each of the ``n`` slices [i/n, (i+1)/n),
    in a random order of its own."""
    ranks = torch.stack([torch.randperm(n, generator=generator, device=device) for _ in range(dim)], dim=1)
    return (ranks + torch.rand(n, dim, generator=generator, device=device)) / n


def normal_quantiles(u: torch.Tensor) -> torch.Tensor:
    """The standard normal's inverse CDF at ``u`` in [0, 1) (kept finite at 0)."""
    return torch.special.ndtri(u.clamp(EDGE, 1 - EDGE))


def stratified_mixture(weights: torch.Tensor, n: int, dim: int, generator=None,
                       device="cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """For a mixture with component ``weights``: each of ``n`` points' component (a stratified draw, so component k
    gets n w_k points give or take one) and its standard normal noise (n, dim), stratified within its component."""
    u = (torch.arange(n, device=device) + torch.rand(n, generator=generator, device=device)) / n
    cumulative = torch.cumsum(weights, 0)
    comp = torch.searchsorted(cumulative, u, right=True).clamp(max=len(weights) - 1)  # sorted: blocks per component
    counts = torch.bincount(comp, minlength=len(weights))
    starts = torch.cumsum(counts, 0) - counts
    noise = torch.empty(n, dim, device=device)
    for j in range(dim):
        # a random order within each component's block (components stay in their blocks): a Latin hypercube there
        order = torch.argsort(comp + torch.rand(n, generator=generator, device=device))
        rank = torch.empty(n, dtype=torch.long, device=device)
        rank[order] = torch.arange(n, device=device) - starts[comp[order]]
        u_j = (rank + torch.rand(n, generator=generator, device=device)) / counts[comp]
        noise[:, j] = normal_quantiles(u_j)
    shuffle = torch.randperm(n, generator=generator, device=device)  # PacGAN packs neighbours: no blocks
    return comp[shuffle], noise[shuffle]
