"""Measure the sweep engine: the speed-up of a sweep on a local Ray over one process, and Ray's cost per task.

    .venv/bin/python tools/measure_sweep.py speedup [--runs 40] [--steps 1000] [--workers 2] [--repeat 3]
    .venv/bin/python tools/measure_sweep.py overhead [--tasks 100] [--workers 2]
    .venv/bin/python tools/measure_sweep.py stack [--steps 300] [--members 4 16 64] [--repeat 3] [--threads 1 2]

``speedup``: ``--repeat`` rounds of the same ``--runs`` runs (ring8, the TrainConfig defaults, 2 learning rates x
seeds) three ways: in this process, every run on a local Ray with ``--workers`` CPUs (``ray_only``: how sweeps ran
before), and on a local Ray of ``--workers`` - 1 CPUs beside this process (``ray_and_driver``: what ``ganviz sweep``
does). Ray's start-up and shut-down are counted. Per way: wall-clock seconds and CPU seconds (this process and every
process it started: Ray's servers, agents and workers); per Ray way: the speed-up over one process, the fixed cost
(wall-clock seconds beyond a perfect split of the one-process time over the workers), the CPU seconds it adds over
one process (on a loaded machine the wall-clock figures follow the other jobs; these do not), and whether every run
gave the one-process numbers. Medians over the rounds first, then each round with the load average before and after.
``overhead``: ``--tasks`` runs of one iteration each, one per task, against the same in this process; the
difference per task is Ray's cost (submit, schedule, run, return), after one warm-up round on each side (it starts
the workers; the first run of a process builds caches). ``stack``: iterations per second per run of one run at a
time against stacks of ``--members`` runs trained at once (``--stack``), on 1 and 2 torch threads. Each prints one
JSON object; the machine's load average
goes with it (``os.getloadavg``), since on a shared machine it decides the wall-clock numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ganviz.core.config import TrainConfig  # noqa: E402
from ganviz.core.device import configure_threads  # noqa: E402
from ganviz.sweep.engine import run_jobs  # noqa: E402
from ganviz.sweep.grid import grid_jobs  # noqa: E402

MEASURED = ("modes", "hq", "jsd", "steps")
WAYS = {"one_process": dict(workers=1), "ray_only": dict(in_driver=False), "ray_and_driver": dict(in_driver=True)}


def process_cpu() -> dict[int, tuple[int, float]] | None:
    """Every process's (parent id, CPU seconds so far), read from /proc; None where there is no /proc."""
    tick, found = os.sysconf("SC_CLK_TCK"), {}
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat") as file:
                fields = file.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        found[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)  # ppid, utime + stime
    return found


class ChildrenCpu:
    """CPU seconds of every process below this one (Ray's servers, agents and workers), read from /proc every
    ``every`` seconds by a thread while it runs: each process counts with its last reading, so one that ends between
    two readings loses at most ``every`` seconds of its CPU. ``own_cpu_s``: what the readings cost this process."""

    def __init__(self, every: float = 0.25):
        self.every, self.last, self.own_cpu_s, self.ok = every, {}, 0.0, True
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join()

    def _watch(self):
        me = os.getpid()
        while True:
            found = process_cpu()
            if found is None:
                self.ok = False
                return
            for pid, (_, cpu) in found.items():
                up = pid
                while up in found and up not in (me, 0, 1):
                    up = found[up][0]
                if up == me and pid != me:
                    self.last[pid] = cpu
            self.own_cpu_s = time.thread_time()
            if self.done.wait(self.every):
                return

    @property
    def cpu_s(self) -> float | None:
        return sum(self.last.values()) if self.ok else None


def timed(jobs, workers: int, per_task: int = 1, in_driver: bool = True) -> dict:
    """One way of running ``jobs``: wall-clock seconds (Ray's start-up and shut-down included), CPU seconds of this
    process and of every process it started (``ChildrenCpu``; the readings' own cost left out), the runs' own
    training CPU seconds, where the runs went, and the rows."""
    rows = []
    with ChildrenCpu() as children:
        cpu_start, start = time.process_time(), time.perf_counter()
        ran = run_jobs(jobs, workers=workers, per_task=per_task, in_driver=in_driver, on_row=rows.append,
                       say=lambda text: None)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    cpu -= children.own_cpu_s
    return {"s": wall, "cpu_s": cpu + (children.cpu_s or 0.0), "driver_cpu_s": cpu,
            "ray_processes_cpu_s": children.cpu_s, "training_cpu_s": sum(row["cpu_seconds"] for row in rows),
            "in_driver": ran.in_driver, "on_ray": ran.on_ray, "rows": rows}


def same_numbers(rows: list[dict], reference: list[dict]) -> bool:
    by_key = {row["key"]: row for row in rows}
    return all({m: by_key[r["key"]][m] for m in MEASURED} == {m: r[m] for m in MEASURED} for r in reference)


def speedup(args) -> dict:
    """``--repeat`` rounds of the same runs three ways: in one process, every run on a local Ray (``ray_only``: how
    sweeps ran before this process took a share), and on Ray beside this process (``ray_and_driver``: the default).
    Per way and round: wall-clock and CPU seconds; per Ray way the speed-up over one process, the fixed cost (its
    wall-clock time beyond a perfect split of the one-process time over the workers) and the CPU it adds (its CPU
    seconds, Ray's processes included, minus one process's). Medians over the rounds at the top."""
    seeds = list(range(args.runs // 2))
    jobs = grid_jobs(TrainConfig(dist="ring8", device="cpu"), {"lr_d": [1e-3, 3e-4]}, seeds, args.steps, 2500)
    rounds = []
    for _ in range(args.repeat):
        got = {"load_before": os.getloadavg()}
        for way, kwargs in WAYS.items():
            got[way] = timed(jobs, kwargs.get("workers", args.workers), in_driver=kwargs.get("in_driver", True))
        seq = got["one_process"]
        for way in ("ray_only", "ray_and_driver"):
            ray = got[way]
            ray["speedup"] = seq["s"] / ray["s"]
            ray["fixed_cost_s"] = ray["s"] - seq["s"] / args.workers
            ray["added_cpu_s"] = ray["cpu_s"] - seq["cpu_s"]
            ray["same_numbers"] = same_numbers(ray["rows"], seq["rows"])
        for way in WAYS:
            del got[way]["rows"]
        got["load_after"] = os.getloadavg()
        rounds.append(got)
    median = {f"{way}.{name}": statistics.median(r[way][name] for r in rounds)
              for way, names in (("one_process", ("s", "cpu_s")),
                                 ("ray_only", ("s", "cpu_s", "speedup", "fixed_cost_s", "added_cpu_s")),
                                 ("ray_and_driver", ("s", "cpu_s", "speedup", "fixed_cost_s", "added_cpu_s")))
              for name in names}
    return {"runs": len(jobs), "steps": args.steps, "workers": args.workers, "cpus": os.cpu_count(),
            "same_numbers": all(r[w]["same_numbers"] for r in rounds for w in ("ray_only", "ray_and_driver")),
            "median": median, "rounds": rounds}


def stack(args) -> dict:
    """Iterations per second per run: one run at a time (``Trainer.train``) against stacks of ``--members`` runs
    (``stacked.train_stacked``; 2 learning rates x seeds), on ``--threads`` torch threads, wall-clock and CPU (this
    process's CPU seconds, both threads counted), after a warm-up; each the best of ``--repeat``."""
    import torch  # noqa: PLC0415

    from ganviz.core.trainer import Trainer  # noqa: PLC0415
    from ganviz.sweep.stacked import train_stacked  # noqa: PLC0415

    base = TrainConfig(dist="ring8", device="cpu")
    out = {"steps": args.steps, "config": "ring8, TrainConfig defaults", "load_before": os.getloadavg(),
           "cpus": os.cpu_count(), "threads": {}}
    for threads in args.threads:
        torch.set_num_threads(threads)
        rates = {}

        def best(train, members):
            walls, cpus = [], []
            for _ in range(args.repeat):
                cpu, start = time.process_time(), time.perf_counter()
                train()
                walls.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
            return {"wall_it_s_per_run": members * args.steps / min(walls),
                    "cpu_it_s_per_run": members * args.steps / min(cpus)}

        trainer = Trainer(base)
        trainer.train(20)
        rates["one run"] = best(lambda: trainer.train(args.steps), 1)
        for members in args.members:
            configs = [replace(base, seed=i, lr_d=(1e-3, 3e-4)[i % 2]) for i in range(members)]
            train_stacked(configs, 5)
            rates[f"stack of {members}"] = best(lambda: train_stacked(configs, args.steps), members)
        for name, rate in rates.items():
            rate["cpu_vs_one_run"] = rate["cpu_it_s_per_run"] / rates["one run"]["cpu_it_s_per_run"]
            rate["wall_vs_one_run"] = rate["wall_it_s_per_run"] / rates["one run"]["wall_it_s_per_run"]
        out["threads"][threads] = rates
    out["load_after"] = os.getloadavg()
    return out


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
    a.add_argument("--repeat", type=int, default=3, help="rounds (each: one process, Ray only, Ray and this process)")
    b = sub.add_parser("overhead")
    b.add_argument("--tasks", type=int, default=100)
    b.add_argument("--workers", type=int, default=os.cpu_count())
    c = sub.add_parser("stack")
    c.add_argument("--steps", type=int, default=300)
    c.add_argument("--members", type=int, nargs="+", default=[4, 16, 64])
    c.add_argument("--repeat", type=int, default=3)
    c.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    what = {"speedup": speedup, "overhead": overhead, "stack": stack}[args.what]
    print(json.dumps(what(args), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
