"""The command line: JSON lines, the final summary, and one-line errors."""

import json
import subprocess
import sys

import numpy as np
import pytest

from ganviz.cli import main
from ganviz.distributions import get_distribution
from ganviz.modes import mode_metrics


def test_train_prints_json_lines_and_a_summary(capsys):
    code = main(["train", "--dist", "gaussian", "--loss", "nonsaturating", "--k", "1", "--lr-d", "1e-3", "--lr-g", "1e-3",
                 "--batch", "64", "--steps", "300", "--every", "100", "--seed", "0", "--device", "cpu", "--json"])
    assert code == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    rows, summary = lines[:-1], lines[-1]
    assert [r["step"] for r in rows] == [0, 100, 200, 300]
    for row in lines:
        assert {"step", "jsd", "d_loss", "g_loss", "value", "seconds"} <= row.keys()
    assert summary["summary"] is True and summary["step"] == 300 and summary["device"] == "cpu"
    assert 0 <= summary["jsd"] <= 0.6932
    assert rows[0]["d_loss"] is None, "no loss before the first step: null, not NaN"
    assert rows[0]["jsd"] > summary["jsd"]


def test_same_seed_same_numbers(capsys):
    args = ["train", "--steps", "50", "--every", "50", "--seed", "3", "--device", "cpu", "--json"]
    main(args)
    first = [json.loads(line)["jsd"] for line in capsys.readouterr().out.splitlines()]
    main(args)
    second = [json.loads(line)["jsd"] for line in capsys.readouterr().out.splitlines()]
    assert first == second


def test_table_output(capsys):
    assert main(["train", "--steps", "20", "--every", "10", "--device", "cpu"]) == 0
    out = capsys.readouterr().out
    assert "jsd" in out and "done: 20 iterations" in out


@pytest.mark.parametrize("args, says", [
    (["--loss", "nope"], "invalid choice: 'nope'"),
    (["--k", "0"], "k must be"),
    (["--lr-d", "-0.1"], "lr_d must be a positive number"),
    (["--lr-g", "0"], "lr_g must be a positive number"),
    (["--steps", "0"], "--steps must be >= 1"),
    (["--batch", "0"], "batch must be"),
    (["--dist", "nowhere"], "invalid choice"),
    (["--k", "two"], "invalid int value"),
])
def test_bad_arguments_exit_nonzero_with_one_line(args, says):
    done = subprocess.run([sys.executable, "-m", "ganviz", "train", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_help_documents_every_flag():
    done = subprocess.run([sys.executable, "-m", "ganviz", "train", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    for flag in ("--dist", "--loss", "--k", "--lr-d", "--lr-g", "--batch", "--optimizer", "--momentum", "--prior",
                 "--z-dim", "--width", "--depth", "--steps", "--every", "--seed", "--device", "--json"):
        assert flag in done.stdout


# ----- 2D targets ---------------------------------------------------------------------
ROW_1D = {"step", "d_steps", "jsd", "value", "criterion", "d_loss", "g_loss", "d_real", "d_fake", "d_gap", "seconds"}


def run_json(capsys, *args):
    assert main(["train", "--device", "cpu", "--json", *args]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return lines[:-1], lines[-1]


def test_ring8_reports_modes_and_hq_on_every_line(capsys):
    rows, summary = run_json(capsys, "--dist", "ring8", "--steps", "200", "--every", "50", "--seed", "0")
    assert [r["step"] for r in rows] == [0, 50, 100, 150, 200]
    for row in rows + [summary]:
        assert isinstance(row["modes"], int) and 0 <= row["modes"] <= 8
        assert isinstance(row["hq"], float) and 0.0 <= row["hq"] <= 1.0
        assert 0.0 <= row["jsd"] <= 0.6932
    assert (summary["modes"], summary["hq"]) == (rows[-1]["modes"], rows[-1]["hq"])


def test_save_samples_writes_the_final_samples(capsys, tmp_path):
    path = tmp_path / "ring.npy"
    rows, _ = run_json(capsys, "--dist", "ring8", "--steps", "100", "--every", "100", "--save-samples", str(path))
    samples = np.load(path)
    assert samples.shape == (2500, 2) and samples.dtype == np.float32 and np.all(np.isfinite(samples))
    # the very samples the last row measured
    counted = mode_metrics(samples, get_distribution("ring8"))
    assert (counted["modes"], counted["hq"]) == (rows[-1]["modes"], rows[-1]["hq"])
    other = tmp_path / "gauss"  # no ".npy" added to the name given
    run_json(capsys, "--steps", "10", "--every", "10", "--n-samples", "300", "--save-samples", str(other))
    assert np.load(other).shape == (300, 1)


def test_measuring_more_often_does_not_change_the_run(capsys, tmp_path):
    a, b = tmp_path / "a.npy", tmp_path / "b.npy"
    run_json(capsys, "--dist", "grid25", "--steps", "60", "--every", "60", "--seed", "2", "--save-samples", str(a))
    run_json(capsys, "--dist", "grid25", "--steps", "60", "--every", "7", "--seed", "2", "--save-samples", str(b))
    np.testing.assert_array_equal(np.load(a), np.load(b))


def test_2d_targets_without_modes_report_no_modes(capsys):
    rows, summary = run_json(capsys, "--dist", "spiral", "--steps", "20", "--every", "10")
    assert all("modes" not in r and "hq" not in r and "jsd" in r for r in rows + [summary])


def test_1d_run_is_unchanged(capsys):
    rows, summary = run_json(capsys, "--dist", "bimodal", "--steps", "20", "--every", "10")
    assert all(set(r) == ROW_1D for r in rows)
    assert "modes" not in summary and "hq" not in summary
    assert main(["train", "--steps", "10", "--every", "10", "--device", "cpu"]) == 0
    header = capsys.readouterr().out.splitlines()[1].split()
    assert header == ["step", "jsd", "value", "criterion", "d_loss", "g_loss", "d_real", "d_fake", "seconds"]


def test_ring8_table_shows_modes(capsys):
    assert main(["train", "--dist", "ring8", "--steps", "20", "--every", "10", "--device", "cpu"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].split() == ["step", "jsd", "value", "criterion", "d_loss", "g_loss", "d_real", "d_fake",
                                           "modes", "hq", "seconds"]
    assert "/8, HQ " in out.splitlines()[-1]


@pytest.mark.parametrize("args, says", [
    (["--save-samples", "/no/such/folder/s.npy"], "--save-samples: the folder /no/such/folder does not exist"),
    (["--save-samples", "."], "--save-samples . is a folder"),
    (["--n-samples", "0"], "--n-samples must be >= 1"),
])
def test_bad_save_arguments_exit_2_before_training(args, says):
    done = subprocess.run([sys.executable, "-m", "ganviz", "train", "--dist", "ring8", *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], done.stderr


def test_help_documents_the_2d_flags():
    done = subprocess.run([sys.executable, "-m", "ganviz", "train", "--help"], capture_output=True, text=True, timeout=120)
    text = " ".join(done.stdout.split())
    for words in ("--save-samples FILE.npy", "--n-samples", "float32 (n, dim) array", "ring8", "grid25", "moons",
                  "modes covered"):
        assert words in text


def test_g_offset_reaches_the_config(tmp_path):
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "ganviz", "train", "--steps", "2", "--every", "2", "--json",
                          "--g-offset", "-2.5"], capture_output=True, text=True, check=True)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert summary["config"]["g_offset"] == -2.5
