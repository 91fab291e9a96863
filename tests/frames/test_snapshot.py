"""Tests for ganviz.frames.snapshot: the 1D picture and the metrics row read off a Trainer."""

import dataclasses
import json
import math

import numpy as np
import pytest
import torch
from scipy import stats

from ganviz.measure.metrics import jsd, optimal_discriminator
from ganviz.frames.snapshot import Snapshot1D, take_snapshot
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer

CPU = TrainConfig(device="cpu", batch=64)
ROW_KEYS = {"step", "d_steps", "jsd", "value", "criterion", "d_loss", "g_loss", "d_real", "d_fake", "d_gap"}


def set_linear_g(trainer, a, b):
    """Make the ReLU MLP G compute exactly G(z) = a z + b (a z = a relu(z) - a relu(-z))."""
    net = trainer.G.net
    l1, l2, l3 = net[0], net[2], net[4]
    with torch.no_grad():
        for p in trainer.G.parameters():
            p.zero_()
        l1.weight[0, 0], l1.weight[1, 0] = 1.0, -1.0
        l2.weight[0, 0], l2.weight[1, 1] = 1.0, 1.0
        l3.weight[0, 0], l3.weight[0, 1] = a, -a
        l3.bias[0] = b


def set_constant_d(trainer, prob):
    last = trainer.D.net[-1]
    with torch.no_grad():
        last.weight.zero_()
        last.bias.fill_(math.log(prob / (1 - prob)))


@pytest.fixture(scope="module")
def trained():
    tr = Trainer(CPU)
    tr.train(150)
    return tr


def test_arrays_have_window_length(trained):
    s = take_snapshot(trained, cells=500)
    assert isinstance(s, Snapshot1D)
    for arr in (s.x, s.p_data, s.p_g, s.d, s.d_star):
        assert arr.shape == (500,)
        assert np.all(np.isfinite(arr))
    lo, hi = trained.target.bounds[0]
    dx = (hi - lo) / 500
    np.testing.assert_allclose(s.x, lo + dx * (np.arange(500) + 0.5), atol=1e-12)
    assert s.step == trained.step == s.metrics["step"]
    assert (s.prior, s.loss, s.d_is_probability) == ("uniform", "nonsaturating", True)
    assert s.z_range == (-1.0, 1.0)


def test_p_data_matches_target_pdf(trained):
    s = take_snapshot(trained)
    np.testing.assert_array_equal(s.p_data, trained.target.pdf(s.x))
    np.testing.assert_allclose(s.p_data, stats.norm.pdf(s.x, 2.0, 0.5), rtol=1e-12)


def test_d_and_d_star_and_arrows(trained):
    s = take_snapshot(trained)
    with torch.no_grad():
        d = torch.sigmoid(trained.D(torch.as_tensor(s.x, dtype=torch.float32).reshape(-1, 1))).double().numpy()
    np.testing.assert_allclose(s.d, d, rtol=1e-6)
    np.testing.assert_allclose(s.d_star, optimal_discriminator(s.p_data, s.p_g), rtol=1e-15)
    assert np.all((s.d_star >= 0) & (s.d_star <= 1))
    np.testing.assert_allclose(s.z_arrows, np.linspace(-1, 1, 21))
    with torch.no_grad():
        g = trained.G(torch.as_tensor(s.z_arrows, dtype=torch.float32).reshape(-1, 1))[:, 0].double().numpy()
    np.testing.assert_allclose(s.x_arrows, g, rtol=1e-6)


def test_metrics_row_keys_and_theorem_1():
    tr = Trainer(CPU)
    tr.train(150)
    row = take_snapshot(tr).metrics
    assert ROW_KEYS <= set(row)
    assert all(isinstance(row[k], (int, float)) for k in ROW_KEYS)
    assert (row["step"], row["d_steps"]) == (150, 150)
    assert all(math.isfinite(row[k]) for k in ROW_KEYS)
    assert 0 <= row["jsd"] <= math.log(2)
    assert abs(row["criterion"] - (-math.log(4) + 2 * row["jsd"])) < 1e-10
    assert row["value"] <= row["criterion"] + 1e-12  # V(D, G) <= max_D V = C(G)
    assert 0 <= row["d_real"] <= 1 and 0 <= row["d_fake"] <= 1 and 0 <= row["d_gap"] <= 1


def test_p_g_of_linear_g_is_exact_uniform_and_integrates_to_one():
    tr = Trainer(CPU)
    set_linear_g(tr, 0.5, 1.0)  # G(z) = z/2 + 1 ~ U(0.5, 1.5), inside the window [-3, 5]
    s = take_snapshot(tr, cells=800)
    dx = s.x[1] - s.x[0]
    assert s.p_g.sum() * dx == pytest.approx(1.0, abs=1e-9)
    interior = (s.x > 0.52) & (s.x < 1.48)
    np.testing.assert_allclose(s.p_g[interior], 1.0, atol=1e-6)
    assert np.all(s.p_g[(s.x < 0.49) | (s.x > 1.51)] == 0.0)
    # JSD against an independent fine-grid computation of JSD(N(2, 0.5^2) || U(0.5, 1.5))
    x = np.linspace(-6, 8, 140_001)
    ref = jsd(stats.norm.pdf(x, 2, 0.5), ((x >= 0.5) & (x <= 1.5)).astype(float), x[1] - x[0])
    assert s.metrics["jsd"] == pytest.approx(ref, abs=2e-3)


def test_grid_grows_past_window_so_no_mass_is_lost():
    tr = Trainer(CPU)
    set_linear_g(tr, 3.0, 4.0)  # U(1, 7): a third of the mass is right of the window [-3, 5]
    s = take_snapshot(tr, cells=800)
    dx = s.x[1] - s.x[0]
    assert s.p_g.sum() * dx == pytest.approx(4.0 / 6.0, abs=1e-3)  # the window shows 2/3
    x = np.linspace(-6, 10, 160_001)
    ref = jsd(stats.norm.pdf(x, 2, 0.5), ((x >= 1) & (x <= 7)).astype(float), x[1] - x[0])
    assert s.metrics["jsd"] == pytest.approx(ref, abs=2e-3)  # computed on the grown grid
    # on the window alone the JSD would be noticeably different
    windowed = jsd(s.p_data, s.p_g, dx)
    assert abs(windowed - ref) > 0.05


def test_constant_d_gives_expected_expectations():
    tr = Trainer(CPU)
    set_linear_g(tr, 0.5, 1.0)
    set_constant_d(tr, 0.3)
    m = take_snapshot(tr).metrics
    assert m["d_real"] == pytest.approx(0.3, abs=1e-5)
    assert m["d_fake"] == pytest.approx(0.3, abs=1e-5)
    assert m["value"] == pytest.approx(math.log(0.3) + math.log(0.7), abs=1e-5)


def test_d_gap_is_mean_abs_distance_to_d_star_under_the_mixture():
    tr = Trainer(CPU)
    set_linear_g(tr, 0.5, 1.0)  # U(0.5, 1.5): the grid is the window, nothing outside it
    set_constant_d(tr, 0.5)
    s = take_snapshot(tr)
    dx = s.x[1] - s.x[0]
    p_data = s.p_data / (s.p_data.sum() * dx)
    mixture = 0.5 * (p_data + s.p_g)
    expected = float((mixture * np.abs(0.5 - s.d_star)).sum() * dx)
    assert s.metrics["d_gap"] == pytest.approx(expected, rel=1e-6)
    # D* = 1 on the real mode, 0 on U(0.5, 1.5) where p_data is small: the gap is close to 1/2
    assert 0.4 < s.metrics["d_gap"] < 0.5
    # a D shaped like D* (low on the fakes, high on the real mode): logit = 10 (x - 1.6)
    net = tr.D.net
    with torch.no_grad():
        for p in tr.D.parameters():
            p.zero_()
        net[0].weight[0, 0], net[0].bias[0] = 1.0, -1.6  # relu(x - 1.6)
        net[0].weight[1, 0], net[0].bias[1] = -1.0, 1.6  # relu(1.6 - x)
        net[2].weight[0, 0], net[2].weight[1, 1] = 1.0, 1.0
        net[4].weight[0, 0], net[4].weight[0, 1] = 10.0, -10.0
    s2 = take_snapshot(tr)
    np.testing.assert_allclose(s2.d, 1 / (1 + np.exp(-10 * (s2.x - 1.6))), atol=1e-6)
    expected2 = float((mixture * np.abs(s2.d - s2.d_star)).sum() * dx)
    assert s2.metrics["d_gap"] == pytest.approx(expected2, rel=1e-6)
    assert s2.metrics["d_gap"] < 0.5 * s.metrics["d_gap"]


def test_normal_prior_snapshot_matches_gaussian():
    tr = Trainer(dataclasses.replace(CPU, prior="normal"))
    set_linear_g(tr, 0.5, 2.0)  # G(z) = z/2 + 2 with z ~ N(0, 1): exactly the target
    s = take_snapshot(tr)
    assert s.z_range == (-3.0, 3.0)
    np.testing.assert_allclose(s.p_g, s.p_data, atol=1e-2)  # the two end cells hold half-masses 1/(2n)
    assert s.metrics["jsd"] < 1e-4
    assert s.metrics["criterion"] == pytest.approx(-math.log(4), abs=2e-4)
    core = np.abs(s.x - 2) < 1.0
    np.testing.assert_allclose(s.p_g[core], s.p_data[core], rtol=2e-3)
    np.testing.assert_allclose(s.d_star[core], 0.5, atol=1e-3)


def test_z_dim_above_one_uses_histogram():
    tr = Trainer(dataclasses.replace(CPU, z_dim=2))
    tr.train(20)
    s = take_snapshot(tr)
    dx = s.x[1] - s.x[0]
    assert np.all(np.isfinite(s.p_g))
    assert s.p_g.sum() * dx <= 1.0 + 1e-9
    assert abs(s.metrics["criterion"] - (-math.log(4) + 2 * s.metrics["jsd"])) < 1e-10


def recorded(trainer):
    """A snapshot whose metrics row is recorded, as a page records the frames it shows."""
    snap = take_snapshot(trainer)
    trainer.record(snap.metrics)
    return snap


def test_a_snapshot_only_reads():
    tr = Trainer(CPU)
    tr.train(3)
    first = take_snapshot(tr)
    again = take_snapshot(tr)
    assert tr.history == [] and all(np.isfinite(tr.mean_losses()))
    assert json.dumps(first.metrics) == json.dumps(again.metrics)  # the losses too: reading consumed none
    assert np.array_equal(first.d, again.d) and np.array_equal(first.p_g, again.p_g)


def test_history_one_row_per_state():
    tr = Trainer(CPU)
    assert tr.history == []
    first = recorded(tr)
    assert tr.history == [first.metrics]
    assert not tr.record(take_snapshot(tr).metrics)  # redrawing the same state adds nothing
    recorded(tr)
    assert len(tr.history) == 1
    tr.train(3)
    stale = take_snapshot(tr)
    assert len(tr.history) == 1
    assert tr.record(stale.metrics) and len(tr.history) == 2 and tr.history[-1]["step"] == 3
    assert all(math.isnan(loss) for loss in tr.mean_losses())  # the recorded row took the losses with it
    # the first snapshot came before any training: no losses to report
    assert math.isnan(tr.history[0]["d_loss"]) and math.isnan(tr.history[0]["g_loss"])
    tr.train(2)
    row = recorded(tr).metrics
    assert math.isfinite(row["d_loss"]) and math.isfinite(row["g_loss"])
    with pytest.raises(ValueError, match="not of this state"):  # a row of step 5 cannot close a later state
        tr.train(1) or tr.record(row)
    tr.train_discriminator(2)  # a D-only update is a new state too
    recorded(tr)
    assert len(tr.history) == 4
    assert [(r["step"], r["d_steps"]) for r in tr.history] == [(0, 0), (3, 3), (5, 5), (6, 8)]
    for r in tr.history:
        assert abs(r["criterion"] - (-math.log(4) + 2 * r["jsd"])) < 1e-10


def test_rejects_non_1d_target():
    tr = Trainer(CPU)
    tr.target.dim = 2
    with pytest.raises(ValueError, match="1D"):
        take_snapshot(tr)


@pytest.mark.parametrize("c", [-100.0, -3.0])
def test_snapshot_of_g_collapsed_left_of_window(c):
    tr = Trainer(CPU)
    set_linear_g(tr, 0.0, c)
    s = take_snapshot(tr)
    assert s.metrics["jsd"] == pytest.approx(math.log(2), abs=1e-9)


def test_snapshot_of_g_collapsed_right_of_window():
    tr = Trainer(CPU)
    set_linear_g(tr, 0.0, 100.0)
    s = take_snapshot(tr)
    assert s.metrics["jsd"] == pytest.approx(math.log(2), abs=1e-9)
    assert np.all(s.p_g == 0.0)  # the spike is off the window


def test_value_finite_for_confident_discriminator():
    tr = Trainer(CPU)
    set_linear_g(tr, 0.5, 1.0)
    set_constant_d(tr, 0.5)
    with torch.no_grad():
        tr.D.net[-1].bias.fill_(20.0)  # logit 20 everywhere: log(1 - D) = -softplus(20) ~ -20
    m = take_snapshot(tr).metrics
    assert m["value"] == pytest.approx(-20.0, abs=1e-3)
