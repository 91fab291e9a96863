"""Shared fixtures: where the MNIST IDX files are, and English after every test.

``mnist_dir`` looks where the app looks (``$GANVIZ_MNIST_DIR``, then the user
cache ~/.cache/ganviz/mnist: ``ganviz.mnist.download.find_data``), then at
../shared/data/mnist beside the repository (a git worktree one level deeper sees
it at ../../shared/data/mnist). Found nowhere, it downloads the files once into
``$GANVIZ_MNIST_DIR`` or the user cache with the app's checksummed downloader;
offline, the tests that need MNIST skip, all with the same one-line reason, and
the rest of the suite runs. ``GANVIZ_REQUIRE_MNIST=1`` (set by ``.ci/run``) makes
that a failure, so that CI cannot pass by skipping them.
``GANVIZ_TEST_MNIST_MIRRORS`` (URLs separated by commas) replaces the download's
mirrors, for the clone test (tests/test_fresh_clone.py).
"""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = [ROOT.parent / "shared" / "data" / "mnist", ROOT.parent.parent / "shared" / "data" / "mnist"]
REQUIRE_MNIST = "GANVIZ_REQUIRE_MNIST"
MNIST_SKIP = "MNIST data missing"
MIRRORS = "GANVIZ_TEST_MNIST_MIRRORS"


@pytest.fixture(scope="session")
def mnist_dir() -> str:
    """The folder of the four MNIST files (see the module's docstring); a session fixture, so one download at most."""
    from ganviz.mnist.download import MIRRORS as DEFAULT_MIRRORS, DownloadError, ensure_data

    mirrors = tuple(m for m in os.environ.get(MIRRORS, "").split(",") if m) or DEFAULT_MIRRORS
    try:
        return ensure_data(*map(str, SHARED), mirrors=mirrors, timeout=15,
                           log=lambda line: print(f"MNIST for the tests: {line}", flush=True))
    except DownloadError as err:
        reason = (f"{MNIST_SKIP}: not in $GANVIZ_MNIST_DIR, ~/.cache/ganviz/mnist or ../shared/data/mnist, and "
                  f"the download failed ({str(err).split(';')[0]}); run `ganviz mnist download`")
        if os.environ.get(REQUIRE_MNIST) == "1":
            pytest.fail(f"{REQUIRE_MNIST}=1: {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def _english_afterwards():
    """Every test starts and ends in English, whatever language a test set for its own thread."""
    from ganviz.i18n import DEFAULT, set_language

    yield
    set_language(DEFAULT)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Report every MNIST skip at this file, so that ``-ra`` folds them into one line instead of one per test file."""
    report = yield
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2]).removeprefix("Skipped: ")
        if reason.startswith(MNIST_SKIP):
            report.longrepr = (__file__, None, reason)
    return report
