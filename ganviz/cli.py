"""The command line: ``python -m ganviz train ...`` trains a toy GAN without a browser.

Every ``--every`` iterations it prints the metrics of a snapshot (one JSON
object per line with ``--json``, a table row otherwise), then a final summary.
Bad arguments exit with status 2 and a one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

from .device import configure_threads
from .distributions import DISTRIBUTIONS
from .losses import LOSSES
from .priors import PRIORS
from .snapshot import take_snapshot
from .trainer import OPTIMIZERS, DivergenceError, TrainConfig, Trainer

COLUMNS = ("step", "jsd", "value", "criterion", "d_loss", "g_loss", "d_real", "d_fake", "seconds")


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
                                            "(JSD in nats, V(D,G), C(G), losses) as it goes.")
    train.add_argument("--dist", default=d.dist, choices=list(DISTRIBUTIONS), help="target distribution p_data (default: %(default)s)")
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
    train.add_argument("--steps", type=int, default=3000, help="Algorithm-1 iterations to run, >= 1 (default: %(default)s)")
    train.add_argument("--every", type=int, default=100, help="print metrics every this many iterations (default: %(default)s)")
    train.add_argument("--seed", type=int, default=d.seed, help="random seed; same seed, same run (default: %(default)s)")
    train.add_argument("--device", default=d.device, help="auto (CUDA, then MPS, then CPU), cpu, cuda or mps (default: %(default)s)")
    train.add_argument("--json", action="store_true", help="print one JSON object per line instead of a table")
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
    config = TrainConfig(dist=args.dist, loss=args.loss, k=args.k, lr_d=args.lr_d, lr_g=args.lr_g, batch=args.batch,
                         optimizer=args.optimizer, momentum=args.momentum, prior=args.prior, z_dim=args.z_dim,
                         width=args.width, depth=args.depth, seed=args.seed, device=args.device)
    try:
        trainer = Trainer(config)
    except ValueError as err:
        parser.error(str(err))
    emit = _json_line if args.json else _table_row
    if not args.json:
        print(f"ganviz train: {config.dist}, {config.loss}, k={config.k}, device={trainer.device}")
        print("".join(f"{c:>11}" for c in COLUMNS))
    start = time.perf_counter()
    row = dict(take_snapshot(trainer).metrics, seconds=0.0)
    emit(row)
    try:
        while trainer.step < args.steps:
            trainer.train(min(args.every, args.steps - trainer.step))
            row = dict(take_snapshot(trainer).metrics, seconds=time.perf_counter() - start)
            emit(row)
    except DivergenceError as err:
        print(f"ganviz train: {err}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    summary = {"summary": True, **{k: row[k] for k in COLUMNS if k in row}, "seconds": seconds,
               "iterations_per_s": args.steps / seconds, "device": str(trainer.device), "config": config.to_dict()}
    if args.json:
        _json_line(summary)
    else:
        print(f"done: {args.steps} iterations in {seconds:.1f} s ({summary['iterations_per_s']:.0f}/s); "
              f"final JSD {row['jsd']:.4f} nats (log 2 = {math.log(2):.4f})")
    return 0


def _clean(v):
    return None if isinstance(v, float) and not math.isfinite(v) else v


def _json_line(row: dict) -> None:
    print(json.dumps({k: _clean(v) for k, v in row.items()}), flush=True)


def _table_row(row: dict) -> None:
    print("".join(f"{row[c]:>11}" if c == "step" else f"{row[c]:>11.4f}" for c in COLUMNS), flush=True)
