"""Proposition 2 on real runs: in p_g's own space C(G) falls monotonically to -log 4; an MLP G, from the same
start and with the same exact D*, does not get there on a two-mode target (the parametric gap)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from ganviz.lessons.proposition2 import FunctionSpaceRun, ParametricRun, function_space_step
from ganviz.measure.metrics import criterion
from ganviz.measure.theory import Grid1D, mixture_1d

LOG4 = math.log(4.0)
GRID = Grid1D.covering(mixture_1d([-4.0, 4.0], [0.5, 0.5]), n_std=4, cells=800)
BIMODAL = mixture_1d([-1.5, 1.5], [0.5, 0.5]).pdf(GRID.x)


@pytest.mark.parametrize("rate", [0.05, 0.2, 0.6, 1.0])
@pytest.mark.parametrize("start", [(-2.5, 0.3), (3.0, 1.5), (0.0, 0.05)])
def test_function_space_descent_falls_monotonically_to_minus_log_4(rate, start):
    p_g = mixture_1d([start[0]], [start[1]]).pdf(GRID.x)
    run = FunctionSpaceRun(BIMODAL, p_g, GRID, rate=rate)
    values = [run.criterion]
    for _ in range(400):
        run.train()
        values.append(run.criterion)
        assert abs(run.p_g.sum() * GRID.dx - 1.0) < 1e-9  # a density every step
    assert np.all(np.diff(values) <= 1e-12), "C(G) never goes up"
    assert values[-1] - (-LOG4) < 1e-3
    assert values[0] - (-LOG4) > 0.3  # it had somewhere to go


def test_a_full_step_is_the_average_of_p_data_and_p_g():
    p_g = mixture_1d([2.0], [0.4]).pdf(GRID.x)
    stepped = function_space_step(BIMODAL, p_g, GRID.dx, 1.0)
    want = 0.5 * (BIMODAL / (BIMODAL.sum() * GRID.dx) + p_g / (p_g.sum() * GRID.dx))
    np.testing.assert_allclose(stepped, want / (want.sum() * GRID.dx), rtol=1e-9, atol=1e-15)
    with pytest.raises(ValueError, match="step size"):
        function_space_step(BIMODAL, p_g, GRID.dx, 1.5)


def test_the_parametric_step_follows_the_gradient_of_c():
    """θ descends C(θ) itself: the gradient on G's output bias against a central difference of C as the page
    measures it (``criterion`` of the drawn p_g). On the grid C(θ) has a kink wherever a segment's end crosses
    a cell edge, so the difference must be taken well inside a cell (h = 1e-6, cells 0.015 wide)."""
    torch.set_num_threads(1)
    run = ParametricRun(BIMODAL, GRID, offset=-1.0, seed=3)
    assert abs(run.p_g.sum() * GRID.dx - 1.0) < 1e-9
    bias = run.G.net[-1].bias

    def c_at(shift):
        with torch.no_grad():
            bias.add_(shift)
            value = criterion(BIMODAL, run._density().numpy(), GRID.dx)
            bias.sub_(shift)
        return value

    h = 1e-6
    numeric = (c_at(h) - c_at(-h)) / (2 * h)
    run.opt = torch.optim.SGD(run.G.parameters(), lr=0.0)  # a step that measures the gradient and moves nothing
    run.train(1)
    assert abs(numeric) > 0.05
    assert bias.grad.item() == pytest.approx(numeric, rel=1e-2)


def test_an_mlp_from_the_same_start_stays_away_from_p_data():
    torch.set_num_threads(1)
    parametric = ParametricRun(BIMODAL, GRID, lr=3e-3, offset=-2.5, seed=0)
    function = FunctionSpaceRun(BIMODAL, parametric.p_g.copy(), GRID, rate=0.2)
    start = parametric.criterion
    assert function.criterion == pytest.approx(start)  # the same p_g to begin with
    parametric.train(300)
    function.train(300)
    assert parametric.criterion < start - 0.3  # G learns ...
    assert parametric.criterion > -LOG4 + 0.1  # ... but 300 exact-D* steps leave it far from p_data
    assert function.criterion < -LOG4 + 1e-3
