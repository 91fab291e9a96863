"""Noise to manifold: the morph starts at the z grid, ends at G(grid) exactly, and moves in straight lines."""

from dataclasses import replace

import numpy as np
import plotly.graph_objects as go
import pytest
import torch

from ganviz.views.morph import DIGITS, in_plane, morph_figure, morph_frames
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer

RING = TrainConfig(dist="ring8", device="cpu", batch=64, z_dim=2, seed=4)
WIRE = 0.5 * 10.0 ** -DIGITS + 1e-12  # the figure rounds coordinates to DIGITS decimals


def g_of(trainer, z) -> np.ndarray:
    with torch.no_grad():
        return trainer.G(torch.as_tensor(z, dtype=torch.float32)).double().numpy()


def frame_points(frame: dict) -> np.ndarray:
    """All the (x, y) points of a frame's two line traces, in order, gaps left out."""
    xs = [v for trace in frame["data"] for v in trace["x"] if v is not None]
    ys = [v for trace in frame["data"] for v in trace["y"] if v is not None]
    return np.column_stack([xs, ys])


def by_family(lines, z_lines) -> np.ndarray:
    """The points of ``lines`` in the order the figure draws them: lines along z1 first, then lines along z2."""
    spread = [np.ptp(in_plane(z), axis=0) for z in z_lines]
    first = [line for line, s in zip(lines, spread) if s[0] >= s[1]]
    second = [line for line, s in zip(lines, spread) if s[0] < s[1]]
    return np.concatenate(first + second)


@pytest.fixture(scope="module", params=[1, 2, 3], ids=lambda d: f"z_dim={d}")
def trained(request):
    trainer = Trainer(replace(RING, z_dim=request.param))
    trainer.train(60)
    return trainer, take_snapshot_2d(trainer)


def test_the_snapshot_carries_the_z_grid_it_pushed_through_g(trained):
    trainer, snap = trained
    z_dim = trainer.config.z_dim
    assert len(snap.manifold_z) == len(snap.manifold) == (1 if z_dim == 1 else 2 * 11)
    for z, x in zip(snap.manifold_z, snap.manifold):
        assert z.shape == (len(x), z_dim)
        np.testing.assert_allclose(x, g_of(trainer, z), atol=1e-5)  # manifold = G(grid) for the G of now
        if z_dim > 2:
            assert (z[:, 2:] == 0).all()  # the coordinates past the first two are held fixed
    lo, hi = trainer.prior.range
    grid = np.concatenate(snap.manifold_z)
    assert grid[:, : min(z_dim, 2)].min() == lo and grid[:, : min(z_dim, 2)].max() == hi


def test_first_frame_is_the_grid_and_last_is_g_of_it(trained):
    trainer, snap = trained
    fig = morph_figure(snap.manifold_z, snap.manifold, steps=20, bounds=snap.bounds, real=snap.real)
    go.Figure(fig)  # valid Plotly, frames included
    frames = fig["frames"]
    assert len(frames) == 21 and [f["name"] for f in frames][::10] == ["0.00", "0.50", "1.00"]
    grid = by_family([in_plane(z) for z in snap.manifold_z], snap.manifold_z)
    g_grid = by_family([g_of(trainer, z) for z in snap.manifold_z], snap.manifold_z)  # the trainer's G, now
    np.testing.assert_allclose(frame_points(frames[0]), grid, atol=WIRE)
    np.testing.assert_allclose(frame_points(frames[-1]), g_grid, atol=WIRE + 1e-5)
    np.testing.assert_allclose(frame_points({"data": fig["data"][:2]}), grid, atol=WIRE)  # it opens on the z grid
    assert all(f["traces"] == [0, 1] for f in frames)  # the frames move the lines; p_data's samples stay
    assert np.abs(g_grid - grid).max() > 0.1  # so the two ends really differ


def test_frames_interpolate_linearly(trained):
    _, snap = trained
    steps = 8
    fig = morph_figure(snap.manifold_z, snap.manifold, steps=steps)
    z = by_family([in_plane(z) for z in snap.manifold_z], snap.manifold_z)
    x = by_family(snap.manifold, snap.manifold_z)
    for k, frame in enumerate(fig["frames"]):
        s = k / steps
        np.testing.assert_allclose(frame_points(frame), (1 - s) * z + s * x, atol=WIRE)
    exact = morph_frames(snap.manifold_z, snap.manifold, steps)
    for a, b, c in zip(exact[0], exact[steps // 2], exact[-1]):
        np.testing.assert_allclose(b, 0.5 * (a + c), atol=1e-12)  # the middle frame is halfway
    np.testing.assert_array_equal(np.concatenate(exact[-1]), np.concatenate(snap.manifold))


def test_in_plane_and_bad_input():
    np.testing.assert_array_equal(in_plane([[0.5], [-1.0]]), [[0.5, 0.0], [-1.0, 0.0]])
    np.testing.assert_array_equal(in_plane([[1, 2, 3]]), [[1, 2]])
    with pytest.raises(ValueError):
        morph_frames([np.zeros((3, 2))], [np.zeros((4, 2))])
    with pytest.raises(ValueError):
        morph_frames([np.zeros((3, 2))], [])
    with pytest.raises(ValueError):
        morph_frames([np.zeros((3, 2))], [np.zeros((3, 2))], steps=0)


def test_the_window_holds_the_page_window_the_grid_and_g_of_it_within_reason():
    z = [np.array([[-1.0, 0.0], [1.0, 0.0]]), np.array([[0.0, -1.0], [0.0, 1.0]])]
    x = [np.array([[-9.0, 0.0], [5.0, 0.0]]), np.array([[0.0, -0.2], [0.0, 0.2]])]
    layout = morph_figure(z, x, bounds=[[-0.5, 3.0], [-3.0, 3.0]])["layout"]
    (x0, x1), (y0, y1) = layout["xaxis"]["range"], layout["yaxis"]["range"]
    assert -4.5 < x0 < -4.0 and 5.0 < x1 < 5.6  # G(z) at -9 is cut one window's width (3.5) past the window
    assert -3.3 < y0 < -3.0 and 3.0 < y1 < 3.3  # the page's window
    layout = morph_figure(z, [line / 10 for line in x], bounds=[[-0.5, 3.0], [-3.0, 3.0]])["layout"]
    assert -1.3 < layout["xaxis"]["range"][0] < -1.0  # the z grid, past the window's left edge
