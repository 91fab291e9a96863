"""The command line: JSON lines, the final summary, and one-line errors."""

import json
import subprocess
import sys

import pytest

from ganviz.cli import main


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
