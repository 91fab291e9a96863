"""Named, seeded starting points for a lesson: each sets a page's controls and says what the class will see.

A preset is a ``TrainConfig`` (with its seed: the same preset gives the same run
on the same machine), what the page does once it is loaded (``then``: play, or
train D alone with G frozen), how many iterations run before the class sees it
(``warmup``, so a lesson does not wait for the boring part), and the metric that
shows the point (``shows``), which ``tests/lessons/test_presets.py`` checks on a real
run. Titles and captions are in the language catalogues under
``preset.<name>.title`` and ``preset.<name>.caption``.

The mode-collapse page's presets (two runs side by side) are in ``remedies.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..remedies.methods import PRESETS as MODE_COLLAPSE_PRESETS
from ..core.config import TrainConfig


@dataclass(frozen=True)
class Preset:
    name: str  # i18n key stem: preset.<name>.title / .caption
    page: str  # "figure1" or "two_d": the page whose controls it sets
    config: TrainConfig
    then: str = "play"  # after loading: "play", or "fit_d" (train D alone, G frozen, until it stops improving)
    warmup: int = 0  # Algorithm-1 iterations trained before the class sees the run
    shows: str = ""  # the metric that demonstrates it, as tests/lessons/test_presets.py checks it


# The paper's setting for Figure 1: a 1D Gaussian, SGD with momentum, the uniform prior.
FIGURE1 = TrainConfig(dist="gaussian", loss="nonsaturating", optimizer="sgd", lr_d=0.05, lr_g=0.05, momentum=0.5,
                      batch=128, prior="uniform", width=32, seed=0, device="auto")
# The 2D page's default: ring8 learned by a small GAN with 2-d noise.
RING8 = TrainConfig(dist="ring8", loss="nonsaturating", optimizer="adam", lr_d=1e-3, lr_g=1e-3, batch=256,
                    prior="uniform", z_dim=2, width=64, depth=2, seed=0, device="auto")

PRESETS = {p.name: p for p in [
    Preset("figure1_abcd", "figure1", FIGURE1,
           shows="JSD falls from its start to below 0.1 within 1,500 iterations"),
    Preset("d_star", "figure1", FIGURE1, then="fit_d", warmup=200,
           shows="with G frozen, D trains until mean |D - D*| under the mixture is below 0.05 (0.08 at worst)"),
    Preset("saturating", "figure1", replace(FIGURE1, loss="minimax", k=3, g_offset=-2.5, seed=1),
           shows="JSD stays at log 2 = 0.693 (G's gradient vanishes) for 600 iterations"),
    Preset("nonsaturating", "figure1", replace(FIGURE1, loss="nonsaturating", k=3, g_offset=-2.5, seed=1),
           shows="the same start with the non-saturating loss: JSD falls below 0.3 within 600 iterations"),
    Preset("diverge", "figure1", replace(FIGURE1, loss="lsgan", lr_d=1.0, lr_g=1.0),
           shows="training diverges (NaN) within 20 iterations; the run is rolled back and explained"),
    Preset("ring8_learns", "two_d", RING8,
           shows="G covers at least 6 of ring8's 8 modes by iteration 3,000"),
    Preset("ring8_collapses", "two_d",  # the mode-collapse page's preset, without its late learning-rate decay
           replace(MODE_COLLAPSE_PRESETS["ring8-collapse"], device="auto", decay_start=0, decay_end=0),
           shows="the plain GAN of the mode-collapse preset covers at most 2 of 8 modes at iteration 3,000"),
    Preset("curve", "two_d", replace(RING8, z_dim=1),
           shows="with 1-d noise G draws a curve: its samples leave the modes (HQ below 0.8) at iteration 3,000"),
]}


def presets_for(page: str) -> list[Preset]:
    """The presets of ``page``, in the order the page shows them."""
    return [p for p in PRESETS.values() if p.page == page]
