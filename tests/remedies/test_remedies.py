"""Remedies for mode collapse: unrolled GAN, PacGAN, minibatch std, WGAN-GP's penalty, and the compared methods."""

import copy
import dataclasses
import math

import pytest
import torch

from ganviz.lessons.compare import parse_methods, parse_seeds, summarise
from ganviz.core.losses import NonSaturating, WassersteinGP
from ganviz.remedies.mbstd import MinibatchStdDiscriminator, append_minibatch_std, minibatch_std
from ganviz.core.models import Discriminator
from ganviz.remedies.pacgan import PackedDiscriminator, pack
from ganviz.lessons.presets import PRESETS
from ganviz.remedies.methods import METHODS, config_for
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.core.config import REMEDIES, TrainConfig
from ganviz.core.trainer import Trainer
from ganviz.remedies.unrolled import unrolled_g_loss, unrolled_weights

RING = TrainConfig(dist="ring8", device="cpu", batch=32, z_dim=2, width=16, seed=3)


def d_state(trainer):
    """D's weights, their gradients and D's optimizer state, deep-copied."""
    return (copy.deepcopy(trainer.D.state_dict()), [None if p.grad is None else p.grad.clone() for p in trainer.D.parameters()],
            copy.deepcopy(trainer.opt_d.state_dict()))


def assert_same_d_state(a, b):
    (wa, ga, oa), (wb, gb, ob) = a, b
    assert all(torch.equal(wa[k], wb[k]) for k in wa)
    assert all((x is None and y is None) or torch.equal(x, y) for x, y in zip(ga, gb))
    assert oa["state"].keys() == ob["state"].keys()
    for i in oa["state"]:
        for key, value in oa["state"][i].items():
            assert torch.equal(torch.as_tensor(value), torch.as_tensor(ob["state"][i][key]))


def g_grad(trainer, loss):
    """d loss / d (G's weights), flattened; the graph is kept for the next loss."""
    grads = torch.autograd.grad(loss, list(trainer.G.parameters()), retain_graph=True)
    return torch.cat([g.flatten() for g in grads])


# ----- config ----------------------------------------------------------------------


@pytest.mark.parametrize("change, says", [
    ({"remedy": "dropout"}, r"unknown remedy 'dropout'; choose one of none, unrolled, pacgan, mbstd"),
    ({"unroll": 0}, r"unroll must be a whole number from 1 to 50 \(got 0\)"),
    ({"unroll": 2.5}, r"unroll must be a whole number from 1 to 50"),
    ({"pack": 1}, r"pack must be a whole number from 2 to 16 \(got 1\)"),
    ({"remedy": "pacgan", "pack": 3}, r"batch must be a multiple of it \(got batch=32\)"),
])
def test_validate_refuses_bad_remedy_settings(change, says):
    with pytest.raises(ValueError, match=says):
        dataclasses.replace(RING, **change).validate()


def test_remedy_fields_need_a_new_model_and_reach_to_dict():
    for change in ({"remedy": "pacgan"}, {"unroll": 3}, {"pack": 4}):
        assert RING.needs_new_model(dataclasses.replace(RING, **change))
    assert {"remedy": "none", "unroll": 5, "pack": 2}.items() <= TrainConfig().to_dict().items()
    assert REMEDIES == ("none", "unrolled", "pacgan", "mbstd")


def test_live_batch_change_must_still_pack():
    trainer = Trainer(dataclasses.replace(RING, remedy="pacgan", pack=4))
    with pytest.raises(ValueError, match="multiple"):
        trainer.apply(dataclasses.replace(trainer.config, batch=30))


# ----- unrolled GAN -------------------------------------------------------------------


UNROLLED = dataclasses.replace(RING, remedy="unrolled", unroll=3, optimizer="adam", lr_d=0.05)


def test_unrolled_g_step_leaves_d_its_gradients_and_its_optimizer_untouched():
    trainer = Trainer(UNROLLED)
    trainer.train(3)  # Adam has moments for D by now
    trainer.d_step()  # and D's .grad holds its last gradient
    before, g_before = d_state(trainer), [p.detach().clone() for p in trainer.G.parameters()]
    trainer.g_step()
    assert_same_d_state(before, d_state(trainer))
    assert any(not torch.equal(a, b) for a, b in zip(g_before, trainer.G.parameters()))  # G did move
    assert all(p.requires_grad for p in trainer.D.parameters())  # D is trainable again


def test_unrolled_weights_are_plain_gradient_steps():
    trainer = Trainer(UNROLLED)
    real, fake = trainer.target.sample(32, trainer.rng), trainer.G(trainer.noise(32))
    weights = unrolled_weights(trainer.loss, trainer.D, [(real, fake)], lr=0.05)
    trainer.D.zero_grad()
    trainer.loss.d_loss(trainer.D, real, fake.detach()).backward()
    for name, p in trainer.D.named_parameters():
        torch.testing.assert_close(weights[name], p - 0.05 * p.grad)


def test_unrolled_gradient_flows_through_the_unrolling():
    """G's gradient: plain with lr 0; different against D unrolled; different again when G's effect on the steps counts."""
    trainer = Trainer(UNROLLED)
    trainer.train(5)
    loss, D = trainer.loss, trainer.D
    fake = trainer.G(trainer.noise(32))
    batches = trainer._unrolling_batches()  # what g_step uses: 3 fresh (real, G(z)) minibatches
    assert len(batches) == 3
    detached = [(real, f.detach()) for real, f in batches]

    plain = g_grad(trainer, loss.g_loss(D, fake))
    no_step = g_grad(trainer, unrolled_g_loss(loss, D, fake, detached, lr=0.0))
    ahead = g_grad(trainer, unrolled_g_loss(loss, D, fake, detached, lr=0.05))  # against D unrolled, G's effect on it ignored
    through = g_grad(trainer, unrolled_g_loss(loss, D, fake, batches, lr=0.05))  # the unrolled GAN
    torch.testing.assert_close(no_step, plain)
    assert (ahead - plain).norm() > 1e-3 * plain.norm()
    assert (through - ahead).norm() > 1e-3 * plain.norm()


def test_unrolled_run_is_reproducible():
    a, b = Trainer(UNROLLED), Trainer(UNROLLED)
    a.train(4)
    b.train(4)
    assert all(torch.equal(p, q) for p, q in zip(a.G.parameters(), b.G.parameters()))


# ----- PacGAN -------------------------------------------------------------------------


def test_pack_lays_consecutive_samples_side_by_side():
    x = torch.arange(12.0).reshape(6, 2)  # sample i is (2i, 2i + 1)
    assert torch.equal(pack(x, 2), torch.tensor([[0.0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]))
    assert pack(x, 3).shape == (2, 6)
    with pytest.raises(ValueError, match="multiple of 4"):
        pack(x, 4)


def test_packed_d_takes_m_times_dim_inputs_and_reads_a_point_as_m_copies():
    torch.manual_seed(0)
    D = PackedDiscriminator(2, 3, width=8, depth=2)
    assert D.net[0].in_features == 6
    points = torch.randn(7, 2)  # 7 is not a multiple of 3: drawing D at points works for any n
    torch.testing.assert_close(D(points), D.net(points.repeat(1, 3))[:, 0])
    assert D(points).shape == (7,) and D(pack(torch.randn(9, 2), 3)).shape == (3,)
    with pytest.raises(ValueError, match="rows of 2"):
        D(torch.randn(4, 5))


def test_pacgan_packs_reals_with_reals_and_fakes_with_fakes():
    trainer = Trainer(dataclasses.replace(RING, remedy="pacgan", pack=4))
    trainer.target.sample = lambda n, rng, device: torch.full((n, 2), 5.0)  # reals at (5, 5), fakes at (-5, -5)
    with torch.no_grad():
        trainer.G.net[-1].weight.zero_()
        trainer.G.net[-1].bias.fill_(-5.0)
    seen = []
    hook = trainer.D.net.register_forward_hook(lambda module, inputs, output: seen.append(inputs[0].detach()))
    trainer.d_step()
    trainer.g_step()
    hook.remove()
    rows = torch.cat(seen)
    assert rows.shape[1] == 8
    assert torch.all((rows == 5.0).all(1) | (rows == -5.0).all(1)), "a pack mixed real and fake samples"
    assert int((rows == 5.0).all(1).sum()) == 32 // 4  # the real minibatch made 8 packs


# ----- minibatch standard deviation ---------------------------------------------------


def test_minibatch_std_is_the_mean_over_features_of_the_std_over_the_batch():
    h = torch.tensor([[0.0, 0.0], [2.0, 4.0]])  # per-feature std over the batch: 1 and 2
    assert float(minibatch_std(h)) == pytest.approx(1.5, abs=1e-6)
    out = append_minibatch_std(h)
    assert out.shape == (2, 3) and torch.equal(out[:, :2], h)
    torch.testing.assert_close(out[:, 2], torch.full((2,), 1.5))
    same = torch.ones(4, 3)  # no spread: sqrt(1e-8), and a finite gradient
    same.requires_grad_(True)
    minibatch_std(same).backward()
    assert torch.isfinite(same.grad).all()


def test_mbstd_d_feeds_its_last_layer_the_batch_statistic():
    torch.manual_seed(1)
    D = MinibatchStdDiscriminator(2, width=8, depth=2)
    x = torch.randn(16, 2)
    seen = []
    D.head.register_forward_hook(lambda module, inputs, output: seen.append(inputs[0]))
    D(x)
    h = D.body(x)
    expected = torch.sqrt(h.var(0, unbiased=False) + 1e-8).mean()
    assert seen[0].shape == (16, 9)
    torch.testing.assert_close(seen[0][:, :8], h)
    torch.testing.assert_close(seen[0][:, 8], expected.expand(16))
    assert MinibatchStdDiscriminator(2, width=8, depth=0).head.in_features == 3  # depth 0: the statistic of x itself


def test_d_scores_makes_two_passes_for_a_d_with_batch_statistics():
    torch.manual_seed(2)
    loss = NonSaturating()
    real, fake_a, fake_b = torch.randn(8, 2), torch.randn(8, 2), 10 * torch.randn(8, 2)
    mbstd, plain = MinibatchStdDiscriminator(2, 8, 2), Discriminator(2, 8, 2)
    calls = []
    for D in (mbstd, plain):
        D.register_forward_hook(lambda module, inputs, output: calls.append((module, len(inputs[0]))))
    s_real_a, _ = loss.d_scores(mbstd, real, fake_a)
    s_real_b, _ = loss.d_scores(mbstd, real, fake_b)
    assert calls == [(mbstd, 8), (mbstd, 8)] * 2
    torch.testing.assert_close(s_real_a, s_real_b)  # the reals' scores never see the fakes
    torch.testing.assert_close(s_real_a, mbstd(real))
    calls.clear()
    loss.d_scores(plain, real, fake_a)
    assert calls == [(plain, 16)]  # a plain D: one pass, as before


# ----- WGAN-GP's gradient penalty -----------------------------------------------------


def linear_d(w):
    """f(x) = w . x: its gradient is w everywhere, so the penalty is lambda (|w| - 1)^2 by hand."""
    D = Discriminator(len(w), depth=0)
    with torch.no_grad():
        D.net[0].weight.copy_(torch.tensor([w]))
        D.net[0].bias.zero_()
    return D


def test_gradient_penalty_equals_its_definition_on_a_linear_critic():
    gen = torch.Generator().manual_seed(0)
    real, fake = torch.randn(16, 2, generator=gen), torch.randn(16, 2, generator=gen) + 3
    loss = WassersteinGP(torch.Generator().manual_seed(1))
    D = linear_d([3.0, 4.0])  # |w| = 5: penalty 10 * (5 - 1)^2 = 160
    wasserstein = D(fake).mean() - D(real).mean()
    assert float((loss.d_loss(D, real, fake) - wasserstein).detach()) == pytest.approx(160.0, rel=1e-5)
    unit = linear_d([0.6, 0.8])  # |w| = 1: no penalty
    assert float(loss.d_loss(unit, real, fake).detach()) == pytest.approx(float((unit(fake).mean() - unit(real).mean()).detach()), abs=1e-5)


def test_gradient_penalty_of_a_packed_critic_is_taken_per_pack():
    gen = torch.Generator().manual_seed(0)
    real, fake = torch.randn(16, 2, generator=gen), torch.randn(16, 2, generator=gen)
    D = PackedDiscriminator(2, 2, depth=0)
    with torch.no_grad():
        D.net[0].weight.copy_(torch.tensor([[1.0, 2.0, 2.0, 4.0]]))  # |w| = 5 over the whole pack
        D.net[0].bias.zero_()
    loss = WassersteinGP(gen)
    real_packs, fake_packs = pack(real, 2), pack(fake, 2)
    wasserstein = D(fake_packs).mean() - D(real_packs).mean()
    assert float((loss.d_loss(D, real_packs, fake_packs) - wasserstein).detach()) == pytest.approx(160.0, rel=1e-5)


# ----- every remedy trains, and can be drawn ------------------------------------------


@pytest.mark.parametrize("remedy", REMEDIES)
@pytest.mark.parametrize("loss", ["nonsaturating", "wgan-gp"])
def test_each_remedy_trains_on_ring8_with_finite_losses_and_draws(remedy, loss):
    trainer = Trainer(dataclasses.replace(RING, remedy=remedy, loss=loss, unroll=2))
    trainer.train(15)
    d_loss, g_loss = trainer.mean_losses()
    assert math.isfinite(d_loss) and math.isfinite(g_loss)
    assert (trainer.step, trainer.d_steps) == (15, 15)
    snap = take_snapshot_2d(trainer, heat_cells=12, star_cells=16, arrows=5)
    assert snap.d.shape == (12, 12) and torch.isfinite(torch.as_tensor(snap.d)).all()
    assert 0 <= snap.metrics["modes"] <= 8


# ----- the compared methods and the presets -------------------------------------------


def test_config_for_switches_on_only_the_method():
    base = dataclasses.replace(RING, loss="nonsaturating", k=2, remedy="pacgan")
    assert config_for("gan", base) == dataclasses.replace(base, remedy="none")
    for name in ("unrolled", "pacgan", "mbstd"):
        assert config_for(name, base) == dataclasses.replace(base, remedy=name)
    assert config_for("wgan-gp", base) == dataclasses.replace(base, remedy="none", loss="wgan-gp", k=5)
    with pytest.raises(ValueError, match="unknown method 'bagging'"):
        config_for("bagging", base)
    for method in METHODS.values():
        assert method.label and method.description and method.citation


def test_presets_are_valid_and_name_known_methods():
    for dist in ("ring8", "grid25"):
        collapse, remedy = PRESETS[f"{dist}-collapse"], PRESETS[f"{dist}-remedy"]
        base, method = collapse.config, remedy.method
        assert base.dist == dist and base.remedy == "none" and base.validate() and remedy.config == base
        assert collapse.configs() == {"gan": config_for("gan", base)} and collapse.steps == remedy.steps == 20_000
        assert method in METHODS and remedy.configs() == {"gan": config_for("gan", base),
                                                          method: config_for(method, base)}
        assert remedy.race().configs == remedy.configs()


def test_parse_seeds_and_methods():
    assert parse_seeds("0-3") == [0, 1, 2, 3] and parse_seeds("0,3,5") == [0, 3, 5] and parse_seeds("7") == [7]
    for bad in ("", "a", "3-1", "1,1", "-2", "0-2-4"):
        with pytest.raises(ValueError, match="--seeds takes"):
            parse_seeds(bad)
    assert parse_methods("gan,pacgan") == ["gan", "pacgan"]
    for bad in ("gan,nope", "gan,gan", ""):
        with pytest.raises(ValueError, match="--methods takes"):
            parse_methods(bad)


def _rows(method, seeds, modes, hq):
    return [{"method": method, "seed": s, "modes": m, "hq": h, "seconds": 2.0, "cpu_seconds": 1.0, "steps": 100,
             "diverged": None} for s, m, h in zip(seeds, modes, hq)]


def test_summarise_gives_per_method_means_and_counts_in_the_rows_order():
    summary = summarise(_rows("gan", [0, 1], [1, 3], [0.9, 0.5]) + _rows("pacgan", [0, 1], [8, 8], [0.9, 0.7]), 8)
    assert list(summary) == ["gan", "pacgan"]
    assert summary["gan"]["modes_mean"] == 2.0 and summary["gan"]["modes_std"] == 1.0
    assert summary["pacgan"]["all_modes"] == 2 and summary["pacgan"]["all_modes_good"] == 1
    assert summary["gan"]["seeds"] == [0, 1] and summary["pacgan"]["cpu_seconds_per_run"] == 1.0
