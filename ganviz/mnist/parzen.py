"""The Parzen-window log-likelihood of the paper's Table 1, following its reference script.

goodfeli/adversarial's ``parzen_ll.py`` (credit there: Yann N. Dauphin) fits an
isotropic Gaussian kernel of width sigma on each of 10,000 generated samples mu_j
and scores a test image x by

    log p(x) = log( (1/N) sum_j exp(-|x - mu_j|^2 / (2 sigma^2)) ) - d log(sigma sqrt(2 pi))

with d = 784 pixels scaled to [0, 1]. sigma is the best of ``logspace(-1, 0, 10)`` by
the mean log-likelihood of 1,000 validation images (train[50000:51000]); the figure
reported is the mean over the 10,000 test images with its standard error
std / sqrt(n) (NumPy's std, ddof = 0), as there.

Unlike the script, the squared distances of a batch of 100 images to all kernels are
computed once (as |x|^2 + |mu|^2 - 2 x.mu, a float32 matrix product) and every sigma of
the grid is scored from them, where the script recomputes them per sigma; the
log-mean-exp runs in float64. Only a (100, N) block is in memory at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

SIGMAS = np.logspace(-1, 0, 10)  # the script's --sigma_start -1 --sigma_end 0 --cross_val 10
VALID = slice(50_000, 51_000)  # MNIST('train', start=50000, stop=60000)[:1000]
BATCH = 100  # the script's --batch_size


@dataclass(frozen=True)
class ParzenResult:
    """The Table-1 figure: mean log-likelihood of the test images and its standard error, at ``sigma``."""

    mean: float
    se: float
    sigma: float
    valid_means: dict[float, float]  # sigma -> mean validation log-likelihood, the grid the width was chosen on
    n_kernels: int
    n_test: int


def flat(images) -> torch.Tensor:
    """Images in [0, 1] of shape (n, 28, 28) or (n, 784) -> a float32 (n, 784) tensor."""
    array = np.asarray(images, dtype=np.float32)
    return torch.from_numpy(array.reshape(len(array), -1).copy())


def squared_distances(x: torch.Tensor, mu: torch.Tensor, mu_sq: torch.Tensor | None = None) -> torch.Tensor:
    """|x_i - mu_j|^2 for all pairs, float32 (len(x), len(mu)), clamped at 0 against rounding."""
    mu_sq = (mu * mu).sum(1) if mu_sq is None else mu_sq
    return ((x * x).sum(1, keepdim=True) + mu_sq[None, :] - 2.0 * (x @ mu.T)).clamp_min_(0.0)


def log_likelihoods(x, mu, sigmas, batch: int = BATCH) -> np.ndarray:
    """log p(x_i) under the Parzen window on ``mu`` for every sigma: float64 (len(sigmas), len(x))."""
    x, mu = flat(x), flat(mu)
    if x.shape[1] != mu.shape[1]:
        raise ValueError(f"images have {x.shape[1]} pixels but the kernels {mu.shape[1]}")
    sigmas = np.atleast_1d(np.asarray(sigmas, dtype=np.float64))
    d, n_mu = mu.shape[1], len(mu)
    mu_sq = (mu * mu).sum(1)
    out = np.empty((len(sigmas), len(x)))
    for start in range(0, len(x), batch):
        dist = squared_distances(x[start:start + batch], mu, mu_sq).double()
        for k, sigma in enumerate(sigmas):
            log_mean = torch.logsumexp(-dist / (2 * sigma * sigma), dim=1) - np.log(n_mu)
            out[k, start:start + batch] = log_mean.numpy() - d * np.log(sigma * np.sqrt(2 * np.pi))
    return out


def choose_sigma(samples, valid, sigmas=SIGMAS) -> tuple[float, dict[float, float]]:
    """The sigma of the grid with the highest mean validation log-likelihood, and every sigma's mean."""
    means = log_likelihoods(valid, samples, sigmas).mean(axis=1)
    return float(sigmas[int(np.argmax(means))]), {float(s): float(m) for s, m in zip(sigmas, means)}


def parzen_estimate(samples, valid, test, sigmas=SIGMAS) -> ParzenResult:
    """The paper's protocol: sigma chosen on ``valid``, then the mean and s.e. over ``test``."""
    sigma, valid_means = choose_sigma(samples, valid, sigmas)
    ll = log_likelihoods(test, samples, [sigma])[0]
    return ParzenResult(mean=float(ll.mean()), se=float(ll.std() / np.sqrt(len(ll))), sigma=sigma,
                        valid_means=valid_means, n_kernels=len(flat(samples)), n_test=len(ll))
