"""replay_figure: each animation frame is exactly the live figure of the recorded snapshot."""

import json

import numpy as np
import pytest

from ganviz.views.figure1 import figure1
from ganviz.views.figure2d import figure2d
from ganviz.views.replay import _as_dict, replay_figure
from ganviz.frames.snapshot import take_snapshot
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer


def _recorded(config, take, steps=(0, 3, 7)):
    trainer, frames = Trainer(config), []
    for target in steps:
        trainer.train(target - trainer.step) if target > trainer.step else None
        frames.append(take(trainer))
    return frames


def _plain(data):
    return json.loads(json.dumps(data, default=lambda a: np.asarray(a).tolist()))


def test_1d_frames_equal_the_recorded_states():
    frames = _recorded(TrainConfig(width=8, seed=3), take_snapshot)
    fig = replay_figure(frames, lambda s: figure1(s, show_d_star=True))
    assert [f["name"] for f in fig["frames"]] == ["step 0", "step 3", "step 7"]
    for snap, frame in zip(frames, fig["frames"]):
        drawn = _as_dict(figure1(snap, show_d_star=True))
        assert _plain(frame["data"]) == _plain(drawn["data"])
        assert _plain(frame.get("layout", {}).get("annotations")) == _plain(drawn["layout"].get("annotations")), \
            "each frame carries its own annotations (e.g. where p_g peaks off the chart)"
    assert _plain(fig["data"]) == _plain(fig["frames"][0]["data"]), "the figure opens on the first frame"
    steps = fig["layout"]["sliders"][0]["steps"]
    assert [s["args"][0] for s in steps] == [["step 0"], ["step 3"], ["step 7"]]
    play = fig["layout"]["updatemenus"][0]["buttons"][0]["args"][1]
    assert play["frame"]["redraw"] is False, "line traces animate without a full redraw"


def test_2d_frames_need_a_redraw_for_the_heatmap():
    config = TrainConfig(dist="ring8", z_dim=2, width=16, seed=1)
    frames = _recorded(config, lambda t: take_snapshot_2d(t, n_show=200), steps=(0, 2))
    fig = replay_figure(frames, figure2d)
    assert len(fig["frames"]) == 2
    assert fig["layout"]["updatemenus"][0]["buttons"][0]["args"][1]["frame"]["redraw"] is True
    assert _plain(fig["frames"][1]["data"]) == _plain(_as_dict(figure2d(frames[1]))["data"])


def test_nothing_recorded_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="nothing to replay yet"):
        replay_figure([], figure1)
