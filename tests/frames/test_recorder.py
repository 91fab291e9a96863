"""FrameRecorder: bounded, evenly thinned, and keeps every frame of a short run."""

import numpy as np
import pytest

from ganviz.frames.recorder import FrameRecorder


def test_a_short_run_keeps_every_frame():
    rec = FrameRecorder(max_frames=10)
    for i in range(10):
        rec.record(i)
    assert rec.frames == list(range(10)) and rec.stride == 1


@pytest.mark.parametrize("offered", [11, 50, 1000, 4097])
def test_a_long_run_stays_bounded_and_evenly_spaced_from_its_start(offered):
    rec = FrameRecorder(max_frames=10)
    for i in range(offered):
        rec.record(i)
    kept = np.array(rec.frames)
    assert 5 <= len(kept) <= 10
    assert kept[0] == 0
    assert set(np.diff(kept)) == {rec.stride}, "evenly spaced, one stride apart"
    assert offered - 1 - kept[-1] < rec.stride, "the newest kept frame is less than one stride old"


def test_clear_starts_over():
    rec = FrameRecorder(max_frames=4)
    for i in range(20):
        rec.record(i)
    rec.clear()
    assert len(rec) == 0 and rec.stride == 1
    rec.record("a")
    assert rec[0] == "a"


@pytest.mark.parametrize("bad", [1, 0, 2.5, -3])
def test_a_bad_size_is_refused(bad):
    with pytest.raises(ValueError, match="max_frames must be a whole number >= 2"):
        FrameRecorder(bad)
