"""Remedies for mode collapse, side by side: the methods ``python -m ganviz compare`` runs, and measured presets.

Mode collapse: G puts all its samples on a few of the target's modes (on
``ring8``, one or two of the eight Gaussians) and D's gradient never pulls it
to the others. Each method below is a real implementation; its module explains
how it works:

* ``gan``      -- the plain GAN of the config (no remedy): the baseline.
* ``unrolled`` -- G's loss against D after K more D steps, differentiated
  through them (Metz et al. 2017; ``unrolled.py``).
* ``pacgan``   -- D judges packs of m samples (Lin et al. 2018; ``pacgan.py``).
* ``mbstd``    -- D sees the minibatch's spread (Karras et al. 2018; ``mbstd.py``).
* ``wgan-gp``  -- a Wasserstein critic with gradient penalty and 5 critic steps
  per G step (Gulrajani et al. 2017; ``losses.py``). It keeps the base's
  learning rates and the paper's penalty weight lambda = 10 (the authors' toy
  script used Adam lr 1e-4 with betas (0.5, 0.9) and lambda = 0.1).

``config_for(method, base)`` is ``base`` with the method switched on and
nothing else changed (WGAN-GP also sets k = 5), so a comparison differs only
in the method.

The tables (``results/``, the README, the page) measure the plain GAN, PacGAN
and, on grid25, minibatch std; the unrolled GAN and WGAN-GP are on the page and
in ``compare --methods`` but not in the tables (on an earlier base they covered
no modes and took longer than the 2-minute budget per run; see results/).
The mode-collapse page's measured presets are in ``ganviz.lessons.presets``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..core.config import TrainConfig


@dataclass(frozen=True)
class Method:
    """One compared method: how to show it, where it comes from, and the config fields it sets.

    ``label`` and ``description`` are the English ones (the command line and the results files use the label);
    the page shows the same texts in the reader's language, from the catalogues' "mode_collapse.method.<name>.label"
    and ".description" (a test keeps the English ones equal).
    """

    label: str
    description: str
    citation: str
    changes: dict = field(default_factory=dict)  # TrainConfig fields the method sets on top of the base config


METHODS = {
    "gan": Method("plain GAN", "Algorithm 1 as it is: G descends its loss against the current D.",
                  "Goodfellow et al. 2014", {"remedy": "none"}),
    "unrolled": Method("unrolled GAN", "G's loss is taken against D after K more gradient steps on D, and G's "
                       "gradient flows through those steps: G sees how D would answer a collapse.",
                       "Metz et al. 2017, Unrolled Generative Adversarial Networks", {"remedy": "unrolled"}),
    "pacgan": Method("PacGAN", "D judges packs of m samples at once, all real or all fake: a pack of look-alike "
                     "samples gives a collapsed G away.",
                     "Lin et al. 2018, PacGAN: The power of two samples in GANs", {"remedy": "pacgan"}),
    "mbstd": Method("minibatch std", "D gets one extra feature: the spread of its features over the whole "
                    "minibatch, which is small when G has collapsed.",
                    "Karras et al. 2018, Progressive Growing of GANs", {"remedy": "mbstd"}),
    "wgan-gp": Method("WGAN-GP", "D is a critic estimating the Wasserstein distance, kept 1-Lipschitz by a "
                      "gradient penalty, trained 5 steps per G step.",
                      "Gulrajani et al. 2017, Improved Training of Wasserstein GANs",
                      {"remedy": "none", "loss": "wgan-gp", "k": 5}),
}


def config_for(method: str, base: TrainConfig) -> TrainConfig:
    """``base`` with ``method`` (a key of ``METHODS``) switched on; ValueError for an unknown method."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    return replace(base, **METHODS[method].changes)
