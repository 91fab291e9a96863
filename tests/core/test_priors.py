"""Tests for ganviz.core.priors: samplers and equal-mass quantiles of p_z."""

import numpy as np
import pytest
import torch
from scipy import stats

from ganviz.core.priors import PRIORS, NormalPrior, UniformPrior, get_prior

CDFS = {
    "uniform": stats.uniform(loc=-1.0, scale=2.0).cdf,
    "normal": stats.norm.cdf,
}


@pytest.mark.parametrize("name", sorted(PRIORS))
@pytest.mark.parametrize("n", [1, 2, 10, 1001])
def test_quantiles_are_equal_mass(name, n):
    q = get_prior(name).quantiles(n)
    assert q.shape == (n,)
    assert q.dtype == np.float64
    np.testing.assert_allclose(CDFS[name](q), (np.arange(n) + 0.5) / n, rtol=0, atol=1e-12)
    assert np.all(np.diff(q) > 0)


@pytest.mark.parametrize("name", sorted(PRIORS))
def test_quantiles_are_symmetric(name):
    q = get_prior(name).quantiles(64)
    np.testing.assert_allclose(q, -q[::-1], atol=1e-12)


def test_uniform_quantiles_explicit():
    np.testing.assert_allclose(UniformPrior().quantiles(4), [-0.75, -0.25, 0.25, 0.75])


def test_normal_quantiles_match_scipy_ppf():
    n = 5000
    q = NormalPrior().quantiles(n)
    np.testing.assert_allclose(q, stats.norm.ppf((np.arange(n) + 0.5) / n), rtol=1e-12, atol=1e-12)


def test_uniform_samples_in_range_and_roughly_uniform():
    z = UniformPrior().sample(100_000, 3, torch.Generator().manual_seed(0))
    assert z.shape == (100_000, 3) and z.dtype == torch.float32
    assert z.min() >= -1.0 and z.max() <= 1.0
    assert abs(float(z.mean())) < 0.01
    assert abs(float(z.var()) - 1.0 / 3.0) < 0.01  # var of U(-1, 1)


def test_normal_samples_moments():
    z = NormalPrior().sample(100_000, 2, torch.Generator().manual_seed(0))
    assert z.shape == (100_000, 2) and z.dtype == torch.float32
    assert abs(float(z.mean())) < 0.01
    assert abs(float(z.std()) - 1.0) < 0.01


@pytest.mark.parametrize("name", sorted(PRIORS))
def test_samples_reproducible(name):
    prior = get_prior(name)
    a = prior.sample(100, 2, torch.Generator().manual_seed(5))
    b = prior.sample(100, 2, torch.Generator().manual_seed(5))
    c = prior.sample(100, 2, torch.Generator().manual_seed(6))
    assert torch.equal(a, b) and not torch.equal(a, c)


def test_get_prior_names_and_unknown():
    assert isinstance(get_prior("uniform"), UniformPrior)
    assert isinstance(get_prior("normal"), NormalPrior)
    with pytest.raises(ValueError) as info:
        get_prior("laplace")
    assert "'laplace'" in str(info.value)
    for name in PRIORS:
        assert name in str(info.value)
