"""Loading weights: the shipped generator samples deterministically; bad files are refused naming the file."""

import json
import pickle

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from ganviz.mnist import WeightsError, load_generator, read_card, read_progress
from ganviz.mnist.models import MnistGenerator
from ganviz.mnist.weights import GENERATOR_FILE, WEIGHTS_DIR, write_network

MAX_SHIPPED_BYTES = 10 * 1024 * 1024


def test_the_shipped_generator_samples_deterministically_per_seed():
    generator = load_generator()
    a, b, c = generator.sample(8, seed=3), generator.sample(8, seed=3), generator.sample(8, seed=4)
    assert a.shape == (8, 28, 28) and a.dtype == np.float32
    assert 0 <= a.min() and a.max() <= 1
    assert np.array_equal(a, b) and not np.allclose(a, c)
    assert a.std(axis=0).mean() > 0.05, "different noise must give different digits"


def test_the_shipped_discriminator_scores_probabilities():
    generator = load_generator()
    scores = generator.score(generator.sample(16, seed=0))
    assert scores.shape == (16,) and np.all((scores > 0) & (scores < 1))
    assert load_generator(with_discriminator=False).score(np.zeros((1, 28, 28))) is None


def test_everything_shipped_fits_in_10_mb_and_has_a_card():
    sizes = {p.name: p.stat().st_size for p in __import__("pathlib").Path(WEIGHTS_DIR).iterdir()}
    assert sum(sizes.values()) <= MAX_SHIPPED_BYTES, sizes
    card = read_card()
    for field in ("generator", "data", "epochs", "seed", "training_seconds", "machine", "evaluation"):
        assert field in card, field
    frames, steps = read_progress()
    assert frames.dtype == np.uint8 and frames.shape[1:] == (64, 28, 28) and steps[0] == 0
    assert np.all(np.diff(steps) > 0) and steps[-1] == card["steps"]


def write_generator(folder, **changes):
    g = MnistGenerator(z_dim=4, widths=(8,))
    write_network(str(folder / GENERATOR_FILE), g)
    return g


def test_a_small_saved_generator_round_trips(tmp_path):
    g = write_generator(tmp_path)
    loaded = load_generator(str(tmp_path))
    z = np.random.default_rng(0).normal(size=(3, 4)).astype(np.float32)
    with torch.no_grad():
        expected = ((g(torch.from_numpy(z)) + 1) / 2).reshape(3, 28, 28).numpy()
    assert loaded.generate(z) == pytest.approx(expected, abs=2e-3)  # float16 on disk


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(WeightsError, match=f"{tmp_path}/generator.safetensors: weights file not found"):
        load_generator(str(tmp_path))


def test_a_pickle_is_refused_without_being_loaded(tmp_path):
    path = tmp_path / GENERATOR_FILE
    path.write_bytes(pickle.dumps({"net.0.weight": [1, 2]}))
    with pytest.raises(WeightsError, match="generator.safetensors: this is a pickle"):
        load_generator(str(tmp_path))
    torch.save(MnistGenerator().state_dict(), path)
    with pytest.raises(WeightsError, match="pickle"):
        load_generator(str(tmp_path))


def test_a_truncated_or_corrupt_file_is_named(tmp_path):
    write_generator(tmp_path)
    path = tmp_path / GENERATOR_FILE
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(WeightsError, match="generator.safetensors: not a readable safetensors file"):
        load_generator(str(tmp_path))
    path.write_bytes(b"garbage that is no safetensors header")
    with pytest.raises(WeightsError, match="generator.safetensors: not a readable"):
        load_generator(str(tmp_path))


def test_wrong_shapes_and_wrong_networks_are_named(tmp_path):
    g = MnistGenerator(z_dim=4, widths=(8,))
    tensors = {k: v.half() for k, v in g.state_dict().items()}
    tensors["net.0.weight"] = torch.zeros(8, 5)
    meta = {"ganviz": json.dumps({"network": "generator", "z_dim": 4, "widths": [8]})}
    save_file(tensors, str(tmp_path / GENERATOR_FILE), metadata=meta)
    with pytest.raises(WeightsError, match=r"generator.safetensors: net.0.weight has shape \(8, 5\)"):
        load_generator(str(tmp_path))
    del tensors["net.0.weight"]
    save_file(tensors, str(tmp_path / GENERATOR_FILE), metadata=meta)
    with pytest.raises(WeightsError, match="generator.safetensors: tensors do not match.*net.0.weight"):
        load_generator(str(tmp_path))
    save_file(tensors, str(tmp_path / GENERATOR_FILE), metadata={"ganviz": json.dumps({"network": "classifier"})})
    with pytest.raises(WeightsError, match="holds classifier, expected the generator"):
        load_generator(str(tmp_path))
