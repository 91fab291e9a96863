"""Tests for ganviz.lessons.fixed_g: a discriminator trained against a fixed p_g approaches D* (Proposition 1)."""

import numpy as np
import pytest

from ganviz.lessons.fixed_g import DiscriminatorFit
from ganviz.measure.theory import Grid1D, mixture_1d


def fit_until_converged(fit, max_steps=4000):
    while fit.steps < max_steps:
        if fit.converged(fit.train(10)):
            break
    return fit


@pytest.mark.parametrize("p_data,p_g,tol", [
    (mixture_1d([1.0], [0.6]), mixture_1d([-1.0], [1.0]), 0.03),
    (mixture_1d([-2.0, 2.0], [0.5, 0.5], [0.3, 0.7]), mixture_1d([0.0], [1.5]), 0.06),
])
def test_network_discriminator_approaches_d_star(p_data, p_g, tol):
    fit = DiscriminatorFit(p_data, p_g, seed=0)
    grid = Grid1D.covering(p_data, p_g, cells=2000)
    start = fit.measure(grid)
    fit_until_converged(fit)
    end = fit.measure(grid)
    assert start["gap"] > 0.1, "an untrained D should be far from D*"
    assert end["gap"] < tol
    assert end["value"] <= end["value_star"] + 1e-9, "no D beats D*"
    assert end["value"] == pytest.approx(end["value_star"], abs=0.02)
    assert [r["steps"] for r in fit.history] == [0, fit.steps]


def test_same_seed_same_fit():
    p, q = mixture_1d([0.5], [0.5]), mixture_1d([-0.5], [0.8])
    a, b = DiscriminatorFit(p, q, seed=3), DiscriminatorFit(p, q, seed=3)
    a.train(30), b.train(30)
    x = np.linspace(-3, 3, 50)
    assert np.array_equal(a.d_on(x), b.d_on(x))


def test_d_on_is_a_probability():
    fit = DiscriminatorFit(mixture_1d([0.0], [1.0]), mixture_1d([1.0], [1.0]))
    d = fit.d_on(np.linspace(-50, 50, 101))
    assert d.shape == (101,) and np.all((d >= 0) & (d <= 1))


def test_identical_densities_leave_d_at_one_half():
    p = mixture_1d([0.0], [1.0])
    fit = fit_until_converged(DiscriminatorFit(p, p, seed=1), max_steps=1500)
    d = fit.d_on(np.linspace(-2, 2, 41))
    assert np.all(np.abs(d - 0.5) < 0.1)
