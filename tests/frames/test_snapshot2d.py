"""The metrics row of a 2D run: what it reports, and that measuring leaves the run unchanged."""

import math

import numpy as np
import pytest
import torch

from ganviz.frames.snapshot2d import METRICS_SEED, generated_samples, metrics_2d
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer

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
            "modes", "hq", "mode_counts"} == set(row)
    assert len(row["mode_counts"]) == 8 and sum(row["mode_counts"]) == round(row["hq"] * 2500)
    assert (row["step"], row["d_steps"]) == (30, 30)
    assert isinstance(row["modes"], int) and 0 <= row["modes"] <= 8
    assert 0.0 <= row["hq"] <= 1.0 and 0.0 <= row["jsd"] <= math.log(2) and 0.0 <= row["outside"] <= 1.0
    assert row["criterion"] == pytest.approx(-math.log(4) + 2 * row["jsd"], abs=1e-12)
    assert all(math.isfinite(v) for k, v in row.items() if k != "mode_counts")
    assert trainer.history == []  # measuring only reads
    assert metrics_2d(trainer) == row
    assert trainer.record(row) and not trainer.record(metrics_2d(trainer))  # same state: not recorded twice
    assert trainer.history == [row]


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
    row = metrics_2d(trainer)
    assert (row["modes"], row["hq"]) == (1, 1.0)
    expected = 0.5 * (1 / 8 * math.log(2 / 9) + math.log(16 / 9)) + 7 / 16 * math.log(2)  # see test_density2d
    assert row["jsd"] == pytest.approx(expected, abs=0.01)


def test_value_and_d_means_with_a_constant_d():
    trainer = Trainer(RING)
    constant_d(trainer, 0.3)
    row = metrics_2d(trainer)
    assert row["d_real"] == pytest.approx(0.3, abs=1e-6) and row["d_fake"] == pytest.approx(0.3, abs=1e-6)
    assert row["value"] == pytest.approx(math.log(0.3) + math.log(0.7), abs=1e-6)


def test_critic_losses_have_no_value():
    trainer = Trainer(TrainConfig(dist="ring8", loss="wgan-gp", device="cpu", batch=32))
    assert math.isnan(metrics_2d(trainer)["value"])


def test_refuses_1d_targets():
    with pytest.raises(ValueError, match="2D"):
        metrics_2d(Trainer(TrainConfig(device="cpu")))


# ----- the picture: take_snapshot_2d --------------------------------------------------------------
from ganviz.frames.snapshot2d import take_snapshot_2d  # noqa: E402


def test_picture_shapes_and_ranges():
    trainer = Trainer(RING)
    trainer.train(10)
    snap = take_snapshot_2d(trainer, n_show=300, heat_cells=20, star_cells=32, grid_lines=5, arrows=12)
    assert snap.real.shape == snap.fake.shape == (300, 2)
    assert snap.d.shape == (20, 20) and np.all((snap.d >= 0) & (snap.d <= 1))
    assert snap.d_star.shape == snap.star_mass.shape == (32, 32)
    assert np.all((snap.d_star >= 0) & (snap.d_star <= 1))
    assert len(snap.manifold) == 2 * 5 and all(line.shape[1] == 2 for line in snap.manifold)
    assert snap.arrow_from.shape == snap.arrow_to.shape == (12, 2)
    assert np.allclose(snap.arrow_from, snap.fake[:12])
    assert snap.metrics["step"] == 10 and trainer.history == []


def test_heatmap_is_d_on_its_grid():
    trainer = Trainer(RING)
    constant_d(trainer, 0.8)
    snap = take_snapshot_2d(trainer, n_show=50, heat_cells=8)
    assert np.allclose(snap.d, 0.8, atol=1e-6)


def test_fake_points_are_tracked_and_the_run_is_unchanged():
    """The same z every frame: with G unchanged the points do not move, and drawing draws nothing from the trainer."""
    a, b = Trainer(RING), Trainer(RING)
    first = take_snapshot_2d(a, n_show=100)
    second = take_snapshot_2d(a, n_show=100)
    assert np.array_equal(first.fake, second.fake) and np.array_equal(first.real, second.real)
    a.train(5)
    b.train(5)
    assert all(torch.equal(p, q) for p, q in zip(weights(a), weights(b)))


def test_manifold_of_a_one_dimensional_noise_is_one_curve():
    trainer = Trainer(TrainConfig(dist="ring8", device="cpu", z_dim=1, seed=1))
    snap = take_snapshot_2d(trainer, n_show=50)
    assert len(snap.manifold) == 1 and snap.manifold[0].shape == (400, 2)


def test_manifold_is_g_of_the_z_grid():
    trainer = Trainer(RING)
    constant_g(trainer, [0.5, -1.0])
    snap = take_snapshot_2d(trainer, n_show=50, grid_lines=3)
    assert all(np.allclose(line, [0.5, -1.0], atol=1e-6) for line in snap.manifold)


def test_gradient_arrows_point_towards_higher_d():
    """With D(x) increasing to the right, G's gradient moves every point to the right."""
    trainer = Trainer(RING)
    with torch.no_grad():  # a linear D whose logit is 3 * x_0
        trainer.D.net = torch.nn.Sequential(torch.nn.Linear(2, 1))
        trainer.D.net[0].weight.copy_(torch.tensor([[3.0, 0.0]]))
        trainer.D.net[0].bias.zero_()
    snap = take_snapshot_2d(trainer, n_show=40, arrows=10)
    step = snap.arrow_to - snap.arrow_from
    assert np.all(step[:, 0] > 0) and np.allclose(step[:, 1], 0, atol=1e-9)
    longest = np.linalg.norm(step, axis=1).max()
    assert longest == pytest.approx(0.08 * (trainer.target.bounds[0, 1] - trainer.target.bounds[0, 0]))


def test_refuses_a_1d_target():
    with pytest.raises(ValueError, match="2D"):
        take_snapshot_2d(Trainer(TrainConfig(device="cpu")))


# ----- G's manifold cells and their stretch |det dG/dz| ---------------------------------------------------------
class Affine(torch.nn.Module):
    """G(z) = A z[:2] + b, or with ``cube``, G(z) = (z_0^3, z_1) + b."""

    def __init__(self, a, b, cube: bool = False):
        super().__init__()
        self.a, self.b, self.cube = torch.as_tensor(a, dtype=torch.float32), torch.as_tensor(b, dtype=torch.float32), cube

    def forward(self, z):
        z = z[:, :2]
        if self.cube:
            return torch.stack([z[:, 0] ** 3, z[:, 1]], dim=1) + self.b
        return z @ self.a.T + self.b


@pytest.mark.parametrize("z_dim", [2, 4])
def test_a_linear_gs_cells_are_stretched_by_the_determinant_of_its_matrix(z_dim):
    from ganviz.frames.snapshot2d import manifold_stretch, take_snapshot_2d

    trainer = Trainer(TrainConfig(dist="ring8", device="cpu", batch=64, z_dim=z_dim, seed=1))
    a, b = np.array([[1.5, 0.5], [-0.25, 2.0]]), np.array([0.3, -0.2])
    trainer.G = Affine(a, b)
    nodes, stretch = manifold_stretch(trainer, 5)
    assert stretch.shape == (4, 4) and nodes.shape == (5, 5, 2)
    np.testing.assert_allclose(stretch, abs(np.linalg.det(a)), rtol=1e-6)  # |det A| = 3.125 in every cell
    u = np.linspace(*trainer.prior.range, 5)
    np.testing.assert_allclose(nodes[2, 4], a @ [u[2], u[4]] + b, atol=1e-6)  # nodes[i, j] = G(u_i, u_j)
    snap = take_snapshot_2d(trainer)
    assert snap.stretch.shape == (10, 10) and snap.manifold_nodes.shape == (11, 11, 2)
    np.testing.assert_allclose(snap.stretch, 3.125, rtol=1e-6)
    assert snap.z_square == pytest.approx(float(np.ptp(trainer.prior.range)) ** 2)


def test_a_curved_gs_stretch_is_its_jacobian_at_each_cells_centre():
    from ganviz.frames.snapshot2d import manifold_stretch

    trainer = Trainer(TrainConfig(dist="ring8", device="cpu", batch=64, z_dim=2, seed=1))
    trainer.G = Affine(np.eye(2), [0.0, 0.0], cube=True)  # det dG/dz = 3 z_0^2
    _, stretch = manifold_stretch(trainer, 6)
    u = np.linspace(*trainer.prior.range, 6)
    centres = 0.5 * (u[1:] + u[:-1])
    np.testing.assert_allclose(stretch, np.repeat(3 * centres[:, None] ** 2, 5, axis=1), rtol=1e-5, atol=1e-7)


def test_a_1d_noise_has_no_cells_and_the_stretch_changes_nothing():
    from ganviz.frames.snapshot2d import manifold_stretch, take_snapshot_2d

    trainer = Trainer(TrainConfig(dist="ring8", device="cpu", batch=64, z_dim=1))
    nodes, stretch = manifold_stretch(trainer, 11)
    assert nodes.shape == (0, 0, 2) and stretch.shape == (0, 0)
    trainer = Trainer(RING)
    before = weights(trainer)
    snap = take_snapshot_2d(trainer)
    assert all(torch.equal(x, y) for x, y in zip(before, weights(trainer)))
    assert all(p.grad is None for p in trainer.G.parameters())  # autograd w.r.t. z only
    assert np.isfinite(snap.stretch).all() and (snap.stretch >= 0).all()
