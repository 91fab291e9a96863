"""Time the mode-collapse page's live race at the page's pace, without a browser: ``python tools/measure_race.py``.

Each frame does what the page's fragment does (``pages/mode_collapse.py``): ``--speed`` Algorithm-1 iterations per
run in lockstep, then for each run a ``take_snapshot_2d`` and its figure, the modes-over-time chart and the two
mode strips, encoded as the live chart sends them. Prints, as the race goes, the step, the seconds since Play, each
run's modes and HQ share, and at the end the seconds until PacGAN first covers all 8 modes while the plain GAN
covers at most 1 (the story the class should see), the iterations per second per run and the load average
(this machine is shared; the load changes every number). The browser's own drawing is not included.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganviz.core.device import configure_threads  # noqa: E402
from ganviz.frames.snapshot2d import take_snapshot_2d  # noqa: E402
from ganviz.lessons.presets import PRESETS  # noqa: E402
from ganviz.views.figure2d import figure2d  # noqa: E402
from ganviz.views.modes import mode_timeline_figure, modes_over_time_figure  # noqa: E402
from ganviz.views.wire import figure_json  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="ring8-race")
    parser.add_argument("--speed", type=int, default=100, help="iterations per run per frame (the page's slider)")
    parser.add_argument("--seconds", type=float, default=120, help="stop after this long (default: %(default)s)")
    args = parser.parse_args()
    configure_threads()
    preset = PRESETS[args.preset]
    race = preset.race()
    n_modes = 8 if preset.config.dist == "ring8" else 25
    load_before = os.getloadavg()
    start, told, frames = time.perf_counter(), None, 0
    while race.step < preset.steps and time.perf_counter() - start < args.seconds:
        race.train(args.speed)
        snaps = {name: take_snapshot_2d(trainer, n_show=1000, grid_lines=9) for name, trainer in race.trainers.items()}
        for name, snap in snaps.items():
            race.trainers[name].record(snap.metrics)
            figure_json(figure2d(snap, show_manifold=True, height=390, short_legend=True))
        histories = {name: trainer.history for name, trainer in race.trainers.items()}
        figure_json(modes_over_time_figure(histories, n_modes))
        for rows in histories.values():
            figure_json(mode_timeline_figure(rows, n_modes))
        frames += 1
        seconds = time.perf_counter() - start
        m = {name: snap.metrics for name, snap in snaps.items()}
        plain, remedy = m["gan"], m[preset.method]
        if told is None and remedy["modes"] == n_modes and plain["modes"] <= 1:
            told = (seconds, race.step)
        if frames % 5 == 0:
            print(f"step {race.step:>6,}  {seconds:6.1f} s  plain {plain['modes']}/{n_modes} HQ {plain['hq']:.2f}  "
                  f"{preset.method} {remedy['modes']}/{n_modes} HQ {remedy['hq']:.2f}", flush=True)
    seconds = time.perf_counter() - start
    print(f"{race.step:,} iterations per run in {seconds:.1f} s ({race.step / seconds:.0f}/s per run, "
          f"{frames / seconds:.1f} frames/s); story shown (all modes vs at most 1): "
          + (f"after {told[0]:.1f} s at step {told[1]:,}" if told else "not within the run")
          + f"; load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
