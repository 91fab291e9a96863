"""The two players: a generator G(z) and a discriminator D(x), both MLPs.

D returns a *logit* (a raw score); the loss turns it into a probability where
the loss needs one. Working with logits keeps log D and log(1 - D) finite even
when D is very sure (see ``losses.py``).
"""

from __future__ import annotations

import torch
from torch import nn


def hidden_layers(n_in: int, width: int, depth: int) -> list[nn.Module]:
    """``depth`` layers of ``width`` ReLU units (none when depth is 0)."""
    layers, n = [], n_in
    for _ in range(depth):
        layers += [nn.Linear(n, width), nn.ReLU()]
        n = width
    return layers


def mlp(n_in: int, n_out: int, width: int, depth: int) -> nn.Sequential:
    """``depth`` hidden layers of ``width`` ReLU units, then a linear output layer."""
    n = width if depth > 0 else n_in
    return nn.Sequential(*hidden_layers(n_in, width, depth), nn.Linear(n, n_out))


class Generator(nn.Module):
    """x = G(z): maps noise of dimension ``z_dim`` to data space of dimension ``x_dim``."""

    def __init__(self, z_dim: int, x_dim: int, width: int = 32, depth: int = 2):
        super().__init__()
        self.net = mlp(z_dim, x_dim, width, depth)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(z)


class Discriminator(nn.Module):
    """D's logit for x; D(x) = sigmoid(logit) for the log-loss GANs.

    ``standardise=(mean, std)`` gives D a fixed first step x -> (x - mean) / std (``TrainConfig.d_input``); the two
    are buffers outside the state dict, so a saved D's weights are the same either way and the config rebuilds them.
    """

    def __init__(self, x_dim: int, width: int = 32, depth: int = 2, standardise=None):
        super().__init__()
        self.net = mlp(x_dim, 1, width, depth)
        self.standardised = standardise is not None
        mean, std = standardise if self.standardised else (torch.zeros(x_dim), torch.ones(x_dim))
        self.register_buffer("shift", torch.as_tensor(mean, dtype=torch.float32).reshape(x_dim), persistent=False)
        self.register_buffer("scale", torch.as_tensor(std, dtype=torch.float32).reshape(x_dim), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.standardised:
            x = (x - self.shift) / self.scale
        return self.net(x)[:, 0]
