"""Slow motion: beats are Algorithm 1 cut into its D steps and its G step, the same run as whole iterations."""

import pytest
import torch

from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer


def params(trainer):
    return [p.detach().clone() for p in (*trainer.G.parameters(), *trainer.D.parameters())]


@pytest.mark.parametrize("k", [1, 3])
def test_beats_are_the_same_run_as_iterations(k):
    config = TrainConfig(k=k, batch=32, seed=4)
    whole, beats = Trainer(config), Trainer(config)
    whole.train(5)
    seen = [beats.beat() for _ in range(5 * (k + 1))]
    assert seen == (["d"] * k + ["g"]) * 5
    assert beats.step == whole.step == 5 and beats.d_steps == whole.d_steps and beats.phase == 0
    assert all(torch.equal(a, b) for a, b in zip(params(whole), params(beats)))


def test_phase_counts_the_d_steps_of_the_current_iteration():
    trainer = Trainer(TrainConfig(k=3, batch=16))
    trainer.beat()
    trainer.beat()
    assert (trainer.phase, trainer.step, trainer.last_beat) == (2, 0, "d")
    trainer.beat()
    assert trainer.beat() == "g" and (trainer.phase, trainer.step) == (0, 1)


def test_train_finishes_a_half_done_iteration_first():
    config = TrainConfig(k=2, batch=16, seed=1)
    mixed, whole = Trainer(config), Trainer(config)
    mixed.beat()  # one D step of the first iteration
    mixed.train(3)  # finishes it (one more D step and the G step), then two whole ones
    whole.train(3)
    assert mixed.step == 3 and mixed.phase == 0 and mixed.last_beat is None
    assert all(torch.equal(a, b) for a, b in zip(params(whole), params(mixed)))


def test_g_step_alone_moves_g_and_not_d_nor_the_step():
    trainer = Trainer(TrainConfig(batch=32))
    d_before = [p.detach().clone() for p in trainer.D.parameters()]
    g_before = [p.detach().clone() for p in trainer.G.parameters()]
    trainer.train_generator(1)
    assert trainer.step == 0
    assert all(torch.equal(a, b) for a, b in zip(d_before, trainer.D.parameters()))
    assert any(not torch.equal(a, b) for a, b in zip(g_before, trainer.G.parameters()))
