"""The nearest training image to a generated one (Euclidean in pixel space), as in the paper's Figure 2."""

from __future__ import annotations

import numpy as np
import torch

from .idx import to_unit
from .parzen import flat, squared_distances


def nearest(queries, images, chunk: int = 10_000) -> tuple[np.ndarray, np.ndarray]:
    """For each query image, the index of the nearest of ``images`` and the distance to it.

    Both are scaled to [0, 1] first: floats are taken as they are, uint8 arrays are
    divided by 255. ``images`` is scanned in chunks of ``chunk`` rows, so 60,000
    training images need only a (len(queries), chunk) block at a time.
    """
    q = flat(to_unit(queries))
    best_d = torch.full((len(q),), float("inf"))
    best_i = torch.zeros(len(q), dtype=torch.int64)
    for start in range(0, len(images), chunk):
        block = flat(to_unit(images[start:start + chunk]))
        d, i = squared_distances(q, block).min(dim=1)
        better = d < best_d
        best_d[better], best_i[better] = d[better], i[better] + start
    return best_i.numpy(), best_d.sqrt().numpy()
