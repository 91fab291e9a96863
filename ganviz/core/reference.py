"""A plain reference loop: Algorithm 1 of Goodfellow et al. (2014), written the way the paper reads.

The benchmark (``bench.py``) times the project's ``Trainer`` against this loop
on the same networks, data and optimizer (``ReferenceRun``: the loop set up as
a fresh Trainer of the same config starts), and tests/core/test_reference.py
checks that both train the same GAN: after 200 iterations their weights agree
to float tolerance. It is written as pytorch/examples'
DCGAN writes its loop: D sees the real batch and the fake batch in separate
forward passes, D's output goes through a sigmoid into ``BCELoss``, every step
draws a fresh z, and G's step uses the non-saturating loss (labels 1 on fakes).
Nothing here is tuned for speed; that is the point.
"""

from __future__ import annotations

import torch
from torch import nn


def reference_optimizer(net, optimizer: str, lr: float, momentum: float):
    """PyTorch's optimizer as one writes it first: Adam with betas (0.5, 0.999), or SGD with momentum; default implementation."""
    if optimizer == "adam":
        return torch.optim.Adam(net.parameters(), lr=lr, betas=(0.5, 0.999))
    return torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)


def reference_train(G, D, opt_g, opt_d, target, prior, z_dim: int, batch: int, k: int, iterations: int,
                    generator: torch.Generator, device) -> None:
    """``iterations`` of Algorithm 1: k updates of D, then one of G, each on fresh minibatches."""
    criterion = nn.BCELoss()
    ones = torch.ones(batch, device=device)
    zeros = torch.zeros(batch, device=device)
    for _ in range(iterations):
        for _ in range(k):
            # Update D: ascend log D(x) + log(1 - D(G(z))).
            D.zero_grad()
            real = target.sample(batch, generator, device)
            loss_real = criterion(torch.sigmoid(D(real)), ones)
            loss_real.backward()
            z = prior.sample(batch, z_dim, generator, device)
            fake = G(z)
            loss_fake = criterion(torch.sigmoid(D(fake.detach())), zeros)
            loss_fake.backward()
            opt_d.step()
        # Update G: ascend log D(G(z)) on a fresh z.
        G.zero_grad()
        z = prior.sample(batch, z_dim, generator, device)
        loss_g = criterion(torch.sigmoid(D(G(z))), ones)
        loss_g.backward()
        opt_g.step()


class ReferenceRun:
    """The reference loop on a run of ``config``, starting where a fresh ``Trainer(config)`` starts.

    The same initial weights (built by a Trainer, from the config's seed), the same target and prior, a
    generator of random numbers seeded the same way, and PyTorch's optimizers as one writes them first
    (``reference_optimizer``). The loop is the paper's with the non-saturating G loss and no remedy, so
    other configs are refused.
    """

    def __init__(self, config):
        from .trainer import Trainer  # the Trainer builds the networks; nothing of its loop is used

        if config.loss != "nonsaturating" or config.remedy != "none" or config.decay_end:
            raise ValueError("the reference loop trains the non-saturating loss, no remedy and no learning-rate decay")
        twin = Trainer(config)
        self.config, self.device = config, twin.device
        self.G, self.D, self.target, self.prior = twin.G, twin.D, twin.target, twin.prior
        self.rng = torch.Generator(device=self.device).manual_seed(config.seed)
        self.opt_g = reference_optimizer(self.G, config.optimizer, config.lr_g, config.momentum)
        self.opt_d = reference_optimizer(self.D, config.optimizer, config.lr_d, config.momentum)

    def train(self, iterations: int) -> None:
        """``iterations`` of Algorithm 1 by ``reference_train``."""
        c = self.config
        reference_train(self.G, self.D, self.opt_g, self.opt_d, self.target, self.prior, c.z_dim, c.batch, c.k,
                        iterations, self.rng, self.device)
