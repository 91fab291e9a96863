"""Several GANs trained in lockstep: the same config and seed, one difference.

A ``Race`` holds one ``Trainer`` per variant (e.g. the loss ``minimax`` vs
``nonsaturating``); every call to ``train`` advances all of them by the same
number of Algorithm-1 iterations, so their charts share one step axis. Because
each trainer draws from its own generator seeded the same way, the runs start
from the same weights and differ only in the field that was varied.

A run that diverges is rolled back by its trainer and stops; the others go on.
"""

from __future__ import annotations

from dataclasses import replace

from .trainer import DivergenceError, TrainConfig, Trainer


class Race:
    """One trainer per value of ``field`` (a TrainConfig field name), otherwise ``config``."""

    def __init__(self, config: TrainConfig, field: str, values):
        self.config, self.field = config, field
        self.trainers = {v: Trainer(replace(config, **{field: v})) for v in values}
        self.errors: dict = {}  # variant -> message, for runs stopped by a divergence

    def train(self, iterations: int) -> None:
        """Advance every run that has not diverged by ``iterations`` iterations."""
        for variant, trainer in self.trainers.items():
            if variant in self.errors:
                continue
            try:
                trainer.train(iterations)
            except DivergenceError as err:
                self.errors[variant] = str(err)

    @property
    def step(self) -> int:
        return max(t.step for t in self.trainers.values())

    def apply(self, config: TrainConfig) -> None:
        """Take new live settings (k, learning rates, batch) in every run."""
        self.config = config
        for variant, trainer in self.trainers.items():
            trainer.apply(replace(config, **{self.field: variant}))
