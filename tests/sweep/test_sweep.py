"""The sweep engine: grids, resumable results files, the fallback without Ray, and Ray giving a sequential run's
numbers (the Ray tests need ``ray``: CI installs it through requirements-dev.txt and sets GANVIZ_REQUIRE_RAY=1, so
that they cannot pass by skipping)."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from dataclasses import replace

import pytest

from ganviz.cli.commands import main
from ganviz.core.config import TrainConfig
from ganviz.sweep.engine import SweepError, open_results, run_jobs
from ganviz.sweep.grid import grid_jobs, method_jobs, parse_grid
from ganviz.sweep.maps import read_results, stability_map, summarise_cells
from ganviz.sweep.progress import Progress, clock

TINY = TrainConfig(dist="ring8", batch=32, width=16, z_dim=2, device="cpu")
MEASURED = ("modes", "hq", "jsd", "steps", "diverged")  # what must not depend on where a run ran


def have_ray() -> bool:
    try:
        import ray  # noqa: F401, PLC0415
    except ImportError:
        if os.environ.get("GANVIZ_REQUIRE_RAY") == "1":
            pytest.fail("GANVIZ_REQUIRE_RAY=1 but ray is not installed (requirements-sweep.txt)")
        return False
    return True


needs_ray = pytest.mark.skipif("not have_ray()", reason="ray is not installed (pip install 'ganviz[sweep]')")


# ----- the grid ----------------------------------------------------------------------------------------------------


def test_parse_grid_types_each_field_as_trainconfig_does():
    grid = parse_grid(["lr-d=1e-4,3e-4", "k=1,5", "loss=minimax,nonsaturating"])
    assert grid == {"lr_d": [1e-4, 3e-4], "k": [1, 5], "loss": ["minimax", "nonsaturating"]}
    assert all(isinstance(v, int) for v in grid["k"]) and all(isinstance(v, float) for v in grid["lr_d"])


@pytest.mark.parametrize("specs, says", [
    (["lr_d"], "FIELD=V1,V2"),
    (["seed=0,1"], "--seeds"),
    (["device=cpu,cuda"], "one --device"),
    (["speed=1,2"], "not a TrainConfig field"),
    (["k=1,1.5"], "must be an int"),
    (["k=1,1"], "appears twice"),
    (["k=1", "k=2"], "twice"),
    ([], "at least one"),
])
def test_parse_grid_refuses_with_the_reason(specs, says):
    with pytest.raises(ValueError, match=says):
        parse_grid(specs)


def test_grid_jobs_are_every_cell_times_every_seed_with_distinct_keys():
    jobs = grid_jobs(TINY, {"lr_d": [1e-4, 1e-3], "k": [1, 2, 3]}, [0, 4], steps=7, n_samples=100)
    assert len(jobs) == 12 and len({job.key for job in jobs}) == 12
    assert jobs[0].labels == {"lr_d": 1e-4, "k": 1, "seed": 0} and jobs[1].labels["seed"] == 4
    assert jobs[-1].config == replace(TINY, lr_d=1e-3, k=3, seed=4) and jobs[-1].steps == 7
    with pytest.raises(ValueError, match="the cell k=0: k must be"):
        grid_jobs(TINY, {"k": [1, 0]}, [0], 5, 100)


def test_method_jobs_switch_the_method_on_and_nothing_else():
    jobs = method_jobs(TINY, ["gan", "pacgan"], [0, 1], 5, 100)
    assert [job.labels for job in jobs] == [{"method": m, "seed": s} for m in ("gan", "pacgan") for s in (0, 1)]
    assert jobs[2].config == replace(TINY, remedy="pacgan", seed=0)


# ----- one process, results files, resume ----------------------------------------------------------------------------


def sweep_args(tmp_path, *extra, steps="30", seeds="0-1"):
    return ["sweep", "--dist", "ring8", "--batch", "32", "--width", "16", "--z-dim", "2", "--steps", steps,
            "--grid", "lr_d=1e-3,1e-2", "--seeds", seeds, "--out", str(tmp_path / "s.jsonl"), *extra]


def test_sweep_in_one_process_writes_a_header_and_one_row_per_run(capsys, tmp_path):
    assert main(sweep_args(tmp_path, "--workers", "1")) == 0
    captured = capsys.readouterr()
    header, rows = read_results(tmp_path / "s.jsonl")
    assert header["kind"] == "sweep" and header["steps"] == 30 and header["base"]["width"] == 16
    assert "sweep" in header["command"] and "seed" not in header["base"]
    assert [(r["lr_d"], r["seed"]) for r in rows] == [(1e-3, 0), (1e-3, 1), (1e-2, 0), (1e-2, 1)]
    for row in rows:
        assert 0 <= row["modes"] <= 8 and 0 <= row["hq"] <= 1 and 0 <= row["jsd"] <= 0.6932 and row["steps"] == 30
    assert "Ray" not in captured.err  # one worker asked for: no notice about parallelism
    assert "[4/4 runs" in captured.err and "ETA" in captured.err  # the progress, one line per run off a terminal
    table = captured.out.splitlines()
    assert table[1].split() == ["lr_d", "runs", "modes", "HQ", "JSD", "diverged"] and len(table) == 4


def test_a_second_sweep_skips_finished_runs_and_adds_new_cells(capsys, tmp_path):
    main(sweep_args(tmp_path, "--workers", "1", seeds="0"))
    first = read_results(tmp_path / "s.jsonl")[1]
    capsys.readouterr()
    main(sweep_args(tmp_path, "--workers", "1", seeds="0-1"))
    err = capsys.readouterr().err
    assert "holds 2 of these 4 runs; running the other 2" in err and "[2/2 runs" in err
    rows = read_results(tmp_path / "s.jsonl")[1]
    assert rows[:2] == first and len(rows) == 4 and {r["seed"] for r in rows[2:]} == {1}


def test_a_results_file_of_another_experiment_is_refused(tmp_path):
    path = tmp_path / "r.jsonl"
    header = {"kind": "sweep", "base": TINY.to_dict(), "steps": 30, "n_samples": 100, "command": "a"}
    assert open_results(path, header) == []
    assert open_results(path, {**header, "command": "b"}) == []  # the command may differ (e.g. --workers)
    with pytest.raises(SweepError, match="steps differs: 30 there, 40 now"):
        open_results(path, {**header, "steps": 40})
    (tmp_path / "other.jsonl").write_text('{"method": "gan"}\n')
    with pytest.raises(SweepError, match="not start with a sweep header"):
        open_results(tmp_path / "other.jsonl", header)


def test_the_cli_says_so_for_another_experiments_file(tmp_path, capsys):
    main(sweep_args(tmp_path, "--workers", "1", seeds="0"))
    with pytest.raises(SystemExit) as exit_:
        main(sweep_args(tmp_path, "--workers", "1", steps="31", seeds="0"))
    assert exit_.value.code == 2 and "holds another experiment (steps differs" in capsys.readouterr().err


def test_compare_out_is_resumable_and_ends_with_the_summary(tmp_path, capsys):
    out = tmp_path / "c.jsonl"
    args = ["compare", "--steps", "10", "--batch", "32", "--width", "8", "--seeds", "0-1", "--methods", "gan,pacgan",
            "--workers", "1", "--out", str(out), "--json"]
    assert main(args) == 0
    stdout = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines[0]["sweep"]["kind"] == "compare" and lines[-1]["summary"] is True
    assert lines[-1]["methods"] == stdout[-1]["methods"] and len(lines) == 6
    assert main(args) == 0  # everything is there: nothing runs, the summary is written again (not twice)
    assert "holds 4 of these 4 runs" in capsys.readouterr().err
    again = [json.loads(line) for line in out.read_text().splitlines()]
    assert again[:-1] == lines[:-1] and sum("summary" in line for line in again) == 1
    assert again[-1]["methods"] == lines[-1]["methods"]


# ----- without Ray --------------------------------------------------------------------------------------------------


def test_without_ray_the_runs_go_in_one_process_and_it_says_how_to_get_parallelism(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray raises ImportError, as where it is not installed
    jobs = grid_jobs(TINY, {"lr_d": [1e-3]}, [0, 1], 10, 200)
    said, rows = [], []
    assert run_jobs(jobs, workers=2, on_row=rows.append, say=said.append).engine == "process"
    assert [row["seed"] for row in rows] == [0, 1]
    assert len(said) == 1 and "Ray is not installed" in said[0] and "ganviz[sweep]" in said[0]
    with pytest.raises(SweepError, match="--address needs Ray"):
        run_jobs(jobs, address="10.0.0.1:6379", say=said.append)


def test_the_cli_without_ray_says_so_once_and_still_sweeps(tmp_path):
    import subprocess

    code = "import sys; sys.modules['ray'] = None; from ganviz.cli.commands import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", code, *sweep_args(tmp_path, "--workers", "2", seeds="0")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("Ray is not installed") == 1 and "pip install 'ganviz[sweep]'" in done.stderr
    assert len(read_results(tmp_path / "s.jsonl")[1]) == 2


# ----- Ray ----------------------------------------------------------------------------------------------------------


@needs_ray
def test_ray_sweep_gives_the_numbers_of_a_sequential_run(tmp_path, capsys):
    """Four runs on a local Ray with two CPUs against the same four in this process: the same numbers."""
    assert main(sweep_args(tmp_path, "--workers", "2", "--per-task", "1", steps="40")) == 0
    assert "Ray is not installed" not in capsys.readouterr().err
    parallel = {row["key"]: row for row in read_results(tmp_path / "s.jsonl")[1]}
    (tmp_path / "s.jsonl").unlink()
    assert main(sweep_args(tmp_path, "--workers", "1", steps="40")) == 0
    sequential = {row["key"]: row for row in read_results(tmp_path / "s.jsonl")[1]}
    assert parallel.keys() == sequential.keys() and len(parallel) == 4
    for key, row in sequential.items():
        assert {m: parallel[key][m] for m in MEASURED} == {m: row[m] for m in MEASURED}, key
    assert len({row["jsd"] for row in sequential.values()}) > 1  # the seeds and cells differ: the check has teeth


def numbers(rows: list[dict]) -> dict:
    return {row["key"]: {m: row[m] for m in MEASURED} for row in rows}


@needs_ray
def test_this_process_and_ray_share_the_queue_with_a_sequential_runs_numbers(monkeypatch):
    """With a local Ray this process runs jobs beside Ray's workers. Its first run here waits until a row came back
    from Ray (a run here is slowed by a patch that Ray's worker processes do not see), so both sides run some."""
    from ganviz.sweep import engine

    jobs = grid_jobs(TINY, {"lr_d": [1e-3, 1e-2]}, [0, 1, 2], 30, 200)
    sequential = []
    assert run_jobs(jobs, workers=1, on_row=sequential.append).engine == "process"
    rows, original = [], engine.run_job

    def after_a_ray_row(job):
        for _ in range(1200):
            if rows:
                break
            time.sleep(0.25)
        return original(job)

    monkeypatch.setattr(engine, "run_job", after_a_ray_row)
    ran = run_jobs(jobs, workers=2, on_row=rows.append)
    assert ran.engine == "ray" and ran.in_driver >= 1 and ran.on_ray >= 1 and ran.in_driver + ran.on_ray == 6
    assert sorted(row["key"] for row in rows) == sorted(job.key for job in jobs)
    assert numbers(rows) == numbers(sequential)
    assert len({row["jsd"] for row in sequential}) > 1  # the seeds and cells differ: the check has teeth


@needs_ray
def test_every_run_on_ray_gives_a_sequential_runs_numbers():
    jobs = grid_jobs(TINY, {"lr_d": [1e-3, 1e-2]}, [0, 1], 30, 200)
    sequential, rows = [], []
    run_jobs(jobs, workers=1, on_row=sequential.append)
    ran = run_jobs(jobs, workers=2, per_task=3, in_driver=False, on_row=rows.append)
    assert (ran.engine, ran.in_driver, ran.on_ray) == ("ray", 0, 4)
    assert numbers(rows) == numbers(sequential)


@needs_ray
def test_ray_compare_batches_runs_per_task_with_the_same_numbers(capsys):
    args = ["compare", "--steps", "15", "--batch", "32", "--width", "8", "--seeds", "0-1", "--methods", "gan,mbstd",
            "--json"]
    assert main([*args, "--workers", "2", "--per-task", "2"]) == 0
    parallel = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main([*args, "--workers", "1"]) == 0
    sequential = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    key = lambda row: (row["method"], row["seed"])  # noqa: E731
    assert sorted(key(r) for r in parallel[:-1]) == [key(r) for r in sequential[:-1]]
    by_key = {key(r): r for r in parallel[:-1]}
    for row in sequential[:-1]:
        assert {m: by_key[key(row)][m] for m in MEASURED} == {m: row[m] for m in MEASURED}
    assert parallel[-1]["methods"]["gan"]["modes"] == sequential[-1]["methods"]["gan"]["modes"]


# ----- progress and maps --------------------------------------------------------------------------------------------


def test_progress_prints_a_line_per_run_off_a_terminal_and_a_bar_on_one():
    assert clock(75.3) == "1:15" and clock(3725) == "1:02:05"
    log = io.StringIO()
    progress = Progress(2, stream=log)
    assert progress.status().endswith("ETA ?")
    progress.tick("first")
    progress.tick("second")
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("[1/2 runs, ") and lines[0].endswith("] first") and "ETA 0:00] second" in lines[1]

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    bar = Progress(4, stream=screen)
    bar.tick()
    assert screen.getvalue().startswith("\r[######" + "." * 18 + "] 1/4 runs")


def test_cells_and_a_stability_map_from_a_results_file(tmp_path):
    rows = [{"key": str(i), "lr_d": d, "lr_g": g, "seed": s, "modes": m, "hq": 0.5, "jsd": j, "diverged": dv}
            for i, (d, g, s, m, j, dv) in enumerate([(1e-3, 1e-4, 0, 2, 0.2, None), (1e-3, 1e-4, 1, 4, 0.4, "nan"),
                                                     (1e-2, 1e-4, 0, 8, 0.1, None)])]
    cells = summarise_cells(rows, ["lr_d", "lr_g"])
    assert [c["runs"] for c in cells] == [2, 1] and cells[0]["modes_mean"] == 3 and cells[0]["diverged"] == 1
    path = tmp_path / "m.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in [{"sweep": {"steps": 9, "base": {}}}, *rows]))
    grid = stability_map(path)
    assert grid.xs == [1e-3, 1e-2] and grid.ys == [1e-4] and grid.steps == 9 and grid.seeds == [0, 1]
    assert grid.values["modes"] == [[3.0, 8.0]] and grid.values["diverged"] == [[0.5, 0.0]]
    assert grid.values["jsd"][0][0] == pytest.approx(0.3) and grid.setting(0, 1) == {"lr_g": 1e-4, "lr_d": 1e-2}


@pytest.mark.parametrize("args, says", [
    (["--grid", "speed=1,2"], "'speed' is not a TrainConfig field"),
    (["--grid", "k=0,1"], "the cell k=0: k must be"),
    (["--grid", "k=1", "--seeds", "x"], "--seeds takes"),
    (["--grid", "k=1", "--per-task", "0"], "--per-task must be >= 1"),
    (["--grid", "k=1", "--steps", "0"], "--steps must be >= 1"),
    (["k=1"], "the following arguments are required: --grid"),
])
def test_sweep_bad_arguments_exit_2_with_one_line(tmp_path, capsys, args, says):
    with pytest.raises(SystemExit) as exit_:
        main(["sweep", "--out", str(tmp_path / "x.jsonl"), *args])
    err = capsys.readouterr().err.strip().splitlines()
    assert exit_.value.code == 2 and len(err) == 1 and says in err[0], err
    assert not (tmp_path / "x.jsonl").exists()  # refused before anything is written


def _interrupted_sweep(tmp_path, workers: str):
    """A 20-seed sweep on ``workers`` workers, sent Ctrl-C once its first run is written: (exit status, stderr,
    the results file)."""
    import signal
    import subprocess

    out = tmp_path / "s.jsonl"
    args = sweep_args(tmp_path, "--workers", workers, steps="300", seeds="0-19")
    # Ctrl-C as a terminal sends it; SIGINT restored first, as a test run in the background (`&`) ignores it
    process = subprocess.Popen([sys.executable, "-m", "ganviz", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not (out.exists() and len(out.read_text().splitlines()) >= 2):
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    return process.returncode, err, out


def test_ctrl_c_stops_with_the_finished_runs_kept_and_says_how_to_go_on(tmp_path):
    code, err, out = _interrupted_sweep(tmp_path, "1")
    assert code == 130 and "Traceback" not in err
    kept = len(read_results(out)[1])
    assert 1 <= kept < 40 and f"the {kept} finished runs are in {out}" in err


@needs_ray
def test_ctrl_c_stops_a_sweep_on_ray_and_this_process_alike(tmp_path):
    """Ctrl-C while runs go on Ray and in the command's own process: exit 130, no traceback, the finished runs
    kept."""
    code, err, out = _interrupted_sweep(tmp_path, "2")
    assert code == 130 and "Traceback" not in err, err
    kept = len(read_results(out)[1])
    assert 1 <= kept < 40 and f"the {kept} finished runs are in {out}" in err
