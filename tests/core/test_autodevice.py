"""device="auto" for training: the faster device per size, measured once; the CPU when it is alone."""

import pytest
import torch

import ganviz.core.autodevice as autodevice
import ganviz.core.trainer as trainer_module
from ganviz.core.autodevice import choose, faster, forget
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer, measure_rate
from ganviz.ui.live import device_reason


@pytest.fixture(autouse=True)
def fresh_choices():
    forget()
    yield
    forget()


def test_faster_takes_the_most_iterations_and_the_cpu_on_a_tie():
    assert faster({"cpu": 900.0, "cuda": 400.0}) == "cpu"
    assert faster({"cpu": 300.0, "cuda": 2000.0}) == "cuda"
    assert faster({"cuda": 500.0, "cpu": 500.0}) == "cpu"


def never(device):
    raise AssertionError(f"measured {device}, but nothing should have been")


def test_an_explicit_device_and_a_lone_cpu_are_not_measured():
    assert choose(TrainConfig(device="cpu"), never, ["cpu", "cuda"]).device == "cpu"
    assert choose(TrainConfig(), never, ["cpu"]) == autodevice.DeviceChoice("cpu", {})


def test_each_size_is_measured_once_and_the_faster_kept():
    measured = []
    speeds = {"cpu": 300.0, "cuda": 1200.0}

    def rate(device):
        measured.append(device)
        return speeds[device]

    small = TrainConfig(width=32)
    first = choose(small, rate, ["cpu", "cuda"])
    assert first.device == "cuda" and first.rates == speeds
    assert choose(small, rate, ["cpu", "cuda"]) is first and measured == ["cpu", "cuda"]
    speeds.update(cpu=5000.0)  # another size measures again, and can choose otherwise
    assert choose(TrainConfig(width=128), rate, ["cpu", "cuda"]).device == "cpu"
    assert measured == ["cpu", "cuda", "cpu", "cuda"]


def test_live_fields_other_than_batch_and_k_do_not_measure_again():
    calls = []
    choose(TrainConfig(lr_d=1e-3), lambda d: calls.append(d) or 1.0, ["cpu", "cuda"])
    choose(TrainConfig(lr_d=5e-2, lr_g=1e-4), lambda d: calls.append(d) or 1.0, ["cpu", "cuda"])
    assert len(calls) == 2


def test_the_trainer_trains_where_auto_measured_faster_and_the_page_says_why(monkeypatch):
    monkeypatch.setattr(autodevice, "accelerators", lambda: ["cuda"])
    monkeypatch.setattr(trainer_module, "measure_rate", lambda config, device, target=None: {"cpu": 410.0, "cuda": 150.0}[device])
    trainer = Trainer(TrainConfig(dist="gaussian"))
    assert trainer.device == torch.device("cpu")
    assert trainer.device_choice.rates == {"cpu": 410.0, "cuda": 150.0}
    reason = device_reason(trainer)
    assert "CPU 410" in reason and "CUDA 150" in reason and reason.index("CPU") < reason.index("CUDA")


def test_on_a_cpu_only_machine_the_page_gives_no_reason():
    trainer = Trainer(TrainConfig(dist="gaussian"))
    if autodevice.accelerators():
        pytest.skip("this machine has an accelerator")
    assert trainer.device == torch.device("cpu") and device_reason(trainer) == ""


def test_measure_rate_trains_a_throwaway_run():
    rate = measure_rate(TrainConfig(dist="gaussian", batch=32, width=8), "cpu", iterations=5)
    assert rate > 0
