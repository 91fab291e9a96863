"""The train command's edges: a closed pipe ends quietly, a divergence is one line and a non-zero status, and
the table's fixed-width columns never run together."""

import json
import math
import subprocess
import sys

import pytest

from ganviz.cli.commands import CELL, _cell, main
from ganviz.files.runfile import load_run


def test_a_closed_pipe_ends_quietly():
    """``ganviz train --json | head -1``: the reader leaves after one line; no traceback, the SIGPIPE status."""
    done = subprocess.run(f"{sys.executable} -m ganviz train --steps 400 --every 1 --json --device cpu | head -1; "
                          "echo status=${PIPESTATUS[0]}", shell=True, executable="/bin/bash", capture_output=True,
                          text=True, timeout=300)
    lines = done.stdout.splitlines()
    assert json.loads(lines[0])["step"] == 0 and lines[1] == "status=141", done.stdout
    assert done.stderr == "", "nothing on stderr: no BrokenPipeError traceback, no 'Exception ignored' line"


def test_a_run_whose_metric_blows_up_stops_with_one_line_and_status_1():
    """SGD at lr 50 saturates D at exactly 0 or 1 while every loss stays finite: V(D, G) is -inf."""
    done = subprocess.run([sys.executable, "-m", "ganviz", "train", "--lr-d", "50", "--lr-g", "50", "--optimizer",
                           "sgd", "--steps", "300", "--device", "cpu"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr
    assert "diverged between steps 0 and 100: V(D, G) became -inf (D's output saturated at exactly 0 or 1)" in done.stderr
    assert "Stopped at step 100" in done.stderr and "lr_d=50" in done.stderr
    assert "done:" not in done.stdout and done.stdout.splitlines()[-1].split()[0] == "100", "no row after it"


def test_a_nan_loss_is_rolled_back_said_in_one_line_and_saved_where_it_rolled_back_to(tmp_path, capsys):
    """LSGAN with SGD at lr 50: D's loss is NaN within 10 steps; the trainer rolls back and the command says so."""
    run = tmp_path / "run.ganviz"
    assert main(["train", "--loss", "lsgan", "--optimizer", "sgd", "--lr-d", "50", "--lr-g", "50", "--steps", "100",
                 "--every", "10", "--device", "cpu", "--json", "--save", str(run)]) == 1
    captured = capsys.readouterr()
    said = [line for line in captured.err.splitlines() if "diverged" in line]
    assert len(said) == 1 and "Rolled back to step" in said[0], captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [row["step"] for row in rows] == [0], "no row after the divergence, no summary"
    assert "Rolled back to step 0" in said[0] and load_run(run.read_bytes()).step == 0


def test_a_wgan_critic_has_no_value_and_that_is_no_divergence(capsys):
    """V(D, G) needs D to be a probability: with WGAN-GP's critic it is NaN by design, and the run goes on."""
    assert main(["train", "--loss", "wgan-gp", "--steps", "20", "--every", "10", "--device", "cpu", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[-1]["summary"] and all(row["value"] is None for row in rows)


@pytest.mark.parametrize("value", [0, 7, 123_456_789, 0.5, -0.00012, 1.0, -1.3776, 45678579712.0, -37697798144.0,
                                   123456.789, -1234567.25, 1e300, -1e-300, math.inf, -math.inf, math.nan])
def test_a_cell_is_fixed_width_and_keeps_a_space(value):
    text = _cell(value)
    assert len(text) == CELL and text[0] == " "
    if isinstance(value, float) and math.isfinite(value):
        assert math.isclose(float(text), value, rel_tol=1e-3, abs_tol=5e-5), text


def test_a_row_of_huge_numbers_still_splits_into_its_columns(capsys):
    from ganviz.cli.commands import COLUMNS, _table_row

    row = {"step": 100, "jsd": 0.6931, "value": -math.inf, "criterion": -0.000145678, "d_loss": 45678579712.0,
           "g_loss": 37697798144.0, "d_real": 1.0, "d_fake": 1.0, "seconds": 0.3}
    _table_row(row, COLUMNS)
    line = capsys.readouterr().out.rstrip("\n")
    assert len(line) == CELL * len(COLUMNS)
    cells = line.split()
    assert len(cells) == len(COLUMNS) and cells[4] == "4.568e+10" and cells[5] == "3.770e+10"
