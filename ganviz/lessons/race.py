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

The pages' measured races are presets (``ganviz.lessons.presets``, ``Preset.race``);
``ganviz.ui.live.RaceRun`` keeps one in a browser session.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

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


BUNCHED = 0.25  # G's samples are "bunched in one place" when their spread is under this share of p_data's


def spread_ratio(fake: np.ndarray, real: np.ndarray) -> float:
    """How widely G's samples ``fake`` are spread, as a share of how widely p_data's ``real`` ones are: the root
    mean squared distance of each set from its own centre, one over the other (0: a point; 1: as wide as the data)."""
    def spread(points: np.ndarray) -> float:
        points = np.asarray(points, dtype=np.float64)
        return float(np.sqrt(((points - points.mean(axis=0)) ** 2).sum(axis=1).mean()))

    width = spread(real)
    return spread(fake) / width if width > 0 else math.inf


def race_now(rows: dict, n_modes: int, spreads: dict | None = None) -> list[tuple[str, str, dict]]:
    """What the class sees in each run of a mode-collapse race at this moment, from its latest metrics row.

    ``rows``: run name -> a row with ``step``, ``modes`` and ``hq`` (``metrics_2d``); ``spreads``: run name ->
    its ``spread_ratio`` now (without one, a run on few modes is taken for bunched). Returns, per run, its
    name, a catalogue key under ``mode_collapse.now.`` and the values the sentence takes: "start" (step 0),
    "all" (every mode covered, at least half the samples on one), "all_loose" (every mode, fewer on them),
    "few" (at most a quarter of the modes, the samples bunched in one place: spread under ``BUNCHED``),
    "few_spread" (at most a quarter of the modes, the samples spread out between them) or "some".
    """
    said = []
    for name, row in rows.items():
        modes, hq = int(row["modes"]), float(row["hq"])
        if row["step"] == 0:
            state = "start"
        elif modes == n_modes:
            state = "all" if hq >= 0.5 else "all_loose"
        elif modes <= n_modes // 4:
            bunched = spreads is None or spreads.get(name, 0.0) < BUNCHED
            state = "few" if bunched else "few_spread"
        else:
            state = "some"
        said.append((name, f"mode_collapse.now.{state}", dict(modes=modes, n=n_modes, hq=f"{100 * hq:.0f}")))
    return said
