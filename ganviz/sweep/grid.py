"""What a sweep runs: a grid over ``TrainConfig`` fields times seeds (``ganviz sweep``), or methods times seeds
(``ganviz compare``), as a list of jobs, each named by a key that the results file keeps (so a re-run skips it).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, fields, replace

from ..core.config import TrainConfig
from ..remedies.methods import config_for

FIXED = ("seed", "device")  # --seeds gives the seeds; one device serves the whole sweep
TYPES = {"int": int, "float": float, "str": str}


@dataclass(frozen=True)
class Job:
    """One run: its config, how long, and ``labels``, what its row says about it (grid values, seed, method)."""

    labels: dict
    config: TrainConfig
    steps: int
    n_samples: int

    @property
    def key(self) -> str:
        return job_key(self.labels)


def job_key(labels: dict) -> str:
    """The run's name in a results file: its labels as canonical JSON (a row's ``key``)."""
    return json.dumps(labels, sort_keys=True)


def parse_grid(specs: list[str]) -> dict[str, list]:
    """``["lr_d=1e-4,3e-4", "k=1,5"]`` -> {"lr_d": [1e-4, 3e-4], "k": [1, 5]}, each value of its field's type.

    A field may be written with ``-`` or ``_`` (``lr-d``). ValueError, with the reason, for an unknown or repeated
    field, ``seed`` or ``device``, a value of the wrong type or a repeated value.
    """
    types = {f.name: f.type for f in fields(TrainConfig)}
    grid: dict[str, list] = {}
    for spec in specs:
        name, sep, values = spec.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or not values.strip():
            raise ValueError(f"--grid takes FIELD=V1,V2,... such as lr_d=1e-4,3e-4 (got {spec!r})")
        if name in FIXED:
            raise ValueError(f"--grid cannot vary {name}: " + ("give the seeds with --seeds" if name == "seed"
                                                              else "one --device serves the whole sweep"))
        if name not in types:
            choices = ", ".join(n for n in types if n not in FIXED)
            raise ValueError(f"--grid: {name!r} is not a TrainConfig field; choose from {choices}")
        if name in grid:
            raise ValueError(f"--grid names {name} twice")
        kind = TYPES[types[name]]
        try:
            parsed = [kind(v.strip()) for v in values.split(",")]
        except ValueError:
            raise ValueError(f"--grid {name}: every value must be a{'n' if kind is int else ''} "
                             f"{kind.__name__} (got {values!r})") from None
        if len(set(parsed)) != len(parsed):
            raise ValueError(f"--grid {name}: a value appears twice (got {values!r})")
        grid[name] = parsed
    if not grid:
        raise ValueError("--grid needs at least one FIELD=V1,V2,...")
    return grid


def grid_jobs(base: TrainConfig, grid: dict[str, list], seeds: list[int], steps: int, n_samples: int,
              ) -> list[Job]:
    """One job per grid cell and seed (seeds in the inner loop): ``base`` with the cell's fields and the seed, every
    config validated first (ValueError names the cell)."""
    jobs = []
    for values in itertools.product(*grid.values()):
        cell = dict(zip(grid, values))
        for seed in seeds:
            config = replace(base, **cell, seed=seed)
            try:
                config.validate()
            except ValueError as err:
                raise ValueError(f"the cell {', '.join(f'{k}={v}' for k, v in cell.items())}: {err}") from None
            jobs.append(Job({**cell, "seed": seed}, config, steps, n_samples))
    return jobs


def method_jobs(base: TrainConfig, methods: list[str], seeds: list[int], steps: int, n_samples: int) -> list[Job]:
    """``compare``'s jobs: one per method and seed, methods in the outer loop."""
    return [Job({"method": method, "seed": seed}, config_for(method, replace(base, seed=seed)), steps, n_samples)
            for method in methods for seed in seeds]
