"""The benchmark runs (``--quick``), its parts count what they say, and its two timed loops do the same work (that
the Trainer and the reference loop train the same GAN is tests/core/test_reference.py's). No timings are asserted."""

import json
import math

import pytest

from ganviz.cli.bench import SETTINGS, iteration_flops, mlp_flops
from ganviz.cli.commands import main
from ganviz.core.config import TrainConfig

KEYS = {"train_iters_per_s_ring8", "reference_iters_per_s_ring8", "train_ratio_ring8", "frame_ms_figure1",
        "frame_ms_2d", "frame_bytes_figure1", "frame_bytes_2d", "mnist_sample64_ms", "mnist_nn10_ms", "device",
        "stacked_iters_per_s_figure1", "alone_iters_per_s_figure1", "stacked_gain_figure1", "stacked_iters_per_s_2d",
        "stacked_gain_2d"}


def test_quick_bench_prints_one_json_object_with_the_issues_keys(capsys):
    assert main(["bench", "--quick", "--json", "--device", "cpu"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    result = json.loads(out[0])
    assert KEYS <= result.keys() and result["device"] == "cpu"
    for key in KEYS - {"device"}:
        assert isinstance(result[key], (int, float)) and math.isfinite(result[key]) and result[key] > 0, key
    # The timed loops did the same work: the same weights up to float rounding after the quick bench's 60 iterations.
    # Measured on the CPU: 7.6e-8 (Figure 1) and 5.6e-4 (ring8); with the reference loop's random numbers seeded
    # otherwise, 0.012 and 0.10.
    assert result["train_weight_gap_figure1"] < 1e-3 and result["train_weight_gap_ring8"] < 1e-2
    assert 0 < result["peak_share_ring8"] and result["peak_gflops"] > 0
    assert result["mnist_generator"] == "shipped" and result["mnist_train_images"] in ("MNIST", "synthetic (random)")


def test_table_output_and_bad_device(capsys):
    assert main(["bench", "--quick", "--device", "cpu"]) == 0
    text = capsys.readouterr().out
    assert "trainer it/s" in text and "2D page" in text and "MNIST" in text and "trained together" in text
    with pytest.raises(SystemExit) as err:
        main(["bench", "--quick", "--device", "tpu"])
    assert err.value.code == 2


def test_flops_are_counted_from_the_layer_sizes():
    # 2 -> 4 -> 1 on 3 rows: 2 * 3 * (2*4 + 4*1) = 72
    assert mlp_flops(2, 1, 4, 1, 3) == 72
    config = TrainConfig(dist="ring8", z_dim=2, width=4, depth=1, batch=3, k=2)
    g, d = mlp_flops(2, 2, 4, 1, 3), mlp_flops(2, 1, 4, 1, 3)
    assert iteration_flops(config, 2) == 2 * (g + 6 * d) + 3 * g + 2 * d
