"""The MNIST page's "Train from scratch": a small GAN trained live, and what the class watches of it.

``LiveMnist`` wraps one ``MnistTrainer`` (Algorithm 1, k = 1, non-saturating G
loss, the same trainer the shipped generator came from) with ``LIVE_CONFIG``: a
small MLP pair (G 100 -> 256 -> 512 -> 784, D 784 -> 256 -> 128 -> 1) with a high
learning rate for the first ``LR_HOLD`` iterations, chosen because on a CPU its
matrix products cost far less per iteration than the small DCGAN's convolutions
while it learns digits in about as few iterations (results/mnist-live.md); its
Adam is torch's fused kernel. It trains on the images it is given: the 10,000
shipped with ganviz (``idx.load_subset``), or the full training set when it is
downloaded.

``frame()`` reads the run without changing it (a conv D's batch-norm running
statistics aside, see ``d_scores``): the generator's EMA on one fixed noise batch
(the grid that redraws every frame), D(x) on a fixed set of real images and on a
fixed batch of samples (two histograms), and the shipped classifier's verdict on those samples
(the class histogram, and the share it classifies with p > 0.9). Nothing here
imports Streamlit: the page keeps one ``LiveMnist`` per browser session.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np
import torch

from .classifier import MnistClassifier, class_histogram, classify, confident_fraction
from .models import from_uint8, latents, to_pixels
from .train import MnistTrainConfig, MnistTrainer

# The live recipe: MLPs G 100-256-512-784 and D 784-256-128-1 (dropout 0.3), minibatches of 32, Adam 2e-3
# (0.5, 0.999) for both, lowered after LR_HOLD iterations, and an EMA of G's weights (it averages about the last
# 200 steps) for the grid and the scores. Chosen with tools/bench_mnist_live.py (results/mnist-live.md).
LIVE_CONFIG = MnistTrainConfig(arch="mlp", g_widths=(256, 512), d_widths=(256, 128), batch=32, lr=2e-3, beta1=0.5,
                               ema=0.995, progress_n=64, steps=10**9)
# The learning rate stays at LIVE_CONFIG.lr for LR_HOLD iterations (the fast start: digits within a minute), then
# falls as lr * LR_HOLD / t down to LR_FLOOR (the shipped generator's). Kept at 2e-3, D overpowers G within a few
# thousand more iterations and G collapses onto ones (results/mnist-live.md).
LR_HOLD = 1500
LR_FLOOR = 2e-4
SCORED = 256  # real images and samples scored by D and the classifier in each frame
SCORE_SEED = 4321  # the fixed noise batch of the scored samples
TRAIN_CHUNK = 5  # iterations between two looks at the clock


@dataclass(frozen=True)
class LiveFrame:
    """What one frame shows: ``grid`` float32 (n, 28, 28) in [0, 1]; ``d_real`` and ``d_fake`` D(x) of the
    scored real images and samples; ``histogram`` (10,) the classifier's share of each digit among the samples,
    ``confident`` the share it classifies with p > 0.9."""

    step: int
    seconds: float
    grid: np.ndarray
    d_real: np.ndarray
    d_fake: np.ndarray
    histogram: np.ndarray
    confident: float


class LiveMnist:
    """One live run: ``train(n)`` / ``train_for(seconds)``, ``frame()``, and its per-step ``history``."""

    def __init__(self, images: np.ndarray, classifier: MnistClassifier, seed: int = 0,
                 config: MnistTrainConfig = LIVE_CONFIG, device: str = "cpu"):
        """Train on uint8 ``images`` (n, 28, 28); ``classifier`` judges the samples (``load_classifier()``)."""
        self.trainer = MnistTrainer(replace(config, seed=seed, train_images=min(len(images), 60_000)),
                                    device=device, images=images, fused_adam=True)
        self.classifier = classifier
        pick = np.random.default_rng(seed).choice(len(images), min(SCORED, len(images)), replace=False)
        self.real = from_uint8(np.asarray(images)[np.sort(pick)]).to(self.trainer.device)
        self.score_z = latents(SCORED, SCORE_SEED, self.trainer.g.z_dim).to(self.trainer.device)
        # D's dropout draws from torch's global generator, which every session in the server shares: each run
        # keeps its own state of it, so a run's draws do not depend on what other runs drew in between (on the CPU).
        self.dropout_rng = torch.Generator().manual_seed(seed + 3).get_state()
        self.history: list[dict] = []  # one row per iteration: step, d_loss, g_loss, d_real, d_fake (minibatch means)
        self.seconds = 0.0  # time spent training

    @property
    def step(self) -> int:
        return self.trainer.step

    def train(self, n: int) -> None:
        """``n`` iterations of Algorithm 1 (one D step, one G step each), timed into ``seconds``."""
        start = time.perf_counter()
        with torch.random.fork_rng(devices=[]):
            torch.set_rng_state(self.dropout_rng)
            for _ in range(n):
                self._set_lr()
                row = self.trainer.train_step()
                row["step"] = self.trainer.step
                self.history.append(row)
                if not np.isfinite(row["d_loss"]) or not np.isfinite(row["g_loss"]):
                    raise FloatingPointError(f"the losses are not finite at step {self.trainer.step}")
            self.dropout_rng = torch.get_rng_state()
        self.seconds += time.perf_counter() - start

    def lr(self) -> float:
        """The learning rate of both players' next step (see ``LR_HOLD``)."""
        lr = self.trainer.config.lr
        return lr if self.step < LR_HOLD else max(LR_FLOOR, lr * LR_HOLD / self.step)

    def _set_lr(self) -> None:
        lr = self.lr()
        for optimizer in (self.trainer.opt_g, self.trainer.opt_d):
            for group in optimizer.param_groups:
                group["lr"] = lr

    def train_for(self, budget_s: float, max_steps: int | None = None) -> int:
        """Train in chunks of ``TRAIN_CHUNK`` until ``budget_s`` seconds have passed (at least one chunk), or
        ``max_steps`` iterations; returns the iterations done."""
        done, start = 0, time.perf_counter()
        while max_steps is None or done < max_steps:
            n = TRAIN_CHUNK if max_steps is None else min(TRAIN_CHUNK, max_steps - done)
            self.train(n)
            done += n
            if time.perf_counter() - start >= budget_s:
                break
        return done

    @torch.no_grad()
    def d_scores(self) -> tuple[np.ndarray, np.ndarray]:
        """D(x) of the fixed real images and of the current G's fixed samples, without dropout (so the same
        network gives the same verdicts, and torch's random draws of training are left alone); a conv D's batch
        norm uses each batch's own statistics as in training (its running averages, never used, move)."""
        d = self.trainer.d
        dropouts = [m for m in d.modules() if isinstance(m, torch.nn.Dropout) and m.training]
        for m in dropouts:
            m.eval()
        try:
            real = torch.sigmoid(d(self.real)).cpu().numpy()
            fake = torch.sigmoid(d(self.trainer.g(self.score_z))).cpu().numpy()
        finally:
            for m in dropouts:
                m.train()
        return real, fake

    @torch.no_grad()
    def samples(self, z: torch.Tensor) -> np.ndarray:
        """The EMA generator's images for ``z``, float32 (n, 28, 28) in [0, 1]."""
        return to_pixels(self.trainer.g_ema(z)).cpu().numpy()

    def frame(self) -> LiveFrame:
        """The run as the class sees it now (see ``LiveFrame``)."""
        d_real, d_fake = self.d_scores()
        probs, _ = classify(self.classifier, self.samples(self.score_z))
        return LiveFrame(step=self.step, seconds=self.seconds, grid=self.samples(self.trainer.fixed_z),
                         d_real=d_real, d_fake=d_fake, histogram=class_histogram(probs),
                         confident=confident_fraction(probs))
