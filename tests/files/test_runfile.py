"""Run files (ganviz.files.runfile): a loaded run goes on exactly as the saved one; a bad file is refused, never unpickled."""

import dataclasses
import io
import json
import pickle
import random

import numpy as np
import pytest
import torch
from safetensors.torch import load as load_tensors, save as save_tensors

from ganviz.files import runfile
from ganviz.core.custom import kde_target
from ganviz.core.distributions import GaussianMixture
from ganviz.files.runfile import MAX_BYTES, RunFileError, load_run, save_run
from ganviz.frames.snapshot import take_snapshot
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import MAX_HISTORY_ROWS, Trainer

POINTS = np.array([[0.0, 0.0], [1.0, 0.5], [-1.0, 0.5], [0.5, -1.0], [-0.5, -1.0], [0.0, 1.5]])

RUNS = {
    "gaussian-sgd": (TrainConfig(dist="gaussian", optimizer="sgd", momentum=0.5, batch=32, width=16, device="cpu",
                                 decay_start=5, decay_end=60), None),
    "ring8-adam": (TrainConfig(dist="ring8", z_dim=2, batch=32, width=16, device="cpu", seed=3), None),
    "ring8-pacgan": (TrainConfig(dist="ring8", remedy="pacgan", pack=4, batch=32, width=16, z_dim=2, device="cpu"), None),
    "custom-points": (TrainConfig(dist="custom", batch=32, width=16, z_dim=2, device="cpu", seed=1),
                      GaussianMixture(POINTS, 0.2, bounds=[[-3, 3], [-2.5, 3.5]], name="custom")),
    # stratified minibatches and a D that standardises x by the target's moments (rebuilt from the config and, for
    # the custom target, from its saved points: a wrong shift would change every later step and metric)
    "gaussian-held": (TrainConfig(dist="gaussian", optimizer="adam", k=3, batch=32, width=16, device="cpu",
                                  decay_start=5, decay_end=60, sampling="stratified", d_input="standardised"), None),
    "custom-standardised": (TrainConfig(dist="custom", batch=32, width=16, z_dim=2, device="cpu", seed=2,
                                        sampling="stratified", d_input="standardised"),
                            GaussianMixture(POINTS + 3.0, 0.2, bounds=[[0, 6], [0.5, 6.5]], name="custom")),
}


def snapshot(trainer):
    """A frame of the run, its metrics row recorded as a page records the frames it shows."""
    snap = take_snapshot(trainer) if trainer.target.dim == 1 else take_snapshot_2d(trainer, n_show=300)
    trainer.record(snap.metrics)
    return snap


def state(trainer):
    """Every tensor of the run (weights, optimizer state, random state) and its counters, for exact comparison."""
    tensors = {f"{net}.{k}": v for net in ("G", "D") for k, v in getattr(trainer, net).state_dict().items()}
    for name in ("opt_g", "opt_d"):
        opt = getattr(trainer, name)
        tensors.update({f"{name}.{i}.{k}": v for i, s in opt.state_dict()["state"].items() for k, v in s.items()})
        tensors[f"{name}.lr"] = torch.tensor([g["lr"] for g in opt.param_groups], dtype=torch.float64)
    tensors["rng"] = trainer.rng.get_state()
    return tensors, (trainer.step, trainer.d_steps, json.dumps(trainer.history))


def assert_same(a, b):
    (ta, ca), (tb, cb) = state(a), state(b)
    assert ta.keys() == tb.keys() and ca == cb
    for key in ta:
        assert torch.equal(ta[key], tb[key]), key


@pytest.mark.parametrize("name", RUNS)
def test_a_loaded_run_goes_on_exactly_as_the_saved_one(name):
    config, target = RUNS[name]
    a = Trainer(config, target)
    a.train(25)
    snapshot(a)
    a.train(7)  # losses not yet averaged into a row travel too
    b = load_run(save_run(a))
    assert b.config == a.config and b.device == torch.device("cpu")
    assert_same(a, b)
    for trainer in (a, b):
        trainer.train(15)
        trainer.train_discriminator(3)  # D alone runs at the optimizer's learning rate as saved (decay included)
        trainer.train(5)
    assert_same(a, b)
    assert json.dumps(snapshot(a).metrics) == json.dumps(snapshot(b).metrics)
    assert json.dumps(a.history) == json.dumps(b.history) and len(a.history) == 2
    assert_same(a, b)


def test_the_custom_target_comes_back_with_its_points_widths_and_window():
    config, target = RUNS["custom-points"]
    b = load_run(save_run(Trainer(config, target)))
    for field in ("means", "stds", "weights", "bounds"):
        np.testing.assert_array_equal(getattr(b.target, field), getattr(target, field))
    kde = kde_target(POINTS)
    assert np.array_equal(load_run(save_run(Trainer(config, kde))).target.bounds, kde.bounds)


def test_a_loaded_run_rolls_back_to_where_it_was_loaded():
    b = load_run(save_run(Trainer(RUNS["ring8-adam"][0])))
    assert b.step == 0
    b.train(3)
    assert b._good["step"] == 3


# ----- a run saved on one kind of device loads on another ----------------------------------------


@pytest.fixture
def hosts(monkeypatch):
    """``host(accelerators, rates)``: make this process look like a machine with those accelerators, where "auto"
    measures ``rates`` (iterations per second per device; see ganviz.core.autodevice), as the Trainer measures them."""
    from ganviz.core import autodevice, device, trainer as trainer_module

    def host(accelerators, rates=None):
        autodevice.forget()
        monkeypatch.setattr(device, "accelerators", lambda: list(accelerators))
        monkeypatch.setattr(autodevice, "accelerators", lambda: list(accelerators))
        monkeypatch.setattr(trainer_module, "measure_rate", lambda config, where, target=None: rates[where])

    yield host
    autodevice.forget()


AUTO = dataclasses.replace(RUNS["ring8-adam"][0], device="auto")
CPU_FASTER = {"cpu": 900.0, "cuda": 300.0}  # what "auto" measures for a small GAN on most GPU hosts
GPU_FASTER = {"cpu": 300.0, "cuda": 900.0}


def test_a_run_saved_with_auto_on_a_cuda_host_loads_there_and_on_a_cpu_host(hosts):
    hosts(["cuda"], CPU_FASTER)  # a (fake) CUDA host where "auto" measured the CPU faster: the run trains on the CPU
    a = Trainer(AUTO)
    assert a.device == torch.device("cpu") and a.device_choice.rates == CPU_FASTER
    a.train(10)
    data = save_run(a)
    b = load_run(data)  # the same host: the random state is checked against the CPU it is rebuilt on, not "cuda"
    hosts([])  # a CPU-only host
    c = load_run(data)
    for loaded in (b, c):
        assert loaded.device == torch.device("cpu")
        assert_same(a, loaded)
    for trainer in (a, b, c):
        trainer.train(5)
    assert_same(a, b) and assert_same(a, c)


def test_a_run_saved_on_a_cpu_only_host_loads_on_a_cuda_host(hosts):
    hosts([])
    a = Trainer(AUTO)
    a.train(10)
    hosts(["cuda"], CPU_FASTER)
    b = load_run(save_run(a))
    assert b.device == torch.device("cpu") and b.device_choice.rates == CPU_FASTER
    a.train(5)
    b.train(5)
    assert_same(a, b)


def test_a_random_state_of_another_kind_of_device_seeds_the_loaded_run():
    # A CUDA generator's state is 16 bytes (seed and offset); it cannot feed a CPU generator, so it seeds one.
    a = Trainer(RUNS["ring8-adam"][0])
    a.train(10)
    data = edited(save_run(a), {"rng": torch.arange(16, dtype=torch.uint8)})
    b, c = load_run(data), load_run(data)
    assert not torch.equal(b.rng.get_state(), a.rng.get_state())
    assert torch.equal(b.rng.get_state(), c.rng.get_state())  # the same file goes on the same way
    assert all(torch.equal(p, q) for p, q in zip(a.G.parameters(), b.G.parameters()))
    assert (b.step, b.d_steps) == (a.step, a.d_steps)
    b.train(5)
    c.train(5)
    assert_same(b, c)
    other = load_run(edited(save_run(a), {"rng": torch.arange(1, 17, dtype=torch.uint8)}))
    assert not torch.equal(other.rng.get_state(), b.rng.get_state())


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_on_a_gpu_runs_go_between_the_cuda_and_the_cpu(hosts):
    hosts(["cuda"], GPU_FASTER)  # "auto" trains on the GPU here
    a = Trainer(AUTO)
    assert a.device.type == "cuda"
    a.train(10)
    snapshot(a)
    a.train(3)
    hosts([])  # loaded where there is no GPU: the CPU, its random stream seeded from the CUDA one
    b = load_run(save_run(a))
    assert b.device == torch.device("cpu") and (b.step, b.d_steps, b.history) == (a.step, a.d_steps, a.history)
    for p, q in zip((*a.G.parameters(), *a.D.parameters()), (*b.G.parameters(), *b.D.parameters())):
        assert torch.equal(p.cpu(), q)
    assert b.mean_losses() == pytest.approx(a.mean_losses())
    b.train(5)
    hosts(["cuda"], GPU_FASTER)  # and back onto the GPU
    c = load_run(save_run(b))
    assert c.device.type == "cuda"
    for p, q in zip(b.G.parameters(), c.G.parameters()):
        assert torch.equal(p, q.cpu())
    c.train(5)
    assert all(torch.isfinite(p).all() for p in c.G.parameters())


def test_phase_is_saved_and_restored():
    a = Trainer(dataclasses.replace(RUNS["ring8-adam"][0], k=3))
    a.beat(), a.beat()  # two of the iteration's three D steps
    b = load_run(save_run(a))
    assert b.phase == 2
    assert [a.beat() for _ in range(2)] == [b.beat() for _ in range(2)] == ["d", "g"]
    assert_same(a, b)


# ----- refused files ------------------------------------------------------------------
@pytest.fixture(scope="module")
def good():
    a = Trainer(RUNS["gaussian-sgd"][0])
    a.train(3)
    snapshot(a)
    return save_run(a)


@pytest.fixture(autouse=True)
def never_unpickle(monkeypatch):
    """Any call that could unpickle fails the test."""
    def boom(*args, **kwargs):
        raise AssertionError("something tried to unpickle the file")

    for module, name in ((pickle, "loads"), (pickle, "load"), (torch, "load"), (torch.serialization, "load")):
        monkeypatch.setattr(module, name, boom)


def parts(data):
    """The tensors and metadata of a valid file, to edit and save again."""
    n = int.from_bytes(data[:8], "little")
    return load_tensors(data), json.loads(data[8:8 + n])["__metadata__"]


def edited(data, tensors=None, fields=None, **metadata):
    """``data`` with tensors replaced (None removes one), fields of the run JSON replaced, metadata keys replaced
    (None removes one)."""
    old_tensors, old_meta = parts(data)
    new = {**old_tensors, **(tensors or {})}
    meta = {**old_meta, **metadata}
    if fields is not None:
        meta["run"] = json.dumps({**json.loads(old_meta["run"]), **fields})
    return save_tensors({k: v for k, v in new.items() if v is not None},
                        metadata={k: v for k, v in meta.items() if v is not None})


def refused(data, says):
    with pytest.raises(RunFileError) as caught:
        load_run(data)
    assert says in str(caught.value), str(caught.value)
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_random_bytes_and_an_empty_file_are_refused():
    refused(random.Random(0).randbytes(5000), "not a ganviz run file (not safetensors)")
    refused(b"", "the file is empty")


@pytest.mark.parametrize("cut", [1, 8, 9, 100, -2000, -1])
def test_a_truncated_file_is_refused(good, cut):
    refused(good[:cut], "truncated")


def test_a_file_with_bytes_after_its_tensors_is_refused(good):
    refused(good + b"\0" * 16, "not a readable safetensors file")


def test_a_file_over_the_size_cap_is_refused_before_reading(good, monkeypatch):
    assert MAX_BYTES == 50_000_000
    monkeypatch.setattr(runfile, "MAX_BYTES", len(good) - 1)
    refused(good, f"the file is {len(good):,} bytes; a run file is at most {len(good) - 1:,}")


def test_pickles_are_refused_without_being_unpickled(good):
    run = {"G": {"net.0.weight": torch.zeros(16, 1)}, "config": {}}
    with io.BytesIO() as buffer:
        torch.save(run, buffer, _use_new_zipfile_serialization=True)  # torch.load is blocked, torch.save is not
        zipped = buffer.getvalue()
    with io.BytesIO() as buffer:
        torch.save(run, buffer, _use_new_zipfile_serialization=False)
        legacy = buffer.getvalue()
    for data in (pickle.dumps(run), pickle.dumps({"a": 1}, protocol=2), legacy):
        refused(data, "this is a pickle (made by torch.save or pickle.dump), not a ganviz run file")
    refused(zipped, "this is a zip archive (torch.save writes one, with a pickle inside), not a ganviz run file")


def test_a_safetensors_file_without_the_marker_is_refused(good):
    tensors, _ = parts(good)
    refused(save_tensors(tensors), "not a ganviz run file (a safetensors file without the ganviz-run marker)")
    refused(save_tensors({"x": torch.zeros(2)}, metadata={"format": "other"}), "without the ganviz-run marker")
    refused(edited(good, format="ganviz-weights"), "without the ganviz-run marker")


@pytest.mark.parametrize("version, says", [
    ("2", "written by a newer format version (2) than this ganviz reads (1)"),
    ("0", "unknown format version '0'"),
    ("one", "unknown format version 'one'"),
    (None, "unknown format version None"),
])
def test_the_format_version_is_checked(good, version, says):
    refused(edited(good, version=version), says)


@pytest.mark.parametrize("tensors, says", [
    ({"G.net.0.weight": torch.zeros(8, 1)}, "G's weight net.0.weight has shape (8, 1) but the config needs (16, 1)"),
    ({"D.net.2.bias": torch.zeros(17)}, "D's weight net.2.bias has shape (17,) but the config needs (16,)"),
    ({"G.net.0.weight": torch.zeros(16, 1, dtype=torch.float64)},
     "G's weight net.0.weight is torch.float64 but the run needs torch.float32"),
    ({"opt_d.0.momentum_buffer": torch.zeros(3)},
     "opt_d's momentum_buffer of parameter 0 has shape (3,) but the config needs (16, 1)"),
    ({"G.net.4.bias": torch.tensor([float("nan")])}, "G's weight net.4.bias holds NaN or infinite values"),
    ({"rng": torch.zeros(5056, dtype=torch.uint8)}, "its random number state is invalid (Invalid mt19937 state)"),
    ({"rng": torch.zeros(16)}, "tensor rng is torch.float32 but the run needs torch.uint8"),
    ({"rng": torch.zeros(2, 8, dtype=torch.uint8)}, "tensor rng must be a list of numbers (got shape (2, 8))"),
    ({"rng": None}, "missing tensor 'rng'"),
    ({"G.net.0.weight": None}, "missing tensor 'G.net.0.weight'"),
    ({"opt_g.0.exp_avg": torch.zeros(16, 1)}, "unexpected tensor 'opt_g.0.exp_avg'"),
    ({"opt_g.99.momentum_buffer": torch.zeros(1)}, "unexpected tensor 'opt_g.99.momentum_buffer'"),
    ({"G.net.6.weight": torch.zeros(1, 16)}, "unexpected tensor 'G.net.6.weight'"),
    ({"target.means": torch.zeros(3, 2, dtype=torch.float64)}, "unexpected tensor 'target.means'"),
    ({"losses.d": torch.zeros(2, 2)}, "tensor losses.d must be a list of numbers (got shape (2, 2))"),
])
def test_a_tensor_that_does_not_fit_the_config_is_refused(good, tensors, says):
    refused(edited(good, tensors), says)


@pytest.mark.parametrize("run, says", [
    ({"config": {"width": 8}}, "G's weight net.0.weight has shape (16, 1) but the config needs (8, 1)"),
    ({"config": {"k": 0}}, "its config is invalid: k must be a whole number from 1 to 100 (got 0)"),
    ({"config": {"loss": "vanilla"}}, "its config is invalid: unknown loss 'vanilla'"),
    ({"config": {"wings": 2}}, "its config has an unknown field 'wings'"),
    ({"config": {"width": 10 ** 30}},
     f"its config is invalid: width must be a whole number from 1 to 512 (got {10 ** 30})"),
    ({"config": {"depth": 10 ** 9}}, "its config is invalid: depth must be a whole number from 0 to 6 (got 1000000000)"),
    ({"config": {"device": "cuda"}} if not torch.cuda.is_available() else {"config": {"device": "nowhere"}},
     "its config cannot run here"),
    ({"config": []}, "config must be a JSON object"),
    ({"step": "ten"}, "step must be a whole number >= 0 (got 'ten')"),
    ({"d_steps": -1}, "d_steps must be a whole number >= 0 (got -1)"),
    ({"phase": 1.5}, "phase must be a whole number >= 0 (got 1.5)"),
    ({"lr_g": 0}, "lr_g must be a positive number (got 0)"),
    ({"history": {}}, "history must be a list of rows"),
    ({"history": [{"step": 0, "d_steps": 0}, {"step": 1, "jsd": "high"}]}, "history row 1 is not a row of metrics"),
    ({"history": [{"jsd": 0.1}]}, "history row 0 is not a row of metrics"),
    ({"history": [{"step": 0, "d_steps": 0, "jsd": [0.1, {"step": 1, "d_steps": 0}]}]}, "history row 0 is not a row"),
    ({"step": {"step": 0, "d_steps": 0}}, "step must be a whole number >= 0 (got <a row of metrics>)"),
    ({"config": {"width": {"step": 0, "d_steps": 0}}}, "its run metadata holds a row of metrics outside its history"),
    ({"extra": 1}, "unexpected run field 'extra'"),
])
def test_run_json_of_the_wrong_shape_or_type_is_refused(good, run, says):
    old = json.loads(parts(good)[1]["run"])
    if isinstance(run.get("config"), dict):
        run = {**run, "config": {**old["config"], **run["config"]}}
    refused(edited(good, fields=run), says)


def with_rows(data, rows):
    """``data`` with its history replaced by ``rows``."""
    return edited(data, fields={"history": rows})


def test_a_long_history_is_thinned_as_the_trainer_thins_it_while_recording(good, monkeypatch):
    """A file may carry more rows than a run keeps (a hand-made one: ganviz never saves more): the loaded run keeps
    what a trainer that had recorded those rows one by one keeps, the first row and the newest whole."""
    from ganviz.core import trainer as trainer_module

    monkeypatch.setattr(trainer_module, "MAX_HISTORY_ROWS", 40)
    monkeypatch.setattr(runfile, "MAX_HISTORY_ROWS", 40)
    row = json.loads(parts(good)[1]["run"])["history"][-1]
    rows = [dict(row, jsd=float(i), mode_counts=[i, 2 * i]) for i in range(1000)]
    recorded = []
    for r in rows:
        recorded.append(r)
        if len(recorded) > 40:
            recorded = trainer_module.bounded_history(recorded)
    loaded = load_run(with_rows(good, rows)).history
    assert loaded == recorded and len(loaded) <= 40
    assert loaded[0]["jsd"] == 0.0 and [r["jsd"] for r in loaded[-20:]] == [float(i) for i in range(980, 1000)]
    assert loaded[-1]["mode_counts"] == [999, 1998] and type(loaded[-1]["step"]) is int


def test_a_long_history_is_read_without_holding_all_its_rows(good):
    """Reading a file of 100,000 rows allocates its text twice (the header, then the run's JSON in it: 2.0 times
    the file), never its 100,000 rows as Python objects at once (2.9 times the file, with a copy of the header's
    bytes: the parser of issue 26, which left 140 MB of a server's memory fragmented per loaded 46 MB file)."""
    import tracemalloc

    row = json.loads(parts(good)[1]["run"])["history"][-1]
    data = with_rows(good, [row] * 100_000)
    tracemalloc.start()
    try:
        trainer = load_run(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(trainer.history) <= MAX_HISTORY_ROWS
    print(f"loading a {len(data):,}-byte file allocated {peak:,} bytes at its peak")
    assert peak < 2.5 * len(data), f"loading a {len(data):,}-byte file allocated {peak:,} bytes"


def test_missing_run_fields_and_metadata_are_refused(good):
    _, meta = parts(good)
    run = json.loads(meta["run"])
    del run["lr_d"]
    refused(edited(good, **{"run": json.dumps(run)}), "missing run field 'lr_d'")
    refused(edited(good, **{"run": None}), "missing metadata key 'run'")
    refused(edited(good, **{"run": "{not json"}), "its run metadata is not JSON")
    refused(edited(good, **{"note": "hi"}), "unexpected metadata key 'note'")


def test_a_config_field_the_file_lacks_takes_its_default(good):
    _, meta = parts(good)
    run = json.loads(meta["run"])
    del run["config"]["decay_floor"]  # as a file written before a field existed would
    assert load_run(edited(good, **{"run": json.dumps(run)})).config.decay_floor == TrainConfig().decay_floor


def test_a_custom_target_is_checked():
    config, target = RUNS["custom-points"]
    data = save_run(Trainer(config, target))
    refused(edited(data, {"target.bounds": torch.tensor([[1.0, -1.0], [0.0, 1.0]], dtype=torch.float64)}),
            "its custom target is invalid: its window is empty")
    refused(edited(data, {"target.means": torch.full((6, 2), 5000.0, dtype=torch.float64)}),
            "its custom target is invalid: point 1 is further than 1,000 from the origin")
    refused(edited(data, {"target.stds": torch.zeros(6, dtype=torch.float64)}),
            "its custom target is invalid: standard deviations must be positive")
    refused(edited(data, {"target.stds": torch.ones(5, dtype=torch.float64)}),
            "tensor target.stds has shape (5,) but the config needs (6,)")
    refused(edited(data, {"target.means": None}), "missing tensor 'target.means'")


def test_save_refuses_what_it_cannot_write_as_tensors():
    points = GaussianMixture(POINTS, 0.2, weights=[1, 1, 1, 1, 1, 2], name="custom")
    with pytest.raises(ValueError, match="must weigh its points equally"):
        save_run(Trainer(RUNS["custom-points"][0], points))


def test_a_file_with_bytes_changed_anywhere_loads_or_is_refused_with_a_reason(good):
    """Flip bytes at random, mostly in the header: load_run answers a Trainer or a RunFileError, nothing else."""
    rnd, header = random.Random(0), 8 + int.from_bytes(good[:8], "little")
    loaded = 0
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rnd.choice([1, 2, 5])):
            data[rnd.randrange(header) if rnd.random() < 0.8 else rnd.randrange(len(data))] = rnd.randrange(256)
        try:
            load_run(bytes(data))
            loaded += 1
        except RunFileError as err:
            assert str(err) and "\n" not in str(err)
    assert loaded < 300
