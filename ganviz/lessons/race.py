"""Several GANs trained in lockstep, one config each: the same seed, a chosen difference.

A ``Race`` holds one ``Trainer`` per named config (e.g. the loss ``minimax``
vs ``nonsaturating``, or a plain GAN vs a mode-collapse remedy); every call to
``train`` advances all of them by the same number of Algorithm-1 iterations,
so their charts share one step axis. With the same seed, each trainer draws
from its own generator seeded the same way, so runs whose architectures match
start from the same weights and differ only where their configs differ.

A run that diverges is rolled back by its trainer and stops; the others go on.
``errors`` keeps the English message of each stopped run (for the command line
and logs), ``failures`` the facts behind it (``DivergenceError.facts``: which
quantity blew up, the steps, the learning rates), so a page can say the same in
the reader's language (``ganviz.ui.divergence_text``).

``RACE_PRESETS`` are the theory page's measured races (its tab "Why the
non-saturating loss"); ``tests/lessons/test_race.py`` checks each one shows what its
caption (``theory.race_preset.<name>.caption`` in ``ganviz/i18n``) says.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.config import TrainConfig
from ..core.trainer import DivergenceError, Trainer


class Race:
    """One trainer per entry of ``configs`` (name -> TrainConfig)."""

    def __init__(self, configs: dict, field: str | None = None):
        self.configs, self.field = dict(configs), field
        self.trainers = {name: Trainer(config) for name, config in self.configs.items()}
        self.errors: dict = {}  # name -> English message, for runs stopped by a divergence
        self.failures: dict = {}  # name -> the divergence's facts (which, start, bad_step, step, lr_d, lr_g)

    @classmethod
    def varying(cls, config: TrainConfig, field: str, values) -> "Race":
        """Runs that are ``config`` except for ``field``, which takes each of ``values`` (the runs' names)."""
        race = cls({v: replace(config, **{field: v}) for v in values}, field)
        race.config = config
        return race

    def train(self, iterations: int) -> None:
        """Advance every run that has not diverged by ``iterations`` iterations."""
        for name, trainer in self.trainers.items():
            if name in self.errors:
                continue
            try:
                trainer.train(iterations)
            except DivergenceError as err:
                self.errors[name] = str(err)
                self.failures[name] = dict(err.facts)

    @property
    def step(self) -> int:
        return max(t.step for t in self.trainers.values())

    def apply(self, config: TrainConfig) -> None:
        """Take new live settings (k, learning rates, batch) in every run of a ``varying`` race."""
        if self.field is None:
            raise ValueError("apply needs a race built with Race.varying")
        self.config = config
        for value, trainer in self.trainers.items():
            trainer.apply(replace(config, **{self.field: value}))


@dataclass(frozen=True)
class RacePreset:
    """A measured race: ``config`` with ``field`` taking each of ``values``; ``shows`` is what it demonstrates."""

    name: str  # i18n key stem: theory.race_preset.<name>.title / .caption
    config: TrainConfig
    field: str
    values: tuple
    shows: str = ""

    def race(self) -> Race:
        return Race.varying(self.config, self.field, list(self.values))


# The theory page's 1D GAN: one Gaussian N(2, 0.5^2), SGD with momentum as in the paper, the uniform prior; G starts
# shifted to the left of the data (g_offset), where D rejects its samples at once.
THEORY_RACE = TrainConfig(dist="gaussian", optimizer="sgd", momentum=0.5, lr_d=0.05, lr_g=0.05, batch=128,
                          prior="uniform", width=32, depth=2)

RACE_PRESETS = {p.name: p for p in [
    RacePreset("loss", replace(THEORY_RACE, k=3, g_offset=-2.5, seed=1), "loss", ("minimax", "nonsaturating"),
               shows="minimax stays at JSD = log 2 with D(G(z)) < 0.01 after 600 steps; non-saturating is below 0.3"),
    # Measured on the CPU, seeds 0-4, JSD at step 1,000 (minimax loss, G 2 to the left): k = 1 gives 0.435, 0.191,
    # 0.163, 0.210, 0.113; k = 5 gives 0.693 (log 2: D(G(z)) < 0.001) for all five. Seed 2: k = 1 is at 0.203 by
    # step 100 and at most 0.26 up to step 4,000; k = 5 stays at 0.693 for all 4,000 steps.
    RacePreset("k", replace(THEORY_RACE, loss="minimax", g_offset=-2.0, seed=2), "k", (1, 5),
               shows="minimax, same seed: k = 1 falls below JSD 0.21 by step 100 (0.163 at 1,000); "
                     "k = 5 stays at log 2 = 0.693 (D(G(z)) < 0.001) through step 1,000"),
]}
