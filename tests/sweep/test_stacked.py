"""Stacked runs (``ganviz sweep --stack N``): many runs of one shape trained at once give each run's own numbers.

On 2D targets a stack is bit-identical to one run at a time in the shapes checked here (the forward products, the
log-loss gradients and Adam are computed in a single run's order); in 1D one gradient rounds differently, and with
some batch sizes (48) one mean does, so there the check is a tolerance.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import torch

from ganviz.cli.commands import main
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer
from ganviz.lessons.compare import run_once
from ganviz.sweep.engine import run_jobs, units_of
from ganviz.sweep.grid import grid_jobs, method_jobs
from ganviz.sweep.maps import read_results
from ganviz.sweep.stacked import run_stacked, stackable, train_stacked

TINY = TrainConfig(dist="ring8", batch=32, width=16, z_dim=2, device="cpu")
MEMBERS = [(0, 1e-3, 1e-3), (1, 1e-3, 3e-4), (2, 3e-4, 3e-4), (3, 3e-4, 1e-3), (4, 1e-3, 1e-3)]  # seed, lr_d, lr_g
MEASURED = ("modes", "hq", "jsd", "steps", "diverged")


def one_at_a_time(configs, steps):
    """Each config trained alone by ``Trainer.train``: its D and G losses and its trainer."""
    out = []
    for config in configs:
        trainer = Trainer(config)
        trainer.train(steps)
        out.append((trainer._d_losses[0], trainer._g_losses[0], trainer))
    return out


@pytest.mark.parametrize("base", [
    TrainConfig(dist="ring8", device="cpu"),  # the defaults: non-saturating, width 32, one noise dimension
    TrainConfig(dist="grid25", device="cpu", loss="minimax", k=2, z_dim=2, batch=64),
    TrainConfig(dist="ring8", device="cpu", loss="hinge", width=16, depth=3),
    TrainConfig(dist="spiral", device="cpu", loss="lsgan", g_offset=0.5),
])
def test_a_stack_gives_every_members_losses_and_weights_bit_for_bit_on_2d_targets(base):
    configs = [replace(base, seed=s, lr_d=d, lr_g=g) for s, d, g in MEMBERS]
    alone = one_at_a_time(configs, 60)
    trainers, diverged, losses = train_stacked(configs, 60)
    assert diverged == [None] * 5 and losses["d"].shape == (60 * base.k, 5) and losses["g"].shape == (60, 5)
    for i, (d, g, trainer) in enumerate(alone):
        assert torch.equal(losses["d"][:, i], d) and torch.equal(losses["g"][:, i], g), i
        for net, mine in ((trainer.G, trainers[i].G), (trainer.D, trainers[i].D)):
            assert all(torch.equal(a, b) for a, b in zip(net.parameters(), mine.parameters())), i
    assert len({float(d[-1]) for d, _, _ in alone}) == 5  # the members differ: the check has teeth


@pytest.mark.parametrize("base, steps", [(TrainConfig(dist="gaussian", device="cpu"), 100),
                                         (TrainConfig(dist="ring8", device="cpu", batch=48), 20)])
def test_where_sums_run_in_another_order_a_stack_agrees_within_float_rounding(base, steps):
    """In 1D, D's one input unit makes its input gradient a matrix-vector product in a single run and a batched one
    in a stack; with a batch of 48, the mean of G's 48 losses is summed in another order per row of the stack. The
    losses then differ in the last bits (measured: up to 3e-7), which a chaotic run can grow over many steps (on
    ring8 with both rates at 1e-3: 1e-6 by step 20, 1e-3 by step 100), as two machines' runs may."""
    configs = [replace(base, seed=s, lr_d=d, lr_g=g) for s, d, g in MEMBERS]
    alone = one_at_a_time(configs, steps)
    _, _, losses = train_stacked(configs, steps)
    for i, (d, g, _) in enumerate(alone):
        assert torch.allclose(losses["d"][:, i], d, rtol=0, atol=1e-5)
        assert torch.allclose(losses["g"][:, i], g, rtol=0, atol=1e-5)


def test_stacked_rows_are_run_onces_rows_and_a_diverging_member_is_flagged_alone():
    configs = [replace(TINY, seed=s, lr_d=d, lr_g=g) for s, d, g in MEMBERS[:3]]
    configs.append(replace(TINY, seed=7, lr_d=1e6, lr_g=1e6))  # diverges within a few steps
    rows = run_stacked(configs, 30, 200)
    for config, row in zip(configs, rows):
        alone = run_once(config, 30, 200)
        assert {m: row[m] for m in MEASURED} == {m: alone[m] for m in MEASURED}
    assert [row["diverged"] is None for row in rows] == [True, True, True, False]
    assert rows[3]["steps"] == 0 and "lr_d=1e+06" in rows[3]["diverged"]  # rolled back to its start, as alone
    assert rows[0]["seconds"] == rows[1]["seconds"] > 0  # each member's share of the stack's time


def test_units_group_stackable_jobs_of_one_shape_in_stacks_of_up_to_n():
    jobs = grid_jobs(TINY, {"lr_d": [1e-3, 3e-4], "k": [1, 2]}, [0, 1, 2], 10, 100)  # k: two shapes of 6 runs
    units = units_of(jobs, 4)
    assert [len(u) for u in units] == [4, 4, 2, 2]
    assert {job.config.k for job in units[0]} == {1} and {job.config.k for job in units[1]} == {2}
    assert sorted(job.key for unit in units for job in unit) == sorted(job.key for job in jobs)
    assert units_of(jobs, 1) == [[job] for job in jobs]
    remedies = method_jobs(TINY, ["gan", "pacgan"], [0, 1], 10, 100)  # PacGAN's D does not stack: one by one
    assert [len(u) for u in units_of(remedies, 8)] == [2, 1, 1]
    assert not stackable(replace(TINY, loss="wgan-gp")) and not stackable(replace(TINY, optimizer="sgd"))


def test_run_jobs_with_stacks_in_one_process_gives_the_sequential_rows():
    jobs = grid_jobs(TINY, {"lr_d": [1e-3, 1e-2]}, [0, 1, 2], 30, 200)
    sequential, stacked = [], []
    run_jobs(jobs, workers=1, on_row=sequential.append)
    ran = run_jobs(jobs, workers=1, stack=4, on_row=stacked.append)
    assert ran.in_driver == 6 and [row["key"] for row in stacked] == [row["key"] for row in sequential]
    for a, b in zip(sequential, stacked):
        assert {m: a[m] for m in MEASURED} == {m: b[m] for m in MEASURED}


def test_the_cli_stacks_writes_it_in_the_header_and_refuses_to_resume_another_way(tmp_path, capsys):
    out = tmp_path / "s.jsonl"
    args = ["sweep", "--dist", "ring8", "--batch", "32", "--width", "16", "--z-dim", "2", "--steps", "20",
            "--grid", "lr_d=1e-3,1e-2", "--seeds", "0-1", "--workers", "1", "--out", str(out)]
    assert main([*args, "--stack", "4"]) == 0
    header, rows = read_results(out)
    assert header["stack"] == 4 and len(rows) == 4
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2 and "stack differs: 4 there, null now" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--stack", "0"])
    assert exit_.value.code == 2 and "--stack must be >= 1" in capsys.readouterr().err


def test_stacks_run_on_ray_as_tasks_with_the_sequential_rows():
    from tests.sweep.test_sweep import have_ray  # noqa: PLC0415  (GANVIZ_REQUIRE_RAY=1 makes a missing Ray fail)

    if not have_ray():
        pytest.skip("ray is not installed (pip install 'ganviz[sweep]')")
    jobs = grid_jobs(TINY, {"lr_d": [1e-3, 1e-2]}, [0, 1], 20, 200)
    sequential, rows = [], []
    run_jobs(jobs, workers=1, on_row=sequential.append)
    ran = run_jobs(jobs, workers=2, stack=2, in_driver=False, on_row=rows.append)
    assert (ran.engine, ran.on_ray) == ("ray", 4)
    by_key = {row["key"]: row for row in rows}
    for row in sequential:
        assert {m: by_key[row["key"]][m] for m in MEASURED} == {m: row[m] for m in MEASURED}
