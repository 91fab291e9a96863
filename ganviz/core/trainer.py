"""Algorithm 1 of Goodfellow et al. (2014), written plainly.

    for each training iteration:
        for k steps:
            sample m noise samples z ~ p_z and m examples x ~ p_data
            update D by ascending its stochastic gradient of V        (D's loss = -V)
        sample m noise samples z ~ p_z
        update G by descending its stochastic gradient                 (G's loss)

A config may add one remedy for mode collapse (``remedy``): ``unrolled`` changes
G's step (``unrolled.py``); ``pacgan`` shows D packs of samples (``packing.py``);
``mbstd`` gives D a minibatch-std feature (``minibatch_std.py``). With
``remedy="none"`` the loop is exactly the paper's.

``Trainer.train(n)`` runs n iterations; ``k``, both learning rates and the batch
size m can change between calls (``Trainer.apply``). A config may also decay
both learning rates linearly over a span of steps (``decay_start``,
``decay_end``, ``decay_floor``), so that late in a run G's samples settle onto
what it has found instead of jittering around it. A lesson may hold D fixed for a span of
iterations (``Trainer.hold_d``: G alone trains, the paper's "D out of sync" warning); outside it,
and without one, every iteration is Algorithm 1's. Everything random comes
from one seeded ``torch.Generator``, so a config gives the same run on the same
machine (a server playing many students' runs may train them together in one
batched pass, ``together.py``: the same run within float rounding). A run that
produces NaN or inf is rolled back to its last good state and raises
``DivergenceError`` with a message a student can act on.
"""

from __future__ import annotations

import copy
import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import torch

from .autodevice import choose as choose_device
from .config import CUSTOM, TrainConfig
from .distributions import get_distribution
from .losses import get_loss
from ..remedies.mbstd import MinibatchStdDiscriminator
from .models import Discriminator, Generator
from .optim import clear_grads, set_requires_grad
from .optim import step as optimizer_step
from ..remedies.pacgan import PackedDiscriminator, pack
from .priors import get_prior
from ..remedies.unrolled import unrolled_g_loss


def build_discriminator(config: TrainConfig, x_dim: int, target=None):
    """The D that ``config.remedy`` calls for: PacGAN's packed D, D with a minibatch-std feature, or the plain MLP
    (seeing x standardised by ``target``'s mean and std when ``config.d_input`` says so; without a ``target``, for
    its weights' shapes only, it is built unstandardised: the two have the same weights)."""
    if config.remedy == "pacgan":
        return PackedDiscriminator(x_dim, config.pack, config.width, config.depth)
    if config.remedy == "mbstd":
        return MinibatchStdDiscriminator(x_dim, config.width, config.depth)
    standardise = target.moments() if config.d_input == "standardised" and target is not None else None
    return Discriminator(x_dim, config.width, config.depth, standardise)


def measure_rate(config: TrainConfig, device: str, target=None, iterations: int = 20) -> float:
    """Iterations per second of a throwaway run of ``config`` on ``device`` (after a warm-up)."""
    trainer = Trainer(replace(config, device=device), target)
    trainer.train(3)
    synchronize(trainer.device)
    start = time.perf_counter()
    trainer.train(iterations)
    synchronize(trainer.device)
    return iterations / (time.perf_counter() - start)


def synchronize(device: torch.device) -> None:
    """Wait for the device's queued work (GPUs run asynchronously), so a clock reads the work done."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()


def cloned(state):
    """A deep copy of a state dict: tensors cloned, dicts, lists and tuples rebuilt, anything else shared.

    The same result as ``copy.deepcopy`` for what ``state_dict()`` holds, in a fraction of
    its time (the guard keeps one after every chunk of training).
    """
    if isinstance(state, torch.Tensor):
        return state.detach().clone()
    if isinstance(state, dict):
        return {key: cloned(value) for key, value in state.items()}
    if isinstance(state, (list, tuple)):
        return type(state)(cloned(value) for value in state)
    return state


class DivergenceError(RuntimeError):
    """Training produced NaN or inf; the trainer has been restored to its last good state.

    Besides its English message it carries the facts as attributes, so a page can
    say the same in the reader's language: ``start`` and ``bad_step`` (the steps
    between which it diverged), ``which`` ("d_loss", "g_loss" or "weights"),
    ``step`` (the step rolled back to), ``lr_d`` and ``lr_g``.
    """

    def __init__(self, message: str, **facts):
        super().__init__(message)
        self.facts = facts
        self.__dict__.update(facts)


class Plateau:
    """Tells when a noisy loss has stopped going down.

    Feed it the mean loss of each window of steps; it says "done" once
    ``patience`` windows in a row failed to beat the best mean by ``tol``, and
    not before ``min_windows`` windows (early on, D near 1/2 improves by less
    than the minibatch noise, which would look like a plateau).
    """

    def __init__(self, tol: float = 1e-3, patience: int = 5, min_windows: int = 10):
        self.tol, self.patience, self.min_windows = tol, patience, min_windows
        self.best, self.stale, self.windows = math.inf, 0, 0

    def update(self, mean_loss: float) -> bool:
        self.windows += 1
        if mean_loss < self.best - self.tol:
            self.best, self.stale = mean_loss, 0
        else:
            self.stale += 1
        return self.stale >= self.patience and self.windows >= self.min_windows


@dataclass(frozen=True)
class FitResult:
    """How a ``DFit`` ended: D steps taken, the last residual measured, whether that is below the threshold, and
    why it stopped: "close", "plateau" (no longer getting closer at the smallest rate), "steps" or "time" (a cap)."""

    steps: int
    residual: float
    close: bool
    stopped: str


class DFit:
    """Train D alone, G frozen, window by window, until a measured residual says D has reached D*.

    After each window of ``window`` D steps, ``residual(trainer)`` measures how far D is from D* (the
    mean |D - D*| weighted by p_data + p_g). The fit stops when the residual is below ``threshold``
    ("close"), or when it stops falling. A fixed learning rate leaves D jittering around D* with the
    minibatch noise (on Figure 1's preset, SGD at 0.05: the residual wanders between 0.04 and 0.15), so
    when ``patience`` D steps bring no improvement of ``tol``, D's learning rate is halved, down to
    1/2**``halvings`` of its value: a stochastic gradient settles onto its optimum only as its steps shrink.
    With no improvement at the smallest rate it stops ("plateau"). ``max_steps`` and ``max_seconds``
    (wall clock, from the first window) cap it. D's learning rate is restored when the fit ends.

    Pages call ``step()`` once per frame, so the class watches D move; ``Trainer.fit_discriminator``
    runs it to the end.
    """

    def __init__(self, trainer: "Trainer", residual: Callable[["Trainer"], float], threshold: float,
                 window: int = 200, max_steps: int = 20_000, max_seconds: float | None = None, patience: int = 1000,
                 tol: float = 1e-3, halvings: int = 5, clock: Callable[[], float] = time.monotonic):
        self.trainer, self.measure, self.threshold = trainer, residual, threshold
        self.window, self.max_steps, self.max_seconds = window, max_steps, max_seconds
        self.patience, self.tol, self.halvings, self.clock = max(1, math.ceil(patience / window)), tol, halvings, clock
        self.rates = [group["lr"] for group in trainer.opt_d.param_groups]
        self.steps, self.halved, self.stale, self.started = 0, 0, 0, None
        self.residual = self.best = float(residual(trainer))
        self.result: FitResult | None = None

    def step(self) -> bool:
        """One window of D steps and a measurement; True once the fit has ended (``result`` says how)."""
        if self.result is not None:
            return True
        if self.started is None:
            self.started = self.clock()
        try:
            self.trainer.train_discriminator(self.window)
        except DivergenceError:
            self._set_rate(1.0)  # the guard rolled D back; the fit ends with it
            raise
        self.steps += self.window
        self.residual = float(self.measure(self.trainer))
        if self.residual < self.best - self.tol:
            self.best, self.stale = self.residual, 0
        else:
            self.stale += 1
        if self.stale >= self.patience and self.halved < self.halvings:
            self.halved, self.stale = self.halved + 1, 0
            self._set_rate(0.5**self.halved)
        stopped = ("close" if self.residual < self.threshold else
                   "plateau" if self.stale >= self.patience else
                   "steps" if self.steps >= self.max_steps else
                   "time" if self.max_seconds is not None and self.clock() - self.started >= self.max_seconds else None)
        if stopped is None:
            return False
        self._set_rate(1.0)
        self.result = FitResult(self.steps, self.residual, self.residual < self.threshold, stopped)
        return True

    def _set_rate(self, scale: float) -> None:
        for group, rate in zip(self.trainer.opt_d.param_groups, self.rates):
            group["lr"] = rate * scale


class Trainer:
    """A GAN on a toy target, trained by Algorithm 1. See the module docstring."""

    def __init__(self, config: TrainConfig = TrainConfig(), target=None):
        """A fresh run of ``config``. ``target`` replaces the named one (required when ``config.dist`` is "custom")."""
        self.config = config.validate()
        # "auto": the faster device for this size when there is an accelerator (autodevice.py), else the CPU
        self.device_choice = choose_device(config, lambda device: measure_rate(config, device, target))
        self.device = torch.device(self.device_choice.device)
        if target is None and config.dist == CUSTOM:
            raise ValueError('a "custom" target needs its points: pass target=kde_target(points)')
        self.target = target if target is not None else get_distribution(config.dist)
        self.prior = get_prior(config.prior)
        self.rng = torch.Generator(device=self.device).manual_seed(config.seed)
        self.loss = get_loss(config.loss, self.rng)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(config.seed)
            self.G = Generator(config.z_dim, self.target.dim, config.width, config.depth).to(self.device)
            self.D = build_discriminator(config, self.target.dim, self.target).to(self.device)
            if config.g_offset:
                with torch.no_grad():  # shift G's last bias: p_g starts g_offset away from where it would
                    self.G.net[-1].bias.add_(config.g_offset)
        self.opt_d = self._optimizer(self.D, config.lr_d)
        self.opt_g = self._optimizer(self.G, config.lr_g)
        self.step = 0  # Algorithm-1 iterations done
        self.d_steps = 0  # D updates done, inside iterations or alone
        self.phase = 0  # D steps already done inside the current iteration (slow motion, ``beat``)
        self.last_beat: str | None = None  # what the last beat did: "d" or "g" (None after whole iterations)
        self.d_hold: tuple[int, int] | None = None  # iterations [start, end) in which D is held fixed (``hold_d``)
        self.history: list[dict] = []  # one row of metrics per recorded frame (``record``)
        self._d_losses: list[torch.Tensor] = []  # D's and G's losses since the last recorded row
        self._g_losses: list[torch.Tensor] = []
        self._good = self._state()

    # ----- Algorithm 1 -------------------------------------------------------------
    def d_step(self) -> torch.Tensor:
        """One update of D on a fresh minibatch of real and generated samples."""
        m = self.config.batch
        real = self.real(m)
        with torch.no_grad():
            fake = self.G(self.noise(m))
        loss = self.loss.d_loss(self.D, self.shown_to_d(real), self.shown_to_d(fake))
        clear_grads(self.opt_d)
        loss.backward()
        optimizer_step(self.opt_d)
        self.d_steps += 1
        return loss.detach()

    def g_step(self) -> torch.Tensor:
        """One update of G through a D that is held fixed (the unrolled GAN: through D after ``unroll`` more steps)."""
        set_requires_grad(self.opt_d, False)  # D's weights get no gradient from G's loss
        fake = self.G(self.noise(self.config.batch))
        if self.config.remedy == "unrolled":
            loss = unrolled_g_loss(self.loss, self.D, fake, self._unrolling_batches(), self.config.lr_d)
        else:
            loss = self.loss.g_loss(self.D, self.shown_to_d(fake))
        clear_grads(self.opt_g)
        loss.backward()
        optimizer_step(self.opt_g)
        set_requires_grad(self.opt_d, True)
        return loss.detach()

    def train(self, iterations: int = 1) -> None:
        """Run ``iterations`` of Algorithm 1: k D steps, then one G step, each time.

        An iteration that slow motion (``beat``) left half done is finished first and counts as one.
        """
        while self.phase and iterations > 0:
            iterations -= self.beat() == "g"
        self.last_beat = None
        start, d_losses, g_losses = self.step, [], []
        for _ in range(iterations):
            if self.config.decay_end:
                self._set_learning_rates()
            if not self.d_held():
                for _ in range(self.config.k):
                    d_losses.append(self.d_step())
            g_losses.append(self.g_step())
            self.step += 1
        self._check(start, d_losses, g_losses)

    def took(self, iterations: int, d_steps: int, d_losses: list, g_losses: list) -> None:
        """Count ``iterations`` of Algorithm 1 (``d_steps`` D updates) that were trained on this run's own nets,
        optimizers and random generator outside ``train`` (``ganviz.core.together`` trains several runs in one
        batched pass), and check them as ``train`` does: kept if every loss (0-d tensors) and weight is finite,
        else rolled back to the last good state with ``DivergenceError``."""
        start = self.step
        self.step += iterations
        self.d_steps += d_steps
        self.last_beat = None
        if self.config.decay_end:  # the rates ``train`` leaves: those of the last iteration taken
            self._set_learning_rates(self.step - 1)
        self._check(start, d_losses, g_losses)

    def hold_d(self, start: int, end: int) -> None:
        """Hold D fixed in iterations ``start`` to ``end - 1``: they skip D's k steps, G still takes its step.

        A lesson's schedule, not part of Algorithm 1 and not of the config: the paper warns that G "must not be
        trained too much without updating D", lest it map many z to the same x; the Figure 1 preset "D out of
        sync" shows it. Before and after the span the iterations are Algorithm 1's. One hold at a time (a new one
        replaces it); it is not saved in ``state_dict``.
        """
        if not 0 <= start < end:
            raise ValueError(f"a hold of D needs 0 <= start < end (got {start} and {end})")
        self.d_hold = (int(start), int(end))

    def d_held(self, step: int | None = None) -> bool:
        """Whether iteration ``step`` (default: the next one) skips D's steps (``hold_d``)."""
        step = self.step if step is None else step
        return self.d_hold is not None and self.d_hold[0] <= step < self.d_hold[1]

    def beat(self) -> str:
        """One beat of Algorithm 1, for slow motion: the current iteration's next D step, or its G step.

        Returns (and keeps in ``last_beat``) "d" or "g". ``phase`` counts the D
        steps already done in the iteration; after the k-th comes the G step,
        which ends the iteration. Beats draw from the same random stream in the
        same order as ``train``, so a run in beats is the same run.
        """
        start = self.step
        if self.phase == 0 and self.config.decay_end:
            self._set_learning_rates()
        if self.phase < self.config.k and not self.d_held():
            loss = self.d_step()
            self.phase += 1
            self.last_beat = "d"
            self._check(start, [loss], [])
        else:
            loss = self.g_step()
            self.step += 1
            self.phase = 0
            self.last_beat = "g"
            self._check(start, [], [loss])
        return self.last_beat

    def train_generator(self, steps: int = 1) -> float:
        """``steps`` updates of G alone, D held fixed (the teacher's "G step" button); returns their mean G loss.

        These are not Algorithm-1 iterations: ``step`` does not move.
        """
        g_losses = [self.g_step() for _ in range(steps)]
        self._check(self.step, [], g_losses)
        return float(torch.stack(g_losses).mean())

    def train_discriminator(self, steps: int) -> float:
        """``steps`` updates of D alone, G frozen; returns their mean D loss."""
        d_losses = [self.d_step() for _ in range(steps)]
        self._check(self.step, d_losses, [])
        return float(torch.stack(d_losses).mean())

    def fit_discriminator(self, residual: Callable[["Trainer"], float], threshold: float, window: int = 200,
                          max_steps: int = 20_000, max_seconds: float | None = None) -> "FitResult":
        """Train D alone, G frozen, until it is within ``threshold`` of D* or stops getting closer (see ``DFit``).

        ``residual(trainer)`` measures how far D is from D* (``ganviz.frames.residual.d_residual``: the
        mean |D - D*| weighted by p_data + p_g). Returns the steps taken, the last residual and whether it is close.
        """
        fit = DFit(self, residual, threshold, window=window, max_steps=max_steps, max_seconds=max_seconds)
        while not fit.step():
            pass
        return fit.result

    def noise(self, n: int) -> torch.Tensor:
        """A minibatch of ``n`` noise vectors z ~ p_z for training (stratified if ``config.sampling`` says so)."""
        if self.config.sampling == "stratified":
            return self.prior.sample(n, self.config.z_dim, self.rng, self.device, stratified=True)
        return self.prior.sample(n, self.config.z_dim, self.rng, self.device)

    def real(self, n: int) -> torch.Tensor:
        """A minibatch of ``n`` training examples x ~ p_data (stratified if ``config.sampling`` says so)."""
        # the keyword only when asked: a target may be any object with ``sample(n, generator, device)``
        if self.config.sampling == "stratified":
            return self.target.sample(n, self.rng, self.device, stratified=True)
        return self.target.sample(n, self.rng, self.device)

    def shown_to_d(self, x: torch.Tensor) -> torch.Tensor:
        """A minibatch as D judges it in training: as it is, or (PacGAN) packed into groups of ``pack`` samples."""
        return pack(x, self.config.pack) if self.config.remedy == "pacgan" else x

    def _unrolling_batches(self) -> list:
        """Fresh (real, fake) minibatches for the unrolled D steps; the fakes keep G's graph."""
        m = self.config.batch
        return [(self.real(m), self.G(self.noise(m))) for _ in range(self.config.unroll)]

    # ----- live changes ------------------------------------------------------------
    def apply(self, config: TrainConfig) -> None:
        """Take the new k, learning rates and batch size on the fly."""
        if self.config.needs_new_model(config):
            raise ValueError("this change needs a new model: build a new Trainer")
        self.config = config.validate()
        self._set_learning_rates()

    def _set_learning_rates(self, step: int | None = None) -> None:
        """Both optimizers at the config's learning rates, times the decay factor of ``step`` (default: the current
        step)."""
        scale = self.config.lr_scale(self.step if step is None else step)
        for opt, lr in ((self.opt_d, self.config.lr_d), (self.opt_g, self.config.lr_g)):
            for group in opt.param_groups:
                group["lr"] = lr * scale

    def _optimizer(self, net, lr):
        # fused: one kernel updates every parameter, instead of a Python loop over them (the same update rule,
        # several times faster per step on a CPU for these small nets). CPU and CUDA have it.
        fused = True if self.device.type in ("cpu", "cuda") else None
        if self.config.optimizer == "adam":
            return torch.optim.Adam(net.parameters(), lr=lr, betas=(0.5, 0.999), fused=fused)
        return torch.optim.SGD(net.parameters(), lr=lr, momentum=self.config.momentum, fused=fused)

    # ----- divergence guard -------------------------------------------------------
    def _state(self) -> dict:
        nets = {"G": self.G, "D": self.D, "opt_g": self.opt_g, "opt_d": self.opt_d}
        state = {name: cloned(obj.state_dict()) for name, obj in nets.items()}
        state.update(step=self.step, d_steps=self.d_steps, phase=self.phase, rng=self.rng.get_state())
        return state

    def _restore(self, state: dict) -> None:
        for name in ("G", "D", "opt_g", "opt_d"):
            # load_state_dict keeps references to the optimizers' tensors: copy, so the saved state stays good.
            getattr(self, name).load_state_dict(copy.deepcopy(state[name]))
        self.step, self.d_steps, self.phase = state["step"], state["d_steps"], state["phase"]
        self.rng.set_state(state["rng"])
        self.apply(self.config)  # the saved optimizer state carries the old learning rates

    def _check(self, start: int, d_losses: list, g_losses: list) -> None:
        """Keep the new state if every loss and weight is finite, else roll back and raise."""
        if not d_losses and not g_losses:
            return
        d = torch.stack(d_losses) if d_losses else torch.zeros(0, device=self.device)
        g = torch.stack(g_losses) if g_losses else torch.zeros(0, device=self.device)
        params = torch.cat([p.detach().flatten() for p in (*self.G.parameters(), *self.D.parameters())])
        finite = torch.stack([torch.isfinite(d).all(), torch.isfinite(g).all(), torch.isfinite(params).all()])
        d_ok, g_ok, w_ok = finite.tolist()
        if d_ok and g_ok and w_ok:
            self._d_losses.append(d)
            self._g_losses.append(g)
            self._good = self._state()
            return
        bad_step = self.step
        self._restore(self._good)
        which = "d_loss" if not d_ok else "g_loss" if not g_ok else "weights"
        words = {"d_loss": "D's loss", "g_loss": "G's loss", "weights": "the network weights"}[which]
        raise DivergenceError(
            f"Training diverged between steps {start} and {bad_step}: {words} became NaN or infinite. "
            f"Rolled back to step {self.step}. Likely cause: a learning rate too high for this loss "
            f"(lr_d={self.config.lr_d:g}, lr_g={self.config.lr_g:g}); lower it and press play again.",
            start=start, bad_step=bad_step, which=which, step=self.step, lr_d=self.config.lr_d, lr_g=self.config.lr_g,
        )

    # ----- its state, whole: run files and checkpoints ------------------------------
    def state_dict(self) -> dict:
        """Everything the run needs to go on exactly, as copies: ``G``, ``D``, ``opt_g``, ``opt_d`` (their
        ``state_dict``, the learning rates now included), ``step``, ``d_steps``, ``phase``, ``rng`` (the random
        state, uint8, of a generator on ``self.device``), ``history`` (the metrics rows) and ``losses``
        ({"d", "g"}: the losses not yet in a row, 1-D tensors)."""
        state = self._state()
        state["history"] = copy.deepcopy(self.history)
        state["losses"] = {"d": _cat(self._d_losses), "g": _cat(self._g_losses)}
        return state

    def load_state_dict(self, state: dict) -> bool:
        """Go on from ``state``, as ``state_dict`` gives it (its tensors may be on any device).

        The random state of one kind of device cannot feed a generator of another (a CPU's is a 5 kB
        Mersenne Twister, CUDA's a 16-byte seed and offset). A random state that does not fit this
        trainer's device seeds its generator instead, with a number derived from those bytes, so the same
        state loaded on the same kind of device goes on the same way. Returns whether the random stream goes
        on exactly as the saved one would have (False: reseeded so). ``ValueError`` if the random state
        has the right size but is not a valid state.
        """
        for name in ("G", "D", "opt_g", "opt_d"):
            # load_state_dict keeps references to the optimizers' tensors: copy, so the caller's state stays its own.
            getattr(self, name).load_state_dict(cloned(state[name]))
        self.step, self.d_steps, self.phase = state["step"], state["d_steps"], state["phase"]
        exact = self._set_random_state(state["rng"])
        self.history = bounded_history(copy.deepcopy(state["history"]))
        losses = state["losses"]
        self._d_losses, self._g_losses = ([t.detach().to(self.device)] if len(t) else [] for t in (losses["d"], losses["g"]))
        self._good = self._state()  # the divergence guard rolls back to here, not to the fresh weights
        return exact

    def _set_random_state(self, rng: torch.Tensor) -> bool:
        """``self.rng`` at ``rng`` if that is a state of this device's kind of generator (True), else seeded from it."""
        rng = rng.detach().cpu()
        if rng.dtype == torch.uint8 and rng.shape == self.rng.get_state().shape:
            try:
                self.rng.set_state(rng)
            except RuntimeError as err:
                raise ValueError(f"the random number state is invalid ({err})") from None
            return True
        digest = hashlib.sha256(rng.numpy().tobytes()).digest()
        self.rng.manual_seed(int.from_bytes(digest[:8], "little") & (2**63 - 1))
        return False

    # ----- what the pictures and charts read ---------------------------------------
    def mean_losses(self) -> tuple[float, float]:
        """Mean D and G losses since the last recorded row (NaN where there were none). Reading changes nothing."""
        d, g = _cat(self._d_losses), _cat(self._g_losses)
        return (float(d.mean()) if len(d) else math.nan), (float(g.mean()) if len(g) else math.nan)

    def record(self, metrics: dict) -> bool:
        """Close the current row of ``history`` with ``metrics``: a frame's metrics row of this very state.

        The row is appended unless the last row is of this same state (the same ``step`` and ``d_steps``:
        a redrawn paused run adds nothing). Either way the losses it averaged are consumed, so the next
        row's ``d_loss`` and ``g_loss`` average the steps taken after it. Returns whether a row was appended.
        The callers that show frames record them (the pages, the command line); a snapshot only reads.
        """
        if (metrics["step"], metrics["d_steps"]) != (self.step, self.d_steps):
            raise ValueError(f"a metrics row of step {metrics['step']} ({metrics['d_steps']} D steps) is not of this "
                             f"state (step {self.step}, {self.d_steps} D steps): take the snapshot now")
        self._d_losses, self._g_losses = [], []
        last = self.history[-1] if self.history else None
        if last is not None and (last["step"], last["d_steps"]) == (self.step, self.d_steps):
            return False
        self.history.append(metrics)
        if len(self.history) > MAX_HISTORY_ROWS:
            self.history = bounded_history(self.history)
        return True


# The most metrics rows a run keeps (about 10 MB of Python objects; 27 minutes of a page playing 12.5 frames a
# second). Past it the older half is thinned to every other row (``bounded_history``): a long run's curve keeps
# its shape and its recent rows, and one student's session cannot grow without bound.
MAX_HISTORY_ROWS = 20_000


def bounded_history(rows: list) -> list:
    """``rows`` thinned until at most ``MAX_HISTORY_ROWS`` remain: the first row and the newest half of the bound
    are kept whole; the rows between lose every second one, as often as needed."""
    keep = MAX_HISTORY_ROWS // 2
    while len(rows) > MAX_HISTORY_ROWS:
        older, newer = rows[1:-keep], rows[-keep:]
        rows = rows[:1] + older[1::2] + newer
    return rows


def _cat(losses: list) -> torch.Tensor:
    """The losses of several chunks of steps as one 1-D tensor (empty when there are none)."""
    return torch.cat(losses) if losses else torch.zeros(0)
