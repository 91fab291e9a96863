"""Reading the MNIST IDX files: the shared copies, and what a broken file does."""

import gzip
import os

import numpy as np
import pytest

from ganviz.mnist.idx import SHA256, IdxError, data_dir, has_data, load_split, parse_idx


def test_the_shared_files_read_as_mnist(mnist_dir):
    train, test = load_split("train", mnist_dir), load_split("test", mnist_dir)
    assert train.images.shape == (60_000, 28, 28) and train.images.dtype == np.uint8
    assert test.images.shape == (10_000, 28, 28) and test.labels.shape == (10_000,)
    assert np.bincount(train.labels).tolist() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert np.bincount(test.labels)[0] == 980
    assert train.images.mean() == pytest.approx(33.318, abs=1e-3)
    assert has_data(mnist_dir)


def test_the_embedded_checksums_are_those_of_the_sums_file(mnist_dir):
    with open(os.path.join(mnist_dir, "SHA256SUMS.uncompressed")) as file:
        listed = {name: digest for digest, name in (line.split() for line in file if line.strip())}
    assert len(listed) == 4 and listed == {name: SHA256[name] for name in listed}  # SHA256 also holds the subset's


def test_plain_files_read_too(mnist_dir, tmp_path):
    for name in ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        (tmp_path / name).write_bytes(gzip.open(os.path.join(mnist_dir, name + ".gz")).read())
    assert load_split("test", str(tmp_path)).images.shape == (10_000, 28, 28)


def test_a_truncated_file_is_refused_naming_it(mnist_dir, tmp_path):
    data = gzip.open(os.path.join(mnist_dir, "t10k-labels-idx1-ubyte.gz")).read()
    (tmp_path / "t10k-labels-idx1-ubyte").write_bytes(data[:-10])
    (tmp_path / "t10k-images-idx3-ubyte.gz").symlink_to(os.path.join(mnist_dir, "t10k-images-idx3-ubyte.gz"))
    with pytest.raises(IdxError, match="t10k-labels-idx1-ubyte.*SHA-256"):
        load_split("test", str(tmp_path))
    with pytest.raises(IdxError, match="t10k-labels-idx1-ubyte: 9998 bytes.*truncated"):
        load_split("test", str(tmp_path), verify=False)


def test_a_missing_folder_says_how_to_get_the_data(tmp_path):
    with pytest.raises(IdxError, match="not found.*python -m ganviz mnist download"):
        load_split("train", str(tmp_path))
    assert not has_data(str(tmp_path))


def test_a_corrupt_gzip_is_refused_naming_it(tmp_path):
    (tmp_path / "t10k-images-idx3-ubyte.gz").write_bytes(b"not gzip at all")
    with pytest.raises(IdxError, match="t10k-images-idx3-ubyte.gz: cannot be read"):
        load_split("test", str(tmp_path))


def test_parse_idx_checks_magic_type_and_size():
    header = bytes([0, 0, 8, 2]) + (2).to_bytes(4, "big") + (3).to_bytes(4, "big")
    assert parse_idx(header + bytes(range(6))).tolist() == [[0, 1, 2], [3, 4, 5]]
    with pytest.raises(IdxError, match="bad magic"):
        parse_idx(b"\x01\x00\x08\x01" + bytes(8))
    with pytest.raises(IdxError, match="type code 0x0d"):
        parse_idx(bytes([0, 0, 0x0D, 1]) + (1).to_bytes(4, "big") + bytes(4))
    with pytest.raises(IdxError, match="truncated or corrupt"):
        parse_idx(header + bytes(5))


def test_the_folder_comes_from_the_flag_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GANVIZ_MNIST_DIR", str(tmp_path))
    assert data_dir() == str(tmp_path)
    assert data_dir("/elsewhere") == "/elsewhere"
    monkeypatch.delenv("GANVIZ_MNIST_DIR")
    assert data_dir().endswith(os.path.join(".cache", "ganviz", "mnist"))
