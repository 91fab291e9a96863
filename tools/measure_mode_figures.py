"""Time the mode-collapse page's two figures and weigh their JSON, on the histories of a real race.

Trains the page's race (the plain GAN against the remedy, ring8 and grid25
presets, seed as the presets set it) for ``--frames`` frames of ``--every``
iterations, taking a 2D snapshot after each (as the page does: each snapshot
adds the history row the figures read). Then builds ``modes_over_time_figure``
and ``mode_timeline_figure`` as the page does on every redraw, and reports per
figure the median build time, the time to JSON (``views.wire.figure_json``, as
the live chart sends it) and the JSON's size. The histories are also repeated
(steps renumbered) up to the figures' own point caps, 400 and 300 rows: what a
page that has run for a while redraws.

Usage (from the repo root)::

    .venv/bin/python tools/measure_mode_figures.py [--frames 20] [--every 5] [--repeats 30]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ganviz.frames.snapshot2d import take_snapshot_2d  # noqa: E402
from ganviz.lessons.race import Race  # noqa: E402
from ganviz.remedies.methods import PRESETS, config_for  # noqa: E402
from ganviz.views.modes import mode_timeline_figure, modes_over_time_figure  # noqa: E402
from ganviz.views.wire import figure_json  # noqa: E402


def histories(dist: str, frames: int, every: int) -> dict[str, list[dict]]:
    base = PRESETS[f"{dist}-collapse"]
    remedy = PRESETS[f"{dist}-remedy"][0]
    race = Race({"gan": config_for("gan", base), remedy: config_for(remedy, base)})
    for trainer in race.trainers.values():
        take_snapshot_2d(trainer)
    for _ in range(frames):
        race.train(every)
        for trainer in race.trainers.values():
            take_snapshot_2d(trainer, n_show=1000, grid_lines=9)
    return {name: trainer.history for name, trainer in race.trainers.items()}


def stretched(rows: list[dict], n: int) -> list[dict]:
    """``rows`` repeated to ``n`` rows, the steps renumbered so that they keep increasing."""
    last = rows[-1]["step"] + 1
    return [{**rows[i % len(rows)], "step": rows[i % len(rows)]["step"] + (i // len(rows)) * last} for i in range(n)]


def timed(build, repeats: int) -> dict:
    builds, encodes = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        fig = build()
        middle = time.perf_counter()
        text = figure_json(fig)
        builds.append(middle - start)
        encodes.append(time.perf_counter() - middle)
    return {"build_ms": round(1000 * statistics.median(builds), 3), "json_ms": round(1000 * statistics.median(encodes), 3),
            "json_bytes": len(text)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--frames", type=int, default=20)
    ap.add_argument("--every", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=30)
    args = ap.parse_args()
    out = {}
    for dist, n_modes in (("ring8", 8), ("grid25", 25)):
        runs = histories(dist, args.frames, args.every)
        for label, hist in (("real", runs), ("at cap", {k: stretched(v, 400) for k, v in runs.items()})):
            rows = len(next(iter(hist.values())))
            out[f"{dist} {label} ({rows} rows)"] = {
                "modes_over_time": timed(lambda: modes_over_time_figure(hist, n_modes), args.repeats),
                "mode_timeline": timed(lambda: mode_timeline_figure(next(iter(hist.values())), n_modes, title="GAN"),
                                       args.repeats),
            }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
