"""Hostile and generated run files: loading either succeeds or raises the one refusal type (``Refused``, here
``RunFileError``) with a one-line reason; never another exception, never a large allocation (tests/files/hostile.py
holds the corpus of issue 26)."""

import json
import math
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ganviz.cli.commands import main
from ganviz.core.config import Refused, TrainConfig
from ganviz.files.runfile import RunFileError, load_run

from .hostile import AS_SAVED, base_run, corpus, legitimate, split, with_config, with_header, with_run

CORPUS = corpus()
MAX_ALLOCATION = 64 * 2**20  # what loading a file of a few kB may allocate (Python's heap, traced), at most
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_bounded(data: bytes):
    """``load_run(data)``: the trainer, or the refusal; asserts the allocation stayed bounded."""
    tracemalloc.start()
    try:
        return load_run(data)
    except Refused as err:
        message = str(err)
        assert isinstance(err, RunFileError) and message and "\n" not in message and len(message) <= 400, message
        return err
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak <= MAX_ALLOCATION, f"loading allocated {peak:,} bytes"


@pytest.mark.parametrize("name", list(CORPUS))
def test_every_hostile_file_is_refused_in_one_line(name):
    data, want = CORPUS[name]
    assert want == "refused"
    assert isinstance(load_bounded(data), RunFileError)


@pytest.mark.parametrize("name", list(CORPUS))
def test_resume_refuses_every_hostile_file_with_status_2_and_one_line(name, tmp_path, capsys):
    path = tmp_path / f"{name}.ganviz"
    path.write_bytes(CORPUS[name][0])
    with pytest.raises(SystemExit) as caught:
        main(["train", "--resume", str(path), "--steps", "1"])
    err = capsys.readouterr().err.strip()
    assert caught.value.code == 2 and len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"python -m ganviz train: error: --resume {path}: ")


@pytest.mark.parametrize("name", list(AS_SAVED))
def test_the_runs_the_page_once_broke_load_exactly_as_saved(name):
    data, config = legitimate()[name]
    trainer = load_bounded(data)
    assert not isinstance(trainer, Exception) and trainer.config == config and trainer.step == 2


# ----- generated ------------------------------------------------------------------------------------
GOOD = base_run()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8)
FIELDS = [name for name in TrainConfig.__dataclass_fields__]


@FEW
@given(st.binary(max_size=4096))
def test_random_bytes_are_refused(data):
    assert isinstance(load_bounded(data), RunFileError)


@FEW
@given(st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES | st.integers(-5, 5000) | st.floats(-1, 20), max_size=4))
def test_any_config_loads_as_validated_or_is_refused(fields):
    data = with_config(GOOD, **fields)
    result = load_bounded(data)
    if not isinstance(result, Exception):
        assert result.config == TrainConfig(**{**json.loads(split(data)[0]["__metadata__"]["run"])["config"]})
        result.config.validate()


@FEW
@given(st.sampled_from(["step", "d_steps", "phase", "lr_g", "lr_d", "history", "config"]), JSON_VALUES)
def test_any_run_field_loads_or_is_refused(key, value):
    result = load_bounded(with_run(GOOD, lambda run: run.update({key: value})))
    if not isinstance(result, Exception):
        assert math.isfinite(result.opt_d.param_groups[0]["lr"])


TENSOR_FIELDS = st.sampled_from(["dtype", "shape", "data_offsets"])


@FEW
@given(st.data())
def test_any_tensor_header_loads_or_is_refused(data):
    names = [k for k in split(GOOD)[0] if k != "__metadata__"]
    name, field = data.draw(st.sampled_from(names)), data.draw(TENSOR_FIELDS)
    value = data.draw(st.lists(st.integers(min_value=-1, max_value=2**64), max_size=3) | st.text(max_size=10)
                      | JSON_VALUES)
    load_bounded(with_header(GOOD, lambda header: header[name].update({field: value})))


@FEW
@given(st.integers(min_value=0, max_value=len(GOOD) - 1), st.binary(min_size=1, max_size=8))
def test_any_overwritten_bytes_load_or_are_refused(at, patch):
    data = bytearray(GOOD)
    data[at:at + len(patch)] = patch
    load_bounded(bytes(data[:len(GOOD)]))
