"""Trained runs shipped with ganviz, so a lesson starts from a converged or a collapsed GAN at once: ``load_checkpoint``.

For every built-in target there is a converged GAN, and for the mixtures (bimodal,
ring8, grid25) also a collapsed one. ``python tools/make_checkpoints.py`` trains them
(fixed seeds and iteration counts, on the CPU, one thread) and writes them here:

    ganviz/files/trained/<target>-<kind>.safetensors   one run file each (``ganviz.files.runfile``: safetensors, never a
                                                      pickle), holding what is needed to go on and to chart how it
                                                      got there: both networks' weights, the step counters and the
                                                      run's metrics history (at most ``HISTORY_ROWS`` rows, evenly
                                                      spaced from step 0 to the last step, numbers to 4 significant
                                                      digits), so the history charts show it as soon as it loads
    ganviz/files/trained/index.json                     what each one is: target, kind, file, bytes, sha256, config,
                                                      how it was trained (``recipe``), step, and the metrics it
                                                      reached (``reached``)

A file carries no optimizer state (Adam's moments would triple its size): the loaded
run's optimizers start afresh, as do its random numbers (from the config's seed; the
random state that every run file holds, 5 kB, is checked and not used). Its config says
``device="cpu"``, so that it loads on any machine; the loaded run is rebuilt on the device asked
for, through ``Trainer.load_state_dict`` (fresh optimizers, the saved weights and counters). The same run always gives the same bytes. ``load_checkpoint`` reads the file
with ``ganviz.files.runfile.load_run``, which checks everything in it, and also refuses a
file that is missing, larger than ``MAX_BYTES``, or not the one the index describes,
each time saying which file and why.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import torch

from .runfile import RunFileError, load_run, save_run
from ..frames.snapshot import take_snapshot
from ..frames.snapshot2d import generated_samples, metrics_2d
from ..core.config import Refused, TrainConfig
from ..core.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]  # the repository's root, from where messages name the files
FOLDER = ROOT / "ganviz" / "files" / "trained"
INDEX = FOLDER / "index.json"
KINDS = ("converged", "collapsed")
MAX_BYTES = 96 * 1024  # the most a shipped checkpoint file may take (2D: 42 kB of weights, up to 25 kB of history)
HISTORY_ROWS = 61  # the most metrics rows a checkpoint keeps: step 0 and 60 more (tools/make_checkpoints.py)
ROW_DIGITS = 4  # significant digits a checkpoint keeps of each number in its rows (a chart cannot show a 5th)
FORMAT = "ganviz-checkpoints"  # the index's marker
VERSION = 1


class CheckpointError(Refused):
    """A checkpoint (or the index) that is missing or broken; the message names the file and says why."""


@dataclass(frozen=True)
class Checkpoint:
    """One shipped checkpoint, as the index describes it."""

    target: str
    kind: str  # "converged" or "collapsed"
    file: str  # its name in FOLDER
    bytes: int
    sha256: str
    config: TrainConfig  # the run's config once loaded (device "auto"), its learning rates those of its last phase
    recipe: list  # how it was trained: [{"iterations": n, and the live fields changed before them}, ...]
    step: int
    reached: dict  # what it reached: jsd; modes and hq (ring8, grid25); mode_mass (bimodal)


def available() -> list[Checkpoint]:
    """Every shipped checkpoint, in the index's order; ``CheckpointError`` if the index is missing or broken."""
    where = _shown(INDEX)
    try:
        index = json.loads(INDEX.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CheckpointError(f"the checkpoint index {where} is missing: run python tools/make_checkpoints.py") from None
    except (OSError, ValueError) as err:
        raise CheckpointError(f"the checkpoint index {where} is unreadable ({err})") from None
    try:
        if index["format"] != FORMAT or index["version"] != VERSION:
            raise ValueError(f"not a {FORMAT} index of version {VERSION}")
        return [Checkpoint(**dict(entry, config=TrainConfig(**entry["config"]).validate()))
                for entry in index["checkpoints"]]
    except (KeyError, TypeError, ValueError) as err:
        raise CheckpointError(f"the checkpoint index {where} is broken ({type(err).__name__}: {err})") from None


def kinds_for(target: str) -> list[str]:
    """The kinds shipped for ``target`` ("converged", "collapsed"), in that order; [] if none."""
    kinds = {c.kind for c in available() if c.target == target}
    return [kind for kind in KINDS if kind in kinds]


def find(target: str, kind: str) -> Checkpoint:
    """The index's entry for ``target`` and ``kind``; ``CheckpointError`` if there is none."""
    for checkpoint in available():
        if (checkpoint.target, checkpoint.kind) == (target, kind):
            return checkpoint
    raise CheckpointError(f"no {kind} checkpoint is shipped for {target!r} (see {_shown(INDEX)})")


def load_checkpoint(target: str, kind: str, device: str = "auto") -> Trainer:
    """The shipped ``kind`` run on ``target``, ready to go on, on ``device``; ``CheckpointError`` naming the file if not."""
    checkpoint = find(target, kind)
    path = FOLDER / checkpoint.file
    where = _shown(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CheckpointError(f"the checkpoint {where} is {size:,} bytes; a checkpoint is at most {MAX_BYTES:,}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise CheckpointError(f"the checkpoint {where} is missing: run python tools/make_checkpoints.py") from None
    except OSError as err:
        raise CheckpointError(f"the checkpoint {where} is unreadable ({err})") from None
    try:
        saved = load_run(data)  # checks every field and tensor; never unpickles
    except RunFileError as err:
        raise CheckpointError(f"the checkpoint {where} is broken: {err}") from None
    if hashlib.sha256(data).hexdigest() != checkpoint.sha256 or replace(saved.config, device="auto") != checkpoint.config:
        raise CheckpointError(f"the checkpoint {where} is not the one {_shown(INDEX)} describes: "
                              "run python tools/make_checkpoints.py")
    trainer = Trainer(replace(saved.config, device=device))
    trainer.load_state_dict(_weights_and_counters(saved, trainer))  # fresh optimizers and random numbers
    return trainer


def _weights_and_counters(source: Trainer, fresh: Trainer, history: list | None = None) -> dict:
    """``fresh``'s state with ``source``'s weights, step counters and ``history`` (default: its own)."""
    state, taken = fresh.state_dict(), source.state_dict()
    state.update({key: taken[key] for key in ("G", "D", "step", "d_steps")})
    state["history"] = taken["history"] if history is None else history
    return state


def checkpoint_bytes(trainer: Trainer) -> bytes:
    """The checkpoint file of ``trainer``: a run file of its weights, step counters and history, nothing more.

    The history is ``compact_history``'s: at most ``HISTORY_ROWS`` rows, the first and the last kept, numbers
    to ``ROW_DIGITS`` significant digits. The trainer's metrics row of its current step must be its last
    (take a snapshot first). A loaded checkpoint saves back to the same bytes (the compaction is idempotent).
    """
    last = trainer.history[-1] if trainer.history else None
    if last is None or (last["step"], last["d_steps"]) != (trainer.step, trainer.d_steps):
        raise ValueError("take a snapshot of the trainer first: its last metrics row must be of its current step")
    slim = Trainer(replace(trainer.config, device="cpu"))  # fresh optimizers: no state to save
    slim.load_state_dict(_weights_and_counters(trainer, slim, history=compact_history(trainer.history)))
    return _canonical(save_run(slim))


def compact_history(history: list[dict], rows: int = HISTORY_ROWS) -> list[dict]:
    """At most ``rows`` of ``history``'s rows, evenly spread over it (first and last kept), each number rounded to
    ``ROW_DIGITS`` significant digits (whole numbers kept whole; NaN stays NaN). Applied twice, it changes nothing."""
    if len(history) > rows:
        keep = np.unique(np.linspace(0, len(history) - 1, rows).round().astype(int))
        history = [history[i] for i in keep]
    return [{key: _rounded(value) for key, value in row.items()} for row in history]


def _rounded(value):
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, float):
        return float(f"{value:.{ROW_DIGITS}g}")  # NaN and inf pass through as they are
    return value


def _canonical(data: bytes) -> bytes:
    """``data`` with its safetensors header's metadata in sorted order, so the same run gives the same bytes.

    (safetensors writes its metadata from a hash map, in an order that changes from one process to the next.)
    A safetensors file is the header's length (8 bytes, little-endian), the header (JSON, padded with spaces to a
    multiple of 8 bytes) and the tensors' bytes, at offsets counted from the header's end, which stay valid.
    """
    n = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + n])
    header["__metadata__"] = dict(sorted(header["__metadata__"].items()))
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return len(text).to_bytes(8, "little") + text + data[8 + n:]


def reached(trainer: Trainer) -> dict:
    """What a checkpoint shows, measured on ``trainer`` now (nothing recorded, nothing trained).

    ``jsd`` (nats): the snapshot's JSD(p_data || p_g); on ring8 and grid25 also
    ``modes`` covered and ``hq``, the share of high-quality samples (``ganviz.measure.modes``);
    on bimodal ``mode_mass``, the share of G's mass nearest each of the two modes.
    """
    if trainer.target.dim == 1:
        out = {"jsd": take_snapshot(trainer).metrics["jsd"]}
        if len(trainer.target.means) > 1:
            out["mode_mass"] = mode_mass(trainer)
        return out
    metrics = metrics_2d(trainer)
    return {key: metrics[key] for key in ("jsd", "modes", "hq") if key in metrics}


def mode_mass(trainer: Trainer, n: int = 10_000) -> list[float]:
    """The share of G's mass nearest each mode of a 1D mixture, from G at ``n`` equal-mass points of a 1D prior
    (or ``n`` seeded samples of a larger one)."""
    if trainer.config.z_dim == 1:
        z = torch.as_tensor(trainer.prior.quantiles(n), dtype=torch.float32, device=trainer.device).reshape(-1, 1)
        with torch.no_grad():
            x = trainer.G(z).cpu().double().numpy()[:, 0]
    else:
        x = generated_samples(trainer, n)[:, 0]
    means = np.asarray(trainer.target.means, dtype=np.float64)[:, 0]
    nearest = np.abs(x[:, None] - means[None, :]).argmin(1)
    return (np.bincount(nearest, minlength=len(means)) / len(x)).tolist()


def _shown(path: Path) -> str:
    """``path`` as a reader finds it from the repository root: ganviz/files/trained/..."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)
