"""The 2D targets: where their modes are, that their densities are exact, that their samplers match them."""

import math

import numpy as np
import pytest
import torch

from ganviz.core.distributions import DISTRIBUTIONS, GaussianMixture, get_distribution, targets_of_dim
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer

NAMES_2D = ["gaussian2d", "ring8", "grid25", "spiral", "moons"]


def mixture_mean_cov(target):
    """Analytic mean and covariance of sum_k w_k N(m_k, s_k^2 I)."""
    w, m, s = target.weights, target.means, target.stds
    mean = w @ m
    second = (w[:, None, None] * (m[:, :, None] * m[:, None, :])).sum(0) + (w * s**2).sum() * np.eye(2)
    return mean, second - np.outer(mean, mean)


def fine_integral(target, cells_per_std=2.0):
    """sum of the exact pdf over a fine grid on the target's bounds, times the cell area, one row at a time."""
    (x0, x1), (y0, y1) = target.bounds
    step = target.stds.min() / cells_per_std
    xs = np.arange(x0 + step / 2, x1, step)
    ys = np.arange(y0 + step / 2, y1, step)
    total = sum(target.pdf(np.stack([xs, np.full_like(xs, y)], axis=1)).sum() for y in ys)
    return total * step * step


def test_targets_of_dim_splits_the_table():
    assert targets_of_dim(1) == ["gaussian", "bimodal"]
    assert targets_of_dim(2) == NAMES_2D
    assert targets_of_dim(3) == []
    assert set(targets_of_dim(1) + targets_of_dim(2)) == set(DISTRIBUTIONS)


def test_ring8_is_eight_points_on_a_circle_of_radius_2():
    ring = get_distribution("ring8")
    assert isinstance(ring, GaussianMixture) and ring.dim == 2
    np.testing.assert_allclose(np.linalg.norm(ring.means, axis=1), 2.0, atol=1e-12)
    angles = np.sort(np.mod(np.arctan2(ring.means[:, 1], ring.means[:, 0]), 2 * np.pi))
    np.testing.assert_allclose(angles, 2 * np.pi * np.arange(8) / 8, atol=1e-12)  # no duplicated centre
    np.testing.assert_array_equal(ring.stds, 0.02)
    np.testing.assert_allclose(ring.weights, 1 / 8)
    np.testing.assert_array_equal(ring.bounds, [[-3, 3], [-3, 3]])


def test_grid25_is_the_5x5_grid():
    grid = get_distribution("grid25")
    assert grid.dim == 2 and len(grid.means) == 25
    expected = {(x, y) for x in (-4, -2, 0, 2, 4) for y in (-4, -2, 0, 2, 4)}
    assert {tuple(c) for c in grid.means.tolist()} == expected
    np.testing.assert_array_equal(grid.stds, 0.05)
    np.testing.assert_allclose(grid.weights, 1 / 25)
    np.testing.assert_array_equal(grid.bounds, [[-5.5, 5.5], [-5.5, 5.5]])


def test_curves_are_many_small_overlapping_gaussians():
    for name in ("spiral", "moons"):
        t = get_distribution(name)
        assert len(t.means) == 100
        gaps = np.linalg.norm(np.diff(t.means, axis=0), axis=1)
        gaps = gaps[gaps < 1.0]  # the moons' two arcs are joined end to end in the table
        assert gaps.max() < 2 * t.stds[0], f"{name}: neighbours further apart than 2 std make beads, not a curve"
    spiral = get_distribution("spiral")
    radii = np.linalg.norm(spiral.means, axis=1)
    assert np.all(np.diff(radii) > 0)  # it winds outwards
    assert radii.max() == pytest.approx(2.5)
    moons = get_distribution("moons")
    np.testing.assert_allclose(moons.means.mean(0), 0.0, atol=1e-12)  # centred
    np.testing.assert_allclose(np.ptp(moons.means, axis=0), [4.5, 2.25], atol=0.01)  # 1.5 x make_moons' 3 x 1.5


@pytest.mark.parametrize("name", NAMES_2D)
def test_density_integrates_to_one_inside_the_bounds(name):
    target = get_distribution(name)
    assert fine_integral(target) == pytest.approx(1.0, abs=1e-3)  # so the bounds hold the whole density


@pytest.mark.parametrize("name", NAMES_2D)
def test_pdf_matches_explicit_formula(name):
    target = get_distribution(name)
    x = np.random.default_rng(0).uniform(target.bounds[:, 0], target.bounds[:, 1], size=(200, 2))
    expected = sum(w * np.exp(-0.5 * ((x - m) ** 2).sum(1) / s**2) / (2 * np.pi * s**2)
                   for w, m, s in zip(target.weights, target.means, target.stds))
    np.testing.assert_allclose(target.pdf(x), expected, rtol=1e-10, atol=1e-300)


@pytest.mark.parametrize("name", NAMES_2D)
def test_sample_mean_and_covariance_match_the_mixture(name):
    target = get_distribution(name)
    x = target.sample(100_000, torch.Generator().manual_seed(5)).double().numpy()
    mean, cov = mixture_mean_cov(target)
    se = np.sqrt(np.diag(cov) / len(x))
    assert np.all(np.abs(x.mean(0) - mean) < 5 * se)
    # the sample covariance's standard error is about sqrt(2/n) times the variances (a bit more for mixtures)
    np.testing.assert_allclose(np.cov(x.T), cov, atol=5 * np.sqrt(2 / len(x)) * np.diag(cov).max())


@pytest.mark.parametrize("name", ["ring8", "grid25"])
def test_samples_split_evenly_between_modes(name):
    target = get_distribution(name)
    x = target.sample(100_000, torch.Generator().manual_seed(6)).double().numpy()
    nearest = ((x[:, None, :] - target.means[None]) ** 2).sum(-1).argmin(1)
    fractions = np.bincount(nearest, minlength=len(target.means)) / len(x)
    k = len(target.means)
    se = math.sqrt((1 / k) * (1 - 1 / k) / len(x))
    assert np.all(np.abs(fractions - 1 / k) < 5 * se)
    # and each sample stays close to its centre: within 5 std, about 1 in 270,000 is further
    dist = np.linalg.norm(x - target.means[nearest], axis=1)
    assert np.mean(dist <= 5 * target.stds[0]) > 0.9999


@pytest.mark.parametrize("name", NAMES_2D)
def test_trainer_runs_on_2d_targets(name):
    trainer = Trainer(TrainConfig(dist=name, device="cpu", batch=64, seed=1))
    assert trainer.target.dim == 2
    trainer.train(20)
    with torch.no_grad():
        out = trainer.G(trainer.noise(50))
        scores = trainer.D(out)
    assert out.shape == (50, 2) and scores.shape == (50,)
    assert torch.isfinite(out).all() and torch.isfinite(scores).all()
    d_loss, g_loss = trainer.mean_losses()
    assert math.isfinite(d_loss) and math.isfinite(g_loss)
