"""Train and write the checkpoints shipped in ganviz/files/trained/ (see ganviz/files/checkpoints.py), and their index.

Usage (from the repo root):  .venv/bin/python tools/make_checkpoints.py

Deterministic: fixed seeds and iteration counts, on the CPU, one torch thread, so a rerun on the
same machine writes the same files (another CPU or torch version may round differently and land
elsewhere: the script prints what each run reached, and tests/files/test_checkpoints.py checks the files).
Each recipe is a config and its phases: iterations of Algorithm 1, each phase after setting some
live fields (a converged run ends with a phase at learning rate 1e-4, so that it settles, and stays
settled when a class plays it on). The configs are ones the sidebar can show (no remedy, no decay).
Takes about two minutes on one idle core (seven on a busy one), measuring the history rows included.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ganviz.files.checkpoints import (FOLDER, FORMAT, HISTORY_ROWS, INDEX, MAX_BYTES, VERSION,  # noqa: E402
                                      checkpoint_bytes, reached)
from ganviz.lessons.presets import FIGURE1, PRESETS, RING8  # noqa: E402
from ganviz.files.runfile import load_run  # noqa: E402
from ganviz.frames.snapshot import take_snapshot  # noqa: E402
from ganviz.frames.snapshot2d import metrics_2d  # noqa: E402
from ganviz.core.config import TrainConfig  # noqa: E402
from ganviz.core.trainer import Trainer  # noqa: E402

SETTLE = {"lr_d": 1e-4, "lr_g": 1e-4}  # the last phase of a converged 2D run


def collapse(name: str) -> TrainConfig:
    """The mode-collapse page's preset ``name`` as the sidebar can show it: no decay, and width 64, not 128
    (a 128-wide G and D take 137 kB of weights; at 64 they take 36 kB, and G collapses all the same)."""
    return replace(PRESETS[name].config, device="auto", decay_start=0, decay_end=0,
                   decay_floor=TrainConfig.decay_floor, width=64)


# (target, kind, config, phases); measured with this script (its output is in the commit that changed a recipe).
RECIPES = [
    # The paper's Figure 1 setting: JSD below 0.1 by 1,500 iterations (the preset figure1_paper).
    ("gaussian", "converged", FIGURE1, [(1_500, {})]),
    # The paper's setting on two modes jitters around JSD 0.05-0.1 at lr 0.05; at 0.02 it covers both, JSD ~0.05.
    ("bimodal", "converged", replace(FIGURE1, dist="bimodal", lr_d=0.02, lr_g=0.02), [(3_000, {})]),
    # D 25x slower than G: G puts all its mass on one mode and hops to the other when D catches up (sampled every
    # 10 iterations from 2,000 to 4,000: at least 90% on one mode in 199 of 200 samples).
    ("bimodal", "collapsed", replace(FIGURE1, dist="bimodal", lr_d=0.002), [(2_000, {})]),
    # The 2D page's default (the preset ring8_learns), settled.
    ("ring8", "converged", RING8, [(5_000, {}), (1_000, SETTLE)]),
    # The mode-collapse preset: G's samples are one small clump that hops around the plane (0 modes most of the
    # time; where it stops depends on the CPU: the script prints the modes it covers).
    ("ring8", "collapsed", collapse("ring8-collapse"), [(3_600, {})]),
    # A plain GAN drops modes of the grid as it sharpens them (nonsaturating loss: 14-23 of 25, HQ below 0.35 at
    # 10,000); the hinge loss kept 20-23 while HQ rose.
    ("grid25", "converged", replace(RING8, dist="grid25", loss="hinge"), [(14_000, {}), (2_000, SETTLE)]),
    # As ring8's: one clump hopping around the plane (0 or 1 of the 25 modes covered at 3,900 iterations).
    ("grid25", "collapsed", collapse("grid25-collapse"), [(3_900, {})]),
    # One Gaussian from a uniform z keeps jittering (JSD 0.05-0.2); from a normal z G is almost linear.
    ("gaussian2d", "converged", replace(RING8, dist="gaussian2d", prior="normal"), [(4_000, {}), (2_000, SETTLE)]),
    ("spiral", "converged", replace(RING8, dist="spiral"), [(5_000, {}), (1_000, SETTLE)]),
    ("moons", "converged", replace(RING8, dist="moons"), [(5_000, {}), (1_000, SETTLE)]),
]


def train(config: TrainConfig, phases: list) -> Trainer:
    """A fresh CPU run of ``config`` through ``phases``, with its metrics history: a row at step 0, then one every
    1/``HISTORY_ROWS - 1`` of the run (and at the end of each phase), as the pages record theirs.

    Measuring draws nothing from the trainer's random numbers, so the run is the same as one trained in one go;
    each row's losses average the steps since the row before.
    """
    trainer = Trainer(replace(config, device="cpu"))
    measure = take_snapshot if trainer.target.dim == 1 else None
    record = lambda: trainer.record(measure(trainer).metrics if measure else metrics_2d(trainer))  # noqa: E731
    record()
    every = max(1, sum(n for n, _ in phases) // (HISTORY_ROWS - 1))
    for iterations, changes in phases:
        trainer.apply(replace(trainer.config, **changes))
        while iterations > 0:
            chunk = min(every, iterations)
            trainer.train(chunk)
            iterations -= chunk
            record()
    return trainer


def describe(got: dict) -> str:
    parts = [f"JSD {got['jsd']:.4f}"]
    if "modes" in got:
        parts.append(f"modes {got['modes']}, HQ {got['hq']:.2f}")
    if "mode_mass" in got:
        parts.append("mass per mode " + " / ".join(f"{m:.3f}" for m in got["mode_mass"]))
    return ", ".join(parts)


def main() -> None:
    torch.set_num_threads(1)
    FOLDER.mkdir(exist_ok=True)
    entries, start = [], time.perf_counter()
    for target, kind, config, phases in RECIPES:
        began = time.perf_counter()
        trainer = train(config, phases)
        data = checkpoint_bytes(trainer)
        if len(data) > MAX_BYTES:
            raise SystemExit(f"{target}-{kind} takes {len(data):,} bytes, over the {MAX_BYTES:,} a checkpoint may")
        name = f"{target}-{kind}.safetensors"
        (FOLDER / name).write_bytes(data)
        loaded = load_run(data)
        got = reached(loaded)  # measured on the run as it loads back
        entries.append({"target": target, "kind": kind, "file": name, "bytes": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "config": replace(loaded.config, device="auto").to_dict(),
                        "recipe": [dict({"iterations": n}, **changes) for n, changes in phases],
                        "step": loaded.step, "reached": got})
        print(f"{target:>10} {kind:<9} step {loaded.step:>6,}  {describe(got)}  {len(loaded.history)} rows  "
              f"{len(data) / 1024:.1f} kB  {time.perf_counter() - began:.1f} s", flush=True)
    for stale in set(FOLDER.glob("*.safetensors")) - {FOLDER / e["file"] for e in entries}:
        stale.unlink()
    index = {"format": FORMAT, "version": VERSION, "made_by": "python tools/make_checkpoints.py",
             "checkpoints": entries}
    INDEX.write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    total = sum(e["bytes"] for e in entries)
    print(f"{len(entries)} checkpoints, {total / 1024:.1f} kB in all, written to {FOLDER} "
          f"in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
