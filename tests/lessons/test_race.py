"""Tests for ganviz.lessons.race: runs in lockstep that differ in one field only."""

from dataclasses import replace

import pytest
import torch

from ganviz.lessons.presets import PRESETS, presets_for
from ganviz.lessons.race import Race
from ganviz.frames.snapshot import take_snapshot
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer

SATURATION = TrainConfig(dist="gaussian", optimizer="sgd", momentum=0.5, lr_d=0.05, lr_g=0.05, k=3, g_offset=-2.5,
                         seed=1)


def test_runs_start_from_the_same_weights_and_differ_only_in_the_field():
    race = Race.varying(SATURATION, "loss", ["minimax", "nonsaturating"])
    a, b = race.trainers["minimax"], race.trainers["nonsaturating"]
    assert a.config.loss == "minimax" and b.config.loss == "nonsaturating"
    assert a.config.g_offset == b.config.g_offset == -2.5
    for pa, pb in zip([*a.G.parameters(), *a.D.parameters()], [*b.G.parameters(), *b.D.parameters()]):
        assert torch.equal(pa, pb)


def test_lockstep_and_each_run_matches_a_lone_trainer():
    race = Race.varying(SATURATION, "loss", ["minimax", "nonsaturating"])
    race.train(7)
    assert race.step == 7 and all(t.step == 7 for t in race.trainers.values())
    lone = Trainer(SATURATION.__class__(**{**SATURATION.to_dict(), "loss": "nonsaturating"}))
    lone.train(7)
    for p, q in zip(lone.G.parameters(), race.trainers["nonsaturating"].G.parameters()):
        assert torch.equal(p, q)


def test_minimax_stalls_where_nonsaturating_learns():
    """The page's preset: G starts 2.5 to the left, D is strong (k=3); the minimax run does not move."""
    race = Race.varying(SATURATION, "loss", ["minimax", "nonsaturating"])
    race.train(600)
    jsd = {loss: take_snapshot(t).metrics["jsd"] for loss, t in race.trainers.items()}
    assert jsd["minimax"] > 0.69  # still disjoint from p_data: log 2
    assert jsd["nonsaturating"] < 0.3
    d_fake = take_snapshot(race.trainers["minimax"]).metrics["d_fake"]
    assert d_fake < 0.01, "D rejects the fakes, so the minimax gradient D(G(z)) is tiny"


def test_the_loss_preset_is_that_setting():
    preset = PRESETS["loss"]
    assert preset.page == "theory" and preset.config == SATURATION and preset.field == "loss"
    assert set(preset.race().trainers) == {"minimax", "nonsaturating"}
    assert preset.race().configs == preset.configs() == {v: replace(SATURATION, loss=v)
                                                       for v in ("minimax", "nonsaturating")}


def test_k_preset_k1_learns_where_k5_stalls():
    """The theory page's preset "k = 1 vs k = 5", as its caption (theory.race_preset.k.caption) says it.

    Minimax loss, G 2 to the left, seed 2, only k differs: k = 1 is at JSD 0.20 by step 100 and 0.16 at step
    1,000; with k = 5, D(G(z)) is below 0.001 from step 50 and JSD stays at log 2.
    """
    preset = PRESETS["k"]
    race = preset.race()
    assert preset.field == "k" and set(race.trainers) == {1, 5}
    one, five = race.trainers[1], race.trainers[5]
    assert one.config == replace(five.config, k=1) and one.config.loss == "minimax" and one.config.seed == 2
    race.train(50)
    assert take_snapshot(five).metrics["d_fake"] < 0.001
    race.train(50)
    jsd = {k: take_snapshot(t).metrics["jsd"] for k, t in race.trainers.items()}
    assert jsd[1] < 0.21 and jsd[5] > 0.69
    race.train(900)
    assert race.step == 1000 and not race.errors
    m1, m5 = take_snapshot(one).metrics, take_snapshot(five).metrics
    assert m1["jsd"] < 0.2  # 0.163 measured
    assert m5["jsd"] > 0.69 and m5["d_fake"] < 0.001, "k = 5: D rejects every fake, the minimax gradient vanishes"


def test_a_diverging_run_stops_and_the_others_go_on():
    config = TrainConfig(dist="gaussian", optimizer="sgd", lr_d=0.05, lr_g=0.05, seed=0)
    race = Race.varying(config, "lr_g", [0.05, 1e6])
    race.train(5)
    assert 1e6 in race.errors and "diverged" in race.errors[1e6]
    assert race.failures[1e6]["which"] in ("d_loss", "g_loss", "weights")  # its facts, for any language
    assert 0.05 not in race.errors and race.trainers[0.05].step == 5
    race.train(5)
    assert race.trainers[0.05].step == 10


def test_apply_changes_live_settings_in_every_run():
    race = Race.varying(SATURATION, "loss", ["minimax", "nonsaturating"])
    race.apply(SATURATION.__class__(**{**SATURATION.to_dict(), "k": 1, "lr_d": 0.01}))
    for loss, t in race.trainers.items():
        assert t.config.k == 1 and t.config.loss == loss
        assert t.opt_d.param_groups[0]["lr"] == pytest.approx(0.01)


def test_a_race_of_named_configs():
    plain = TrainConfig(dist="gaussian", seed=2)
    race = Race({"adam": plain, "sgd": SATURATION.__class__(**{**plain.to_dict(), "optimizer": "sgd"})})
    race.train(3)
    assert set(race.trainers) == {"adam", "sgd"} and race.step == 3
    assert race.trainers["sgd"].config.optimizer == "sgd"
    with pytest.raises(ValueError, match="varying"):
        race.apply(plain)


def test_the_lecture_race_tells_the_story_in_4000_iterations():
    """The mode-collapse page's live preset "ring8-race", as its ``shows`` says it (seed 2, on the CPU): at step
    4,000 the plain GAN covers at most 1 of 8 modes and PacGAN all 8 with HQ >= 0.3 (measured: 1 mode, HQ 0.02,
    and 8 modes, HQ 0.74)."""
    from ganviz.frames.snapshot2d import metrics_2d

    preset = PRESETS["ring8-race"]
    race = preset.race()
    assert set(race.trainers) == {"gan", "pacgan"} and preset.steps == 4000
    race.train(preset.steps)
    plain, pacgan = (metrics_2d(race.trainers[name]) for name in ("gan", "pacgan"))
    assert plain["modes"] <= 1, plain
    assert pacgan["modes"] == 8 and pacgan["hq"] >= 0.3, pacgan


def test_race_now_says_what_each_run_shows_at_this_step():
    from ganviz.lessons.race import race_now

    rows = {"gan": dict(step=0, modes=0, hq=0.0), "pacgan": dict(step=0, modes=0, hq=0.0)}
    assert [key for _, key, _ in race_now(rows, 8)] == ["mode_collapse.now.start"] * 2
    rows = {"gan": dict(step=900, modes=1, hq=0.02), "pacgan": dict(step=900, modes=8, hq=0.74),
            "other": dict(step=900, modes=8, hq=0.1), "some": dict(step=900, modes=5, hq=0.4)}
    said = race_now(rows, 8)
    assert [(name, key.rsplit(".", 1)[1]) for name, key, _ in said] == [
        ("gan", "few"), ("pacgan", "all"), ("other", "all_loose"), ("some", "some")]
    assert said[1][2] == dict(modes=8, n=8, hq="74")


def test_race_now_says_bunched_only_when_the_samples_are():
    import numpy as np

    from ganviz.lessons.race import BUNCHED, race_now, spread_ratio

    rng = np.random.default_rng(0)
    real = rng.normal(size=(500, 2)) * 2.0
    clump = rng.normal(size=(500, 2)) * 0.1 + 1.0
    wide = rng.uniform(-3, 3, size=(500, 2))
    assert spread_ratio(clump, real) < BUNCHED < spread_ratio(wide, real)
    assert spread_ratio(real, real) == 1.0
    rows = {"gan": dict(step=300, modes=0, hq=0.0), "pacgan": dict(step=300, modes=1, hq=0.01)}
    said = race_now(rows, 8, {"gan": spread_ratio(clump, real), "pacgan": spread_ratio(wide, real)})
    assert [key.rsplit(".", 1)[1] for _, key, _ in said] == ["few", "few_spread"]
