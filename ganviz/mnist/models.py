"""The MNIST generator and discriminator: MLPs on flattened 28x28 images.

G maps z ~ N(0, I) of dimension 100 through hidden LeakyReLU layers (by default the
shipped generator's 256, 512 and 1024 units) to 784 pixels in [-1, 1] (tanh); the pixel
value p in [0, 1] is (x + 1) / 2. D maps 784 pixels through hidden LeakyReLU layers
with dropout (by default 1024, 512 and 256 units) to one logit, D(x) = sigmoid(logit).
The widths are recorded in the weights file, so a file always rebuilds the network it
came from.

``ConvGenerator`` and ``ConvDiscriminator`` are a small DCGAN (Radford et al. 2016) pair
for the same pixels: G projects z to (2c, 7, 7) and doubles the resolution twice with
transposed convolutions (batch norm and ReLU between, tanh at the end); D halves it twice
with strided convolutions and LeakyReLU(0.2), then one linear logit. With c = 16 both
have a few hundred thousand weights less than the MLPs and learn digits in far fewer
steps (see results/mnist-live.md): the MNIST page's "Train from scratch" trains them live.
They take and give the same flat (n, 784) pixels as the MLPs, so everything downstream
(the EMA, to_pixels, the scores) is shared.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

Z_DIM = 100
PIXELS = 28 * 28
G_WIDTHS = (256, 512, 1024)
D_WIDTHS = (1024, 512, 256)
D_DROPOUT = 0.3
SLOPE = 0.2


def leaky_stack(n_in: int, widths: tuple[int, ...], dropout: float = 0.0) -> list[nn.Module]:
    """Linear + LeakyReLU(0.2) (+ dropout) for each width in ``widths``."""
    layers, n = [], n_in
    for width in widths:
        layers += [nn.Linear(n, width), nn.LeakyReLU(SLOPE)]
        if dropout:
            layers.append(nn.Dropout(dropout))
        n = width
    return layers


class MnistGenerator(nn.Module):
    """x = G(z): (n, z_dim) noise -> (n, 784) pixels in [-1, 1]."""

    def __init__(self, z_dim: int = Z_DIM, widths: tuple[int, ...] = G_WIDTHS):
        super().__init__()
        self.z_dim, self.widths = z_dim, tuple(widths)
        self.net = nn.Sequential(*leaky_stack(z_dim, self.widths), nn.Linear(self.widths[-1], PIXELS), nn.Tanh())

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(z)


class MnistDiscriminator(nn.Module):
    """D's logit for (n, 784) pixels in [-1, 1]."""

    def __init__(self, widths: tuple[int, ...] = D_WIDTHS, dropout: float = D_DROPOUT):
        super().__init__()
        self.widths, self.dropout = tuple(widths), dropout
        self.net = nn.Sequential(*leaky_stack(PIXELS, self.widths, dropout), nn.Linear(self.widths[-1], 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x.reshape(len(x), PIXELS))[:, 0]


class ConvGenerator(nn.Module):
    """x = G(z): (n, z_dim) noise -> (n, 784) pixels in [-1, 1], through two transposed convolutions."""

    def __init__(self, z_dim: int = 32, channels: int = 16):
        super().__init__()
        self.z_dim, self.channels = z_dim, channels
        c = channels
        self.net = nn.Sequential(
            nn.Linear(z_dim, 2 * c * 49), nn.BatchNorm1d(2 * c * 49), nn.ReLU(), nn.Unflatten(1, (2 * c, 7, 7)),
            nn.ConvTranspose2d(2 * c, c, 4, 2, 1), nn.BatchNorm2d(c), nn.ReLU(),  # 7x7 -> 14x14
            nn.ConvTranspose2d(c, 1, 4, 2, 1), nn.Tanh(),  # 14x14 -> 28x28
        )

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(z).reshape(len(z), PIXELS)


class ConvDiscriminator(nn.Module):
    """D's logit for (n, 784) pixels in [-1, 1], through two strided convolutions."""

    def __init__(self, channels: int = 16):
        super().__init__()
        self.channels = channels
        c = channels
        self.net = nn.Sequential(
            nn.Conv2d(1, c, 4, 2, 1), nn.LeakyReLU(SLOPE),  # 28x28 -> 14x14
            nn.Conv2d(c, 2 * c, 4, 2, 1), nn.BatchNorm2d(2 * c), nn.LeakyReLU(SLOPE),  # -> 7x7
            nn.Flatten(), nn.Linear(2 * c * 49, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x.reshape(len(x), 1, 28, 28))[:, 0]


def to_pixels(x: torch.Tensor) -> torch.Tensor:
    """G's output in [-1, 1] -> float images in [0, 1] of shape (n, 28, 28)."""
    return ((x.reshape(-1, 28, 28) + 1) / 2).clamp(0, 1)


def from_uint8(images) -> torch.Tensor:
    """uint8 images (0 = background, 255 = ink), an array or a tensor (kept on its device) -> (n, 784) float32
    in [-1, 1], D's input."""
    if isinstance(images, torch.Tensor):
        x = images.to(torch.float32).reshape(-1, PIXELS)
    else:
        x = torch.as_tensor(np.asarray(images, dtype=np.float32)).reshape(-1, PIXELS)
    return x / 127.5 - 1


def latents(n: int, seed: int, z_dim: int = Z_DIM) -> torch.Tensor:
    """``n`` noise vectors z ~ N(0, I), the same for the same seed on every machine (drawn on the CPU)."""
    return torch.randn(n, z_dim, generator=torch.Generator().manual_seed(seed))
