"""``ganviz train --preset NAME``: every page preset from the command line, as its page starts it."""

import json
import subprocess
import sys

import pytest

from ganviz.cli.commands import main
from ganviz.lessons.presets import FIGURE1_HELD, PRESETS


def json_lines(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_list_names_every_preset_and_its_page(capsys):
    assert main(["train", "--preset", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    listed = {line.split()[0]: line.split()[1] for line in out[1:]}
    assert listed == {name: preset.page for name, preset in PRESETS.items()}
    assert "figure1" in listed and "(default)" in next(line for line in out if line.startswith("figure1 "))


def test_figure1_is_the_pages_default_run(capsys):
    assert main(["train", "--preset", "figure1", "--steps", "20", "--every", "20", "--device", "cpu", "--json"]) == 0
    summary = json_lines(capsys)[-1]
    assert summary["config"] == {**FIGURE1_HELD.to_dict(), "device": "cpu"} and summary["step"] == 20


def test_a_preset_sets_the_defaults_and_given_flags_override_them(capsys):
    assert main(["train", "--preset", "nonsaturating", "--steps", "10", "--every", "10", "--k", "2", "--json"]) == 0
    config = json_lines(capsys)[-1]["config"]
    preset = PRESETS["nonsaturating"].config
    assert config["k"] == 2 and config["g_offset"] == preset.g_offset == -2.5 and config["seed"] == preset.seed


def test_a_preset_defaults_to_its_own_steps():
    from ganviz.cli.commands import build_parser, train_preset_defaults

    args = build_parser(train_defaults=train_preset_defaults(PRESETS["ring8-race"])).parse_args(["train"])
    assert args.steps == 4000 and args.lr_d == PRESETS["ring8-race"].config.lr_d and args.decay_end == 4000


def test_a_race_trains_each_run_in_turn_and_names_it(capsys):
    assert main(["train", "--preset", "ring8-race", "--steps", "4", "--every", "2", "--width", "8", "--device", "cpu",
                 "--json"]) == 0
    lines = json_lines(capsys)
    assert [line["run"] for line in lines if line.get("summary")] == ["gan", "pacgan"]
    summaries = {line["run"]: line for line in lines if line.get("summary")}
    assert summaries["gan"]["config"]["remedy"] == "none" and summaries["pacgan"]["config"]["remedy"] == "pacgan"
    assert all(line["step"] in (0, 2, 4) for line in lines)


def test_run_picks_one_run_of_a_race(capsys):
    assert main(["train", "--preset", "k", "--run", "5", "--steps", "3", "--every", "3", "--json"]) == 0
    lines = json_lines(capsys)
    assert lines[-1]["config"]["k"] == 5 and {line["run"] for line in lines} == {"5"}


def test_d_out_of_sync_holds_d_as_the_page_does(capsys):
    assert main(["train", "--preset", "d_out_of_sync", "--steps", "300", "--every", "100", "--json"]) == 0
    rows = json_lines(capsys)[:-1]
    assert rows[0]["step"] == 1000, "after the warm-up, as the page shows it"
    d_steps = [(row["step"], row["d_steps"]) for row in rows]
    assert d_steps == [(1000, 1000), (1100, 1100), (1200, 1200), (1300, 1200)], "no D step from step 1,200"


def test_d_star_fits_d_after_the_warm_up(capsys):
    assert main(["train", "--preset", "d_star", "--steps", "1", "--every", "1"]) == 0
    out = capsys.readouterr().out
    assert "D trained alone" in out and "mean |D - D*|" in out


@pytest.mark.parametrize("args, says", [
    (["--preset", "nowhere"], "no such preset"),
    (["--preset", "k", "--run", "7"], "has the runs 1, 5"),
    (["--run", "gan"], "needs --preset"),
    (["--preset", "ring8-race", "--save", "x.ganviz"], "choose one with --run"),
    (["--preset", "k", "--resume", "x.ganviz"], "give one of them"),
])
def test_bad_preset_arguments_exit_2_with_one_line(args, says, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as done:
        main(["train", *args])
    assert done.value.code == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == "" and len(lines) == 1 and says in lines[0], err


def test_a_bad_preset_from_the_shell_is_one_line_too(tmp_path):
    done = subprocess.run([sys.executable, "-m", "ganviz", "train", "--preset", "nowhere"], capture_output=True,
                          text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
