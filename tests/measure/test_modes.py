"""Mode counting (VEEGAN / PacGAN protocol) on hand-made sample sets whose answer is known."""

import numpy as np
import pytest
import torch

from ganviz.core.custom import kde_target
from ganviz.core.distributions import get_distribution, targets_of_dim
from ganviz.measure.modes import N_SAMPLES, has_modes, mode_counts, mode_metrics

RING = get_distribution("ring8")
GRID = get_distribution("grid25")


def test_literature_sample_count():
    assert N_SAMPLES == 2500


def test_only_the_benchmarks_have_modes():
    assert [name for name in targets_of_dim(1) + targets_of_dim(2) if has_modes(get_distribution(name))] == ["ring8", "grid25"]
    assert not has_modes(kde_target([[0, 0], [2, 2]]))


@pytest.mark.parametrize("target", [RING, GRID])
def test_benchmark_modes_cannot_be_confused(target):
    """The reason has_modes says yes: the 3-std discs of different modes are far apart."""
    gaps = np.linalg.norm(target.means[:, None] - target.means[None], axis=-1)
    np.fill_diagonal(gaps, np.inf)
    assert gaps.min() > 5 * 2 * 3 * target.stds.max()  # gaps more than 5 disc diameters


@pytest.mark.parametrize("name", ["spiral", "moons"])
def test_curve_components_overlap(name):
    """The reason has_modes says no for the curves: neighbouring 3-std discs overlap."""
    t = get_distribution(name)
    gaps = np.linalg.norm(t.means[:, None] - t.means[None], axis=-1)
    np.fill_diagonal(gaps, np.inf)
    assert gaps.min(1).max() < 2 * 3 * t.stds.max()


@pytest.mark.parametrize("target", [RING, GRID])
def test_samples_at_every_centre_cover_every_mode(target):
    samples = np.repeat(target.means, 3, axis=0)
    m = mode_metrics(samples, target)
    assert m == {"modes": len(target.means), "hq": 1.0, "n": 3 * len(target.means), "counts": [3] * len(target.means)}


def test_all_samples_at_one_centre_is_one_mode():
    samples = np.repeat(RING.means[[5]], 100, axis=0)
    m = mode_metrics(samples, RING)
    assert m["modes"] == 1 and m["hq"] == 1.0
    assert m["counts"] == [0, 0, 0, 0, 0, 100, 0, 0]


def test_noise_far_from_the_modes_covers_nothing():
    rng = np.random.default_rng(0)
    samples = rng.uniform(-0.5, 0.5, size=(N_SAMPLES, 2))  # the middle of the ring: no mode within 1.5
    m = mode_metrics(samples, RING)
    assert m["modes"] == 0 and m["hq"] == 0.0 and m["n"] == N_SAMPLES
    assert mode_metrics(np.full((10, 2), 1e6), GRID)["modes"] == 0


@pytest.mark.parametrize("target", [RING, GRID])
def test_three_std_is_the_line(target):
    std = target.stds[0]
    direction = np.array([0.6, 0.8])  # unit length, pointing at no other mode
    centre = target.means[3]
    inside = centre + 2.9 * std * direction
    outside = centre + 3.1 * std * direction
    assert mode_metrics(inside[None], target)["modes"] == 1
    assert mode_metrics(outside[None], target) == {"modes": 0, "hq": 0.0, "n": 1, "counts": [0] * len(target.means)}


def test_samples_split_between_two_modes():
    samples = np.concatenate([np.repeat(GRID.means[[0]], 30, axis=0),
                              np.repeat(GRID.means[[24]], 10, axis=0),
                              np.full((60, 2), 1.0)])  # (1, 1) is 1.41 from four modes: far off every one
    m = mode_metrics(samples, GRID)
    assert m["modes"] == 2
    assert m["hq"] == pytest.approx(0.4)
    assert m["counts"][0] == 30 and m["counts"][24] == 10 and sum(m["counts"]) == 40


def test_nearest_mode_decides_not_any_mode():
    """A sample counts only for its nearest centre, and only if that one is within its radius."""
    centres = np.array([[0.0, 0.0], [1.0, 0.0]])
    samples = np.array([[0.45, 0.0], [0.55, 0.0]])
    np.testing.assert_array_equal(mode_counts(samples, centres, std=0.2), [1, 1])  # radius 0.6 each
    np.testing.assert_array_equal(mode_counts(samples, centres, std=[0.2, 0.1]), [1, 0])  # 0.45 from centre 1 > 0.3
    np.testing.assert_array_equal(mode_counts(samples, centres, std=0.2, n_std=2), [0, 0])  # radius 0.4


def test_samples_from_the_target_cover_everything():
    x = RING.sample(N_SAMPLES, torch.Generator().manual_seed(0)).numpy()
    m = mode_metrics(x, RING)
    assert m["modes"] == 8
    assert 0.985 < m["hq"] < 1.0  # P(|N(0, I_2)| <= 3) = 1 - exp(-9/2) = 0.989


def test_no_samples_is_an_error():
    with pytest.raises(ValueError):
        mode_metrics(np.zeros((0, 2)), RING)
