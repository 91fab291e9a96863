"""Recorded races shipped with ganviz: the mode-collapse page replays a whole measured race in seconds.

A 20,000-iteration race of the plain GAN against a remedy takes minutes on a
classroom machine; its recording plays at once. ``python tools/record_races.py``
trains the mode-collapse page's measured presets (``ganviz.lessons.presets``,
``Preset.steps`` iterations, on the CPU, one thread) and reads every run every
``every`` iterations into a few compact arrays per frame (``read_frame``):

* ``fake``: G(z) for the same ``points`` noise vectors every frame (float16),
* ``d``: D(x) on a ``heat_cells`` x ``heat_cells`` grid over the target's window (uint8, D x 255),
* ``manifold``: the z grid's lines pushed through G (float16),
* the metrics row the page charts: step, modes covered, HQ share, samples per mode (``mode_counts``), JSD.

One file per preset, ``ganviz/files/races/<preset>.safetensors`` (safetensors, never a
pickle: reading it runs no code; the config, the runs' names and the metrics rows are in its
JSON metadata). ``RaceRecording.snapshot(run, i)`` rebuilds a ``Snapshot2D`` from frame ``i``
that ``ganviz.views.figure2d`` draws as it draws a live run; ``history(run)`` gives the
metrics rows up to a frame, for the modes charts.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import torch
from safetensors.numpy import load as load_arrays, save as save_arrays

from ..core.config import TrainConfig
from ..core.distributions import get_distribution
from ..frames.snapshot2d import METRICS_SEED, Snapshot2D, metrics_2d

FOLDER = Path(__file__).resolve().parent / "races"
FORMAT = "ganviz-race-recording"
VERSION = 1
MAX_BYTES = 1024 * 1024  # the most a shipped recording may take
METRIC_KEYS = ("step", "modes", "hq", "jsd")


def recording_path(preset: str) -> Path:
    return FOLDER / f"{preset}.safetensors"


def read_frame(trainer, points: int = 300, heat_cells: int = 32, grid_lines: int = 7, line_points: int = 30) -> dict:
    """One frame of ``trainer`` (a 2D run with modes) as compact arrays plus its metrics row; changes nothing."""
    metrics = metrics_2d(trainer)
    rng = torch.Generator(device=trainer.device).manual_seed(METRICS_SEED)
    (x0, x1), (y0, y1) = trainer.target.bounds
    xs, ys = np.linspace(x0, x1, heat_cells), np.linspace(y0, y1, heat_cells)
    grid = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)  # rows = y, columns = x
    lo, hi = trainer.prior.range
    t = np.linspace(lo, hi, line_points)
    lines = []
    for u in np.linspace(lo, hi, grid_lines):
        for axis in (0, 1):
            z = np.zeros((line_points, trainer.config.z_dim))
            z[:, axis], z[:, 1 - axis] = t, u
            lines.append(z)
    with torch.no_grad():
        z = trainer.prior.sample(points, trainer.config.z_dim, rng, trainer.device)
        fake = trainer.G(z).cpu().numpy()
        d = trainer.loss.probability(trainer.D(torch.as_tensor(grid, dtype=torch.float32, device=trainer.device)))
        manifold = trainer.G(torch.as_tensor(np.concatenate(lines), dtype=torch.float32, device=trainer.device))
    row = {key: metrics[key] for key in METRIC_KEYS}
    row["mode_counts"] = [int(c) for c in metrics["mode_counts"]]
    return dict(fake=fake.astype(np.float16),
                d=np.round(d.cpu().numpy().reshape(heat_cells, heat_cells) * 255).astype(np.uint8),
                manifold=manifold.cpu().numpy().reshape(len(lines), line_points, 2).astype(np.float16),
                metrics=row)


@dataclass
class RaceRecording:
    """The frames of every run of one race, recorded every ``every`` iterations from step 0."""

    preset: str
    config: TrainConfig  # the race's base config
    runs: list  # the runs' names, e.g. ["gan", "pacgan"]
    every: int
    arrays: dict  # run -> {"fake": (frames, points, 2), "d": (frames, cells, cells), "manifold": (frames, lines, points, 2)}
    rows: dict  # run -> the metrics rows, one per frame

    def __len__(self) -> int:
        return len(self.rows[self.runs[0]])

    def step(self, i: int) -> int:
        return int(self.rows[self.runs[0]][i]["step"])

    def history(self, run: str, upto: int) -> list[dict]:
        """The metrics rows of ``run`` from frame 0 to frame ``upto``, as ``Trainer.history`` holds them."""
        return [dict(row) for row in self.rows[run][:upto + 1]]

    def snapshot(self, run: str, i: int) -> Snapshot2D:
        """Frame ``i`` of ``run`` as a ``Snapshot2D`` (no D* or gradient arrows: the page's race draws neither)."""
        target = get_distribution(self.config.dist)
        bounds = np.asarray(target.bounds, dtype=np.float64)
        arrays = self.arrays[run]
        cells = arrays["d"].shape[-1]
        real = target.sample(len(arrays["fake"][i]), torch.Generator().manual_seed(METRICS_SEED + 3), "cpu")
        empty = np.zeros((0, 2))
        return Snapshot2D(
            step=self.step(i), bounds=bounds, real=real.double().numpy(), fake=arrays["fake"][i].astype(np.float64),
            heat_xs=np.linspace(*bounds[0], cells), heat_ys=np.linspace(*bounds[1], cells),
            d=arrays["d"][i].astype(np.float64) / 255, star_xs=np.zeros(0), star_ys=np.zeros(0),
            d_star=np.zeros((0, 0)), star_mass=np.zeros((0, 0)),
            manifold=list(arrays["manifold"][i].astype(np.float64)), arrow_from=empty, arrow_to=empty,
            d_is_probability=True, loss=self.config.loss, metrics=dict(self.rows[run][i]))


def record_race(preset, every: int, steps: int | None = None, progress=lambda step: None, **frame_options) -> RaceRecording:
    """Train ``preset``'s race (``ganviz.lessons.presets.Preset``) for ``steps`` (default ``preset.steps``)
    iterations on the CPU, reading every run every ``every`` iterations (``read_frame``)."""
    steps = steps or preset.steps
    race = replace(preset, config=replace(preset.config, device="cpu")).race()
    frames = {name: [] for name in race.trainers}
    while True:
        for name, trainer in race.trainers.items():
            frames[name].append(read_frame(trainer, **frame_options))
        progress(race.step)
        if race.step >= steps or len(race.errors) == len(race.trainers):
            break
        race.train(min(every, steps - race.step))
    arrays = {name: {key: np.stack([f[key] for f in got]) for key in ("fake", "d", "manifold")}
              for name, got in frames.items()}
    rows = {name: [f["metrics"] for f in got] for name, got in frames.items()}
    return RaceRecording(preset.name, replace(preset.config, device="cpu"), list(race.trainers), every, arrays, rows)


def save_recording(recording: RaceRecording) -> bytes:
    tensors = {f"{run}/{key}": np.ascontiguousarray(value)
               for run, arrays in recording.arrays.items() for key, value in arrays.items()}
    meta = dict(format=FORMAT, version=VERSION, preset=recording.preset, config=recording.config.to_dict(),
                runs=recording.runs, every=recording.every, rows=recording.rows)
    return save_arrays(tensors, metadata={"ganviz": json.dumps(meta, separators=(",", ":"))})


def load_recording(data: bytes) -> RaceRecording:
    """A recording from ``save_recording``'s bytes; ``ValueError`` saying why if it is not one."""
    if len(data) > MAX_BYTES:
        raise ValueError(f"a race recording is at most {MAX_BYTES:,} bytes (this one: {len(data):,})")
    n = int.from_bytes(data[:8], "little")
    try:
        meta = json.loads(json.loads(data[8:8 + n])["__metadata__"]["ganviz"])
    except (ValueError, KeyError, TypeError):
        raise ValueError("not a ganviz race recording") from None
    if meta.get("format") != FORMAT or meta.get("version", 0) > VERSION:
        raise ValueError("not a ganviz race recording of a version this ganviz reads")
    tensors = load_arrays(data)
    arrays = {run: {key: tensors[f"{run}/{key}"] for key in ("fake", "d", "manifold")} for run in meta["runs"]}
    return RaceRecording(meta["preset"], TrainConfig(**meta["config"]).validate(), meta["runs"], meta["every"],
                         arrays, meta["rows"])


@functools.lru_cache(maxsize=8)
def shipped_recording(preset: str) -> RaceRecording | None:
    """The shipped recording of ``preset`` (e.g. "ring8-remedy"), or None if there is none (read once, then kept:
    treat it as read-only)."""
    path = recording_path(preset)
    return load_recording(path.read_bytes()) if path.exists() else None


def shipped_recordings() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.safetensors"))
