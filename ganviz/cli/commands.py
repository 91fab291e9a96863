"""The command line: ``python -m ganviz train ...`` trains a toy GAN without a browser;
``python -m ganviz compare ...`` compares remedies for mode collapse over seeds (``compare.py``);
``python -m ganviz bench`` measures speed (``bench.py``).

``train``: every ``--every`` iterations it prints the metrics of a snapshot (one JSON
object per line with ``--json``, a table row otherwise), then a final summary.
1D targets are measured by ``take_snapshot`` (p_g exact from G), 2D targets by
``metrics_2d`` (p_g estimated from 2,500 samples; modes covered and the
high-quality fraction on the ring and the grid). ``--save-samples`` writes G's
final samples to a NumPy file; ``--remedy`` adds a remedy for mode collapse.
``--save RUN.ganviz`` writes the whole run at the end (``runfile.py``); ``--resume
RUN.ganviz`` goes on with a saved run for ``--steps`` more iterations, exactly as it would
have gone on. Its config comes from the file: the flags that define the model are refused
with it (status 2), the live ones (``--k``, ``--lr-d``, ``--lr-g``, ``--batch``) change it.
``python -m ganviz mnist ...`` trains, samples and evaluates the MNIST generator
(``mnist/cli.py``).

``compare`` takes the same model flags (``add_model_arguments``) as the base
config of every method. Bad arguments exit with status 2 and a one-line
message, never a traceback. A run that diverges (NaN or inf in a loss, a
weight or a metric) is rolled back or stopped, said in one line on stderr, and
exits with status 1. A closed pipe (``... --json | head -1``) ends the command
quietly with status 141, as other Unix tools end on SIGPIPE. The same commands
are installed as ``ganviz`` (pyproject.toml's console script).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import platform
import shlex
import sys
import time

import numpy as np
import torch

from ..lessons.presets import PRESETS, presets_for
from ..lessons.compare import markdown_table, parse_methods, parse_seeds, plain_table, summarise
from ..sweep.grid import grid_jobs, method_jobs, parse_grid
from ..sweep.maps import summarise_cells
from .sweep import add_sweep_arguments, check_sweep_arguments, run_all
from ..core.device import configure_threads, resolve_device
from ..core.distributions import DISTRIBUTIONS, get_distribution, targets_of_dim
from ..core.losses import LOSSES, Loss
from ..mnist.cli import add_mnist_command
from ..measure.modes import MODE_BENCHMARKS, N_SAMPLES, has_modes
from ..core.priors import PRIORS
from ..remedies.methods import METHODS, config_for
from ..files.runfile import MAX_BYTES, RunFileError, load_run, save_run
from ..frames.snapshot import take_snapshot
from ..frames.recorder import FrameRecorder
from ..frames.residual import fit_d_star
from ..frames.snapshot2d import METRICS_SEED, generated_samples, metrics_2d, take_snapshot_2d
from ..core.config import BOUNDS, D_INPUTS, OPTIMIZERS, REMEDIES, SAMPLINGS, TrainConfig, allowed
from ..core.trainer import DivergenceError, Trainer

# How the help and the messages name the command: as it was started, the console script or the module.
PROG = "ganviz" if os.path.basename(sys.argv[0]) == "ganviz" else "python -m ganviz"
CELL = 11  # characters per table column: at most CELL - 1 for the value, so that neighbours never touch
COLUMNS = ("step", "jsd", "value", "criterion", "d_loss", "g_loss", "d_real", "d_fake", "seconds")
MODE_COLUMNS = ("modes", "hq")  # added before "seconds" for targets with modes


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr and exit status 2."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        sys.exit(2)


def add_model_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags that define a run (target, loss, optimizer, networks, remedy settings), shared by train and compare."""
    d = TrainConfig()
    parser.add_argument("--dist", default=d.dist, choices=list(DISTRIBUTIONS),
                        help=f"target distribution p_data: 1D {', '.join(targets_of_dim(1))}; "
                             f"2D {', '.join(targets_of_dim(2))} (default: %(default)s)")
    parser.add_argument("--loss", default=d.loss, choices=list(LOSSES), help="loss type (default: %(default)s)")
    parser.add_argument("--k", type=int, default=d.k, help="D steps per G step, >= 1 (default: %(default)s)")
    parser.add_argument("--lr-d", type=float, default=d.lr_d, help="learning rate of D, > 0 (default: %(default)s)")
    parser.add_argument("--lr-g", type=float, default=d.lr_g, help="learning rate of G, > 0 (default: %(default)s)")
    parser.add_argument("--batch", type=int, default=d.batch, help="minibatch size m (default: %(default)s)")
    parser.add_argument("--optimizer", default=d.optimizer, choices=OPTIMIZERS, help="adam (betas 0.5, 0.999) or sgd with momentum (default: %(default)s)")
    parser.add_argument("--momentum", type=float, default=d.momentum, help="SGD momentum (default: %(default)s)")
    parser.add_argument("--prior", default=d.prior, choices=list(PRIORS), help="noise prior p_z (default: %(default)s)")
    parser.add_argument("--z-dim", type=int, default=d.z_dim, help="noise dimension (default: %(default)s)")
    parser.add_argument("--width", type=int, default=d.width, help="hidden units per layer, both nets (default: %(default)s)")
    parser.add_argument("--depth", type=int, default=d.depth, help="hidden layers, both nets (default: %(default)s)")
    parser.add_argument("--g-offset", type=float, default=d.g_offset,
                        help="added to G's output at initialisation, to start p_g away from the data "
                             "(the theory page's saturating-loss preset uses -2.5) (default: %(default)s)")
    parser.add_argument("--unroll", type=int, default=d.unroll,
                        help="unrolled GAN: D steps G looks ahead, >= 1 (default: %(default)s)")
    parser.add_argument("--pack", type=int, default=d.pack,
                        help="PacGAN: samples per pack D judges, >= 2, dividing --batch (default: %(default)s)")
    parser.add_argument("--decay-start", type=int, default=d.decay_start,
                        help="learning-rate decay: both learning rates fall linearly from this step ... "
                             "(default: %(default)s)")
    parser.add_argument("--decay-end", type=int, default=d.decay_end,
                        help="... to --decay-floor times their value at this step, then stay there; 0: no decay "
                             "(default: %(default)s)")
    parser.add_argument("--decay-floor", type=float, default=d.decay_floor,
                        help="the learning rates' final factor, in (0, 1] (default: %(default)s)")
    parser.add_argument("--sampling", default=d.sampling, choices=SAMPLINGS,
                        help="minibatches: random (independent draws, the paper's) or stratified (one z and one x "
                             "from each of m equal-probability slices: the same expectations, less jitter) "
                             "(default: %(default)s)")
    parser.add_argument("--d-input", default=d.d_input, choices=D_INPUTS,
                        help="what D's first layer sees: raw x, or x standardised by p_data's mean and standard "
                             "deviation (the plain GAN only) (default: %(default)s)")
    parser.add_argument("--steps", type=int, default=3000, help="Algorithm-1 iterations to run, >= 1 (default: %(default)s)")
    parser.add_argument("--device", default=d.device,
                        help="auto (with a GPU: whichever of the CPU and the GPU trains this size faster, timed "
                             "first), cpu, cuda or mps (default: %(default)s)")
    parser.add_argument("--n-samples", type=int, default=N_SAMPLES,
                        help="generated samples (noise drawn with its own fixed seed, so the training run is unchanged) "
                             "behind the 2D metrics and --save-samples (default: %(default)s)")
    add_bounds_to_help(parser)


def add_bounds_to_help(parser: argparse.ArgumentParser) -> None:
    """End the help of every flag of a config field with its allowed range (``TrainConfig``'s ``BOUNDS``, which
    ``TrainConfig.validate`` enforces for the flags as for run files)."""
    for action in parser._actions:
        if action.dest in BOUNDS and action.help and "allowed:" not in action.help:
            action.help += f"; allowed: {allowed(action.dest)}"


def preset_defaults(name: str) -> dict:
    """The compare flags' values of the measured preset ``name`` (``ring8`` or ``grid25``): its base config and steps."""
    preset = PRESETS[f"{name}-collapse"]
    fields = {k: v for k, v in preset.config.to_dict().items() if k not in ("seed", "remedy", "device")}
    return {**fields, "steps": preset.steps}


def train_preset_defaults(preset) -> dict:
    """The train flags' values of ``preset`` (``ganviz.lessons.presets``): its config (seed and remedy included) and
    its default --steps."""
    return {**{k: v for k, v in preset.config.to_dict().items() if k != "device"}, "steps": preset.cli_steps}


def _parse_with_defaults(argv: list[str], command: str, defaults: dict) -> argparse.Namespace:
    return build_parser(**{f"{command}_defaults": defaults}).parse_args(argv)


def _list_presets() -> None:
    """``train --preset list``: every preset, its page, its runs, its default --steps and what it shows."""
    print(f"{'preset':<18}{'page':<19}{'runs':<26}{'steps':>7}  shows")
    for preset in PRESETS.values():
        runs = ", ".join(str(name) for name in preset.configs())
        page = preset.page + ("" if preset.listed else " (default)")
        print(f"{preset.name:<18}{page:<19}{runs:<26}{preset.cli_steps:>7}  {preset.shows}")


def build_parser(compare_defaults: dict | None = None, train_defaults: dict | None = None) -> argparse.ArgumentParser:
    """The parser of every command; ``compare_defaults`` (compare's and sweep's) and ``train_defaults`` replace
    those commands' defaults (how their ``--preset`` works)."""
    parser = _Parser(prog=PROG, description="ganviz: watch a GAN learn (Goodfellow et al., 2014).")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    d = TrainConfig()
    train = commands.add_parser("train", help="train a toy GAN headless and print its metrics",
                                description="Train a GAN on a toy target with Algorithm 1 and print its metrics "
                                            "(JSD in nats, V(D,G), C(G), losses; on ring8 and grid25 also the modes "
                                            "covered and the high-quality fraction) as it goes. In 2D, p_g is "
                                            "estimated from --n-samples samples and the JSD compares p_data and p_g "
                                            "blurred by the same Gaussian kernel.")
    add_model_arguments(train)
    train.add_argument("--remedy", default=d.remedy, choices=REMEDIES,
                       help="a remedy for mode collapse: unrolled (Metz et al. 2017, see --unroll), pacgan (Lin et al. "
                            "2018, see --pack), mbstd (minibatch standard deviation, Karras et al. 2018); WGAN-GP is "
                            "--loss wgan-gp (default: %(default)s)")
    train.add_argument("--preset", metavar="NAME",
                       help="run a page's preset as the page starts it (its config, warm-up, hold of D or fit of D), "
                            "for --steps iterations (default: the preset's own); flags given as well override its "
                            "config. A preset of two runs (a race) trains each in turn, or the one --run names. "
                            "'--preset list' lists them with their pages; 'figure1' is the Figure 1 page's default run")
    train.add_argument("--run", metavar="NAME", dest="race_run", help="with a race's --preset: train only this run of it (e.g. pacgan)")
    train.add_argument("--every", type=int, default=100, help="print metrics every this many iterations (default: %(default)s)")
    train.add_argument("--seed", type=int, default=d.seed, help="random seed; same seed, same run (default: %(default)s)")
    add_bounds_to_help(train)
    train.add_argument("--json", action="store_true",
                       help="print one JSON object per line instead of a table: the table's columns (null for NaN "
                            "and inf), d_steps (D updates so far: k per iteration, plus any D-only steps); in 1D d_gap "
                            "(the mean |D - D*| under (p_data + p_g) / 2); in 2D outside (the share of p_g's smoothed "
                            "mass outside the target's window); on ring8 and grid25 also mode_counts (per mode, the "
                            "samples whose nearest mode it is and that lie within 3 std of it: modes counts the nonzero "
                            "ones, hq is their sum over --n-samples). "
                            "The last line is the summary, with \"summary\": true")
    train.add_argument("--save-samples", metavar="FILE.npy",
                       help="at the end, write --n-samples final samples G(z) to FILE.npy as a float32 (n, dim) array "
                            "(in 2D, the very samples of the last metrics row)")
    train.add_argument("--export", metavar="FILE", action="append", default=[],
                       help="at the end, write the run for slides: FILE.html is a replay of the figure at every --every "
                            "iterations (at most 200 frames, evenly thinned), one self-contained file that plays "
                            "offline; FILE.gif (looping, 120 ms a frame) and FILE.mp4 (H.264, 8 frames/s) are the "
                            "same frames as a 960x540 animation; FILE.csv is the metrics table. Repeat the flag for "
                            "several.")
    train.add_argument("--save", metavar="RUN.ganviz",
                       help="at the end (also after a divergence, at the step it rolled back to or stopped at), write "
                            "the whole run to RUN.ganviz: weights, optimizer state, config, seed, random state and "
                            "metrics history, in one safetensors file (never a pickle), to go on later with --resume")
    train.add_argument("--resume", metavar="RUN.ganviz",
                       help="go on with the run saved in RUN.ganviz (by --save, or downloaded from the app) for --steps "
                            "more iterations, exactly as it would have gone on. Its config comes from the file: the "
                            "flags that define the model (--dist, --loss, --optimizer, --width, --seed, --remedy, ...) "
                            "are refused with it; --k, --lr-d, --lr-g and --batch change the saved values")
    train.set_defaults(run=train_command, parser=train, **(train_defaults or {}))

    comparing = commands.add_parser("compare", help="compare remedies for mode collapse over seeds",
                                  description="For each method and seed, train headless (on the CPU unless --device "
                                              "says otherwise) for --steps iterations, then count the modes covered "
                                              "and the high-quality fraction of --n-samples samples. Reports per "
                                              "method the mean and std over seeds, the per-seed values and the "
                                              "seconds per run. The model flags set the base config every method "
                                              "starts from; each method changes only its own fields: "
                                              + "; ".join(f"{name}: {m.label} ({m.citation})" for name, m in METHODS.items())
                                              + ".")
    add_model_arguments(comparing)
    comparing.set_defaults(dist="ring8", device="cpu")
    comparing.add_argument("--preset", choices=sorted({p.config.dist for p in presets_for("mode_collapse")}),
                           help="start from the measured preset of this target (its base config and --steps, as in "
                                "ganviz/lessons/presets.py); flags given as well override it")
    comparing.add_argument("--seeds", default="0-9", help="seeds: a range such as 0-9 or a list such as 0,3,5 (default: %(default)s)")
    comparing.add_argument("--methods", default=",".join(METHODS),
                         help=f"methods to compare, separated by commas, from {', '.join(METHODS)} (default: all)")
    output = comparing.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON object per run, then a summary object")
    output.add_argument("--markdown", action="store_true",
                        help="print the summary as a Markdown table (progress goes to stderr)")
    add_sweep_arguments(comparing)
    comparing.set_defaults(run=compare_command, parser=comparing, **(compare_defaults or {}))

    sweeping = commands.add_parser("sweep", help="train over a grid of settings and seeds, on every core or a Ray cluster",
                                   description="For each cell of a grid over TrainConfig fields (--grid) and each "
                                               "seed, train headless (on the CPU unless --device says otherwise) for "
                                               "--steps iterations and measure the run once: the final JSD, and on "
                                               "ring8 and grid25 the modes covered and the high-quality fraction; a "
                                               "run that diverges is rolled back, measured there and flagged. Runs go "
                                               "as Ray tasks on every core (or --address's cluster), each row to "
                                               "--out as it finishes; the same file again skips finished runs. Then a "
                                               "table per cell, means over seeds. Without Ray the runs go one after "
                                               "another in this process. The model flags set the base config.")
    add_model_arguments(sweeping)
    sweeping.set_defaults(device="cpu")
    sweeping.add_argument("--preset", choices=sorted({p.config.dist for p in presets_for("mode_collapse")}),
                          help="start from the mode-collapse preset of this target (its base config and --steps); "
                               "flags given as well override it")
    sweeping.add_argument("--remedy", default=d.remedy, choices=REMEDIES, help="a remedy for mode collapse, as in "
                                                                               "train (default: %(default)s)")
    sweeping.add_argument("--grid", nargs="+", required=True, metavar="FIELD=V1,V2",
                          help="the grid: one FIELD=V1,V2,... per TrainConfig field, e.g. --grid lr_d=1e-4,3e-4 "
                               "lr_g=1e-4,1e-3 k=1,5 (every combination is a cell)")
    sweeping.add_argument("--seeds", default="0-2", help="seeds per cell: a range such as 0-9 or a list such as 0,3,5 "
                                                         "(default: %(default)s)")
    add_sweep_arguments(sweeping, out_required=True)
    sweeping.set_defaults(run=sweep_command, parser=sweeping, **(compare_defaults or {}))

    bench = commands.add_parser("bench", help="measure training, frame and MNIST speed on this machine",
                                description="Measure, as medians over repetitions on one device: Algorithm-1 "
                                            "iterations/s of the trainer and of a plain reference loop (Figure 1 "
                                            "setting; ring8 at batch 256 with 2x128) with their ratio and the share "
                                            "of the measured FLOP peak; the milliseconds and bytes of one frame of "
                                            "the Figure 1 and 2D pages; MNIST sampling and nearest-neighbour search "
                                            "(the shipped generator and the page's own rendering and search, on MNIST "
                                            "when GANVIZ_MNIST_DIR holds it, else on random images). Wall-clock and CPU time are "
                                            "both reported. See ganviz/cli/bench.py.")
    bench.add_argument("--device", default="auto", help="auto, cpu or cuda (default: %(default)s)")
    bench.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    bench.add_argument("--quick", action="store_true", help="few repetitions: a smoke run of a few seconds, rough numbers")
    bench.set_defaults(run=bench_command, parser=bench)

    add_mnist_command(commands, _Parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(argv)
    args.argv = argv
    if getattr(args, "preset", None) and args.command in ("compare", "sweep"):  # again, the preset as their defaults
        args = build_parser(preset_defaults(args.preset)).parse_args(argv)
        args.argv = argv
    elif getattr(args, "preset", None) and args.command == "train":
        if args.preset == "list":
            _list_presets()
            return 0
        if args.preset not in PRESETS:
            args.parser.error(f"--preset {args.preset}: no such preset; '--preset list' lists them")
        args = _parse_with_defaults(argv, "train", train_preset_defaults(PRESETS[args.preset]))
        args.argv = argv
    configure_threads()
    try:
        return args.run(args, args.parser)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly, as Unix tools do on SIGPIPE
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the interpreter's final flush of stdout cannot fail again
        return 141


def train_command(args, parser) -> int:
    if args.steps < 1:
        parser.error(f"--steps must be >= 1 (got {args.steps})")
    if args.every < 1:
        parser.error(f"--every must be >= 1 (got {args.every})")
    if args.n_samples < 1:
        parser.error(f"--n-samples must be >= 1 (got {args.n_samples})")
    if args.save_samples is not None:
        _check_writable(args.save_samples, parser)
    for path in args.export:
        if os.path.splitext(path)[1].lower() not in EXPORTS:
            parser.error(f"--export {path}: the file name must end in .html (a replay that plays offline), .gif or "
                         ".mp4 (an animation of the figure) or .csv (the metrics)")
        _check_writable(path, parser, "--export")
    if args.save is not None:
        _check_writable(args.save, parser, "--save")
    if args.preset is not None:
        return _train_preset(args, parser, PRESETS[args.preset])
    if args.race_run is not None:
        parser.error("--run names one run of a race: it needs --preset")
    if args.resume is not None:
        trainer = _resume(args, parser)
    else:
        try:
            trainer = Trainer(config_from(args, seed=args.seed, remedy=args.remedy))
        except ValueError as err:
            parser.error(str(err))
    return _train_run(args, trainer)


def _train_preset(args, parser, preset) -> int:
    """``train --preset``: each run of ``preset`` (or the one ``--run`` names) started as its page starts it
    (``Preset.prepare``, then the warm-up and, for "fit_d", D trained alone to D*), then trained for --steps."""
    if args.resume is not None:
        parser.error("--preset starts a run afresh; --resume goes on with a saved one: give one of them")
    try:
        configs = dataclasses.replace(preset, config=config_from(args, seed=args.seed, remedy=args.remedy)).configs()
    except ValueError as err:
        parser.error(str(err))
    names = {str(name): name for name in configs}
    if args.race_run is not None:
        if args.race_run not in names:
            parser.error(f"--run {args.race_run}: preset {preset.name} has the runs {', '.join(names)}")
        names = {args.race_run: names[args.race_run]}
    if len(names) > 1 and (args.save or args.export or args.save_samples):
        parser.error(f"preset {preset.name} trains {len(names)} runs ({', '.join(names)}): choose one with --run to "
                     "write --save, --export or --save-samples")
    status = 0
    for label, name in names.items():
        try:
            trainer = Trainer(configs[name])
        except ValueError as err:
            parser.error(str(err))
        preset.prepare(trainer)
        start = ""
        try:
            trainer.train(preset.warmup)
            if preset.then == "fit_d":
                fit = fit_d_star(trainer)
                start = (f"; D trained alone {fit.steps:,} steps after the warm-up: mean |D - D*| {fit.residual:.3f}"
                         f" ({'close to' if fit.close else 'not close to'} D*, stopped: {fit.stopped})")
        except DivergenceError as err:
            print(f"ganviz train: {err}", file=sys.stderr)
            status = 1
            continue
        if trainer.d_hold:
            start += f"; D held fixed in iterations {trainer.d_hold[0]:,} to {trainer.d_hold[1] - 1:,}"
        intro = f"preset {preset.name} ({preset.page} page), run {label}" + (
            f", from step {trainer.step:,} after a warm-up" if preset.warmup else "") + start
        status = max(status, _train_run(args, trainer, run=label if len(configs) > 1 else None, intro=intro))
    return status


def _train_run(args, trainer, run: str | None = None, intro: str = "") -> int:
    """Train ``trainer`` for --steps more iterations, printing the metrics every --every and a summary; 1 if it
    diverged. ``run`` names one run of a preset's race in every row; ``intro`` is a line said first."""
    config, end = trainer.config, trainer.step + args.steps
    columns = COLUMNS[:-1] + MODE_COLUMNS + COLUMNS[-1:] if has_modes(trainer.target) else COLUMNS
    emit = _json_line if args.json else lambda row: _table_row(row, columns)
    if run is not None and args.json:
        emit = lambda row: _json_line({"run": run, **row})  # noqa: E731
    if intro:
        print(f"ganviz train: {intro}", file=sys.stderr if args.json else sys.stdout)
    if not args.json:
        resumed = f" (resumed from {args.resume} at step {trainer.step})" if args.resume is not None else ""
        print(f"ganviz train: {config.dist}, {config.loss}, k={config.k}, device={trainer.device}{resumed}")
        print("".join(f"{c:>{CELL}}" for c in columns))
    recorder = FrameRecorder() if any(not p.lower().endswith(".csv") for p in args.export) else None
    start = time.perf_counter()
    row = dict(_measure(trainer, args.n_samples), seconds=0.0)
    emit(row)
    if recorder is not None:
        recorder.record(_frame(trainer))
    try:
        while trainer.step < end:
            previous, previous_d = trainer.step, trainer.d_steps
            trainer.train(min(args.every, end - trainer.step))
            row = dict(_measure(trainer, args.n_samples), seconds=time.perf_counter() - start)
            emit(row)
            if recorder is not None:
                recorder.record(_frame(trainer))
            _check_metrics(row, trainer, previous, d_trained=trainer.d_steps > previous_d)
    except DivergenceError as err:
        print(f"ganviz train: {err}", file=sys.stderr)
        _write_exports(args.export, trainer, recorder)
        _write_run(args.save, trainer)
        return 1
    seconds = time.perf_counter() - start
    _write_exports(args.export, trainer, recorder)
    _write_run(args.save, trainer)
    if args.save_samples is not None:
        with open(args.save_samples, "wb") as file:  # a file object: np.save adds no ".npy" to the name
            np.save(file, generated_samples(trainer, args.n_samples, METRICS_SEED).astype(np.float32))
    summary = {"summary": True, **({"run": run} if run is not None else {}),
               **{k: row[k] for k in columns if k in row}, "seconds": seconds,
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


METRIC_WORDS = {"jsd": "the JSD", "value": "V(D, G)", "criterion": "C(G)", "d_loss": "D's loss", "g_loss": "G's loss",
                "d_real": "D(x) on real samples", "d_fake": "D(G(z))", "hq": "the high-quality fraction"}


def _check_metrics(row: dict, trainer, previous: int, d_trained: bool = True) -> None:
    """Raise ``DivergenceError`` (the run stopped where it is) if a metric of ``row`` is NaN or infinite.

    The trainer rolls back on a NaN or inf loss or weight; a run can still blow up
    with finite ones: D's sigmoid output saturates at exactly 0 or 1 (a logit
    beyond about ±37), where V(D, G) is -inf and G's gradient vanishes. Not a
    divergence: V(D, G) NaN when D is a critic (no probability), or -inf with
    LSGAN, whose D(x) is its output clamped to [0, 1] and so reaches 0 and 1; D's loss NaN when D took no step
    since the last row (``d_trained`` False: a preset's hold of D).
    """
    sigmoid = type(trainer.loss).probability is Loss.probability
    for name, words in METRIC_WORDS.items():
        number = row.get(name)
        if name == "d_loss" and not d_trained:
            continue  # D held fixed (``Trainer.hold_d``): no D loss since the last row, NaN by definition
        if not isinstance(number, float) or math.isfinite(number):
            continue
        if name == "value" and not (trainer.loss.is_probability and (math.isnan(number) or sigmoid)):
            continue
        why = " (D's output saturated at exactly 0 or 1)" if name == "value" and number == -math.inf else ""
        lr_d, lr_g = trainer.config.lr_d, trainer.config.lr_g
        raise DivergenceError(
            f"Training diverged between steps {previous} and {trainer.step}: {words} became {number:g}{why}. Stopped at "
            f"step {trainer.step}. Likely cause: a learning rate too high for this loss (lr_d={lr_d:g}, lr_g={lr_g:g}); "
            "lower it.", start=previous, bad_step=trainer.step, which=name, step=trainer.step, lr_d=lr_d, lr_g=lr_g)


def _resume(args, parser) -> Trainer:
    """The run saved in ``--resume``, with the live flags given applied; exit 2 naming the file if it is refused."""
    fields = [f.name for f in dataclasses.fields(TrainConfig)]
    unset = object()  # parse again with every config field preset: argparse fills in defaults only where none is
    given = vars(parser.parse_args(args.argv[1:], namespace=argparse.Namespace(**dict.fromkeys(fields, unset))))
    given = [name for name in fields if given[name] is not unset]
    fixed = [name for name in given if name not in TrainConfig.LIVE]
    if fixed:
        parser.error(f"--{fixed[0].replace('_', '-')} cannot change a resumed run's model: its config comes from "
                     f"{args.resume} (only --k, --lr-d, --lr-g and --batch may change)")
    try:
        size = os.path.getsize(args.resume)
        if size > MAX_BYTES:
            raise RunFileError(f"the file is {size:,} bytes; a run file is at most {MAX_BYTES:,}")
        with open(args.resume, "rb") as file:
            trainer = load_run(file.read())
        if given:  # k, lr_d, lr_g, batch; with none given, the learning rates stay exactly as saved
            trainer.apply(dataclasses.replace(trainer.config, **{name: getattr(args, name) for name in given}))
    except OSError as err:
        parser.error(f"--resume {args.resume}: cannot read it ({err.strerror})")
    except RunFileError as err:
        parser.error(f"--resume {args.resume}: {err}")
    except ValueError as err:
        parser.error(str(err))
    return trainer


def _write_run(path: str | None, trainer) -> None:
    """Write the run to ``path`` (if given) through a temporary file, so a crash never leaves half a file."""
    if path is None:
        return
    with open(path + ".tmp", "wb") as file:
        file.write(save_run(trainer))
    os.replace(path + ".tmp", path)
    print(f"wrote {path}", file=sys.stderr)


def bench_command(args, parser) -> int:
    from .bench import run, table  # noqa: PLC0415  (only this command needs it)

    try:
        result = run(args.device, quick=args.quick)
    except ValueError as err:
        parser.error(str(err))
    print(json.dumps(result) if args.json else table(result), flush=True)
    return 0


def config_from(args, **fields) -> TrainConfig:
    """The TrainConfig the shared model flags describe, plus ``fields`` (seed, remedy)."""
    return TrainConfig(dist=args.dist, loss=args.loss, k=args.k, lr_d=args.lr_d, lr_g=args.lr_g, batch=args.batch,
                       optimizer=args.optimizer, momentum=args.momentum, prior=args.prior, z_dim=args.z_dim,
                       width=args.width, depth=args.depth, device=args.device, g_offset=args.g_offset,
                       unroll=args.unroll, pack=args.pack, decay_start=args.decay_start, decay_end=args.decay_end,
                       decay_floor=args.decay_floor, sampling=args.sampling, d_input=args.d_input, **fields)


def compare_command(args, parser) -> int:
    if args.steps < 1:
        parser.error(f"--steps must be >= 1 (got {args.steps})")
    if args.n_samples < 1:
        parser.error(f"--n-samples must be >= 1 (got {args.n_samples})")
    if not has_modes(get_distribution(args.dist)):
        parser.error(f"compare counts modes, so --dist must be one of {', '.join(MODE_BENCHMARKS)} (got {args.dist})")
    check_sweep_arguments(args, parser)
    try:
        seeds, methods = parse_seeds(args.seeds), parse_methods(args.methods)
        base = config_from(args, seed=seeds[0])
        for method in methods:  # refuse a bad config before any training, e.g. a batch PacGAN cannot pack
            resolve_device(config_for(method, base).validate().device)
    except ValueError as err:
        parser.error(str(err))
    n_modes = len(get_distribution(args.dist).means)
    config = {k: v for k, v in base.to_dict().items() if k != "seed"}

    def report(row, status):
        if args.json:
            _json_line({k: v for k, v in row.items() if k != "key"})
            print(f"[{status}]", file=sys.stderr, flush=True)
        else:
            warn = f"  DIVERGED: {row['diverged']}" if row["diverged"] else ""
            print(f"{row['method']:>9} seed {row['seed']:>3}: modes {row['modes']}/{n_modes}, HQ {row['hq']:.3f}, "
                  f"{row['seconds']:.1f} s [{status}]{warn}", file=sys.stderr if args.markdown else sys.stdout,
                  flush=True)

    header = {"kind": "compare", "base": config, "steps": args.steps, "n_samples": args.n_samples,
              "command": f"{PROG} " + shlex.join(args.argv)}
    jobs = method_jobs(base, methods, seeds, args.steps, args.n_samples)
    rows = [{k: v for k, v in row.items() if k != "key"} for row in run_all(jobs, args, parser, header, None, report)]
    summary = summarise(rows, n_modes)
    line = {"summary": True, "dist": args.dist, "steps": args.steps, "seeds": seeds, "n_modes": n_modes,
            "methods": summary, "config": config, "command": f"{PROG} " + shlex.join(args.argv), "machine": _machine()}
    if args.out is not None:  # the summary last, as the mode-collapse page reads it (lessons/published.py)
        with open(args.out, "a") as file:
            file.write(json.dumps(line) + "\n")
    if args.json:
        _json_line(line)
        return 0
    caption = (f"{args.dist}, {args.steps} iterations, seeds {args.seeds} ({len(seeds)} runs per method), "
               f"measured on {args.n_samples} samples; base config: " + _describe(base))
    if args.markdown:
        print(f"{caption}\n\n{markdown_table(summary, n_modes)}")
    else:
        print(f"\n{caption}\n{plain_table(summary, n_modes)}")
    return 0


def sweep_command(args, parser) -> int:
    if args.steps < 1:
        parser.error(f"--steps must be >= 1 (got {args.steps})")
    if args.n_samples < 1:
        parser.error(f"--n-samples must be >= 1 (got {args.n_samples})")
    check_sweep_arguments(args, parser)
    try:
        grid, seeds = parse_grid(args.grid), parse_seeds(args.seeds)
        base = config_from(args, seed=seeds[0], remedy=args.remedy)
        jobs = grid_jobs(base, grid, seeds, args.steps, args.n_samples)
        resolve_device(base.validate().device)
    except ValueError as err:
        parser.error(str(err))
    header = {"kind": "sweep", "base": {k: v for k, v in base.to_dict().items() if k != "seed"}, "steps": args.steps,
              "n_samples": args.n_samples, "command": f"{PROG} " + shlex.join(args.argv), "machine": _machine()}
    modes = has_modes(get_distribution(args.dist))

    def describe(row) -> str:
        cell = ", ".join(f"{name}={row[name]:g}" if isinstance(row[name], float) else f"{name}={row[name]}"
                         for name in grid)
        measured = f"modes {row['modes']}, HQ {row['hq']:.3f}, " if modes else ""
        warn = "  DIVERGED" if row["diverged"] else ""
        return f"{cell}, seed {row['seed']}: {measured}JSD {row['jsd']:.4f}, {row['seconds']:.1f} s{warn}"

    rows = run_all(jobs, args, parser, header, describe, prog=PROG)
    cells = summarise_cells(rows, list(grid))
    print(f"{args.dist}, {args.steps} iterations, seeds {args.seeds}, {len(rows)} runs in {args.out}; base config: "
          + _describe(base))
    print(_sweep_table(cells, list(grid), modes))
    return 0


def _sweep_table(cells: list[dict], fields: list[str], modes: bool) -> str:
    """One line per cell: its values, then the means over seeds and the runs that diverged."""
    head = [*fields, "runs", *(["modes", "HQ"] if modes else []), "JSD", "diverged"]
    lines = [head]
    for cell in cells:
        values = [f"{cell[f]:g}" if isinstance(cell[f], float) else str(cell[f]) for f in fields]
        measured = [f"{cell['modes_mean']:.1f}", f"{cell['hq_mean']:.2f}"] if modes else []
        jsd = "nan" if cell["jsd_mean"] is None else f"{cell['jsd_mean']:.4f}"
        lines.append([*values, str(cell["runs"]), *measured, jsd, f"{cell['diverged']}/{cell['runs']}"])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(line, widths)) for line in lines)


def _machine() -> str:
    """Where the timings come from: CPU model, cores, torch version and threads."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as file:
            cpu = next(line.split(":", 1)[1].strip() for line in file if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, torch {torch.__version__} with {torch.get_num_threads()} thread(s)"


def _describe(config: TrainConfig) -> str:
    """The base config in one line: the fields a reader needs to rerun it."""
    return (f"{config.loss}, k={config.k}, {config.optimizer} lr_d={config.lr_d:g} lr_g={config.lr_g:g}, "
            f"batch={config.batch}, z_dim={config.z_dim}, prior={config.prior}, width={config.width}, "
            f"depth={config.depth}, unroll={config.unroll}, pack={config.pack}" + _describe_decay(config)
            + (f", {config.sampling} minibatches" if config.sampling != "random" else "")
            + (f", D's input {config.d_input}" if config.d_input != "raw" else ""))


def _describe_decay(config: TrainConfig) -> str:
    if not config.decay_end:
        return ""
    return (f", learning rates decaying linearly to {config.decay_floor:g}x from step {config.decay_start} "
            f"to step {config.decay_end}")


def _measure(trainer, n_samples: int) -> dict:
    """The metrics row, recorded in the trainer's history: p_g exact from G in 1D (take_snapshot), estimated from
    ``n_samples`` samples in 2D (metrics_2d)."""
    row = take_snapshot(trainer).metrics if trainer.target.dim == 1 else metrics_2d(trainer, n_samples)
    trainer.record(row)
    return row


def _check_writable(path: str, parser, flag: str = "--save-samples") -> None:
    """Refuse, before training, an output path that cannot be written."""
    folder = os.path.dirname(path) or "."
    if os.path.isdir(path):
        example = os.path.join(path, {"--save-samples": "samples.npy", "--save": "run.ganviz"}.get(flag, "run.html"))
        parser.error(f"{flag} {path} is a folder; give a file name such as {example}")
    if not os.path.isdir(folder):
        parser.error(f"{flag}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        parser.error(f"{flag}: the folder {folder} is not writable")


EXPORTS = (".html", ".gif", ".mp4", ".csv")  # all but .csv draw the recorded frames


def _frame(trainer):
    """A drawable snapshot for the replay; it adds no row to the metrics history (the printed rows are the history)."""
    if trainer.target.dim == 1:
        return take_snapshot(trainer)
    return take_snapshot_2d(trainer)


def _write_exports(paths: list[str], trainer, recorder) -> None:
    config = trainer.config
    title = f"ganviz: {config.dist}, {config.loss}, k={config.k}, seed {config.seed}"
    for path in paths:
        content = _export(os.path.splitext(path)[1].lower(), trainer, recorder, title)
        with open(path, "wb") as file:
            file.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        print(f"wrote {path}", file=sys.stderr)


def _export(suffix: str, trainer, recorder, title: str) -> str | bytes:
    """The content of an --export file, by its suffix (see EXPORTS)."""
    # The plotting libraries load only when an export is asked for.
    if suffix == ".csv":
        from ..files.export import metrics_csv
        return metrics_csv(trainer.history)
    if suffix in (".gif", ".mp4"):
        from ..views.video import gif_bytes, mp4_bytes
        return (gif_bytes if suffix == ".gif" else mp4_bytes)(recorder.frames, title=title)
    from ..files.export import replay_html
    from ..views.figure1 import figure1
    from ..views.figure2d import figure2d
    from ..views.replay import replay_figure

    draw = (lambda s: figure1(s, show_d_star=True)) if trainer.target.dim == 1 else figure2d
    return replay_html(replay_figure(recorder.frames, draw, title=title), title=title)


def _clean(v):
    return None if isinstance(v, float) and not math.isfinite(v) else v


def _json_line(row: dict) -> None:
    print(json.dumps({k: _clean(v) for k, v in row.items()}), flush=True)


def _cell(value) -> str:
    """``value`` right-aligned in CELL characters, at least one of them a space: 4 decimals, or scientific notation
    (as many significant digits as fit) where those would not fit."""
    if isinstance(value, int):
        text = str(value)
    else:
        text = f"{value:.4f}"
        for digits in range(3, -1, -1):
            if len(text) < CELL:
                break
            text = f"{value:.{digits}e}"
    return " " + text if len(text) >= CELL else text.rjust(CELL)


def _table_row(row: dict, columns=COLUMNS) -> None:
    print("".join(_cell(row[c]) for c in columns), flush=True)
