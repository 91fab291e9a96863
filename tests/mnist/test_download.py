"""``python -m ganviz mnist download`` against a local HTTP server on 127.0.0.1 (never the real network)."""

import functools
import gzip
import http.server
import os
import threading

import pytest

from ganviz.cli.commands import main
from ganviz.mnist.download import DownloadError, download
from ganviz.mnist.idx import load_split


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
            (bad / name).write_bytes(gzip.compress(bytes(content)))
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
