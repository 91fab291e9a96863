"""PacGAN: the discriminator judges packs of m samples (Lin et al. 2018, "PacGAN: The power of two samples in
generative adversarial networks").

A collapsed generator makes samples that look alike. One sample at a time, D
cannot tell: each fake may look perfectly real. Shown m samples at once, all
real or all fake, D sees that a fake pack is suspiciously uniform, and G is
pushed to spread out. Formally D compares the product distributions p_data^m
and p_g^m, which are further apart when p_g misses modes.

Packing changes only D's input: a minibatch of n samples of dimension dim
becomes n/m packs, each the m consecutive samples laid side by side,

    (n, dim)  ->  (n/m, m * dim),

so D's first layer takes m * dim numbers. The trainer packs the real and the
fake minibatch *separately* (``Trainer.shown_to_d``), so a real pack holds only
real samples and a fake pack only fakes, as in the paper. The losses do not
change: to them a pack is just one bigger sample (even WGAN-GP's gradient
penalty, which is then taken per pack).

Drawing D(x) at single points
-----------------------------
The pages ask D about single points (the heatmap, D at the samples). A pack
needs m samples, so ``PackedDiscriminator`` reads a row of ``dim`` numbers as
the pack of m copies of that point: the heatmap shows D's verdict on "m samples
all equal to x". Because copies are exactly what a collapsed G makes, expect
this map to look more "fake" than a plain D's. Rows of ``m * dim`` numbers are
packs and are judged as they are.
"""

from __future__ import annotations

import torch
from torch import nn

from ..core.models import mlp


def pack(x: torch.Tensor, m: int) -> torch.Tensor:
    """Lay each run of ``m`` consecutive samples side by side: (n, dim) -> (n/m, m * dim)."""
    n, dim = x.shape
    if n % m:
        raise ValueError(f"PacGAN packs the minibatch into groups of {m}: its size must be a multiple of {m} (got {n})")
    return x.reshape(n // m, m * dim)


class PackedDiscriminator(nn.Module):
    """PacGAN's D: an MLP whose input is a pack of ``m`` samples of dimension ``x_dim``; returns a logit per row."""

    def __init__(self, x_dim: int, m: int, width: int = 32, depth: int = 2):
        super().__init__()
        self.x_dim, self.m = x_dim, m
        self.net = mlp(m * x_dim, 1, width, depth)  # first layer: m * x_dim inputs

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """A logit per row: a row of ``m * x_dim`` numbers is a pack; a row of ``x_dim`` numbers is one point,
        judged as the pack of ``m`` copies of itself (see the module docstring)."""
        if x.shape[1] == self.x_dim:
            x = x.repeat(1, self.m)  # (n, dim) -> (n, m * dim): [x, x, ..., x]
        elif x.shape[1] != self.m * self.x_dim:
            raise ValueError(f"PacGAN's D takes rows of {self.x_dim} (a point) or {self.m * self.x_dim} (a pack) "
                             f"numbers, not {x.shape[1]}")
        return self.net(x)[:, 0]
