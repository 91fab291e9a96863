"""Trainer.hold_d: iterations in which D is held fixed and G alone trains (the "D out of sync" lesson)."""

import pytest
import torch

from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer

CONFIG = TrainConfig(dist="gaussian", optimizer="sgd", lr_d=0.05, lr_g=0.05, batch=64, seed=0, device="cpu")


def weights(net):
    return [p.detach().clone() for p in net.parameters()]


def test_d_is_untouched_inside_the_hold_and_trains_outside_it():
    trainer = Trainer(CONFIG)
    trainer.hold_d(5, 15)
    trainer.train(5)
    assert trainer.d_steps == 5 and not trainer.d_held(4) and trainer.d_held()
    d_before, g_before = weights(trainer.D), weights(trainer.G)
    trainer.train(10)
    assert trainer.step == 15 and trainer.d_steps == 5, "no D step in iterations 5-14"
    assert all(torch.equal(a, b) for a, b in zip(d_before, weights(trainer.D)))
    assert not all(torch.equal(a, b) for a, b in zip(g_before, weights(trainer.G))), "G trained on"
    trainer.train(3)
    assert trainer.d_steps == 8 and not trainer.d_held()


def test_slow_motion_beats_skip_d_inside_the_hold():
    trainer = Trainer(TrainConfig(**{**CONFIG.to_dict(), "k": 3}))
    trainer.hold_d(0, 2)
    assert trainer.beat() == "g" and trainer.step == 1 and trainer.d_steps == 0
    trainer.train(1)
    assert trainer.step == 2 and trainer.d_steps == 0
    assert [trainer.beat() for _ in range(4)] == ["d", "d", "d", "g"] and trainer.d_steps == 3


def test_without_a_hold_the_run_is_algorithm_1_unchanged():
    plain, held_later = Trainer(CONFIG), Trainer(CONFIG)
    held_later.hold_d(100, 200)
    plain.train(20)
    held_later.train(20)
    assert all(torch.equal(a, b) for a, b in zip(weights(plain.G), weights(held_later.G)))


@pytest.mark.parametrize("start, end", [(-1, 5), (5, 5), (7, 3)])
def test_a_hold_needs_a_span(start, end):
    with pytest.raises(ValueError, match="start < end"):
        Trainer(CONFIG).hold_d(start, end)
