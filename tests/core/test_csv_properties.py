"""Generated CSV files of points: ``parse_points_csv`` returns finite (n, 2) points within the limits or raises
the one refusal type (``BadPoints``, a ``Refused``) with a one-line reason; never another exception, never a large
allocation."""

import tracemalloc

import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st

from ganviz.core.config import Refused
from ganviz.core.custom import MAX_ABS, MAX_BYTES, MAX_POINTS, MIN_POINTS, BadPoints, parse_points_csv

FEW = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CELLS = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers().map(str),
                  st.text(max_size=12), st.sampled_from(["", " ", "nan", "1e400", "1_0", "0x10", "![a](b)", "x,y"]))


def parse_bounded(data):
    tracemalloc.start()
    try:
        points = parse_points_csv(data)
    except Refused as err:
        assert isinstance(err, BadPoints) and "\n" not in str(err) and len(str(err)) <= 300
        return err
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak <= 40 * MAX_BYTES + 2**20, f"parsing allocated {peak:,} bytes"
    assert points.shape[1] == 2 and MIN_POINTS <= len(points) <= MAX_POINTS
    assert np.isfinite(points).all() and np.abs(points).max() <= MAX_ABS
    return points


@FEW
@given(st.binary(max_size=2048))
def test_any_bytes_parse_or_are_refused(data):
    parse_bounded(data)


@FEW
@given(st.lists(st.lists(CELLS, min_size=0, max_size=3), max_size=30), st.sampled_from([",", " ", "\t", ";"]),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_table_of_cells_parses_or_is_refused(rows, separator, newline):
    text = newline.join(separator.join(row) for row in rows)
    parse_bounded(text)
    parse_bounded(text.encode("utf-8"))


@FEW
@given(st.lists(st.tuples(st.floats(-MAX_ABS, MAX_ABS), st.floats(-MAX_ABS, MAX_ABS)), min_size=MIN_POINTS,
                max_size=50))
def test_points_within_the_limits_come_back_exactly(points):
    text = "x,y\n" + "\n".join(f"{x!r},{y!r}" for x, y in points)
    assert np.array_equal(parse_bounded(text), np.array(points))


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    assert isinstance(parse_bounded(b"1,2\n" * (MAX_BYTES // 4 + 1)), BadPoints)
