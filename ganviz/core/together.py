"""Several runs of one shape trained in one batched pass: a classroom's server trains its students' runs together.

Each student's run is its own ``Trainer``. On a server where many of them play at once, most of a small run's
iteration is the per-operation cost of Python and torch (about 90 operations, each a few microseconds), not its
arithmetic. ``train_together`` stacks the runs' weights along a new first dimension and runs every layer for all
of them as one batched product (``torch.baddbmm``), so ten runs cost about three times one (``ganviz bench``,
"stacked"), not ten times.

It is Algorithm 1 for each run, as ``Trainer.train`` does it: every run draws from its own random generator in the
trainer's order (real samples, then noise, for each of the k D steps, then noise for G's step), at its own learning
rates (with its decay), and its optimizer's state goes on from where its own optimizer left it. Afterwards the new
weights and optimizer state are copied back into each trainer, and each trainer checks its run for NaN or inf as
``train`` does (``Trainer.took``), rolling back that run alone. The numbers are the same as one run at a time within
float rounding: a batched product sums in another order than one run's ``addmm`` (tests/core/test_together.py).

What stacks (``stack_key``): the plain GAN (no remedy) with the log loss (minimax or non-saturating), SGD with
momentum or Adam, at a whole iteration (not in the middle of slow motion), with no hold of D, after its first step
(its optimizer has its state). Runs stack when their keys are equal: the same nets' shapes, batch, k, optimizer and
loss, on one device; the learning rates, seeds, targets, minibatch sampling and D's input (raw or standardised:
each run's D standardises its own rows) may differ.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from .losses import Minimax, NonSaturating
from .models import Discriminator, Generator
from .trainer import Trainer

STACKED_LOSSES = (Minimax, NonSaturating)


def stack_key(trainer: Trainer) -> tuple | None:
    """What runs trained together must share, or None where ``trainer`` cannot be stacked (module docstring)."""
    config = trainer.config
    if (config.remedy != "none" or type(trainer.loss) not in STACKED_LOSSES or trainer.phase or trainer.d_hold
            or type(trainer.G) is not Generator or type(trainer.D) is not Discriminator
            or config.optimizer not in ("sgd", "adam") or not _has_state(trainer)):
        return None
    momentum = config.momentum if config.optimizer == "sgd" else None
    return (config.z_dim, trainer.target.dim, config.width, config.depth, config.batch, config.k,
            config.optimizer, momentum, type(trainer.loss).__name__, str(trainer.device))


def train_together(trainers: list[Trainer], iterations: int) -> list[Exception | None]:
    """Train every trainer (one ``stack_key``) ``iterations`` iterations of Algorithm 1 at once.

    Returns, for each trainer, None, or the ``DivergenceError`` its run raised (that run rolled back to its last
    good state, as ``Trainer.train`` leaves it; the others keep their iterations)."""
    first = trainers[0]
    config, m = first.config, first.config.batch
    loss_type = type(first.loss)
    # A run with a decay sets its rates from its config at every iteration (as ``train`` does); the others train at
    # their optimizers' rates.
    g = _Stack([t.G for t in trainers], [t.opt_g for t in trainers],
               [t.config.lr_g if t.config.decay_end else t.opt_g.param_groups[0]["lr"] for t in trainers])
    d = _Stack([t.D for t in trainers], [t.opt_d for t in trainers],
               [t.config.lr_d if t.config.decay_end else t.opt_d.param_groups[0]["lr"] for t in trainers],
               standardise=any(t.D.standardised for t in trainers))
    members = len(trainers)
    ones, zeros = torch.ones(members, m, device=first.device), torch.zeros(members, m, device=first.device)
    d_labels = torch.cat([ones, zeros], dim=1)
    g_target, g_sign = (ones, 1.0) if loss_type is NonSaturating else (zeros, -1.0)
    starts = [t.step for t in trainers]
    decaying = any(t.config.decay_end for t in trainers)
    d_losses, g_losses = [], []
    for i in range(iterations):
        scales = [t.config.lr_scale(start + i) for t, start in zip(trainers, starts)] if decaying else None
        for _ in range(config.k):
            real = torch.stack([t.real(m) for t in trainers])
            z = torch.stack([t.noise(m) for t in trainers])
            with torch.no_grad():
                fake = g.forward(z, detached=True)
            s = d.forward(torch.cat([real, fake], dim=1))[..., 0]
            losses = 2.0 * F.binary_cross_entropy_with_logits(s, d_labels, reduction="none").mean(1)
            d.update(losses, scales)
            d_losses.append(losses.detach())
        z = torch.stack([t.noise(m) for t in trainers])
        s = d.forward(g.forward(z), detached=True)[..., 0]
        losses = g_sign * F.binary_cross_entropy_with_logits(s, g_target, reduction="none").mean(1)
        g.update(losses, scales)
        g_losses.append(losses.detach())
    g.copy_back()
    d.copy_back()
    d_all = torch.stack(d_losses)  # k >= 1: every iteration has D's steps (a hold of D does not stack)
    g_all = torch.stack(g_losses)
    errors = []
    for j, trainer in enumerate(trainers):
        try:
            trainer.took(iterations, iterations * config.k, list(d_all[:, j]), list(g_all[:, j]))
            errors.append(None)
        except Exception as err:  # a DivergenceError: this run is rolled back, the others go on
            errors.append(err)
    return errors


def _has_state(trainer: Trainer) -> bool:
    """Whether both optimizers have their state (momentum buffers, Adam's moments): they do after the first step."""
    for opt in (trainer.opt_g, trainer.opt_d):
        for p in opt.param_groups[0]["params"]:
            state = opt.state.get(p)
            if not state or (trainer.config.optimizer == "sgd" and state.get("momentum_buffer") is None):
                return False
    return True


class _Stack:
    """One net of every run, stacked: weights (members, out, in) and biases (members, 1, out) with their
    optimizer's state, updated for all runs at once, then copied back into each run's own tensors."""

    def __init__(self, nets: list, optimizers: list, rates: list[float], standardise: bool = False):
        """``standardise``: each run's rows go in as (x - net.shift) / net.scale (a D's fixed first step)."""
        linears = [[layer for layer in net.net if isinstance(layer, torch.nn.Linear)] for net in nets]
        self.shift = torch.stack([net.shift for net in nets])[:, None] if standardise else None  # (members, 1, dim)
        self.scale = torch.stack([net.scale for net in nets])[:, None] if standardise else None
        self.optimizers = optimizers
        self.params = []  # [W, b] per layer, each stacked over the runs
        self.own = []  # for each stacked tensor: the runs' own tensors it came from
        for index in range(len(linears[0])):
            weights = [layers[index].weight for layers in linears]
            biases = [layers[index].bias for layers in linears]
            self.params += [torch.stack([w.detach() for w in weights]).requires_grad_(),
                            torch.stack([b.detach()[None] for b in biases]).requires_grad_()]
            self.own += [weights, biases]
        group = optimizers[0].param_groups[0]
        self.adam = isinstance(optimizers[0], torch.optim.Adam)
        shape = (len(nets), 1, 1)
        self.rates = torch.tensor(rates, device=self.params[0].device).reshape(shape)
        if self.adam:
            self.beta1, self.beta2 = group["betas"]
            self.eps = group["eps"]
            self.exp_avg = self._stacked_state("exp_avg")
            self.exp_avg_sq = self._stacked_state("exp_avg_sq")
            self.steps = torch.tensor([float(opt.state[opt.param_groups[0]["params"][0]]["step"]) for opt in optimizers],
                                      device=self.params[0].device).reshape(shape)
        else:
            self.momentum = group["momentum"]
            self.buffers = self._stacked_state("momentum_buffer")
        self.updates = 0

    def _stacked_state(self, name: str) -> list[torch.Tensor]:
        """The optimizers' state ``name`` for every parameter, stacked as ``params`` are."""
        stacked = []
        for index, own in enumerate(self.own):
            tensors = [opt.state[p][name] for opt, p in zip(self.optimizers, own)]
            stacked.append(torch.stack([t if index % 2 == 0 else t[None] for t in tensors]))
        return stacked

    def forward(self, x: torch.Tensor, detached: bool = False) -> torch.Tensor:
        """Every run's MLP on its own rows of ``x`` (members, samples, in): Linear, ReLU, ..., Linear."""
        params = [p.detach() for p in self.params] if detached else self.params
        if self.shift is not None:
            x = (x - self.shift) / self.scale
        last = len(params) // 2 - 1
        for layer in range(last + 1):
            x = torch.baddbmm(params[2 * layer + 1], x, params[2 * layer].transpose(1, 2))
            if layer < last:
                x = torch.relu(x)
        return x

    def update(self, losses: torch.Tensor, scales: list[float] | None) -> None:
        """One step of every run's optimizer on its own loss (the runs share nothing, so the sum's gradient is each
        run's own), at each run's learning rate times its decay factor ``scales`` (None: no run decays)."""
        for p in self.params:
            p.grad = None
        losses.sum().backward()
        grads = [p.grad for p in self.params]
        rates = self.rates if scales is None else \
            self.rates * torch.tensor(scales, device=self.rates.device).reshape(self.rates.shape)
        self.updates += 1
        with torch.no_grad():
            if self.adam:  # torch.optim.Adam's update (no weight decay, no amsgrad), each run at its own step count
                steps = self.steps + self.updates
                torch._foreach_lerp_(self.exp_avg, grads, 1 - self.beta1)
                torch._foreach_mul_(self.exp_avg_sq, self.beta2)
                torch._foreach_addcmul_(self.exp_avg_sq, grads, grads, 1 - self.beta2)
                step_size = rates / (1 - self.beta1 ** steps)
                root_correction = (1 - self.beta2 ** steps).sqrt()
                n = len(self.params)
                denominators = torch._foreach_div(torch._foreach_sqrt(self.exp_avg_sq), [root_correction] * n)
                torch._foreach_add_(denominators, self.eps)
                torch._foreach_sub_(self.params, torch._foreach_mul(torch._foreach_div(self.exp_avg, denominators),
                                                                    [step_size] * n))
            else:  # torch.optim.SGD's update with momentum (no dampening, not Nesterov)
                torch._foreach_mul_(self.buffers, self.momentum)
                torch._foreach_add_(self.buffers, grads)
                torch._foreach_sub_(self.params, torch._foreach_mul(self.buffers, [rates] * len(self.params)))

    def copy_back(self) -> None:
        """Each run's weights and optimizer state from the stack back into the run's own tensors."""
        with torch.no_grad():
            for index, (stacked, own) in enumerate(zip(self.params, self.own)):
                torch._foreach_copy_(own, _rows(stacked.detach(), index))
                if self.adam:
                    states = [opt.state[p] for opt, p in zip(self.optimizers, own)]
                    for name, source in (("exp_avg", self.exp_avg), ("exp_avg_sq", self.exp_avg_sq)):
                        torch._foreach_copy_([state[name] for state in states], _rows(source[index], index))
                    for state in states:
                        state["step"] += self.updates
                else:
                    torch._foreach_copy_([opt.state[p]["momentum_buffer"] for opt, p in zip(self.optimizers, own)],
                                         _rows(self.buffers[index], index))


def _rows(stacked: torch.Tensor, index: int) -> tuple[torch.Tensor, ...]:
    """Each run's own tensor in a stacked one: a weight's (out, in) rows; a bias's (1, out) row as (out,)."""
    rows = stacked.unbind(0)
    return rows if index % 2 == 0 else tuple(row[0] for row in rows)
