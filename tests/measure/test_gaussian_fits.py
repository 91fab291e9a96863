"""One Gaussian fitted to two modes: forward KL (maximum likelihood) covers both and fills the gap, reverse KL and
the JSD (the GAN's criterion) pick one mode. Checked against closed forms where there are some."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from ganviz.measure.gaussian_fits import DIVERGENCES, divergence, fit_all, fit_gaussian
from ganviz.measure.theory import Grid1D, mixture_1d

TARGET = mixture_1d([-2.0, 2.0], [0.5, 0.5], [0.7, 0.3])
GRID = Grid1D.covering(TARGET, n_std=8, cells=2000)
P = TARGET.pdf(GRID.x)


def test_forward_kl_is_moment_matching():
    fit = fit_gaussian(P, GRID.x, GRID.dx, "forward_kl")
    mean = float((GRID.x * P).sum() * GRID.dx)
    variance = float(((GRID.x - mean) ** 2 * P).sum() * GRID.dx)
    assert fit.mean == pytest.approx(mean, abs=1e-4)
    assert fit.std == pytest.approx(math.sqrt(variance), rel=1e-4)  # both modes and the gap
    assert fit.std > 1.5
    assert fit.pdf(0.0) > 5 * TARGET.pdf(np.array([0.0]))[0]  # mass where the data has almost none


@pytest.mark.parametrize("name", ["reverse_kl", "jsd"])
def test_reverse_kl_and_jsd_seek_one_mode(name):
    fit = fit_gaussian(P, GRID.x, GRID.dx, name)
    assert abs(fit.mean - (-2.0)) < 0.1, fit  # on the heavier mode
    assert fit.std < 0.8, fit  # about that mode's width, not both modes'
    assert fit.pdf(2.0) < 1e-3  # the other mode is dropped


def test_the_jsd_lies_between_the_two_kls():
    """Equal weights, modes 8 standard deviations apart: reverse KL picks a mode, the JSD still covers both."""
    target = mixture_1d([-2.0, 2.0], [0.5, 0.5])
    grid = Grid1D.covering(target, n_std=8, cells=2000)
    fits = fit_all(target.pdf(grid.x), grid.x, grid.dx)
    assert abs(abs(fits["reverse_kl"].mean) - 2.0) < 0.1 and fits["reverse_kl"].std < 0.6
    assert abs(fits["jsd"].mean) < 0.1 and fits["jsd"].std > 1.5


def test_each_fit_beats_the_others_on_its_own_divergence():
    fits = fit_all(P, GRID.x, GRID.dx)
    p = torch.as_tensor(P)
    for name in DIVERGENCES:
        own = fits[name].value
        for other in fits.values():
            q = torch.as_tensor(other.pdf(GRID.x))
            assert own <= float(divergence(name, p, q, GRID.dx)) + 1e-9, (name, other)
    assert 0.0 < fits["jsd"].value < math.log(2)
    assert fits["forward_kl"].std > 2 * fits["jsd"].std and fits["forward_kl"].std > 2 * fits["reverse_kl"].std


def test_a_single_gaussian_target_is_fitted_exactly_by_all_three():
    target = mixture_1d([0.7], [0.9])
    grid = Grid1D.covering(target, n_std=8, cells=2000)
    for fit in fit_all(target.pdf(grid.x), grid.x, grid.dx).values():
        assert fit.mean == pytest.approx(0.7, abs=1e-4) and fit.std == pytest.approx(0.9, rel=1e-4)
        assert fit.value < 1e-8


def test_unknown_divergence_is_refused():
    with pytest.raises(ValueError, match="unknown divergence"):
        fit_gaussian(P, GRID.x, GRID.dx, "hellinger")
