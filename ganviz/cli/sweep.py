"""What ``ganviz sweep`` and ``ganviz compare`` share: the flags that say where and how the runs go (``--workers``,
``--address``, ``--per-task``, ``--stack``, ``--out``), and running the jobs through ``ganviz.sweep`` with a progress bar,
skipping the runs the ``--out`` file already holds."""

from __future__ import annotations

import argparse
import json
import math
import sys

from ..sweep.engine import INSTALL, SweepError, open_results, run_jobs
from ..sweep.grid import Job
from ..sweep.progress import Progress


def add_sweep_arguments(parser: argparse.ArgumentParser, out_required: bool = False) -> None:
    parser.add_argument("--out", metavar="FILE.jsonl", required=out_required,
                        help="write each run to FILE.jsonl (JSON Lines) as it finishes; run again with the same "
                             "file to skip the runs it holds (resume, or add cells to a grid)")
    parser.add_argument("--workers", type=int, default=None,
                        help=f"runs at once (default: every core): this process and a local Ray of the other "
                             f"cores, one CPU each; 1 runs them one after another in this process. Without Ray "
                             f"installed the runs go in this process: {INSTALL}")
    parser.add_argument("--address", metavar="HOST:PORT",
                        help="run on an existing Ray cluster (as `ray start --head` prints it, or auto) instead of a "
                             "local one; its nodes need ganviz's requirements, ganviz itself is shipped with the runs")
    parser.add_argument("--per-task", type=int, default=1, metavar="N",
                        help="runs (or stacks, --stack) per Ray task (default: %(default)s; Ray's own cost is about a "
                             "millisecond a task, see docs/performance.md)")
    parser.add_argument("--stack", type=int, default=1, metavar="N",
                        help="train up to N runs of one shape at once in one process (torch.func: their nets stacked, "
                             "one pass of each layer for all): the plain GAN with Adam and the minimax, "
                             "non-saturating, lsgan or hinge loss, differing only in lr_d, lr_g, seed or g_offset; "
                             "other runs go one by one (default: %(default)s, no stacking; docs/performance.md)")


def check_sweep_arguments(args, parser) -> None:
    if args.workers is not None and args.workers < 1:
        parser.error(f"--workers must be >= 1 (got {args.workers})")
    if args.per_task < 1:
        parser.error(f"--per-task must be >= 1 (got {args.per_task})")
    if args.stack < 1:
        parser.error(f"--stack must be >= 1 (got {args.stack})")
    if args.address is not None and args.workers is not None:
        parser.error("--workers sets up a local Ray; with --address the cluster's CPUs decide")


def run_all(jobs: list[Job], args, parser, header: dict, describe, report=None, prog: str = "ganviz") -> list[dict]:
    """Run the ``jobs`` the ``--out`` file does not hold yet and return every job's row in the jobs' order.

    Each new row is appended to ``--out``, then passed to ``report(row, status)`` if given (``status``: the runs
    done and the ETA) or printed as ``describe(row)`` with the progress on stderr. Exits 2 on a results file of
    another experiment, 1 on a failed run or an unreachable cluster, 130 on Ctrl-C (the rows so far stay in
    ``--out``).
    """
    done: dict[str, dict] = {}
    if args.stack > 1:  # stacked runs are another way of computing: a file says so, and a resume must match it
        header = {**header, "stack": args.stack}
    if args.out is not None:
        try:
            done = {row["key"]: row for row in open_results(args.out, header)}
        except SweepError as err:
            parser.error(str(err))
        except OSError as err:
            parser.error(f"--out {args.out}: cannot write it ({err.strerror})")
    pending = [job for job in jobs if job.key not in done]
    if done:
        print(f"{prog}: {args.out} holds {len(jobs) - len(pending)} of these {len(jobs)} runs; running the other "
              f"{len(pending)}", file=sys.stderr, flush=True)
    progress = Progress(len(pending))
    file = open(args.out, "a") if args.out is not None else None  # noqa: SIM115  (closed below)

    def finished(row: dict) -> None:
        done[row["key"]] = row
        if file is not None:
            file.write(_json(row) + "\n")
            file.flush()
        if report is not None:
            progress.done += 1
            report(row, progress.status())
        else:
            progress.tick(describe(row))

    try:
        run_jobs(pending, workers=args.workers, address=args.address, per_task=args.per_task, stack=args.stack,
                 on_row=finished, say=lambda text: print(f"{prog}: {text}", file=sys.stderr, flush=True))
    except SweepError as err:
        print(f"{prog}: {err}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:  # Ctrl-C: the finished runs are in --out, Ray is shut down on the way out
        where = f"; the {len(done)} finished runs are in {args.out}: the same command goes on from there" if args.out \
            else ""
        print(f"\n{prog}: stopped{where}", file=sys.stderr)
        sys.exit(130)
    finally:
        if file is not None:
            file.close()
    return [done[job.key] for job in jobs]


def _json(row: dict) -> str:
    """``row`` as one JSON line, NaN and inf as null."""
    return json.dumps({k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in row.items()})
