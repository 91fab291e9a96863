"""Shipped checkpoints: each loads and shows, measured afresh, the state it claims; a bad file is refused by name;
the pages' "Start from a trained model": tests/ui/test_checkpoints_page.py."""

import hashlib
import math
import pickle
import shutil
from dataclasses import replace

import numpy as np
import pytest
import torch

from ganviz.files import checkpoints
from ganviz.files.checkpoints import (HISTORY_ROWS, MAX_BYTES, CheckpointError, available, checkpoint_bytes,
                                      compact_history, kinds_for, load_checkpoint, reached)
from ganviz.lessons.presets import FIGURE1, RING8
from ganviz.ui.controls import BATCHES, DEPTHS, G_OFFSETS, LEARNING_RATES, WIDGET_OF_FIELD, WIDTHS, Z_DIMS

SHIPPED = {(c.target, c.kind): c for c in available()}
MIXTURES = ("bimodal", "ring8", "grid25")
# Measured by tools/make_checkpoints.py (JSD in nats): converged runs 0.016 (moons) to 0.056 (gaussian), grid25 0.19;
# collapsed runs 0.51 (ring8) to 0.65 (bimodal). The bounds sit between the two.
CONVERGED_JSD = {"grid25": 0.25}  # others: 0.1
MODE_MARGIN = {"ring8": 1, "grid25": 2}  # converged: modes >= the index's value minus this


def test_every_built_in_target_has_a_converged_run_and_every_mixture_a_collapsed_one():
    targets = ["gaussian", "bimodal", "ring8", "grid25", "gaussian2d", "spiral", "moons"]
    assert set(SHIPPED) == {(t, "converged") for t in targets} | {(t, "collapsed") for t in MIXTURES}
    assert kinds_for("ring8") == ["converged", "collapsed"] and kinds_for("spiral") == ["converged"]
    assert kinds_for("custom") == []


def test_the_index_matches_the_files():
    files = {path.name for path in checkpoints.FOLDER.glob("*.safetensors")}
    assert files == {c.file for c in SHIPPED.values()}, "every file is indexed, every indexed file is there"
    for c in SHIPPED.values():
        data = (checkpoints.FOLDER / c.file).read_bytes()
        assert len(data) == c.bytes <= MAX_BYTES == 96 * 1024
        assert hashlib.sha256(data).hexdigest() == c.sha256
        assert c.config.dist == c.target and c.recipe and sum(phase["iterations"] for phase in c.recipe) == c.step


@pytest.mark.parametrize("target,kind", sorted(SHIPPED))
def test_each_checkpoint_loads_and_shows_what_it_claims(target, kind):
    claimed = SHIPPED[target, kind]
    trainer = load_checkpoint(target, kind, device="cpu")
    assert trainer.config == replace(claimed.config, device="cpu") and trainer.step == claimed.step
    assert trainer.history[-1]["step"] == claimed.step
    got = reached(trainer)  # measured now, on the loaded networks
    assert got["jsd"] == pytest.approx(claimed.reached["jsd"], abs=0.01)
    if kind == "converged":
        assert got["jsd"] < CONVERGED_JSD.get(target, 0.1)
        if target in MODE_MARGIN:
            assert got["modes"] >= claimed.reached["modes"] - MODE_MARGIN[target]
            assert got["modes"] >= {"ring8": 7, "grid25": 20}[target]
            assert got["hq"] >= 0.3
        if target == "bimodal":
            assert min(got["mode_mass"]) >= 0.4, "both modes"
    else:
        assert got["jsd"] > 0.4
        if target == "ring8":
            assert got["modes"] <= 2
        if target == "grid25":
            assert got["modes"] <= 3
        if target == "bimodal":
            assert max(got["mode_mass"]) >= 0.9, "one mode holds the mass"


@pytest.mark.parametrize("target,kind", sorted(SHIPPED))
def test_a_checkpoint_brings_the_history_of_its_run(target, kind):
    """The history charts have the run's way there to show as soon as it loads: rows from step 0 to its step,
    evenly spaced, each with the metrics the pages chart (the losses averaged since the row before)."""
    claimed = SHIPPED[target, kind]
    rows = load_checkpoint(target, kind, device="cpu").history
    steps = [row["step"] for row in rows]
    assert HISTORY_ROWS - 5 <= len(rows) <= HISTORY_ROWS and steps[0] == 0 and steps[-1] == claimed.step
    assert steps == sorted(set(steps))
    gaps = np.diff(steps)
    assert gaps.max() <= 2 * np.median(gaps)
    assert all(np.isfinite(row[key]) for row in rows[1:] for key in ("jsd", "d_loss", "g_loss", "d_real", "d_fake"))
    if claimed.config.dist in ("ring8", "grid25"):
        assert all("modes" in row and "mode_counts" in row for row in rows)
    # The last row is the state it loads in: its JSD is the one measured afresh on the loaded run.
    assert rows[-1]["jsd"] == pytest.approx(claimed.reached["jsd"], rel=1e-3)


def test_compacting_a_history_keeps_its_ends_and_is_done_once():
    rows = [dict(step=i, d_steps=i, jsd=1 / (i + 3), d_loss=float("nan") if i == 0 else 0.1234567, modes=i % 8)
            for i in range(1000)]
    compact = compact_history(rows)
    assert len(compact) == HISTORY_ROWS and compact[0]["step"] == 0 and compact[-1]["step"] == 999
    assert compact[1]["jsd"] == float(f"{compact[1]['jsd']:.4g}") and compact[1]["d_loss"] == 0.1235
    again = compact_history(compact)
    assert again[1:] == compact[1:] and math.isnan(again[0]["d_loss"])  # NaN != NaN: row 0 on its own
    assert all(isinstance(row["modes"], int) for row in compact)


@pytest.mark.parametrize("target,kind", sorted(SHIPPED))
def test_a_loaded_checkpoint_saves_back_to_the_same_bytes(target, kind):
    """What tools/make_checkpoints.py writes (checkpoint_bytes) from a run loaded by load_checkpoint is the shipped
    file, byte for byte: loading and saving keep every weight, counter and row, and the format has not moved."""
    trainer = load_checkpoint(target, kind, device="cpu")
    assert checkpoint_bytes(trainer) == (checkpoints.FOLDER / SHIPPED[target, kind].file).read_bytes()


@pytest.mark.parametrize("target,kind", sorted(SHIPPED))
def test_a_checkpoints_config_is_a_setting_of_the_sidebar(target, kind):
    """Loading sets the sidebar's widgets to the config: each field must be one of their options (the fields no
    widget sets are kept from the checkpoint, as a preset's are); the 1D ones were trained in the paper's setting."""
    c = SHIPPED[target, kind].config
    assert 1 <= c.k <= 10 and c.lr_d in LEARNING_RATES and c.lr_g in LEARNING_RATES and c.batch in BATCHES
    assert c.width in WIDTHS and c.depth in DEPTHS and c.z_dim in Z_DIMS and c.g_offset in G_OFFSETS
    setting = FIGURE1 if target in ("gaussian", "bimodal") else RING8
    assert replace(setting, **{name: getattr(c, name) for name in WIDGET_OF_FIELD}) == c


def test_a_converged_run_goes_on_converged_and_a_collapsed_one_collapsed():
    """No optimizer state is shipped: the loaded run's optimizers start afresh, and the run keeps its state."""
    ring = load_checkpoint("ring8", "converged", device="cpu")
    ring.train(500)
    assert reached(ring)["modes"] == 8
    bimodal = load_checkpoint("bimodal", "collapsed", device="cpu")
    bimodal.train(200)
    assert max(reached(bimodal)["mode_mass"]) >= 0.9


# ----- refusals: a missing or broken file is named, with the reason ----------------------------------------------
@pytest.fixture
def copy(tmp_path, monkeypatch):
    """The shipped folder copied to tmp_path, and ganviz.files.checkpoints reading it there."""
    folder = tmp_path / "checkpoints"
    shutil.copytree(checkpoints.FOLDER, folder)
    monkeypatch.setattr(checkpoints, "FOLDER", folder)
    monkeypatch.setattr(checkpoints, "INDEX", folder / "index.json")
    return folder


def refusal(target="ring8", kind="converged") -> str:
    with pytest.raises(CheckpointError) as caught:
        load_checkpoint(target, kind, device="cpu")
    return str(caught.value)


def test_a_missing_file_is_named(copy):
    (copy / "ring8-converged.safetensors").unlink()
    assert "ring8-converged.safetensors is missing" in refusal()


def test_a_truncated_file_is_named(copy):
    path = copy / "ring8-converged.safetensors"
    path.write_bytes(path.read_bytes()[:-100])
    message = refusal()
    assert "ring8-converged.safetensors is broken" in message and "truncated" in message


def test_a_pickle_is_refused_unopened(copy):
    (copy / "bimodal-collapsed.safetensors").write_bytes(pickle.dumps({"G": torch.zeros(3)}))
    message = refusal("bimodal", "collapsed")
    assert "bimodal-collapsed.safetensors is broken" in message and "pickle" in message


def test_another_valid_file_in_its_place_is_refused(copy):
    shutil.copy(copy / "ring8-collapsed.safetensors", copy / "ring8-converged.safetensors")
    assert "is not the one" in refusal() and "index.json" in refusal()


def test_an_oversized_file_is_refused(copy):
    (copy / "ring8-converged.safetensors").write_bytes(b"\0" * (MAX_BYTES + 1))
    assert "at most 98,304" in refusal()


def test_a_missing_or_broken_index_is_named(copy):
    (copy / "index.json").write_text('{"format": "ganviz-checkpoints", "version": 1, "checkpoints": [{"x": 1}]}')
    with pytest.raises(CheckpointError, match="index.json is broken"):
        available()
    (copy / "index.json").unlink()
    with pytest.raises(CheckpointError, match="index.json is missing"):
        kinds_for("ring8")


def test_an_unshipped_kind_is_refused():
    with pytest.raises(CheckpointError, match="no collapsed checkpoint is shipped for 'spiral'"):
        load_checkpoint("spiral", "collapsed")
