"""The command line: JSON lines, the final summary, and one-line errors."""

import json
import subprocess
import sys

import numpy as np
import pytest

from ganviz.cli.commands import main
from ganviz.core.distributions import get_distribution
from ganviz.measure.modes import mode_metrics


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
    (["--lr-d", "-0.1"], "lr_d must be a number in (0, 1e+06]"),
    (["--lr-g", "0"], "lr_g must be a number in (0, 1e+06]"),
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


# ----- remedies: train --remedy, and compare ---------------------------------------------


@pytest.mark.parametrize("remedy", ["unrolled", "pacgan", "mbstd"])
def test_train_with_a_remedy_saves_samples(capsys, tmp_path, remedy):
    path = tmp_path / f"{remedy}.npy"
    rows, summary = run_json(capsys, "--dist", "ring8", "--remedy", remedy, "--unroll", "2", "--pack", "4", "--batch", "32",
                             "--steps", "20", "--every", "10", "--save-samples", str(path))
    assert [r["step"] for r in rows] == [0, 10, 20]
    assert summary["config"]["remedy"] == remedy and summary["config"]["unroll"] == 2 and summary["config"]["pack"] == 4
    samples = np.load(path)
    assert samples.shape == (2500, 2) and np.all(np.isfinite(samples))
    assert mode_metrics(samples, get_distribution("ring8"))["modes"] == rows[-1]["modes"]


def run_compare(capsys, *args):
    code = main(["compare", "--dist", "ring8", "--steps", "20", "--seeds", "0-1", "--methods", "gan,pacgan",
                 "--batch", "32", "--width", "16", "--workers", "1", *args])
    assert code == 0
    return capsys.readouterr()


def test_compare_json_has_one_line_per_run_and_a_summary(capsys):
    lines = [json.loads(line) for line in run_compare(capsys, "--json").out.splitlines()]
    runs, summary = lines[:-1], lines[-1]
    assert [(r["method"], r["seed"]) for r in runs] == [("gan", 0), ("gan", 1), ("pacgan", 0), ("pacgan", 1)]
    for run in runs:
        assert 0 <= run["modes"] <= 8 and 0.0 <= run["hq"] <= 1.0 and run["seconds"] > 0 and run["cpu_seconds"] > 0
        assert run["steps"] == 20 and run["diverged"] is None
    assert summary["summary"] is True and summary["dist"] == "ring8" and summary["seeds"] == [0, 1]
    assert list(summary["methods"]) == ["gan", "pacgan"]
    for method, stats in summary["methods"].items():
        mine = [r for r in runs if r["method"] == method]
        assert stats["modes"] == [r["modes"] for r in mine] and stats["hq"] == [r["hq"] for r in mine]
        assert stats["modes_mean"] == pytest.approx(np.mean(stats["modes"]))
        assert stats["hq_std"] == pytest.approx(np.std(stats["hq"]))
        assert stats["seconds_per_run"] == pytest.approx(np.mean([r["seconds"] for r in mine]))
        assert stats["cpu_seconds_per_run"] == pytest.approx(np.mean([r["cpu_seconds"] for r in mine]))
    assert summary["config"]["batch"] == 32 and summary["config"]["width"] == 16


def test_compare_markdown_prints_a_table(capsys):
    captured = run_compare(capsys, "--markdown")
    lines = captured.out.strip().splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert table[0].startswith("| method | modes of 8 | HQ | seeds 8/8 |")
    assert set(table[1].replace("|", "").split()) == {"---"}
    assert table[2].startswith("| plain GAN (`gan`) | ") and table[3].startswith("| PacGAN (`pacgan`) | ")
    assert all(cell.strip() for row in table[2:] for cell in row.strip("|").split("|"))
    assert "ring8, 20 iterations, seeds 0-1" in lines[0]
    assert "pacgan seed   1" in captured.err  # progress goes to stderr, the table alone to stdout


def test_compare_plain_table(capsys):
    out = run_compare(capsys).out
    assert "gan seed   0: modes" in out and "pacgan seed   1: modes" in out
    header = [line for line in out.splitlines() if line.startswith("method")]
    assert len(header) == 1 and "modes per seed" in header[0]
    assert any(line.startswith("PacGAN (pacgan)") for line in out.splitlines())


@pytest.mark.parametrize("args, says", [
    (["--seeds", "zero"], "--seeds takes a range such as 0-9"),
    (["--methods", "gan,dropout"], "--methods takes names from gan, unrolled, pacgan, mbstd, wgan-gp"),
    (["--dist", "gaussian"], "compare counts modes, so --dist must be one of ring8, grid25"),
    (["--batch", "31"], "batch must be a multiple"),
    (["--steps", "0"], "--steps must be >= 1"),
    (["--lr-g", "-1"], "lr_g must be a number in (0, 1e+06]"),
    (["--json", "--markdown"], "not allowed with argument"),
    (["--workers", "0"], "--workers must be >= 1"),
    (["--address", "auto", "--workers", "2"], "with --address the cluster's CPUs decide"),
])
def test_compare_bad_arguments_exit_2_with_one_line(args, says):
    done = subprocess.run([sys.executable, "-m", "ganviz", "compare", "--steps", "5", *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], done.stderr


def test_train_refuses_bad_remedies():
    for args, says in ((["--remedy", "dropout"], "invalid choice: 'dropout'"),
                       (["--remedy", "pacgan", "--pack", "3", "--batch", "64"], "batch must be a multiple of it"),
                       (["--unroll", "0"], "unroll must be a whole number from 1 to 50")):
        done = subprocess.run([sys.executable, "-m", "ganviz", "train", *args], capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1 and says in done.stderr, done.stderr


def test_compare_takes_the_model_flags_of_train():
    from ganviz.cli.commands import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices
    flags = {name: {s for a in parser._actions for s in a.option_strings} for name, parser in commands.items()}
    shared = {"--dist", "--loss", "--k", "--lr-d", "--lr-g", "--batch", "--optimizer", "--momentum", "--prior",
              "--z-dim", "--width", "--depth", "--g-offset", "--unroll", "--pack", "--decay-start", "--decay-end",
              "--decay-floor", "--steps", "--device", "--n-samples"}
    assert shared <= flags["train"] and shared <= flags["compare"]
    assert {"--remedy", "--seed", "--every", "--save-samples"} <= flags["train"] - flags["compare"]
    assert {"--seeds", "--methods", "--markdown", "--workers", "--address", "--out"} <= flags["compare"] - flags["train"]
    assert shared <= flags["sweep"] and {"--grid", "--seeds", "--workers", "--address", "--out", "--remedy"} <= flags["sweep"]


def test_compare_preset_sets_the_base_config_and_given_flags_override_it(capsys):
    from ganviz.lessons.presets import PRESETS

    assert main(["compare", "--preset", "ring8", "--steps", "3", "--seeds", "0", "--methods", "gan", "--width", "8",
                 "--json", "--workers", "1"]) == 0
    summary = json.loads(capsys.readouterr().out.splitlines()[-1])
    preset = PRESETS["ring8-collapse"].config
    assert summary["steps"] == 3 and summary["config"]["width"] == 8  # given flags win
    for field in ("dist", "loss", "k", "lr_d", "lr_g", "batch", "z_dim", "depth", "decay_start", "decay_end"):
        assert summary["config"][field] == getattr(preset, field)
    assert summary["command"].startswith("python -m ganviz compare --preset ring8") and "cores" in summary["machine"]


def test_compare_preset_alone_takes_the_preset_steps():
    from ganviz.cli.commands import build_parser, preset_defaults
    from ganviz.lessons.presets import PRESETS

    args = build_parser(preset_defaults("grid25")).parse_args(["compare"])
    assert args.steps == PRESETS["grid25-collapse"].steps == 20_000 and args.dist == "grid25"
