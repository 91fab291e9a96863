"""``python -m ganviz mnist train`` for a few iterations on a small subset, and its resume."""

import json

import numpy as np
import torch
from safetensors.torch import load_file

from ganviz.cli.commands import main
from ganviz.mnist.weights import load_generator, read_progress


def train(mnist_dir, out, steps):
    return main(["mnist", "train", "--data", mnist_dir, "--out", str(out), "--steps", str(steps),
                 "--train-images", "256", "--batch", "16", "--checkpoint-every", "2", "--device", "cpu"])


def test_train_writes_loadable_weights_and_a_card(mnist_dir, tmp_path, capsys):
    assert train(mnist_dir, tmp_path, 3) == 0
    assert "done: 3 steps" in capsys.readouterr().out
    generator = load_generator(str(tmp_path))
    assert generator.discriminator is not None
    samples = generator.sample(4, seed=0)
    assert samples.shape == (4, 28, 28) and samples.min() >= 0 and samples.max() <= 1
    card = json.loads((tmp_path / "card.json").read_text())
    assert card["steps"] == 3 and card["config"]["train_images"] == 256 and card["seed"] == 0
    frames, steps = read_progress(str(tmp_path))
    assert frames.dtype == np.uint8 and frames.shape == (2, 64, 28, 28) and steps.tolist() == [0, 3]


def test_resuming_continues_exactly_where_the_checkpoint_left_off(mnist_dir, tmp_path):
    straight, resumed = tmp_path / "straight", tmp_path / "resumed"
    assert train(mnist_dir, straight, 5) == 0
    assert train(mnist_dir, resumed, 2) == 0
    assert train(mnist_dir, resumed, 5) == 0  # picks up at step 2
    a, b = load_file(str(straight / "checkpoint.safetensors")), load_file(str(resumed / "checkpoint.safetensors"))
    assert a.keys() == b.keys()
    for name in a.keys() - {"frames", "frame_steps"}:  # the resumed run also rendered a frame where it stopped
        assert torch.equal(a[name], b[name]), name
    assert b["frame_steps"].tolist() == [0, 2, 5] and torch.equal(b["frames"][[0, 2]], a["frames"])
    assert json.loads((resumed / "card.json").read_text())["steps"] == 5


def test_resuming_with_another_recipe_is_refused(mnist_dir, tmp_path, capsys):
    assert train(mnist_dir, tmp_path, 2) == 0
    code = main(["mnist", "train", "--data", mnist_dir, "--out", str(tmp_path), "--steps", "4",
                 "--train-images", "256", "--batch", "32", "--device", "cpu"])
    assert code == 1
    assert "different recipe" in capsys.readouterr().err


def test_a_stopped_run_can_be_made_final_at_its_last_checkpoint(mnist_dir, tmp_path, monkeypatch, capsys):
    from ganviz.mnist.train import MnistTrainer

    real_step = MnistTrainer.train_step

    def stop_at_3(self):
        if self.step == 2:
            raise KeyboardInterrupt  # as if the process were stopped after the checkpoint at step 2
        return real_step(self)

    monkeypatch.setattr(MnistTrainer, "train_step", stop_at_3)
    try:
        train(mnist_dir, tmp_path, 4)
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(MnistTrainer, "train_step", real_step)
    assert read_progress(str(tmp_path))[1].tolist() == [0]
    assert train(mnist_dir, tmp_path, 2) == 0
    assert read_progress(str(tmp_path))[1].tolist() == [0, 2]
    assert json.loads((tmp_path / "card.json").read_text())["steps"] == 2
    assert train(mnist_dir, tmp_path, 1) == 1
    assert "already at step 2, past --steps 1" in capsys.readouterr().err


def test_widths_build_the_networks_and_a_resume_keeps_them(mnist_dir, tmp_path, capsys):
    args = ["mnist", "train", "--data", mnist_dir, "--out", str(tmp_path), "--train-images", "256", "--batch", "16",
            "--device", "cpu", "--g-widths", "32,48", "--d-widths", "40"]
    assert main([*args, "--steps", "2"]) == 0
    generator = load_generator(str(tmp_path))
    assert generator.generator.widths == (32, 48) and generator.discriminator.widths == (40,)
    assert main([*args, "--steps", "3"]) == 0  # the same widths: resumed
    card = json.loads((tmp_path / "card.json").read_text())
    assert card["steps"] == 3 and card["config"]["g_widths"] == [32, 48] and "32 -> 48" in card["generator"]
    capsys.readouterr()
    assert main([*args[:-2], "--d-widths", "41", "--steps", "4"]) == 1  # other widths: another recipe
    assert "different recipe" in capsys.readouterr().err


def test_bad_widths_are_refused_with_the_reason(mnist_dir, tmp_path, capsys):
    import pytest

    for bad in ("0,12", "a,b", ""):
        with pytest.raises(SystemExit):
            main(["mnist", "train", "--data", mnist_dir, "--out", str(tmp_path), "--g-widths", bad])
        assert "width" in capsys.readouterr().err


def test_the_conv_arch_trains_from_the_command_line_and_its_weights_load(mnist_dir, tmp_path, capsys):
    assert main(["mnist", "train", "--data", mnist_dir, "--out", str(tmp_path), "--steps", "3", "--arch", "conv",
                 "--channels", "8", "--z-dim", "16", "--train-images", "256", "--batch", "16", "--device", "cpu"]) == 0
    generator = load_generator(str(tmp_path))
    assert generator.z_dim == 16 and type(generator.generator).__name__ == "ConvGenerator"
    samples = generator.sample(4, seed=0)
    assert samples.shape == (4, 28, 28) and samples.min() >= 0 and samples.max() <= 1
    scores = generator.score(samples)
    assert scores.shape == (4,) and ((scores > 0) & (scores < 1)).all()
    card = json.loads((tmp_path / "card.json").read_text())
    assert card["config"]["arch"] == "conv" and "DCGAN" in card["model"]
