"""Stratified minibatches (ganviz.core.strata, TrainConfig.sampling): one draw in each equal-probability slice,
each draw still from the distribution, the batch's average unbiased with a smaller variance."""

import math

import numpy as np
import pytest
import torch
from scipy import stats

from ganviz.core.distributions import get_distribution
from ganviz.core.priors import NormalPrior, UniformPrior
from ganviz.core.strata import latin_hypercube


def gen(seed=0):
    return torch.Generator().manual_seed(seed)


def one_per_slice(u: np.ndarray) -> bool:
    """Whether the n values in [0, 1) fall one in each slice [i/n, (i+1)/n)."""
    return sorted(np.floor(u * len(u)).astype(int)) == list(range(len(u)))


@pytest.mark.parametrize("n,dim", [(1, 1), (7, 1), (128, 2), (1000, 3)])
def test_a_latin_hypercube_has_one_point_in_each_slice_of_each_coordinate(n, dim):
    u = latin_hypercube(n, dim, gen()).numpy()
    assert u.shape == (n, dim) and u.min() >= 0 and u.max() < 1
    assert all(one_per_slice(u[:, j]) for j in range(dim))
    if n > 100 and dim > 1:  # each coordinate in its own order: independent, not the same permutation
        assert not np.array_equal(np.floor(u[:, 0] * n), np.floor(u[:, 1] * n))
        if n >= 1000:  # a correlation's standard deviation is 1/sqrt(n) = 0.03
            assert abs(np.corrcoef(u[:, 0], u[:, 1])[0, 1]) < 0.15


@pytest.mark.parametrize("prior,cdf", [(UniformPrior(), stats.uniform(-1, 2).cdf), (NormalPrior(), stats.norm.cdf)])
def test_stratified_noise_has_one_z_in_each_equal_mass_slice_of_the_prior(prior, cdf):
    z = prior.sample(500, 2, gen(), stratified=True).double().numpy()
    assert z.shape == (500, 2) and np.isfinite(z).all()
    assert all(one_per_slice(np.clip(cdf(z[:, j]), 0, 1 - 1e-12)) for j in range(2))


def test_a_stratified_gaussian_minibatch_has_one_x_in_each_slice_and_its_tails():
    target = get_distribution("gaussian")  # Figure 1's N(2, 0.5^2)
    x = target.sample(128, gen(), stratified=True)[:, 0].double().numpy()
    assert one_per_slice(np.clip(stats.norm(2, 0.5).cdf(x), 0, 1 - 1e-12))
    beyond = np.sum(np.abs(x - 2) > 2 * 0.5)  # 4.55 % of 128 = 5.8: always 5 or 6 (at most one slice straddles)
    assert 5 <= beyond <= 7


def test_a_stratified_mixture_has_its_components_in_proportion_each_stratified_and_shuffled():
    target = get_distribution("bimodal")  # N(-1.5, 0.4^2) and N(2, 0.5^2), half each
    x = target.sample(1000, gen(3), stratified=True)[:, 0].double().numpy()
    left = x < 0.25
    assert left.sum() == 500
    assert one_per_slice(np.clip(stats.norm(-1.5, 0.4).cdf(x[left]), 0, 1 - 1e-12))
    assert one_per_slice(np.clip(stats.norm(2.0, 0.5).cdf(x[~left]), 0, 1 - 1e-12))
    assert 0.3 < left[:500].mean() < 0.7, "rows in a random order, not in blocks by component (PacGAN packs rows)"
    ring = get_distribution("ring8")
    centres = ring.sample(800, gen(), stratified=True).numpy()
    nearest = np.argmin(((centres[:, None, :] - ring.means[None]) ** 2).sum(-1), axis=1)
    assert np.bincount(nearest, minlength=8).tolist() == [100] * 8


@pytest.mark.parametrize("name", ["gaussian", "bimodal", "ring8"])
def test_stratified_minibatch_means_are_unbiased_with_less_variance(name):
    """Over many minibatches of 64, the stratified batch means average to the true mean (unbiased) and scatter far
    less than independent draws' (here the variance of the mean falls 10-1000 fold)."""
    target = get_distribution(name)
    mean, std = target.moments()
    g = gen(1)
    random = torch.stack([target.sample(64, g).mean(0) for _ in range(400)]).double().numpy()
    strat = torch.stack([target.sample(64, g, stratified=True).mean(0) for _ in range(400)]).double().numpy()
    se = std / math.sqrt(64) / math.sqrt(400)  # the standard error of the random average of averages
    assert np.all(np.abs(strat.mean(0) - mean) < 4 * se)
    assert np.all(np.abs(random.mean(0) - mean) < 4 * se)
    assert np.all(strat.var(0) < 0.1 * random.var(0))


@pytest.mark.parametrize("name", ["gaussian", "bimodal", "ring8", "grid25"])
def test_a_mixtures_moments_are_those_of_its_samples(name):
    target = get_distribution(name)
    mean, std = target.moments()
    x = target.sample(200_000, gen()).double().numpy()
    np.testing.assert_allclose(mean, x.mean(0), atol=0.02)
    np.testing.assert_allclose(std, x.std(0), rtol=0.01)
