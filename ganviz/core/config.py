"""What defines a run: ``TrainConfig``, its fields' checks, and the names of the choices it offers.

``k``, ``lr_d``, ``lr_g`` and ``batch`` can change while a run goes on (``TrainConfig.LIVE``);
any other field needs a new model. ``TrainConfig.validate`` says in one line what is wrong
with a config a user typed, a page built or a run file holds.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import asdict, dataclass, fields

from .distributions import DISTRIBUTIONS
from .losses import LOSSES
from .priors import PRIORS

OPTIMIZERS = ("adam", "sgd")
REMEDIES = ("none", "unrolled", "pacgan", "mbstd")  # remedies for mode collapse; see ganviz/remedies/methods.py
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

    LIVE = ("k", "lr_d", "lr_g", "batch")

    def validate(self) -> "TrainConfig":
        """Raise ValueError with a one-line reason if a field has the wrong type or is out of range."""
        for f in fields(self):
            _check_type(f.name, f.type, getattr(self, f.name))
        checks = [
            (self.dist in DISTRIBUTIONS or self.dist == CUSTOM,
             f"unknown distribution {self.dist!r}; choose one of {', '.join(DISTRIBUTIONS)}"),
            (self.loss in LOSSES, f"unknown loss {self.loss!r}; choose one of {', '.join(LOSSES)}"),
            (self.optimizer in OPTIMIZERS, f"unknown optimizer {self.optimizer!r}; choose adam or sgd"),
            (self.prior in PRIORS, f"unknown noise prior {self.prior!r}; choose one of {', '.join(PRIORS)}"),
            (int(self.k) == self.k and self.k >= 1, f"k must be a whole number >= 1 (got {self.k})"),
            (self.lr_d > 0 and math.isfinite(self.lr_d), f"lr_d must be a positive number (got {self.lr_d})"),
            (self.lr_g > 0 and math.isfinite(self.lr_g), f"lr_g must be a positive number (got {self.lr_g})"),
            (int(self.batch) == self.batch and self.batch >= 1, f"batch must be a whole number >= 1 (got {self.batch})"),
            (0 <= self.momentum < 1, f"momentum must be in [0, 1) (got {self.momentum})"),
            (self.z_dim >= 1 and self.width >= 1 and self.depth >= 0, "z_dim and width must be >= 1, depth >= 0"),
            (math.isfinite(self.g_offset), f"g_offset must be a finite number (got {self.g_offset})"),
            (self.remedy in REMEDIES, f"unknown remedy {self.remedy!r}; choose one of {', '.join(REMEDIES)}"),
            (int(self.unroll) == self.unroll and self.unroll >= 1, f"unroll must be a whole number >= 1 (got {self.unroll})"),
            (int(self.pack) == self.pack and self.pack >= 2, f"pack must be a whole number >= 2 (got {self.pack})"),
            (self.decay_end == 0 or 0 <= self.decay_start < self.decay_end,
             f"the learning-rate decay needs 0 <= decay_start < decay_end, or decay_end = 0 for none "
             f"(got {self.decay_start} and {self.decay_end})"),
            (0 < self.decay_floor <= 1, f"decay_floor must be in (0, 1] (got {self.decay_floor})"),
            (self.remedy != "pacgan" or self.batch % self.pack == 0,
             f"PacGAN packs each minibatch into groups of pack={self.pack}: batch must be a multiple of it "
             f"(got batch={self.batch})"),
        ]
        for ok, message in checks:
            if not ok:
                raise ValueError(message)
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


def _check_type(name: str, annotation: str, value) -> None:
    """ValueError unless ``value`` fits the field's type: text for str, a whole number for int, a number for float."""
    if annotation == "str":
        ok, what = isinstance(value, str), "text"
    elif annotation == "int":
        finite_float = isinstance(value, float) and math.isfinite(value)  # 1.5 is refused by the range checks
        ok, what = (isinstance(value, numbers.Integral) or finite_float) and not isinstance(value, bool), "a whole number"
    else:
        ok, what = isinstance(value, numbers.Real) and not isinstance(value, bool), "a number"
    if not ok:
        raise ValueError(f"{name} must be {what} (got {value!r})")
