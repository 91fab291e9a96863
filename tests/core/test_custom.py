"""The user's own 2D target: a KDE of their points, and the CSV reader that refuses bad files plainly."""

import math

import numpy as np
import pytest
import torch

from ganviz.core.custom import (
    MAX_BYTES,
    MAX_POINTS,
    MIN_BANDWIDTH,
    BadPoints,
    kde_target,
    parse_points_csv,
    scott_bandwidth,
)
from ganviz.measure.density2d import bin_mixture
from ganviz.core.distributions import GaussianMixture
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer

POINTS = np.array([[0.0, 0.0], [1.0, 0.5], [2.0, -1.0], [-1.5, 2.0], [0.5, 0.5]])


# ----- the KDE ------------------------------------------------------------------------
def test_kde_is_one_equal_gaussian_per_point():
    t = kde_target(POINTS, bandwidth=0.3)
    assert isinstance(t, GaussianMixture) and t.dim == 2 and t.name == "custom"
    np.testing.assert_array_equal(t.means, POINTS)
    np.testing.assert_array_equal(t.stds, 0.3)
    np.testing.assert_allclose(t.weights, 0.2)
    x = np.array([[0.2, -0.1], [5.0, 5.0]])
    expected = sum(np.exp(-0.5 * ((x - p) ** 2).sum(1) / 0.09) / (2 * math.pi * 0.09) for p in POINTS) / 5
    np.testing.assert_allclose(t.pdf(x), expected, rtol=1e-12)


def test_scott_bandwidth():
    n = len(POINTS)
    expected = n ** (-1 / 6) * POINTS.std(axis=0, ddof=1).mean()
    assert scott_bandwidth(POINTS) == pytest.approx(expected)
    assert kde_target(POINTS).stds[0] == pytest.approx(expected)
    # two points on top of each other have no spread: the floor keeps a visible density
    assert kde_target([[1.0, 1.0], [1.0, 1.0]]).stds[0] == MIN_BANDWIDTH
    assert scott_bandwidth(np.random.default_rng(0).normal(size=(10_000, 2))) == pytest.approx(10_000 ** (-1 / 6), rel=0.02)


def test_kde_is_wider_than_its_points_by_the_bandwidth():
    """The documented bias: each coordinate's variance grows by h^2."""
    h = 0.4
    t = kde_target(POINTS, bandwidth=h)
    x = t.sample(200_000, torch.Generator().manual_seed(0)).double().numpy()
    np.testing.assert_allclose(x.var(0), POINTS.var(0) + h**2, rtol=0.02)
    np.testing.assert_allclose(x.mean(0), POINTS.mean(0), atol=0.01)


def test_bounds_are_the_padded_bounding_box_and_hold_the_mass():
    t = kde_target(POINTS, bandwidth=0.25)
    np.testing.assert_allclose(t.bounds, [[-1.5 - 1.0, 2.0 + 1.0], [-1.0 - 1.0, 2.0 + 1.0]])
    masses, outside = bin_mixture(t, t.bounds, 64)
    assert outside < 1e-4
    on_a_line = kde_target([[0.0, 0.0], [0.0, 3.0]])  # no width in x: the padding still gives a window
    assert on_a_line.bounds[0, 1] - on_a_line.bounds[0, 0] > 0


def test_kde_refuses_what_cannot_be_a_target():
    for points, says in [
        ([[1.0, 2.0]], "at least 2"),
        ([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], "n x 2"),
        ([[0.0, 0.0], [np.nan, 1.0]], "point 2 is not a pair of finite numbers"),
        ([[0.0, 0.0], [5e3, 1.0]], "point 2 is further than 1,000"),
        (np.zeros((MAX_POINTS + 1, 2)), "at most 10,000"),
        ("abc", "pairs of numbers"),
    ]:
        with pytest.raises(BadPoints, match=says):
            kde_target(points)
    with pytest.raises(BadPoints, match="bandwidth"):
        kde_target(POINTS, bandwidth=0.0)


def test_kde_trains_like_any_mixture():
    """The trainer looks targets up by name, so here one built for a 2D target has its target swapped;
    training only calls target.sample, which a KDE has like every mixture."""
    t = kde_target(POINTS)
    x = t.sample(64, torch.Generator().manual_seed(0))
    assert x.shape == (64, 2) and x.dtype == torch.float32
    assert np.all(np.isfinite(t.log_pdf(x.numpy())))
    trainer = Trainer(TrainConfig(dist="gaussian2d", device="cpu", batch=32))
    trainer.target = t
    trainer.train(10)
    assert all(math.isfinite(v) for v in trainer.mean_losses())


# ----- the CSV reader -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "x,y\n0,0\n1,0.5\n2,-1\n",
    "0,0\n1,0.5\n2,-1",
    "0 0\n1\t0.5\n2   -1\n",
    "\ufeffx, y\r\n0, 0\r\n\r\n1, 0.5\r\n2, -1\r\n",  # byte-order mark, Windows line ends, a blank line
    '"x" "y"\n0 0\n1 5e-1\n2 -1.0\n',
])
def test_parse_accepts_common_layouts(text):
    np.testing.assert_allclose(parse_points_csv(text), [[0, 0], [1, 0.5], [2, -1]])
    np.testing.assert_allclose(parse_points_csv(text.encode("utf-8")), [[0, 0], [1, 0.5], [2, -1]])


@pytest.mark.parametrize("data, says", [
    (b"", "the file is empty"),
    (b"\n  \n", "the file is empty"),
    (b"x,y\n", "the file has 0 points; at least 2"),
    (b"x,y\n1,2\n", "the file has 1 point; at least 2"),
    (b"1,2\n3,4,5\n", "line 2 has 3 values; each row must be two numbers"),
    (b"1,2\n3\n", "line 2 has 1 value;"),
    (b"x,y\n1,2\n3,abc\n", "line 3: 'abc' is not a number"),
    (b"1,2\n3,\n", "line 2: '' is not a number"),
    (b"1,2\n1_0,2\n", "line 2: '1_0' is not a number"),
    (b"1,2\nnan,2\n", "line 2: 'nan' is not a finite number"),
    (b"1,2\n3,-inf\n", "line 2: '-inf' is not a finite number"),
    (b"1,2\n3,1e5\n", "line 2: 1e5 is further than 1,000 from the origin"),
    (b"1,2\n\xff\xfe,3\n", "not UTF-8 text"),
    (b"x,y,z\n1,2,3\n", "line 1 has 3 values"),
])
def test_parse_refuses_bad_files_in_one_sentence(data, says):
    with pytest.raises(BadPoints) as info:
        parse_points_csv(data)
    message = str(info.value)
    assert says in message
    assert "\n" not in message
    assert isinstance(info.value, ValueError)


def test_parse_refuses_too_many_rows_and_too_many_bytes():
    many = "".join(f"{i % 7},{i % 5}\n" for i in range(MAX_POINTS + 1))
    assert len(many) < MAX_BYTES
    with pytest.raises(BadPoints, match="10,001 rows of points; at most 10,000"):
        parse_points_csv(many)
    assert parse_points_csv("x,y\n" + "".join(f"{i % 7},{i % 5}\n" for i in range(MAX_POINTS))).shape == (MAX_POINTS, 2)
    huge = b"1,2\n" + b" " * MAX_BYTES
    with pytest.raises(BadPoints, match="bytes; at most 1,000,000"):
        parse_points_csv(huge)


def test_parsed_points_make_a_target():
    t = kde_target(parse_points_csv("x,y\n-1,-1\n1,1\n1,-1\n-1,1\n"))
    assert len(t.means) == 4 and np.all(np.isfinite(t.pdf(t.means)))


def test_drawing_bandwidth_follows_the_spacing():
    from ganviz.core.custom import drawing_bandwidth

    line = np.stack([np.linspace(0, 4, 41), np.zeros(41)], axis=1)  # points 0.1 apart
    assert drawing_bandwidth(line) == pytest.approx(0.1)
    assert drawing_bandwidth(line) < scott_bandwidth(line)
    dense = np.stack([np.linspace(0, 1, 1001), np.zeros(1001)], axis=1)  # 0.001 apart: floored
    assert drawing_bandwidth(dense) == MIN_BANDWIDTH
    far = np.array([[0.0, 0.0], [10.0, 0.0]])  # two points: never wider than Scott's rule
    assert drawing_bandwidth(far) == pytest.approx(scott_bandwidth(far))
    same = np.zeros((5, 2))  # all duplicates: no neighbour at a positive distance
    assert drawing_bandwidth(same) == MIN_BANDWIDTH
    many = np.random.default_rng(0).normal(size=(10_000, 2))
    assert MIN_BANDWIDTH <= drawing_bandwidth(many) <= scott_bandwidth(many)
