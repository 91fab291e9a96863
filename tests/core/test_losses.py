"""Tests for ganviz.core.losses: each loss type's D and G losses, written with logits."""

import math

import numpy as np
import pytest
import torch

from ganviz.core.losses import LOSSES, Hinge, LeastSquares, Minimax, NonSaturating, WassersteinGP, get_loss
from ganviz.core.models import Discriminator

NAMES = sorted(LOSSES)


def identity_d(x):
    """A 'discriminator' whose logit is its (1D) input: lets a test choose the logits."""
    return x[:, 0]


def logits(*values, grad=False):
    return torch.tensor(values, dtype=torch.float64).reshape(-1, 1).requires_grad_(grad)


def tiny_d(seed=0):
    torch.manual_seed(seed)
    return Discriminator(1, width=8, depth=1)


@pytest.mark.parametrize("name", NAMES)
def test_losses_finite_scalars_with_gradients(name):
    gen = torch.Generator().manual_seed(0)
    loss = get_loss(name, gen)
    D = tiny_d()
    real = torch.randn(16, 1, generator=gen) * 0.5 + 2.0
    fake = (torch.randn(16, 1, generator=gen) * 0.3).requires_grad_(True)

    d = loss.d_loss(D, real, fake.detach())
    assert d.shape == () and torch.isfinite(d)
    D.zero_grad()
    d.backward()
    grads = [p.grad for p in D.parameters()]
    assert all(g is not None and torch.isfinite(g).all() for g in grads)
    assert sum(float(g.abs().sum()) for g in grads) > 0

    g = loss.g_loss(D, fake)
    assert g.shape == () and torch.isfinite(g)
    (g_fake,) = torch.autograd.grad(g, fake)
    assert torch.isfinite(g_fake).all() and float(g_fake.abs().sum()) > 0


def naive_log_sigmoid(s):
    return torch.log(torch.sigmoid(s))


def naive_log_one_minus_sigmoid(s):
    return torch.log(1 - torch.sigmoid(s))


S_REAL = (-3.0, -0.5, 0.0, 1.2, 4.0)
S_FAKE = (-2.5, 0.3, 2.0, -0.1)


@pytest.mark.parametrize("cls", [Minimax, NonSaturating])
def test_log_loss_d_matches_naive_formula(cls):
    real, fake = logits(*S_REAL), logits(*S_FAKE)
    got = cls().d_loss(identity_d, real, fake)
    s_r, s_f = real[:, 0], fake[:, 0]
    expected = -(naive_log_sigmoid(s_r).mean() + naive_log_one_minus_sigmoid(s_f).mean())
    assert float(got) == pytest.approx(float(expected), rel=1e-12)


@pytest.mark.parametrize("cls", [Minimax, NonSaturating])
@pytest.mark.parametrize("batch_stats", [False, True])
def test_log_loss_d_of_equal_halves_matches_naive_formula(cls, batch_stats):
    """Equal real and fake batches take the one-pass fused path, unless D uses batch statistics: same number."""
    def d(x):
        return x[:, 0]

    d.uses_batch_stats = batch_stats
    real, fake = logits(*S_REAL[:4], grad=True), logits(*S_FAKE, grad=True)
    got = cls().d_loss(d, real, fake)
    s_r, s_f = real[:, 0], fake[:, 0]
    expected = -(naive_log_sigmoid(s_r).mean() + naive_log_one_minus_sigmoid(s_f).mean())
    assert float(got) == pytest.approx(float(expected), rel=1e-12)
    grads = torch.autograd.grad(got, (real, fake))
    expected_grads = torch.autograd.grad(expected, (real, fake))
    for a, b in zip(grads, expected_grads):
        assert torch.allclose(a, b, rtol=1e-10)


def test_minimax_g_loss_is_mean_log_one_minus_d():
    fake = logits(*S_FAKE)
    got = Minimax().g_loss(identity_d, fake)
    expected = naive_log_one_minus_sigmoid(fake[:, 0]).mean()
    assert float(got) == pytest.approx(float(expected), rel=1e-12)
    assert float(got) < 0


def test_nonsaturating_g_loss_is_minus_mean_log_d():
    fake = logits(*S_FAKE)
    got = NonSaturating().g_loss(identity_d, fake)
    expected = -naive_log_sigmoid(fake[:, 0]).mean()
    assert float(got) == pytest.approx(float(expected), rel=1e-12)
    assert float(got) > 0


def test_lsgan_formulas_and_probability():
    real, fake = logits(*S_REAL), logits(*S_FAKE)
    loss = LeastSquares()
    s_r, s_f = real[:, 0], fake[:, 0]
    assert float(loss.d_loss(identity_d, real, fake)) == pytest.approx(
        float(0.5 * ((s_r - 1) ** 2).mean() + 0.5 * (s_f**2).mean()), rel=1e-12
    )
    assert float(loss.g_loss(identity_d, fake)) == pytest.approx(float(0.5 * ((s_f - 1) ** 2).mean()), rel=1e-12)
    p = loss.probability(torch.tensor([-0.5, 0.3, 1.7]))
    assert torch.equal(p, torch.tensor([0.0, 0.3, 1.0]))


def test_hinge_formulas():
    real, fake = logits(*S_REAL), logits(*S_FAKE)
    loss = Hinge()
    s_r, s_f = real[:, 0], fake[:, 0]
    expected = torch.clamp(1 - s_r, min=0).mean() + torch.clamp(1 + s_f, min=0).mean()
    assert float(loss.d_loss(identity_d, real, fake)) == pytest.approx(float(expected), rel=1e-12)
    assert float(loss.g_loss(identity_d, fake)) == pytest.approx(-float(s_f.mean()), rel=1e-12)


@pytest.mark.parametrize("slope,penalty", [(1.0, 0.0), (3.0, 4.0), (0.5, 0.25)])
def test_wgan_gp_critic_loss_and_penalty(slope, penalty):
    """A linear critic s = slope * x has gradient norm |slope| everywhere: gp = (|slope| - 1)^2."""
    real, fake = logits(*S_REAL), logits(*S_FAKE[:4], 0.7)
    loss = WassersteinGP(torch.Generator().manual_seed(0))

    def critic(x):
        return slope * x[:, 0]

    expected = slope * (fake.mean() - real.mean()) + WassersteinGP.penalty * penalty
    assert float(loss.d_loss(critic, real, fake)) == pytest.approx(float(expected), rel=1e-9, abs=1e-12)
    assert float(loss.g_loss(critic, fake)) == pytest.approx(-slope * float(fake.mean()), rel=1e-12)


def test_wgan_gp_reproducible_with_generator():
    D = tiny_d(3)
    real = torch.linspace(-1, 3, 32).reshape(-1, 1)
    fake = torch.linspace(-2, 0, 32).reshape(-1, 1)
    a = WassersteinGP(torch.Generator().manual_seed(1)).d_loss(D, real, fake).detach()
    b = WassersteinGP(torch.Generator().manual_seed(1)).d_loss(D, real, fake).detach()
    c = WassersteinGP(torch.Generator().manual_seed(2)).d_loss(D, real, fake).detach()
    assert float(a) == float(b)
    assert float(a) != float(c)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_log_losses_finite_for_huge_logits(dtype):
    big = 1000.0
    real = torch.tensor([[-big], [big]], dtype=dtype)  # D sure a real sample is fake, and sure one is real
    fake = torch.tensor([[big], [-big]], dtype=dtype, requires_grad=True)
    # the naive formulas break down here
    with torch.no_grad():
        naive = -(naive_log_sigmoid(real[:, 0]).mean() + naive_log_one_minus_sigmoid(fake[:, 0]).mean())
        naive_g = naive_log_one_minus_sigmoid(fake[:, 0]).mean()
        naive_ns = -naive_log_sigmoid(fake[:, 0]).mean()
    assert not torch.isfinite(naive) and not torch.isfinite(naive_g) and not torch.isfinite(naive_ns)

    # -log sigmoid(s) = log(1 + e^-s) = logaddexp(0, -s), exactly computable in NumPy
    def softplus(s):
        return float(np.logaddexp(0.0, s))

    expected_d = 0.5 * (softplus(big) + softplus(-big)) + 0.5 * (softplus(big) + softplus(-big))
    d = Minimax().d_loss(identity_d, real, fake)
    assert torch.isfinite(d) and float(d.detach()) == pytest.approx(expected_d, rel=1e-6)

    g_mm = Minimax().g_loss(identity_d, fake)
    g_ns = NonSaturating().g_loss(identity_d, fake)
    assert float(g_mm.detach()) == pytest.approx(-0.5 * (softplus(big) + softplus(-big)), rel=1e-6)
    assert float(g_ns.detach()) == pytest.approx(0.5 * (softplus(-big) + softplus(big)), rel=1e-6)
    for g in (g_mm, g_ns):
        (grad,) = torch.autograd.grad(g, fake)
        assert torch.isfinite(grad).all()


@pytest.mark.parametrize("name", NAMES)
def test_all_losses_finite_for_huge_logits(name):
    loss = get_loss(name, torch.Generator().manual_seed(0))
    real = torch.tensor([[-1000.0], [1000.0], [0.0]])
    fake = torch.tensor([[1000.0], [-1000.0], [3.0]], requires_grad=True)
    d = loss.d_loss(identity_d, real, fake)
    g = loss.g_loss(identity_d, fake)
    assert torch.isfinite(d) and torch.isfinite(g)
    (grad,) = torch.autograd.grad(g, fake)
    assert torch.isfinite(grad).all()
    assert torch.isfinite(loss.probability(torch.tensor([-1000.0, 1000.0]))).all()


def g_grad_wrt_logit(cls, s):
    fake = logits(s, grad=True)  # one sample, so the mean is that sample
    (grad,) = torch.autograd.grad(cls().g_loss(identity_d, fake), fake)
    return float(grad)


def test_minimax_g_gradient_saturates():
    """d/ds log(1 - sigmoid(s)) = -sigmoid(s): vanishes when D confidently rejects the fake."""
    s = -10.0
    grad = g_grad_wrt_logit(Minimax, s)
    sig = 1.0 / (1.0 + math.exp(-s))
    assert grad == pytest.approx(-sig, rel=1e-9)
    assert abs(grad) < 1e-4
    mags = [abs(g_grad_wrt_logit(Minimax, t)) for t in (-1.0, -5.0, -10.0, -20.0, -40.0)]
    assert all(a > b for a, b in zip(mags, mags[1:]))
    assert mags[-1] < 1e-17


def test_nonsaturating_g_gradient_does_not_saturate():
    """d/ds -log sigmoid(s) = -(1 - sigmoid(s)) -> -1 as s -> -inf."""
    s = -10.0
    grad = g_grad_wrt_logit(NonSaturating, s)
    assert grad == pytest.approx(-(1.0 - 1.0 / (1.0 + math.exp(-s))), rel=1e-9)
    assert abs(grad + 1.0) < 1e-4
    assert g_grad_wrt_logit(NonSaturating, -40.0) == pytest.approx(-1.0, abs=1e-15)
    # ... and it is ~20000x the minimax gradient at s = -10
    assert abs(grad) / abs(g_grad_wrt_logit(Minimax, s)) > 1e4


def test_same_fixed_point_gradients_agree_in_sign_at_d_half():
    # at s = 0 (D = 1/2) both G losses push the fake's logit up with the same strength
    assert g_grad_wrt_logit(Minimax, 0.0) == pytest.approx(-0.5)
    assert g_grad_wrt_logit(NonSaturating, 0.0) == pytest.approx(-0.5)


def test_probability_flags():
    assert Minimax.is_probability and NonSaturating.is_probability and LeastSquares.is_probability
    assert not WassersteinGP.is_probability and not Hinge.is_probability
    s = torch.tensor([-2.0, 0.0, 2.0])
    for cls in (Minimax, NonSaturating, WassersteinGP, Hinge):
        assert torch.allclose(cls().probability(s), torch.sigmoid(s))


def test_registry_names_match_classes():
    assert set(LOSSES) == {"minimax", "nonsaturating", "lsgan", "wgan-gp", "hinge"}
    for name, cls in LOSSES.items():
        assert cls.name == name


def test_get_loss_passes_generator_and_rejects_unknown():
    gen = torch.Generator()
    loss = get_loss("wgan-gp", gen)
    assert isinstance(loss, WassersteinGP) and loss.generator is gen
    with pytest.raises(ValueError) as info:
        get_loss("vanilla")
    assert "'vanilla'" in str(info.value)
    for name in LOSSES:
        assert name in str(info.value)
