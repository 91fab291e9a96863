"""``python -m ganviz mnist download`` against a local HTTP server on 127.0.0.1 (never the real network)."""

import functools
import gzip
import http.server
import os
import shutil
import threading

import pytest

from ganviz.cli.commands import main
from ganviz.mnist.download import DownloadError, download, ensure_data, find_data
from ganviz.mnist.idx import ENV_VAR, load_split


@pytest.fixture
def serve():
    servers = []

    def start(folder) -> str:
        handler = functools.partial(Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_download_fetches_and_verifies_the_four_files(serve, mnist_dir, tmp_path, capsys):
    mirror = serve(mnist_dir)
    out = tmp_path / "mnist"
    assert main(["mnist", "download", "--data", str(out), "--mirror", mirror]) == 0
    assert sorted(os.listdir(out)) == ["SHA256SUMS.uncompressed", "t10k-images-idx3-ubyte.gz",
                                       "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
                                       "train-labels-idx1-ubyte.gz"]
    assert load_split("test", str(out)).images.shape == (10_000, 28, 28)
    assert capsys.readouterr().out.count("verified") == 4
    assert download(str(out), [mirror], log=lambda _: None) == [], "files already present are not fetched again"


def test_a_checksum_mismatch_is_refused_and_the_next_mirror_used(serve, mnist_dir, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    for name in os.listdir(mnist_dir):
        if name.endswith(".gz"):
            content = bytearray(gzip.open(os.path.join(mnist_dir, name)).read())
            content[-1] ^= 0xFF  # one pixel or label changed
            (bad / name).write_bytes(gzip.compress(bytes(content), compresslevel=1))  # level 1: fast
    out = tmp_path / "out"
    with pytest.raises(DownloadError, match="train-images-idx3-ubyte: no mirror.*SHA-256 mismatch, refused"):
        download(str(out), [serve(bad)], log=lambda _: None)
    assert not any(name.endswith(".gz") for name in os.listdir(out)), "a refused file is not kept"
    fetched = download(str(out), [serve(bad), serve(mnist_dir)], log=lambda _: None)
    assert len(fetched) == 4 and load_split("train", str(out)).labels[0] == 5


def test_an_unreachable_mirror_gives_a_one_line_error(serve, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["mnist", "download", "--data", str(tmp_path / "out"), "--mirror", serve(empty)]) == 1
    err = capsys.readouterr().err
    assert "train-images-idx3-ubyte: no mirror served it" in err and "404" in err and err.count("\n") == 1


def test_find_data_looks_in_the_env_folder_then_the_user_cache_then_the_given_folders(mnist_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # the user cache: ~/.cache/ganviz/mnist
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "empty"))
    assert find_data() is None and find_data(str(tmp_path / "nowhere")) is None
    assert find_data(str(tmp_path / "nowhere"), mnist_dir) == mnist_dir
    cache = tmp_path / "home" / ".cache" / "ganviz" / "mnist"
    shutil.copytree(mnist_dir, cache)
    assert find_data(mnist_dir) == str(cache), "the user cache comes before the given folders"
    monkeypatch.setenv(ENV_VAR, mnist_dir)
    assert find_data() == mnist_dir, "$GANVIZ_MNIST_DIR comes first"


def test_ensure_data_downloads_once_into_the_data_dir(serve, mnist_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(ENV_VAR, raising=False)
    mirror, lines = serve(mnist_dir), []
    folder = ensure_data(str(tmp_path / "nowhere"), mirrors=[mirror], log=lines.append)
    assert folder == str(tmp_path / "home" / ".cache" / "ganviz" / "mnist") and len(lines) == 4
    assert all("fetched from" in line and "verified" in line for line in lines)  # download() checked each SHA-256
    assert ensure_data(mirrors=[mirror], log=lines.append) == folder and len(lines) == 4, "found, not fetched again"


def test_ensure_data_offline_raises_a_download_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "mnist"))
    with pytest.raises(DownloadError, match="train-images-idx3-ubyte: no mirror served it"):
        ensure_data(mirrors=["http://127.0.0.1:9/"], timeout=5, log=lambda _: None)  # port 9: nobody listens
    assert not [name for name in os.listdir(tmp_path / "mnist") if name.endswith(".gz")]


def test_progress_is_reported_as_the_bytes_arrive_up_to_the_total(serve, mnist_dir, tmp_path):
    mirror, calls = serve(mnist_dir), []
    download(str(tmp_path / "out"), [mirror], log=lambda _: None, progress=lambda done, total: calls.append((done, total)))
    served = sum(os.path.getsize(os.path.join(mnist_dir, name)) for name in os.listdir(mnist_dir) if name.endswith(".gz"))
    assert len(calls) > 100  # 64 KB at a time: a bar that moves
    assert calls[-1] == (served, served)  # the server's Content-Length replaced the expected sizes
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:])) and all(d <= t for d, t in calls)
    calls.clear()
    download(str(tmp_path / "out"), [mirror], log=lambda _: None, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1], "files already present count as done"


def test_the_mirrors_can_be_replaced_by_an_environment_variable(monkeypatch):
    from ganviz.mnist.download import MIRRORS, MIRRORS_VAR, mirrors

    monkeypatch.delenv(MIRRORS_VAR, raising=False)
    assert mirrors() == MIRRORS
    monkeypatch.setenv(MIRRORS_VAR, "http://a.example/mnist/, http://b.example/")
    assert mirrors() == ("http://a.example/mnist/", "http://b.example/")
