"""The MNIST page's live figures, from plain arrays (``ganviz.mnist.live.LiveFrame`` and its history rows).

* ``losses_figure``: D's and G's loss per iteration (thinned), in the palette's D-loss and G-loss colours,
  with log 4 (D's loss when D(x) = 1/2 everywhere) and log 2 (G's) as guides.
* ``d_histograms_figure``: D(x) on real images and on G's samples, two histograms over [0, 1].
* ``classes_figure``: the classifier's share of each digit among G's samples, against the uniform 10 %.
"""

from __future__ import annotations

import math

import numpy as np

from ganviz.i18n import t

from . import palette
from .plot import GRID, level_line, line, rounded, series, thin

BINS = 20  # D(x) histogram bins over [0, 1]
MAX_POINTS = 400  # loss points drawn at most
MARGIN = dict(l=50, r=10, t=40, b=45)


def losses_figure(history: list[dict], height: int = 300) -> dict:
    """D's and G's minibatch losses against the step (the rows of ``LiveMnist.history``)."""
    rows = thin(history, MAX_POINTS)
    steps = [r["step"] for r in rows]
    data = [line(steps, series(rows, "d_loss", 3), t("mnist.live_d_loss"), dict(color=palette.D_LOSS, width=2)),
            line(steps, series(rows, "g_loss", 3), t("mnist.live_g_loss"), dict(color=palette.G_LOSS, width=2))]
    guides = [level_line(math.log(4), "", dict(color=palette.GUIDE, dash="dot", width=1), "log 4"),
              level_line(math.log(2), "", dict(color=palette.GUIDE, dash="dot", width=1), "log 2")]
    layout = dict(title=dict(text=t("mnist.live_losses_title"), x=0.02, font=dict(size=15)), height=height,
                  margin=MARGIN, xaxis=dict(title=dict(text=t("mnist.live_step")), **GRID), yaxis=dict(**GRID),
                  legend=dict(orientation="h", x=1, xanchor="right", y=1.02, yanchor="bottom"),
                  shapes=[shape for shape, _ in guides], annotations=[note for _, note in guides],
                  plot_bgcolor="white")
    return {"data": data, "layout": layout}


def d_histograms_figure(d_real, d_fake, height: int = 300) -> dict:
    """Two histograms of D(x) over [0, 1]: on real images (near 1 when D tells them apart) and on G's samples."""
    edges = np.linspace(0, 1, BINS + 1)
    centres = rounded((edges[:-1] + edges[1:]) / 2, 3)
    data = []
    for values, name, colour in ((d_real, t("mnist.live_real"), palette.REAL),
                                 (d_fake, t("mnist.live_fake"), palette.FAKE)):
        counts, _ = np.histogram(np.clip(values, 0, 1), edges)
        data.append(dict(type="bar", x=centres, y=rounded(counts / max(len(values), 1), 3), name=name,
                         marker=dict(color=palette.rgba(colour, 0.6)), width=1 / BINS))
    layout = dict(title=dict(text=t("mnist.live_d_title"), x=0.02, font=dict(size=15)), height=height, margin=MARGIN,
                  barmode="overlay", bargap=0, plot_bgcolor="white",
                  xaxis=dict(title=dict(text="D(x)"), range=[0, 1], **GRID),
                  yaxis=dict(title=dict(text=t("mnist.live_share")), tickformat=".0%", **GRID),
                  legend=dict(orientation="h", x=1, xanchor="right", y=1.02, yanchor="bottom"))
    return {"data": data, "layout": layout}


def classes_figure(histogram, height: int = 300) -> dict:
    """The share of G's samples the classifier calls each digit, with the uniform 10 % as a guide."""
    shape, note = level_line(0.1, "", dict(color=palette.GUIDE, dash="dot", width=1), "10 %")
    data = [dict(type="bar", x=[str(d) for d in range(10)], y=rounded(histogram, 3), name=t("mnist.live_classes"),
                 marker=dict(color=palette.FAKE), showlegend=False)]
    top = max(0.25, float(np.max(histogram)) * 1.1 if len(histogram) else 0.25)
    layout = dict(title=dict(text=t("mnist.live_classes_title"), x=0.02, font=dict(size=15)), height=height,
                  margin=MARGIN, plot_bgcolor="white",
                  xaxis=dict(title=dict(text=t("mnist.live_digit")), type="category"),
                  yaxis=dict(range=[0, top], tickformat=".0%", **GRID),
                  shapes=[shape], annotations=[note])
    return {"data": data, "layout": layout}
