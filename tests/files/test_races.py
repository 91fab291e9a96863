"""Race recordings (ganviz.files.races): recorded from a real race, saved, loaded and drawn as a live run is."""

import json

import numpy as np
import pytest

from ganviz.files import races
from ganviz.lessons.presets import PRESETS
from ganviz.views.figure2d import figure2d
from ganviz.views.modes import mode_timeline_figure, modes_over_time_figure


@pytest.fixture(scope="module")
def recording():
    return races.record_race(PRESETS["ring8-race"], every=20, steps=40)


def test_a_recording_holds_every_run_every_few_steps(recording):
    assert recording.runs == ["gan", "pacgan"] and len(recording) == 3
    assert [recording.step(i) for i in range(3)] == [0, 20, 40]
    for run in recording.runs:
        arrays = recording.arrays[run]
        assert arrays["fake"].shape == (3, 300, 2) and arrays["fake"].dtype == np.float16
        assert arrays["d"].shape == (3, 32, 32) and arrays["d"].dtype == np.uint8
        assert {"step", "modes", "hq", "mode_counts"} <= set(recording.rows[run][-1])
    assert not np.array_equal(recording.arrays["gan"]["fake"][0], recording.arrays["gan"]["fake"][2]), "G moved"


def test_saved_and_loaded_it_draws_as_a_live_run_does(recording):
    loaded = races.load_recording(races.save_recording(recording))
    assert loaded.runs == recording.runs and loaded.config == recording.config and loaded.rows == recording.rows
    snap = loaded.snapshot("pacgan", 2)
    assert snap.step == 40 and snap.metrics["modes"] == recording.rows["pacgan"][2]["modes"]
    np.testing.assert_allclose(snap.fake, recording.arrays["pacgan"]["fake"][2].astype(np.float64))
    json.dumps(figure2d(snap))  # plain values only
    history = loaded.history("gan", 1)
    assert [row["step"] for row in history] == [0, 20]
    modes_over_time_figure({"gan": history}, 8)
    mode_timeline_figure(history, 8)


@pytest.mark.parametrize("data, says", [(b"\x08" + b"\x00" * 7 + b"{}      ", "not a ganviz race recording"),
                                        (b"x" * (races.MAX_BYTES + 1), "at most")])
def test_anything_else_is_refused(data, says):
    with pytest.raises(ValueError, match=says):
        races.load_recording(data)


@pytest.mark.parametrize("name", ["ring8-remedy", "grid25-remedy"])
def test_the_shipped_recordings_are_the_measured_races(name):
    """tools/record_races.py's files: the whole 20,000 steps of the preset's race, small enough to ship."""
    path = races.recording_path(name)
    if not path.exists():
        pytest.skip(f"{path.name} is not recorded (tools/record_races.py {name})")
    recording = races.shipped_recording(name)
    preset = PRESETS[name]
    assert recording.config == preset.config.__class__(**{**preset.config.to_dict(), "device": "cpu"})
    assert recording.step(-1) == preset.steps and path.stat().st_size <= races.MAX_BYTES
    assert recording.runs == ["gan", preset.method]
