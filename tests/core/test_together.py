"""Several runs trained in one batched pass are each the run ``Trainer.train`` gives, within float rounding."""

from dataclasses import replace

import pytest
import torch

from ganviz.core.together import stack_key, train_together
from ganviz.core.trainer import DivergenceError, Trainer
from ganviz.lessons.presets import FIGURE1, FIGURE1_HELD, RING8

FIG1 = replace(FIGURE1, device="cpu")
RING = replace(RING8, device="cpu")
# Three shapes: the Figure 1 page's SGD run, the 2D page's Adam run, and the saturating loss with k = 2 and a decay;
# and the Figure 1 preset "(d) reached and held" (stratified minibatches, D's input standardised), narrowed.
SHAPES = [FIG1, RING, replace(FIG1, loss="minimax", k=2, decay_start=1, decay_end=3, decay_floor=0.2),
          replace(FIGURE1_HELD, device="cpu", batch=64, width=16)]


def started(config, n=3):
    """Runs of ``config`` that differ in seed and learning rates, each one iteration in (its optimizers' state made)."""
    runs = [Trainer(replace(config, seed=i, lr_d=config.lr_d * (1 + 0.2 * i), lr_g=config.lr_g * (1 - 0.1 * i)))
            for i in range(n)]
    for run in runs:
        run.train(1)
    return runs


def weights(trainer):
    return [p.detach() for p in (*trainer.G.parameters(), *trainer.D.parameters())]


@pytest.mark.parametrize("config", SHAPES, ids=["figure1-sgd", "ring8-adam", "minimax-k2-decay", "held"])
def test_runs_trained_together_are_the_runs_trained_alone(config):
    alone, together = started(config), started(config)
    assert len({stack_key(run) for run in together}) == 1
    # Few iterations: a 1-ulp difference of a batched product grows over a run, as two machines' runs drift apart
    # (on ring8 under 2e-7 for 3 iterations; then a unit near its ReLU's kink or a tiny second moment of Adam can
    # turn it into 5e-5 at once). A wrong update (a bias correction off by a step) is off by a part of lr = 1e-3.
    for run in alone:
        run.train(3)
    assert train_together(together, 2) == [None] * 3
    assert train_together(together, 1) == [None] * 3
    for a, b in zip(alone, together):
        assert (b.step, b.d_steps) == (a.step, a.d_steps) == (4, 4 * config.k)
        assert torch.equal(a.rng.get_state(), b.rng.get_state()), "each run drew the same random numbers"
        for p, q in zip(weights(a), weights(b)):
            torch.testing.assert_close(q, p, rtol=0, atol=1e-6)
        for opt_a, opt_b in ((a.opt_d, b.opt_d), (a.opt_g, b.opt_g)):
            assert opt_b.param_groups[0]["lr"] == pytest.approx(opt_a.param_groups[0]["lr"])
            for p, q in zip(opt_a.param_groups[0]["params"], opt_b.param_groups[0]["params"]):
                for name, value in opt_a.state[p].items():
                    torch.testing.assert_close(opt_b.state[q][name], value, rtol=1e-4, atol=1e-6)
        for x, y in zip(a.mean_losses(), b.mean_losses()):
            assert y == pytest.approx(x, abs=1e-4)
    # and each goes on alone from there as it would have
    for a, b in zip(alone, together):
        a.train(1)
        b.train(1)
        for p, q in zip(weights(a), weights(b)):
            torch.testing.assert_close(q, p, rtol=0, atol=1e-5)


def test_a_run_that_diverges_in_a_stack_is_rolled_back_alone():
    runs = started(FIG1)
    before = [run.step for run in runs]
    kept = [w.clone() for w in weights(runs[1])]
    with torch.no_grad():
        runs[1].D.net[0].weight.fill_(float("nan"))  # its next losses are NaN
    errors = train_together(runs, 4)
    assert errors[0] is None and errors[2] is None
    assert isinstance(errors[1], DivergenceError)
    assert runs[1].step == before[1], "the diverged run is back at its last good state"
    for p, q in zip(weights(runs[1]), kept):
        assert torch.equal(p, q)
    assert runs[0].step == runs[2].step == before[0] + 4


def test_what_can_be_stacked():
    fresh = Trainer(FIG1)
    assert stack_key(fresh) is None, "before its first step a run's optimizer has no state to stack"
    fresh.train(1)
    key = stack_key(fresh)
    other = Trainer(replace(FIG1, seed=5, lr_d=0.01, dist="bimodal"))
    other.train(1)
    assert stack_key(other) == key, "seeds, learning rates and targets may differ"
    wider = Trainer(replace(FIG1, width=64))
    wider.train(1)
    assert stack_key(wider) != key
    for config in (replace(FIG1, remedy="mbstd"), replace(FIG1, loss="wgan-gp"), replace(FIG1, loss="lsgan")):
        run = Trainer(config)
        run.train(1)
        assert stack_key(run) is None, config
    held = Trainer(FIG1)
    held.train(1)
    held.hold_d(0, 10)
    assert stack_key(held) is None
    halfway = Trainer(replace(FIG1, k=2))
    halfway.train(1)
    assert halfway.beat() == "d"
    assert stack_key(halfway) is None, "in the middle of an iteration (slow motion)"


def test_runs_with_raw_and_standardised_ds_and_both_samplings_stack_and_stay_themselves():
    """D's input and the minibatch sampling may differ within a stack: each run's D standardises its own rows (or
    not) and each run draws its own minibatches as ``Trainer.real`` / ``noise`` do."""
    base = replace(FIGURE1_HELD, device="cpu", batch=64, width=16)
    configs = [base, replace(base, d_input="raw"), replace(base, sampling="random"),
               replace(base, d_input="raw", sampling="random")]
    alone, together = ([Trainer(replace(c, seed=i)) for i, c in enumerate(configs)] for _ in range(2))
    for run in (*alone, *together):
        run.train(1)
    assert len({stack_key(run) for run in together}) == 1
    for run in alone:
        run.train(3)
    assert train_together(together, 3) == [None] * 4
    for a, b in zip(alone, together):
        assert torch.equal(a.rng.get_state(), b.rng.get_state())
        for p, q in zip(weights(a), weights(b)):
            torch.testing.assert_close(q, p, rtol=0, atol=1e-6)
