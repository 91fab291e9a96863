"""The pool that trains several sessions' runs together: who stacks, what each thread gets back, and the budget."""

import threading
from dataclasses import replace

import pytest
import torch

from ganviz.core.trainer import DivergenceError, Trainer
from ganviz.frames.pool import TrainingPool
from ganviz.frames.session import train_within
from ganviz.lessons.presets import FIGURE1

FIG1 = replace(FIGURE1, device="cpu")


def runs(n, config=FIG1):
    trainers = [Trainer(replace(config, seed=i)) for i in range(n)]
    for trainer in trainers:
        trainer.train(1)
    return trainers


def weights(trainer):
    return [p.detach().clone() for p in (*trainer.G.parameters(), *trainer.D.parameters())]


def in_threads(pool, trainers, chunks, iterations=5):
    """Each trainer in a thread of its own, handing ``chunks`` chunks to ``pool``; returns each thread's result
    (iterations done, CPU seconds charged) or the exception it raised."""
    results = [None] * len(trainers)
    start = threading.Barrier(len(trainers))

    def work(i):
        start.wait()
        done, charged = 0, 0.0
        try:
            for _ in range(chunks):
                n, seconds = pool.train(trainers[i], iterations)
                done, charged = done + n, charged + seconds
            results[i] = (done, charged)
        except Exception as err:
            results[i] = err

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(trainers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results


def test_runs_training_at_once_are_trained_together_and_each_gets_its_iterations():
    pool = TrainingPool(gather_s=0.05)
    together, alone = runs(4), runs(4)
    results = in_threads(pool, together, chunks=6)
    assert all(result[0] == 30 for result in results)
    assert pool.rounds > 0 and pool.stacked >= 2 * pool.rounds, "chunks were trained in rounds of several runs"
    for a, b in zip(alone, together):
        a.train(30)
        assert b.step == a.step == 31
        assert torch.equal(a.rng.get_state(), b.rng.get_state())
        for p, q in zip(weights(a), weights(b)):  # within float rounding (tests/core/test_together.py)
            torch.testing.assert_close(q, p, rtol=0, atol=1e-3)
    assert all(result[1] > 0 for result in results), "each run is charged its share of the rounds' CPU time"


def test_a_run_alone_trains_in_its_own_thread_exactly_as_train_does():
    pool = TrainingPool(gather_s=1.0)
    [a], [b] = runs(1), runs(1)
    assert pool.train(b, 7)[0] == 7
    a.train(7)
    assert pool.rounds == 0
    for p, q in zip(weights(a), weights(b)):
        assert torch.equal(p, q)


def test_runs_that_cannot_be_stacked_train_alone_beside_the_others():
    pool = TrainingPool(gather_s=0.05)
    trainers = runs(2) + runs(1, replace(FIG1, remedy="mbstd")) + runs(1, replace(FIG1, width=16))
    results = in_threads(pool, trainers, chunks=4)
    assert [result[0] for result in results] == [20] * 4
    assert pool.stacked <= 2 * pool.rounds, "only the two runs of one shape were stacked"
    assert [t.step for t in trainers] == [21] * 4


def test_a_run_that_diverges_in_a_round_raises_in_its_own_thread_only():
    pool = TrainingPool(gather_s=0.2)
    trainers = runs(3)
    with torch.no_grad():
        trainers[1].D.net[0].weight.fill_(float("nan"))
    results = in_threads(pool, trainers, chunks=1)
    assert isinstance(results[1], DivergenceError)
    assert results[0] == (5, pytest.approx(results[0][1])) and results[2][0] == 5
    assert trainers[1].step == 1 and trainers[0].step == trainers[2].step == 6


def test_a_frames_budget_counts_the_seconds_a_pooled_chunk_charged():
    calls = []

    def train(trainer, n):
        calls.append(n)
        return n, 0.05 * n  # 50 ms of CPU an iteration, as a round charged it

    assert train_within(object(), 20, budget_s=0.12, cost={}, train=train, clock=lambda: 0.0) == 2
    assert calls == [1, 1], "the second chunk fits one more iteration; the third would pass the budget"


def test_a_pool_turned_off_never_stacks():
    pool = TrainingPool(enabled=False)
    results = in_threads(pool, runs(3), chunks=3)
    assert [r[0] for r in results] == [15] * 3 and pool.rounds == 0
