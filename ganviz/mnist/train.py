"""Algorithm 1 on MNIST: trains the shipped generator and discriminator, resumable from its checkpoint.

Recipe (a known-good one for MLP GANs on MNIST, not the paper's SGD + maxout one):
non-saturating loss, k = 1, Adam (lr 2e-4, betas 0.5 and 0.999) for both players,
minibatches of 64 drawn with replacement from train[0:50000] (the paper's split:
train[50000:51000] stays unseen for choosing the Parzen width), pixels scaled to
[-1, 1]; G 100 -> 256 -> 512 -> 1024 -> 784, D 784 -> 1024 -> 512 -> 256 -> 1. The
shipped generator is an exponential moving average of G's weights (decay
min(0.9999, (1 + t) / (10 + t)) at step t: it averages about the last t / 9 steps),
which removes most of the pixel noise a single Adam iterate carries; 40,000 steps.

Everything lands in ``out``: ``checkpoint.safetensors`` (both networks, the EMA,
both optimizers' states and the random generators (on the CPU: D's dropout draws from torch's
global generator, which is saved too; on CUDA only the noise generator is): a rerun with the same ``out``
resumes exactly where the last checkpoint left off), and the files the app ships:
``generator.safetensors`` (the EMA generator, float16), ``discriminator.safetensors``
(float16), ``progress.safetensors`` (one fixed noise batch rendered at several steps,
uint8) and ``card.json``.
"""

from __future__ import annotations

import copy
import json
import os
import platform
import sys
import time
import warnings
from dataclasses import asdict, dataclass

import numpy as np
import torch
import torch.nn.functional as F

from ganviz.core.device import resolve_device

from .idx import load_split
from .models import (D_WIDTHS, G_WIDTHS, ConvDiscriminator, ConvGenerator, MnistDiscriminator, MnistGenerator,
                     from_uint8, latents, to_pixels)
from .weights import (CARD_FILE, DISCRIMINATOR_FILE, GENERATOR_FILE, PROGRESS_FILE, read_tensors, write_network,
                      write_tensors)

CHECKPOINT_FILE = "checkpoint.safetensors"
PROGRESS_SEED = 1234  # the fixed noise batch of the progress frames
FRAME_STEPS = (0, 100, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000)


class RecipeError(ValueError):
    """The checkpoint to resume from was made with other settings."""


@dataclass(frozen=True)
class MnistTrainConfig:
    """What defines a run. Only ``steps`` may change when a run is resumed."""

    steps: int = 40_000
    batch: int = 64
    lr: float = 2e-4
    beta1: float = 0.5
    ema: float = 0.9999
    seed: int = 0
    train_images: int = 50_000  # train[0:train_images]; the paper trains on train[0:50000]
    progress_n: int = 64  # samples per progress frame
    g_widths: tuple[int, ...] = G_WIDTHS  # G's hidden layers (arch "mlp")
    d_widths: tuple[int, ...] = D_WIDTHS  # D's hidden layers (arch "mlp")
    arch: str = "mlp"  # "mlp": the paper's kind of nets (models.MnistGenerator); "conv": the small DCGAN pair
    channels: int = 16  # arch "conv": the channels of G's last and D's first convolution
    conv_z_dim: int = 32  # arch "conv": the dimension of z (the MLP's is models.Z_DIM, 100)

    def validate(self) -> "MnistTrainConfig":
        if self.steps < 1 or self.batch < 1 or self.train_images < 1 or self.progress_n < 1:
            raise ValueError("steps, batch, train_images and progress_n must be >= 1")
        if not (self.lr > 0 and 0 <= self.beta1 < 1 and 0 <= self.ema < 1):
            raise ValueError("need lr > 0, 0 <= beta1 < 1 and 0 <= ema < 1")
        if not self.g_widths or not self.d_widths or min(*self.g_widths, *self.d_widths) < 1:
            raise ValueError("g_widths and d_widths need at least one layer, each of width >= 1")
        if self.arch not in ("mlp", "conv") or self.channels < 1 or self.conv_z_dim < 1:
            raise ValueError(f"arch must be mlp or conv (got {self.arch!r}), channels and conv_z_dim >= 1")
        if self.train_images > 60_000:
            raise ValueError(f"train_images must be <= 60000 (got {self.train_images})")
        return self


class MnistTrainer:
    """One training run: ``run(out)`` trains to ``config.steps``, checkpointing every ``checkpoint_every`` steps."""

    def __init__(self, config: MnistTrainConfig, data: str | None = None, device: str = "auto",
                 images: np.ndarray | None = None, fused_adam: bool = False):
        """Trains on train[0:config.train_images] of the MNIST folder ``data``, or on ``images`` (uint8
        (n, 28, 28), e.g. the shipped subset, ``idx.load_subset``) when given. ``fused_adam``: torch's fused Adam
        kernel (the same update up to rounding, in one pass over a network's weights instead of a dozen small
        operations per weight tensor; the live mode's small MLPs train about 1.3x faster with it on a CPU)."""
        self.config = config.validate()
        self.device = resolve_device(device)
        torch.manual_seed(config.seed)  # the networks' initial weights
        if config.arch == "conv":
            self.g = ConvGenerator(config.conv_z_dim, config.channels).to(self.device)
            self.d = ConvDiscriminator(config.channels).to(self.device)
        else:
            self.g = MnistGenerator(widths=config.g_widths).to(self.device)
            self.d = MnistDiscriminator(widths=config.d_widths).to(self.device)
        self.g_ema = copy.deepcopy(self.g).eval()
        betas = (config.beta1, 0.999)
        fused = {"fused": True} if fused_adam else {}
        self.opt_g = torch.optim.Adam(self.g.parameters(), lr=config.lr, betas=betas, **fused)
        self.opt_d = torch.optim.Adam(self.d.parameters(), lr=config.lr, betas=betas, **fused)
        self.rng_data = torch.Generator().manual_seed(config.seed + 1)
        self.rng_z = torch.Generator(device=self.device).manual_seed(config.seed + 2)
        if images is None:
            images = load_split("train", data).images[: config.train_images]
        # Kept as uint8 and scaled per minibatch: on the CPU the tensor shares the array's memory, so the page's
        # sessions that train on the same cached images hold one copy of them between them, not 31 MB each.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # a read-only array (a cache's): it is never written
            self.data = torch.as_tensor(np.asarray(images, dtype=np.uint8)).to(self.device)
        self.fixed_z = latents(config.progress_n, PROGRESS_SEED, self.g.z_dim).to(self.device)
        self.step, self.seconds = 0, 0.0
        self.frames: list[np.ndarray] = []
        self.frame_steps: list[int] = []
        self.last = {}

    # --- Algorithm 1 -------------------------------------------------------------------------------
    def train_step(self) -> dict:
        """One iteration: one D step on a real and a fake minibatch, one G step (non-saturating), the EMA."""
        m = self.config.batch
        real = from_uint8(self.data[torch.randint(len(self.data), (m,), generator=self.rng_data).to(self.device)])
        z = torch.randn(m, self.g.z_dim, generator=self.rng_z, device=self.device)
        fake = self.g(z)
        real_logit, fake_logit = self.d(real), self.d(fake.detach())
        d_loss = (F.binary_cross_entropy_with_logits(real_logit, torch.ones_like(real_logit))
                  + F.binary_cross_entropy_with_logits(fake_logit, torch.zeros_like(fake_logit)))
        self.opt_d.zero_grad(set_to_none=True)
        d_loss.backward()
        self.opt_d.step()
        g_logit = self.d(fake)
        g_loss = F.binary_cross_entropy_with_logits(g_logit, torch.ones_like(g_logit))
        self.opt_g.zero_grad(set_to_none=True)
        g_loss.backward()
        self.opt_g.step()
        self.step += 1
        self._update_ema()
        return {"d_loss": d_loss.item(), "g_loss": g_loss.item(),
                "d_real": torch.sigmoid(real_logit).mean().item(), "d_fake": torch.sigmoid(fake_logit).mean().item()}

    @torch.no_grad()
    def _update_ema(self) -> None:
        decay = ema_decay(self.config.ema, self.step)
        for ema, live in zip(self.g_ema.parameters(), self.g.parameters()):
            ema.lerp_(live, 1 - decay)
        for ema, live in zip(self.g_ema.buffers(), self.g.buffers()):  # batch norm's running statistics
            ema.copy_(live)

    @torch.no_grad()
    def render_fixed(self) -> np.ndarray:
        """The EMA generator on the fixed noise batch, as uint8 images (n, 28, 28)."""
        return np.rint(to_pixels(self.g_ema(self.fixed_z)).cpu().numpy() * 255).astype(np.uint8)

    # --- the run ------------------------------------------------------------------------------------
    def run(self, out: str, checkpoint_every: int = 1000, progress=None) -> dict:
        """Train until ``config.steps``, resuming from ``out``'s checkpoint if there is one; returns the card."""
        os.makedirs(out, exist_ok=True)
        if os.path.exists(os.path.join(out, CHECKPOINT_FILE)):
            self.resume(out)
        if self.step > self.config.steps:
            raise RecipeError(f"{os.path.join(out, CHECKPOINT_FILE)} is already at step {self.step}, past "
                              f"--steps {self.config.steps}")
        if self.step == 0 and not self.frame_steps:
            self._record_frame()
        bar = ProgressBar(self.config.steps, self.step, progress or sys.stderr)
        start = time.perf_counter()
        while self.step < self.config.steps:
            self.last = self.train_step()
            if self.step in FRAME_STEPS:
                self._record_frame()
            done = self.step == self.config.steps
            if done and self.frame_steps[-1] != self.step:
                self._record_frame()
            bar.update(self.step, self.last)
            if done or self.step % checkpoint_every == 0:
                self.seconds += time.perf_counter() - start
                start = time.perf_counter()
                self.save(out)
        bar.close()
        if self.frame_steps[-1] != self.step:  # resumed at exactly --steps: a run stopped early, now made final
            self._record_frame()
            self.save(out)
        return self.card()

    def _record_frame(self) -> None:
        self.frames.append(self.render_fixed())
        self.frame_steps.append(self.step)

    # --- checkpoints -------------------------------------------------------------------------------
    def save(self, out: str) -> None:
        """Write the checkpoint and the shippable files (generator, discriminator, progress, card) to ``out``."""
        tensors = {**prefixed("g.", self.g.state_dict()), **prefixed("d.", self.d.state_dict()),
                   **prefixed("ema.", self.g_ema.state_dict()),
                   **optimizer_tensors("opt_g.", self.opt_g), **optimizer_tensors("opt_d.", self.opt_d),
                   "rng_data": self.rng_data.get_state(), "rng_z": self.rng_z.get_state().cpu(),
                   "rng_dropout": torch.get_rng_state(),
                   "frames": torch.from_numpy(np.stack(self.frames)),
                   "frame_steps": torch.tensor(self.frame_steps, dtype=torch.int64)}
        info = {"step": self.step, "seconds": self.seconds, "config": asdict(self.config)}
        write_tensors(os.path.join(out, CHECKPOINT_FILE), tensors, info)
        write_network(os.path.join(out, GENERATOR_FILE), self.g_ema, step=self.step)
        write_network(os.path.join(out, DISCRIMINATOR_FILE), self.d, step=self.step)
        write_tensors(os.path.join(out, PROGRESS_FILE),
                      {"frames": tensors["frames"], "steps": tensors["frame_steps"]},
                      {"seed": PROGRESS_SEED, "note": "the EMA generator on one fixed noise batch at these steps"})
        card_path = os.path.join(out, CARD_FILE)
        card = self.card()
        if os.path.exists(card_path):  # keep the evaluation an earlier `mnist eval` added
            with open(card_path, encoding="utf-8") as file:
                old = json.load(file)
            card = {**old, **card}
        with open(card_path, "w", encoding="utf-8") as file:
            json.dump(card, file, indent=2)
            file.write("\n")

    def resume(self, out: str) -> None:
        """Load ``out``'s checkpoint; RecipeError if it was made with a different recipe."""
        path = os.path.join(out, CHECKPOINT_FILE)
        tensors, info = read_tensors(path)
        saved = {k: v for k, v in info.get("config", {}).items() if k != "steps"}
        mine = {k: v for k, v in json.loads(json.dumps(asdict(self.config))).items() if k != "steps"}
        if saved != mine:
            diff = {k: (saved.get(k), v) for k, v in mine.items() if saved.get(k) != v}
            raise RecipeError(f"{path} was made with a different recipe {diff}; use another --out or the same flags")
        self.g.load_state_dict(unprefixed("g.", tensors))
        self.d.load_state_dict(unprefixed("d.", tensors))
        self.g_ema.load_state_dict(unprefixed("ema.", tensors))
        load_optimizer(self.opt_g, "opt_g.", tensors, self.device)
        load_optimizer(self.opt_d, "opt_d.", tensors, self.device)
        self.rng_data.set_state(tensors["rng_data"])
        self.rng_z.set_state(tensors["rng_z"].to(self.rng_z.get_state().device))
        if "rng_dropout" in tensors:  # D's dropout draws from torch's global generator
            torch.set_rng_state(tensors["rng_dropout"])
        self.frames = list(tensors["frames"].numpy())
        self.frame_steps = [int(s) for s in tensors["frame_steps"]]
        self.step, self.seconds = int(info["step"]), float(info["seconds"])

    def card(self) -> dict:
        """The model card's training part: architecture, data, recipe, length, time and machine."""
        c = self.config
        ema = (f"shipped: EMA of the weights (decay min({c.ema}, (1 + t) / (10 + t)) at step t: "
               f"{ema_decay(c.ema, self.step):.5f} at the end), float16")
        if c.arch == "conv":
            nets = {"model": "DCGAN-style conv GAN (ganviz.mnist.models.ConvGenerator / ConvDiscriminator)",
                    "generator": f"z {self.g.z_dim}-d N(0, I) -> linear {2 * c.channels}x7x7, batch norm, ReLU -> "
                                 f"transposed conv {c.channels}x14x14, batch norm, ReLU -> transposed conv 1x28x28 "
                                 f"tanh; {ema}",
                    "discriminator": f"conv {c.channels}x14x14 LeakyReLU(0.2) -> conv {2 * c.channels}x7x7, batch "
                                     "norm, LeakyReLU(0.2) -> 1 logit; shipped: the last iterate, float16"}
        else:
            nets = {"model": "MLP GAN (ganviz.mnist.models)",
                    "generator": f"z {self.g.z_dim}-d N(0, I) -> {' -> '.join(map(str, self.g.widths))} "
                                 f"LeakyReLU(0.2) -> 784 tanh; {ema}",
                    "discriminator": f"784 -> {' -> '.join(map(str, self.d.widths))} LeakyReLU(0.2), dropout "
                                     f"{self.d.dropout} -> 1 logit; shipped: the last iterate, float16"}
        return {
            **nets,
            "data": f"MNIST train[0:{c.train_images}] (LeCun, Cortes, Burges; CC BY-SA 3.0), pixels scaled to [-1, 1]",
            "recipe": f"Algorithm 1, k = 1, non-saturating G loss, Adam lr {c.lr} betas ({c.beta1}, 0.999), "
                      f"batch {c.batch} drawn with replacement",
            "steps": self.step,
            "epochs": round(self.step * c.batch / c.train_images, 2),
            "seed": c.seed,
            "training_seconds": round(self.seconds, 1),
            "machine": machine(self.device),
            "config": asdict(c),
        }


def ema_decay(ema: float, step: int) -> float:
    """The EMA's decay after ``step`` steps: ``ema``, warmed up as (1 + t) / (10 + t) (it averages about the last
    t / 9 steps until that reaches 1 / (1 - ema))."""
    return min(ema, (1 + step) / (10 + step))


class ProgressBar:
    """A one-line progress bar on a terminal (a line every 10% otherwise)."""

    def __init__(self, total: int, start: int, stream):
        self.total, self.start, self.stream = total, start, stream
        self.t0 = self.last_draw = time.perf_counter()
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.next_line = start

    def update(self, step: int, row: dict) -> None:
        now = time.perf_counter()
        if self.stream is None:
            return
        if self.tty and now - self.last_draw < 0.25 and step < self.total:
            return
        if not self.tty and step < self.next_line and step < self.total:
            return
        self.last_draw = now
        self.next_line = step + max(1, self.total // 10)
        rate = (step - self.start) / max(now - self.t0, 1e-9)
        eta = (self.total - step) / rate if rate > 0 else float("inf")
        filled = int(30 * step / self.total)
        text = (f"[{'#' * filled}{'.' * (30 - filled)}] {step}/{self.total} {rate:.0f} it/s ETA {eta:.0f}s "
                f"d_loss {row['d_loss']:.3f} g_loss {row['g_loss']:.3f} D(x) {row['d_real']:.2f} "
                f"D(G(z)) {row['d_fake']:.2f}")
        print(("\r" + text) if self.tty else text, end="" if self.tty else "\n", file=self.stream, flush=True)

    def close(self) -> None:
        if self.tty and self.stream is not None:
            print(file=self.stream)


def prefixed(prefix: str, state: dict) -> dict:
    return {prefix + k: v for k, v in state.items()}


def unprefixed(prefix: str, tensors: dict) -> dict:
    return {k[len(prefix):]: v for k, v in tensors.items() if k.startswith(prefix)}


def optimizer_tensors(prefix: str, optimizer: torch.optim.Optimizer) -> dict:
    """An Adam optimizer's per-parameter state as flat named tensors (safetensors holds no nested dicts)."""
    out = {}
    for index, state in optimizer.state_dict()["state"].items():
        for name, value in state.items():
            out[f"{prefix}{index}.{name}"] = torch.as_tensor(value)
    return out


def load_optimizer(optimizer: torch.optim.Optimizer, prefix: str, tensors: dict, device) -> None:
    state: dict[int, dict] = {}
    for key, value in unprefixed(prefix, tensors).items():
        index, name = key.split(".", 1)
        state.setdefault(int(index), {})[name] = value if name == "step" else value.to(device)
    optimizer.load_state_dict({"state": state, "param_groups": optimizer.state_dict()["param_groups"]})


def machine(device: torch.device) -> str:
    """The machine in words: the GPU's name, or the CPU and torch's thread count."""
    if device.type == "cuda":
        return f"{torch.cuda.get_device_name(device)} (CUDA), torch {torch.__version__}"
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as file:
            cpu = next(line.split(":", 1)[1].strip() for line in file if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {torch.get_num_threads()} torch threads, torch {torch.__version__}"
