"""``device="auto"`` for training: the device that trains *this size* of GAN faster, measured once.

A GPU is not always the faster place for the toy networks: a 2 x 32 MLP on 128
points does so little arithmetic per kernel that launching the kernels costs more
than the CPU's whole step. So when an accelerator is present, the first run of
each size (target dimension, noise dimension, width, depth, batch, k, loss,
remedy) times a few iterations on every candidate device and keeps the faster
one for the rest of the process (``choose``). With only a CPU nothing is
measured. Which device won, and the rates it was chosen by, are the
``DeviceChoice`` a trainer keeps (``Trainer.device_choice``), so the page can say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .device import accelerators, resolve_device


@dataclass(frozen=True)
class DeviceChoice:
    """Where one size of GAN trains, and the iterations per second measured on each candidate (empty: not measured)."""

    device: str
    rates: dict


_CHOICES: dict[tuple, DeviceChoice] = {}


def size_key(config) -> tuple:
    """What decides which device is faster: the amount of arithmetic per kernel and the number of kernels."""
    return (config.dist, config.z_dim, config.width, config.depth, config.batch, config.k, config.loss,
            config.remedy, config.pack, config.unroll, config.optimizer)


def faster(rates: dict) -> str:
    """The device with the most iterations per second in ``rates``; ties go to the CPU."""
    return max(sorted(rates, key=lambda name: name != "cpu"), key=lambda name: rates[name])


def choose(config, rate: Callable[[str], float], candidates: list[str] | None = None) -> DeviceChoice:
    """The device ``config`` trains on. ``rate(device)`` measures iterations per second there.

    An explicit ``config.device`` is taken as it is. ``"auto"`` with only the CPU is the
    CPU; with accelerators, each candidate is measured the first time a size is seen.
    """
    if config.device != "auto":
        return DeviceChoice(str(resolve_device(config.device)), {})
    candidates = candidates if candidates is not None else ["cpu", *accelerators()]
    if len(candidates) == 1:
        return DeviceChoice(candidates[0], {})
    key = size_key(config)
    if key not in _CHOICES:
        rates = {device: float(rate(device)) for device in candidates}
        _CHOICES[key] = DeviceChoice(faster(rates), rates)
    return _CHOICES[key]


def forget() -> None:
    """Drop every measured choice (tests; a machine whose load changed)."""
    _CHOICES.clear()
