"""Minibatch standard deviation: D sees how varied the whole minibatch is (Karras et al. 2018, "Progressive
Growing of GANs for Improved Quality, Stability, and Variation", section 3).

A collapsed generator's minibatch has little variety; a real minibatch of a
mixture has a lot. A D that judges one sample at a time cannot see that. This
layer, placed near D's end, lets it:

1. take D's hidden features h, one row per sample of the minibatch;
2. compute the standard deviation of each feature over the minibatch;
3. average those into a single number, the minibatch's spread;
4. append that number as one extra feature to every sample;

and D's last layer reads it with the rest. As in the paper's code, the std is
sqrt(variance + 1e-8), so its gradient stays finite when all samples agree.
(The paper's code also splits big minibatches into groups of 4; here the
group is the whole minibatch, as the paper's text describes it.)

Batch statistics have two consequences:

* real and fake minibatches must go through D *separately*, or the statistic
  would mix them and tell D nothing. The class says so with
  ``uses_batch_stats = True``, and ``Loss.d_scores`` then makes two passes;
* D(x) of one point depends on the batch it comes with. When the pages draw
  D on a heatmap, the grid's points are that batch: the map shows D's verdict
  on each point *as part of a batch that fills the window evenly*, so the
  appended statistic is the grid's spread, wide as a real minibatch's.
"""

from __future__ import annotations

import torch
from torch import nn

from ..core.models import hidden_layers


def minibatch_std(h: torch.Tensor, eps: float = 1e-8) -> torch.Tensor:
    """The minibatch's spread: the std over the batch of each column of ``h`` (n, features), averaged to one number."""
    variance = ((h - h.mean(0, keepdim=True)) ** 2).mean(0)
    return torch.sqrt(variance + eps).mean()


def append_minibatch_std(h: torch.Tensor) -> torch.Tensor:
    """``h`` (n, features) with ``minibatch_std(h)`` appended to every row: (n, features + 1)."""
    spread = minibatch_std(h).expand(len(h), 1)
    return torch.cat([h, spread], dim=1)


class MinibatchStdDiscriminator(nn.Module):
    """D's hidden layers, then the minibatch-std feature, then the linear output layer: a logit per sample."""

    uses_batch_stats = True  # one sample's logit depends on the rest of its batch: real and fake go in separately

    def __init__(self, x_dim: int, width: int = 32, depth: int = 2):
        super().__init__()
        self.body = nn.Sequential(*hidden_layers(x_dim, width, depth))  # nothing when depth = 0
        features = width if depth > 0 else x_dim
        self.head = nn.Linear(features + 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(append_minibatch_std(self.body(x)))[:, 0]
