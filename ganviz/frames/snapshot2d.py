"""The metrics row of a 2D run, read off a Trainer from a fixed set of G's samples.

In 1D, ``take_snapshot`` gets p_g exactly from G. In 2D, p_g is estimated from
samples (``density2d``), and the mode-collapse benchmarks also count modes from
samples (``modes``). The samples come from a generator of random numbers of
their own, seeded with ``METRICS_SEED``: measuring draws nothing from the
trainer's generator, so a run with metrics is the same run as one without, and
every row uses the same noise z, so rows differ only because G changed.
Measuring only reads: the caller that shows a row records it in the trainer's
history, ``trainer.record(row)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import torch

from ..measure.density2d import compare_2d, grid_2d
from ..measure.modes import N_SAMPLES, has_modes, mode_metrics

METRICS_SEED = 0
STAR_CELLS = 64  # cells per axis of the D* panel's grid


def generated_samples(trainer, n: int = N_SAMPLES, seed: int = METRICS_SEED) -> np.ndarray:
    """``n`` samples G(z), z ~ p_z drawn from a generator seeded with ``seed``, as a float64 (n, dim) array."""
    return _generated(trainer, n, seed)[1]


def real_samples(trainer, n: int = N_SAMPLES) -> torch.Tensor:
    """The ``n`` samples of p_data the metrics row measures D on, from their own seeded generator (float32, on the
    trainer's device)."""
    return trainer.target.sample(n, torch.Generator(device=trainer.device).manual_seed(METRICS_SEED + 1), trainer.device)


def _generated(trainer, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The noise z (float32, as G gets it) and ``generated_samples``'s G(z) (float64)."""
    rng = torch.Generator(device=trainer.device).manual_seed(seed)
    with torch.no_grad():
        z = trainer.prior.sample(n, trainer.config.z_dim, rng, trainer.device)
        return z.cpu().numpy(), trainer.G(z).cpu().double().numpy()


def metrics_2d(trainer, n: int = N_SAMPLES) -> dict:
    """The metrics row of a 2D run, from ``n`` generated and ``n`` real samples (a pure read: ``trainer.record`` it).

    * ``jsd``: JSD between p_data and p_g smoothed the same way (``density2d``),
      in nats; ``criterion`` = C(G) = -log 4 + 2 jsd (Theorem 1) on those densities;
      ``outside``: the share of p_g's smoothed mass outside the target's window.
    * ``value``: V(D, G) estimated by averages over the samples,
      mean log D(x_real) + mean log(1 - D(G(z))); NaN when D is not a probability.
    * ``d_real``, ``d_fake``: mean D(x) over the real and the generated samples.
    * ``d_loss``, ``g_loss``: mean losses since the last recorded row.
    * ``modes``, ``hq``: modes covered and high-quality fraction (``modes``), for
      the mode-collapse benchmarks only; ``mode_counts``: HQ samples per mode.
    """
    return _metrics_and_samples(trainer, n)[0]


def _metrics_and_samples(trainer, n: int) -> tuple[dict, np.ndarray, np.ndarray]:
    """``metrics_2d``'s row, the generated samples it was measured on and their noise z."""
    if trainer.target.dim != 2:
        raise ValueError("metrics_2d measures 2D targets; this target is %dD" % trainer.target.dim)
    z, fake = _generated(trainer, n, METRICS_SEED)
    real = real_samples(trainer, n)
    with torch.no_grad():
        d_real = trainer.loss.probability(trainer.D(real).double()).cpu().numpy()
        d_fake = trainer.loss.probability(trainer.D(torch.as_tensor(fake, dtype=torch.float32, device=trainer.device)).double()).cpu().numpy()
    comparison = compare_2d(fake, trainer.target)
    d_loss, g_loss = trainer.mean_losses()  # since the last recorded row
    with np.errstate(divide="ignore"):
        value = float(np.log(d_real).mean() + np.log1p(-d_fake).mean()) if trainer.loss.is_probability else math.nan
    metrics = {
        "step": trainer.step,
        "d_steps": trainer.d_steps,
        "jsd": comparison.jsd,
        "value": value,
        "criterion": -math.log(4.0) + 2.0 * comparison.jsd,
        "d_loss": d_loss,
        "g_loss": g_loss,
        "d_real": float(d_real.mean()),
        "d_fake": float(d_fake.mean()),
        "outside": comparison.outside_g,
    }
    if has_modes(trainer.target):
        counted = mode_metrics(fake, trainer.target)
        metrics.update(modes=counted["modes"], hq=counted["hq"], mode_counts=counted["counts"])
    return metrics, fake, z


@dataclass
class Snapshot2D:
    """A frozen frame of a 2D run: what the 2D page draws, read off a Trainer at one moment."""

    step: int
    bounds: np.ndarray  # [[x_low, x_high], [y_low, y_high]], the target's window
    real: np.ndarray  # (n, 2) samples of p_data (the same ones every frame)
    fake: np.ndarray  # (n, 2) G(z) for a fixed batch of z: the same z every frame, so points can be followed
    heat_xs: np.ndarray  # (cells,) column centres of the D heatmap
    heat_ys: np.ndarray  # (cells,) row centres
    d: np.ndarray  # (cells, cells) D(x) on the heatmap grid, [row = y, column = x]
    star_xs: np.ndarray  # column centres of the D* grid
    star_ys: np.ndarray
    d_star: np.ndarray  # D* = p_data / (p_data + p_g) with both smoothed the same way (see density2d)
    star_mass: np.ndarray  # p_data + p_g on the D* grid: D* means nothing where this is ~0
    manifold: list  # polylines (m, 2): lines of the z grid pushed through G
    arrow_from: np.ndarray  # (a, 2) a subset of ``fake`` ...
    arrow_to: np.ndarray  # ... and where G's gradient would move each one (length scaled for the eye)
    d_is_probability: bool
    loss: str
    metrics: dict = field(default_factory=dict)
    fake_z: np.ndarray | None = None  # (n, z_dim) float32: the noise of ``fake``, fake[i] = G(fake_z[i])
    manifold_z: list = field(default_factory=list)  # (m, z_dim) float32: the z grid lines, manifold[j] = G(manifold_z[j])
    # G's manifold as cells (z_dim >= 2; empty otherwise): the z grid's nodes pushed through G, nodes[i, j] =
    # G(z) at z's first two coordinates (u_i, u_j) (others 0), and each cell's local stretch |det dG/dz| (over
    # those two coordinates) at its centre, stretch[i, j] between nodes i, i+1 and j, j+1: how many times its
    # area G multiplies (GAN Lab shades its manifold's cells by it).
    manifold_nodes: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 2)))
    stretch: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    z_square: float = 0.0  # the area of the z square those cells tile (the prior's range, squared)


def take_snapshot_2d(trainer, n_show: int = 1500, heat_cells: int = 48, star_cells: int = STAR_CELLS,
                     grid_lines: int = 11, arrows: int = 40) -> Snapshot2D:
    """Read the 2D picture and the metrics row off ``trainer`` (a pure read: record the row with ``trainer.record``).

    The manifold is G applied to a grid in z space: for ``z_dim = 1`` the one
    curve G(z) over the prior's range; otherwise ``grid_lines`` lines along each
    of z's first two axes (the other coordinates 0), as GAN Lab draws it. The
    arrows show -d(G's loss)/dx at generated points: where one G step would
    push each sample, drawn with lengths relative to the longest.
    """
    if trainer.target.dim != 2:
        raise ValueError("take_snapshot_2d draws 2D targets; this target is %dD" % trainer.target.dim)
    metrics, measured, measured_z = _metrics_and_samples(trainer, N_SAMPLES)
    bounds = np.asarray(trainer.target.bounds, dtype=np.float64)
    # The points shown are the first of those the metrics were measured on: the same z every frame, one G pass less.
    if n_show <= len(measured):
        fake, fake_z = measured[:n_show], measured_z[:n_show]
    else:
        fake_z, fake = _generated(trainer, n_show, METRICS_SEED + 2)
    real_rng = torch.Generator(device=trainer.device).manual_seed(METRICS_SEED + 3)
    real = trainer.target.sample(n_show, real_rng, trainer.device).cpu().double().numpy()
    heat = grid_2d(bounds, heat_cells)
    with torch.no_grad():
        centres = torch.from_numpy(heat.centres.astype(np.float32)).to(trainer.device)  # a copy: the grid is shared
        d = trainer.loss.probability(trainer.D(centres)).cpu().double().numpy().reshape(heat_cells, heat_cells)
    star = compare_2d(measured, trainer.target, cells=star_cells)  # the samples the metrics row was measured on
    arrow_from, arrow_to = _gradient_arrows(trainer, fake[:arrows], bounds)
    manifold_z, manifold = _manifold(trainer, grid_lines)
    nodes, stretch = manifold_stretch(trainer, grid_lines)
    return Snapshot2D(
        step=trainer.step, bounds=bounds, real=real, fake=fake, heat_xs=heat.xs, heat_ys=heat.ys, d=d,
        star_xs=star.xs, star_ys=star.ys, d_star=star.d_star, star_mass=(star.p_data + star.p_g) * star.cell_area,
        manifold=manifold, arrow_from=arrow_from, arrow_to=arrow_to,
        d_is_probability=trainer.loss.is_probability, loss=trainer.config.loss, metrics=metrics,
        fake_z=fake_z, manifold_z=manifold_z, manifold_nodes=nodes, stretch=stretch,
        z_square=float(np.ptp(trainer.prior.range)) ** 2,
    )


def _manifold(trainer, lines: int, points: int = 80) -> tuple[list, list]:
    """The z grid's lines (float32, as G gets them) and the same lines pushed through G (float64)."""
    lo, hi = trainer.prior.range
    z_dim = trainer.config.z_dim
    t = np.linspace(lo, hi, points if z_dim > 1 else 400)
    if z_dim == 1:
        zs = [t[:, None]]
    else:
        zs = []
        for u in np.linspace(lo, hi, lines):
            for axis in (0, 1):
                z = np.zeros((len(t), z_dim))
                z[:, axis], z[:, 1 - axis] = t, u
                zs.append(z)
    with torch.no_grad():
        batch = torch.as_tensor(np.concatenate(zs), dtype=torch.float32, device=trainer.device)
        xs = trainer.G(batch).cpu().double().numpy()
    return np.split(batch.cpu().numpy(), len(zs)), np.split(xs, len(zs))


def manifold_stretch(trainer, lines: int) -> tuple[np.ndarray, np.ndarray]:
    """G at the nodes of a ``lines`` x ``lines`` grid over z's first two coordinates (the others 0), shape
    (lines, lines, 2), and |det dG/dz| at the centre of each of its cells, shape (lines - 1, lines - 1).

    The Jacobian is G's own, by autograd (one backward pass per output coordinate; G maps each z on its own,
    so the gradient of a sum over the batch is each sample's), exact up to float32. A 1-d z has no cells:
    both arrays are empty.
    """
    z_dim = trainer.config.z_dim
    if z_dim < 2:
        return np.zeros((0, 0, 2)), np.zeros((0, 0))
    lo, hi = trainer.prior.range
    u = np.linspace(lo, hi, lines)
    centres = 0.5 * (u[1:] + u[:-1])

    def grid(values):
        z = np.zeros((len(values), len(values), z_dim))
        z[..., 0], z[..., 1] = np.meshgrid(values, values, indexing="ij")
        return torch.as_tensor(z.reshape(-1, z_dim), dtype=torch.float32, device=trainer.device)

    with torch.no_grad():
        nodes = trainer.G(grid(u)).cpu().double().numpy().reshape(lines, lines, 2)
    z = grid(centres).requires_grad_(True)
    x = trainer.G(z)
    rows = [torch.autograd.grad(x[:, k].sum(), z, retain_graph=k == 0)[0][:, :2] for k in range(2)]
    jacobian = torch.stack(rows, dim=1).detach().cpu().double().numpy()  # (cells, 2 outputs, 2 inputs)
    det = jacobian[:, 0, 0] * jacobian[:, 1, 1] - jacobian[:, 0, 1] * jacobian[:, 1, 0]
    return nodes, np.abs(det).reshape(lines - 1, lines - 1)


def _gradient_arrows(trainer, points, bounds, longest: float = 0.08):
    """-d(G's loss)/dx at ``points``, scaled so the longest arrow is ``longest`` of the window's width."""
    x = torch.as_tensor(points, dtype=torch.float32, device=trainer.device).requires_grad_(True)
    trainer.D.requires_grad_(False)
    try:
        loss = trainer.loss.g_loss(trainer.D, x) * len(points)  # per-sample gradients, not divided by n
        (grad,) = torch.autograd.grad(loss, x)
    finally:
        trainer.D.requires_grad_(True)
    step = -grad.cpu().double().numpy()
    norm = np.linalg.norm(step, axis=1).max()
    scale = longest * float(bounds[0, 1] - bounds[0, 0]) / norm if norm > 0 and np.isfinite(norm) else 0.0
    return np.asarray(points, dtype=np.float64), np.asarray(points, dtype=np.float64) + scale * step
