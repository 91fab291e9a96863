"""The metrics row of a 2D run, read off a Trainer from a fixed set of G's samples.

In 1D, ``take_snapshot`` gets p_g exactly from G. In 2D, p_g is estimated from
samples (``density2d``), and the mode-collapse benchmarks also count modes from
samples (``modes``). The samples come from a generator of random numbers of
their own, seeded with ``METRICS_SEED``: measuring draws nothing from the
trainer's generator, so a run with metrics is the same run as one without, and
every row uses the same noise z, so rows differ only because G changed.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from .density2d import compare_2d
from .modes import N_SAMPLES, has_modes, mode_metrics

METRICS_SEED = 0


def generated_samples(trainer, n: int = N_SAMPLES, seed: int = METRICS_SEED) -> np.ndarray:
    """``n`` samples G(z), z ~ p_z drawn from a generator seeded with ``seed``, as a float64 (n, dim) array."""
    rng = torch.Generator(device=trainer.device).manual_seed(seed)
    with torch.no_grad():
        z = trainer.prior.sample(n, trainer.config.z_dim, rng, trainer.device)
        return trainer.G(z).cpu().double().numpy()


def metrics_2d(trainer, n: int = N_SAMPLES, record: bool = True) -> dict:
    """The metrics row of a 2D run, from ``n`` generated and ``n`` real samples; appended to ``trainer.history``.

    * ``jsd``: JSD between p_data and p_g smoothed the same way (``density2d``),
      in nats; ``criterion`` = C(G) = -log 4 + 2 jsd (Theorem 1) on those densities;
      ``outside``: the share of p_g's smoothed mass outside the target's window.
    * ``value``: V(D, G) estimated by averages over the samples,
      mean log D(x_real) + mean log(1 - D(G(z))); NaN when D is not a probability.
    * ``d_real``, ``d_fake``: mean D(x) over the real and the generated samples.
    * ``d_loss``, ``g_loss``: mean losses since the last recorded row.
    * ``modes``, ``hq``: modes covered and high-quality fraction (``modes``), for
      the mode-collapse benchmarks only.
    """
    if trainer.target.dim != 2:
        raise ValueError("metrics_2d measures 2D targets; this target is %dD" % trainer.target.dim)
    fake = generated_samples(trainer, n)
    real = trainer.target.sample(n, torch.Generator(device=trainer.device).manual_seed(METRICS_SEED + 1), trainer.device)
    with torch.no_grad():
        d_real = trainer.loss.probability(trainer.D(real).double()).cpu().numpy()
        d_fake = trainer.loss.probability(trainer.D(torch.as_tensor(fake, dtype=torch.float32, device=trainer.device)).double()).cpu().numpy()
    comparison = compare_2d(fake, trainer.target)
    d_loss, g_loss = trainer.mean_losses(clear=record)
    with np.errstate(divide="ignore"):
        value = float(np.log(d_real).mean() + np.log1p(-d_fake).mean()) if trainer.loss.is_probability else math.nan
    metrics = {
        "step": trainer.step,
        "d_steps": trainer.d_steps,
        "jsd": comparison.jsd,
        "value": value,
        "criterion": -math.log(4.0) + 2.0 * comparison.jsd,
        "d_loss": d_loss,
        "g_loss": g_loss,
        "d_real": float(d_real.mean()),
        "d_fake": float(d_fake.mean()),
        "outside": comparison.outside_g,
    }
    if has_modes(trainer.target):
        counted = mode_metrics(fake, trainer.target)
        metrics.update(modes=counted["modes"], hq=counted["hq"])
    last = trainer.history[-1] if trainer.history else None
    if record and (last is None or (last["step"], last["d_steps"]) != (trainer.step, trainer.d_steps)):
        trainer.history.append(metrics)  # once per state, as take_snapshot does
    return metrics
