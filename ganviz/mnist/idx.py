"""Reading the MNIST files in their original IDX format (gzipped or plain), checked as they are read.

An IDX file is a 4-byte magic number (two zero bytes, a type code, the number of
dimensions), one big-endian uint32 per dimension, then the values. MNIST uses the
type code 0x08 (unsigned bytes): 0x00000803 for images (n, 28, 28), 0x00000801 for
labels (n,). Every problem is reported as an ``IdxError`` that names the file.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass

import numpy as np

FILES = {
    ("train", "images"): "train-images-idx3-ubyte",
    ("train", "labels"): "train-labels-idx1-ubyte",
    ("test", "images"): "t10k-images-idx3-ubyte",
    ("test", "labels"): "t10k-labels-idx1-ubyte",
}
SIZES = {"train": 60_000, "test": 10_000}
# SHA-256 of each file after gunzip: the original distribution's, as listed in SHA256SUMS.uncompressed.
SHA256 = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
SUMS_FILE = "SHA256SUMS.uncompressed"
# The subset shipped with ganviz (ganviz/mnist/data, see its README.md): train[0:10000], images and labels, in the
# same IDX format; it trains the MNIST page's live GAN and feeds Figure 2 when the full set is not downloaded.
SUBSET_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
SUBSET_SIZE = 10_000
SUBSET_FILES = {"images": "train-10k-images-idx3-ubyte", "labels": "train-10k-labels-idx1-ubyte"}
SHA256.update({
    "train-10k-images-idx3-ubyte": "2889698e6bc3614913e76901316712919d1998fc2b44512451bfe65bc1e668b1",
    "train-10k-labels-idx1-ubyte": "651e38e2ac0632f5113ec18f1df4977117f953197819034009971a6675a0df78",
})
ENV_VAR = "GANVIZ_MNIST_DIR"
DEFAULT_DIR = os.path.join("~", ".cache", "ganviz", "mnist")


class IdxError(ValueError):
    """A missing, truncated or malformed MNIST file; the message names the file."""


@dataclass(frozen=True)
class Split:
    """One MNIST split: ``images`` uint8 (n, 28, 28), 0 = background, 255 = ink; ``labels`` uint8 (n,)."""

    images: np.ndarray
    labels: np.ndarray


def to_unit(images) -> np.ndarray:
    """uint8 images (255 = ink) -> float32 in [0, 1]; float images are taken as already in [0, 1]."""
    array = np.asarray(images)
    return array.astype(np.float32) / 255 if array.dtype == np.uint8 else array.astype(np.float32, copy=False)


def data_dir(path: str | None = None) -> str:
    """The MNIST folder: ``path`` if given, else ``$GANVIZ_MNIST_DIR``, else ~/.cache/ganviz/mnist."""
    return os.path.expanduser(path or os.environ.get(ENV_VAR) or DEFAULT_DIR)


def find_file(folder: str, name: str) -> str:
    """The path of ``name`` (or ``name.gz``) in ``folder``; IdxError if neither exists."""
    for candidate in (name + ".gz", name):
        path = os.path.join(folder, candidate)
        if os.path.isfile(path):
            return path
    raise IdxError(f"{os.path.join(folder, name)}(.gz) not found; get MNIST with `python -m ganviz mnist download "
                   f"--data {folder}` or point --data / {ENV_VAR} at a folder holding the four IDX files")


def read_bytes(path: str) -> bytes:
    """The uncompressed content of an IDX file, gunzipping when its name ends in .gz."""
    try:
        if path.endswith(".gz"):
            with gzip.open(path, "rb") as file:
                return file.read()
        with open(path, "rb") as file:
            return file.read()
    except (OSError, EOFError) as err:  # gzip raises these on a truncated or non-gzip file
        raise IdxError(f"{path}: cannot be read ({err})") from err


def parse_idx(data: bytes, path: str = "<bytes>") -> np.ndarray:
    """An IDX payload -> a uint8 array of the shape its header gives; IdxError if malformed."""
    if len(data) < 4 or data[0] != 0 or data[1] != 0:
        raise IdxError(f"{path}: not an IDX file (bad magic number)")
    if data[2] != 0x08:
        raise IdxError(f"{path}: IDX type code 0x{data[2]:02x}, expected 0x08 (unsigned bytes)")
    ndim = data[3]
    header = 4 + 4 * ndim
    if len(data) < header:
        raise IdxError(f"{path}: truncated IDX header")
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    expected = header + int(np.prod(shape, dtype=np.int64))
    if len(data) != expected:
        raise IdxError(f"{path}: {len(data)} bytes, but its header {shape} needs {expected} (truncated or corrupt)")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape)


def check_sum(data: bytes, name: str, path: str) -> None:
    """IdxError if ``data`` (uncompressed) is not the original MNIST file ``name`` (see ``SHA256``)."""
    if name in SHA256 and hashlib.sha256(data).hexdigest() != SHA256[name]:
        raise IdxError(f"{path}: SHA-256 of its content does not match the original MNIST {name} "
                       "(corrupt, or a different file)")


def load_split(split: str = "train", folder: str | None = None, verify: bool = True) -> Split:
    """Read the ``train`` (60,000) or ``test`` (10,000) split from ``folder`` (see ``data_dir``).

    With ``verify`` the uncompressed bytes are checked against the original files'
    SHA-256 (``SHA256``). Shapes and sizes are always checked.
    """
    if split not in SIZES:
        raise ValueError(f"unknown MNIST split {split!r}; choose train or test")
    folder = data_dir(folder)
    arrays = {}
    for kind in ("images", "labels"):
        name = FILES[(split, kind)]
        path = find_file(folder, name)
        data = read_bytes(path)
        if verify:
            check_sum(data, name, path)
        array = parse_idx(data, path)
        want = (SIZES[split], 28, 28) if kind == "images" else (SIZES[split],)
        if array.shape != want:
            raise IdxError(f"{path}: shape {array.shape}, expected {want}")
        arrays[kind] = array
    if arrays["labels"].max() > 9:
        raise IdxError(f"{find_file(folder, FILES[(split, 'labels')])}: labels above 9")
    return Split(**arrays)


def load_subset(folder: str | None = None) -> Split:
    """The 10,000 training images shipped with ganviz: MNIST train[0:10000] (index i is training image #i),
    checked against their SHA-256 like the full files."""
    folder = folder or SUBSET_DIR
    arrays = {}
    for kind, name in SUBSET_FILES.items():
        path = find_file(folder, name)
        data = read_bytes(path)
        check_sum(data, name, path)
        array = parse_idx(data, path)
        want = (SUBSET_SIZE, 28, 28) if kind == "images" else (SUBSET_SIZE,)
        if array.shape != want:
            raise IdxError(f"{path}: shape {array.shape}, expected {want}")
        arrays[kind] = array
    return Split(**arrays)


def has_data(folder: str | None = None) -> bool:
    """Whether ``folder`` (see ``data_dir``) holds all four MNIST files, without reading them."""
    folder = data_dir(folder)
    try:
        for name in FILES.values():
            find_file(folder, name)
    except IdxError:
        return False
    return True
