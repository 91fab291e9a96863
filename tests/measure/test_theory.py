"""Tests for ganviz.measure.theory: Proposition 1, Theorem 1 and the saturating-loss gradients, in numbers."""

import math

import numpy as np
import pytest
import torch
from scipy import integrate

from ganviz.measure import theory
from ganviz.measure.metrics import kl, optimal_discriminator, value

LOG4 = math.log(4.0)

PAIRS = {
    "shifted": (theory.mixture_1d([1.0], [0.6]), theory.mixture_1d([-1.0], [1.0])),
    "mixture-vs-gaussian": (theory.mixture_1d([-2.0, 2.0], [0.5, 0.4], [0.3, 0.7]), theory.mixture_1d([0.0], [1.5])),
    "narrow-vs-wide": (theory.mixture_1d([0.0], [0.1]), theory.mixture_1d([0.0], [2.0])),
    "far-apart": (theory.mixture_1d([-4.0], [0.3]), theory.mixture_1d([4.0], [0.3])),
    "two-mixtures": (theory.mixture_1d([-1.0, 1.5], [0.3, 0.8], [0.5, 0.5]),
                     theory.mixture_1d([-0.5, 3.0], [1.2, 0.2], [0.8, 0.2])),
}


def on_grid(p_data, p_g, cells=20_000):
    grid = theory.Grid1D.covering(p_data, p_g, cells=cells)
    return grid, p_data.pdf(grid.x), p_g.pdf(grid.x)


# ----- grids and densities ---------------------------------------------------------------
@pytest.mark.parametrize("name", PAIRS)
def test_covering_grid_holds_all_the_mass(name):
    p_data, p_g = PAIRS[name]
    grid, pd, pg = on_grid(p_data, p_g, cells=4000)
    assert pd.sum() * grid.dx == pytest.approx(1.0, abs=1e-9)
    assert pg.sum() * grid.dx == pytest.approx(1.0, abs=1e-9)
    assert np.allclose(np.diff(grid.x), grid.dx)


def test_mixture_1d_normalises_weights_and_refuses_nonsense():
    m = theory.mixture_1d([0.0, 1.0], [1.0, 1.0], [1.0, 3.0])
    assert m.weights.tolist() == [0.25, 0.75]
    with pytest.raises(ValueError):
        theory.mixture_1d([0.0], [-1.0])


def test_view_window_covers_every_component():
    lo, hi = theory.view_window(theory.mixture_1d([-2.0, 3.0], [0.5, 1.0]), theory.mixture_1d([0.0], [0.1]))
    assert lo == pytest.approx(-2.0 - 3.5 * 0.5) and hi == pytest.approx(3.0 + 3.5)


# ----- Theorem 1 ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", PAIRS)
def test_v_at_d_star_equals_minus_log4_plus_2jsd(name):
    grid, pd, pg = on_grid(*PAIRS[name])
    t = theory.theorem1(pd, pg, grid.dx)
    assert t.difference < 1e-6
    assert t.v_at_d_star == pytest.approx(-LOG4 + t.kl_data_m + t.kl_g_m, abs=1e-9)
    assert t.jsd == pytest.approx(0.5 * (t.kl_data_m + t.kl_g_m), abs=1e-9)
    assert -LOG4 - 1e-9 <= t.v_at_d_star <= 1e-9


@pytest.mark.parametrize("name", ["shifted", "mixture-vs-gaussian", "two-mixtures"])
def test_grid_value_matches_continuous_integral(name):
    """V(D*, G) on the grid against scipy's adaptive quadrature of the continuous integrand."""
    p_data, p_g = PAIRS[name]
    grid, pd, pg = on_grid(p_data, p_g)

    def integrand(x):
        a, b = p_data.pdf(np.array([x]))[0], p_g.pdf(np.array([x]))[0]
        return (a * math.log(a / (a + b)) if a > 0 else 0.0) + (b * math.log(b / (a + b)) if b > 0 else 0.0)

    lo, hi = grid.x[0] - grid.dx / 2, grid.x[-1] + grid.dx / 2
    exact, _ = integrate.quad(integrand, lo, hi, limit=500, points=sorted(set(p_data.means[:, 0]) | set(p_g.means[:, 0])))
    assert theory.theorem1(pd, pg, grid.dx).v_at_d_star == pytest.approx(exact, abs=1e-6)


def test_identical_distributions_reach_the_global_minimum():
    p = theory.mixture_1d([-1.0, 2.0], [0.5, 0.7], [0.4, 0.6])
    grid, pd, pg = on_grid(p, p)
    t = theory.theorem1(pd, pg, grid.dx)
    assert t.jsd == pytest.approx(0.0, abs=1e-12)
    assert t.v_at_d_star == pytest.approx(-LOG4, abs=1e-9)
    assert np.allclose(optimal_discriminator(pd, pg), 0.5)


def test_disjoint_distributions_give_log2():
    grid, pd, pg = on_grid(theory.mixture_1d([-10.0], [0.2]), theory.mixture_1d([10.0], [0.2]))
    t = theory.theorem1(pd, pg, grid.dx)
    assert t.jsd == pytest.approx(math.log(2), abs=1e-9)
    assert t.v_at_d_star == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("m1,s1,m2,s2", [(0, 1, 1, 1), (0, 0.5, 2, 1.5), (-1, 2, 3, 0.8)])
def test_kl_between_gaussians_matches_closed_form(m1, s1, m2, s2):
    p, q = theory.mixture_1d([m1], [s1]), theory.mixture_1d([m2], [s2])
    grid, pp, pq = on_grid(p, q)
    closed = math.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5
    assert kl(pp, pq, grid.dx) == pytest.approx(closed, rel=1e-6, abs=1e-9)


def test_shifted_moves_the_mean_and_keeps_the_shape():
    p = theory.mixture_1d([-1.0, 2.0], [0.5, 0.7], [0.25, 0.75])
    q = theory.shifted(p, 3.0)
    assert float(q.weights @ q.means[:, 0]) == pytest.approx(3.0)
    assert np.allclose(np.diff(q.means[:, 0]), np.diff(p.means[:, 0])) and np.allclose(q.stds, p.stds)


def test_criterion_curve_bottoms_out_at_minus_log4_when_shapes_match():
    p_data = theory.mixture_1d([1.0], [0.6])
    p_g = theory.mixture_1d([-3.0], [0.6])
    means = np.linspace(-5.0, 7.0, 121)  # contains 1.0
    grid = theory.Grid1D.covering(p_data, theory.shifted(p_g, means[0]), theory.shifted(p_g, means[-1]), cells=8000)
    c = theory.criterion_curve(p_data, p_g, means, grid)
    i = int(np.argmin(c))
    assert means[i] == pytest.approx(1.0) and c[i] == pytest.approx(-LOG4, abs=1e-9)
    assert np.all(c >= -LOG4 - 1e-9) and np.all(c <= 1e-9)
    assert np.all(np.diff(c[: i + 1]) <= 1e-12) and np.all(np.diff(c[i:]) >= -1e-12)  # down, then up
    assert c[0] == pytest.approx(0.0, abs=1e-3)  # far apart: JSD ~ log 2, C ~ 0


def test_criterion_curve_stays_above_minus_log4_when_shapes_differ():
    p_data, p_g = theory.mixture_1d([0.0], [0.5]), theory.mixture_1d([0.0], [1.5])
    means = np.linspace(-3, 3, 61)
    grid = theory.Grid1D.covering(p_data, theory.shifted(p_g, -3), theory.shifted(p_g, 3))
    assert theory.criterion_curve(p_data, p_g, means, grid).min() > -LOG4 + 0.05


# ----- Proposition 1 -------------------------------------------------------------------------
@pytest.mark.parametrize("name", PAIRS)
def test_d_star_maximises_v_against_random_perturbations(name):
    grid, pd, pg = on_grid(*PAIRS[name], cells=4000)
    d_star = optimal_discriminator(pd, pg)
    v_star = value(pd, pg, d_star, grid.dx)
    rng = np.random.default_rng(1)
    for scale in (1e-4, 1e-2, 0.3):
        for _ in range(20):
            logit = np.log(np.clip(d_star, 1e-300, None)) - np.log(np.clip(1 - d_star, 1e-300, None))
            d = 1 / (1 + np.exp(-(logit + scale * rng.standard_normal(len(d_star)))))
            assert value(pd, pg, d, grid.dx) <= v_star + 1e-12


@pytest.mark.parametrize("name", PAIRS)
def test_d_star_maximises_the_integrand_at_every_point(name):
    grid, pd, pg = on_grid(*PAIRS[name], cells=2000)
    f_star = theory.pointwise_value_at_optimum(pd, pg)
    assert np.all(np.isfinite(f_star))
    d_star = optimal_discriminator(pd, pg)
    ok = (d_star > 0) & (d_star < 1)  # where D* did not round to 0 or 1, the plain formula agrees
    assert np.allclose(theory.pointwise_value(pd, pg, d_star)[ok], f_star[ok], rtol=1e-9, atol=1e-12)
    for y in np.linspace(0.01, 0.99, 25):
        assert np.all(theory.pointwise_value(pd, pg, np.full_like(pd, y)) <= f_star + 1e-12)


@pytest.mark.parametrize("centre,slope", [(0.0, 2.0), (1.0, -3.0), (-2.0, 0.0), (0.3, 40.0)])
def test_no_sigmoid_candidate_beats_d_star(centre, slope):
    grid, pd, pg = on_grid(*PAIRS["shifted"], cells=4000)
    d = theory.sigmoid_discriminator(grid.x, centre, slope)
    assert np.all((d >= 0) & (d <= 1))
    assert value(pd, pg, d, grid.dx) < theory.criterion(pd, pg, grid.dx)


def test_sigmoid_candidate_shape():
    x = np.array([-1e6, -1.0, 0.5, 1.0, 1e6])
    d = theory.sigmoid_discriminator(x, 0.5, 2.0)
    assert d[2] == 0.5 and d[0] == 0.0 and d[-1] == 1.0 and np.all(np.diff(d) >= 0)
    assert np.allclose(theory.sigmoid_discriminator(x, 0.0, 0.0), 0.5)


def test_blending_towards_half_only_lowers_v():
    grid, pd, pg = on_grid(*PAIRS["mixture-vs-gaussian"], cells=4000)
    d_star = optimal_discriminator(pd, pg)
    values = [value(pd, pg, theory.blended_discriminator(d_star, t), grid.dx) for t in np.linspace(0, 1, 11)]
    assert np.all(np.diff(values) < 0)
    assert values[0] == pytest.approx(theory.criterion(pd, pg, grid.dx), abs=1e-12)
    assert values[-1] == pytest.approx(-LOG4, abs=1e-9)  # D = 1/2 everywhere scores -log 4 whatever p_g is


def test_mean_gap():
    grid, pd, pg = on_grid(*PAIRS["shifted"], cells=2000)
    d_star = optimal_discriminator(pd, pg)
    assert theory.mean_gap(d_star, d_star, pd, pg, grid.dx) == 0.0
    assert theory.mean_gap(d_star + 0.1, d_star, pd, pg, grid.dx) == pytest.approx(0.1)
    assert theory.mean_gap(np.full_like(pd, 0.5), d_star, pd, pg, grid.dx) > 0.2


# ----- the saturating loss -------------------------------------------------------------------------
def test_generator_gradients_match_autograd():
    s = torch.linspace(-12, 12, 97, dtype=torch.float64, requires_grad=True)
    d = torch.sigmoid(s)
    saturating = torch.log1p(-d)  # minimax: G minimises log(1 - D)
    nonsaturating = -torch.log(d)
    (g_sat,) = torch.autograd.grad(saturating.sum(), s, retain_graph=True)
    (g_ns,) = torch.autograd.grad(nonsaturating.sum(), s)
    f = theory.generator_objectives(d.detach().numpy())
    assert np.allclose(f["saturating"], saturating.detach().numpy())
    assert np.allclose(f["nonsaturating"], nonsaturating.detach().numpy())
    assert np.allclose(f["grad_saturating"], np.abs(g_sat.numpy()), atol=1e-12)
    assert np.allclose(f["grad_nonsaturating"], np.abs(g_ns.numpy()), atol=1e-12)
    assert torch.all(g_sat <= 0) and torch.all(g_ns <= 0)  # both push the logit up


def test_saturating_gradient_vanishes_where_d_rejects_the_fakes():
    f = theory.generator_objectives(np.array([1e-4, 0.01, 0.5]))
    assert f["grad_saturating"][0] < 1e-3 < 0.99 < f["grad_nonsaturating"][0]
    assert f["grad_saturating"][2] == f["grad_nonsaturating"][2] == 0.5


def test_ganviz_losses_have_these_gradients():
    """The trainer's losses (written with softplus) give G the same logit gradients."""
    from ganviz.core.losses import get_loss

    s = torch.linspace(-8, 8, 33, requires_grad=True)

    class Fixed(torch.nn.Module):
        def forward(self, x):
            return x[:, 0]

    for name, expected in (("minimax", torch.sigmoid(s)), ("nonsaturating", 1 - torch.sigmoid(s))):
        loss = get_loss(name).g_loss(Fixed(), s[:, None]) * len(s)  # undo the mean
        (grad,) = torch.autograd.grad(loss, s)
        assert torch.allclose(grad.abs(), expected.detach(), atol=1e-6), name


@pytest.mark.parametrize("centre,slope", [(0.0, 2.0), (1.5, -4.0), (-1.0, 8.0), (0.0, 0.0)])
def test_sigmoid_value_agrees_with_value_and_stays_finite(centre, slope):
    grid, pd, pg = on_grid(*PAIRS["shifted"], cells=4000)
    v = theory.sigmoid_value(pd, pg, grid.x, centre, slope, grid.dx)
    d = theory.sigmoid_discriminator(grid.x, centre, slope)
    plain = value(pd, pg, d, grid.dx)
    assert math.isfinite(v) and v < theory.criterion(pd, pg, grid.dx)
    if math.isfinite(plain):
        assert v == pytest.approx(plain, abs=1e-6)
    steep = theory.sigmoid_value(pd, pg, grid.x, 1.5, -40.0, grid.dx)  # D rounds to 0 and 1 in the tails
    assert math.isfinite(steep)
