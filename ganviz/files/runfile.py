"""A toy run in one file, to load back later and go on exactly where it stopped: ``save_run``, ``load_run``.

The file is safetensors, never a pickle: reading it runs no code. Its tensors:

    G.<name>, D.<name>                    both networks' state_dict
    opt_g.<i>.<key>, opt_d.<i>.<key>      each optimizer's state of parameter i
                                          (Adam: step, exp_avg, exp_avg_sq; SGD: momentum_buffer)
    rng                                   the trainer's torch.Generator state (uint8; its size says the device kind)
    losses.d, losses.g                    the losses not yet averaged into a metrics row
    target.means, .stds, .bounds          a "custom" run only: its points, kernel widths and window (float64)

Its metadata: ``format`` = "ganviz-run", ``version`` = "1", and ``run``, a JSON object with the
TrainConfig (``config``), ``step``, ``d_steps``, ``phase`` (the D steps already taken inside the
current iteration, for trainers that take them one by one; 0 otherwise), the optimizers' learning
rates now (``lr_g``, ``lr_d``: a decaying run's differ from the config's) and the metrics
``history`` (JSON as Python writes it: a row's NaN, such as its loss before any step, is NaN). A history
longer than a run keeps (``MAX_HISTORY_ROWS``; only a hand-made file has one) is thinned while it is read, as
``Trainer.record`` thins it, so a 50 MB file never holds its 180,000 rows as Python objects at once.

``load_run`` trusts nothing. It refuses, with a ``RunFileError`` that says why, a file over
``MAX_BYTES``, a pickle (seen by its first bytes, never unpickled), anything else that is not
safetensors, a truncated file, one without the marker or from a newer version, a config that
``TrainConfig.validate`` refuses (a field the file lacks takes its default), JSON of the wrong
types, and a tensor that is missing, unexpected, not finite, or of the wrong shape or dtype for
networks of the saved config (built on the meta device first, so a lying config allocates nothing).

The file is read into a Trainer of the saved config (which picks its device as every Trainer does:
``device="auto"`` by ``ganviz.core.autodevice``), through ``Trainer.load_state_dict``; it continues
as the saved one would have: same weights, optimizer state, random stream and pending losses, so the
same next step and metrics (bit for bit on the CPU, as tests/files/test_runfile.py checks). A run
saved on one kind of device loads on another (a run saved on a CUDA host, say, on a laptop), but the
random state of a CPU generator cannot feed a CUDA one nor the reverse: there the loaded run's random
stream is seeded from the saved state instead (``Trainer.load_state_dict``), and goes on differently.
"""

from __future__ import annotations

import codecs
import json
import math
from dataclasses import fields

import numpy as np
import torch
from safetensors import SafetensorError
from safetensors.torch import load as load_tensors, save as save_tensors

from ..core.custom import MAX_ABS, check_points
from ..core.distributions import GaussianMixture, get_distribution
from ..core.models import Generator
from ..core.config import CUSTOM, Refused, TrainConfig, shown
from ..core.trainer import MAX_HISTORY_ROWS, Trainer, bounded_history, build_discriminator

FORMAT = "ganviz-run"
VERSION = 1
MAX_BYTES = 50_000_000  # load_run refuses larger files; save_run never writes one
PICKLE_MAGIC = (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05")  # pickle protocols 2-5
ZIP_MAGIC = b"PK\x03\x04"  # a zip archive: what torch.save writes (a pickle inside)
OPT_STATE = {"adam": ("step", "exp_avg", "exp_avg_sq"), "sgd": ("momentum_buffer",)}  # tensors per parameter
RUN_KEYS = ("config", "step", "d_steps", "phase", "lr_g", "lr_d", "history")
TARGET_KEYS = ("target.means", "target.stds", "target.bounds")
# No run that trained holds a weight beyond MAX_ABS_WEIGHT (the trainer rolls back a divergence long before):
# a file that does was tampered with, and would only overflow at its first step. Optimizer state (Adam's
# squared gradients) and the pending losses may be larger, but not beyond MAX_ABS_STATE.
MAX_ABS_WEIGHT = 1e6
MAX_ABS_STATE = 1e12
MAX_WINDOW = 10 * MAX_ABS  # a custom target's window: its points' box (within MAX_ABS) widened by 4 kernel widths


class RunFileError(Refused):
    """A file ``load_run`` refuses; the message says what is wrong with it, in one line."""


def save_run(trainer: Trainer) -> bytes:
    """The whole state of ``trainer`` as the bytes of one run file (see the module docstring)."""
    state = trainer.state_dict()
    tensors = {f"{net}.{k}": v for net in ("G", "D") for k, v in state[net].items()}
    for name in ("opt_g", "opt_d"):
        for i, per_parameter in state[name]["state"].items():
            for key, value in per_parameter.items():
                if not torch.is_tensor(value):  # never so with the torch versions ganviz supports
                    raise ValueError(f"{name}'s {key} of parameter {i} is not a tensor; a run file holds only tensors")
                tensors[f"{name}.{i}.{key}"] = value
    tensors["rng"] = state["rng"]
    tensors["losses.d"], tensors["losses.g"] = state["losses"]["d"], state["losses"]["g"]
    if trainer.config.dist == CUSTOM:
        target = trainer.target
        if not np.all(target.weights == target.weights[0]):
            raise ValueError("a custom target must weigh its points equally (a KDE) to be saved")
        arrays = (target.means, target.stds, target.bounds)
        tensors.update({key: torch.from_numpy(np.array(a, dtype=np.float64)) for key, a in zip(TARGET_KEYS, arrays)})
    run = {"config": trainer.config.to_dict(), "step": state["step"], "d_steps": state["d_steps"],
           "phase": state["phase"], "lr_g": state["opt_g"]["param_groups"][0]["lr"],
           "lr_d": state["opt_d"]["param_groups"][0]["lr"], "history": state["history"]}
    metadata = {"format": FORMAT, "version": str(VERSION), "run": json.dumps(run)}
    data = save_tensors({k: v.detach().cpu().contiguous() for k, v in tensors.items()}, metadata=metadata)
    if len(data) > MAX_BYTES:
        raise ValueError(f"this run takes {len(data):,} bytes, more than a run file may ({MAX_BYTES:,})")
    return data


def load_run(data: bytes) -> Trainer:
    """The Trainer saved in ``data`` by ``save_run``, ready to go on; ``RunFileError`` saying why if refused."""
    run = _read_run_json(_metadata(data))
    try:
        tensors = load_tensors(bytes(data))
    except SafetensorError as err:
        raise RunFileError(f"not a readable safetensors file ({err})") from None
    config = _config(run["config"])
    _check_tensors(tensors, config)
    target = _target(tensors) if config.dist == CUSTOM else None
    try:
        trainer = Trainer(config, target)  # its device is chosen here, as for every run (``Trainer.device``)
    except ValueError as err:
        raise RunFileError(f"its config cannot run here: {err}") from None
    state = trainer.state_dict()  # the fresh run's, for its optimizers' settings; the file gives the rest
    state.update({net: {k[2:]: v for k, v in tensors.items() if k.startswith(net + ".")} for net in ("G", "D")})
    for name, lr in (("opt_g", run["lr_g"]), ("opt_d", run["lr_d"])):
        per_parameter = {}
        for key, value in tensors.items():
            if key.startswith(name + "."):
                _, i, what = key.split(".", 2)
                per_parameter.setdefault(int(i), {})[what] = value
        state[name] = {"state": per_parameter, "param_groups": [dict(g, lr=lr) for g in state[name]["param_groups"]]}
    state.update(step=run["step"], d_steps=run["d_steps"], history=run["history"], rng=tensors["rng"],
                 phase=run["phase"],  # the D steps done inside the current iteration, for runs taken beat by beat
                 losses={"d": tensors["losses.d"], "g": tensors["losses.g"]})
    try:
        trainer.load_state_dict(state)
    except ValueError as err:
        raise RunFileError(str(err).replace("the random", "its random", 1)) from None
    return trainer


def _metadata(data: bytes) -> dict:
    """The safetensors metadata of ``data``, after checking its size, framing, marker and version."""
    size = len(data)
    if size == 0:
        raise RunFileError("the file is empty")
    if size > MAX_BYTES:
        raise RunFileError(f"the file is {size:,} bytes; a run file is at most {MAX_BYTES:,}")
    head = bytes(data[:9])
    n = int.from_bytes(head[:8], "little")  # safetensors: the header's length, then the header, a JSON object
    if size < 9 or n > MAX_BYTES or head[8:9] != b"{":
        if head.startswith(ZIP_MAGIC):
            raise RunFileError("this is a zip archive (torch.save writes one, with a pickle inside), not a ganviz run "
                               "file; ganviz never unpickles a file, which could run any code")
        if head.startswith(PICKLE_MAGIC):
            raise RunFileError("this is a pickle (made by torch.save or pickle.dump), not a ganviz run file; "
                               "ganviz never unpickles a file, which could run any code")
        if size < 9:
            raise RunFileError(f"the file is truncated, or not a ganviz run file: {size} bytes is too short")
        raise RunFileError("not a ganviz run file (not safetensors)")
    if 8 + n > size:
        raise RunFileError(f"the file is truncated: it ends at byte {size:,}, inside its {n:,}-byte header")
    try:
        header = json.loads(codecs.decode(memoryview(data)[8:8 + n], "utf-8"))  # decoded in place: no copy of the bytes
        metadata = header.get("__metadata__") or {}
        end = max((int(v["data_offsets"][1]) for k, v in header.items() if k != "__metadata__"), default=0)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        raise RunFileError("not a ganviz run file (its safetensors header is unreadable)") from None
    if 8 + n + end > size:
        raise RunFileError(f"the file is truncated: it ends at byte {size:,}, its tensors need {8 + n + end:,}")
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT:
        raise RunFileError(f"not a ganviz run file (a safetensors file without the {FORMAT} marker)")
    version = metadata.get("version")
    if isinstance(version, str) and version.isascii() and version.isdigit() and int(version) > VERSION:
        raise RunFileError(f"written by a newer format version ({version}) than this ganviz reads ({VERSION}); "
                           "update ganviz to load it")
    if version != str(VERSION):
        raise RunFileError(f"unknown format version {shown(version)}")
    _same_keys(metadata, ("format", "version", "run"), "metadata key")
    return metadata


def _read_run_json(metadata: dict) -> dict:
    """The ``run`` JSON object, its types checked; its history at most ``MAX_HISTORY_ROWS`` rows (``_Rows``)."""
    rows = _Rows()
    try:
        run = json.loads(metadata["run"], object_hook=rows.take)
    except (ValueError, TypeError, RecursionError):
        raise RunFileError("its run metadata is not JSON") from None
    if not isinstance(run, dict):
        raise RunFileError("its run metadata is not a JSON object")
    _same_keys(run, RUN_KEYS, "run field")
    for key in ("step", "d_steps", "phase"):
        if not (_is_whole(run[key]) and run[key] >= 0):
            raise RunFileError(f"{key} must be a whole number >= 0 (got {shown(run[key])})")
    for key in ("lr_g", "lr_d"):
        if not (_is_number(run[key]) and math.isfinite(run[key]) and run[key] > 0):
            raise RunFileError(f"{key} must be a positive number (got {shown(run[key])})")
    if not isinstance(run["config"], dict):
        raise RunFileError("config must be a JSON object")
    if not isinstance(run["history"], list):
        raise RunFileError("history must be a list of rows")
    for i, row in enumerate(run["history"]):
        if row is not _ROW:
            raise RunFileError(f"history row {i} is not a row of metrics (numbers, with a whole step and d_steps)")
    if rows.seen != len(run["history"]):
        raise RunFileError("its run metadata holds a row of metrics outside its history")
    run["history"] = rows.kept
    return run


class _Taken:
    """What ``_Rows.take`` leaves in the parsed JSON in place of a metrics row it took (one object, ``_ROW``)."""

    def __repr__(self) -> str:
        return "<a row of metrics>"  # as a refusal quotes a field that holds a row: "step must be ... (got <a row...>)"


_ROW = _Taken()


class _Rows:
    """A run's metrics rows, taken out of its JSON as the parser makes them (``json.loads``'s ``object_hook``):
    at most ``MAX_HISTORY_ROWS`` are kept, thinned as ``Trainer.record`` thins them while a run records them
    (``bounded_history``), so that a file of 180,000 rows never holds 180,000 rows in memory at once. Each
    JSON object that is a row of metrics (numbers or lists of numbers, a whole ``step`` and ``d_steps``) is
    taken and replaced by ``_ROW``; any other object is left as it is, for the checks after the parse."""

    def __init__(self):
        self.kept: list[dict] = []
        self.seen = 0

    def take(self, row: dict):
        numbers = all(_is_number(v) or (isinstance(v, list) and all(map(_is_number, v))) for v in row.values())
        if not (numbers and _is_whole(row.get("step")) and _is_whole(row.get("d_steps"))):
            return row
        self.seen += 1
        self.kept.append(row)
        if len(self.kept) > MAX_HISTORY_ROWS:
            self.kept = bounded_history(self.kept)
        return _ROW


def _config(values: dict) -> TrainConfig:
    """The saved TrainConfig, validated; a field the file lacks takes its default."""
    unknown = sorted(set(values) - {f.name for f in fields(TrainConfig)})
    if unknown:
        raise RunFileError(f"its config has an unknown field {shown(unknown[0])}")
    try:
        return TrainConfig(**values).validate()
    except ValueError as err:
        raise RunFileError(f"its config is invalid: {err}") from None


def _check_tensors(tensors: dict, config: TrainConfig) -> None:
    """Every tensor the run needs, none more, each finite and of the shape and dtype the config needs."""
    g_tensors = sum(k.startswith("G.") for k in tensors)
    if config.depth > g_tensors:  # every hidden layer has a weight: refuse before building a huge model
        raise RunFileError(f"its config needs {config.depth} hidden layers; the file holds {g_tensors} tensors of G")
    want = _wanted(tensors, config)
    _same_keys(tensors, want, "tensor")
    for name, (shape, dtype) in want.items():  # G's and D's weights first
        tensor = tensors[name]
        if shape is not None and tuple(tensor.shape) != shape:
            raise RunFileError(f"{_describe(name)} has shape {tuple(tensor.shape)} but the config needs {shape}")
        if shape is None and tensor.ndim != 1:
            raise RunFileError(f"{_describe(name)} must be a list of numbers (got shape {tuple(tensor.shape)})")
        if tensor.dtype != dtype:
            raise RunFileError(f"{_describe(name)} is {tensor.dtype} but the run needs {dtype}")
        if tensor.is_floating_point() and not torch.isfinite(tensor).all():
            raise RunFileError(f"{_describe(name)} holds NaN or infinite values")
        limit = MAX_ABS_WEIGHT if name[:2] in ("G.", "D.") else MAX_ABS_STATE
        if tensor.is_floating_point() and tensor.numel() and float(tensor.abs().max()) > limit:
            raise RunFileError(f"{_describe(name)} holds values beyond ±{limit:g}: not a run that trained")


def _wanted(tensors: dict, config: TrainConfig) -> dict:
    """Name -> (shape, dtype) of every tensor the run needs; shape None: any 1-D length (the random state's
    length is the saved device kind's; ``Trainer.load_state_dict`` takes it or seeds from it)."""
    dim = 2 if config.dist == CUSTOM else get_distribution(config.dist).dim
    try:
        with torch.device("meta"):  # shapes without memory
            nets = {"G": Generator(config.z_dim, dim, config.width, config.depth), "D": build_discriminator(config, dim)}
    except (RuntimeError, ValueError, TypeError, OverflowError) as err:
        raise RunFileError(f"its config describes networks that cannot be built ({str(err).splitlines()[0]})") from None
    want = {f"{n}.{k}": (tuple(v.shape), v.dtype) for n, net in nets.items() for k, v in net.state_dict().items()}
    for opt, net in (("opt_g", "G"), ("opt_d", "D")):
        saved = {k.split(".")[1] for k in tensors if k.startswith(opt + ".")}  # the parameters that have a state
        for i, p in enumerate(nets[net].parameters()):
            if str(i) in saved:
                for key in OPT_STATE[config.optimizer]:
                    want[f"{opt}.{i}.{key}"] = ((), torch.float32) if key == "step" else (tuple(p.shape), p.dtype)
    want["rng"] = (None, torch.uint8)
    want["losses.d"] = want["losses.g"] = (None, torch.float32)
    if config.dist == CUSTOM:
        means = tensors.get("target.means")
        n = means.shape[0] if means is not None and means.ndim else 0
        want.update(zip(TARGET_KEYS, (((n, 2), torch.float64), ((n,), torch.float64), ((2, 2), torch.float64))))
    return want


def _target(tensors: dict) -> GaussianMixture:
    """The custom target saved in the file: a mixture of equal weights on its points."""
    means, stds, bounds = (tensors[key].numpy() for key in TARGET_KEYS)
    try:
        check_points(means)
        if not np.all(bounds[:, 0] < bounds[:, 1]):
            raise ValueError("its window is empty")
        target = GaussianMixture(means, stds, bounds=bounds, name=CUSTOM)
        if not (np.abs(bounds).max() <= MAX_WINDOW and stds.max() <= MAX_ABS):
            raise ValueError(f"its window must lie within ±{MAX_WINDOW:,.0f} and its kernel widths in (0, {MAX_ABS:,.0f}]")
        return target
    except ValueError as err:  # BadPoints too
        raise RunFileError(f"its custom target is invalid: {err}") from None


def _same_keys(got, want, what: str) -> None:
    missing, unexpected = sorted(set(want) - set(got)), sorted(set(got) - set(want))
    if missing:
        raise RunFileError(f"missing {what} {shown(missing[0])}" + (f" (and {len(missing) - 1} more)" if missing[1:] else ""))
    if unexpected:
        raise RunFileError(f"unexpected {what} {shown(unexpected[0])}"
                           + (f" (and {len(unexpected) - 1} more)" if unexpected[1:] else ""))


def _describe(name: str) -> str:
    """'G's weight net.0.weight', 'opt_d's exp_avg of parameter 3', 'tensor rng'."""
    part = name.split(".", 2)
    if part[0] in ("G", "D"):
        return f"{part[0]}'s weight {name[2:]}"
    if part[0] in ("opt_g", "opt_d") and len(part) == 3:
        return f"{part[0]}'s {part[2]} of parameter {part[1]}"
    return f"tensor {name}"


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
