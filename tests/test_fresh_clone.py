"""A fresh clone anywhere passes its tests (issue 18): the committed HEAD cloned into a temporary folder, with no
../shared beside it and no MNIST where the suite looks, runs a fast subset with this interpreter.

Offline, the MNIST tests skip with one line and the rest pass; with ``GANVIZ_REQUIRE_MNIST=1`` (CI) they fail
instead; with a mirror (a local HTTP server here) the suite downloads the files once into the user cache and runs
them. The browser tests of the pages other than MNIST do not ask for the MNIST fixture at all.
"""

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MNIST_TESTS = ["tests/mnist/test_idx.py::test_the_embedded_checksums_are_those_of_the_sums_file",
               "tests/mnist/test_idx.py::test_plain_files_read_too"]
OTHER_TESTS = ["tests/mnist/test_idx.py::test_a_missing_folder_says_how_to_get_the_data",
               "tests/mnist/test_idx.py::test_parse_idx_checks_magic_type_and_size"]
OFFLINE = "http://127.0.0.1:9/"  # the discard port: nothing listens, so a download fails at once


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout to clone")
    folder = tmp_path_factory.mktemp("clone") / "ganviz"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(folder)], check=True, timeout=120)
    assert not any((up / "shared").exists() for up in (folder.parent, folder.parent.parent)), "no ../shared beside it"
    return folder


def pytest_in(clone: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """pytest in the clone, with an empty home (so an empty user cache) and no GANVIZ_ or pytest variables of ours."""
    home = clone.parent / "home"
    home.mkdir(exist_ok=True)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GANVIZ_", "PYTEST_"))}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=clone,
                          env={**clean, "HOME": str(home), **env}, capture_output=True, text=True, timeout=300)
    done.out = done.stdout + done.stderr
    return done


def test_offline_the_mnist_tests_skip_with_one_line_and_the_rest_pass(clone):
    done = pytest_in(clone, *MNIST_TESTS, *OTHER_TESTS, GANVIZ_TEST_MNIST_MIRRORS=OFFLINE)
    assert done.returncode == 0, done.out
    assert re.search(r"\b2 passed, 2 skipped\b", done.out), done.out
    skipped = [line for line in done.out.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1 and skipped[0].startswith("SKIPPED [2] tests/conftest.py"), done.out
    assert "MNIST data missing" in skipped[0] and "ganviz mnist download" in skipped[0]


def test_ci_requires_mnist(clone):
    done = pytest_in(clone, MNIST_TESTS[0], GANVIZ_TEST_MNIST_MIRRORS=OFFLINE, GANVIZ_REQUIRE_MNIST="1")
    assert done.returncode == 1 and "GANVIZ_REQUIRE_MNIST=1: MNIST data missing" in done.out, done.out


def test_the_suite_downloads_mnist_once_into_the_user_cache(clone, mnist_dir):
    handler = functools.partial(Quiet, directory=mnist_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        mirror = f"http://127.0.0.1:{server.server_address[1]}/"
        done = pytest_in(clone, "-s", *MNIST_TESTS, GANVIZ_TEST_MNIST_MIRRORS=mirror)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 0 and re.search(r"\b2 passed\b", done.out), done.out
    assert done.out.count("MNIST for the tests:") == 4, "each file fetched once"
    cache = clone.parent / "home" / ".cache" / "ganviz" / "mnist"
    assert sorted(p.name for p in cache.glob("*.gz")) == sorted(p.name for p in Path(mnist_dir).glob("*.gz"))


def test_only_the_mnist_page_browser_test_asks_for_mnist(clone):
    done = pytest_in(clone, "--fixtures-per-test", "tests/e2e/test_browser.py", "tests/e2e/test_classroom.py")
    assert done.returncode == 0, done.out
    blocks = re.split(r"\n-+ fixtures used by ", done.out)[1:]
    assert len(blocks) > 10 and all("app_url" in block for block in blocks if "css_key" not in block), done.out
    asking = [block.split()[0] for block in blocks if "\nmnist_dir -- " in block]
    assert asking == ["test_mnist_page_shows_samples_and_new_ones_on_request"], done.out


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
