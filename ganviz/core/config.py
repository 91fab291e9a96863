"""What defines a run: ``TrainConfig``, its fields' checks, and the names of the choices it offers.

``k``, ``lr_d``, ``lr_g`` and ``batch`` can change while a run goes on (``TrainConfig.LIVE``);
any other field needs a new model. ``TrainConfig.validate`` is the one check of a config, whoever made it
(a user's flags, a page, a run file, a checkpoint): it raises ``ConfigError``, one line naming the field and
its allowed values (``BOUNDS``).
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import asdict, dataclass, fields

from .distributions import DISTRIBUTIONS
from .losses import LOSSES
from .priors import PRIORS

OPTIMIZERS = ("adam", "sgd")
REMEDIES = ("none", "unrolled", "pacgan", "mbstd")  # remedies for mode collapse; see ganviz/remedies/methods.py
SAMPLINGS = ("random", "stratified")  # how minibatches are drawn; see strata.py
D_INPUTS = ("raw", "standardised")  # what D's first layer sees: x, or (x - mean) / std of p_data
CUSTOM = "custom"  # dist name of a target the caller builds (e.g. from the user's points) and passes to Trainer


@dataclass(frozen=True)
class TrainConfig:
    """Everything that defines a run.

    ``k``, ``lr_d``, ``lr_g`` and ``batch`` (the paper's m) can change while a run
    goes on; any other field needs a new model (``needs_new_model``).
    """

    dist: str = "gaussian"
    loss: str = "nonsaturating"
    k: int = 1
    lr_d: float = 1e-3
    lr_g: float = 1e-3
    batch: int = 128
    optimizer: str = "adam"  # "adam" (betas 0.5, 0.999) or "sgd" (with momentum, as in the paper)
    momentum: float = 0.5  # SGD only; the paper's MNIST runs used 0.5 rising to 0.7
    prior: str = "uniform"
    z_dim: int = 1
    width: int = 32
    depth: int = 2
    seed: int = 0
    device: str = "auto"
    g_offset: float = 0.0  # added to G's output at initialisation: starts p_g away from the data
    remedy: str = "none"  # one of REMEDIES: "none", "unrolled", "pacgan", "mbstd"
    unroll: int = 5  # unrolled GAN: the D steps G looks ahead (Metz et al. 2017 used 5 to 10 on the ring)
    pack: int = 2  # PacGAN: the m samples in one pack D judges (Lin et al. 2018 used 2 to 4)
    decay_start: int = 0  # learning-rate decay: both rates fall linearly from step decay_start ...
    decay_end: int = 0  # ... to decay_floor times their value at step decay_end, then stay there (0: no decay)
    decay_floor: float = 0.1
    sampling: str = "random"  # "random": independent draws (the paper); "stratified": one z and one x from each of
    # m equal-probability slices (a Latin hypercube, ganviz/core/strata.py): the same expectations, less jitter
    d_input: str = "raw"  # "standardised": D's first layer is fixed to x -> (x - mean) / std of p_data, so its
    # ReLUs start where the data is (data standardised before D, as is usual for real data); the plain GAN only

    LIVE = ("k", "lr_d", "lr_g", "batch")

    def validate(self) -> "TrainConfig":
        """Return self, or raise ``ConfigError`` with a one-line reason naming the field and its allowed values.

        The one check of a run's config: the command line's flags, ``--resume``, the page's run-file loader
        and the shipped checkpoints all go through it (``Trainer`` calls it too). ``BOUNDS`` lists each
        number's type and range; text fields must be one of their choices.
        """
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in BOUNDS:
                check_field(f.name, value)
            elif not isinstance(value, str):
                raise ConfigError(f"{f.name} must be text (got {shown(value)})", f.name)
        choices = [
            ("dist", self.dist in DISTRIBUTIONS or self.dist == CUSTOM, "distribution", DISTRIBUTIONS),
            ("loss", self.loss in LOSSES, "loss", LOSSES),
            ("optimizer", self.optimizer in OPTIMIZERS, "optimizer", OPTIMIZERS),
            ("prior", self.prior in PRIORS, "noise prior", PRIORS),
            ("remedy", self.remedy in REMEDIES, "remedy", REMEDIES),
            ("sampling", self.sampling in SAMPLINGS, "sampling", SAMPLINGS),
            ("d_input", self.d_input in D_INPUTS, "D input", D_INPUTS),
            ("device", self.device in DEVICES or bool(CUDA_INDEX.fullmatch(self.device)), "device", DEVICES),
        ]
        for name, ok, what, names in choices:
            if not ok:
                raise ConfigError(f"unknown {what} {shown(getattr(self, name))}; choose one of {', '.join(names)}",
                                  name)
        if not (self.decay_end == 0 or self.decay_start < self.decay_end):
            raise ConfigError(f"the learning-rate decay needs 0 <= decay_start < decay_end, or decay_end = 0 for none "
                              f"(got {self.decay_start} and {self.decay_end})", "decay_start")
        if self.d_input != "raw" and self.remedy != "none":
            raise ConfigError(f"d_input={self.d_input} is for the plain GAN's D: remedy must be none "
                              f"(got {self.remedy})", "d_input")
        if self.remedy == "pacgan" and self.batch % self.pack:
            raise ConfigError(f"PacGAN packs each minibatch into groups of pack={self.pack}: batch must be a multiple "
                              f"of it (got batch={self.batch})", "batch")
        return self

    def lr_scale(self, step: int) -> float:
        """The factor on both learning rates at ``step``: 1, falling linearly to ``decay_floor`` from
        ``decay_start`` to ``decay_end``, then ``decay_floor`` (always 1 when ``decay_end`` is 0)."""
        if self.decay_end == 0:
            return 1.0
        done = min(max((step - self.decay_start) / (self.decay_end - self.decay_start), 0.0), 1.0)
        return 1.0 - (1.0 - self.decay_floor) * done

    def needs_new_model(self, other: "TrainConfig") -> bool:
        """True if going from ``self`` to ``other`` changes more than the live fields."""
        return any(getattr(self, f.name) != getattr(other, f.name) for f in fields(self) if f.name not in self.LIVE)

    def to_dict(self) -> dict:
        return asdict(self)


class Refused(ValueError):
    """Input from outside that ganviz refuses, with a one-line reason: the one type every loader raises for a
    bad config (``ConfigError``), run file (``ganviz.files.runfile.RunFileError``), shipped checkpoint
    (``ganviz.files.checkpoints.CheckpointError``) or file of points (``ganviz.core.custom.BadPoints``)."""


class ConfigError(Refused):
    """A config that ``TrainConfig.validate`` refuses: the one-line message names the field (``field``) and what
    it may be. A ``ValueError``, so callers that catch those keep working."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# Each number's type and allowed range: (whole number?, low, high, low excluded?, high excluded?).
# The command line's flags, the pages and run files share them; docs/command-line.md lists them.
BOUNDS = {
    "k": (True, 1, 100, False, False),
    "lr_d": (False, 0.0, 1e6, True, False),  # up to the rates that diverge at once: a lesson shows that too
    "lr_g": (False, 0.0, 1e6, True, False),
    "batch": (True, 1, 4096, False, False),
    "momentum": (False, 0.0, 1.0, False, True),
    "z_dim": (True, 1, 64, False, False),
    "width": (True, 1, 512, False, False),  # 512 wide and 6 deep: the largest run whose file (Adam's state
    "depth": (True, 0, 6, False, False),    # included) stays under ganviz.files.runfile.MAX_BYTES
    "seed": (True, 0, 2**63 - 1, False, False),
    "g_offset": (False, -100.0, 100.0, False, False),
    "unroll": (True, 1, 50, False, False),
    "pack": (True, 2, 16, False, False),
    "decay_start": (True, 0, 10**9, False, False),
    "decay_end": (True, 0, 10**9, False, False),
    "decay_floor": (False, 0.0, 1.0, True, False),
}
DEVICES = ("auto", "cpu", "cuda", "mps")
CUDA_INDEX = re.compile(r"cuda:[0-9]{1,2}")


def allowed(name: str) -> str:
    """What field ``name`` may be, in words: 'a whole number from 1 to 100', 'a number in (0, 10]'."""
    whole, low, high, low_open, high_open = BOUNDS[name]
    if whole:
        return f"a whole number from {low:,} to {high:,}"
    return f"a number in {'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"


def check_field(name: str, value) -> None:
    """``ConfigError`` unless ``value`` has field ``name``'s type (a whole number is an int, never 2.0 nor True)
    and lies in its range (``BOUNDS``)."""
    whole, low, high, low_open, high_open = BOUNDS[name]
    if isinstance(value, bool) or not isinstance(value, numbers.Integral if whole else numbers.Real):
        raise ConfigError(f"{name} must be {allowed(name)} (got {shown(value)})", name)
    inside = ((whole or math.isfinite(value)) and (low < value if low_open else low <= value)
              and (value < high if high_open else value <= high))
    if not inside:
        raise ConfigError(f"{name} must be {allowed(name)} (got {shown(value)})", name)


def shown(value) -> str:
    """``value`` as a message quotes it: its repr, at most 40 characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
