"""The 10,000 training images shipped with ganviz (ganviz/mnist/data): train[0:10000], checked, attributed."""

import gzip
import os
import shutil

import numpy as np
import pytest

from ganviz.mnist.idx import SUBSET_DIR, SUBSET_FILES, IdxError, load_split, load_subset


def test_the_subset_is_the_first_10000_training_images(mnist_dir):
    subset, full = load_subset(), load_split("train", mnist_dir)
    assert subset.images.shape == (10_000, 28, 28) and subset.images.dtype == np.uint8
    assert np.array_equal(subset.images, full.images[:10_000]) and np.array_equal(subset.labels, full.labels[:10_000])
    assert np.bincount(subset.labels, minlength=10).min() > 800  # every digit well represented


def test_the_subset_is_small_and_says_where_it_comes_from():
    size = sum(os.path.getsize(os.path.join(SUBSET_DIR, name + ".gz")) for name in SUBSET_FILES.values())
    assert size < 1.8e6
    readme = open(os.path.join(SUBSET_DIR, "README.md"), encoding="utf-8").read()
    assert "LeCun" in readme and "CC BY-SA 3.0" in readme and "train[0:10000]" in readme


def test_a_changed_subset_file_is_refused(tmp_path):
    shutil.copytree(SUBSET_DIR, tmp_path / "data")
    path = tmp_path / "data" / (SUBSET_FILES["images"] + ".gz")
    content = bytearray(gzip.open(path).read())
    content[-1] ^= 0xFF
    path.write_bytes(gzip.compress(bytes(content), compresslevel=1))
    with pytest.raises(IdxError, match="SHA-256"):
        load_subset(str(tmp_path / "data"))
