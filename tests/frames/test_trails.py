"""Tracked samples and their trails: the same z every frame, x = G(z) at that step, a bounded buffer, the figures
(the 2D page drawing them: tests/ui/test_trails_page.py)."""

import numpy as np
import plotly.graph_objects as go
import pytest
import torch

from ganviz.views.figure1 import figure1
from ganviz.views.figure2d import figure2d
from ganviz.i18n import t
from ganviz.frames.snapshot import _z_column, take_snapshot
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.frames.trails import TRACKED_2D, TRAIL_FRAMES, Trails, add_trails_1d, add_trails_2d, tracked_points
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer

RING = TrainConfig(dist="ring8", device="cpu", batch=64, z_dim=2, seed=4)
LINE = TrainConfig(device="cpu", batch=64, seed=1)


def g_of(trainer, z) -> np.ndarray:
    with torch.no_grad():
        return trainer.G(torch.as_tensor(z, dtype=torch.float32)).double().numpy()


def test_2d_tracked_samples_are_the_same_z_and_g_of_it_at_each_step():
    trainer = Trainer(RING)
    snaps = []
    for _ in range(3):
        snap = take_snapshot_2d(trainer)
        # x = G(z) for the G of this step (checked before G moves on), for all shown points and the tracked ones
        np.testing.assert_allclose(snap.fake, g_of(trainer, snap.fake_z), atol=1e-5)
        np.testing.assert_array_equal(tracked_points(snap), snap.fake[:TRACKED_2D])
        snaps.append(snap)
        trainer.train(25)
    first, *rest = snaps
    assert first.fake_z.shape == (len(first.fake), RING.z_dim)
    for snap in rest:
        np.testing.assert_array_equal(snap.fake_z, first.fake_z)  # the same noise draws every frame ...
        assert np.abs(tracked_points(snap) - tracked_points(first)).max() > 1e-3  # ... which moved with G


def test_1d_tracked_samples_are_the_arrows_of_the_same_z():
    trainer = Trainer(LINE)
    snaps = []
    for _ in range(3):
        snap = take_snapshot(trainer)
        np.testing.assert_allclose(snap.x_arrows, g_of(trainer, _z_column(snap.z_arrows, trainer))[:, 0], atol=1e-6)
        np.testing.assert_array_equal(tracked_points(snap)[:, 0], snap.x_arrows)
        snaps.append(snap)
        trainer.train(40)
    for snap in snaps[1:]:
        np.testing.assert_array_equal(snap.z_arrows, snaps[0].z_arrows)
        assert np.abs(snap.x_arrows - snaps[0].x_arrows).max() > 1e-4


def test_the_buffer_is_bounded_and_ends_at_the_current_position():
    trails = Trails(length=4)
    frames = [np.array([[i, 10.0 * i], [-i, 0.5 * i]]) for i in range(10)]
    for i, frame in enumerate(frames):
        trails.push(frame)
        assert len(trails) == min(i + 1, 4)
        lines = trails.polylines()
        assert len(lines) == 2 and all(len(line) == min(i + 1, 4) for line in lines)
        np.testing.assert_array_equal([line[-1] for line in lines], frame)  # the last point is where it is now
    np.testing.assert_array_equal(trails.polylines()[0], [[6, 60], [7, 70], [8, 80], [9, 90]])  # oldest first


def test_a_repeated_frame_adds_nothing_and_other_points_start_afresh():
    trails = Trails()
    trails.push([[0.0, 0.0]])
    trails.push([[0.0, 0.0]])  # a paused page redraws the same frame
    assert len(trails) == 1
    trails.push([[1.0, 0.0]])
    assert len(trails) == 2
    trails.push([[1.0, 0.0], [2.0, 2.0]])
    assert len(trails) == 1 and len(trails.polylines()) == 2
    trails.clear()
    assert len(trails) == 0 and trails.polylines() == []
    with pytest.raises(ValueError):
        trails.push([1.0, 2.0])
    with pytest.raises(ValueError):
        Trails(length=0)


def test_trails_of_a_run_follow_its_snapshots():
    trainer = Trainer(RING)
    trails = Trails()
    for _ in range(TRAIL_FRAMES + 3):
        trainer.train(5)
        snap = take_snapshot_2d(trainer)
        trails.push(tracked_points(snap))
    lines = trails.polylines()
    assert len(lines) == TRACKED_2D and all(line.shape == (TRAIL_FRAMES, 2) for line in lines)
    np.testing.assert_array_equal([line[-1] for line in lines], snap.fake[:TRACKED_2D])


def trail_points(traces, axis: str) -> np.ndarray:
    """The (segment, end) coordinates of trail traces: one row per segment, its two ends."""
    values = [v for trace in traces for v in trace[axis]]
    return np.array([v for v in values if v is not None]).reshape(-1, 2)


def followed(trainer, snapshot, frames: int, steps: int):
    """The trails of ``frames`` frames of ``trainer``, ``steps`` iterations apart, and the last snapshot."""
    trails = Trails()
    for _ in range(frames):
        snap = snapshot(trainer)
        trails.push(tracked_points(snap))
        trainer.train(steps)
    return trails, snap


def test_trail_traces_in_the_figures():
    trails, snap = followed(Trainer(RING), take_snapshot_2d, frames=4, steps=10)
    lines = trails.polylines()
    fig = add_trails_2d(figure2d(snap), lines)
    go.Figure(fig)  # valid Plotly
    name = t("tracking.fig.trails", n=TRACKED_2D)
    names = [trace.get("name") for trace in fig["data"]]
    drawn = [trace for trace in fig["data"] if trace.get("name") == name]
    assert len(drawn) == 3  # one trace per age of segment: 4 positions, 3 segments
    assert names.index(name) == names.index(t("two_d.fig.generated")) + 1  # over G's points, legible
    assert names.index(t("two_d.fig.real")) > names.index(name) + 2  # under the real ones
    opacities = [float(trace["line"]["color"].split(",")[-1].rstrip(")")) for trace in drawn]
    assert opacities == sorted(opacities) and opacities[0] < opacities[-1]  # the tail fades
    assert [trace["showlegend"] for trace in drawn] == [False, False, True]
    newest_x, newest_y = trail_points(drawn[-1:], "x"), trail_points(drawn[-1:], "y")
    assert len(newest_x) == TRACKED_2D
    np.testing.assert_allclose(newest_x[:, 1], [line[-1, 0] for line in lines], atol=5e-4)  # ends at the point
    np.testing.assert_allclose(newest_y[:, 1], [line[-1, 1] for line in lines], atol=5e-4)
    np.testing.assert_allclose(trail_points(drawn[:1], "x")[:, 0], [line[0, 0] for line in lines], atol=5e-4)

    trails_1d, snap = followed(Trainer(LINE), take_snapshot, frames=3, steps=20)
    fig = add_trails_1d(figure1(snap), trails_1d.polylines())
    go.Figure(fig)
    drawn = [d for d in fig["data"] if d.get("name") == t("tracking.fig.trails", n=len(snap.x_arrows))]
    assert len(drawn) == 2 and all((d["xaxis"], d["yaxis"]) == ("x2", "y2") for d in drawn)
    assert all(set(d["y"]) == {1.0, None} for d in drawn)  # on the x line
    np.testing.assert_allclose(trail_points(drawn[-1:], "x")[:, 1], snap.x_arrows, atol=5e-5)
    names = [d.get("name") for d in fig["data"]]
    assert names.index("x = G(z)") > max(i for i, d in enumerate(fig["data"]) if d in drawn)  # heads on top
