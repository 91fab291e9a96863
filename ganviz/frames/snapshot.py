"""Snapshots: what a picture of a 1D run needs, read off a Trainer at one moment.

The view never touches the networks: it draws a ``Snapshot1D``. Data flows one
way, config -> trainer -> snapshot -> figure.

A snapshot only reads: taking one changes nothing in the trainer. Its metrics
row (step, JSD, V(D, G), C(G), losses, ...) goes into ``trainer.history`` when
the caller that shows the frame records it, ``trainer.record(snapshot.metrics)``;
the history is what the charts under the figure and the command line's JSON
lines show.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import torch

from ..measure.metrics import criterion, jsd, optimal_discriminator, pushforward_density_1d, value

MAX_EXTRA_CELLS = 4000  # how far the grid may grow past the window to hold G's outputs


@dataclass
class Snapshot1D:
    """A frozen frame of a 1D run: curves on the window's cells and the z -> x arrows."""

    step: int
    x: np.ndarray  # cell centres across the plotting window
    p_data: np.ndarray  # exact density of the target
    p_g: np.ndarray  # generator's density (see pushforward_density_1d)
    d: np.ndarray  # what the picture shows as D(x)
    d_star: np.ndarray  # D*(x) = p_data / (p_data + p_g)
    z_arrows: np.ndarray  # evenly spaced z (along z's first axis, others 0) ...
    x_arrows: np.ndarray  # ... and where G sends them
    z_range: tuple[float, float]
    prior: str
    loss: str
    d_is_probability: bool
    metrics: dict = field(default_factory=dict)
    # The share of p_g's mass left of the window and right of it (of G's equal-mass quantiles, or of its samples
    # for z_dim > 1): the figure says so when p_g has left the plot.
    outside: tuple[float, float] = (0.0, 0.0)


def take_snapshot(trainer, cells: int = 800, quantiles: int = 8192, arrows: int = 21) -> Snapshot1D:
    """Read the 1D picture and the metrics row off ``trainer`` (a pure read: record the row with ``trainer.record``).

    p_g comes from G itself: G is evaluated at ``quantiles`` equal-mass points of
    the prior and ``pushforward_density_1d`` turns them into a density (exact up
    to the cell averaging; no sampling noise). The metrics are computed on a grid
    with the window's cell size, grown where G puts mass outside the window, so
    no mass is lost from the JSD.
    """
    if trainer.target.dim != 1:
        raise ValueError("take_snapshot draws 1D targets; this target is %dD" % trainer.target.dim)
    lo, hi = trainer.target.bounds[0]
    dx = (hi - lo) / cells
    with torch.no_grad():
        x_q = _generate(trainer, quantiles)
        z_line = np.linspace(*trainer.prior.range, arrows)
        x_line = trainer.G(_z_column(z_line, trainer)).cpu().double().numpy()[:, 0]

    # min() with the cap first: a G that overflows to inf or NaN (a run diverging between two guarded chunks)
    # widens the grid to its cap instead of failing.
    left = max(0, math.ceil(min(MAX_EXTRA_CELLS, (lo - x_q.min()) / dx)))
    right = max(0, math.ceil(min(MAX_EXTRA_CELLS, (x_q.max() - hi) / dx)))
    edges = lo + dx * np.arange(-left, cells + right + 1)
    centres = 0.5 * (edges[1:] + edges[:-1])
    p_data = trainer.target.pdf(centres)
    p_g = pushforward_density_1d(x_q, edges) if trainer.config.z_dim == 1 else _histogram(x_q, edges)
    with torch.no_grad():
        scores = trainer.D(_column(centres, trainer))
        d = trainer.loss.probability(scores.double()).cpu().numpy()  # float64: sigmoid(17) is not 1 yet
    d_star = optimal_discriminator(p_data, p_g)

    d_loss, g_loss = trainer.mean_losses()  # since the last recorded row
    p_norm = p_data / (p_data.sum() * dx)
    metrics = {
        "step": trainer.step,
        "d_steps": trainer.d_steps,
        "jsd": jsd(p_data, p_g, dx),
        "value": value(p_data, p_g, d, dx) if trainer.loss.is_probability else math.nan,
        "criterion": criterion(p_data, p_g, dx),
        "d_loss": d_loss,
        "g_loss": g_loss,
        "d_real": float((p_norm * d).sum() * dx),  # E_pdata[D(x)]
        "d_fake": float((p_g * d).sum() * dx),  # E_pg[D(x)]
        "d_gap": float(0.5 * ((p_norm + p_g) * np.abs(d - d_star)).sum() * dx),  # mean |D - D*| under the mixture
    }
    window = slice(left, left + cells)
    return Snapshot1D(
        step=trainer.step,
        x=centres[window],
        p_data=p_data[window],
        p_g=p_g[window],
        d=d[window],
        d_star=d_star[window],
        z_arrows=z_line,
        x_arrows=x_line,
        z_range=tuple(trainer.prior.range),
        prior=trainer.prior.name,
        loss=trainer.loss.name,
        d_is_probability=trainer.loss.is_probability,
        metrics=metrics,
        outside=(float(np.mean(x_q < lo)), float(np.mean(x_q > hi))),
    )


def _column(values, trainer) -> torch.Tensor:
    return torch.as_tensor(values, dtype=torch.float32, device=trainer.device).reshape(-1, 1)


def _z_column(z_first, trainer) -> torch.Tensor:
    """Noise vectors whose first coordinate is ``z_first`` and any others 0 (the arrows follow z's first axis)."""
    z = torch.zeros(len(z_first), trainer.config.z_dim, device=trainer.device)
    z[:, 0] = torch.as_tensor(z_first, dtype=torch.float32, device=trainer.device)
    return z


def _generate(trainer, n: int) -> np.ndarray:
    """G at n equal-mass points of a 1D prior, or at n samples of a higher-dimensional one."""
    if trainer.config.z_dim == 1:
        z = _column(trainer.prior.quantiles(n), trainer)
    else:
        z = trainer.prior.sample(16 * n, trainer.config.z_dim, torch.Generator(trainer.device).manual_seed(0), trainer.device)
    return trainer.G(z).cpu().double().numpy()[:, 0]


def _histogram(x, edges) -> np.ndarray:
    """Fallback for z_dim > 1: a histogram of many samples (noisier than the quantile estimate)."""
    counts, _ = np.histogram(np.clip(x, edges[0], edges[-1]), edges)
    return counts / (len(x) * np.diff(edges))
