"""Exports: the replay as self-contained HTML that holds every frame, the metrics as CSV that reads back."""

import csv
import io
import math
import re

import pytest

from ganviz.files.export import metrics_csv, replay_html
from ganviz.views.figure1 import figure1
from ganviz.views.replay import replay_figure
from ganviz.frames.snapshot import take_snapshot
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer


@pytest.fixture(scope="module")
def run():
    trainer, frames = Trainer(TrainConfig(width=8, seed=0)), []
    for _ in range(4):
        frames.append(take_snapshot(trainer))
        trainer.record(frames[-1].metrics)
        trainer.train(5)
    return trainer, frames


def test_html_is_self_contained_and_holds_the_frames(run):
    _, frames = run
    html = replay_html(replay_figure(frames, figure1), title="Figure 1 <live>")
    assert html.lower().startswith("<!doctype html>")
    assert "<title>Figure 1 &lt;live&gt;</title>" in html
    names = re.findall(r'"name":\s*"(step [\d,]+)"', html)
    assert [n for n in names if n.startswith("step")] == ["step 0", "step 5", "step 10", "step 15"]
    assert "Plotly.addFrames" in html or "addFrames" in html
    assert not re.search(r"<script[^>]*\ssrc=", html), "no script is fetched: the file opens offline"
    assert "<link" not in html
    assert len(html) > 3_000_000, "plotly.js is inlined"


def test_csv_has_a_row_per_recorded_frame_and_reads_back(run):
    trainer, _ = run
    text = metrics_csv(trainer.history)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[0] == "step"
    assert len(rows) == len(trainer.history)
    for row, original in zip(rows, trainer.history):
        assert int(row["step"]) == original["step"]
        assert math.isclose(float(row["jsd"]), original["jsd"], rel_tol=1e-12)


def test_csv_leaves_non_finite_values_empty_and_refuses_an_empty_history():
    text = metrics_csv([{"step": 0, "jsd": math.nan, "v": math.inf}, {"step": 1, "jsd": 0.5, "v": -1.0}])
    assert text.splitlines() == ["step,jsd,v", "0,,", "1,0.5,-1.0"]
    with pytest.raises(ValueError, match="no metrics to export"):
        metrics_csv([])
