"""The run as pictures: frames drawn in Figure 1's colours, and GIFs and MP4s that hold every recorded frame."""

import dataclasses
import io

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from ganviz.frames.snapshot import take_snapshot
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer
from ganviz.views.video import gif_bytes, mp4_bytes, render_frame

GREEN_1D, BLUE_D, RED_D_STAR = (0x2C, 0xA0, 0x2C), (0x1F, 0x77, 0xB4), (0xD6, 0x27, 0x28)  # palette: p_g, D, D*
GREEN_2D = (0x00, 0xA6, 0x51)  # palette.FAKE


@pytest.fixture(scope="module")
def frames_1d():
    trainer, frames = Trainer(TrainConfig(width=8, seed=0)), []
    for _ in range(4):
        frames.append(take_snapshot(trainer))
        trainer.train(5)
    return frames


@pytest.fixture(scope="module")
def frames_2d():
    trainer, frames = Trainer(TrainConfig(dist="ring8", z_dim=2, width=8, seed=0)), []
    for _ in range(3):
        frames.append(take_snapshot_2d(trainer, n_show=300))
        trainer.train(5)
    return frames


def pixels_near(rgb, colour, tolerance=30) -> int:
    return int((np.abs(rgb.astype(int) - colour).max(axis=2) <= tolerance).sum())


def dark_pixels(rgb) -> int:
    return int((rgb.max(axis=2) < 100).sum())


def test_a_1d_frame_is_an_rgb_picture_in_figure_1s_colours(frames_1d):
    rgb = render_frame(frames_1d[-1])
    assert rgb.shape == (540, 960, 3) and rgb.dtype == np.uint8
    assert pixels_near(rgb, (0, 0, 0)) > 500, "p_data, axes and text are black"
    for colour in (GREEN_1D, BLUE_D, RED_D_STAR):  # p_g, D and D*
        assert pixels_near(rgb, colour) > 200, colour
    assert render_frame(frames_1d[0], size=(640, 360)).shape == (360, 640, 3)


def test_a_2d_frame_shows_real_points_black_and_generated_points_green(frames_2d):
    spread = np.random.default_rng(0).uniform(-2.5, 2.5, (300, 2))  # in the window, unlike G's at step 10
    snap = dataclasses.replace(frames_2d[-1], fake=spread)
    rgb = render_frame(snap)
    assert rgb.shape == (540, 960, 3) and rgb.dtype == np.uint8
    away = np.full_like(snap.real, 1e3)  # far outside the window
    without_fake = render_frame(dataclasses.replace(snap, fake=away))
    without_real = render_frame(dataclasses.replace(snap, real=away))
    assert pixels_near(rgb, GREEN_2D, 40) - pixels_near(without_fake, GREEN_2D, 40) > 1000  # about 2,600
    assert dark_pixels(rgb) - dark_pixels(without_real) > 200  # 8 tight clusters: about 480 pixels


@pytest.mark.parametrize("d, says", [(1.0, "real"), (0.0, "fake")])
def test_the_2d_heatmap_is_blue_where_d_says_real_and_red_where_it_says_fake(frames_2d, d, says):
    snap = dataclasses.replace(frames_2d[0], d=np.full_like(frames_2d[0].d, d))
    rgb = render_frame(snap).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    blue, red = int(((b > r + 40) & (b > g)).sum()), int(((r > b + 40) & (r > g)).sum())
    assert (blue > 5 * red) if says == "real" else (red > 5 * blue), (blue, red)


@pytest.mark.parametrize("which", ["frames_1d", "frames_2d"])
def test_a_gif_holds_every_recorded_frame_and_loops(request, which):
    frames = request.getfixturevalue(which)
    gif = Image.open(io.BytesIO(gif_bytes(frames, frame_ms=100)))
    assert gif.format == "GIF" and gif.n_frames == len(frames)
    assert gif.size == (960, 540)
    assert gif.info["loop"] == 0 and gif.info["duration"] == 100


@pytest.mark.parametrize("which", ["frames_1d", "frames_2d"])
def test_an_mp4_holds_every_recorded_frame(tmp_path, request, which):
    frames = request.getfixturevalue(which)
    path = tmp_path / "run.mp4"
    path.write_bytes(mp4_bytes(frames, fps=4))
    n_frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert n_frames == len(frames)
    assert seconds == pytest.approx(len(frames) / 4, abs=0.26)
    reader = imageio_ffmpeg.read_frames(str(path))
    assert next(reader)["size"] == (960, 540)
    reader.close()


def test_an_mp4_of_odd_size_is_cut_to_even_sides(tmp_path, frames_1d):
    path = tmp_path / "odd.mp4"
    path.write_bytes(mp4_bytes(frames_1d[:2], size=(641, 361)))
    reader = imageio_ffmpeg.read_frames(str(path))
    assert next(reader)["size"] == (640, 360)
    reader.close()


@pytest.mark.parametrize("encode", [gif_bytes, mp4_bytes])
def test_no_frames_is_refused_with_a_sentence(encode):
    with pytest.raises(ValueError, match="nothing to export yet: record at least one frame"):
        encode([])
