"""``train --save`` and ``--resume``: a resumed run ends where an uninterrupted one does; bad files exit 2 in one line."""

import json
import pickle
import subprocess
import sys

import pytest
import torch

from ganviz.cli.commands import main
from ganviz.files.runfile import load_run

RING = ["--dist", "ring8", "--z-dim", "2", "--batch", "32", "--seed", "1", "--n-samples", "500", "--device", "cpu"]


def train(capsys, *args):
    assert main(["train", "--json", *args]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return lines[:-1], lines[-1]


def refused(capsys, *args):
    """Run ``train args`` expecting exit status 2; its one-line message."""
    with pytest.raises(SystemExit) as done:
        main(["train", *args])
    assert done.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1, err
    return err.strip()


def run_of(path):
    trainer = load_run(path.read_bytes())
    tensors = {f"{net}.{k}": v for net in ("G", "D") for k, v in getattr(trainer, net).state_dict().items()}
    for name in ("opt_g", "opt_d"):
        state = getattr(trainer, name).state_dict()["state"]
        tensors.update({f"{name}.{i}.{k}": v for i, s in state.items() for k, v in s.items()})
    tensors["rng"] = trainer.rng.get_state()
    return tensors, (trainer.step, trainer.d_steps, trainer.config, json.dumps(trainer.history))


def without_seconds(row):
    return {k: v for k, v in row.items() if k not in ("seconds", "iterations_per_s")}


def test_a_resumed_run_ends_where_an_uninterrupted_one_does(capsys, tmp_path):
    first, resumed, whole = tmp_path / "first.ganviz", tmp_path / "resumed.ganviz", tmp_path / "whole.ganviz"
    rows, _ = train(capsys, *RING, "--steps", "60", "--every", "30", "--save", str(first))
    assert [r["step"] for r in rows] == [0, 30, 60]
    more, summary = train(capsys, "--resume", str(first), "--steps", "40", "--every", "20", "--n-samples", "500",
                          "--save", str(resumed))
    assert [r["step"] for r in more] == [60, 80, 100] and summary["step"] == 100
    all_rows, whole_summary = train(capsys, *RING, "--steps", "100", "--every", "20", "--save", str(whole))
    assert without_seconds(more[-1]) == without_seconds(all_rows[-1])
    assert without_seconds(summary) == without_seconds(whole_summary)
    (a, counters_a), (b, counters_b) = run_of(resumed), run_of(whole)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    # the same steps and config; the metrics history differs only in where rows were taken (every 30, then 20)
    assert counters_a[:3] == counters_b[:3]


def test_resume_takes_the_live_flags(capsys, tmp_path):
    saved, again = tmp_path / "run.ganviz", tmp_path / "again.ganviz"
    train(capsys, "--steps", "20", "--every", "20", "--batch", "32", "--device", "cpu", "--save", str(saved))
    _, summary = train(capsys, "--resume", str(saved), "--steps", "10", "--every", "10", "--k", "2", "--lr-d", "0.01",
                       "--batch", "16", "--save", str(again))
    assert (summary["config"]["k"], summary["config"]["lr_d"], summary["config"]["batch"]) == (2, 0.01, 16)
    trainer = load_run(again.read_bytes())
    assert (trainer.step, trainer.d_steps) == (30, 40) and trainer.opt_d.param_groups[0]["lr"] == 0.01


@pytest.fixture
def saved(capsys, tmp_path):
    path = tmp_path / "run.ganviz"
    train(capsys, "--steps", "5", "--every", "5", "--width", "8", "--device", "cpu", "--save", str(path))
    return path


@pytest.mark.parametrize("args, says", [
    (["--width", "8"], "--width cannot change a resumed run's model: its config comes from"),
    (["--wid", "8"], "--width cannot change"),  # argparse's abbreviations are seen too
    (["--seed", "0"], "--seed cannot change"),
    (["--dist", "ring8"], "--dist cannot change"),
    (["--remedy", "pacgan"], "--remedy cannot change"),
    (["--device", "cpu"], "--device cannot change"),
    (["--decay-end", "10"], "--decay-end cannot change"),
    (["--k", "0"], "k must be a whole number from 1 to 100 (got 0)"),
])
def test_resume_refuses_flags_that_change_the_model(capsys, saved, args, says):
    assert says in refused(capsys, "--resume", str(saved), "--steps", "1", *args)


@pytest.fixture
def never_unpickle(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("something tried to unpickle the file")

    for module, name in ((pickle, "loads"), (pickle, "load"), (torch, "load"), (torch.serialization, "load")):
        monkeypatch.setattr(module, name, boom)


def test_bad_run_files_exit_2_naming_the_file_and_the_reason(capsys, tmp_path, saved, never_unpickle):
    data = saved.read_bytes()
    files = {"empty.ganviz": (b"", "the file is empty"),
             "cut.ganviz": (data[:len(data) // 2], "the file is truncated"),
             "noise.ganviz": (bytes(range(256)) * 8, "not a ganviz run file (not safetensors)")}
    for name, (content, says) in files.items():
        (tmp_path / name).write_bytes(content)
    with open(tmp_path / "pickled.ganviz", "wb") as file:
        pickle.dump({"G": {}, "config": {"dist": "gaussian"}}, file)
    torch.save({"G": torch.zeros(3)}, tmp_path / "torch.ganviz")
    files["pickled.ganviz"] = (None, "this is a pickle (made by torch.save or pickle.dump), not a ganviz run file")
    files["torch.ganviz"] = (None, "this is a zip archive (torch.save writes one, with a pickle inside)")
    files["missing.ganviz"] = (None, "cannot read it (No such file or directory)")
    for name, (_, says) in files.items():
        path = tmp_path / name
        assert refused(capsys, "--resume", str(path)).startswith(f"python -m ganviz train: error: --resume {path}: {says}")


def test_save_to_a_folder_or_nowhere_exits_2_before_training(capsys, tmp_path):
    assert "--save . is a folder; give a file name such as ./run.ganviz" in refused(capsys, "--save", ".")
    assert "--save: the folder /no/such/folder does not exist" in refused(capsys, "--save", "/no/such/folder/r.ganviz")


def test_help_documents_save_and_resume():
    done = subprocess.run([sys.executable, "-m", "ganviz", "train", "--help"], capture_output=True, text=True, timeout=120)
    text = " ".join(done.stdout.split())
    for words in ("--save RUN.ganviz", "--resume RUN.ganviz", "never a pickle", "--steps more iterations",
                  "--k, --lr-d, --lr-g and --batch"):
        assert words in text


def test_a_bad_run_file_is_one_line_from_the_shell(tmp_path):
    path = tmp_path / "notes.ganviz"
    path.write_text("hello")
    done = subprocess.run([sys.executable, "-m", "ganviz", "train", "--resume", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"python -m ganviz train: error: --resume {path}: the file is truncated, or not a ganviz run file: "
        "5 bytes is too short"]
