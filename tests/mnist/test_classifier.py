"""The classifier's sample-quality figures on hand-made inputs."""

import numpy as np
import pytest

from ganviz.mnist.classifier import (class_histogram, confident_fraction, frechet_distance, gaussian_stats,
                                     kl_from_uniform, quality)
from ganviz.mnist.weights import load_classifier


def test_confident_fraction_counts_rows_above_the_threshold():
    probs = np.array([[0.95, 0.05] + [0] * 8, [0.5, 0.5] + [0] * 8, [0.0] * 9 + [0.91], [0.9, 0.1] + [0] * 8])
    assert confident_fraction(probs) == 0.5  # 0.9 itself is not above 0.9


def test_kl_from_uniform_is_zero_for_balanced_classes_and_log_10_for_one():
    balanced = np.eye(10)[np.arange(100) % 10]
    assert class_histogram(balanced).tolist() == [0.1] * 10
    assert kl_from_uniform(class_histogram(balanced)) == pytest.approx(0.0, abs=1e-12)
    assert kl_from_uniform(class_histogram(np.eye(10)[[3] * 7])) == pytest.approx(np.log(10))
    half = np.array([0.5, 0.5] + [0.0] * 8)
    assert kl_from_uniform(half) == pytest.approx(np.log(5))


def test_frechet_distance_of_gaussians_with_a_closed_form():
    mu1, mu2 = np.zeros(3), np.array([1.0, 2.0, 2.0])
    assert frechet_distance(mu1, np.eye(3), mu2, np.eye(3)) == pytest.approx(9.0)
    # diagonal covariances: sum (sqrt(a) - sqrt(b))^2
    a, b = np.diag([1.0, 4.0, 9.0]), np.diag([4.0, 4.0, 1.0])
    assert frechet_distance(mu1, a, mu1, b) == pytest.approx(1 + 0 + 4)
    rng = np.random.default_rng(0)
    f = rng.normal(size=(500, 4))
    assert frechet_distance(*gaussian_stats(f), *gaussian_stats(f)) == pytest.approx(0.0, abs=1e-9)


def test_the_shipped_classifier_reads_real_digits(mnist_dir):
    from ganviz.mnist.idx import load_split

    test = load_split("test", mnist_dir)
    images = test.images[:500].astype(np.float32) / 255
    q = quality(load_classifier(), images, test.images[500:1500].astype(np.float32) / 255)
    assert q.confident > 0.9 and q.kl_uniform < 0.05 and q.frechet < 5
    blank = quality(load_classifier(), np.zeros((50, 28, 28), np.float32), images)
    assert blank.kl_uniform == pytest.approx(np.log(10)) and blank.frechet > 10 * q.frechet
