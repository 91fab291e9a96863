"""ganviz: a live, classroom-grade visualizer of Generative Adversarial Nets (Goodfellow et al., 2014).

The library never imports Streamlit (only ``ganviz.ui`` does). Its public names:

    from ganviz import get_distribution, TrainConfig, Trainer, jsd, optimal_discriminator
"""

from .core.distributions import get_distribution
from .measure.metrics import criterion, jsd, kl, optimal_discriminator, value
from .frames.snapshot import Snapshot1D, take_snapshot
from .core.config import TrainConfig
from .core.trainer import DivergenceError, Trainer

__all__ = [
    "get_distribution",
    "TrainConfig",
    "Trainer",
    "DivergenceError",
    "jsd",
    "kl",
    "value",
    "criterion",
    "optimal_discriminator",
    "take_snapshot",
    "Snapshot1D",
]
