"""The MNIST page's "Train from scratch": a small GAN trained live, and what the class watches of it.

``LiveMnist`` wraps one ``MnistTrainer`` (Algorithm 1, k = 1, non-saturating G
loss, the same trainer the shipped generator came from) with ``LIVE_CONFIG``: the
small DCGAN pair of ``models.py`` (``arch="conv"``), which learns recognisable
digits within a minute on one CPU thread (results/mnist-live.md). It trains on the
images it is given: the 10,000 shipped with ganviz (``idx.load_subset``), or the
full training set when it is downloaded.

``frame()`` reads the run without changing it (batch norm's running statistics
aside, see ``d_scores``): the generator's EMA on one fixed noise batch (the grid
that redraws every frame), D(x) on a fixed set of real images and on a fixed batch
of samples (two histograms), and the shipped classifier's verdict on those samples
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

# The live recipe: a DCGAN with 16 channels, z of 32 dimensions, minibatches of 32, Adam 5e-4 (0.5, 0.999), and
# a short EMA (it averages about the last 50 steps) for the grid. Chosen by tools/bench_mnist_live.py.
LIVE_CONFIG = MnistTrainConfig(arch="conv", channels=16, conv_z_dim=32, batch=32, lr=5e-4, beta1=0.5, ema=0.98,
                               progress_n=64, steps=10**9)
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
                                    device=device, images=images)
        self.classifier = classifier
        pick = np.random.default_rng(seed).choice(len(images), min(SCORED, len(images)), replace=False)
        self.real = from_uint8(np.asarray(images)[np.sort(pick)]).to(self.trainer.device)
        self.score_z = latents(SCORED, SCORE_SEED, self.trainer.g.z_dim).to(self.trainer.device)
        self.history: list[dict] = []  # one row per iteration: step, d_loss, g_loss, d_real, d_fake (minibatch means)
        self.seconds = 0.0  # time spent training

    @property
    def step(self) -> int:
        return self.trainer.step

    def train(self, n: int) -> None:
        """``n`` iterations of Algorithm 1 (one D step, one G step each), timed into ``seconds``."""
        start = time.perf_counter()
        for _ in range(n):
            row = self.trainer.train_step()
            row["step"] = self.trainer.step
            self.history.append(row)
            if not np.isfinite(row["d_loss"]) or not np.isfinite(row["g_loss"]):
                raise FloatingPointError(f"the losses are not finite at step {self.trainer.step}")
        self.seconds += time.perf_counter() - start

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
        """D(x) of the fixed real images and of the current G's fixed samples, as D sees minibatches in training
        (batch norm on each batch's own statistics; its running averages, which training never uses, move)."""
        d = self.trainer.d
        real = torch.sigmoid(d(self.real)).cpu().numpy()
        fake = torch.sigmoid(d(self.trainer.g(self.score_z))).cpu().numpy()
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
