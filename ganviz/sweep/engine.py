"""Run a list of jobs on every core (Ray) or in this process, streaming each finished run to a JSON Lines file.

Ray (``pip install 'ganviz[sweep]'``) runs the jobs as tasks of one CPU each: on a local Ray started for the sweep
with ``workers`` CPUs (default: every core), or on an existing cluster (``address``; its nodes need ganviz's
requirements, ganviz itself is shipped with the job). Without Ray, or with one worker, the jobs run one after
another here. Either way a run is ``lessons.compare.run_once`` on one torch thread, so a seed gives the same numbers
wherever it runs. ``per_task`` puts several runs in one task (Ray's own cost per task is about a millisecond, so
one run per task is the default; docs/performance.md).

The results file: a header line ``{"sweep": {...}}`` (what every run shares: kind, base config, steps, samples; and
the command that started it), then one row per finished run, appended and flushed as it arrives. Opening it again
skips the runs whose ``key`` it holds (resume; a grid grown since runs only its new cells), and refuses a file whose
header differs in ``SAME`` (another experiment). Later lines such as ``compare``'s summary
are the caller's; ``open_results`` drops them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..core.device import configure_threads
from ..lessons.compare import run_once
from .grid import Job

INSTALL = "pip install 'ganviz[sweep]' (or pip install -r requirements-sweep.txt)"
OBJECT_STORE_BYTES = 128 * 2**20  # a local Ray's shared memory: the rows are a few hundred bytes each


SAME = ("kind", "base", "steps", "n_samples")  # header fields a resumed file must share; the command may differ


class SweepError(Exception):
    """A sweep that cannot start or go on, said in one line (a results file of another experiment, no cluster)."""


def run_job(job: Job) -> dict:
    """The row of one finished run: its key, its labels, then ``run_once``'s measurements."""
    return {"key": job.key, **job.labels, **run_once(job.config, job.steps, job.n_samples)}


def run_batch(jobs: list[Job]) -> list[dict]:
    """One Ray task: its runs one after another, on one torch thread as in a sequential sweep."""
    configure_threads()
    return [run_job(job) for job in jobs]


def open_results(path: str | os.PathLike, header: dict) -> list[dict]:
    """The finished rows of the results file at ``path``, after checking its header against ``header`` (a new or
    empty file gets it). Lines after the rows that are not rows (a summary) are dropped from the file."""
    path = Path(path)
    lines = []
    if path.exists():
        try:
            lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        except (OSError, ValueError) as err:
            raise SweepError(f"{path}: not a results file of ganviz sweep or compare ({err})") from None
    if not lines:
        path.write_text(json.dumps({"sweep": header}) + "\n")
        return []
    old = lines[0].get("sweep") if isinstance(lines[0], dict) else None
    if not isinstance(old, dict):
        raise SweepError(f"{path} does not start with a sweep header: it is not a results file of ganviz sweep or "
                         "compare; give another --out")
    for name in SAME:
        if old.get(name) != header.get(name):
            raise SweepError(f"{path} holds another experiment ({name} differs: {_short(old.get(name))} there, "
                             f"{_short(header.get(name))} now); give another --out to start a new one")
    rows = [line for line in lines[1:] if "key" in line]
    if len(rows) != len(lines) - 1:  # drop a summary line: it is written again once every run is there
        path.write_text("".join(json.dumps(line) + "\n" for line in [lines[0], *rows]))
    return rows


def _short(value) -> str:
    if isinstance(value, dict):
        return "{...}"
    return json.dumps(value)


def run_jobs(jobs: list[Job], *, workers: int | None = None, address: str | None = None, per_task: int = 1,
             on_row=None, say=None) -> str:
    """Run ``jobs``, calling ``on_row(row)`` for each as it finishes (in the order they finish). Returns how they
    ran: "ray" or "process". ``say(text)`` gets the one-line notices (no Ray: one process)."""
    say = say or (lambda text: print(text, file=sys.stderr, flush=True))
    on_row = on_row or (lambda row: None)
    workers = workers or os.cpu_count() or 1
    if not jobs:
        return "process"
    ray = None if (workers == 1 and address is None) else _import_ray()
    if ray is None:
        if address is not None:
            raise SweepError(f"--address needs Ray, which is not installed here: {INSTALL}")
        if workers > 1:
            say(f"Ray is not installed, so the {len(jobs)} runs go one after another in this process. "
                f"To use every core (or a cluster, --address): {INSTALL}")
        configure_threads()
        for job in jobs:
            on_row(run_job(job))
        return "process"
    batches = [jobs[i:i + per_task] for i in range(0, len(jobs), max(1, per_task))]
    _run_on_ray(ray, batches, workers, address, on_row)
    return "ray"


def _import_ray():
    try:
        import ray  # noqa: PLC0415  (optional: ganviz[sweep])
    except ImportError:
        return None
    return ray


def _run_on_ray(ray, batches: list[list[Job]], workers: int, address: str | None, on_row) -> None:
    """Submit every batch as a task of one CPU and hand on the rows as tasks finish. A Ray that is already running
    in this process (a library caller's, a test's) is used as it is and left running."""
    started = not ray.is_initialized()
    if started:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # a sweep sends nothing anywhere unless asked to
        # Ray starts its workers 15 steps nicer than the driver; a sweep's workers are the sweep itself, so they keep
        # the command's own priority (`nice ganviz sweep ...` still lowers it).
        os.environ.setdefault("RAY_worker_niceness", "0")
        quiet = dict(logging_level="ERROR", log_to_driver=False)
        try:
            if address is not None:
                package = str(Path(__file__).resolve().parents[1])
                ray.init(address=address, runtime_env={"py_modules": [package]}, **quiet)
            else:
                ray.init(num_cpus=workers, include_dashboard=False, object_store_memory=OBJECT_STORE_BYTES, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as err:
            where = f"the Ray cluster at {address}" if address else "a local Ray"
            raise SweepError(f"cannot start or reach {where}: {str(err).splitlines()[0] if str(err) else err!r}") \
                from None
    task = ray.remote(num_cpus=1, max_retries=0)(run_batch)
    try:
        pending = [task.remote(batch) for batch in batches]
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            try:
                rows = ray.get(done[0])
            except ray.exceptions.RayError as err:
                first = str(err).strip().splitlines()
                raise SweepError(f"a run failed on a Ray worker: {first[-1] if first else err!r}") from None
            for row in rows:
                on_row(row)
    finally:
        if started:
            ray.shutdown()
