"""Run a list of jobs on every core (Ray) or in this process, streaming each finished run to a JSON Lines file.

Ray (``pip install 'ganviz[sweep]'``) runs the jobs as tasks of one CPU each: on a local Ray started for the sweep
with ``workers`` CPUs (default: every core), or on an existing cluster (``address``; its nodes need ganviz's
requirements, ganviz itself is shipped with the job). On a local Ray this process is one of the ``workers``: it runs
jobs from the same queue while Ray starts beside it. Without Ray, or with one worker, the jobs run one after
another here. Either way a run is ``lessons.compare.run_once`` on one torch thread, so a seed gives the same numbers
wherever it runs. ``stack`` trains runs of one shape together (``stacked.py``). ``per_task`` puts several runs in
one task (Ray's own cost per task is about a millisecond, so one run per task is the default; docs/performance.md).

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
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from ..core.device import configure_threads
from ..lessons.compare import run_once
from .grid import Job
from .stacked import run_stacked, shape, stackable

INSTALL = "pip install 'ganviz[sweep]' (or pip install -r requirements-sweep.txt)"
OBJECT_STORE_BYTES = 128 * 2**20  # a local Ray's shared memory: the rows are a few hundred bytes each


SAME = ("kind", "base", "steps", "n_samples", "stack")  # header fields a resumed file must share (``stack``: only
# written when > 1); the command may differ


class SweepError(Exception):
    """A sweep that cannot start or go on, said in one line (a results file of another experiment, no cluster)."""


def run_job(job: Job) -> dict:
    """The row of one finished run: its key, its labels, then ``run_once``'s measurements."""
    return {"key": job.key, **job.labels, **run_once(job.config, job.steps, job.n_samples)}


def run_unit(unit: list[Job]) -> list[dict]:
    """The rows of one unit of work: one run, or several of one shape trained as one stack (``stacked.py``)."""
    if len(unit) == 1:
        return [run_job(unit[0])]
    rows = run_stacked([job.config for job in unit], unit[0].steps, unit[0].n_samples)
    return [{"key": job.key, **job.labels, **row} for job, row in zip(unit, rows)]


def run_batch(units: list[list[Job]]) -> list[dict]:
    """One Ray task: its units one after another, on one torch thread as in a sequential sweep."""
    configure_threads()
    return [row for unit in units for row in run_unit(unit)]


def units_of(jobs: list[Job], stack: int = 1) -> list[list[Job]]:
    """``jobs`` as units of work: with ``stack`` > 1, the stackable jobs of one shape (``stacked.shape``) in groups
    of up to ``stack``, in the order their first job comes; every other job alone."""
    if stack <= 1:
        return [[job] for job in jobs]
    groups: dict = {}
    units = []
    for job in jobs:
        if not stackable(job.config):
            units.append([job])
            continue
        key = shape(job.config, job.steps, job.n_samples)
        if key not in groups or len(groups[key]) == stack:
            groups[key] = []
            units.append(groups[key])
        groups[key].append(job)
    return units


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


@dataclass(frozen=True)
class Ran:
    """How a list of jobs ran: ``engine`` "ray" or "process", and how many runs went where (``in_driver``: in this
    process, the command's own; ``on_ray``: as Ray tasks)."""

    engine: str
    in_driver: int
    on_ray: int


def run_jobs(jobs: list[Job], *, workers: int | None = None, address: str | None = None, per_task: int = 1,
             stack: int = 1, on_row=None, say=None, in_driver: bool = True) -> Ran:
    """Run ``jobs``, calling ``on_row(row)`` for each as it finishes (in the order they finish; never two calls at
    once). ``say(text)`` gets the one-line notices (no Ray: one process).

    With a local Ray started here and ``in_driver`` (the default), this process is one of the ``workers``: it runs
    jobs from the same queue as Ray's ``workers - 1`` CPUs, from the first second, while Ray starts in a thread
    beside it (Ray's start, its workers' imports and its shut-down cost several seconds that would otherwise leave
    the cores idle; docs/performance.md). ``in_driver=False`` leaves every run to Ray. ``stack`` > 1 trains up to
    that many runs of one shape at once (``stacked.py``); ``per_task`` counts units (a run or a stack) per Ray task.
    """
    say = say or (lambda text: print(text, file=sys.stderr, flush=True))
    on_row = on_row or (lambda row: None)
    workers = workers or os.cpu_count() or 1
    if not jobs:
        return Ran("process", 0, 0)
    ray = None if (workers == 1 and address is None) else _import_ray()
    if ray is None:
        if address is not None:
            raise SweepError(f"--address needs Ray, which is not installed here: {INSTALL}")
        if workers > 1:
            say(f"Ray is not installed, so the {len(jobs)} runs go one after another in this process. "
                f"To use every core (or a cluster, --address): {INSTALL}")
        configure_threads()
        for unit in units_of(jobs, stack):
            for row in run_unit(unit):
                on_row(row)
        return Ran("process", len(jobs), 0)
    lanes = _Lanes(units_of(jobs, stack), max(1, per_task), on_row)
    local = address is None and not ray.is_initialized()
    if local and in_driver:
        _run_beside_ray(ray, lanes, workers - 1)
    else:  # every run on Ray: a local one of ``workers`` CPUs, a cluster, or the Ray already running here
        _ray_lane(ray, lanes, workers if local else None, address)
        lanes.raise_error()
    return Ran("ray", lanes.in_driver, lanes.on_ray)


class _Lanes:
    """The units of work not started yet, taken from the front by this process and by Ray's tasks, and the rows
    handed to ``on_row`` one at a time. The first error of either side stops both (``stop``); ``raise_error`` raises
    it."""

    def __init__(self, units: list[list[Job]], per_task: int, on_row):
        self.queue, self.per_task, self.on_row = deque(units), per_task, on_row
        self.take_lock, self.row_lock = threading.Lock(), threading.Lock()
        self.stop = threading.Event()
        self.error: BaseException | None = None
        self.in_driver = self.on_ray = 0

    def take(self, n: int) -> list[list[Job]]:
        with self.take_lock:
            return [self.queue.popleft() for _ in range(min(n, len(self.queue)))] if not self.stop.is_set() else []

    def deliver(self, rows: list[dict], on_ray: bool) -> None:
        with self.row_lock:
            for row in rows:
                self.on_row(row)
                if on_ray:
                    self.on_ray += 1
                else:
                    self.in_driver += 1

    def fail(self, err: BaseException) -> None:
        if self.error is None:
            self.error = err
        self.stop.set()

    def raise_error(self) -> None:
        if self.error is not None:
            raise self.error


def _run_beside_ray(ray, lanes: _Lanes, ray_cpus: int) -> None:
    """Start a local Ray of ``ray_cpus`` CPUs in a thread that feeds it jobs, and run jobs here meanwhile, one at a
    time, until none are left; then wait for Ray's last tasks and its shut-down. Ctrl-C or a failure on either side
    stops both (Ray is shut down before this returns or raises)."""
    thread = threading.Thread(target=_ray_lane, args=(ray, lanes, ray_cpus, None), name="ganviz-sweep-ray",
                              daemon=True)
    thread.start()
    configure_threads()
    try:
        while True:
            units = lanes.take(1)
            if not units:
                break
            lanes.deliver(run_unit(units[0]), on_ray=False)
        while thread.is_alive():  # Ray's last tasks; a timed join, so that Ctrl-C is seen at once
            thread.join(0.2)
    except BaseException as err:
        lanes.fail(err)
        thread.join()
        raise
    lanes.raise_error()


def _import_ray():
    try:
        import ray  # noqa: PLC0415  (optional: ganviz[sweep])
    except ImportError:
        return None
    return ray


def _start_ray(ray, cpus: int | None, address: str | None) -> bool:
    """Start a local Ray of ``cpus`` CPUs, or connect to the cluster at ``address``; False if Ray was already running
    in this process (a library caller's, a test's: used as it is and left running)."""
    if ray.is_initialized():
        return False
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
            ray.init(num_cpus=cpus, include_dashboard=False, object_store_memory=OBJECT_STORE_BYTES, **quiet)
    except (ConnectionError, RuntimeError, ValueError) as err:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise SweepError(f"cannot start or reach {where}: {str(err).splitlines()[0] if str(err) else err!r}") \
            from None
    return True


def _ray_lane(ray, lanes: _Lanes, cpus: int | None, address: str | None) -> None:
    """Ray's side: start Ray (or use the one running), keep one task of ``per_task`` jobs per CPU in flight (on a
    cluster: every job at once), hand on the rows as tasks finish, and shut down the Ray it started, at once when
    nothing is left for it. Errors go to ``lanes.fail``."""
    started = False
    try:
        started = _start_ray(ray, cpus, address)
        in_flight = cpus if cpus is not None else len(lanes.queue)
        task = ray.remote(num_cpus=1, max_retries=0)(run_batch)
        pending = {}
        while True:
            while len(pending) < max(1, in_flight):
                batch = lanes.take(lanes.per_task)
                if not batch:
                    break
                pending[task.remote(batch)] = batch
            if not pending or lanes.stop.is_set():
                break
            done, _ = ray.wait(list(pending), num_returns=1, timeout=0.2)
            for ref in done:
                del pending[ref]
                try:
                    rows = ray.get(ref)
                except ray.exceptions.RayError as err:
                    first = str(err).strip().splitlines()
                    raise SweepError(f"a run failed on a Ray worker: {first[-1] if first else err!r}") from None
                lanes.deliver(rows, on_ray=True)
    except BaseException as err:  # noqa: BLE001  (handed to the caller's thread, which raises it)
        lanes.fail(err)
    finally:
        if started:
            ray.shutdown()
