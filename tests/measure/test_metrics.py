"""Tests for ganviz.measure.metrics: the paper's quantities on a grid of equal cells."""

import math
import warnings

import numpy as np
import pytest
from scipy import integrate, stats

from ganviz.measure.metrics import LOG2, criterion, jsd, kl, optimal_discriminator, pushforward_density_1d, value
from ganviz.core.priors import NormalPrior, UniformPrior

LOG4 = math.log(4.0)


def grid(lo, hi, cells):
    edges = np.linspace(lo, hi, cells + 1)
    return 0.5 * (edges[1:] + edges[:-1]), (hi - lo) / cells


def density_pairs():
    """(name, p_data, p_g, dx): a variety of grids and density pairs, some with zeros."""
    rng = np.random.default_rng(0)
    x, dx = grid(-8.0, 8.0, 1600)
    x2, dx2 = grid(-3.0, 5.0, 333)
    pairs = [
        ("gauss-shifted", stats.norm.pdf(x, 0, 1), stats.norm.pdf(x, 1, 1.5), dx),
        ("gauss-far", stats.norm.pdf(x, -3, 0.5), stats.norm.pdf(x, 4, 0.3), dx),
        ("gauss-vs-uniform", stats.norm.pdf(x2, 2, 0.5), ((x2 > -1) & (x2 < 0)).astype(float), dx2),
        ("overlapping-boxes", ((x2 > 0) & (x2 < 2)).astype(float), ((x2 > 1) & (x2 < 4)).astype(float), dx2),
        ("random-masses", rng.random(50), rng.random(50), 1.0),
        ("random-with-zeros", rng.random(50) * (rng.random(50) > 0.3), rng.random(50) * (rng.random(50) > 0.3), 1.0),
        ("unnormalised", 3.0 * stats.norm.pdf(x, 0, 2), 0.2 * stats.norm.pdf(x, 0.5, 1), dx),
    ]
    return pairs


PAIRS = density_pairs()
PAIR_IDS = [p[0] for p in PAIRS]
# In "gauss-far", p_g / p_data < 1e-16 where p_g > 0, so D* rounds to exactly 1.0 there and
# V(D*, G) = -inf in floating point; criterion() exists to avoid that. Keep it out of V(D*) checks.
V_PAIRS = [p for p in PAIRS if p[0] != "gauss-far"]
V_IDS = [p[0] for p in V_PAIRS]


def normalised(p, dx):
    return p / (p.sum() * dx)


def d_star_of(p, q, dx):
    """D* for the densities value() and criterion() use: both normalised on the grid."""
    return optimal_discriminator(normalised(p, dx), normalised(q, dx))


# ----- JSD ---------------------------------------------------------------------------


@pytest.mark.parametrize("name,p,q,dx", PAIRS, ids=PAIR_IDS)
def test_jsd_of_identical_is_zero(name, p, q, dx):
    assert jsd(p, p, dx) == pytest.approx(0.0, abs=1e-14)
    assert jsd(q, q, dx) == pytest.approx(0.0, abs=1e-14)
    # normalisation: a rescaled copy is the same distribution
    assert jsd(p, 5.0 * p, dx) == pytest.approx(0.0, abs=1e-14)


@pytest.mark.parametrize("dx", [1.0, 0.1, 0.037])
def test_jsd_disjoint_supports_is_log2(dx):
    p = np.array([1.0, 2.0, 0.5, 0.0, 0.0, 0.0])
    q = np.array([0.0, 0.0, 0.0, 3.0, 0.1, 1.0])
    assert abs(jsd(p, q, dx) - LOG2) < 1e-12
    assert abs(jsd(q, p, dx) - LOG2) < 1e-12


@pytest.mark.parametrize("name,p,q,dx", PAIRS, ids=PAIR_IDS)
def test_jsd_symmetric_and_bounded(name, p, q, dx):
    a, b = jsd(p, q, dx), jsd(q, p, dx)
    assert a == pytest.approx(b, abs=1e-13)
    assert 0.0 < a <= LOG2


def test_jsd_is_invariant_to_scaling_of_inputs():
    x, dx = grid(-6, 6, 600)
    p, q = stats.norm.pdf(x, 0, 1), stats.norm.pdf(x, 1, 1.5)
    assert jsd(7.0 * p, 0.1 * q, dx) == pytest.approx(jsd(p, q, dx), abs=1e-14)


def test_jsd_two_gaussians_matches_scipy_quad():
    p_pdf = stats.norm(0.0, 1.0).pdf
    q_pdf = stats.norm(1.0, 1.5).pdf

    def integrand(t):
        p, q = p_pdf(t), q_pdf(t)
        m = 0.5 * (p + q)
        out = 0.0
        if p > 0:
            out += 0.5 * p * math.log(p / m)
        if q > 0:
            out += 0.5 * q * math.log(q / m)
        return out

    reference, err = integrate.quad(integrand, -np.inf, np.inf, epsabs=1e-12, epsrel=1e-10, limit=200)
    assert err < 1e-8
    assert 0.05 < reference < 0.2  # a sanity check of the reference itself

    x, dx = grid(-15.0, 16.0, 31_000)
    got = jsd(p_pdf(x), q_pdf(x), dx)
    assert abs(got - reference) < 1e-4
    # and far from the trivial values
    assert abs(got) > 0.05 and abs(got - LOG2) > 0.1


def test_zeros_in_densities_give_finite_results_and_no_warnings():
    p = np.array([0.0, 1.0, 2.0, 0.0, 1.0, 0.0])
    q = np.array([1.0, 0.0, 2.0, 0.0, 3.0, 0.5])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any RuntimeWarning (log 0, 0/0) fails the test
        results = [
            jsd(p, q),
            jsd(q, p),
            criterion(p, q),
            criterion(q, p),
            value(p, q, optimal_discriminator(p, q)),
            kl(p, p),
        ]
        d_star = optimal_discriminator(p, q)
    assert all(math.isfinite(r) for r in results)
    assert np.all(np.isfinite(d_star))
    assert 0.0 < results[0] < LOG2


def test_all_zero_or_nan_density_rejected():
    p = np.array([0.0, 1.0, 2.0])
    for bad in (np.zeros(3), np.array([1.0, np.nan, 1.0]), np.array([1.0, np.inf, 1.0])):
        with pytest.raises(ValueError, match="density"):
            jsd(p, bad)
        with pytest.raises(ValueError, match="density"):
            criterion(bad, p)


# ----- KL ----------------------------------------------------------------------------


def test_kl_infinite_where_q_zero_and_p_positive():
    p = np.array([0.2, 0.3, 0.5])
    q = np.array([0.5, 0.5, 0.0])
    assert kl(p, q) == math.inf
    # the other way round is finite: p > 0 wherever q > 0
    assert math.isfinite(kl(q, p))
    assert kl(q, p) > 0


def test_kl_of_identical_is_zero():
    p = np.array([0.2, 0.3, 0.5, 0.0])
    assert kl(p, p) == pytest.approx(0.0, abs=1e-15)


@pytest.mark.parametrize("m1,s1,m2,s2", [(0.0, 1.0, 1.0, 1.5), (2.0, 0.5, -1.0, 2.0), (0.0, 2.0, 0.0, 1.0)])
def test_kl_two_gaussians_closed_form(m1, s1, m2, s2):
    x, dx = grid(-25.0, 25.0, 50_000)
    got = kl(stats.norm.pdf(x, m1, s1), stats.norm.pdf(x, m2, s2), dx)
    expected = math.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5
    assert got == pytest.approx(expected, abs=1e-6)


def test_jsd_equals_mean_of_kls_to_midpoint():
    x, dx = grid(-10, 10, 4000)
    p, q = stats.norm.pdf(x, 0, 1), stats.norm.pdf(x, 1, 1.5)
    m = 0.5 * (p + q)
    assert jsd(p, q, dx) == pytest.approx(0.5 * kl(p, m, dx) + 0.5 * kl(q, m, dx), abs=1e-12)


# ----- D*, V, C ----------------------------------------------------------------------


def test_optimal_discriminator_formula():
    p = np.array([1.0, 0.0, 3.0, 0.0, 2.0])
    q = np.array([1.0, 2.0, 1.0, 0.0, 0.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = optimal_discriminator(p, q)
    np.testing.assert_array_equal(d, [0.5, 0.0, 0.75, 0.5, 1.0])
    assert d.dtype == np.float64


def test_optimal_discriminator_broadcasts_and_scalar():
    assert float(optimal_discriminator(0.0, 0.0)) == 0.5
    assert float(optimal_discriminator(3.0, 1.0)) == 0.75
    x, _ = grid(-5, 5, 101)
    p, q = stats.norm.pdf(x, 0, 1), stats.norm.pdf(x, 1, 1.5)
    np.testing.assert_allclose(optimal_discriminator(p, q), p / (p + q), rtol=1e-15)


@pytest.mark.parametrize("name,p,q,dx", V_PAIRS, ids=V_IDS)
def test_value_at_d_star_equals_criterion_equals_theorem_1(name, p, q, dx):
    d_star = d_star_of(p, q, dx)
    v = value(p, q, d_star, dx)
    c = criterion(p, q, dx)
    theorem = -LOG4 + 2.0 * jsd(p, q, dx)
    assert abs(v - c) < 1e-10
    assert abs(c - theorem) < 1e-10
    assert -LOG4 < c <= 0.0


@pytest.mark.parametrize("name,p,q,dx", PAIRS, ids=PAIR_IDS)
def test_criterion_equals_theorem_1_on_all_pairs(name, p, q, dx):
    assert abs(criterion(p, q, dx) - (-LOG4 + 2.0 * jsd(p, q, dx))) < 1e-10


def test_value_at_rounded_d_star_is_minus_inf_but_criterion_finite():
    name, p, q, dx = PAIRS[PAIR_IDS.index("gauss-far")]
    d_star = d_star_of(p, q, dx)
    assert np.any((d_star == 1.0) & (q > 0))  # the premise: D* rounds to 1 where p_g > 0
    assert value(p, q, d_star, dx) == -math.inf
    assert math.isfinite(criterion(p, q, dx))


@pytest.mark.parametrize("name,p,q,dx", V_PAIRS, ids=V_IDS)
def test_value_is_maximised_by_d_star(name, p, q, dx):
    """Proposition 1: for fixed G, V(D, G) <= V(D*, G) for every D."""
    d_star = d_star_of(p, q, dx)
    best = value(p, q, d_star, dx)
    n = len(p)
    t = np.linspace(-3, 3, n)
    others = {
        "half": np.full(n, 0.5),
        "blend": 0.5 * (d_star + 0.5),
        "blend-close": 0.99 * d_star + 0.01 * 0.5,
        "sigmoid": 1.0 / (1.0 + np.exp(-t)),
        "flipped": 0.5 * (1.0 - d_star + 0.5),
    }
    for label, d in others.items():
        v = value(p, q, d, dx)
        assert v < best, label  # strict: these D differ from D* on p_data + p_g > 0
    # constant 1/2 gives exactly -log 4
    assert value(p, q, np.full(n, 0.5), dx) == pytest.approx(-LOG4, abs=1e-12)


def test_value_minus_infinity_when_d_is_certain_and_wrong():
    p = np.array([1.0, 1.0, 0.0])
    q = np.array([0.0, 1.0, 1.0])
    assert value(p, q, np.array([0.0, 0.5, 0.5])) == -math.inf  # D = 0 on real data
    assert value(p, q, np.array([0.5, 0.5, 1.0])) == -math.inf  # D = 1 on fakes
    # D = 0 / 1 where only the other density lives costs nothing
    assert value(p, q, np.array([1.0, 0.5, 0.0])) == pytest.approx(0.5 * math.log(0.5) * 2)


def test_value_closed_form_simple():
    p = np.array([0.25, 0.75])
    q = np.array([0.5, 0.5])
    d = np.array([0.2, 0.9])
    expected = 0.25 * math.log(0.2) + 0.75 * math.log(0.9) + 0.5 * math.log(0.8) + 0.5 * math.log(0.1)
    assert value(p, q, d) == pytest.approx(expected, abs=1e-14)


@pytest.mark.parametrize("name,p,q,dx", PAIRS, ids=PAIR_IDS)
def test_criterion_at_p_g_equal_p_data_is_minus_log4(name, p, q, dx):
    assert criterion(p, p, dx) == pytest.approx(-LOG4, abs=1e-12)
    assert criterion(p, 2.5 * p, dx) == pytest.approx(-LOG4, abs=1e-12)


def test_criterion_disjoint_is_zero():
    p = np.array([1.0, 1.0, 0.0, 0.0])
    q = np.array([0.0, 0.0, 1.0, 1.0])
    assert criterion(p, q) == pytest.approx(0.0, abs=1e-12)


def test_criterion_accurate_where_d_star_near_one():
    """C uses log(p_g / (p_data + p_g)), no cancellation in 1 - D*."""
    x, dx = grid(-10, 10, 2000)
    p, q = stats.norm.pdf(x, -4, 0.5), stats.norm.pdf(x, 4, 0.5)
    c = criterion(p, q, dx)
    assert c == pytest.approx(-LOG4 + 2 * jsd(p, q, dx), abs=1e-12)
    assert c > -1e-6  # nearly disjoint -> C(G) ~ 0


# ----- pushforward_density_1d --------------------------------------------------------


def cell_mass(p, edges):
    return float((p * np.diff(edges)).sum())


@pytest.mark.parametrize("a,b", [(1.0, 0.0), (1.5, 0.3), (-0.8, -1.2), (0.25, 2.0)])
@pytest.mark.parametrize("n", [1001, 4096])
def test_pushforward_linear_g_uniform_prior_is_uniform(a, b, n):
    z = UniformPrior().quantiles(n)
    lo, hi = b - abs(a), b + abs(a)
    edges = np.linspace(lo - 1.0, hi + 1.0, 401)
    p = pushforward_density_1d(a * z + b, edges)
    assert p.shape == (400,)
    assert np.all(np.isfinite(p)) and np.all(p >= 0)
    assert cell_mass(p, edges) == pytest.approx(1.0, abs=1e-12)
    # interior cells: those inside [x_0, x_{n-1}] = [lo + |a|/n, hi - |a|/n]
    inner_lo, inner_hi = lo + abs(a) / n, hi - abs(a) / n
    interior = (edges[:-1] > inner_lo) & (edges[1:] < inner_hi)
    cells_in_support = 400 * (2 * abs(a)) / (2 * abs(a) + 2.0)
    assert interior.sum() >= cells_in_support - 2  # all but the two end cells are checked
    np.testing.assert_allclose(p[interior], 1.0 / (2 * abs(a)), rtol=0, atol=1e-9)
    outside = (edges[1:] <= lo) | (edges[:-1] >= hi)
    assert np.all(p[outside] == 0.0)


def test_pushforward_linear_g_normal_prior_matches_gaussian_pdf():
    m, s = -0.5, 0.7
    z = NormalPrior().quantiles(20_000)
    edges = np.linspace(-6.0, 5.0, 1101)
    centres = 0.5 * (edges[1:] + edges[:-1])
    p = pushforward_density_1d(s * z + m, edges)
    expected = stats.norm.pdf(centres, m, s)
    err = np.abs(p - expected)
    assert err.max() < 5e-3
    core = np.abs(centres - m) < 3 * s
    assert err[core].max() < 2e-4
    assert cell_mass(p, edges) == pytest.approx(1.0, abs=1e-8)


@pytest.mark.parametrize("c", [0.123, -2.5, 3.999])
def test_pushforward_constant_g_is_a_spike(c):
    edges = np.linspace(-4.0, 4.0, 81)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = pushforward_density_1d(np.full(500, c), edges)
    assert np.all(np.isfinite(p))
    nonzero = np.flatnonzero(p)
    assert len(nonzero) == 1
    k = nonzero[0]
    assert edges[k] < c <= edges[k + 1]
    assert p[k] == pytest.approx(1.0 / 0.1, rel=1e-12)


def test_pushforward_flat_piece_is_a_point_mass():
    # G flat at 0.5 on the left half of z, linear on the right half: half the mass is a spike
    n = 2001
    z = UniformPrior().quantiles(n)
    x = np.where(z < 0, 0.5, 0.5 + z)
    edges = np.linspace(0.0, 2.0, 201)
    p = pushforward_density_1d(x, edges)
    k = np.searchsorted(edges, 0.5, side="left") - 1  # cell (edges[k], edges[k+1]] holding 0.5
    spike_mass = p[k] * 0.01
    assert spike_mass == pytest.approx(0.5, abs=2e-3)
    assert cell_mass(p, edges) == pytest.approx(1.0, abs=1e-12)
    interior = (edges[:-1] > 0.51) & (edges[1:] < 1.49)
    np.testing.assert_allclose(p[interior], 0.5, atol=1e-9)  # density of z/2-mass uniform on [0.5, 1.5]


def test_pushforward_fold_abs_z_is_uniform_on_unit_interval():
    n = 10_001  # odd: z = 0 is a quantile, so the fold lands on a point
    z = UniformPrior().quantiles(n)
    edges = np.linspace(-0.25, 1.25, 151)
    p = pushforward_density_1d(np.abs(z), edges)
    assert cell_mass(p, edges) == pytest.approx(1.0, abs=1e-10)
    inside = (edges[:-1] >= 0.0 - 1e-12) & (edges[1:] <= 1.0 - 2.0 / n)
    assert inside.sum() == 99
    np.testing.assert_allclose(p[inside], 1.0, atol=1e-9)
    outside = (edges[1:] <= 0.0 + 1e-12) | (edges[:-1] >= 1.0 - 1e-12)
    assert np.all(p[outside] == 0.0)


def test_pushforward_values_right_of_edges_clipped_into_last_cell():
    z = UniformPrior().quantiles(3000)
    x = 1.5 * z + 1.5  # U(0, 3)
    edges = np.linspace(0.0, 1.0, 11)
    p = pushforward_density_1d(x, edges)
    assert cell_mass(p, edges) == pytest.approx(1.0, abs=1e-10)
    # mass of [0.9, 3] = 0.7 lands in the last cell
    assert p[-1] * 0.1 == pytest.approx(0.7, abs=1e-3)
    np.testing.assert_allclose(p[1:-1], 1.0 / 3.0, atol=1e-9)


def test_pushforward_values_left_of_edges_clipped_into_first_cell():
    z = UniformPrior().quantiles(3000)
    x = 1.5 * z + 0.5  # U(-1, 2)
    edges = np.linspace(0.0, 1.0, 11)
    p = pushforward_density_1d(x, edges)
    assert cell_mass(p, edges) == pytest.approx(1.0, abs=1e-10)
    assert p[0] * 0.1 == pytest.approx(1.0 / 3.0 + 0.1 / 3.0, abs=1e-3)  # [-1, 0.1] lands in cell 0
    assert p[-1] * 0.1 == pytest.approx(1.0 / 3.0 + 0.1 / 3.0, abs=1e-3)  # [0.9, 2] lands in the last cell


@pytest.mark.parametrize("c", [-7.0, 0.0])
def test_pushforward_spike_at_or_left_of_first_edge(c):
    edges = np.linspace(0.0, 1.0, 11)
    p = pushforward_density_1d(np.full(100, c), edges)
    assert p[0] == pytest.approx(10.0)
    assert cell_mass(p, edges) == pytest.approx(1.0)
