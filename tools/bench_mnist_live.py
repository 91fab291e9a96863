"""How fast the MNIST page's live GAN ("Train from scratch") learns digits, on this machine.

Trains ``ganviz.mnist.live.LiveMnist`` (the page's recipe, ``LIVE_CONFIG``, unless
flags change it) on one torch thread, as the app does (``GANVIZ_TORCH_THREADS``),
and every ``--every`` seconds of training prints the step, the iterations per
second and what the page shows: the shipped classifier's confident share
(p > 0.9) of the fixed noise batch and its class histogram. The clock counts
training only (the page also spends time drawing: see results/mnist-live.md).

    python tools/bench_mnist_live.py                      # 60 s, the shipped subset
    python tools/bench_mnist_live.py --seconds 90 --png grid.png --data ../shared/data/mnist

Issue 23's target: a confident share >= 50 % at 60 s on the development CPU.
Exit status 0 either way; ``--json`` prints the rows as one JSON list.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from ganviz.mnist import load_classifier, load_split  # noqa: E402
from ganviz.mnist.idx import load_subset  # noqa: E402
from ganviz.mnist.cli import widths  # noqa: E402
from ganviz.mnist.live import LIVE_CONFIG, LiveMnist  # noqa: E402


def main(argv=None) -> int:
    c = LIVE_CONFIG
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="training seconds (default: %(default)s)")
    parser.add_argument("--every", type=float, default=10, help="seconds between rows (default: %(default)s)")
    parser.add_argument("--data", help="an MNIST folder: train on its 60,000 images (default: the shipped 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default: %(default)s, as the app)")
    parser.add_argument("--arch", choices=("mlp", "conv"), default=c.arch)
    parser.add_argument("--channels", type=int, default=c.channels, help="--arch conv")
    parser.add_argument("--z-dim", type=int, default=c.conv_z_dim, help="--arch conv")
    parser.add_argument("--g-widths", type=widths, default=c.g_widths, help="--arch mlp: G's hidden layers")
    parser.add_argument("--d-widths", type=widths, default=c.d_widths, help="--arch mlp: D's hidden layers")
    parser.add_argument("--batch", type=int, default=c.batch)
    parser.add_argument("--lr", type=float, default=c.lr)
    parser.add_argument("--ema", type=float, default=c.ema)
    parser.add_argument("--png", help="write the final fixed-noise grid to this PNG")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    images = load_split("train", args.data).images if args.data else load_subset().images
    config = dataclasses.replace(c, arch=args.arch, channels=args.channels, conv_z_dim=args.z_dim,
                                 g_widths=args.g_widths, d_widths=args.d_widths, batch=args.batch, lr=args.lr,
                                 ema=args.ema)
    run = LiveMnist(images, load_classifier(), seed=args.seed, config=config)
    rows, next_row = [], args.every
    while run.seconds < args.seconds:
        run.train_for(0.1)
        if run.seconds >= next_row or run.seconds >= args.seconds:
            frame = run.frame()
            row = {"seconds": round(run.seconds, 1), "step": run.step, "it_per_s": round(run.step / run.seconds, 1),
                   "confident": round(frame.confident, 3), "histogram": [round(h, 3) for h in frame.histogram],
                   "d_real": round(float(frame.d_real.mean()), 3), "d_fake": round(float(frame.d_fake.mean()), 3)}
            rows.append(row)
            if not args.json:
                print(f"{row['seconds']:6.1f} s  step {row['step']:5d}  {row['it_per_s']:5.1f} it/s  confident "
                      f"{row['confident']:.0%}  D(real) {row['d_real']:.2f}  D(fake) {row['d_fake']:.2f}  classes "
                      + " ".join(f"{h:.2f}" for h in row["histogram"]), flush=True)
            next_row += args.every
    if args.png:
        from ganviz.mnist.render import grid

        grid(run.frame().grid, cols=8, scale=3).save(args.png)
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
