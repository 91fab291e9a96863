"""The nearest training image, on a tiny hand-made set."""

import numpy as np
import pytest

from ganviz.mnist.nearest import nearest


def test_nearest_finds_the_closest_image_across_chunks():
    train = np.zeros((5, 28, 28), dtype=np.uint8)
    train[1, 0, 0] = 255
    train[2, :2, :2] = 255
    train[3] = 255
    train[4, 27, 27] = 128
    queries = np.zeros((3, 28, 28), dtype=np.float32)
    queries[0, :2, :2] = 0.9  # nearest: image 2, distance sqrt(4 * 0.1^2) = 0.2
    queries[1] = 1.0  # nearest: image 3, distance 0
    queries[2, 27, 27] = 0.5  # nearest: image 4 (128 / 255 ~ 0.502)
    for chunk in (1, 2, 10_000):
        index, distance = nearest(queries, train, chunk=chunk)
        assert index.tolist() == [2, 3, 4]
        assert distance == pytest.approx([0.2, 0.0, 128 / 255 - 0.5], abs=1e-3)
