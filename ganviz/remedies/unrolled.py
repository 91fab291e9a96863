"""Unrolled GAN: G plays against the D that K more training steps would make (Metz et al. 2017, "Unrolled
Generative Adversarial Networks", ICLR).

In Algorithm 1, G descends its loss against the *current* D. A collapsed G
can then chase D around: it moves its samples to the mode D likes best, D
learns to reject that mode, G jumps to the next one, and so on around the ring.

Unrolling gives G foresight. Write D's weights after K gradient steps on D's
loss, starting from D's current weights theta_D, as a function of G:

    theta_D^0 = theta_D
    theta_D^(k+1) = theta_D^k - eta * d(D's loss)/d(theta_D^k)     (D's loss computed on G's samples)

G's loss is then computed against D with weights theta_D^K, and G's gradient
flows *through the K steps*: through the samples G would show D along the way,
and the gradients D would take from them. A G that would collapse onto one
mode sees that D's next steps would punish it there, and spreads out instead.
As K grows, G's loss tends to the one against the best reply D; K = 0 is the
plain GAN.

What this code does, step by step
---------------------------------
* ``unrolled_weights`` copies D's weights (detached: the copy is a new leaf, so
  nothing flows back into D's real weights), then takes K steps on the copy.
  Each step evaluates D with the copied weights through
  ``torch.func.functional_call`` and takes its gradient with
  ``torch.autograd.grad(..., create_graph=True)``, so the step itself is part
  of the graph and can be differentiated again.
* ``unrolled_g_loss`` computes G's usual loss against D with those weights.
  The trainer then back-propagates it into G only. D's weights, its gradients
  and its optimizer's state (Adam's moments) are not touched: the real D moves
  only in its own steps, exactly as in Algorithm 1.

Plain gradient steps, not Adam
------------------------------
The unrolled steps here are plain gradient descent with step size eta = D's
learning rate, fresh minibatches each step. That is the update rule the paper
writes (its eq. 3); the paper's experiments instead unrolled D's Adam
optimizer, differentiating through Adam's update. Plain steps keep the code
short and the meaning clear ("G looks K gradient steps ahead"), at a price:
Adam's step is about the learning rate per weight whatever the gradient's
size, while a plain step is the learning rate times the gradient, so with the
same learning rate the plain unrolled D moves less far than Adam's would.
"""

from __future__ import annotations

import torch
from torch.func import functional_call


def with_weights(D, weights: dict):
    """D as a function of x, computed with ``weights`` (name -> tensor) in place of its own parameters."""
    return lambda x: functional_call(D, weights, (x,))


def unrolled_weights(loss, D, batches, lr: float) -> dict:
    """D's weights after one plain gradient step of size ``lr`` on D's loss per (real, fake) pair in ``batches``.

    The fakes should still carry G's graph: the returned weights are then
    differentiable functions of G's parameters. D itself is left unchanged.
    """
    weights = {name: p.detach().clone().requires_grad_(True) for name, p in D.named_parameters()}
    for real, fake in batches:
        d_loss = loss.d_loss(with_weights(D, weights), real, fake)
        grads = torch.autograd.grad(d_loss, list(weights.values()), create_graph=True)
        weights = {name: w - lr * g for (name, w), g in zip(weights.items(), grads)}
    return weights


def unrolled_g_loss(loss, D, fake, batches, lr: float) -> torch.Tensor:
    """G's loss on ``fake`` against D unrolled by ``len(batches)`` steps (see the module docstring)."""
    return loss.g_loss(with_weights(D, unrolled_weights(loss, D, batches, lr)), fake)
