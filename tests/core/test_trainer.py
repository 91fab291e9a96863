"""Tests for ganviz.core.trainer: Algorithm 1, live changes, the divergence guard, convergence."""

import copy
import dataclasses
import math
import statistics

import numpy as np
import pytest
import torch

from ganviz.frames.snapshot import take_snapshot
from ganviz.core.config import ConfigError, TrainConfig
from ganviz.core.trainer import DFit, DivergenceError, FitResult, Plateau, Trainer
from ganviz.frames.residual import d_residual

CPU = TrainConfig(device="cpu", batch=64)


def weights(trainer):
    """A detached copy of every weight of G and D."""
    return {f"{net}.{k}": v.detach().clone() for net in ("G", "D") for k, v in getattr(trainer, net).state_dict().items()}


def same_weights(a, b):
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def opt_state(trainer):
    return {"opt_d": copy.deepcopy(trainer.opt_d.state_dict()), "opt_g": copy.deepcopy(trainer.opt_g.state_dict())}


def same_opt_state(a, b):
    for name in a:
        sa, sb = a[name]["state"], b[name]["state"]
        if sa.keys() != sb.keys():
            return False
        for k in sa:
            for key, va in sa[k].items():
                vb = sb[k][key]
                if torch.is_tensor(va):
                    if not torch.equal(va, vb):
                        return False
                elif va != vb:
                    return False
    return True


def lrs(trainer):
    return trainer.opt_d.param_groups[0]["lr"], trainer.opt_g.param_groups[0]["lr"]


# ----- TrainConfig --------------------------------------------------------------------


@pytest.mark.parametrize(
    "change,pattern",
    [
        ({"loss": "vanilla"}, r"unknown loss 'vanilla'; choose one of .*nonsaturating"),
        ({"dist": "ring"}, r"unknown distribution 'ring'; choose one of .*gaussian"),
        ({"optimizer": "rmsprop"}, r"unknown optimizer 'rmsprop'"),
        ({"prior": "laplace"}, r"unknown noise prior 'laplace'"),
        ({"k": 0}, r"k must be a whole number from 1 to 100 \(got 0\)"),
        ({"k": -2}, r"k must be a whole number from 1 to 100"),
        ({"k": 1.5}, r"k must be a whole number from 1 to 100 \(got 1.5\)"),
        ({"lr_d": 0.0}, r"lr_d must be a number in \(0, 1e\+06\] \(got 0.0\)"),
        ({"lr_d": -1e-3}, r"lr_d must be a number in \(0, 1e\+06\]"),
        ({"lr_g": 0.0}, r"lr_g must be a number in \(0, 1e\+06\]"),
        ({"lr_g": float("nan")}, r"lr_g must be a number in \(0, 1e\+06\]"),
        ({"lr_d": float("inf")}, r"lr_d must be a number in \(0, 1e\+06\]"),
        ({"batch": 0}, r"batch must be a whole number from 1 to 4,096 \(got 0\)"),
        ({"batch": 2.5}, r"batch must be a whole number from 1 to 4,096"),
        ({"momentum": 1.0}, r"momentum must be a number in \[0, 1\)"),
        ({"width": 0}, r"width must be a whole number from 1 to 512"),
        ({"decay_start": 10, "decay_end": 10}, r"decay needs 0 <= decay_start < decay_end"),
        ({"decay_start": -1, "decay_end": 10}, r"decay_start must be a whole number from 0 to 1,000,000,000"),
        ({"k": 101}, r"k must be a whole number from 1 to 100 \(got 101\)"),
        ({"k": 2.0}, r"k must be a whole number from 1 to 100 \(got 2.0\)"),
        ({"k": True}, r"k must be a whole number"),
        ({"batch": 10**7}, r"batch must be a whole number from 1 to 4,096 \(got 10000000\)"),
        ({"seed": 1e30}, r"seed must be a whole number from 0 to 9,223,372,036,854,775,807 \(got 1e\+30\)"),
        ({"seed": -1}, r"seed must be a whole number from 0"),
        ({"lr_d": 2e6}, r"lr_d must be a number in \(0, 1e\+06\] \(got 2000000.0\)"),
        ({"depth": 7}, r"depth must be a whole number from 0 to 6"),
        ({"g_offset": 1e9}, r"g_offset must be a number in \[-100, 100\]"),
        ({"device": "gpu"}, r"unknown device .gpu.; choose one of auto, cpu, cuda, mps"),
        ({"dist": 3}, r"dist must be text \(got 3\)"),
        ({"dist": "x" * 900}, r"unknown distribution .x{36}\.\.\.; choose"),
        ({"decay_floor": 0.0}, r"decay_floor must be a number in \(0, 1\]"),
    ],
)
def test_validate_errors(change, pattern):
    cfg = dataclasses.replace(CPU, **change)
    with pytest.raises(ConfigError, match=pattern) as caught:  # the one refusal type, one line
        cfg.validate()
    assert "\n" not in str(caught.value)
    with pytest.raises(ValueError, match=pattern):
        Trainer(cfg)


def test_validate_accepts_defaults_and_returns_self():
    cfg = TrainConfig()
    assert cfg.validate() is cfg
    assert TrainConfig(k=5, lr_d=0.1, lr_g=2.0, batch=1, optimizer="sgd", prior="normal", depth=0).validate()


@pytest.mark.parametrize(
    "change", [{"dist": "bimodal"}, {"seed": 1}, {"width": 16}, {"loss": "minimax"}, {"depth": 3}, {"prior": "normal"}, {"optimizer": "sgd"}, {"z_dim": 2}]
)
def test_needs_new_model_for_model_fields(change):
    assert CPU.needs_new_model(dataclasses.replace(CPU, **change))


@pytest.mark.parametrize("change", [{"k": 5}, {"lr_d": 0.1}, {"lr_g": 0.2}, {"batch": 7}, {"k": 2, "lr_d": 1.0, "batch": 3}])
def test_live_fields_need_no_new_model(change):
    assert not CPU.needs_new_model(dataclasses.replace(CPU, **change))
    assert not CPU.needs_new_model(CPU)


def test_to_dict_round_trip():
    cfg = dataclasses.replace(CPU, k=3, loss="hinge")
    assert TrainConfig(**cfg.to_dict()) == cfg
    assert "LIVE" not in cfg.to_dict()


# ----- reproducibility ----------------------------------------------------------------


def test_same_config_gives_identical_weights():
    a, b = Trainer(CPU), Trainer(CPU)
    assert same_weights(weights(a), weights(b))
    a.train(200)
    b.train(200)
    assert same_weights(weights(a), weights(b))
    assert not same_weights(weights(a), weights(Trainer(CPU)))  # training changed them


def test_different_seed_gives_different_weights():
    a, b = Trainer(CPU), Trainer(dataclasses.replace(CPU, seed=1))
    assert not same_weights(weights(a), weights(b))  # different initialisation
    a.train(50)
    b.train(50)
    assert not same_weights(weights(a), weights(b))


def test_training_in_chunks_equals_one_call():
    a, b = Trainer(CPU), Trainer(CPU)
    a.train(60)
    for _ in range(3):
        b.train(20)
    assert same_weights(weights(a), weights(b))


def test_building_a_trainer_does_not_touch_global_rng():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    Trainer(CPU).train(2)
    assert torch.equal(torch.rand(3), expected)


# ----- live changes -------------------------------------------------------------------


def test_apply_changes_learning_rates_batch_and_k():
    tr = Trainer(CPU)
    assert lrs(tr) == (CPU.lr_d, CPU.lr_g)
    new = dataclasses.replace(CPU, lr_d=0.02, lr_g=0.003, batch=16, k=2)
    tr.apply(new)
    assert tr.config == new
    assert lrs(tr) == (0.02, 0.003)
    tr.train(3)
    assert (tr.step, tr.d_steps) == (3, 6)


def test_apply_learning_rate_takes_effect_in_the_update():
    """Same state, lr x10 on an SGD run without momentum -> the first D update is 10x larger."""
    cfg = dataclasses.replace(CPU, optimizer="sgd", momentum=0.0, lr_d=1e-2)
    a, b = Trainer(cfg), Trainer(cfg)
    b.apply(dataclasses.replace(cfg, lr_d=1e-1))
    w0 = weights(a)
    a.d_step()
    b.d_step()
    wa, wb = weights(a), weights(b)
    for k in w0:
        if k.startswith("D."):
            torch.testing.assert_close(wb[k] - w0[k], 10 * (wa[k] - w0[k]), rtol=1e-3, atol=2e-6)
    assert max(float((wb[k] - w0[k]).abs().max()) for k in w0 if k.startswith("D.")) > 1e-3


def test_lr_scale_falls_linearly_between_decay_start_and_end():
    cfg = dataclasses.replace(CPU, decay_start=100, decay_end=300, decay_floor=0.2)
    assert [cfg.lr_scale(s) for s in (0, 100, 200, 300, 1000)] == pytest.approx([1, 1, 0.6, 0.2, 0.2])
    assert CPU.lr_scale(10**6) == 1.0  # decay_end = 0: no decay


def test_decay_sets_both_optimizers_learning_rates_step_by_step():
    cfg = dataclasses.replace(CPU, lr_d=0.02, lr_g=0.004, decay_start=2, decay_end=6, decay_floor=0.5)
    tr = Trainer(cfg)
    tr.train(4)  # the 4th iteration (step 3) ran at the scale of step 3
    assert lrs(tr) == pytest.approx((0.02 * cfg.lr_scale(3), 0.004 * cfg.lr_scale(3)))
    tr.train(10)
    assert lrs(tr) == pytest.approx((0.01, 0.002))
    tr.apply(dataclasses.replace(cfg, lr_d=0.1))  # a new rate keeps the decay's factor
    assert lrs(tr) == pytest.approx((0.05, 0.002))


def test_decay_leaves_the_run_unchanged_before_it_starts():
    a, b = Trainer(CPU), Trainer(dataclasses.replace(CPU, decay_start=50, decay_end=80))
    a.train(40)
    b.train(40)
    assert all(torch.equal(x, y) for x, y in zip(weights(a).values(), weights(b).values()))


@pytest.mark.parametrize("change", [{"seed": 3}, {"loss": "hinge"}, {"width": 8}, {"dist": "bimodal"}])
def test_apply_refuses_model_changes(change):
    tr = Trainer(CPU)
    with pytest.raises(ValueError, match="new model"):
        tr.apply(dataclasses.replace(CPU, **change))
    assert tr.config == CPU
    assert lrs(tr) == (CPU.lr_d, CPU.lr_g)


def test_apply_refuses_invalid_live_values():
    tr = Trainer(CPU)
    with pytest.raises(ValueError, match="lr_g must be a number in \\(0, 1e\\+06\\]"):
        tr.apply(dataclasses.replace(CPU, lr_g=-1.0))
    assert tr.config == CPU
    assert lrs(tr) == (CPU.lr_d, CPU.lr_g)


@pytest.mark.parametrize("k", [1, 3, 5])
def test_k_is_honoured(k):
    tr = Trainer(dataclasses.replace(CPU, k=k, batch=8))
    tr.train(7)
    assert tr.step == 7
    assert tr.d_steps == k * tr.step
    tr.apply(dataclasses.replace(tr.config, k=1))
    tr.train(2)
    assert (tr.step, tr.d_steps) == (9, 7 * k + 2)


def test_train_discriminator_moves_only_d():
    tr = Trainer(dataclasses.replace(CPU, batch=16))
    tr.train(5)
    before = weights(tr)
    mean_loss = tr.train_discriminator(10)
    after = weights(tr)
    assert math.isfinite(mean_loss) and mean_loss > 0
    assert (tr.step, tr.d_steps) == (5, 15)
    assert all(torch.equal(before[k], after[k]) for k in before if k.startswith("G."))
    assert not all(torch.equal(before[k], after[k]) for k in before if k.startswith("D."))


def test_mean_losses():
    tr = Trainer(dataclasses.replace(CPU, batch=16))
    d, g = tr.mean_losses()
    assert math.isnan(d) and math.isnan(g)
    tr.train(4)
    d, g = tr.mean_losses()
    assert math.isfinite(d) and math.isfinite(g)
    assert 0.5 < d < 3.0  # log-loss of a near-chance D is ~ log 4 = 1.39
    assert tr.mean_losses() == (d, g)  # reading changes nothing
    tr.record({"step": 4, "d_steps": 4})  # a recorded row takes the losses with it
    d, g = tr.mean_losses()
    assert math.isnan(d) and math.isnan(g)


def test_state_dict_round_trip_goes_on_exactly():
    a = Trainer(dataclasses.replace(CPU, batch=16, decay_start=2, decay_end=20))
    a.train(6)
    a.record({"step": 6, "d_steps": 6, "jsd": 0.5})
    a.train(3)
    state = a.state_dict()
    assert set(state) == {"G", "D", "opt_g", "opt_d", "step", "d_steps", "phase", "rng", "history", "losses"}
    assert state["opt_d"]["param_groups"][0]["lr"] == a.opt_d.param_groups[0]["lr"] < CPU.lr_d  # decayed
    b = Trainer(dataclasses.replace(CPU, batch=16, decay_start=2, decay_end=20, seed=7))
    assert b.load_state_dict(state)
    assert (b.step, b.d_steps, b.history) == (9, 9, a.history) and b.mean_losses() == a.mean_losses()
    a.train(4), b.train(4)
    assert same_weights(weights(a), weights(b)) and same_opt_state(opt_state(a), opt_state(b))
    # the state is a copy: training on changed neither it nor the history it holds
    assert state["step"] == 9 and len(state["history"]) == 1 and not torch.equal(state["G"]["net.0.weight"], a.G.net[0].weight)
    b.history.append({"step": 13, "d_steps": 13})
    assert len(a.history) == 1


def test_optimizer_settings():
    adam = Trainer(CPU)
    assert isinstance(adam.opt_d, torch.optim.Adam) and isinstance(adam.opt_g, torch.optim.Adam)
    assert adam.opt_d.param_groups[0]["betas"] == (0.5, 0.999)
    sgd = Trainer(dataclasses.replace(CPU, optimizer="sgd", momentum=0.7))
    assert isinstance(sgd.opt_g, torch.optim.SGD)
    assert sgd.opt_d.param_groups[0]["momentum"] == 0.7 and sgd.opt_g.param_groups[0]["momentum"] == 0.7


def test_plateau():
    p = Plateau(tol=0.1, patience=2, min_windows=1)
    assert [p.update(v) for v in (1.0, 0.95, 0.8, 0.75, 0.79)] == [False, False, False, False, True]
    p = Plateau(tol=0.0, patience=1, min_windows=1)
    assert p.update(1.0) is False and p.update(1.0) is True
    p = Plateau(tol=0.0, patience=1, min_windows=4)  # a flat start is not a plateau yet
    assert [p.update(1.0) for _ in range(5)] == [False, False, False, True, True]


# ----- divergence guard ---------------------------------------------------------------


HUGE = dataclasses.replace(CPU, optimizer="sgd", lr_d=1e6, lr_g=1e6)


def test_huge_learning_rate_raises_divergence_error_and_rolls_back():
    sane = dataclasses.replace(HUGE, lr_d=1e-3, lr_g=1e-3)
    tr = Trainer(sane)
    tr.train(10)
    w_before, opt_before = weights(tr), opt_state(tr)
    tr.apply(HUGE)
    with pytest.raises(DivergenceError) as info:
        tr.train(20)
    message = str(info.value)
    assert "learning rate" in message
    assert "lr_d=1e+06" in message and "lr_g=1e+06" in message
    assert "NaN or infinite" in message
    assert "Rolled back to step 10" in message
    # rolled back to the state before the failing call
    assert (tr.step, tr.d_steps) == (10, 10)
    assert same_weights(weights(tr), w_before)
    assert same_opt_state(opt_state(tr), opt_before)
    assert isinstance(info.value, RuntimeError)
    # training can go on at a sane learning rate
    tr.apply(sane)
    tr.train(10)
    assert tr.step == 20
    assert all(torch.isfinite(v).all() for v in weights(tr).values())


def test_divergence_from_fresh_trainer_rolls_back_to_init():
    tr = Trainer(HUGE)
    w0 = weights(tr)
    with pytest.raises(DivergenceError, match="Rolled back to step 0"):
        tr.train(20)
    assert (tr.step, tr.d_steps) == (0, 0)
    assert same_weights(weights(tr), w0)


def nan_d_step(trainer):
    """Make d_step do its real update but report a NaN loss."""
    real = trainer.d_step

    def d_step():
        return real() * float("nan")

    return d_step


def test_rollback_restores_everything_so_the_run_replays_exactly(monkeypatch):
    """After a rolled-back failure, the run goes on exactly as if the failing call never happened."""
    a, b = Trainer(CPU), Trainer(CPU)
    a.train(10)
    b.train(10)
    monkeypatch.setattr(a, "d_step", nan_d_step(a))
    with pytest.raises(DivergenceError) as info:
        a.train(5)
    assert "D's loss became NaN" in str(info.value)
    assert "between steps 10 and 15" in str(info.value)
    assert "lr_d=0.001" in str(info.value)
    monkeypatch.undo()
    assert (a.step, a.d_steps) == (10, 10)
    assert same_weights(weights(a), weights(b))
    assert same_opt_state(opt_state(a), opt_state(b))
    assert torch.equal(a.rng.get_state(), b.rng.get_state())
    a.train(5)
    b.train(5)
    assert same_weights(weights(a), weights(b))
    # the failed call left no losses behind for the charts
    assert a.mean_losses() == pytest.approx(b.mean_losses())


def test_nan_weights_with_finite_losses_are_caught(monkeypatch):
    tr = Trainer(CPU)
    tr.train(3)
    w_before = weights(tr)
    real_g_step = tr.g_step

    def poisoned_g_step():
        loss = real_g_step()
        with torch.no_grad():
            tr.G.net[-1].bias.fill_(float("inf"))
        return loss

    monkeypatch.setattr(tr, "g_step", poisoned_g_step)
    with pytest.raises(DivergenceError, match="the network weights became NaN or infinite"):
        tr.train(1)
    assert tr.step == 3 and same_weights(weights(tr), w_before)


def test_train_discriminator_divergence_rolls_back(monkeypatch):
    tr = Trainer(CPU)
    tr.train(3)
    w_before = weights(tr)
    monkeypatch.setattr(tr, "d_step", nan_d_step(tr))
    with pytest.raises(DivergenceError, match="D's loss"):
        tr.train_discriminator(4)
    assert (tr.step, tr.d_steps) == (3, 3)
    assert same_weights(weights(tr), w_before)


def test_learning_rates_match_config_after_rollback():
    tr = Trainer(dataclasses.replace(HUGE, lr_d=1e-3, lr_g=1e-3))
    tr.train(5)
    tr.apply(HUGE)
    with pytest.raises(DivergenceError):
        tr.train(20)
    assert lrs(tr) == (tr.config.lr_d, tr.config.lr_g)


def test_second_consecutive_rollback_restores_optimizer_state(monkeypatch):
    tr = Trainer(CPU)
    tr.train(10)
    opt_before = opt_state(tr)
    monkeypatch.setattr(tr, "d_step", nan_d_step(tr))
    for _ in range(2):
        with pytest.raises(DivergenceError):
            tr.train(5)
        assert (tr.step, tr.d_steps) == (10, 10)
        assert same_opt_state(opt_state(tr), opt_before)


def test_training_recovers_after_two_real_divergences():
    sane = dataclasses.replace(HUGE, lr_d=1e-3, lr_g=1e-3)
    tr = Trainer(sane)
    tr.train(20)
    for _ in range(2):  # a student presses play twice at a learning rate that is too high
        tr.apply(HUGE)
        with pytest.raises(DivergenceError):
            tr.train(20)
    tr.apply(sane)
    tr.train(20)  # raises DivergenceError: the optimizer state restored is full of NaN
    assert tr.step == 40


# ----- the discriminator against a frozen G -------------------------------------------


def test_fit_discriminator_approaches_d_star():
    cfg = dataclasses.replace(CPU, prior="normal", seed=1)
    tr = Trainer(cfg)
    tr.train(200)
    before = take_snapshot(tr).metrics
    assert before["jsd"] < 0.5  # p_g overlaps p_data, so D* is not trivial
    assert before["d_gap"] > 0.1
    g_before = {k: v.clone() for k, v in tr.G.state_dict().items()}
    rate = tr.opt_d.param_groups[0]["lr"]
    fit = tr.fit_discriminator(d_residual, threshold=0.05)
    after = take_snapshot(tr).metrics
    assert fit.steps >= 600 and tr.d_steps == 200 + fit.steps and tr.step == 200
    assert all(torch.equal(g_before[k], v) for k, v in tr.G.state_dict().items())  # G frozen
    assert after["jsd"] == before["jsd"]
    assert fit.close and fit.stopped == "close" and fit.residual == after["d_gap"] < 0.05
    assert after["d_gap"] < 0.5 * before["d_gap"]
    assert tr.opt_d.param_groups[0]["lr"] == rate  # whatever the fit did to D's rate is undone
    # V(D, G) climbs towards its maximum C(G) = V(D*, G), and never above it
    assert after["value"] > before["value"]
    assert after["value"] <= after["criterion"] + 1e-12
    assert after["criterion"] - after["value"] < 0.5 * (before["criterion"] - before["value"])


class Scripted:
    """A residual that reads a script, one value per measurement (the first at the fit's start), and the
    learning rate D trained with before each measurement."""

    def __init__(self, values):
        self.values, self.rates = list(values), []

    def __call__(self, trainer):
        self.rates.append(trainer.opt_d.param_groups[0]["lr"])
        return self.values.pop(0)


def test_a_fit_stops_once_close():
    tr = Trainer(CPU)
    fit = DFit(tr, Scripted([0.5, 0.3, 0.2, 0.04, 0.01]), threshold=0.05, window=10)
    assert [fit.step() for _ in range(3)] == [False, False, True] and fit.step()
    assert fit.result == FitResult(steps=30, residual=0.04, close=True, stopped="close") and tr.d_steps == 30


def test_a_fit_halves_ds_rate_when_the_residual_stops_falling_then_stops_and_restores_it():
    tr = Trainer(CPU)
    rate = tr.opt_d.param_groups[0]["lr"]
    residual = Scripted([0.5, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3])
    fit = DFit(tr, residual, threshold=0.05, window=10, patience=20, halvings=2)
    while not fit.step():
        pass
    # no gain for 2 windows: halve; a gain resets the count; at the smallest rate, no gain for 2 windows: stop
    assert residual.rates == [rate] * 4 + [rate / 2] * 3 + [rate / 4] * 2 and not residual.values
    assert fit.result == FitResult(steps=80, residual=0.3, close=False, stopped="plateau")
    assert tr.opt_d.param_groups[0]["lr"] == rate


def test_a_fit_stops_at_its_step_and_time_caps():
    falling = Scripted([1 - i / 100 for i in range(100)])
    fit = DFit(Trainer(CPU), falling, threshold=0.05, window=10, max_steps=30)
    while not fit.step():
        pass
    assert (fit.result.steps, fit.result.stopped, fit.result.close) == (30, "steps", False)
    now = iter(range(0, 100, 4))  # a clock that moves 4 s a reading
    fit = DFit(Trainer(CPU), Scripted([1 - i / 100 for i in range(100)]), threshold=0.05, window=10, max_seconds=10,
               clock=lambda: next(now))
    while not fit.step():
        pass
    assert (fit.result.steps, fit.result.stopped) == (30, "time")  # read at 0 (start), 4, 8, 12 s


# ----- convergence --------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_nonsaturating_gan_learns_the_gaussian(seed):
    cfg = dataclasses.replace(CPU, dist="gaussian", loss="nonsaturating", lr_d=1e-3, lr_g=1e-3, batch=64, seed=seed)
    tr = Trainer(cfg)
    start = take_snapshot(tr).metrics["jsd"]
    assert start > 0.6  # G starts almost disjoint from N(2, 0.5^2): JSD ~ log 2
    curve = []
    for _ in range(10):
        tr.train(100)
        curve.append(take_snapshot(tr).metrics["jsd"])
    assert tr.step == 1000
    # GAN training oscillates: judge the late part of the curve, not one point
    late = curve[-5:]
    assert statistics.median(late) < 0.2, curve
    assert min(curve) < 0.15, curve
    assert max(late) < 0.4, curve


def test_g_offset_moves_the_initial_generator_and_needs_a_new_model():
    base = Trainer(TrainConfig(seed=4))
    moved = Trainer(TrainConfig(seed=4, g_offset=-2.5))
    z = torch.as_tensor(base.prior.quantiles(64), dtype=torch.float32)[:, None]
    with torch.no_grad():
        assert torch.allclose(moved.G(z) - base.G(z), torch.full((64, 1), -2.5), atol=1e-5)
    assert TrainConfig().needs_new_model(TrainConfig(g_offset=1.0))
    with pytest.raises(ValueError, match="g_offset"):
        TrainConfig(g_offset=float("nan")).validate()


def test_a_standardised_d_sees_x_minus_the_targets_mean_over_its_std():
    """``d_input="standardised"``: D's fixed first step is (x - mean) / std of p_data (bimodal: 0.25 and 1.81); its
    weights, and so its saved state, are those of the raw D of the same seed."""
    raw = Trainer(TrainConfig(dist="bimodal", device="cpu", seed=4))
    std = Trainer(TrainConfig(dist="bimodal", device="cpu", seed=4, d_input="standardised"))
    mean, sd = std.target.moments()
    np.testing.assert_allclose([mean[0], sd[0]], [0.25, 1.8076], atol=1e-4)
    assert std.D.state_dict().keys() == raw.D.state_dict().keys()
    for a, b in zip(raw.D.state_dict().values(), std.D.state_dict().values()):
        assert torch.equal(a, b)
    x = torch.linspace(-4, 5, 50)[:, None]
    with torch.no_grad():
        torch.testing.assert_close(std.D(x), raw.D((x - float(mean[0])) / float(sd[0])))
        assert not torch.allclose(std.D(x), raw.D(x))


@pytest.mark.parametrize("field,value", [("sampling", "sobol"), ("d_input", "normalised")])
def test_unknown_sampling_or_d_input_is_refused_naming_the_choices(field, value):
    with pytest.raises(ConfigError, match="choose one of") as err:
        TrainConfig(**{field: value}).validate()
    assert err.value.field == field


def test_a_standardised_d_is_for_the_plain_gan_only():
    for remedy in ("unrolled", "pacgan", "mbstd"):
        with pytest.raises(ConfigError, match="remedy must be none"):
            TrainConfig(dist="ring8", z_dim=2, remedy=remedy, d_input="standardised").validate()
    TrainConfig(dist="ring8", z_dim=2, remedy="pacgan", sampling="stratified").validate()  # sampling is for all


def test_a_stratified_run_trains_on_stratified_minibatches():
    """``Trainer.real`` and ``noise`` draw one sample from each equal-mass slice when ``sampling="stratified"``."""
    from scipy import stats
    trainer = Trainer(TrainConfig(dist="gaussian", device="cpu", batch=200, sampling="stratified"))
    x = trainer.real(200)[:, 0].double().numpy()
    z = trainer.noise(200)[:, 0].double().numpy()
    for u in (stats.norm(2, 0.5).cdf(x), (z + 1) / 2):
        assert sorted(np.floor(np.clip(u, 0, 1 - 1e-12) * 200).astype(int)) == list(range(200))
    plain = Trainer(TrainConfig(dist="gaussian", device="cpu", batch=200))
    u = stats.norm(2, 0.5).cdf(plain.real(200)[:, 0].double().numpy())
    assert len(set(np.floor(u * 200).astype(int))) < 170  # independent draws leave about 1/e of the slices empty
