"""The evaluation behind the model card: the paper's Parzen figure and the classifier's figures.

Each is measured twice: on 10,000 generated samples and, as a reference for what a
perfect generator would score under the same protocol, on 10,000 real training
images (train[0:10000], disjoint from the validation images train[50000:51000]).
"""

from __future__ import annotations

from dataclasses import asdict

from .classifier import quality
from .idx import load_split, to_unit
from .parzen import VALID, parzen_estimate

PAPER_PARZEN = (225.0, 2.0)  # Goodfellow et al. 2014, Table 1, adversarial nets on MNIST
N_SAMPLES = 10_000
SAMPLE_SEED = 0
REAL = slice(0, 10_000)


def parzen_figures(generator, data: str | None = None, n: int = N_SAMPLES, seed: int = SAMPLE_SEED,
                   real: bool = True) -> dict:
    """Parzen log-likelihood of the test set under ``n`` samples (and under ``n`` real images)."""
    train, test = load_split("train", data), load_split("test", data)
    valid, test_x = to_unit(train.images[VALID]), to_unit(test.images)
    out = {"samples": asdict(parzen_estimate(generator.sample(n, seed), valid, test_x)),
           "paper": {"mean": PAPER_PARZEN[0], "se": PAPER_PARZEN[1]}, "n_samples": n, "seed": seed}
    if real:
        out["real_images"] = asdict(parzen_estimate(to_unit(train.images[REAL][:n]), valid, test_x))
    return out


def quality_figures(generator, classifier, data: str | None = None, n: int = N_SAMPLES, seed: int = SAMPLE_SEED,
                    real: bool = True) -> dict:
    """Confident fraction, KL from uniform and Fréchet distance of ``n`` samples (and of ``n`` real images)."""
    train, test = load_split("train", data), load_split("test", data)
    reference = to_unit(test.images)
    out = {"samples": asdict(quality(classifier, generator.sample(n, seed), reference)), "n_samples": n, "seed": seed}
    if real:
        out["real_images"] = asdict(quality(classifier, to_unit(train.images[REAL][:n]), reference))
    return out
