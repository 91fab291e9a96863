"""python -m ganviz train --export: the replay as HTML, GIF and MP4, the metrics as CSV, and refusals before any
training."""

import csv
import re

import imageio_ffmpeg
import pytest
from PIL import Image

from ganviz.cli.commands import main


def test_train_exports_html_replay_and_csv_metrics(tmp_path, capsys):
    html, table = tmp_path / "run.html", tmp_path / "run.csv"
    assert main(["train", "--steps", "30", "--every", "10", "--width", "8", "--json",
                 "--export", str(html), "--export", str(table)]) == 0
    printed = [line for line in capsys.readouterr().out.splitlines() if '"summary"' not in line]
    rows = list(csv.DictReader(table.open()))
    assert [int(r["step"]) for r in rows] == [0, 10, 20, 30] and len(rows) == len(printed)
    names = re.findall(r'"name":\s*"(step [\d,]+)"', html.read_text())
    assert names == ["step 0", "step 10", "step 20", "step 30"]


def test_2d_runs_export_a_replay_too(tmp_path):
    html = tmp_path / "ring.html"
    assert main(["train", "--dist", "ring8", "--z-dim", "2", "--width", "8", "--steps", "4", "--every", "2",
                 "--n-samples", "200", "--export", str(html)]) == 0
    text = html.read_text()
    assert re.findall(r'"name":\s*"(step [\d,]+)"', text) == ["step 0", "step 2", "step 4"]
    assert '"type":"heatmap"' in text.replace(" ", "")


def test_train_exports_gif_and_mp4_animations_of_every_recorded_frame(tmp_path):
    gif, mp4 = tmp_path / "run.gif", tmp_path / "run.mp4"
    assert main(["train", "--steps", "30", "--every", "10", "--width", "8",
                 "--export", str(gif), "--export", str(mp4)]) == 0
    with Image.open(gif) as picture:
        assert picture.format == "GIF" and picture.n_frames == 4 and picture.size == (960, 540)
    assert imageio_ffmpeg.count_frames_and_secs(str(mp4))[0] == 4


def test_2d_runs_export_an_mp4_too(tmp_path):
    mp4 = tmp_path / "ring.MP4"
    assert main(["train", "--dist", "ring8", "--z-dim", "2", "--width", "8", "--steps", "4", "--every", "2",
                 "--n-samples", "200", "--export", str(mp4)]) == 0
    assert imageio_ffmpeg.count_frames_and_secs(str(mp4))[0] == 3


@pytest.mark.parametrize("name, says", [("run.png", "must end in .html (a replay that plays offline), .gif or .mp4"),
                                        ("missing/run.gif", "does not exist")])
def test_bad_export_paths_are_refused_before_training(tmp_path, capsys, name, says):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--steps", "5", "--export", str(tmp_path / name)])
    assert exit_info.value.code == 2
    assert says in capsys.readouterr().err
