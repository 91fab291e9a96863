"""Tests for ganviz.core.distributions: exact densities and samplers of the targets."""

import warnings

import numpy as np
import pytest
import torch

from ganviz.core.distributions import DISTRIBUTIONS, GaussianMixture, get_distribution, targets_of_dim

NAMES = targets_of_dim(1)  # the 2D targets have their own tests in test_targets2d.py
ALL = sorted(DISTRIBUTIONS)


def mixture_moments(target):
    """Analytic mean and variance of a 1D mixture sum_k w_k N(m_k, s_k^2)."""
    w, m, s = target.weights, target.means[:, 0], target.stds
    mean = float((w * m).sum())
    var = float((w * (s**2 + m**2)).sum() - mean**2)
    return mean, var


@pytest.mark.parametrize("name", NAMES)
def test_pdf_integrates_to_one(name):
    target = get_distribution(name)
    assert target.dim == 1
    lo = (target.means[:, 0] - 12 * target.stds).min()
    hi = (target.means[:, 0] + 12 * target.stds).max()
    x = np.linspace(lo, hi, 400_001)
    p = target.pdf(x)
    assert p.shape == x.shape
    assert abs(np.trapezoid(p, x) - 1.0) < 1e-6


@pytest.mark.parametrize("name", NAMES)
def test_pdf_matches_explicit_mixture_formula(name):
    target = get_distribution(name)
    x = np.linspace(*target.bounds[0], 101)
    expected = sum(
        w * np.exp(-0.5 * ((x - m[0]) / s) ** 2) / (s * np.sqrt(2 * np.pi))
        for w, m, s in zip(target.weights, target.means, target.stds)
    )
    np.testing.assert_allclose(target.pdf(x), expected, rtol=1e-12, atol=1e-300)
    # (n, 1) input gives the same as (n,) input
    np.testing.assert_array_equal(target.pdf(x[:, None]), target.pdf(x))


@pytest.mark.parametrize("name", NAMES)
def test_pdf_far_tails_finite_nonnegative(name):
    target = get_distribution(name)
    x = np.array([-1e3, -50.0, 50.0, 1e3])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is fine
        p = target.pdf(x)
    assert np.all(np.isfinite(p))
    assert np.all(p >= 0)
    assert p[0] == 0.0 and p[-1] == 0.0  # underflows to an exact 0, not NaN
    lp = target.log_pdf(x)
    assert np.all(np.isfinite(lp)) and np.all(lp < -100)


def test_pdf_never_nan_even_at_infinity():
    target = get_distribution("bimodal")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = target.pdf(np.array([1e200, -1e200, np.inf, -np.inf]))
    np.testing.assert_array_equal(p, 0.0)


@pytest.mark.parametrize("name", NAMES)
def test_sample_moments_match_analytic(name):
    target = get_distribution(name)
    gen = torch.Generator().manual_seed(1234)
    x = target.sample(200_000, gen).double().numpy()[:, 0]
    mean, var = mixture_moments(target)
    std = np.sqrt(var)
    se = std / np.sqrt(len(x))  # standard error of the mean; the std's is of the same order
    assert abs(x.mean() - mean) < 5 * se
    assert abs(x.std() - std) < 5 * se


def test_bimodal_sample_component_fractions():
    target = get_distribution("bimodal")
    x = target.sample(100_000, torch.Generator().manual_seed(7)).numpy()[:, 0]
    # the two modes (-1.5 sd 0.4 and 2 sd 0.5) are well separated at 0.25
    left, right = x[x < 0.25], x[x >= 0.25]
    assert abs(len(left) / len(x) - 0.5) < 0.01
    # each mode has its own mean and spread
    assert abs(left.mean() + 1.5) < 0.01 and abs(left.std() - 0.4) < 0.01
    assert abs(right.mean() - 2.0) < 0.01 and abs(right.std() - 0.5) < 0.01


@pytest.mark.parametrize("name", ALL)
def test_sample_reproducible_with_seeded_generator(name):
    target = get_distribution(name)
    a = target.sample(500, torch.Generator().manual_seed(42))
    b = target.sample(500, torch.Generator().manual_seed(42))
    c = target.sample(500, torch.Generator().manual_seed(43))
    assert torch.equal(a, b)
    assert not torch.equal(a, c)


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("n", [1, 7, 256])
def test_sample_shape_and_dtype(name, n):
    target = get_distribution(name)
    x = target.sample(n, torch.Generator().manual_seed(0))
    assert isinstance(x, torch.Tensor)
    assert x.shape == (n, target.dim)
    assert x.dtype == torch.float32
    assert torch.isfinite(x).all()


@pytest.mark.parametrize("name", ALL)
def test_bounds_shape_and_order(name):
    target = get_distribution(name)
    assert target.bounds.shape == (target.dim, 2)
    assert np.all(target.bounds[:, 0] < target.bounds[:, 1])


def test_get_distribution_returns_fresh_objects():
    a, b = get_distribution("gaussian"), get_distribution("gaussian")
    assert a is not b
    assert a.name == "gaussian"


def test_get_distribution_unknown_name_lists_choices():
    with pytest.raises(ValueError) as info:
        get_distribution("nope")
    message = str(info.value)
    assert "'nope'" in message
    for name in DISTRIBUTIONS:
        assert name in message


def test_default_bounds_pad_four_stds():
    m = GaussianMixture([[-1.0], [3.0]], [0.5, 1.0])
    np.testing.assert_allclose(m.bounds, [[-1.0 - 4.0, 3.0 + 4.0]])


def test_weights_are_normalised():
    m = GaussianMixture([[0.0], [1.0]], 1.0, weights=[1.0, 3.0])
    np.testing.assert_allclose(m.weights, [0.25, 0.75])


@pytest.mark.parametrize(
    "weights",
    [
        [1.0, -1.0],  # negative
        [0.0, 0.0],  # all zero
        [1.0],  # wrong length
        [1.0, 1.0, 1.0],  # wrong length
        [[1.0, 1.0]],  # wrong shape
    ],
)
def test_rejects_bad_weights(weights):
    with pytest.raises(ValueError, match="weights"):
        GaussianMixture([[0.0], [1.0]], [1.0, 1.0], weights=weights)


@pytest.mark.parametrize("stds", [[1.0, 0.0], [1.0, -0.5], 0.0, -1.0])
def test_rejects_nonpositive_stds(stds):
    with pytest.raises(ValueError, match="standard deviations"):
        GaussianMixture([[0.0], [1.0]], stds)


def test_rejects_wrong_number_of_stds():
    with pytest.raises(ValueError):
        GaussianMixture([[0.0], [1.0]], [1.0, 1.0, 1.0])


def test_rejects_means_of_wrong_rank():
    with pytest.raises(ValueError, match="means"):
        GaussianMixture([0.0, 1.0], 1.0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"weights": [float("nan"), 1.0]},
        {"weights": [float("inf"), 1.0]},
        {"stds": [float("nan"), 1.0]},
        {"stds": [float("inf"), 1.0]},
        {"means": [[float("nan")], [1.0]]},
    ],
)
def test_rejects_non_finite_weights_and_stds(kwargs):
    args = {"means": [[0.0], [1.0]], "stds": [1.0, 1.0], **kwargs}
    with pytest.raises(ValueError):
        GaussianMixture(**args)
