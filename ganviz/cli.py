"""The command line: ``python -m ganviz train ...`` trains a toy GAN without a browser.

Every ``--every`` iterations it prints the metrics of a snapshot (one JSON
object per line with ``--json``, a table row otherwise), then a final summary.
1D targets are measured by ``take_snapshot`` (p_g exact from G), 2D targets by
``metrics_2d`` (p_g estimated from 2,500 samples; modes covered and the
high-quality fraction on the ring and the grid). ``--save-samples`` writes G's
final samples to a NumPy file. Bad arguments exit with status 2 and a one-line
message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import os
import time

import numpy as np

from .device import configure_threads
from .distributions import DISTRIBUTIONS, targets_of_dim
from .losses import LOSSES
from .modes import N_SAMPLES, has_modes
from .priors import PRIORS
from .snapshot import take_snapshot
from .snapshot2d import METRICS_SEED, generated_samples, metrics_2d
from .trainer import OPTIMIZERS, DivergenceError, TrainConfig, Trainer

COLUMNS = ("step", "jsd", "value", "criterion", "d_loss", "g_loss", "d_real", "d_fake", "seconds")
MODE_COLUMNS = ("modes", "hq")  # added before "seconds" for targets with modes


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr and exit status 2."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m ganviz", description="ganviz: watch a GAN learn (Goodfellow et al., 2014).")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    d = TrainConfig()
    train = commands.add_parser("train", help="train a toy GAN headless and print its metrics",
                                description="Train a GAN on a toy target with Algorithm 1 and print its metrics "
                                            "(JSD in nats, V(D,G), C(G), losses; on ring8 and grid25 also the modes "
                                            "covered and the high-quality fraction) as it goes. In 2D, p_g is "
                                            "estimated from --n-samples samples and the JSD compares p_data and p_g "
                                            "blurred by the same Gaussian kernel.")
    train.add_argument("--dist", default=d.dist, choices=list(DISTRIBUTIONS),
                       help=f"target distribution p_data: 1D {', '.join(targets_of_dim(1))}; "
                            f"2D {', '.join(targets_of_dim(2))} (default: %(default)s)")
    train.add_argument("--loss", default=d.loss, choices=list(LOSSES), help="loss type (default: %(default)s)")
    train.add_argument("--k", type=int, default=d.k, help="D steps per G step, >= 1 (default: %(default)s)")
    train.add_argument("--lr-d", type=float, default=d.lr_d, help="learning rate of D, > 0 (default: %(default)s)")
    train.add_argument("--lr-g", type=float, default=d.lr_g, help="learning rate of G, > 0 (default: %(default)s)")
    train.add_argument("--batch", type=int, default=d.batch, help="minibatch size m (default: %(default)s)")
    train.add_argument("--optimizer", default=d.optimizer, choices=OPTIMIZERS, help="adam (betas 0.5, 0.999) or sgd with momentum (default: %(default)s)")
    train.add_argument("--momentum", type=float, default=d.momentum, help="SGD momentum (default: %(default)s)")
    train.add_argument("--prior", default=d.prior, choices=list(PRIORS), help="noise prior p_z (default: %(default)s)")
    train.add_argument("--z-dim", type=int, default=d.z_dim, help="noise dimension (default: %(default)s)")
    train.add_argument("--width", type=int, default=d.width, help="hidden units per layer, both nets (default: %(default)s)")
    train.add_argument("--depth", type=int, default=d.depth, help="hidden layers, both nets (default: %(default)s)")
    train.add_argument("--g-offset", type=float, default=d.g_offset,
                       help="added to G's output at initialisation, to start p_g away from the data "
                            "(the theory page's saturating-loss preset uses -2.5) (default: %(default)s)")
    train.add_argument("--steps", type=int, default=3000, help="Algorithm-1 iterations to run, >= 1 (default: %(default)s)")
    train.add_argument("--every", type=int, default=100, help="print metrics every this many iterations (default: %(default)s)")
    train.add_argument("--seed", type=int, default=d.seed, help="random seed; same seed, same run (default: %(default)s)")
    train.add_argument("--device", default=d.device, help="auto (CUDA, then MPS, then CPU), cpu, cuda or mps (default: %(default)s)")
    train.add_argument("--json", action="store_true", help="print one JSON object per line instead of a table")
    train.add_argument("--n-samples", type=int, default=N_SAMPLES,
                       help="generated samples (noise drawn with its own fixed seed, so the training run is unchanged) "
                            "behind the 2D metrics and --save-samples (default: %(default)s)")
    train.add_argument("--save-samples", metavar="FILE.npy",
                       help="at the end, write --n-samples final samples G(z) to FILE.npy as a float32 (n, dim) array "
                            "(in 2D, the very samples of the last metrics row)")
    train.set_defaults(run=train_command, parser=train)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_threads()
    return args.run(args, args.parser)


def train_command(args, parser) -> int:
    if args.steps < 1:
        parser.error(f"--steps must be >= 1 (got {args.steps})")
    if args.every < 1:
        parser.error(f"--every must be >= 1 (got {args.every})")
    if args.n_samples < 1:
        parser.error(f"--n-samples must be >= 1 (got {args.n_samples})")
    if args.save_samples is not None:
        _check_writable(args.save_samples, parser)
    config = TrainConfig(dist=args.dist, loss=args.loss, k=args.k, lr_d=args.lr_d, lr_g=args.lr_g, batch=args.batch,
                         optimizer=args.optimizer, momentum=args.momentum, prior=args.prior, z_dim=args.z_dim,
                         width=args.width, depth=args.depth, seed=args.seed, device=args.device,
                         g_offset=args.g_offset)
    try:
        trainer = Trainer(config)
    except ValueError as err:
        parser.error(str(err))
    columns = COLUMNS[:-1] + MODE_COLUMNS + COLUMNS[-1:] if has_modes(trainer.target) else COLUMNS
    emit = _json_line if args.json else lambda row: _table_row(row, columns)
    if not args.json:
        print(f"ganviz train: {config.dist}, {config.loss}, k={config.k}, device={trainer.device}")
        print("".join(f"{c:>11}" for c in columns))
    start = time.perf_counter()
    row = dict(_measure(trainer, args.n_samples), seconds=0.0)
    emit(row)
    try:
        while trainer.step < args.steps:
            trainer.train(min(args.every, args.steps - trainer.step))
            row = dict(_measure(trainer, args.n_samples), seconds=time.perf_counter() - start)
            emit(row)
    except DivergenceError as err:
        print(f"ganviz train: {err}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    if args.save_samples is not None:
        with open(args.save_samples, "wb") as file:  # a file object: np.save adds no ".npy" to the name
            np.save(file, generated_samples(trainer, args.n_samples, METRICS_SEED).astype(np.float32))
    summary = {"summary": True, **{k: row[k] for k in columns if k in row}, "seconds": seconds,
               "iterations_per_s": args.steps / seconds, "device": str(trainer.device), "config": config.to_dict()}
    if args.json:
        _json_line(summary)
    else:
        modes = f"; modes {row['modes']}/{len(trainer.target.means)}, HQ {row['hq']:.3f}" if "modes" in row else ""
        print(f"done: {args.steps} iterations in {seconds:.1f} s ({summary['iterations_per_s']:.0f}/s); "
              f"final JSD {row['jsd']:.4f} nats (log 2 = {math.log(2):.4f}){modes}")
        if args.save_samples is not None:
            print(f"wrote {args.n_samples} samples to {args.save_samples}")
    return 0


def _measure(trainer, n_samples: int) -> dict:
    """The metrics row: p_g exact from G in 1D (take_snapshot), estimated from ``n_samples`` samples in 2D (metrics_2d)."""
    return take_snapshot(trainer).metrics if trainer.target.dim == 1 else metrics_2d(trainer, n_samples)


def _check_writable(path: str, parser) -> None:
    """Refuse, before training, a --save-samples path that cannot be written."""
    folder = os.path.dirname(path) or "."
    if os.path.isdir(path):
        parser.error(f"--save-samples {path} is a folder; give a file name such as {os.path.join(path, 'samples.npy')}")
    if not os.path.isdir(folder):
        parser.error(f"--save-samples: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        parser.error(f"--save-samples: the folder {folder} is not writable")


def _clean(v):
    return None if isinstance(v, float) and not math.isfinite(v) else v


def _json_line(row: dict) -> None:
    print(json.dumps({k: _clean(v) for k, v in row.items()}), flush=True)


def _table_row(row: dict, columns=COLUMNS) -> None:
    print("".join(f"{row[c]:>11}" if isinstance(row[c], int) else f"{row[c]:>11.4f}" for c in columns), flush=True)
