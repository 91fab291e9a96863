"""Many small GANs of one shape trained at once in one process (``ganviz sweep --stack N``).

The members' nets are stacked along a new first dimension (``torch.func.stack_module_state``) and run by one
``vmap`` of ``functional_call``: one pass of every layer serves every member, where one run at a time pays Python's
and torch's per-operation cost once per member. The small nets here cost far more in that overhead than in
arithmetic, so a stack trains several times more iterations per second per member (docs/performance.md).

A stack is exactly Algorithm 1 for each member: each member has its own ``Trainer`` (its seed's initial nets, its
own random generator, drawn from in the trainer's order: real samples, then noise, for each of the k D steps, then
noise for G's step), its losses are the trainer's own ``Loss`` code under ``vmap``, and Adam is the same fused kernel
``torch.optim.Adam(fused=True)`` runs, called once per run of members with the same learning rate. The numbers are
not bit-identical to one run at a time, only within float rounding (tests/sweep checks 1e-4 on the losses): the
layers of a stack are batched matrix products (``bmm``), whose sums are ordered differently from one run's
``addmm``. Over a long chaotic run the rounding can grow into visibly different samples, as two machines' runs may.

What stacks (``stackable``): the plain GAN (no remedy) with Adam and a loss that draws nothing random
(``STACKED_LOSSES``), on a named target, D seeing raw x (``d_input``); members may differ in ``VARY`` (learning
rates, seed, G's offset) and must share every other field and the number of iterations (``shape``). After training,
each member's weights go back into its ``Trainer``, whose divergence check and measurements are ``run_once``'s.
"""

from __future__ import annotations

import time
from dataclasses import asdict

import torch
import torch.nn.functional as F
from torch.func import stack_module_state, vmap

from ..core.config import CUSTOM, TrainConfig
from ..core.losses import Minimax, NonSaturating
from ..core.trainer import DivergenceError, Trainer
from ..lessons.compare import measured

VARY = ("lr_d", "lr_g", "seed", "g_offset")  # what the members of one stack may differ in
STACKED_LOSSES = ("minimax", "nonsaturating", "lsgan", "hinge")  # wgan-gp draws a random mix and takes a 2nd grad


def stackable(config: TrainConfig) -> bool:
    """Whether runs of ``config`` can be trained in a stack (see the module docstring)."""
    return (config.remedy == "none" and config.optimizer == "adam" and config.loss in STACKED_LOSSES
            and config.dist != CUSTOM and config.d_input == "raw")


def shape(config: TrainConfig, steps: int, n_samples: int) -> tuple:
    """What every member of one stack shares: every config field but ``VARY``, the iterations and the samples."""
    return (tuple((k, v) for k, v in asdict(config).items() if k not in VARY), steps, n_samples)


def train_stacked(configs: list[TrainConfig], steps: int) -> tuple[list[Trainer], list[str | None], dict]:
    """Train one ``Trainer`` per config (one ``shape``), all at once, for ``steps`` iterations of Algorithm 1.

    Returns the trainers (trained, or rolled back to their start and flagged where they diverged, as
    ``Trainer.train`` does), each one's divergence message or None, and the losses as tensors {"d": (k * steps,
    members), "g": (steps, members)}."""
    trainers = [Trainer(config) for config in configs]
    first = trainers[0]
    config, m, device = first.config, first.config.batch, first.device
    if len({t.device for t in trainers}) != 1:
        raise ValueError("the members of a stack must share one device")
    g_params, _ = stack_module_state([t.G for t in trainers])
    d_params, _ = stack_module_state([t.D for t in trainers])
    g_layers, d_layers = _layers(first.G.net), _layers(first.D.net)
    generate_all = vmap(lambda params, z: _mlp(g_layers, params, z))
    judge_all = vmap(lambda params, x: _mlp(d_layers, params, x)[:, 0])  # D's logits, (members, samples)
    d_loss_all, g_loss_all = _stacked_losses(first.loss, d_layers, judge_all, m)
    opt_d = StackedAdam(d_params, [c.lr_d for c in configs])
    opt_g = StackedAdam(g_params, [c.lr_g for c in configs])
    d_losses, g_losses = [], []
    for step in range(steps):
        scale = config.lr_scale(step)  # the learning-rate decay, shared by the stack (part of its shape)
        for _ in range(config.k):
            real = torch.stack([t.real(m) for t in trainers])
            z = torch.stack([t.noise(m) for t in trainers])
            with torch.no_grad():
                fake = generate_all(_detached(g_params), z)
            losses = d_loss_all(d_params, real, fake)
            _clear(d_params)
            losses.sum().backward()  # each member's gradient is that of its own loss: the members share nothing
            opt_d.step(scale)
            d_losses.append(losses.detach())
        z = torch.stack([t.noise(m) for t in trainers])
        losses = g_loss_all(_detached(d_params), generate_all(g_params, z))
        _clear(g_params)
        losses.sum().backward()
        opt_g.step(scale)
        g_losses.append(losses.detach())
    d_all, g_all = torch.stack(d_losses), torch.stack(g_losses)
    diverged = []
    for i, trainer in enumerate(trainers):
        with torch.no_grad():
            for net, params in ((trainer.G, g_params), (trainer.D, d_params)):
                for name, p in net.named_parameters():
                    p.copy_(params[name][i])
        trainer.step, trainer.d_steps = steps, steps * config.k
        try:  # the trainer's own check: rolls a member with NaN or inf back to its start, with its message
            trainer._check(0, [d_all[:, i]], [g_all[:, i]])
            diverged.append(None)
        except DivergenceError as err:
            diverged.append(str(err))
    return trainers, diverged, {"d": d_all, "g": g_all}


def _stacked_losses(loss, d_layers, judge_all, m: int):
    """D's and G's losses of every member, (members,) each, as the trainer's ``Loss`` computes them one run at a time.

    The log-loss GANs (minimax, non-saturating) are written out on the stacked logits with ``_RowBCE`` (under
    ``vmap``, BCE's gradient comes out in another rounding); the others run the ``Loss`` code itself under ``vmap``.
    """
    if isinstance(loss, Minimax):  # minimax and non-saturating: the formulas of losses.Minimax / NonSaturating
        ones, zeros = torch.ones(m), torch.zeros(m)
        labels = torch.cat([ones, zeros])
        g_target, g_sign = (ones, 1.0) if isinstance(loss, NonSaturating) else (zeros, -1.0)

        def d_loss_all(params, real, fake):
            return 2.0 * _RowBCE.apply(judge_all(params, torch.cat([real, fake], dim=1)), labels)

        def g_loss_all(params, fake):
            return g_sign * _RowBCE.apply(judge_all(params, fake), g_target)
        return d_loss_all, g_loss_all

    def d_loss(params, real, fake):
        return loss.d_loss(lambda x: _mlp(d_layers, params, x)[:, 0], real, fake)

    def g_loss(params, fake):
        return loss.g_loss(lambda x: _mlp(d_layers, params, x)[:, 0], fake)
    return vmap(d_loss), vmap(g_loss)


class _RowBCE(torch.autograd.Function):
    """``F.binary_cross_entropy_with_logits(s[i], target)`` (the mean over the row) for every row i of ``s``, with
    the backward formula of torch's own kernel in its order ((sigmoid(s) - target) * grad, then / n), so that each
    row's gradient is bit for bit a single run's."""

    @staticmethod
    def forward(ctx, s, target):
        ctx.save_for_backward(s, target)
        return F.binary_cross_entropy_with_logits(s, target.expand_as(s), reduction="none").mean(1)

    @staticmethod
    def backward(ctx, grad):
        s, target = ctx.saved_tensors
        return (s.sigmoid() - target) * grad[:, None] / s.shape[1], None


def run_stacked(configs: list[TrainConfig], steps: int, n_samples: int) -> list[dict]:
    """``run_once``'s row for each config, trained in one stack; ``seconds`` and ``cpu_seconds`` are each member's
    share of the stack's training time."""
    start, cpu_start = time.perf_counter(), time.process_time()
    trainers, diverged, _ = train_stacked(configs, steps)
    seconds, cpu = (time.perf_counter() - start) / len(configs), (time.process_time() - cpu_start) / len(configs)
    return [measured(t, n_samples, seconds, cpu, why) for t, why in zip(trainers, diverged)]


class StackedAdam:
    """Adam (betas 0.5, 0.999, as the trainer's) on stacked parameters, one learning rate per member: the fused kernel
    ``torch.optim.Adam(fused=True)`` runs, called once per run of consecutive members with the same rate (on
    contiguous slices of the stacked tensors, so each element gets the same arithmetic as in a single run)."""

    def __init__(self, params: dict, lrs: list[float], betas=(0.5, 0.999), eps: float = 1e-8):
        self.params, self.betas, self.eps = list(params.values()), betas, eps
        self.exp_avg = [torch.zeros_like(p) for p in self.params]
        self.exp_avg_sq = [torch.zeros_like(p) for p in self.params]
        self.runs = []  # (first, end, lr): members [first, end) share lr
        for i, lr in enumerate(lrs):
            if self.runs and self.runs[-1][2] == lr:
                self.runs[-1] = (self.runs[-1][0], i + 1, lr)
            else:
                self.runs.append((i, i + 1, lr))
        self.steps = [[torch.zeros((), dtype=torch.float32, device=p.device) for p in self.params] for _ in self.runs]

    @torch.no_grad()
    def step(self, scale: float = 1.0) -> None:
        beta1, beta2 = self.betas
        for (first, end, lr), steps in zip(self.runs, self.steps):
            part = slice(first, end)
            torch._foreach_add_(steps, 1)
            torch._fused_adam_([p[part] for p in self.params], [p.grad[part] for p in self.params],
                               [a[part] for a in self.exp_avg], [a[part] for a in self.exp_avg_sq], [], steps,
                               amsgrad=False, lr=lr * scale, beta1=beta1, beta2=beta2, weight_decay=0.0, eps=self.eps,
                               maximize=False, grad_scale=None, found_inf=None)


def _layers(net: torch.nn.Sequential) -> list[tuple[str, bool]]:
    """``models.mlp``'s layers as (parameter name prefix, ReLU after it) for ``_mlp``."""
    modules = list(net.named_children())
    layers = []
    for i, (name, module) in enumerate(modules):
        if isinstance(module, torch.nn.Linear):
            relu = i + 1 < len(modules) and isinstance(modules[i + 1][1], torch.nn.ReLU)
            layers.append((f"net.{name}", relu))
        elif not isinstance(module, torch.nn.ReLU):
            raise ValueError(f"a stack runs MLPs of Linear and ReLU layers, not {type(module).__name__}")
    return layers


def _mlp(layers: list[tuple[str, bool]], params: dict, x: torch.Tensor) -> torch.Tensor:
    """One member's MLP (inside ``vmap``) on its parameters ``params``, written so that the batched products give
    ``nn.Linear``'s numbers bit for bit: x W^T + b, except for a layer of one output unit, whose ``nn.Linear``
    product is a matrix-vector one and (W x^T)^T the batched form that sums in its order (measured; tests/sweep
    checks it on 2D targets; in 1D, D's one input unit's gradient still rounds differently)."""
    for prefix, relu in layers:
        weight, bias = params[f"{prefix}.weight"], params[f"{prefix}.bias"]
        x = (weight @ x.T).T + bias if weight.shape[0] == 1 else x @ weight.T + bias
        if relu:
            x = torch.relu(x)
    return x


def _detached(params: dict) -> dict:
    return {name: p.detach() for name, p in params.items()}


def _clear(params: dict) -> None:
    for p in params.values():
        p.grad = None
