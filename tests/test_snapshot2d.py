"""The metrics row of a 2D run: what it reports, and that measuring leaves the run unchanged."""

import math

import numpy as np
import pytest
import torch

from ganviz.snapshot2d import METRICS_SEED, generated_samples, metrics_2d
from ganviz.trainer import TrainConfig, Trainer

RING = TrainConfig(dist="ring8", device="cpu", batch=64, z_dim=2, seed=4)


def weights(trainer):
    return [p.detach().clone() for p in (*trainer.G.parameters(), *trainer.D.parameters())]


def constant_g(trainer, point):
    """G(z) = point for every z."""
    last = trainer.G.net[-1]
    with torch.no_grad():
        last.weight.zero_()
        last.bias.copy_(torch.as_tensor(point, dtype=torch.float32))


def constant_d(trainer, prob):
    last = trainer.D.net[-1]
    with torch.no_grad():
        last.weight.zero_()
        last.bias.fill_(math.log(prob / (1 - prob)))


def test_row_keys_and_ranges():
    trainer = Trainer(RING)
    trainer.train(30)
    row = metrics_2d(trainer)
    assert {"step", "d_steps", "jsd", "value", "criterion", "d_loss", "g_loss", "d_real", "d_fake", "outside",
            "modes", "hq"} == set(row)
    assert (row["step"], row["d_steps"]) == (30, 30)
    assert isinstance(row["modes"], int) and 0 <= row["modes"] <= 8
    assert 0.0 <= row["hq"] <= 1.0 and 0.0 <= row["jsd"] <= math.log(2) and 0.0 <= row["outside"] <= 1.0
    assert row["criterion"] == pytest.approx(-math.log(4) + 2 * row["jsd"], abs=1e-12)
    assert all(math.isfinite(v) for v in row.values())
    assert trainer.history == [row]
    metrics_2d(trainer)  # same state: not recorded twice
    assert len(trainer.history) == 1


def test_targets_without_modes_have_no_mode_columns():
    trainer = Trainer(TrainConfig(dist="moons", device="cpu", batch=64))
    trainer.train(5)
    row = metrics_2d(trainer)
    assert "modes" not in row and "hq" not in row and math.isfinite(row["jsd"])


def test_measuring_does_not_change_the_run():
    measured, plain = Trainer(RING), Trainer(RING)
    for _ in range(5):
        measured.train(10)
        metrics_2d(measured)
        plain.train(10)
    assert all(torch.equal(a, b) for a, b in zip(weights(measured), weights(plain)))
    assert torch.equal(measured.rng.get_state(), plain.rng.get_state())


def test_generated_samples_use_their_own_seeded_noise():
    trainer = Trainer(RING)
    a = generated_samples(trainer, 100)
    assert a.shape == (100, 2) and a.dtype == np.float64
    np.testing.assert_array_equal(a, generated_samples(trainer, 100, METRICS_SEED))
    assert not np.array_equal(a, generated_samples(trainer, 100, METRICS_SEED + 7))
    z = trainer.prior.sample(100, 2, torch.Generator().manual_seed(METRICS_SEED))
    np.testing.assert_allclose(a, trainer.G(z).detach().double().numpy())


def test_collapsed_g_covers_one_mode():
    trainer = Trainer(RING)
    constant_g(trainer, [0.0, 2.0])  # exactly on the mode at 90 degrees
    row = metrics_2d(trainer, record=False)
    assert (row["modes"], row["hq"]) == (1, 1.0)
    expected = 0.5 * (1 / 8 * math.log(2 / 9) + math.log(16 / 9)) + 7 / 16 * math.log(2)  # see test_density2d
    assert row["jsd"] == pytest.approx(expected, abs=0.01)


def test_value_and_d_means_with_a_constant_d():
    trainer = Trainer(RING)
    constant_d(trainer, 0.3)
    row = metrics_2d(trainer, record=False)
    assert row["d_real"] == pytest.approx(0.3, abs=1e-6) and row["d_fake"] == pytest.approx(0.3, abs=1e-6)
    assert row["value"] == pytest.approx(math.log(0.3) + math.log(0.7), abs=1e-6)


def test_critic_losses_have_no_value():
    trainer = Trainer(TrainConfig(dist="ring8", loss="wgan-gp", device="cpu", batch=32))
    assert math.isnan(metrics_2d(trainer, record=False)["value"])


def test_refuses_1d_targets():
    with pytest.raises(ValueError, match="2D"):
        metrics_2d(Trainer(TrainConfig(device="cpu")))
