"""Weights on disk: safetensors files only (never a pickle), read with errors that name the file.

A ganviz weights file holds the tensors of one network plus a JSON string under the
metadata key ``ganviz`` that says which network it is and how to rebuild it
(``{"network": "generator", "z_dim": 100, "widths": [...]}``).
"""

from __future__ import annotations

import json
import os

import numpy as np
import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import load_file, save_file

from .classifier import MnistClassifier
from .models import ConvDiscriminator, ConvGenerator, MnistDiscriminator, MnistGenerator, latents, to_pixels

WEIGHTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights")
GENERATOR_FILE = "generator.safetensors"
DISCRIMINATOR_FILE = "discriminator.safetensors"
CLASSIFIER_FILE = "classifier.safetensors"
PROGRESS_FILE = "progress.safetensors"
CARD_FILE = "card.json"
PICKLE_MAGIC = (b"\x80", b"PK\x03\x04")  # pickle protocol 2+, and torch.save's zip archive


class WeightsError(ValueError):
    """A missing, truncated, corrupt, pickled or mismatched weights file; the message names the file."""


def write_tensors(path: str, tensors: dict[str, torch.Tensor], info: dict) -> None:
    """Save ``tensors`` and the JSON ``info`` to ``path`` as safetensors, atomically (tmp file + rename)."""
    tmp = path + ".tmp"
    save_file({k: v.detach().cpu().contiguous() for k, v in tensors.items()}, tmp, metadata={"ganviz": json.dumps(info)})
    os.replace(tmp, path)


def read_tensors(path: str) -> tuple[dict[str, torch.Tensor], dict]:
    """The tensors and the ``ganviz`` info of a safetensors file; WeightsError naming the file otherwise."""
    if not os.path.isfile(path):
        raise WeightsError(f"{path}: weights file not found")
    with open(path, "rb") as file:
        head = file.read(8)
    if head.startswith(PICKLE_MAGIC):
        raise WeightsError(f"{path}: this is a pickle (torch.save) file; ganviz loads only safetensors, "
                           "which cannot run code")
    try:
        tensors = load_file(path)
        with safe_open(path, framework="pt") as file:
            metadata = file.metadata() or {}
        info = json.loads(metadata.get("ganviz", "{}"))
    except (SafetensorError, OSError, ValueError) as err:
        raise WeightsError(f"{path}: not a readable safetensors file, truncated or corrupt ({err})") from err
    return tensors, info


def load_state(module: torch.nn.Module, tensors: dict[str, torch.Tensor], path: str) -> None:
    """Copy ``tensors`` into ``module`` (cast to its dtype); WeightsError naming ``path`` on any mismatch."""
    own = module.state_dict()
    missing, extra = sorted(set(own) - set(tensors)), sorted(set(tensors) - set(own))
    if missing or extra:
        raise WeightsError(f"{path}: tensors do not match the network (missing {missing[:3]}, unexpected {extra[:3]})")
    for name, tensor in tensors.items():
        if tuple(tensor.shape) != tuple(own[name].shape):
            raise WeightsError(f"{path}: {name} has shape {tuple(tensor.shape)}, the network needs {tuple(own[name].shape)}")
    module.load_state_dict({k: v.to(own[k].dtype) for k, v in tensors.items()})


def read_network(path: str, network: str) -> tuple[torch.nn.Module, dict]:
    """Rebuild the ``generator``, ``discriminator`` or ``classifier`` saved in ``path``, in eval mode, float32 on the CPU."""
    tensors, info = read_tensors(path)
    if info.get("network") != network:
        raise WeightsError(f"{path}: holds {info.get('network') or 'an unknown network'}, expected the {network}")
    try:
        module = build_network(info)
    except (KeyError, TypeError, ValueError) as err:
        raise WeightsError(f"{path}: its metadata does not describe a {network} ({err})") from err
    load_state(module, tensors, path)
    return module.eval(), info


def build_network(info: dict) -> torch.nn.Module:
    """An untrained network of the kind and shape ``info`` (a file's metadata) describes."""
    if info.get("arch") == "conv":
        if info["network"] == "generator":
            return ConvGenerator(int(info["z_dim"]), int(info["channels"]))
        if info["network"] == "discriminator":
            return ConvDiscriminator(int(info["channels"]))
    widths = tuple(int(w) for w in info["widths"])
    if info["network"] == "generator":
        return MnistGenerator(int(info["z_dim"]), widths)
    if info["network"] == "discriminator":
        return MnistDiscriminator(widths, float(info["dropout"]))
    return MnistClassifier(widths, float(info["dropout"]))


def network_info(module: torch.nn.Module) -> dict:
    """What ``build_network`` needs to rebuild ``module``."""
    if isinstance(module, ConvGenerator):
        return {"network": "generator", "arch": "conv", "z_dim": module.z_dim, "channels": module.channels}
    if isinstance(module, ConvDiscriminator):
        return {"network": "discriminator", "arch": "conv", "channels": module.channels}
    if isinstance(module, MnistGenerator):
        return {"network": "generator", "z_dim": module.z_dim, "widths": list(module.widths)}
    name = "discriminator" if isinstance(module, MnistDiscriminator) else "classifier"
    return {"network": name, "widths": list(module.widths), "dropout": module.dropout}


def write_network(path: str, module: torch.nn.Module, dtype: torch.dtype = torch.float16, **extra) -> None:
    """Save ``module``'s weights in ``dtype`` (float16 halves the file) with its ``network_info``."""
    write_tensors(path, {k: v.to(dtype) for k, v in module.state_dict().items()}, {**network_info(module), **extra})


class PretrainedGenerator:
    """A loaded generator (and, when shipped beside it, its discriminator); immutable after loading."""

    def __init__(self, generator: MnistGenerator, info: dict, discriminator: MnistDiscriminator | None = None):
        self.generator, self.info, self.discriminator = generator, info, discriminator
        self.z_dim = generator.z_dim

    @torch.no_grad()
    def generate(self, z) -> np.ndarray:
        """Images in [0, 1], float32 (n, 28, 28), for the noise rows ``z`` (n, z_dim)."""
        z = torch.as_tensor(np.asarray(z, dtype=np.float32)).reshape(-1, self.z_dim)
        return to_pixels(self.generator(z)).numpy()

    def latents(self, n: int, seed: int) -> np.ndarray:
        """The noise behind ``sample(n, seed)``: float32 (n, z_dim)."""
        return latents(n, seed, self.z_dim).numpy()

    def sample(self, n: int, seed: int = 0) -> np.ndarray:
        """``n`` samples in [0, 1], float32 (n, 28, 28); the same seed gives the same samples."""
        if n < 0:
            raise ValueError(f"n must be >= 0 (got {n})")
        return self.generate(self.latents(n, seed))

    @torch.no_grad()
    def score(self, images: np.ndarray) -> np.ndarray | None:
        """D(x) in (0, 1) for images in [0, 1] (n, 28, 28); None when no discriminator was shipped."""
        if self.discriminator is None:
            return None
        x = torch.as_tensor(np.asarray(images, dtype=np.float32)).reshape(len(images), -1) * 2 - 1
        return torch.sigmoid(self.discriminator(x)).numpy()


def load_generator(folder: str | None = None, with_discriminator: bool = True) -> PretrainedGenerator:
    """The generator in ``folder`` (default: the one shipped in ganviz/mnist/weights), and its D if present."""
    folder = folder or WEIGHTS_DIR
    generator, info = read_network(os.path.join(folder, GENERATOR_FILE), "generator")
    d_path = os.path.join(folder, DISCRIMINATOR_FILE)
    discriminator = read_network(d_path, "discriminator")[0] if with_discriminator and os.path.exists(d_path) else None
    return PretrainedGenerator(generator, info, discriminator)


def read_progress(folder: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The training-progress frames: uint8 (k, n, 28, 28) images of one fixed noise batch, and their steps (k,)."""
    path = os.path.join(folder or WEIGHTS_DIR, PROGRESS_FILE)
    tensors, _ = read_tensors(path)
    if "frames" not in tensors or "steps" not in tensors or tensors["frames"].ndim != 4:
        raise WeightsError(f"{path}: expected tensors 'frames' (k, n, 28, 28) and 'steps' (k,)")
    return tensors["frames"].numpy(), tensors["steps"].numpy()


def read_card(folder: str | None = None) -> dict:
    """The model card (JSON) beside the weights; {} if there is none."""
    path = os.path.join(folder or WEIGHTS_DIR, CARD_FILE)
    if not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def load_classifier(folder: str | None = None):
    """The MNIST classifier shipped beside the weights (see ``classifier.py``)."""
    return read_network(os.path.join(folder or WEIGHTS_DIR, CLASSIFIER_FILE), "classifier")[0]
