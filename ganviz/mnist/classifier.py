"""A small MNIST classifier and the sample-quality figures built on it (not fooled by blur).

The classifier is an MLP 784 -> 256 -> 128 -> 10 (ReLU, dropout 0.2 while training),
trained by ``train_classifier`` on the 60,000 training images. Over generated samples
it gives three figures:

- ``confident``: the fraction classified with probability > 0.9 (a blurry or
  ambiguous digit is not classified confidently);
- ``kl_uniform``: KL(class histogram || uniform) in nats, 0 when every digit is
  generated equally often, log 10 = 2.303 when only one digit is (mode dropping);
- ``frechet``: the Fréchet distance between Gaussians fitted to the classifier's
  128-d penultimate features of the samples and of the test images (FID's formula
  in this classifier's feature space; not comparable with Inception FIDs).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .idx import to_unit
from .models import PIXELS

WIDTHS = (256, 128)
CONFIDENCE = 0.9


class MnistClassifier(nn.Module):
    """Logits over the 10 digits for images in [0, 1]; ``features`` is the last hidden layer."""

    def __init__(self, widths: tuple[int, ...] = WIDTHS, dropout: float = 0.2):
        super().__init__()
        self.widths, self.dropout = tuple(widths), dropout
        layers, n = [], PIXELS
        for width in self.widths:
            layers += [nn.Linear(n, width), nn.ReLU(), nn.Dropout(dropout)]
            n = width
        self.body, self.head = nn.Sequential(*layers), nn.Linear(n, 10)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x.reshape(len(x), PIXELS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def train_classifier(images: np.ndarray, labels: np.ndarray, epochs: int = 4, batch: int = 128, lr: float = 1e-3,
                     seed: int = 0, progress=sys.stderr) -> MnistClassifier:
    """Adam on uint8 ``images`` (n, 28, 28) and their ``labels``; returns the classifier in eval mode."""
    torch.manual_seed(seed)
    model = MnistClassifier()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    x = torch.from_numpy(to_unit(images).reshape(len(images), -1))
    y = torch.from_numpy(np.asarray(labels, dtype=np.int64))
    rng = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(x), generator=rng)
        for start in range(0, len(x), batch):
            idx = order[start:start + batch]
            loss = F.cross_entropy(model(x[idx]), y[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        if progress is not None:
            print(f"classifier epoch {epoch + 1}/{epochs}: last loss {loss.item():.4f}", file=progress, flush=True)
    return model.eval()


@torch.no_grad()
def classify(model: MnistClassifier, images, batch: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """Class probabilities (n, 10) and penultimate features (n, 128), float64, for images in [0, 1]."""
    x = torch.from_numpy(np.asarray(images, dtype=np.float32).reshape(len(images), -1).copy())
    probs, feats = [], []
    for start in range(0, len(x), batch):
        f = model.features(x[start:start + batch])
        probs.append(torch.softmax(model.head(f), dim=1).double().numpy())
        feats.append(f.double().numpy())
    return np.concatenate(probs), np.concatenate(feats)


def accuracy(model: MnistClassifier, images: np.ndarray, labels: np.ndarray) -> float:
    """The fraction of uint8 ``images`` classified as their label."""
    probs, _ = classify(model, to_unit(images))
    return float((probs.argmax(1) == np.asarray(labels)).mean())


def confident_fraction(probs: np.ndarray, threshold: float = CONFIDENCE) -> float:
    """The fraction of rows whose largest class probability exceeds ``threshold``."""
    return float((np.asarray(probs).max(axis=1) > threshold).mean())


def class_histogram(probs: np.ndarray) -> np.ndarray:
    """The share of rows predicted as each digit (the argmax), shape (10,), summing to 1."""
    return np.bincount(np.asarray(probs).argmax(axis=1), minlength=10) / len(probs)


def kl_from_uniform(histogram: np.ndarray) -> float:
    """KL(histogram || uniform) in nats; 0 * log 0 counts as 0."""
    h = np.asarray(histogram, dtype=np.float64)
    nonzero = h > 0
    return float(np.sum(h[nonzero] * np.log(h[nonzero] * len(h))))


def gaussian_stats(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and covariance (ddof 1) of feature rows."""
    f = np.asarray(features, dtype=np.float64)
    return f.mean(axis=0), np.cov(f, rowvar=False)


def frechet_distance(mu1, cov1, mu2, cov2) -> float:
    """|mu1 - mu2|^2 + Tr(cov1 + cov2 - 2 (cov1 cov2)^(1/2)) for two Gaussians.

    Tr((cov1 cov2)^(1/2)) is the sum of the square roots of the eigenvalues of
    s cov2 s with s = cov1^(1/2), a symmetric matrix, so only ``eigh`` is needed.
    """
    w, v = np.linalg.eigh(cov1)
    s = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
    middle = np.linalg.eigvalsh(s @ cov2 @ s)
    trace_sqrt = np.sum(np.sqrt(np.clip(middle, 0, None)))
    diff = np.asarray(mu1) - np.asarray(mu2)
    return float(diff @ diff + np.trace(cov1) + np.trace(cov2) - 2 * trace_sqrt)


@dataclass(frozen=True)
class Quality:
    """The sample-quality figures of ``quality``."""

    confident: float
    kl_uniform: float
    frechet: float
    histogram: tuple[float, ...]
    n: int


def quality(model: MnistClassifier, images, reference) -> Quality:
    """The figures for ``images`` in [0, 1] against ``reference`` images in [0, 1] (the test set)."""
    probs, feats = classify(model, images)
    _, ref_feats = classify(model, reference)
    hist = class_histogram(probs)
    return Quality(confident=confident_fraction(probs), kl_uniform=kl_from_uniform(hist),
                   frechet=frechet_distance(*gaussian_stats(feats), *gaussian_stats(ref_feats)),
                   histogram=tuple(float(h) for h in hist), n=len(probs))
