"""``python -m ganviz mnist download``: fetch the four MNIST files from public mirrors, checked by SHA-256.

Each file is fetched gzipped from the first mirror that serves it, gunzipped in
memory and kept only if the SHA-256 of its content is the original's
(``idx.SHA256``, the sums of SHA256SUMS.uncompressed). A file already present with
the right content is not fetched again. Files are written atomically (a temporary
name, then a rename), so an interrupted download leaves no half file behind.

``find_data`` is where MNIST is looked for (``$GANVIZ_MNIST_DIR``, then the user
cache ~/.cache/ganviz/mnist, then any folders given); ``ensure_data`` downloads it
into ``data_dir()`` when none holds it. The test suite uses both (tests/conftest.py).

``download(..., progress=callback)`` reports the bytes received so far and the
expected total (``GZ_BYTES``, about 11 MB) as they arrive: the page's "Download
MNIST" button draws its progress bar from it. ``$GANVIZ_MNIST_MIRRORS`` (URLs
separated by commas) replaces the public mirrors, e.g. with a mirror on the
classroom's own network (``mirrors()``).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
import urllib.error
import urllib.request
import zlib

from .idx import (DEFAULT_DIR, ENV_VAR, FILES, SHA256, SUMS_FILE, IdxError, check_sum, data_dir, find_file, has_data,
                  read_bytes)

MIRRORS_VAR = "GANVIZ_MNIST_MIRRORS"
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",  # torchvision's first mirror
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)


# The gzipped size of each file as the mirrors serve it (the original distribution's .gz files): the progress
# bar's total when a mirror sends no Content-Length.
GZ_BYTES = {
    "train-images-idx3-ubyte": 9_912_422,
    "train-labels-idx1-ubyte": 28_881,
    "t10k-images-idx3-ubyte": 1_648_877,
    "t10k-labels-idx1-ubyte": 4_542,
}
CHUNK = 1 << 16  # bytes read between two progress reports


def mirrors() -> tuple[str, ...]:
    """The mirrors to try: ``$GANVIZ_MNIST_MIRRORS`` (comma-separated URLs) if set, else ``MIRRORS``."""
    return tuple(m.strip() for m in os.environ.get(MIRRORS_VAR, "").split(",") if m.strip()) or MIRRORS


class DownloadError(RuntimeError):
    """No mirror served a file with the right checksum; the message names the file and each mirror's failure."""


def is_valid(folder: str, name: str) -> bool:
    """Whether ``folder`` already holds ``name`` (gzipped or not) with the original content."""
    try:
        check_sum(read_bytes(find_file(folder, name)), name, name)
    except IdxError:
        return False
    return True


def fetch(url: str, timeout: float, received=lambda n, length: None) -> bytes:
    """The body of ``url``, read in chunks; ``received(bytes so far, Content-Length or None)`` after each."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        length = response.headers.get("Content-Length")
        length = int(length) if length and length.isdigit() else None
        parts, n = [], 0
        while chunk := response.read(CHUNK):
            parts.append(chunk)
            n += len(chunk)
            received(n, length)
        return b"".join(parts)


def download(folder: str | None = None, mirrors=MIRRORS, timeout: float = 60.0, log=print,
             progress=None) -> list[str]:
    """Make ``folder`` (see ``idx.data_dir``) hold the four files; returns the names actually fetched.

    ``progress(done, total)``, if given, is called as bytes arrive: ``done`` bytes of about ``total`` for the
    four files together (a file already present counts as done; a failed mirror's bytes are taken back).
    """
    folder = data_dir(folder)
    os.makedirs(folder, exist_ok=True)
    fetched = []
    sizes = dict(GZ_BYTES)
    done = 0

    def report(n: int, length: int | None) -> None:
        if length:
            sizes[name] = length
        if progress is not None:
            progress(min(done + n, sum(sizes.values())), sum(sizes.values()))

    for name in FILES.values():
        if is_valid(folder, name):
            log(f"{name}: already present and verified")
            done += sizes[name]
            report(0, None)
            continue
        failures = []
        for mirror in mirrors:
            url = mirror.rstrip("/") + "/" + name + ".gz"
            try:
                body = fetch(url, timeout, report)
                content = gzip.decompress(body)
            except (urllib.error.URLError, OSError, EOFError, zlib.error, ValueError) as err:
                failures.append(f"{url}: {err}")
                continue
            if hashlib.sha256(content).hexdigest() != SHA256[name]:
                failures.append(f"{url}: SHA-256 mismatch, refused")
                continue
            path = os.path.join(folder, name + ".gz")
            # A name of its own: two downloads at once (two students pressing the page's button) never share one.
            part = f"{path}.{os.getpid()}.{threading.get_ident()}.part"
            with open(part, "wb") as file:
                file.write(body)
            os.replace(part, path)
            log(f"{name}: fetched from {mirror} and verified")
            fetched.append(name)
            sizes[name] = len(body)
            done += len(body)
            report(0, None)
            break
        else:
            raise DownloadError(f"{name}: no mirror served it with the right checksum: " + "; ".join(failures))
    with open(os.path.join(folder, SUMS_FILE), "w", encoding="utf-8") as file:
        file.writelines(f"{SHA256[name]}  {name}\n" for name in FILES.values())
    return fetched


def find_data(*also: str) -> str | None:
    """The first folder holding the four MNIST files: ``$GANVIZ_MNIST_DIR``, the user cache, then each of ``also``."""
    for folder in (os.environ.get(ENV_VAR), DEFAULT_DIR, *also):
        if folder and has_data(folder):
            return data_dir(folder)
    return None


def ensure_data(*also: str, mirrors=MIRRORS, timeout: float = 60.0, log=print) -> str:
    """``find_data(*also)``, else download the files into ``data_dir()`` and return it; raises ``DownloadError``.

    A lock file in that folder makes processes that ask at once (pytest-xdist's
    workers) download it once: the others wait, then find it there.
    """
    import fcntl  # noqa: PLC0415  (POSIX only, like the rest of the set-up; only this function needs it)

    found = find_data(*also)
    if found is not None:
        return found
    folder = data_dir()
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, ".download.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not has_data(folder):
            download(folder, mirrors, timeout, log)
    return folder
