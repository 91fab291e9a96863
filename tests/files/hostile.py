"""The hostile run files of issue 26, made from one small valid run: what a hostile student or a careless
teacher could upload to the page or pass to ``ganviz train --resume``.

``python -m tests.files.hostile DIR`` writes them to DIR (each a few kB) for trying by hand in the browser or
on the command line; the tests build them in memory (``corpus()``). Each entry: name -> (bytes, what loading
must do): "refused" (``RunFileError``), or "diverges" (loads, and the first steps are caught as a divergence).
"""

from __future__ import annotations

import io
import json
import pickle
import random
import sys
from dataclasses import replace
from pathlib import Path

import torch

from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer
from ganviz.files.runfile import save_run

BASE = TrainConfig(width=4, depth=1, device="cpu", batch=16)


def base_run() -> bytes:
    trainer = Trainer(BASE)
    trainer.train(2)
    return save_run(trainer)


def split(data: bytes) -> tuple[dict, bytes]:
    """A safetensors file's header (JSON) and its tensors' bytes."""
    n = int.from_bytes(data[:8], "little")
    return json.loads(data[8:8 + n]), data[8 + n:]


def join(header: dict, body: bytes) -> bytes:
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return len(text).to_bytes(8, "little") + text + body


def with_run(data: bytes, change) -> bytes:
    """``data`` with its ``run`` metadata (a dict) changed by ``change(run)`` in place."""
    header, body = split(data)
    run = json.loads(header["__metadata__"]["run"])
    change(run)
    header["__metadata__"]["run"] = json.dumps(run)
    return join(header, body)


def with_config(data: bytes, **fields) -> bytes:
    return with_run(data, lambda run: run["config"].update(fields))


def with_metadata(data: bytes, **fields) -> bytes:
    header, body = split(data)
    header["__metadata__"].update(fields)
    return join(header, body)


def with_weights(data: bytes, scale: float | None = None, value: float | None = None) -> bytes:
    """Every weight of G and D times ``scale``, or set to ``value``, through the library's own writer."""
    from safetensors.torch import load, save

    header, _ = split(data)
    tensors = load(data)
    for name, tensor in tensors.items():
        if name[:2] in ("G.", "D."):
            tensors[name] = tensor * scale if scale is not None else torch.full_like(tensor, value)
    return save(tensors, metadata=header["__metadata__"])


def with_header(data: bytes, change) -> bytes:
    header, body = split(data)
    change(header)
    return join(header, body)


def corpus() -> dict[str, tuple[bytes, str]]:
    good = base_run()
    rng = random.Random(26)
    first = next(k for k in split(good)[0] if k != "__metadata__")
    out = {
        "empty": b"",
        "random-bytes": bytes(rng.randrange(256) for _ in range(4096)),
        "text": b"hello, this is not a run\n",
        "truncated-header": good[:20],
        "truncated-tensors": good[:-10],
        "header-1e15": (10**15).to_bytes(8, "little") + b"{" + good[9:200],
        "offset-4GB": with_header(good, lambda h: h[first].update(data_offsets=[0, 4 * 2**30])),
        "dtype-foreign": with_header(good, lambda h: h[first].update(dtype="F8_E4M3")),
        "shape-lies": with_header(good, lambda h: h[first].update(shape=[10**9, 10**9])),
        "no-marker": with_metadata(good, format="something-else"),
        "newer-version": with_metadata(good, version="99"),
        "version-markdown": with_metadata(good, version="![b](http://example.invalid/v.png)"),
        "run-not-json": with_metadata(good, run="{not json"),
        "run-deep-json": with_metadata(good, run="[" * 100_000 + "]" * 100_000),
        "nan-weights": with_weights(good, value=float("nan")),
        "weights-x1e30": with_weights(good, scale=1e30),
        "dist-traversal": with_config(good, dist="../../../../etc/passwd"),
        "dist-markdown": with_config(good, dist="![beacon](http://example.invalid/b.png) [link](http://example.invalid)"),
        "dist-900kB": with_config(good, dist="x" * 900_000),
        "k-1e9": with_config(good, k=10**9),
        "k-2.0": with_config(good, k=2.0),
        "k-true": with_config(good, k=True),
        "batch-1e7": with_config(good, batch=10**7),
        "seed-1e30": with_config(good, seed=1e30),
        "width-1e6": with_config(good, width=10**6),
        "depth-1e6": with_config(good, depth=10**6),
        "lr-nan": with_config(good, lr_d=float("nan")),
        "device-gpu9": with_config(good, device="cuda:99999"),
        "unknown-field": with_config(good, evil=1),
        "step-negative": with_run(good, lambda run: run.update(step=-5)),
        "history-not-rows": with_run(good, lambda run: run.update(history=[{"step": "x"}])),
    }
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        out[f"pickle-{protocol}"] = pickle.dumps({"G": [1, 2, 3]}, protocol=protocol)
    buffer = io.BytesIO()
    torch.save({"G": torch.zeros(3)}, buffer)
    out["torch-save-zip"] = buffer.getvalue()
    from safetensors.torch import save

    out["foreign-safetensors"] = save({"weight": torch.zeros(3)}, metadata={"format": "pt"})
    expect = {name: "refused" for name in out}
    expect["weights-x1e30"] = "refused"  # beyond MAX_ABS_WEIGHT: refused before any step
    return {name: (data, expect[name]) for name, data in out.items()}


AS_SAVED = {  # legitimate runs the page once broke or changed; each must load exactly as saved
    "k-11": {"k": 11}, "device-cpu": {"device": "cpu"}, "momentum": {"optimizer": "sgd", "momentum": 0.7},
    "seed-50000": {"seed": 50_000}, "width-48": {"width": 48}, "batch-100": {"batch": 100}, "lr_d-0.003": {"lr_d": 0.003},
}


def legitimate() -> dict[str, tuple[bytes, TrainConfig]]:
    out = {}
    for name, change in AS_SAVED.items():
        config = replace(BASE, **change)
        trainer = Trainer(config)
        trainer.train(2)
        out[name] = (save_run(trainer), config)
    return out


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-runs")
    folder.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in corpus().items():
        (folder / f"{name}.ganviz").write_bytes(data)
    for name, (data, _) in legitimate().items():
        (folder / f"ok-{name}.ganviz").write_bytes(data)
    print(f"wrote {len(corpus()) + len(AS_SAVED)} files to {folder}")
