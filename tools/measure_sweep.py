"""Measure the sweep engine: the speed-up of a sweep on a local Ray over one process, and Ray's cost per task.

    .venv/bin/python tools/measure_sweep.py speedup [--runs 40] [--steps 1000] [--workers 2]
    .venv/bin/python tools/measure_sweep.py overhead [--tasks 100] [--workers 2]

``speedup``: the same ``--runs`` runs (ring8, the TrainConfig defaults, 2 learning rates x seeds) once in this
process and once on a local Ray with ``--workers`` CPUs (Ray's start-up counted), wall-clock time and the runs'
training CPU time of each,
and checks that both gave the same numbers. ``overhead``: ``--tasks`` runs of one iteration each, one per task,
against the same in this process; the difference per task is Ray's cost (submit, schedule, run, return), after
one warm-up round on each side (it starts the workers; the first run of a process builds caches). Prints one JSON object; the machine's load average goes with it
(``os.getloadavg``), since on a shared machine it decides the wall-clock numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ganviz.core.config import TrainConfig  # noqa: E402
from ganviz.core.device import configure_threads  # noqa: E402
from ganviz.sweep.engine import run_jobs  # noqa: E402
from ganviz.sweep.grid import grid_jobs  # noqa: E402

MEASURED = ("modes", "hq", "jsd", "steps")


def timed(jobs, workers: int, per_task: int = 1) -> tuple[float, float, list[dict]]:
    """Wall-clock seconds (Ray's start-up and shut-down included), the runs' own CPU seconds (training, as each run
    measured it in its process) and the rows."""
    rows = []
    start = time.perf_counter()
    run_jobs(jobs, workers=workers, per_task=per_task, on_row=rows.append, say=lambda text: None)
    wall = time.perf_counter() - start
    return wall, sum(row["cpu_seconds"] for row in rows), rows


def speedup(args) -> dict:
    seeds = list(range(args.runs // 2))
    jobs = grid_jobs(TrainConfig(dist="ring8", device="cpu"), {"lr_d": [1e-3, 3e-4]}, seeds, args.steps, 2500)
    load_before = os.getloadavg()
    seq_wall, seq_cpu, seq_rows = timed(jobs, 1)
    ray_wall, ray_cpu, ray_rows = timed(jobs, args.workers)
    by_key = {row["key"]: row for row in ray_rows}
    same = all({m: by_key[r["key"]][m] for m in MEASURED} == {m: r[m] for m in MEASURED} for r in seq_rows)
    return {"runs": len(jobs), "steps": args.steps, "workers": args.workers, "one_process_s": seq_wall,
            "one_process_training_cpu_s": seq_cpu, "ray_s": ray_wall, "ray_training_cpu_s": ray_cpu,
            "speedup": seq_wall / ray_wall, "same_numbers": same,
            "load_before": load_before, "load_after": os.getloadavg(), "cpus": os.cpu_count()}


def overhead(args) -> dict:
    import ray

    jobs = grid_jobs(TrainConfig(dist="ring8", device="cpu", width=8), {"lr_d": [1e-3]}, list(range(args.tasks)),
                     1, 10)
    load_before = os.getloadavg()
    start = time.perf_counter()
    ray.init(num_cpus=args.workers, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    init_s = time.perf_counter() - start
    try:
        start = time.perf_counter()
        run_jobs(jobs[:args.workers], workers=args.workers, per_task=1)  # warm-up: starts the workers, imports torch
        warm_up_s = time.perf_counter() - start
        start = time.perf_counter()
        run_jobs(jobs, workers=args.workers, per_task=1)
        ray_s = time.perf_counter() - start
    finally:
        ray.shutdown()
    configure_threads()
    run_jobs(jobs[:args.workers], workers=1)  # the same warm-up here: the first run builds caches (the target's grid)
    start = time.perf_counter()
    run_jobs(jobs, workers=1)
    seq_s = time.perf_counter() - start
    per_task = (ray_s * args.workers - seq_s) / len(jobs)  # worker-seconds per task beyond the run itself
    return {"tasks": len(jobs), "workers": args.workers, "ray_init_s": init_s, "warm_up_s": warm_up_s,
            "ray_s": ray_s, "one_process_s": seq_s, "overhead_per_task_s": per_task,
            "load_before": load_before, "load_after": os.getloadavg(), "cpus": os.cpu_count()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    a = sub.add_parser("speedup")
    a.add_argument("--runs", type=int, default=40)
    a.add_argument("--steps", type=int, default=1000)
    a.add_argument("--workers", type=int, default=os.cpu_count())
    b = sub.add_parser("overhead")
    b.add_argument("--tasks", type=int, default=100)
    b.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args()
    print(json.dumps(speedup(args) if args.what == "speedup" else overhead(args), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
