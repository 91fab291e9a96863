"""Many small digits as one picture: a grid composed with NumPy and PIL, not one chart per digit."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..views.palette import NEAREST


def to_uint8(images) -> np.ndarray:
    """Images in [0, 1] (floats) or uint8 -> uint8 (n, 28, 28), 255 = ink."""
    array = np.asarray(images)
    return array if array.dtype == np.uint8 else np.rint(np.clip(array, 0, 1) * 255).astype(np.uint8)


def grid(images, cols: int, scale: int = 3, pad: int = 2, outline=(), labels=None,
         outline_colour=NEAREST, font_size: int = 13) -> Image.Image:
    """Images (n, 28, 28) as one RGB picture of ``cols`` columns, each digit ``scale`` times enlarged.

    Digits are drawn dark on white (ink = black), as in the paper's figures. Cells whose
    index is in ``outline`` get a ``pad``-pixel coloured frame (the paper outlines the
    nearest training images in yellow); ``labels`` (one short string per image, e.g.
    D(x)) are written under the digits.
    """
    array = to_uint8(images)
    n, h, w = array.shape
    rows = max(1, -(-n // cols))
    cell_h, cell_w = (h + 2 * pad) * scale, (w + 2 * pad) * scale
    band = int(font_size * 1.4) if labels is not None else 0
    canvas = np.full((rows * (cell_h + band), cols * cell_w, 3), 255, dtype=np.uint8)
    big = np.repeat(np.repeat(255 - array, scale, axis=1), scale, axis=2)  # nearest-neighbour upscaling
    for i in range(n):
        r, c = divmod(i, cols)
        top, left = r * (cell_h + band), c * cell_w
        if i in outline:
            canvas[top:top + cell_h, left:left + cell_w] = outline_colour
        p = pad * scale
        canvas[top + p:top + p + h * scale, left + p:left + p + w * scale] = big[i][..., None]
    picture = Image.fromarray(canvas)
    if labels is not None:
        draw, font = ImageDraw.Draw(picture), label_font(font_size)
        for i, text in enumerate(labels[:n]):
            r, c = divmod(i, cols)
            x, y = c * cell_w + cell_w / 2, r * (cell_h + band) + cell_h + band / 2
            draw.text((x, y), text, fill=(40, 40, 40), font=font, anchor="mm")
    return picture


def label_font(size: int):
    """PIL's bundled font at ``size`` (needs FreeType), else its fixed bitmap font."""
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow < 10.1 or no FreeType
        return ImageFont.load_default()
