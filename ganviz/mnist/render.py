"""Many small digits as one picture: a grid composed with NumPy, optionally outlined cells, upscaled with PIL."""

from __future__ import annotations

import numpy as np
from PIL import Image

YELLOW = (255, 214, 0)


def grid(images, cols: int, scale: int = 3, pad: int = 2, outline: set[int] | None = None,
         background: int = 255, outline_colour=YELLOW) -> Image.Image:
    """Images in [0, 1] (floats) or uint8, (n, 28, 28), as one RGB picture of ``cols`` columns.

    Digits are drawn dark on light (ink = black), as in the paper's figures; cells
    whose index is in ``outline`` get a ``pad``-wide coloured frame (the paper outlines
    the nearest training images in yellow).
    """
    array = np.asarray(images)
    if array.dtype != np.uint8:
        array = np.rint(np.clip(array, 0, 1) * 255).astype(np.uint8)
    n, h, w = array.shape
    rows = max(1, -(-n // cols))
    cell_h, cell_w = h + 2 * pad, w + 2 * pad
    canvas = np.full((rows * cell_h, cols * cell_w, 3), background, dtype=np.uint8)
    for i in range(n):
        r, c = divmod(i, cols)
        top, left = r * cell_h, c * cell_w
        if outline and i in outline:
            canvas[top:top + cell_h, left:left + cell_w] = outline_colour
        canvas[top + pad:top + pad + h, left + pad:left + pad + w] = (255 - array[i])[..., None]
    picture = Image.fromarray(canvas)
    return picture.resize((picture.width * scale, picture.height * scale), Image.NEAREST) if scale > 1 else picture
