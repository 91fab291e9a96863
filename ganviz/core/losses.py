"""The loss types, each the pair (D's loss, G's loss) that the trainer minimises.

With s = D's logit and D(x) = sigmoid(s), the paper's value function is

    V(D, G) = E_x~p_data[log D(x)] + E_z~p_z[log(1 - D(G(z)))].

D ascends V, so D's loss is -V. Written with logits, log D = -softplus(-s) and
log(1 - D) = -softplus(s): both stay finite however sure D is, where
log(sigmoid(s)) would round to log(0) = -inf.

* ``minimax``       -- G minimises log(1 - D(G(z))), exactly the paper's game. Its
  gradient vanishes when D confidently rejects the fakes (early training).
* ``nonsaturating`` -- G maximises log D(G(z)) instead: the heuristic the paper
  recommends, same fixed point, strong gradients early on.
* ``lsgan``         -- least squares (Mao et al. 2017): D regresses real to 1 and fake
  to 0, G pushes fakes to 1; D's output is used directly as the probability.
* ``wgan-gp``       -- Wasserstein critic with gradient penalty (Gulrajani et al. 2017).
* ``hinge``         -- hinge loss (Lim & Ye 2017; Miyato et al. 2018).

For the last two, D is a critic, not a probability; the pictures show
sigmoid(critic) and say so.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


class Loss:
    """Base class: a loss type is ``d_loss(D, real, fake)`` and ``g_loss(D, fake)``."""

    name = ""
    is_probability = True  # does probability(D's output) estimate P(real | x)?

    def __init__(self, generator: torch.Generator | None = None):
        self.generator = generator  # for any randomness inside the loss (WGAN-GP)
        self._label_cache: dict = {}

    def d_scores(self, D, real, fake):
        """D's outputs on a real and a fake batch.

        One forward pass over both batches, except when D uses statistics of
        its whole input batch (``D.uses_batch_stats``, e.g. minibatch std):
        then each batch goes through D on its own, so D's statistic describes
        a real batch or a fake one, never a mixture.
        """
        if getattr(D, "uses_batch_stats", False):
            return D(real), D(fake)
        s = D(torch.cat([real, fake]))
        return s[: len(real)], s[len(real):]

    def probability(self, s: torch.Tensor) -> torch.Tensor:
        """What the pictures show as D(x), from D's raw output ``s``."""
        return torch.sigmoid(s)


class Minimax(Loss):
    name = "minimax"

    def d_loss(self, D, real, fake):
        """-V(D, G) = E softplus(-s_real) + E softplus(s_fake)."""
        if len(real) == len(fake) and not getattr(D, "uses_batch_stats", False):
            # The same number in one pass and one fused kernel (the trainer's usual case, about 6% faster per
            # iteration): BCE with logits is softplus(-s) at label 1 and softplus(s) at label 0, and with
            # equal halves twice its mean over both is the sum of the two means above.
            s = D(torch.cat([real, fake]))
            return 2.0 * F.binary_cross_entropy_with_logits(s, self._labels(len(real), s))
        s_real, s_fake = self.d_scores(D, real, fake)
        return F.softplus(-s_real).mean() + F.softplus(s_fake).mean()

    def _labels(self, m: int, like: torch.Tensor) -> torch.Tensor:
        """m ones then m zeros, made once per size, device and dtype (the halves serve G's losses)."""
        key = (m, like.device, like.dtype)
        if key not in self._label_cache:
            self._label_cache[key] = torch.cat([torch.ones(m), torch.zeros(m)]).to(like)
        return self._label_cache[key]

    def g_loss(self, D, fake):
        s = D(fake)  # E log(1 - D(G(z))) = -E softplus(s) = -BCE(s, label 0), one fused kernel
        return -F.binary_cross_entropy_with_logits(s, self._labels(len(s), s)[len(s):])


class NonSaturating(Minimax):
    name = "nonsaturating"

    def g_loss(self, D, fake):
        s = D(fake)  # -E log D(G(z)) = E softplus(-s) = BCE(s, label 1), one fused kernel
        return F.binary_cross_entropy_with_logits(s, self._labels(len(s), s)[: len(s)])


class LeastSquares(Loss):
    name = "lsgan"

    def d_loss(self, D, real, fake):
        s_real, s_fake = self.d_scores(D, real, fake)
        return 0.5 * ((s_real - 1) ** 2).mean() + 0.5 * (s_fake**2).mean()

    def g_loss(self, D, fake):
        return 0.5 * ((D(fake) - 1) ** 2).mean()

    def probability(self, s):
        return s.clamp(0.0, 1.0)


class WassersteinGP(Loss):
    name = "wgan-gp"
    is_probability = False
    penalty = 10.0  # lambda of Gulrajani et al. (2017)

    def d_loss(self, D, real, fake):
        s_real, s_fake = self.d_scores(D, real, fake)
        t = torch.rand(len(real), 1, generator=self.generator, device=real.device)
        between = (t * real + (1 - t) * fake).requires_grad_(True)
        (grad,) = torch.autograd.grad(D(between).sum(), between, create_graph=True)
        gp = ((grad.norm(dim=1) - 1) ** 2).mean()
        return s_fake.mean() - s_real.mean() + self.penalty * gp

    def g_loss(self, D, fake):
        return -D(fake).mean()


class Hinge(Loss):
    name = "hinge"
    is_probability = False

    def d_loss(self, D, real, fake):
        s_real, s_fake = self.d_scores(D, real, fake)
        return F.relu(1 - s_real).mean() + F.relu(1 + s_fake).mean()

    def g_loss(self, D, fake):
        return -D(fake).mean()


LOSSES = {cls.name: cls for cls in (Minimax, NonSaturating, LeastSquares, WassersteinGP, Hinge)}


def get_loss(name: str, generator: torch.Generator | None = None) -> Loss:
    """The loss type called ``name`` (one of ``LOSSES``)."""
    try:
        return LOSSES[name](generator)
    except KeyError:
        raise ValueError(f"unknown loss {name!r}; choose one of {', '.join(LOSSES)}") from None
