"""A discriminator network trained against a fixed p_g: Proposition 1, learned.

This is Algorithm 1's inner loop with G frozen, except that p_g is a density
with a sampler (a ``GaussianMixture``), not a network, so the only thing that
learns is D. D ascends V(D, G) by minimising the log loss (the minimax D loss);
by Proposition 1 it should approach D* = p_data / (p_data + p_g). How close it
gets is ``mean_gap``: mean |D - D*| under (p_data + p_g)/2.
"""

from __future__ import annotations

import numpy as np
import torch

from ..core.losses import Minimax
from ..measure.metrics import optimal_discriminator, value
from ..core.models import Discriminator
from ..measure.theory import Grid1D, mean_gap
from ..core.trainer import DivergenceError, Plateau


class DiscriminatorFit:
    """Train D(x) to tell samples of ``p_data`` from samples of ``p_g``, both held fixed."""

    def __init__(self, p_data, p_g, width: int = 32, depth: int = 2, lr: float = 2e-3, batch: int = 256,
                 seed: int = 0):
        self.p_data, self.p_g, self.batch = p_data, p_g, batch
        self.rng = torch.Generator().manual_seed(seed)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            self.D = Discriminator(1, width, depth)
        self.opt = torch.optim.Adam(self.D.parameters(), lr=lr, betas=(0.5, 0.999))
        self.loss = Minimax()
        self.steps = 0
        self.plateau = Plateau(tol=1e-3, patience=10, min_windows=30)  # windows of ~10 steps are noisy
        self.history: list[dict] = []  # one row per ``measure``

    def train(self, steps: int) -> float:
        """``steps`` updates of D on fresh minibatches; returns their mean loss (-V estimate)."""
        losses = []
        for _ in range(steps):
            real = self.p_data.sample(self.batch, self.rng)
            fake = self.p_g.sample(self.batch, self.rng)
            loss = self.loss.d_loss(self.D, real, fake)
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            self.opt.step()
            losses.append(loss.detach())
        self.steps += steps
        mean = float(torch.stack(losses).mean())
        if not np.isfinite(mean):
            raise DivergenceError("The discriminator's loss became NaN or infinite: reset and try again.")
        return mean

    def converged(self, mean_loss: float) -> bool:
        """Feed the mean loss of a window of steps; True once it has stopped improving."""
        return self.plateau.update(mean_loss)

    def d_on(self, x) -> np.ndarray:
        """D(x) at points ``x`` (a 1D array), as probabilities."""
        with torch.no_grad():
            s = self.D(torch.as_tensor(np.asarray(x), dtype=torch.float32).reshape(-1, 1))
            return torch.sigmoid(s).double().numpy()

    def measure(self, grid: Grid1D) -> dict:
        """D, D* and how far apart they are on ``grid``; the scalar part is appended to ``history``."""
        pd, pg = self.p_data.pdf(grid.x), self.p_g.pdf(grid.x)
        d, d_star = self.d_on(grid.x), optimal_discriminator(pd, pg)
        row = {"steps": self.steps, "gap": mean_gap(d, d_star, pd, pg, grid.dx),
               "value": value(pd, pg, d, grid.dx), "value_star": value(pd, pg, d_star, grid.dx)}
        if not self.history or self.history[-1]["steps"] != self.steps:
            self.history.append(row)
        return {**row, "d": d, "d_star": d_star}
