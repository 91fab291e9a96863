"""Proposition 2, run: descend C(G) in p_g's own space and it reaches p_data; descend it in G's weights and it may not.

The paper's Proposition 2: if D reaches D* at every step and p_g itself is
updated to improve C(G) = sup_D V(D, G), then p_g converges to p_data, because
C is convex in p_g (a supremum of functions linear in p_g). In practice we
update G's parameters θ, not p_g, and C is not convex in θ: the argument says
nothing there, though it works well enough in practice. Both runs here use the
exact D* of each step (no D network), from the same starting p_g:

* ``FunctionSpaceRun``: p_g is a density on the grid. The derivative of C with
  respect to p_g(x) is log(1 - D*(x)) = log(p_g / (p_data + p_g)) (D* held
  fixed, which is allowed at the optimum), and a mirror-descent step in that
  direction keeps p_g a density: log p_g <- log p_g - η log(1 - D*) - log Z,
  i.e. p_g <- p_g^(1-η) (p_data + p_g)^η / Z. At η = 1 this is
  p_g <- (p_data + p_g)/2, which at least halves the JSD each step.
* ``ParametricRun``: p_g is the push-forward of the uniform prior through an MLP
  G_θ, measured on the grid from equal-mass points of the prior (no sampling
  noise) and differentiable in θ, so θ takes Adam steps down C(θ) itself: the
  same objective, the same exact D*, only the space of the descent differs.
"""

from __future__ import annotations

import numpy as np
import torch

from ..core.models import Generator
from ..core.priors import UniformPrior
from ..measure.metrics import criterion
from ..measure.theory import Grid1D

FLOOR = 1e-300  # a density below this counts as this in logs, so log p_g stays finite where p_g underflows


def function_space_step(p_data: np.ndarray, p_g: np.ndarray, dx: float, rate: float) -> np.ndarray:
    """One mirror-descent step of C(G) in p_g: p_g^(1-rate) (p_data + p_g)^rate, normalised on the grid."""
    if not 0.0 < rate <= 1.0:
        raise ValueError(f"the step size must be in (0, 1] (got {rate!r})")
    log_p = (1.0 - rate) * np.log(np.maximum(p_g, FLOOR)) + rate * np.log(np.maximum(p_data + p_g, FLOOR))
    new = np.exp(log_p - log_p.max())
    return new / (new.sum() * dx)


class FunctionSpaceRun:
    """p_g itself, descending C(G) = V(D*, G) by mirror-descent steps of size ``rate``."""

    def __init__(self, p_data: np.ndarray, p_g: np.ndarray, grid: Grid1D, rate: float = 0.2):
        self.p_data, self.grid, self.rate = np.asarray(p_data, dtype=np.float64), grid, rate
        self.p_g = np.asarray(p_g, dtype=np.float64) / (np.sum(p_g) * grid.dx)
        self.step = 0

    def train(self, steps: int = 1) -> None:
        for _ in range(steps):
            self.p_g = function_space_step(self.p_data, self.p_g, self.grid.dx, self.rate)
            self.step += 1

    @property
    def criterion(self) -> float:
        return criterion(self.p_data, self.p_g, self.grid.dx)


class ParametricRun:
    """An MLP G_θ(z), z ~ U(-1, 1), descending C(θ) = V(D*, G_θ) itself (Adam on θ), D* exact at every step."""

    def __init__(self, p_data: np.ndarray, grid: Grid1D, width: int = 32, depth: int = 2, lr: float = 3e-3,
                 offset: float = 0.0, seed: int = 0, points: int = 1000):
        self.grid = grid
        self.p_data = torch.as_tensor(np.asarray(p_data, dtype=np.float64) / (np.sum(p_data) * grid.dx))
        torch.manual_seed(seed)
        self.G = Generator(1, 1, width, depth).double()
        with torch.no_grad():
            self.G.net[-1].bias += offset  # starts p_g away from the data, as the Figure 1 page's g_offset does
        self.opt = torch.optim.Adam(self.G.parameters(), lr=lr, betas=(0.5, 0.999))
        self.z = torch.as_tensor(UniformPrior().quantiles(points), dtype=torch.float64)[:, None]
        self.edges = torch.as_tensor(np.concatenate([grid.x - grid.dx / 2, [grid.x[-1] + grid.dx / 2]]))
        self.step = 0
        with torch.no_grad():
            self._p_g = self._density()

    def _density(self) -> torch.Tensor:
        """p_g on the grid's cells, differentiable in θ: the mass 1/(n-1) between neighbouring G(z_i), spread evenly.

        The same model of the push-forward as ``pushforward_density_1d`` (a segment narrower than a twentieth
        of a cell is widened to that, so that a collapsed G is a spike, not a division by zero); mass beyond
        the grid is lost, as it is for every density the page draws. A cell's mass is F(right) - F(left),
        F(e) = sum_i h_i (relu(e - lo_i) - relu(e - hi_i)): sums over sorted ends, O((n + cells) log n).
        """
        x = self.G(self.z)[:, 0]
        mid, half = (x[1:] + x[:-1]) / 2, ((x[1:] - x[:-1]).abs() / 2).clamp(min=self.grid.dx / 40)
        height = 1.0 / (2 * half * (len(x) - 1))
        cdf = _relu_sum(mid - half, height, self.edges) - _relu_sum(mid + half, height, self.edges)
        return (cdf[1:] - cdf[:-1]).clamp(min=0) / self.grid.dx  # rounding can leave -1e-16 in an empty cell

    def _criterion(self, p_g: torch.Tensor) -> torch.Tensor:
        """C = int p_data log(p_data / (p_data + p_g)) + p_g log(p_g / (p_data + p_g)) dx, on the grid."""
        total = self.p_data + p_g
        # x log x has slope log x, -inf at an empty cell: the logs read at least FLOOR, so that slope stays finite
        return (torch.xlogy(self.p_data, self.p_data) + torch.xlogy(p_g, p_g.clamp(min=FLOOR))
                - torch.xlogy(total, total.clamp(min=FLOOR))).sum() * self.grid.dx

    def train(self, steps: int = 1) -> None:
        for _ in range(steps):
            loss = self._criterion(self._density())
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            with torch.no_grad():
                self._p_g = self._density()
            self.step += 1

    @property
    def p_g(self) -> np.ndarray:
        return self._p_g.numpy()

    @property
    def criterion(self) -> float:
        return criterion(self.p_data.numpy(), self.p_g, self.grid.dx)


def _relu_sum(starts: torch.Tensor, heights: torch.Tensor, at: torch.Tensor) -> torch.Tensor:
    """sum_i heights_i * relu(at - starts_i) at each of ``at``, as at * H - HL over the starts below ``at``."""
    order = torch.argsort(starts.detach())
    s, h = starts[order], heights[order]
    zero = torch.zeros(1, dtype=s.dtype)
    cum_h, cum_hs = torch.cat([zero, h.cumsum(0)]), torch.cat([zero, (h * s).cumsum(0)])
    below = torch.searchsorted(s.detach(), at)
    return at * cum_h[below] - cum_hs[below]
