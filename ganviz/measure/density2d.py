"""p_g in 2D, estimated from G's samples on a grid, and the JSD and D* it gives.

In 1D, p_g comes from G itself, exactly (``pushforward_density_1d``). In 2D it
has to be estimated from samples, and an estimate from samples is blurred: a
kernel density estimate (KDE) with bandwidth h is p_g convolved with a Gaussian
of std h, not p_g. Compared with the exact p_data, that blur alone would give a
JSD well above 0 even when p_g = p_data (on the ring the modes have std 0.02,
the blur makes them 0.12 wide: a JSD of about 0.5 nats for a perfect G).

So both densities are smoothed *the same way*, by the same two steps:

1. **binning** -- the probability of each grid cell: for p_g the fraction of
   samples that fall in it, for p_data the exact mass of the mixture in it
   (products of normal CDFs, no sampling);
2. **smoothing** -- each cell's mass is spread over its neighbours with a
   Gaussian kernel of std ``bandwidth`` (one matrix product per axis, since a
   round Gaussian is a product of two 1D ones).

When p_g = p_data, step 1 gives p_data's masses on average and step 2 is the
same linear map, so the two grids differ only by sampling noise. What is
compared is then JSD(p_data * K, p_g * K), the divergence between the two
blurred densities. Blurring both with the same kernel can only bring them
closer (the data-processing inequality), so up to sampling noise it is a lower
bound on the true JSD(p_data || p_g); it is near log 2 when G's samples are far
from the data, and its floor when p_g = p_data is set by the sampling noise
(measured on the built-in targets: at most 0.001 nats with 10,000 samples,
0.004 with 2,500; the tests allow 0.005 and 0.02).

Nothing is dropped. Samples outside the window (or NaN), and the mass the
kernel spreads past the window's edges, go to one extra cell, "outside", that
the JSD counts like any other; ``Comparison2D.outside_g`` reports it.

Grids are indexed ``[row, column] = [y, x]``, as an image or a heatmap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import torch

from .metrics import jsd, optimal_discriminator

CELLS = 128  # cells per axis
BANDWIDTH_FRACTION = 0.02  # default bandwidth: 2% of the window's width (0.12 on [-3, 3], 0.22 on [-5.5, 5.5])


class Grid2D(NamedTuple):
    """A window cut into cells x cells equal cells."""

    xs: np.ndarray  # (cells,) centres of the columns
    ys: np.ndarray  # (cells,) centres of the rows
    centres: np.ndarray  # (cells * cells, 2) every cell's centre (x, y), row by row: reshape values to (cells, cells)
    cell_area: float


def grid_2d(bounds, cells: int = CELLS) -> Grid2D:
    """The cells of the window ``bounds`` = [[x_low, x_high], [y_low, y_high]].

    Computed once per (window, cells) and kept (a live 2D frame asks for several grids); its arrays are read-only.
    """
    return _grid(tuple(map(float, np.asarray(bounds, dtype=np.float64).ravel())), int(cells))


@lru_cache(maxsize=32)
def _grid(bounds: tuple, cells: int) -> Grid2D:
    (x_edges, y_edges) = _edges(bounds, cells)
    xs, ys = 0.5 * (x_edges[1:] + x_edges[:-1]), 0.5 * (y_edges[1:] + y_edges[:-1])
    centres = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    for a in (xs, ys, centres):
        a.flags.writeable = False
    return Grid2D(xs, ys, centres, float(np.diff(x_edges)[0] * np.diff(y_edges)[0]))


def default_bandwidth(bounds) -> float:
    """2% of the window's mean side: wide enough to smooth a few thousand samples, narrow enough to keep modes apart."""
    bounds = np.asarray(bounds, dtype=np.float64).reshape(2, 2)
    return BANDWIDTH_FRACTION * float(np.mean(bounds[:, 1] - bounds[:, 0]))


# ----- step 1: binning ----------------------------------------------------------------
def bin_samples(samples, bounds, cells: int = CELLS, weights=None) -> tuple[np.ndarray, float]:
    """Fraction of the samples in each cell (cells [low, high) on each axis), and the fraction outside the window.

    With ``weights`` (one per sample), each cell holds the sum of its samples' weights over the number of samples.
    """
    samples = np.asarray(samples, dtype=np.float64).reshape(-1, 2)
    n = len(samples)
    if n == 0:
        raise ValueError("a density estimate needs at least one sample")
    (x_edges, y_edges) = _edges(bounds, cells)
    with np.errstate(invalid="ignore"):  # NaN samples are simply not inside
        col = np.floor((samples[:, 0] - x_edges[0]) / (x_edges[1] - x_edges[0]))
        row = np.floor((samples[:, 1] - y_edges[0]) / (y_edges[1] - y_edges[0]))
        inside = (col >= 0) & (col < cells) & (row >= 0) & (row < cells)
    flat = row[inside].astype(np.int64) * cells + col[inside].astype(np.int64)
    kept = None if weights is None else np.asarray(weights, dtype=np.float64).reshape(-1)[inside]
    masses = np.bincount(flat, weights=kept, minlength=cells * cells).reshape(cells, cells) / n
    return masses, 1.0 - inside.sum() / n


def bin_mixture(target, bounds, cells: int = CELLS) -> tuple[np.ndarray, float]:
    """Exact probability of each cell under a 2D Gaussian mixture, and its mass outside the window.

    A round Gaussian's mass in a rectangle is (mass of the x interval) times
    (mass of the y interval), each a difference of normal CDFs.
    """
    (x_edges, y_edges) = _edges(bounds, cells)
    mx = _interval_masses(x_edges, target.means[:, 0], target.stds)  # (components, cells)
    my = _interval_masses(y_edges, target.means[:, 1], target.stds)
    masses = (my.T * target.weights) @ mx  # [row, col] = sum_k w_k my[k, row] mx[k, col]
    return masses, max(0.0, 1.0 - float(masses.sum()))


def _interval_masses(edges, means, stds) -> np.ndarray:
    z = torch.as_tensor((edges[None, :] - means[:, None]) / stds[:, None], dtype=torch.float64)
    return np.diff(torch.special.ndtr(z).numpy(), axis=1)


# ----- step 2: smoothing --------------------------------------------------------------
def smooth(masses, bounds, bandwidth: float) -> tuple[np.ndarray, float]:
    """Spread each cell's mass over its neighbours with a Gaussian of std ``bandwidth``; also the mass pushed out of the window.

    The kernel is sampled at the cell spacing and normalised to sum to 1 on an
    infinite grid, so no mass is created; what would land past the edges is
    returned as the second value.
    """
    masses = np.asarray(masses, dtype=np.float64)
    rows, cols = masses.shape
    (x_edges, y_edges) = _edges(bounds, cols)
    kx = _kernel_matrix(cols, float(x_edges[1] - x_edges[0]), float(bandwidth))
    ky = _kernel_matrix(rows, float(y_edges[1] - y_edges[0]), float(bandwidth))
    # torch, not NumPy's BLAS: torch keeps to its thread cap, where a multithreaded BLAS spins on a busy machine
    # and makes these two small products many times slower (results/performance-history.md).
    smoothed = (ky @ torch.from_numpy(masses) @ kx.T).numpy()
    return smoothed, max(0.0, float(masses.sum() - smoothed.sum()))


@lru_cache(maxsize=32)
def _kernel_matrix(cells: int, spacing: float, bandwidth: float) -> torch.Tensor:
    """K[i, j]: the share of cell j's mass that goes to cell i."""
    if not bandwidth > 0:
        raise ValueError(f"the bandwidth must be positive (got {bandwidth})")
    reach = int(math.ceil(8 * bandwidth / spacing)) + cells
    weights = np.exp(-0.5 * (np.arange(-reach, reach + 1) * spacing / bandwidth) ** 2)
    weights /= weights.sum()
    offsets = np.arange(cells)[:, None] - np.arange(cells)[None, :]
    return torch.from_numpy(weights[offsets + reach])  # cached: never modified in place


# ----- both steps, and the comparison ------------------------------------------------
def sample_density_2d(samples, bounds, cells: int = CELLS, bandwidth: float | None = None) -> tuple[np.ndarray, float]:
    """Estimated density of ``samples`` on the grid (cells x cells, [y, x]) and its mass outside the window.

    The density is the smoothed cell masses divided by the cell area; it is
    p_g blurred by the kernel, so its peaks are lower and wider than p_g's.
    """
    bandwidth = default_bandwidth(bounds) if bandwidth is None else bandwidth
    masses, outside = bin_samples(samples, bounds, cells)
    smoothed, leaked = smooth(masses, bounds, bandwidth)
    return smoothed / grid_2d(bounds, cells).cell_area, outside + leaked


def target_density_2d(target, bounds, cells: int = CELLS, bandwidth: float | None = None) -> tuple[np.ndarray, float]:
    """The target's density smoothed exactly as ``sample_density_2d`` smooths samples, and its mass outside the window.

    It never changes for a target, so it is computed once per (target, window,
    cells, bandwidth) and kept (the live pages compare every frame); treat the
    returned array as read-only.
    """
    bandwidth = default_bandwidth(bounds) if bandwidth is None else float(bandwidth)
    bounds = tuple(map(float, np.asarray(bounds, dtype=np.float64).ravel()))
    return _target_density(target, bounds, int(cells), bandwidth)


@lru_cache(maxsize=16)
def _target_density(target, bounds: tuple, cells: int, bandwidth: float) -> tuple[np.ndarray, float]:
    masses, outside = bin_mixture(target, bounds, cells)
    smoothed, leaked = smooth(masses, bounds, bandwidth)
    density = smoothed / grid_2d(bounds, cells).cell_area
    density.flags.writeable = False
    return density, outside + leaked


@dataclass
class Comparison2D:
    """p_data and p_g smoothed the same way on one grid, and what the paper computes from them."""

    xs: np.ndarray  # column centres
    ys: np.ndarray  # row centres
    p_data: np.ndarray  # (cells, cells) smoothed target density
    p_g: np.ndarray  # (cells, cells) smoothed density of the samples
    d_star: np.ndarray  # D* = p_data / (p_data + p_g) on the cells
    jsd: float  # JSD(p_data * K || p_g * K) in nats, the outside cell included
    outside_data: float  # p_data's smoothed mass outside the window
    outside_g: float  # p_g's smoothed mass outside the window (samples outside, NaN, spill past the edges)
    bandwidth: float
    cell_area: float


def compare_2d(samples, target, bounds=None, cells: int = CELLS, bandwidth: float | None = None) -> Comparison2D:
    """Smooth ``samples`` and ``target`` the same way on the window (the target's bounds by default) and compare them."""
    bounds = target.bounds if bounds is None else np.asarray(bounds, dtype=np.float64)
    bandwidth = default_bandwidth(bounds) if bandwidth is None else float(bandwidth)
    grid = grid_2d(bounds, cells)
    p_data, out_data = target_density_2d(target, bounds, cells, bandwidth)
    p_g, out_g = sample_density_2d(samples, bounds, cells, bandwidth)
    # The JSD of the cell masses plus one "outside" cell each: probabilities, so dx = 1.
    data_masses = np.append(p_data.ravel() * grid.cell_area, out_data)
    g_masses = np.append(p_g.ravel() * grid.cell_area, out_g)
    return Comparison2D(
        xs=grid.xs, ys=grid.ys, p_data=p_data, p_g=p_g, d_star=optimal_discriminator(p_data, p_g),
        jsd=jsd(data_masses, g_masses, 1.0), outside_data=out_data, outside_g=out_g,
        bandwidth=bandwidth, cell_area=grid.cell_area,
    )


def jsd_2d(samples, target, bounds=None, cells: int = CELLS, bandwidth: float | None = None) -> float:
    """JSD in nats between the target and the samples, both smoothed the same way (see ``compare_2d``)."""
    return compare_2d(samples, target, bounds, cells, bandwidth).jsd


def _edges(bounds, cells: int) -> tuple[np.ndarray, np.ndarray]:
    bounds = np.asarray(bounds, dtype=np.float64).reshape(2, 2)
    if not (np.all(np.isfinite(bounds)) and np.all(bounds[:, 0] < bounds[:, 1])):
        raise ValueError("bounds must be finite [[x_low, x_high], [y_low, y_high]] with low < high")
    if int(cells) != cells or cells < 1:
        raise ValueError(f"cells must be a whole number >= 1 (got {cells})")
    return np.linspace(*bounds[0], int(cells) + 1), np.linspace(*bounds[1], int(cells) + 1)
