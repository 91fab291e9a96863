"""Strokes become points one spacing apart along them, however they were sampled; what is refused and why."""

import numpy as np
import pytest

from ganviz.core.custom import MIN_POINTS, BadPoints, check_points, drawing_bandwidth, kde_target
from ganviz.core.strokes import MAX_POSITIONS, STROKE_SPACING, points_from_strokes


def gaps(points: np.ndarray) -> np.ndarray:
    return np.linalg.norm(np.diff(points, axis=0), axis=1)


@pytest.mark.parametrize("length, spacing", [(3.0, 0.15), (7.3, 0.15), (1.0, 0.07), (0.1, 0.15)])
def test_a_straight_stroke_of_length_l_gives_about_l_over_spacing_points(length, spacing):
    stroke = [[-1.0, 0.5], [-1.0 + length * 0.6, 0.5 + length * 0.8]]
    points = points_from_strokes([stroke], spacing)
    assert len(points) == int(np.floor(length / spacing + 1e-9)) + 1
    assert np.allclose(points[0], stroke[0])
    assert np.allclose(gaps(points), spacing)
    direction = (points[-1] - points[0]) / np.linalg.norm(points[-1] - points[0]) if len(points) > 1 else None
    assert direction is None or np.allclose(direction, [0.6, 0.8]), "the points lie on the stroke"


def test_a_slow_and_a_fast_stroke_along_the_same_path_give_the_same_points():
    """Uneven sampling in time (slow here, fast there) does not change the points: only the path does."""
    rng = np.random.default_rng(0)
    even = np.stack([np.linspace(-3, 3, 601), np.full(601, 1.0)], axis=1)  # 0.01 apart
    uneven_x = np.sort(np.concatenate([[-3.0, 3.0], rng.uniform(-3, 3, 40), rng.uniform(-0.5, 0.0, 400)]))
    uneven = np.stack([uneven_x, np.full(len(uneven_x), 1.0)], axis=1)  # 40 far apart, 400 crowded in one stretch
    assert gaps(uneven).max() / gaps(uneven).min() > 100
    a, b = points_from_strokes([even]), points_from_strokes([uneven])
    assert a.shape == b.shape == (41, 2)
    assert np.allclose(a, b)


def test_a_curved_stroke_is_resampled_along_its_arc():
    """A circle drawn with more and more positions: the points approach the even ones along the true arc."""
    spacing, radius = 0.15, 2.0
    circumference = 2 * np.pi * radius
    expected = int(np.floor(circumference / spacing)) + 1

    def drawn(positions: int) -> np.ndarray:
        angle = np.linspace(0, 2 * np.pi, positions)
        return points_from_strokes([np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)], spacing)

    fine = drawn(20_000)
    assert len(fine) == expected
    assert np.allclose(np.linalg.norm(fine, axis=1), radius, atol=1e-4)
    assert np.allclose(gaps(fine), spacing, rtol=1e-3)
    coarse = drawn(60)  # a fast hand: chords cut the circle, so slightly fewer points, still on the circle's chords
    assert expected - 2 <= len(coarse) <= expected
    assert np.linalg.norm(coarse, axis=1).min() > radius * np.cos(np.pi / 59) - 1e-9


def test_a_tap_gives_one_point_and_repeated_positions_count_once():
    assert np.array_equal(points_from_strokes([[[0.25, -1.0]]]), [[0.25, -1.0]])
    assert np.array_equal(points_from_strokes([[[0.25, -1.0]] * 5]), [[0.25, -1.0]]), "a finger that never moved"
    pauses = [[0, 0], [0, 0], [0.5, 0], [0.5, 0], [0.5, 0], [1, 0]]  # the hand stopped twice
    assert np.allclose(points_from_strokes([pauses], 0.25), [[0, 0], [0.25, 0], [0.5, 0], [0.75, 0], [1, 0]])


def test_one_tap_is_too_few_for_a_target_and_two_taps_are_enough():
    """Limits are on the whole drawing, as for clicks: one tap is one point, fewer than MIN_POINTS."""
    one = points_from_strokes([[[1, 1]]])
    with pytest.raises(BadPoints) as info:
        check_points(one)
    assert info.value.reason == "too_few" and MIN_POINTS == 2
    assert len(check_points(points_from_strokes([[[1, 1]], [[2, 1]]]))) == 2


def test_several_strokes_each_start_at_their_beginning():
    points = points_from_strokes([[[0, 0], [0.3, 0]], [[0, 1], [0, 1.45]]], 0.15)
    assert np.allclose(points, [[0, 0], [0.15, 0], [0.3, 0], [0, 1], [0, 1.15], [0, 1.3], [0, 1.45]])


def test_the_kernel_of_a_stroke_is_its_spacing():
    """A drawing of strokes only gets h = the spacing (drawing_bandwidth), so each stroke is an even ridge."""
    wave = np.stack([np.linspace(-3, 3, 500), np.sin(np.linspace(-3, 3, 500))], axis=1)
    points = points_from_strokes([wave, [[-3, -3], [3, -3]]])
    h = drawing_bandwidth(points)
    assert h == pytest.approx(STROKE_SPACING, rel=0.02)
    target = kde_target(points, bandwidth=h)
    along = np.stack([np.linspace(-2, 2, 101), np.full(101, -3.0)], axis=1)  # on the straight stroke, off its ends
    density = target.pdf(along)
    assert density.max() / density.min() < 1.0001, "the ridge does not ripple"


@pytest.mark.parametrize("strokes, reason", [
    ([], "no_stroke"),
    ([[], []], "no_stroke"),
    ([[[0, 0], [1, 0, 2]]], "not_pairs"),
    ([[[0, 0, 0], [1, 0, 0]]], "shape"),
    ([[0, 1]], "shape"),
    ([[["a", "b"]]], "not_pairs"),
    ([[[0, 0]], [[1, float("nan")]]], "not_finite_point"),
    ([[[0, 0], [4.5, 0]]], "outside_window"),
    ([[[-4.01, 0]]], "outside_window"),
    ([np.zeros((MAX_POSITIONS + 1, 2))], "too_many_positions"),
])
def test_refusals(strokes, reason):
    with pytest.raises(BadPoints) as info:
        points_from_strokes(strokes, window=(-4.0, 4.0))
    assert info.value.reason == reason


def test_the_window_edge_is_inside_and_no_window_means_no_check():
    assert len(points_from_strokes([[[-4, -4], [4, 4]]], window=(-4, 4))) > 1
    assert len(points_from_strokes([[[0, 0], [40, 0]]], 1.0)) == 41


def test_a_bad_spacing_is_a_programming_error():
    for spacing in (0, -0.1, float("nan")):
        with pytest.raises(ValueError):
            points_from_strokes([[[0, 0]]], spacing)
