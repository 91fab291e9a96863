"""``python -m ganviz bench``: how fast training, frames and MNIST sampling are on this machine.

Everything is measured in one run, on one device, as medians over repetitions:

1. **Training** -- Algorithm-1 iterations per second (k = 1) of the project's
   ``Trainer`` and of the plain reference loop (``reference.py``: separate
   forward passes, BCELoss on sigmoid outputs, a fresh z for each step) on the
   same networks, data and optimizer, for the Figure 1 page's setting and for
   ring8 at batch 256 with two hidden layers of 128. The two loops take turns,
   repetition by repetition, so a busy machine slows both alike. The trainer
   runs in chunks of ``CHUNK`` iterations, the Figure 1 page's default
   iterations per frame, divergence guard included.
   *FLOPs*: the matrix products of one iteration, counted analytically
   (``iteration_flops``), divided by the time, against the machine's peak
   measured here by a large float32 matrix product (``peak_flops``) on the
   threads torch uses and on all cores.
   *Stacked*: ``STACK`` runs of the Figure 1 page's and the 2D page's settings
   trained together as the server's pool trains its students' runs
   (``core.together``, in the pool's chunks of ``TRAIN_CHUNK`` iterations),
   iterations per second of each run, against each of them taking turns (one
   run alone in the same chunks, its rate divided by ``STACK``).
2. **Frames** -- one frame of each live page: the metrics and picture
   (``take_snapshot`` / ``take_snapshot_2d``), then building the figure and
   the history chart and serialising both as the live chart sends them
   (``figure_json``); bytes are what goes on the wire for the two charts. The
   history has ``HISTORY_ROWS`` rows (thinned by the chart to 300 points).
3. **MNIST** -- with the shipped generator and the MNIST page's own code:
   sampling 64 images and rendering them as one picture (``mnist.render.grid``),
   and the nearest training images (Euclidean, pixel space) of 10 samples among
   60,000 (``mnist.nearest``), MNIST's own when its folder is found, else
   random images ("synthetic": the search costs the same).

What a student sees in the browser (frames and iterations per second while a
page trains, seconds to a new tab's first frame, how fast a toggle or a slider
answers) is measured in a real headless Chromium against ``streamlit run
app.py`` by ``tools/measure_page.py``; its docstring gives the method,
docs/performance.md the figures.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from dataclasses import dataclass, replace

import numpy as np
import torch

from ..core.autodevice import faster
from ..core.device import resolve_device
from ..views.figure1 import figure1, history_figure
from ..views.figure2d import figure2d, history_figure_2d
from ..measure.modes import has_modes
from ..core.reference import ReferenceRun
from ..core.together import train_together
from ..frames.session import TRAIN_CHUNK
from ..frames.snapshot import take_snapshot
from ..frames.snapshot2d import take_snapshot_2d
from ..core.config import TrainConfig
from ..core.trainer import Trainer, synchronize
from ..views.wire import figure_json

CHUNK = 20  # iterations per frame, the Figure 1 page's default
STACK = 10  # runs trained together in the "stacked" rows: a lab of ten students on one server (frames/pool.py)
HISTORY_ROWS = 600  # a long run's history (the charts thin it to 300 points)
SETTINGS = {  # the Figure 1 page's defaults, and ring8 as on the 2D page but 2 x 128 wide (more work per step)
    "figure1": TrainConfig(dist="gaussian", loss="nonsaturating", optimizer="sgd", lr_d=0.05, lr_g=0.05,
                           momentum=0.5, batch=128, prior="uniform", width=32, depth=2, seed=0),
    "ring8": TrainConfig(dist="ring8", loss="nonsaturating", optimizer="adam", lr_d=1e-3, lr_g=1e-3, batch=256,
                         prior="uniform", z_dim=2, width=128, depth=2, seed=0),
}
TWO_D_PAGE = replace(SETTINGS["ring8"], width=64)  # the 2D page's defaults (pages/two_d.py)


@dataclass
class Plan:
    """How much to measure: repetitions of each timing and the iterations per training repetition."""

    reps: int = 15
    train_chunks: int = 5  # chunks of CHUNK iterations per training repetition
    peak_size: int = 2048


QUICK = Plan(reps=2, train_chunks=1, peak_size=256)


def median_time(work, reps: int) -> float:
    """Median wall-clock seconds of ``work()`` over ``reps`` calls, after one call to warm up."""
    return median_times(work, reps)[0]


def median_times(work, reps: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (this process's) of ``work()`` over ``reps`` calls, after one to warm up.

    On a machine shared with other jobs the wall clock includes waiting for a
    core; the CPU time is what the work itself costs.
    """
    work()
    wall, cpu = [], []
    for _ in range(reps):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


# ----- 1. training ---------------------------------------------------------------------
def mlp_flops(n_in: int, n_out: int, width: int, depth: int, batch: int) -> int:
    """Multiply-adds x 2 of one forward pass of ``models.mlp`` on ``batch`` rows."""
    sizes = [n_in] + [width] * depth + [n_out]
    return 2 * batch * sum(a * b for a, b in zip(sizes, sizes[1:]))


def iteration_flops(config: TrainConfig, x_dim: int) -> int:
    """Matrix-product FLOPs of one Algorithm-1 iteration, counted the same for both loops.

    A backward pass costs twice its forward (gradients of the inputs and of
    the weights). D's step: G forward on m noise vectors (no gradient), D
    forward and backward on m real and m fake samples. G's step: G forward and
    backward, D forward and backward to its input (its weights need no
    gradient): twice a forward. So per iteration with k D steps:
    k * (G + 3 D(2m)) + 3 G + 2 D, where G and D are forward passes on m rows.
    """
    m = config.batch
    g = mlp_flops(config.z_dim, x_dim, config.width, config.depth, m)
    d = mlp_flops(x_dim, 1, config.width, config.depth, m)
    return config.k * (g + 3 * 2 * d) + 3 * g + 2 * d


def peak_flops(size: int, device, threads: int | None = None) -> float:
    """FLOP/s of a ``size`` x ``size`` float32 matrix product, measured (median of 5), on ``threads`` CPU threads."""
    before = torch.get_num_threads()
    if threads:
        torch.set_num_threads(threads)
    try:
        a = torch.randn(size, size, device=device)
        b = torch.randn(size, size, device=device)

        def work():
            a @ b
            synchronize(device)

        return 2 * size**3 / median_time(work, 5)
    finally:
        torch.set_num_threads(before)


def alternating(works: dict, reps: int) -> tuple[dict, dict]:
    """Each of ``works`` (name: callable) once to warm up, then ``reps`` rounds of all of them in turn, so a busy
    machine slows each alike; returns the wall-clock and CPU seconds of every call, by name."""
    for work in works.values():
        work()
    wall, cpu = {name: [] for name in works}, {name: [] for name in works}
    for _ in range(reps):
        for name, work in works.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            work()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return wall, cpu


def training_rates(config: TrainConfig, plan: Plan, device) -> dict:
    """Iterations per second of the Trainer and of the reference loop, alternating repetitions."""
    config = replace(config, device=str(device))
    iterations = CHUNK * plan.train_chunks
    trainer, plain = Trainer(config), ReferenceRun(config)  # the same start: weights, data, random numbers

    def ours():
        for _ in range(plan.train_chunks):
            trainer.train(CHUNK)
        synchronize(device)

    def reference():
        plain.train(iterations)
        synchronize(device)

    wall, cpu = alternating({"ours": ours, "reference": reference}, plan.reps)
    rate = {name: iterations / statistics.median(t) for name, t in wall.items()}
    rate_cpu = {name: iterations / statistics.median(t) for name, t in cpu.items()}
    return {"trainer": rate["ours"], "reference": rate["reference"], "ratio": rate["ours"] / rate["reference"],
            "trainer_cpu": rate_cpu["ours"], "reference_cpu": rate_cpu["reference"],
            "ratio_cpu": rate_cpu["ours"] / rate_cpu["reference"],
            "flops_per_iteration": iteration_flops(config, trainer.target.dim),
            "weight_gap": weight_gap(trainer, plain)}


def stacked_rates(config: TrainConfig, plan: Plan, device) -> dict:
    """Iterations per second of each of ``STACK`` runs of ``config`` (seeds 0 to STACK - 1) trained together in
    chunks of ``TRAIN_CHUNK`` on one thread, and of each of ``STACK`` runs taking turns (one run's rate / STACK);
    alternating repetitions."""
    config = replace(config, device=str(device))
    runs = [Trainer(replace(config, seed=seed)) for seed in range(STACK)]
    for trainer in runs:
        trainer.train(1)  # a run stacks after its first step (its optimizer's state)
    chunks = max(1, CHUNK * plan.train_chunks // TRAIN_CHUNK)

    def together():
        for _ in range(chunks):
            train_together(runs, TRAIN_CHUNK)
        synchronize(device)

    def alone():
        for _ in range(chunks):
            runs[0].train(TRAIN_CHUNK)
        synchronize(device)

    wall, cpu = alternating({"together": together, "alone": alone}, plan.reps)
    # Each of the STACK runs trains ``iterations`` in a "together" repetition; taking turns on one core, ten runs
    # alone would each get a tenth of one run's rate.
    iterations = chunks * TRAIN_CHUNK
    rates = {}
    for clock, times in (("", wall), ("_cpu", cpu)):
        rates[f"together{clock}"] = iterations / statistics.median(times["together"])
        rates[f"alone{clock}"] = iterations / statistics.median(times["alone"]) / STACK
    return rates


def weight_gap(trainer: Trainer, plain: ReferenceRun) -> float:
    """The largest difference of any weight between the two timed runs. Both trained the same iterations from the
    same start on the same random numbers, so it is float rounding, which a run's dynamics can amplify over many
    iterations (ring8 at 2 x 128, m = 256: 6e-4 after the quick bench's 60 iterations, 0.15 after 200; Figure 1:
    1e-7 after 60). The quick bench's test checks it: a reference loop doing other work is 0.01 to 0.1 away."""
    pairs = zip((*trainer.G.parameters(), *trainer.D.parameters()), (*plain.G.parameters(), *plain.D.parameters()))
    with torch.no_grad():
        return max(float((a - b).abs().max()) for a, b in pairs)


# ----- 2. frames -----------------------------------------------------------------------
def _history(trainer, rows: int) -> list:
    """``rows`` metrics rows shaped like the trainer's latest one (steps spaced by CHUNK): the cost of a full chart."""
    last = trainer.history[-1]
    return [dict(last, step=i * CHUNK) for i in range(rows)]


def frame_cost(page: str, plan: Plan, device) -> dict:
    """Milliseconds of the metrics + picture and of building + serialising both charts, and the bytes of one frame."""
    if page == "figure1":
        trainer = Trainer(replace(SETTINGS["figure1"], device=str(device)))
        snapshot = lambda: take_snapshot(trainer)  # noqa: E731
        charts = lambda snap, history: (figure1(snap, show_d_star=True), history_figure(history))  # noqa: E731
    else:
        trainer = Trainer(replace(TWO_D_PAGE, device=str(device)))
        n_modes = len(trainer.target.means) if has_modes(trainer.target) else None
        snapshot = lambda: take_snapshot_2d(trainer)  # noqa: E731
        charts = lambda snap, history: (figure2d(snap), history_figure_2d(history, n_modes))  # noqa: E731
    trainer.train(CHUNK * plan.train_chunks)
    trainer.record(snapshot().metrics)  # one recorded row for the history
    history = _history(trainer, HISTORY_ROWS)
    snap = snapshot()

    def build():
        return [figure_json(fig) for fig in charts(snap, history)]

    metrics_s, metrics_cpu = median_times(snapshot, plan.reps)
    build_s, build_cpu = median_times(build, plan.reps)
    wire = [len(json.dumps(text)) for text in build()]  # each figure travels as a JSON string in the chart's data
    return {"metrics_ms": 1000 * metrics_s, "build_ms": 1000 * build_s, "ms": 1000 * (metrics_s + build_s),
            "cpu_ms": 1000 * (metrics_cpu + build_cpu),
            "bytes_figure": wire[0], "bytes_history": wire[1], "bytes": sum(wire)}


# ----- 3. MNIST --------------------------------------------------------------------------
def mnist_cost(plan: Plan, device) -> dict:
    """The MNIST page's two costs, through the page's own code: the shipped generator (``ganviz.mnist``) samples
    64 images and ``render.grid`` draws them as one picture; ``nearest.nearest`` finds the nearest of 60,000
    training images for 10 samples. The training images are MNIST's when a data folder is found
    (``GANVIZ_MNIST_DIR``), else 60,000 random images: the search costs the same, whatever the pixels."""
    from ..mnist import idx, load_generator, nearest, render  # noqa: PLC0415

    generator = load_generator(with_discriminator=False)
    if idx.has_data():
        train, images = idx.load_split("train", verify=False).images, "MNIST"
    else:
        train, images = np.random.default_rng(1).integers(0, 256, (60_000, 28, 28), dtype=np.uint8), "synthetic (random)"
    queries = generator.sample(10, 0)

    def sample_and_render():
        render.grid(generator.sample(64, 0), cols=8)

    return {"sample64_ms": 1000 * median_time(sample_and_render, plan.reps),
            "nn10_ms": 1000 * median_time(lambda: nearest.nearest(queries, train), plan.reps),
            "source": "shipped", "train_images": images}


# ----- the whole run -----------------------------------------------------------------
def run(device_name: str = "auto", quick: bool = False) -> dict:
    """Measure everything on ``device_name``; a flat dict, the one ``--json`` prints."""
    plan = QUICK if quick else Plan()
    device = resolve_device(device_name)
    threads = torch.get_num_threads()
    result = {"device": str(device), "quick": quick, "torch_threads": threads, "cpu_cores": os.cpu_count(),
              "repetitions": plan.reps, "torch": torch.__version__, "peak_size": plan.peak_size,
              "load_average_1min": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}
    result["peak_gflops_torch_threads"] = peak_flops(plan.peak_size, device) / 1e9
    result["peak_gflops_all_cores"] = (peak_flops(plan.peak_size, device, os.cpu_count()) / 1e9
                                       if device.type == "cpu" else result["peak_gflops_torch_threads"])
    # The machine's peak: the best the matmul reached (on a busy machine more threads can do worse than one).
    result["peak_gflops"] = max(result["peak_gflops_torch_threads"], result["peak_gflops_all_cores"])
    for name, config in SETTINGS.items():
        rates = training_rates(config, plan, device)
        gflops = rates["trainer"] * rates["flops_per_iteration"] / 1e9
        result.update({
            f"train_iters_per_s_{name}": rates["trainer"],
            f"reference_iters_per_s_{name}": rates["reference"],
            f"train_ratio_{name}": rates["ratio"],
            f"train_weight_gap_{name}": rates["weight_gap"],
            f"train_iters_per_cpu_s_{name}": rates["trainer_cpu"],
            f"reference_iters_per_cpu_s_{name}": rates["reference_cpu"],
            f"train_ratio_cpu_{name}": rates["ratio_cpu"],
            f"flops_per_iteration_{name}": rates["flops_per_iteration"],
            f"train_gflops_{name}": gflops,
            f"peak_share_{name}": gflops / result["peak_gflops"],
            f"peak_share_torch_threads_{name}": gflops / result["peak_gflops_torch_threads"],
        })
    for name, config in (("figure1", SETTINGS["figure1"]), ("2d", TWO_D_PAGE)):
        rates = stacked_rates(config, plan, device)
        result.update({f"stacked_iters_per_s_{name}": rates["together"], f"alone_iters_per_s_{name}": rates["alone"],
                       f"stacked_gain_{name}": rates["together"] / rates["alone"],
                       f"stacked_gain_cpu_{name}": rates["together_cpu"] / rates["alone_cpu"]})
    if device.type != "cpu":  # the same settings on the CPU, to say which device trains each one faster
        for name, config in SETTINGS.items():
            cpu_rate = training_rates(config, plan, torch.device("cpu"))["trainer"]
            result[f"cpu_iters_per_s_{name}"] = cpu_rate
            result[f"faster_device_{name}"] = faster({"cpu": cpu_rate, str(device): result[f"train_iters_per_s_{name}"]})
    for page, label in (("figure1", "figure1"), ("two_d", "2d")):
        cost = frame_cost(page, plan, device)
        result.update({f"frame_ms_{label}": cost["ms"], f"frame_cpu_ms_{label}": cost["cpu_ms"], f"frame_metrics_ms_{label}": cost["metrics_ms"],
                       f"frame_build_ms_{label}": cost["build_ms"], f"frame_bytes_{label}": cost["bytes"],
                       f"frame_bytes_figure_{label}": cost["bytes_figure"],
                       f"frame_bytes_history_{label}": cost["bytes_history"]})
    mnist = mnist_cost(plan, device)
    result.update(mnist_sample64_ms=mnist["sample64_ms"], mnist_nn10_ms=mnist["nn10_ms"],
                  mnist_generator=mnist["source"], mnist_train_images=mnist["train_images"])
    return result


def table(result: dict) -> str:
    """The result as a plain-text table a person reads."""
    r = result
    lines = [
        f"ganviz bench on {r['device']} (torch {r['torch']}, {r['torch_threads']} torch thread(s), {r['cpu_cores']} cores; "
        f"medians of {r['repetitions']} repetitions{', QUICK: rough numbers' if r['quick'] else ''}; "
        f"load average {r['load_average_1min']:.1f} at the start)",
        f"peak, measured by a {r['peak_size']}x{r['peak_size']} float32 matmul: {r['peak_gflops']:.1f} GFLOP/s "
        f"({r['peak_gflops_torch_threads']:.1f} on torch's thread(s), {r['peak_gflops_all_cores']:.1f} on all cores)",
        "wall = elapsed time; cpu = this process's CPU time (what the work costs when other jobs share the cores)",
        "",
        f"{'training (k=1)':<34}{'trainer it/s':>14}{'reference it/s':>16}{'ratio':>8}{'cpu ratio':>10}"
        f"{'GFLOP/s':>9}{'of peak':>9}",
    ]
    for name, label in (("figure1", "Figure 1 (1D, 2x32, m=128, SGD)"), ("ring8", "ring8 (2x128, m=256, Adam)")):
        lines.append(f"{label:<34}{r[f'train_iters_per_s_{name}']:>14.0f}{r[f'reference_iters_per_s_{name}']:>16.0f}"
                     f"{r[f'train_ratio_{name}']:>7.2f}x{r[f'train_ratio_cpu_{name}']:>9.2f}x"
                     f"{r[f'train_gflops_{name}']:>9.2f}{100 * r[f'peak_share_{name}']:>8.1f}%")
    lines += ["", f"{f'{STACK} runs trained together':<34}{'it/s each':>14}{'in turns, each':>16}{'gain':>8}{'cpu gain':>10}"]
    for name, label in (("figure1", "Figure 1, paper's SGD (1D, 2x32)"), ("2d", "2D page (ring8, 2x64, Adam)")):
        lines.append(f"{label:<34}{r[f'stacked_iters_per_s_{name}']:>14.0f}{r[f'alone_iters_per_s_{name}']:>16.0f}"
                     f"{r[f'stacked_gain_{name}']:>7.2f}x{r[f'stacked_gain_cpu_{name}']:>9.2f}x")
    lines += ["", f"{'one frame':<34}{'metrics ms':>14}{'build+JSON ms':>16}{'wall ms':>10}{'cpu ms':>9}{'kB sent':>9}"]
    for label, name in (("Figure 1 page", "figure1"), ("2D page", "2d")):
        lines.append(f"{label:<34}{r[f'frame_metrics_ms_{name}']:>14.1f}{r[f'frame_build_ms_{name}']:>16.1f}"
                     f"{r[f'frame_ms_{name}']:>10.1f}{r[f'frame_cpu_ms_{name}']:>9.1f}{r[f'frame_bytes_{name}'] / 1000:>9.1f}")
    for name in SETTINGS:
        if f"faster_device_{name}" in r:
            lines.append(f"{name} on the CPU: {r[f'cpu_iters_per_s_{name}']:.0f} it/s; faster here: {r[f'faster_device_{name}']}")
    lines += ["", f"MNIST ({r['mnist_generator']} generator, {r['mnist_train_images']} training images):",
              f"  sample and render 64 images: {r['mnist_sample64_ms']:.1f} ms; "
              f"nearest of 10 samples among 60,000: {r['mnist_nn10_ms']:.1f} ms"]
    return "\n".join(lines)
