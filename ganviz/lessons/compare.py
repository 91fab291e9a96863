"""Methods against mode collapse, compared over seeds: what ``python -m ganviz compare`` measures and reports.

The runs go through the sweep engine (``ganviz.sweep``, on every core with Ray). For each method
(``remedies.METHODS``) and each seed, one run (``run_once``) of ``steps``
Algorithm-1 iterations is trained from ``config_for(method, base)`` with that
seed, then measured once at the end by the VEEGAN/PacGAN protocol
(``modes.py``): modes covered and the high-quality (HQ) fraction of 2,500 of
G's samples, drawn with their own fixed seed. GAN training oscillates, so one
seed says little; the summary gives, per method, the mean and the (population)
standard deviation over seeds, the per-seed values, how many seeds covered
every mode, and how many did that with HQ >= ``HQ_GOOD``, and the seconds per
run, wall-clock and CPU (on a shared machine the wall-clock time grows with the
other jobs' load; the CPU time is what one run costs).

A run that diverges is rolled back by its trainer to its last good state,
measured there, and flagged with the trainer's message.
"""

from __future__ import annotations

import time

import numpy as np

from ..measure.density2d import compare_2d
from ..measure.modes import N_SAMPLES, has_modes, mode_metrics
from ..remedies.methods import METHODS
from ..frames.snapshot import take_snapshot
from ..frames.snapshot2d import generated_samples
from ..core.config import TrainConfig
from ..core.trainer import DivergenceError, Trainer

HQ_GOOD = 0.8  # "covers every mode with good samples": all modes covered and HQ >= this


def parse_seeds(text: str) -> list[int]:
    """``"0-9"`` -> [0, ..., 9]; ``"0,3,5"`` -> [0, 3, 5]; ``"4"`` -> [4]. ValueError with the reason otherwise."""
    bad = ValueError(f"--seeds takes a range such as 0-9 or a list such as 0,3,5 of whole numbers >= 0 (got {text!r})")
    try:
        if "-" in text:
            low, high = (int(part) for part in text.split("-"))
            seeds = list(range(low, high + 1))
        else:
            seeds = [int(part) for part in text.split(",")]
    except ValueError:
        raise bad from None
    if not seeds or min(seeds) < 0 or len(set(seeds)) != len(seeds):
        raise bad
    return seeds


def parse_methods(text: str) -> list[str]:
    """``"gan,unrolled"`` -> ["gan", "unrolled"]; ValueError naming the choices for an unknown or repeated name."""
    methods = [name.strip() for name in text.split(",")]
    unknown = [name for name in methods if name not in METHODS]
    if unknown or len(set(methods)) != len(methods) or not methods:
        raise ValueError(f"--methods takes names from {', '.join(METHODS)}, each once, separated by commas (got {text!r})")
    return methods


def run_once(config: TrainConfig, steps: int, n_samples: int = N_SAMPLES) -> dict:
    """Train ``config`` for ``steps`` iterations and measure it once: {modes, hq, jsd, seconds, cpu_seconds, steps,
    diverged (None or why)}. ``modes`` and ``hq`` count modes on ring8 and grid25 (None on other targets); ``jsd`` is
    the final JSD in nats (in 2D between p_data and p_g smoothed alike, from the same ``n_samples`` samples, as
    ``metrics_2d``; in 1D exact, as ``take_snapshot``). ``seconds`` is wall-clock time; ``cpu_seconds`` the CPU time
    this process used, which other jobs sharing the machine do not inflate."""
    trainer = Trainer(config)
    start, cpu_start, diverged = time.perf_counter(), time.process_time(), None
    try:
        trainer.train(steps)
    except DivergenceError as err:
        diverged = str(err)
    return measured(trainer, n_samples, time.perf_counter() - start, time.process_time() - cpu_start, diverged)


def measured(trainer: Trainer, n_samples: int, seconds: float, cpu_seconds: float, diverged: str | None) -> dict:
    """``run_once``'s row of a ``trainer`` that has been trained (in ``seconds``, ``cpu_seconds``; ``diverged``: None
    or the ``DivergenceError``'s message): the measurements of its state now."""
    if trainer.target.dim == 1:
        counted, jsd = {"modes": None, "hq": None}, take_snapshot(trainer).metrics["jsd"]
    else:
        samples = generated_samples(trainer, n_samples)
        counted = mode_metrics(samples, trainer.target) if has_modes(trainer.target) else {"modes": None, "hq": None}
        jsd = compare_2d(samples, trainer.target).jsd
    return {"modes": counted["modes"], "hq": counted["hq"], "jsd": float(jsd), "seconds": seconds,
            "cpu_seconds": cpu_seconds, "steps": trainer.step, "diverged": diverged}


def summarise(rows: list[dict], n_modes: int) -> dict:
    """Per method (in the order of ``rows``): mean and std over seeds of modes and HQ, per-seed values, counts."""
    summary = {}
    for method in dict.fromkeys(row["method"] for row in rows):
        runs = [row for row in rows if row["method"] == method]
        modes = np.array([row["modes"] for row in runs], dtype=np.float64)
        hq = np.array([row["hq"] for row in runs], dtype=np.float64)
        summary[method] = {
            "label": METHODS[method].label,
            "seeds": [row["seed"] for row in runs],
            "modes": [row["modes"] for row in runs],
            "hq": [row["hq"] for row in runs],
            "modes_mean": float(modes.mean()), "modes_std": float(modes.std()),
            "hq_mean": float(hq.mean()), "hq_std": float(hq.std()),
            "all_modes": int((modes == n_modes).sum()),
            "all_modes_good": int(((modes == n_modes) & (hq >= HQ_GOOD)).sum()),
            "seconds_per_run": float(np.mean([row["seconds"] for row in runs])),
            "cpu_seconds_per_run": float(np.mean([row["cpu_seconds"] for row in runs])),
            "diverged": sum(row["diverged"] is not None for row in runs),
        }
    return summary


def _cells(method: str, s: dict, n_modes: int) -> list[str]:
    diverged = f" ({s['diverged']} diverged)" if s["diverged"] else ""
    runs = len(s["modes"])
    return [f"{s['label']} (`{method}`){diverged}", f"{s['modes_mean']:.1f} ± {s['modes_std']:.1f}",
            f"{s['hq_mean']:.2f} ± {s['hq_std']:.2f}", f"{s['all_modes']}/{runs}", f"{s['all_modes_good']}/{runs}",
            f"{s['seconds_per_run']:.0f} ({s['cpu_seconds_per_run']:.0f})", " ".join(str(m) for m in s["modes"]),
            " ".join(f"{h:.2f}" for h in s["hq"])]


def _header(n_modes: int) -> list[str]:
    return ["method", f"modes of {n_modes}", "HQ", f"seeds {n_modes}/{n_modes}",
            f"{n_modes}/{n_modes} & HQ≥{HQ_GOOD}", "s/run (CPU s)", "modes per seed", "HQ per seed"]


def markdown_table(summary: dict, n_modes: int) -> str:
    """The summary as a Markdown table (mean ± std over seeds)."""
    lines = ["| " + " | ".join(_header(n_modes)) + " |", "|" + " --- |" * len(_header(n_modes))]
    lines += ["| " + " | ".join(_cells(method, s, n_modes)) + " |" for method, s in summary.items()]
    return "\n".join(lines)


def plain_table(summary: dict, n_modes: int) -> str:
    """The summary as a plain-text table, columns padded to line up (the per-seed columns last)."""
    rows = [_header(n_modes)] + [[c.replace("`", "") for c in _cells(m, s, n_modes)] for m, s in summary.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)
