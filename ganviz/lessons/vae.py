"""A small variational autoencoder (Kingma & Welling 2014): the explicit model set beside the GAN.

A VAE has a formula for its density: p_θ(x) = ∫ p_θ(x|z) p(z) dz with p(z) = N(0, I) and a
decoder p_θ(x|z) (a Gaussian N(μ_θ(z), diag σ_θ(z)²) for the toy targets, a Bernoulli per pixel
for MNIST). The integral has no closed form, so it trains on a lower bound of log p_θ(x), the ELBO:

    ELBO(x) = E_{q_φ(z|x)}[log p_θ(x|z)] - KL(q_φ(z|x) || p(z))  <=  log p_θ(x),

with an encoder q_φ(z|x) = N(μ_φ(x), diag σ_φ(x)²). The expectation is estimated with one z per x
drawn by the reparametrisation trick, z = μ_φ(x) + σ_φ(x) ε with ε ~ N(0, I), so the randomness
sits in ε and the gradient flows through μ_φ and σ_φ. Maximising the ELBO over the data is
(approximately) maximum likelihood, i.e. minimising the forward KL(p_data || p_θ): the model is
punished wherever the data has mass and it has none, so it covers every mode and smears mass
between them (``ganviz.measure.gaussian_fits`` shows the same on one Gaussian).

A GAN (implicit model) has no such formula for p_g: it only draws samples G(z).

Here: the network (``VAE``), its trainer on the toy targets (``VAETrainer``), its exact 1D marginal
density on a grid (``marginal_density_1d``, to set beside the GAN's p_g), and the MNIST VAE shipped in
``weights/`` (``train_mnist_vae``, ``load_mnist_vae``; ``tools/make_vae.py`` trains it again).
"""

from __future__ import annotations

import math
import os
import sys
import time
from dataclasses import asdict, dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from ..core.distributions import DISTRIBUTIONS
from ..core.models import mlp
from ..frames.snapshot import take_snapshot
from ..frames.snapshot2d import generated_samples
from ..measure.metrics import jsd
from ..measure.modes import N_SAMPLES, mode_metrics
from ..mnist.classifier import classify, confident_fraction
from ..mnist.idx import to_unit
from ..mnist.weights import WeightsError, load_state, read_tensors, write_tensors

LOG_STD_MIN = math.log(1e-3)  # the decoder's σ_θ(z) stays above 1e-3: the likelihood cannot grow without bound
LOG_2PI = math.log(2 * math.pi)
WEIGHTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights")
MNIST_FILE = "vae_mnist.safetensors"


@dataclass(frozen=True)
class VAEConfig:
    """A VAE run on a toy target: the target, the latent size, the MLPs and Adam's settings."""

    dist: str = "bimodal"
    z_dim: int = 1
    width: int = 64
    depth: int = 2
    lr: float = 1e-3
    batch: int = 256
    seed: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


# The runs the Theory page sets beside the shipped GANs of the same targets (ganviz/files/trained).
VAE_RUNS = {"bimodal": (VAEConfig("bimodal", z_dim=1), 3000), "ring8": (VAEConfig("ring8", z_dim=2), 3000)}


class VAE(nn.Module):
    """Encoder q_φ(z|x) and decoder p_θ(x|z), both MLPs; ``likelihood`` is "gaussian" or "bernoulli"."""

    def __init__(self, x_dim: int, z_dim: int, width: int = 64, depth: int = 2, likelihood: str = "gaussian"):
        super().__init__()
        if likelihood not in ("gaussian", "bernoulli"):
            raise ValueError(f"unknown likelihood {likelihood!r}; choose gaussian or bernoulli")
        self.x_dim, self.z_dim, self.width, self.depth, self.likelihood = x_dim, z_dim, width, depth, likelihood
        self.encoder = mlp(x_dim, 2 * z_dim, width, depth)  # μ_φ(x) and log σ_φ(x)²
        self.decoder = mlp(z_dim, 2 * x_dim if likelihood == "gaussian" else x_dim, width, depth)

    def encode(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """μ_φ(x) and log σ_φ(x)² of q_φ(z|x)."""
        mu, log_var = self.encoder(x).chunk(2, dim=-1)
        return mu, log_var.clamp(-16.0, 8.0)

    def decode(self, z: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Gaussian: μ_θ(z) and log σ_θ(z); Bernoulli: the pixels' logits and None."""
        out = self.decoder(z)
        if self.likelihood == "bernoulli":
            return out, None
        mean, log_std = out.chunk(2, dim=-1)
        return mean, log_std.clamp(LOG_STD_MIN, 3.0)

    def log_likelihood(self, x: torch.Tensor, z: torch.Tensor) -> torch.Tensor:
        """log p_θ(x|z) per row, summed over x's dimensions."""
        out, log_std = self.decode(z)
        if self.likelihood == "bernoulli":
            return -F.binary_cross_entropy_with_logits(out, x, reduction="none").sum(-1)
        return (-0.5 * ((x - out) / log_std.exp()) ** 2 - log_std - 0.5 * LOG_2PI).sum(-1)

    def elbo(self, x: torch.Tensor, generator: torch.Generator | None = None):
        """ELBO(x) per row, and its two terms: the reconstruction E_q[log p_θ(x|z)] (one z) and KL(q_φ(z|x) || N(0, I))."""
        mu, log_var = self.encode(x)
        eps = torch.randn(mu.shape, generator=generator, device=mu.device)
        z = mu + (0.5 * log_var).exp() * eps  # the reparametrisation trick
        reconstruction = self.log_likelihood(x, z)
        kl = 0.5 * (mu ** 2 + log_var.exp() - 1.0 - log_var).sum(-1)  # closed form for two Gaussians
        return reconstruction - kl, reconstruction, kl

    @torch.no_grad()
    def sample(self, n: int, generator: torch.Generator | None = None, noise: bool = True) -> torch.Tensor:
        """x ~ p_θ(x) = ∫ p_θ(x|z) p(z) dz; ``noise=False`` gives the decoder's means (Bernoulli: pixel probabilities)."""
        z = torch.randn(n, self.z_dim, generator=generator)
        out, log_std = self.decode(z)
        if self.likelihood == "bernoulli":
            return torch.sigmoid(out)
        if not noise:
            return out
        return out + log_std.exp() * torch.randn(out.shape, generator=generator)


class VAETrainer:
    """Adam on -ELBO over minibatches of a built-in target; ``history`` holds (step, ELBO on a fixed batch)."""

    def __init__(self, config: VAEConfig = VAEConfig(), eval_size: int = 4096):
        if config.dist not in DISTRIBUTIONS:
            raise ValueError(f"unknown distribution {config.dist!r}; choose one of {', '.join(DISTRIBUTIONS)}")
        self.config = config
        self.target = DISTRIBUTIONS[config.dist]()
        torch.manual_seed(config.seed)  # the networks' initial weights
        self.model = VAE(self.target.dim, config.z_dim, config.width, config.depth)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=config.lr)
        self.rng = torch.Generator().manual_seed(config.seed)
        self.eval_x = self.target.sample(eval_size, torch.Generator().manual_seed(config.seed + 10_000))
        self.step = 0
        self.history = [(0, self.evaluate())]

    def evaluate(self) -> float:
        """The mean ELBO (nats) over a fixed batch of p_data, with fixed ε: comparable from step to step."""
        with torch.no_grad():
            return float(self.model.elbo(self.eval_x, torch.Generator().manual_seed(1))[0].mean())

    def train(self, steps: int, every: int = 100) -> None:
        for _ in range(steps):
            x = self.target.sample(self.config.batch, self.rng)
            loss = -self.model.elbo(x, self.rng)[0].mean()
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            self.opt.step()
            self.step += 1
            if self.step % every == 0:
                self.history.append((self.step, self.evaluate()))

    def samples(self, n: int = N_SAMPLES, seed: int = 0) -> np.ndarray:
        """``n`` draws from the model p_θ(x) (decoder noise included), float64 (n, dim)."""
        return self.model.sample(n, torch.Generator().manual_seed(seed)).double().numpy()

    def mode_metrics(self, n: int = N_SAMPLES, seed: int = 0) -> dict:
        """Modes covered and the high-quality share of ``n`` samples (``ganviz.measure.modes``)."""
        return mode_metrics(self.samples(n, seed), self.target)


def train_vae(config: VAEConfig, steps: int) -> VAETrainer:
    """A VAE trained for ``steps`` minibatches (one thread's work of seconds for the toy targets)."""
    trainer = VAETrainer(config)
    trainer.train(steps)
    return trainer


@torch.no_grad()
def marginal_density_1d(model: VAE, x, n_z: int = 2000) -> np.ndarray:
    """p_θ(x) on the points ``x`` for a VAE with a 1D latent and 1D data: ∫ N(x; μ_θ(z), σ_θ(z)²) N(z; 0, 1) dz.

    The integral is a sum over ``n_z`` equal-mass points of N(0, 1) (its (i + 1/2)/n_z quantiles),
    each of weight 1/n_z: the decoder's Gaussians mixed by the prior, with no sampling noise.
    """
    if model.z_dim != 1 or model.x_dim != 1 or model.likelihood != "gaussian":
        raise ValueError("marginal_density_1d needs a Gaussian VAE with 1D data and a 1D latent")
    u = (np.arange(n_z) + 0.5) / n_z
    z = torch.distributions.Normal(0.0, 1.0).icdf(torch.as_tensor(u, dtype=torch.float64)).float().reshape(-1, 1)
    mean, log_std = model.decode(z)
    mean, std = mean.double().numpy()[:, 0], log_std.exp().double().numpy()[:, 0]
    x = np.asarray(x, dtype=np.float64).reshape(-1, 1)
    return (np.exp(-0.5 * ((x - mean) / std) ** 2) / (std * math.sqrt(2 * math.pi))).mean(1)


def gap_mass(x, density, target) -> float:
    """The mass ``density`` (on the evenly spaced points ``x``) puts in the gap between a 1D target's two outer
    modes, where p_data is below 1 % of its peak: what maximum likelihood smears there."""
    x, density = np.asarray(x, dtype=np.float64), np.asarray(density, dtype=np.float64)
    means = np.sort(np.asarray(target.means, dtype=np.float64)[:, 0])
    p = target.pdf(x)
    gap = (x > means[0]) & (x < means[-1]) & (p < 0.01 * p.max())
    return float(density[gap].sum() * (x[1] - x[0]))


def compare_1d(vae: VAETrainer, gan) -> dict:
    """A 1D VAE beside a GAN (a ``Trainer``) on the same target, on the GAN snapshot's grid.

    Returns the grid ``x``, ``p_data``, the GAN's exact ``p_g`` and the VAE's exact ``p_vae``; each model's ``jsd``
    to p_data and ``gap`` mass (``gap_mass``); the VAE's ``elbo`` and exact ``log_likelihood`` (both nats, averaged
    over p_data: the bound lies below it). A GAN has neither: it has no formula for p_g(x).
    """
    snap = take_snapshot(gan)
    x, dx = snap.x, float(snap.x[1] - snap.x[0])
    p_data = snap.p_data / (snap.p_data.sum() * dx)
    p_vae = marginal_density_1d(vae.model, x)
    log_likelihood = float((p_data * np.log(np.maximum(p_vae, 1e-300))).sum() * dx)
    return {"x": x, "p_data": p_data, "p_g": snap.p_g, "p_vae": p_vae,
            "gan": {"jsd": jsd(p_data, snap.p_g, dx), "gap": gap_mass(x, snap.p_g, vae.target)},
            "vae": {"jsd": jsd(p_data, p_vae, dx), "gap": gap_mass(x, p_vae, vae.target), "elbo": vae.history[-1][1],
                    "log_likelihood": log_likelihood}}


def compare_2d(vae: VAETrainer, gan, n: int = N_SAMPLES) -> dict:
    """A 2D VAE beside a GAN on a mode benchmark: ``n`` samples of each, modes covered, the high-quality share."""
    gan_x, vae_x = generated_samples(gan, n), vae.samples(n)
    return {"gan_samples": gan_x, "vae_samples": vae_x, "gan": mode_metrics(gan_x, vae.target),
            "vae": {**mode_metrics(vae_x, vae.target), "elbo": vae.history[-1][1]}}


# ----- MNIST --------------------------------------------------------------------------------------
MNIST_Z = 20
MNIST_WIDTH = 400


@dataclass(frozen=True)
class MnistVAEResult:
    """The shipped MNIST VAE and its card."""

    model: VAE
    info: dict  # the weights file's card: training settings, the test ELBO, seconds


def mnist_vae() -> VAE:
    """The MNIST VAE's shape: 784 -> 400 -> (20 μ, 20 log σ²), 20 -> 400 -> 784 Bernoulli logits."""
    return VAE(28 * 28, MNIST_Z, MNIST_WIDTH, 1, likelihood="bernoulli")


@torch.no_grad()
def mnist_elbo(model: VAE, images, batch: int = 2000, seed: int = 0) -> float:
    """The mean ELBO (nats per image, Bernoulli likelihood of the grey levels in [0, 1]) over ``images``."""
    x = torch.from_numpy(to_unit(images).reshape(len(images), -1).copy())
    rng = torch.Generator().manual_seed(seed)
    return float(sum(model.elbo(x[s:s + batch], rng)[0].sum() for s in range(0, len(x), batch)) / len(x))


def train_mnist_vae(images, test_images=None, epochs: int = 10, batch: int = 128, lr: float = 1e-3, seed: int = 0,
                    seconds: float = float("inf"), progress=sys.stderr) -> tuple[VAE, dict]:
    """Adam on -ELBO over uint8 ``images`` (n, 28, 28); stops after ``epochs`` or ``seconds``. Returns (model, card)."""
    torch.manual_seed(seed)
    model = mnist_vae()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    x = torch.from_numpy(to_unit(images).reshape(len(images), -1).copy())
    rng = torch.Generator().manual_seed(seed)
    start, curve, steps, done = time.perf_counter(), [], 0, 0
    for epoch in range(epochs):
        order = torch.randperm(len(x), generator=rng)
        total = 0.0
        for s in range(0, len(x), batch):
            elbo = model.elbo(x[order[s:s + batch]], rng)[0]
            optimizer.zero_grad(set_to_none=True)
            (-elbo.mean()).backward()
            optimizer.step()
            total += float(elbo.detach().sum())
            steps += 1
        done = epoch + 1
        curve.append(total / len(x))
        if progress is not None:
            print(f"VAE epoch {done}/{epochs}: training ELBO {curve[-1]:.2f} nats "
                  f"({time.perf_counter() - start:.0f} s)", file=progress, flush=True)
        if time.perf_counter() - start > seconds:
            break
    model.eval()
    card = {"network": "vae", "z_dim": MNIST_Z, "width": MNIST_WIDTH, "epochs": done, "batch": batch, "lr": lr,
            "seed": seed, "steps": steps, "train_elbo_per_epoch": [round(v, 3) for v in curve],
            "seconds": round(time.perf_counter() - start, 1)}
    if test_images is not None:
        card["test_elbo"] = round(mnist_elbo(model, test_images), 3)
    return model, card


def save_mnist_vae(model: VAE, card: dict, path: str) -> None:
    """The weights in float16 (half the bytes; the samples do not change visibly) with ``card`` as metadata."""
    write_tensors(path, {k: v.to(torch.float16) for k, v in model.state_dict().items()}, card)


def load_mnist_vae(path: str | None = None) -> MnistVAEResult:
    """The shipped MNIST VAE (``weights/vae_mnist.safetensors``) in eval mode, float32; WeightsError naming the file."""
    path = path or os.path.join(WEIGHTS_DIR, MNIST_FILE)
    tensors, info = read_tensors(path)
    if info.get("network") != "vae":
        raise WeightsError(f"{path}: holds {info.get('network') or 'an unknown network'}, expected the vae")
    model = mnist_vae()
    load_state(model, tensors, path)
    return MnistVAEResult(model.eval(), info)


def mnist_samples(model: VAE, n: int, seed: int = 0) -> np.ndarray:
    """``n`` decoder means (pixel probabilities, the usual VAE picture) for z ~ N(0, I): float32 (n, 28, 28)."""
    return model.sample(n, torch.Generator().manual_seed(seed)).numpy().reshape(n, 28, 28)


def sharpness(classifier, images) -> float:
    """The shipped classifier's confident share (max class probability > 0.9) over ``images`` in [0, 1]."""
    return confident_fraction(classify(classifier, images)[0])
