"""p_g in 2D from samples, p_data smoothed the same way, and the JSD and D* between them."""

import math

import numpy as np
import pytest
import torch

from ganviz.measure.density2d import (
    bin_mixture,
    bin_samples,
    compare_2d,
    default_bandwidth,
    grid_2d,
    jsd_2d,
    sample_density_2d,
    smooth,
    target_density_2d,
)
from ganviz.core.distributions import GaussianMixture, get_distribution, targets_of_dim
from ganviz.measure.metrics import jsd

NAMES_2D = targets_of_dim(2)
SQUARE = [[-3.0, 3.0], [-3.0, 3.0]]


def draw(target, n, seed=0):
    return target.sample(n, torch.Generator().manual_seed(seed)).double().numpy()


def test_grid_cells_and_their_order():
    g = grid_2d([[0.0, 4.0], [-1.0, 1.0]], 4)
    np.testing.assert_allclose(g.xs, [0.5, 1.5, 2.5, 3.5])
    np.testing.assert_allclose(g.ys, [-0.75, -0.25, 0.25, 0.75])
    assert g.cell_area == pytest.approx(1.0 * 0.5)
    assert g.centres.shape == (16, 2)
    # row by row: reshaped to (rows, cols), row i has y = ys[i], column j has x = xs[j]
    as_image = g.centres.reshape(4, 4, 2)
    np.testing.assert_allclose(as_image[:, :, 0], np.tile(g.xs, (4, 1)))
    np.testing.assert_allclose(as_image[:, :, 1], np.tile(g.ys[:, None], (1, 4)))


def test_bin_samples_puts_points_in_their_cells_and_counts_the_rest_outside():
    samples = np.array([[0.5, -0.75], [3.9, 0.9], [3.9, 0.9], [4.0, 0.0], [-5.0, 0.0], [np.nan, 0.0]])
    masses, outside = bin_samples(samples, [[0.0, 4.0], [-1.0, 1.0]], 4)
    expected = np.zeros((4, 4))
    expected[0, 0] = 1 / 6  # (0.5, -0.75): first column, first row
    expected[3, 3] = 2 / 6  # (3.9, 0.9): last column, last row
    np.testing.assert_allclose(masses, expected)
    assert outside == pytest.approx(3 / 6)  # x = 4.0 is past the last cell [3, 4); x = -5; NaN


@pytest.mark.parametrize("name", NAMES_2D)
def test_every_target_has_its_mass_inside_its_bounds(name):
    target = get_distribution(name)
    masses, outside = bin_mixture(target, target.bounds, 64)
    assert masses.sum() == pytest.approx(1.0, abs=2e-4)
    assert outside == pytest.approx(1.0 - masses.sum(), abs=1e-12)
    density, _ = target_density_2d(target, target.bounds)
    assert density.sum() * grid_2d(target.bounds).cell_area == pytest.approx(1.0, abs=2e-4)


def test_bin_mixture_is_the_exact_cell_mass():
    target = GaussianMixture([[0.3, -0.2], [-1.0, 1.0]], [0.4, 0.7], [0.25, 0.75])
    masses, _ = bin_mixture(target, SQUARE, 6)  # cells of 1 x 1
    # cell [0, 1) x [-1, 0) is row 2, column 3; integrate the pdf over it finely
    u = (np.arange(400) + 0.5) / 400
    x, y = np.meshgrid(u, u - 1.0)
    fine = target.pdf(np.stack([x.ravel(), y.ravel()], 1)).mean()
    assert masses[2, 3] == pytest.approx(fine, rel=1e-5)


def test_smoothing_a_spike_gives_a_gaussian_of_the_bandwidth():
    masses = np.zeros((101, 101))
    masses[50, 50] = 1.0
    g = grid_2d(SQUARE, 101)
    smoothed, leaked = smooth(masses, SQUARE, 0.3)
    assert smoothed.sum() == pytest.approx(1.0, abs=1e-12) and leaked < 1e-12
    var_x = (smoothed.sum(0) * (g.xs - g.xs[50]) ** 2).sum()
    var_y = (smoothed.sum(1) * (g.ys - g.ys[50]) ** 2).sum()
    assert var_x == pytest.approx(0.09, rel=1e-3) and var_y == pytest.approx(0.09, rel=1e-3)


def test_smoothing_spills_past_the_edge_and_says_how_much():
    masses = np.zeros((60, 60))
    masses[30, 0] = 1.0  # the first column: half of the kernel falls left of the window
    smoothed, leaked = smooth(masses, SQUARE, 0.5)
    assert leaked == pytest.approx(0.5, abs=0.05)
    assert smoothed.sum() + leaked == pytest.approx(1.0, abs=1e-12)


def test_sample_density_approaches_the_smoothed_target():
    target = get_distribution("gaussian2d")
    estimate, outside = sample_density_2d(draw(target, 200_000), target.bounds, 64)
    smoothed, _ = target_density_2d(target, target.bounds, 64)
    assert estimate.shape == (64, 64)
    assert np.abs(estimate - smoothed).max() < 0.03 * smoothed.max()
    assert outside < 1e-3


@pytest.mark.parametrize("name", NAMES_2D)
def test_jsd_is_near_zero_for_samples_of_the_target(name):
    target = get_distribution(name)
    c = compare_2d(draw(target, 10_000, seed=1), target)
    assert 0 <= c.jsd < 0.005  # measured 0.0001 to 0.001 with 10,000 samples
    assert jsd_2d(draw(target, 2_500, seed=2), target) < 0.02  # the CLI's count; measured below 0.004
    assert c.p_data.shape == c.p_g.shape == c.d_star.shape == (128, 128)
    assert c.bandwidth == default_bandwidth(target.bounds)
    dense = c.p_data > 0.1 * c.p_data.max()
    assert np.abs(c.d_star[dense] - 0.5).mean() < 0.05  # D* = 1/2 where p_g = p_data


def test_comparing_with_the_exact_target_instead_would_be_biased():
    """Why both are smoothed: the raw p_data against a smoothed p_g is far apart even for a perfect G."""
    ring = get_distribution("ring8")
    c = compare_2d(draw(ring, 10_000), ring)
    exact = ring.pdf(grid_2d(ring.bounds).centres)
    assert jsd(exact, c.p_g.ravel(), c.cell_area) > 0.3
    assert c.jsd < 0.005


@pytest.mark.parametrize("shift", [(20.0, 0.0), (2.5, 2.5)])
def test_jsd_is_log_2_for_disjoint_samples(shift):
    ring = get_distribution("ring8")
    far = np.random.default_rng(0).normal(size=(5_000, 2)) * 0.1 + shift  # off the window, or in a corner of it
    assert jsd_2d(far, ring) == pytest.approx(math.log(2), abs=1e-3)


def test_one_mode_collapse_of_the_ring():
    ring = get_distribution("ring8")
    one_mode = ring.means[0] + 0.02 * np.random.default_rng(0).normal(size=(5_000, 2))
    # disjoint modes: JSD = 1/2 [1/8 log(2/9) + log(16/9)] + 7/16 log 2
    expected = 0.5 * (1 / 8 * math.log(2 / 9) + math.log(16 / 9)) + 7 / 16 * math.log(2)
    assert jsd_2d(one_mode, ring) == pytest.approx(expected, abs=0.01)
    assert expected > 0.49


def test_samples_outside_the_window_count_in_the_jsd():
    """Half the samples far away: JSD(p || (p + far)/2) = 3/4 log(4/3), not the 0 that dropping them would give."""
    target = get_distribution("gaussian2d")
    half = np.concatenate([draw(target, 10_000), np.full((10_000, 2), 100.0)])
    c = compare_2d(half, target)
    assert c.outside_g == pytest.approx(0.5, abs=1e-3)
    # m = 3/4 p + 1/4 far: KL(p || m) = log(4/3), KL(q || m) = 1/2 log(2/3) + 1/2 log 2 = 1/2 log(4/3)
    assert c.jsd == pytest.approx(0.75 * math.log(4 / 3), abs=0.005)


def test_nan_samples_count_as_outside():
    target = get_distribution("ring8")
    samples = draw(target, 1_000)
    samples[:100] = np.nan
    assert compare_2d(samples, target).outside_g == pytest.approx(0.1, abs=1e-9)


@pytest.mark.parametrize("bad", [
    dict(bounds=[[1.0, -1.0], [0.0, 1.0]]),
    dict(bounds=[[0.0, np.inf], [0.0, 1.0]]),
    dict(cells=0),
    dict(bandwidth=0.0),
    dict(bandwidth=-1.0),
])
def test_bad_grids_and_bandwidths_are_refused(bad):
    args = dict(bounds=SQUARE, cells=16, bandwidth=0.1, **{})
    args.update(bad)
    with pytest.raises(ValueError):
        sample_density_2d(np.zeros((5, 2)), **args)
