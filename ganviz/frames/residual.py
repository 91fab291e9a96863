"""How far D is from D*: the residual that "Train D to optimality" measures and stops on.

The residual is the mean |D - D*| weighted by p_data + p_g (both probability densities, so the
weights are the mixture (p_data + p_g) / 2 and the residual lies in [0, 1]). Where p_data + p_g is
~0 no sample ever reaches D, D* is 0/0 and D is unconstrained: the weights ignore it there.

* Figure 1 (1D): exactly the snapshot's ``d_gap``, on the grid ``take_snapshot`` uses, p_g exact from G.
* 2D: p_g is known only through G's samples, so both sides are seen through the page's density
  estimate (``density2d``: binned on the D* panel's grid, smoothed by its kernel), from the metrics
  row's fixed samples. D* is the panel's, K p_data / (K p_data + K p_g). D is seen the same way:
  K (D p_data + D p_g) / K (p_data + p_g), the kernel's mass-weighted average of D, which equals that
  D* when D is the true D*. Comparing the sharp D with the smoothed D* instead is wrong where G is
  close to the data: measured on the 2D page's ring8 GAN after 2,000 iterations, training D alone
  then raised that comparison from 0.14 to 0.22 (D learns structure finer than the kernel's 0.12),
  while this residual fell from 0.076 to 0.037 in 6,000 D steps.

``CLOSE`` is the residual below which a page says D is "close to D*"; ``fit_d_star`` trains to it.
"""

from __future__ import annotations

import numpy as np
import torch

from ..core.trainer import FitResult
from ..measure.density2d import bin_samples, compare_2d, smooth
from .snapshot import take_snapshot
from .snapshot2d import STAR_CELLS, generated_samples, real_samples

# Measured (CPU, window 200): Figure 1's d_star preset settles at 0.040 once D's rate has been halved (0.04 to 0.15
# at the run's fixed rate); the 2D page's ring8 GAN falls below 0.05 within 2,500 D steps after 300 or 2,000
# iterations of training, and goes on to 0.003 and 0.037.
CLOSE = {1: 0.05, 2: 0.05}
FIT_SECONDS = 10.0  # a page's cap on one "Train D to optimality"


def d_residual(trainer) -> float:
    """Mean |D - D*| weighted by p_data + p_g, of ``trainer`` now (a pure read; see the module docstring)."""
    if trainer.target.dim == 1:
        return take_snapshot(trainer).metrics["d_gap"]
    return d_gap_2d(trainer)


def d_gap_2d(trainer, cells: int = STAR_CELLS) -> float:
    """The 2D residual: D and D* both seen through the page's density estimate on the D* panel's grid."""
    fake = generated_samples(trainer)
    real = real_samples(trainer, len(fake))
    with torch.no_grad():
        d_real = trainer.loss.probability(trainer.D(real).double()).cpu().numpy().reshape(-1)
        d_fake = trainer.loss.probability(
            trainer.D(torch.as_tensor(fake, dtype=torch.float32, device=trainer.device)).double()).cpu().numpy().reshape(-1)
    real = real.cpu().double().numpy()
    star = compare_2d(fake, trainer.target, cells=cells)
    bounds = trainer.target.bounds

    def seen(weights_real, weights_fake):  # binned on the grid and smoothed by the kernel, as density2d does
        binned = bin_samples(real, bounds, cells, weights_real)[0] + bin_samples(fake, bounds, cells, weights_fake)[0]
        return smooth(binned, bounds, star.bandwidth)[0]

    mass, d_mass = seen(None, None), seen(d_real, d_fake)
    d_seen = np.divide(d_mass, mass, out=np.full_like(mass, 0.5), where=mass > 1e-12)
    weights = 0.5 * (star.p_data + star.p_g) * star.cell_area
    return float((weights * np.abs(d_seen - star.d_star)).sum())


def fit_d_star(trainer, window: int = 200, max_steps: int = 20_000, max_seconds: float | None = None) -> FitResult:
    """Train D alone, G frozen, until its residual is below ``CLOSE`` or stops falling (``Trainer.fit_discriminator``)."""
    return trainer.fit_discriminator(d_residual, CLOSE[trainer.target.dim], window=window, max_steps=max_steps,
                                     max_seconds=max_seconds)
