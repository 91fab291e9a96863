"""A sweep's rows summed up per grid cell (``ganviz sweep``'s table), and the stability maps shipped with ganviz.

A stability map is a sweep over two fields (the shipped one: ``lr_d`` x ``lr_g`` of the plain GAN on ring8) read
into grids of the per-cell means over seeds: modes covered, HQ fraction, final JSD, and the share of seeds that
diverged. ``ganviz/files/sweeps/`` holds the shipped results files; the Mode collapse page draws them.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SHIPPED = Path(__file__).resolve().parents[1] / "files" / "sweeps"
MEASURES = ("modes", "hq", "jsd", "diverged")


def read_results(path: str | os.PathLike) -> tuple[dict, list[dict]]:
    """The header and the run rows of a results file of ``ganviz sweep`` (lines without a ``key`` are left out)."""
    lines = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    if not lines or not isinstance(lines[0].get("sweep"), dict):
        raise ValueError(f"{path}: not a results file of ganviz sweep (no header line)")
    return lines[0]["sweep"], [line for line in lines[1:] if "key" in line]


def summarise_cells(rows: list[dict], fields: list[str]) -> list[dict]:
    """Per cell (the rows' values of ``fields``, in the order first seen): runs, seeds, and the mean over seeds of
    modes, HQ and final JSD (None where not measured), and how many runs diverged."""
    cells: dict[tuple, list[dict]] = {}
    for row in rows:
        cells.setdefault(tuple(row[f] for f in fields), []).append(row)
    out = []
    for values, runs in cells.items():
        cell = dict(zip(fields, values))
        cell["runs"], cell["seeds"] = len(runs), [row["seed"] for row in runs]
        for name in ("modes", "hq", "jsd"):
            numbers = [row.get(name) for row in runs]
            cell[f"{name}_mean"] = None if any(n is None for n in numbers) else float(np.mean(numbers))
        cell["diverged"] = sum(row.get("diverged") is not None for row in runs)
        out.append(cell)
    return out


@dataclass(frozen=True)
class StabilityMap:
    """A sweep over ``x`` and ``y`` as grids: ``values[measure][i][j]`` is the mean over seeds at ``ys[i]``,
    ``xs[j]`` (None where the sweep has no run); ``diverged`` is the share of seeds that diverged, in [0, 1]."""

    x: str
    y: str
    xs: list
    ys: list
    values: dict
    seeds: list
    steps: int
    runs: int
    base: dict
    command: str
    machine: str

    def setting(self, i: int, j: int) -> dict:
        """The config fields of cell (``ys[i]``, ``xs[j]``)."""
        return {self.y: self.ys[i], self.x: self.xs[j]}


def stability_map(path: str | os.PathLike, x: str = "lr_d", y: str = "lr_g") -> StabilityMap:
    """The results file at ``path`` as a map over ``x`` and ``y`` (sorted values; other fields must not vary)."""
    header, rows = read_results(path)
    xs, ys = sorted({row[x] for row in rows}), sorted({row[y] for row in rows})
    grids = {name: [[None] * len(xs) for _ in ys] for name in MEASURES}
    for cell in summarise_cells(rows, [x, y]):
        i, j = ys.index(cell[y]), xs.index(cell[x])
        for name in ("modes", "hq", "jsd"):
            grids[name][i][j] = cell[f"{name}_mean"]
        grids["diverged"][i][j] = cell["diverged"] / cell["runs"]
    return StabilityMap(x, y, xs, ys, grids, sorted({row["seed"] for row in rows}), header["steps"], len(rows),
                        header["base"], header.get("command", ""), header.get("machine", ""))


def shipped_map(name: str = "ring8_lr") -> StabilityMap:
    """The stability map shipped as ``ganviz/files/sweeps/<name>.jsonl``."""
    return stability_map(SHIPPED / f"{name}.jsonl")
