"""``python -m ganviz mnist sample|parzen|quality``: outputs, and errors that name the file."""

import numpy as np
import pytest

from ganviz.cli.commands import main
from ganviz.mnist import load_generator


def test_sample_writes_uint8_digits(tmp_path, capsys):
    out = tmp_path / "samples.npy"
    assert main(["mnist", "sample", "--n", "10", "--seed", "0", "--out", str(out)]) == 0
    images = np.load(out)
    assert images.dtype == np.uint8 and images.shape == (10, 28, 28)
    assert images.max() > 200 and images.min() == 0, "ink near 255, background near 0"
    expected = np.rint(load_generator().sample(10, 0) * 255).astype(np.uint8)
    assert np.array_equal(images, expected)
    assert "wrote 10 samples" in capsys.readouterr().out


def test_sample_errors_name_the_problem(tmp_path, capsys):
    assert main(["mnist", "sample", "--out", str(tmp_path / "s.npy"), "--weights", str(tmp_path)]) == 1
    assert f"{tmp_path}/generator.safetensors: weights file not found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["mnist", "sample", "--n", "0", "--out", str(tmp_path / "s.npy")])
    assert exit_info.value.code == 2 and "--n must be >= 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["mnist", "sample", "--out", str(tmp_path / "nowhere" / "s.npy")])
    assert "does not exist" in capsys.readouterr().err


def test_parzen_prints_the_estimate_beside_the_paper(mnist_dir, capsys):
    assert main(["mnist", "parzen", "--data", mnist_dir, "--n", "50", "--no-real"]) == 0
    out = capsys.readouterr().out
    assert "50 samples (seed 0):" in out and "paper (adversarial nets, Table 1): 225 ± 2" in out


def test_quality_without_data_says_how_to_get_it(tmp_path, capsys):
    assert main(["mnist", "quality", "--data", str(tmp_path), "--n", "20"]) == 1
    assert "python -m ganviz mnist download" in capsys.readouterr().err
