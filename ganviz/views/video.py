"""A run as moving pictures for slides: recorded snapshots drawn with matplotlib, packed as a GIF or an MP4.

``render_frame`` draws one snapshot in ``palette``'s colours, Figure 1 of Goodfellow
et al. (2014)'s: p_data black dotted, p_g green solid, D(x) blue dashed, D*
red dash-dot. A ``Snapshot1D`` gets the density panel over the z -> x arrows
panel; a ``Snapshot2D`` gets D(x) as a heatmap (RdBu over a fixed 0..1 range:
blue says real, red says fake, white 1/2), G's manifold in grey, the real
samples black and G's samples green, on equal axes (its D* is left out, as
the HTML replay leaves it out). A headline says the step and the JSD (and,
on ring8 and grid25, the modes covered).

``gif_bytes`` and ``mp4_bytes`` draw a list of snapshots on one matplotlib
Figure (the Agg canvas, no pyplot: nothing global changes) and encode the
pictures: the GIF with Pillow, looping forever; the MP4 as H.264 (yuv420p,
which slide software and browsers play) with the ffmpeg binary that the
imageio-ffmpeg wheel ships. The axes, labels and keys are laid out once and
each frame swaps in only its own curves, points and headline, which is about
twice as fast as building a figure anew for each frame.
"""

from __future__ import annotations

import os
import tempfile
from io import BytesIO
from typing import Iterable, Iterator

import numpy as np
from matplotlib import colormaps
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.cm import ScalarMappable
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import palette
from .figure1 import D_STAR_MIN_DENSITY
from .palette import D_STAR_STYLE, D_STYLE, DATA_STYLE, G_STYLE
from ..frames.snapshot import Snapshot1D

SIZE = (960, 540)  # width, height in pixels: 16:9, as slides are
DPI = 100
ARROW_COLOUR = palette.MAPPING
REAL_COLOUR, FAKE_COLOUR = palette.REAL, palette.FAKE
MANIFOLD_COLOUR = palette.for_matplotlib(palette.MANIFOLD)
# RdBu seen through 75% opacity over white, as the 2D page shows it: 0 red (fake), 1/2 white, 1 blue (real).
D_COLOURS = ListedColormap(0.75 * colormaps[palette.D_SCALE](np.linspace(0, 1, 256))[:, :3] + 0.25)
EMPTY = "there is nothing to export yet: record at least one frame"
# veryfast: a third of x264's default encoding time here, for files of about the same size; faststart: the index
# at the front of the file, so that a player can start before it has read all of it.
X264_OPTIONS = ["-preset", "veryfast", "-movflags", "+faststart"]


def gif_bytes(frames: list, frame_ms: int = 120, size: tuple[int, int] = SIZE, title: str | None = None) -> bytes:
    """An animated GIF of ``frames`` (snapshots), ``frame_ms`` milliseconds each, looping forever.

    Each picture gets its own 256-colour palette (Pillow's fast octree
    quantizer). Pillow merges a frame that is identical to the one before into
    it (adding up their durations), so the GIF can hold fewer frames than
    ``frames`` but plays for the same time.
    """
    from PIL import Image  # noqa: PLC0415  (only the GIF needs it)

    frames = _non_empty(frames)
    pictures = [Image.fromarray(rgb).quantize(256, Image.Quantize.FASTOCTREE)
                for rgb in render_frames(frames, size, title)]
    out = BytesIO()
    pictures[0].save(out, format="GIF", save_all=True, append_images=pictures[1:], duration=int(frame_ms), loop=0)
    return out.getvalue()


def mp4_bytes(frames: list, fps: float = 8, size: tuple[int, int] = SIZE, title: str | None = None) -> bytes:
    """An H.264 MP4 of ``frames`` (snapshots) at ``fps`` frames per second; an odd width or height loses 1 pixel."""
    import imageio_ffmpeg  # noqa: PLC0415  (only the MP4 needs it)

    frames = _non_empty(frames)
    size = (size[0] - size[0] % 2, size[1] - size[1] % 2)  # yuv420p halves the colour resolution: even sides only
    with tempfile.TemporaryDirectory(prefix="ganviz-") as folder:
        path = os.path.join(folder, "run.mp4")
        writer = imageio_ffmpeg.write_frames(path, size, fps=fps, codec="libx264", pix_fmt_out="yuv420p", quality=6,
                                             macro_block_size=2, output_params=X264_OPTIONS)
        writer.send(None)  # starts ffmpeg
        try:
            for rgb in render_frames(frames, size, title):
                writer.send(rgb)
        finally:
            writer.close()
        with open(path, "rb") as file:
            return file.read()


def render_frame(snapshot, size: tuple[int, int] = SIZE, title: str | None = None) -> np.ndarray:
    """One snapshot drawn as a (height, width, 3) uint8 RGB picture; ``title``: an optional line above the headline."""
    return next(render_frames([snapshot], size, title))


def render_frames(frames: Iterable, size: tuple[int, int] = SIZE, title: str | None = None) -> Iterator[np.ndarray]:
    """The pictures of ``frames``, one at a time, all drawn on one Figure.

    The axes are laid out again only when a frame needs other axes than the
    frame before (another window, another kind of snapshot); otherwise the
    previous frame's own artists are removed and this frame's drawn.
    """
    width, height = size
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    layout, axes, drawn = None, None, []
    for snapshot in frames:
        one_d = isinstance(snapshot, Snapshot1D)
        if _layout(snapshot) != layout:
            figure.clear()
            if title:
                figure.text(0.01, 0.985, title, ha="left", va="top", fontsize=10, color="#555555")
            axes, drawn = (_axes_1d if one_d else _axes_2d)(figure, snapshot), []
            layout = _layout(snapshot)
        for artist in drawn:
            artist.remove()
        drawn = (_draw_1d if one_d else _draw_2d)(axes, snapshot) + [_headline(figure, snapshot)]
        canvas.draw()
        yield np.asarray(canvas.buffer_rgba())[:, :, :3].copy()


def _non_empty(frames) -> list:
    frames = list(frames)
    if not frames:
        raise ValueError(EMPTY)
    return frames


def _layout(snap) -> tuple:
    """What the axes of a snapshot depend on: frames with equal keys share axes, labels and keys."""
    if isinstance(snap, Snapshot1D):
        return "1d", float(snap.x[0]), float(snap.x[-1]), _top(snap), tuple(snap.z_range), snap.d_is_probability
    return "2d", tuple(np.ravel(snap.bounds)), snap.d_is_probability


def _headline(figure: Figure, snapshot):
    """The step and the JSD (and the modes covered, where counted), in bold under the title line."""
    metrics = snapshot.metrics
    parts = [f"step {snapshot.step:,}"]
    if metrics.get("jsd") is not None:
        parts.append(f"JSD(p_data ‖ p_g) = {metrics['jsd']:.4f} nats")
    if metrics.get("modes") is not None:
        parts.append(f"modes {metrics['modes']}/{len(metrics.get('mode_counts', []))}, HQ {metrics['hq']:.2f}")
    return figure.text(0.01, 0.94, "   ".join(parts), ha="left", va="top", fontsize=14, fontweight="bold")


def _style(style: dict) -> dict:
    """matplotlib line keywords from a Plotly line style of ``palette`` (widths in pixels, dash names)."""
    dashes = {"dot": ":", "dash": "--", "dashdot": "-.", None: "-"}
    return dict(color=style["color"], linestyle=dashes[style.get("dash")], linewidth=style.get("width", 2) * 0.8)


def _top(snap: Snapshot1D) -> float:
    """The top of the density axis, as figure1 sets it: p_g may run off it (then a note says where it peaks)."""
    return max(1.1, 1.25 * float(snap.p_data.max()))


def _axes_1d(figure: Figure, snap: Snapshot1D) -> tuple:
    """Figure 1's two panels sharing x: densities and D above (with the key), the z and x lines below."""
    figure.subplots_adjust(left=0.06, right=0.98, top=0.80, bottom=0.07, hspace=0.06)
    densities, mapping = figure.subplots(2, 1, sharex=True, gridspec_kw=dict(height_ratios=[74, 26]))
    lo, hi = float(snap.x[0]), float(snap.x[-1])
    densities.set_xlim(lo, hi)
    densities.set_ylim(0, _top(snap))
    densities.set_ylabel("density / D(x)")
    densities.grid(color="#eeeeee")
    d_name = "D(x)" if snap.d_is_probability else "σ(critic(x))"
    key = [("p_data (data)", DATA_STYLE), ("p_g (generator)", G_STYLE), (d_name, D_STYLE),
           ("D* = p_data/(p_data+p_g)", D_STAR_STYLE)]
    densities.legend(handles=[Line2D([], [], label=label, **_style(style)) for label, style in key], loc="lower left",
                     bbox_to_anchor=(0, 1.0), ncols=4, frameon=False, fontsize=11, borderaxespad=0.2, handlelength=3)
    mapping.hlines([0.0, 1.0], lo, hi, color="black", linewidth=1.2)
    for text, y in (("x", 1.0), ("z", 0.0)):
        mapping.text(lo, y, text + " ", ha="right", va="center", fontsize=13)
    z_lo, z_hi = snap.z_range
    for z, x, align in ((z_lo, lo, "left"), (z_hi, hi, "right")):
        mapping.text(x, -0.08, f"z={z:g}", ha=align, va="top", fontsize=9, color=ARROW_COLOUR)
    mapping.set_ylim(-0.3, 1.15)
    mapping.set_yticks([])
    for side in ("left", "right", "top"):
        mapping.spines[side].set_visible(False)
    return densities, mapping


def _draw_1d(axes: tuple, snap: Snapshot1D) -> list:
    """p_data, p_g, D and D* over x; the arrows x = G(z), z's range stretched across the x window, as in the paper."""
    densities, mapping = axes
    drawn = densities.plot(snap.x, snap.p_data, **_style(DATA_STYLE))
    drawn += densities.plot(snap.x, snap.p_g, **_style(G_STYLE))
    drawn += densities.plot(snap.x, snap.d, **_style(D_STYLE))
    # D* is 0/0 where neither density has mass: drawn only where one of them has some, as figure1 draws it.
    d_star = np.where(snap.p_data + snap.p_g > D_STAR_MIN_DENSITY, snap.d_star, np.nan)
    drawn += densities.plot(snap.x, d_star, **_style(D_STAR_STYLE))
    top = _top(snap)
    if snap.p_g.max() > top:
        peak = (float(snap.x[np.argmax(snap.p_g)]), top)
        drawn.append(densities.annotate(f"p_g peaks at {snap.p_g.max():.1f} ↑", peak, xytext=(6, -4),
                                        textcoords="offset points", ha="left", va="top", color=G_STYLE["color"],
                                        fontsize=11))
    lo, hi = float(snap.x[0]), float(snap.x[-1])
    z_lo, z_hi = snap.z_range
    z_drawn = lo + (np.asarray(snap.z_arrows) - z_lo) / (z_hi - z_lo) * (hi - lo)
    drawn.append(mapping.quiver(z_drawn, np.zeros_like(z_drawn), np.asarray(snap.x_arrows) - z_drawn,
                                np.ones_like(z_drawn), angles="xy", scale_units="xy", scale=1, color=ARROW_COLOUR,
                                width=0.0015, headwidth=5, headlength=7))
    return drawn


def _axes_2d(figure: Figure, snap) -> object:
    """A square plot of the target's window, as tall as the figure allows; D's colour key and a legend at its right."""
    (x0, x1), (y0, y1) = snap.bounds
    width, height = figure.get_size_inches()
    side = 0.78 * height / width  # the plot's width in figure-width units, for a square
    axes = figure.add_axes((0.05, 0.05, side, 0.78))
    axes.set_xlim(x0, x1)
    axes.set_ylim(y0, y1)
    axes.set_aspect("equal", adjustable="box", anchor="W")
    right = 0.05 + side + 0.02
    key = figure.colorbar(ScalarMappable(Normalize(0.0, 1.0), D_COLOURS),
                          cax=figure.add_axes((right, 0.25, 0.015, 0.5)), ticks=[0, 0.5, 1])
    key.ax.set_yticklabels(["0 fake", "½", "1 real"])
    key.set_label("D(x)" if snap.d_is_probability else "σ(critic)")
    handles = [Line2D([], [], linestyle="", marker="o", markersize=6, color=REAL_COLOUR, label="real x ~ p_data"),
               Line2D([], [], linestyle="", marker="o", markersize=6, color=FAKE_COLOUR, label="generated G(z)"),
               Line2D([], [], color=MANIFOLD_COLOUR, label="G's manifold (z grid → G)")]
    figure.legend(handles=handles, loc="upper left", bbox_to_anchor=(right + 0.09, 0.83), frameon=False, fontsize=11)
    return axes


def _draw_2d(axes, snap) -> list:
    """D(x) as a heatmap behind G's manifold, the generated samples and the real samples (on top, so modes show)."""
    xs, ys = snap.heat_xs, snap.heat_ys  # cell centres: the picture reaches half a cell further
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    extent = (xs[0] - dx / 2, xs[-1] + dx / 2, ys[0] - dy / 2, ys[-1] + dy / 2)
    drawn = [axes.imshow(snap.d, origin="lower", extent=extent, cmap=D_COLOURS, vmin=0.0, vmax=1.0,
                         interpolation="nearest", aspect="equal")]
    if snap.manifold:
        drawn.append(axes.add_collection(LineCollection(snap.manifold, colors=[MANIFOLD_COLOUR], linewidths=1.0),
                                         autolim=False))
    drawn.append(axes.scatter(snap.fake[:, 0], snap.fake[:, 1], s=12, color=FAKE_COLOUR, alpha=0.85,
                              edgecolors="white", linewidths=0.3))
    drawn.append(axes.scatter(snap.real[:, 0], snap.real[:, 1], s=6, color=REAL_COLOUR, alpha=0.8, linewidths=0))
    return drawn
