"""Streamlit glue for the MNIST page: the pretrained networks and the data, loaded once per server.

Everything here is immutable after loading and shared by every session
(``st.cache_resource``): the generator, its discriminator, the progress frames,
the model card and the training images the nearest-neighbour column searches:
the 60,000 of the data folder when it holds MNIST, else the 10,000 shipped with
ganviz (``training_set`` says which). ``download_button`` fetches the full set
from the page, with a progress bar.

The slow loads and the search show a spinner in the reader's language: the
cached functions themselves are silent (a ``show_spinner`` text would be fixed
in one language when the module is imported) and each public function wraps
its cached call in ``st.spinner(t(...))``, which appears only when the call
takes more than half a second, i.e. on a cache miss.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ganviz.i18n import t
from ganviz.mnist import has_data, load_classifier, load_generator, load_split, read_card, read_progress
from ganviz.mnist.classifier import class_histogram as histogram_of
from ganviz.mnist.classifier import classify
from ganviz.mnist.download import DownloadError, download, mirrors
from ganviz.mnist.idx import load_subset, to_unit
from ganviz.mnist.live import LiveMnist
from ganviz.mnist.nearest import nearest


@st.cache_resource(show_spinner=False)
def _generator():
    return load_generator()


def generator():
    with st.spinner(t("mnist.spinner_generator")):
        return _generator()


@st.cache_resource(show_spinner=False)
def progress():
    return read_progress()


@st.cache_resource(show_spinner=False)
def card() -> dict:
    return read_card()


@st.cache_resource(show_spinner=False)
def _training_images(folder: str | None) -> np.ndarray:
    """The 60,000 training images of ``folder``, or with ``None`` the 10,000 shipped with ganviz."""
    return load_subset().images if folder is None else load_split("train", folder).images


def training_set(folder: str) -> str | None:
    """What the page's nearest-image search and live GAN read: ``folder`` when it holds MNIST, else ``None``
    (the shipped subset)."""
    return folder if has_data(folder) else None


def training_images(folder: str | None) -> np.ndarray:
    """uint8 (n, 28, 28): the full training set of ``folder``, or the shipped subset for ``None``."""
    with st.spinner(t("mnist.spinner_train" if folder else "mnist.spinner_subset")):
        return _training_images(folder)


@st.cache_data(show_spinner=False, max_entries=64)
def _nearest_training(queries: np.ndarray, folder: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    images = _training_images(folder)
    index, distance = nearest(queries, images)
    return images[index], index, distance


def nearest_training(queries: np.ndarray, folder: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nearest training image to each query in the full set of ``folder`` (``None``: the shipped subset):
    (images uint8, indices, distances). Indices are training-set indices either way (the subset is train[0:10000])."""
    images = training_images(folder)  # read first, under its own spinner
    with st.spinner(t("mnist.spinner_nearest", n=f"{len(images):,}")):
        return _nearest_training(queries, folder)


def download_button(folder: str, compact: bool = False) -> None:
    """The "Download MNIST" button: fetches the four files into ``folder`` with a progress bar, each checked by
    its SHA-256 (``ganviz.mnist.download``), then reruns the page so that it reads them. A failure (offline,
    a bad checksum) is said on the page; nothing half-written is left behind."""
    # The click sets a flag through a callback (a button's return value does not survive every rerun path, e.g.
    # AppTest's after a page switch); the download then runs in this page run, drawing its bar below the button.
    st.button(t("mnist.download"), key="mnist.download", icon=":material/download:",
              type="secondary" if compact else "primary", help=t("mnist.download_help", folder=folder),
              on_click=st.session_state.__setitem__, args=("mnist.download_requested", True))
    if not st.session_state.pop("mnist.download_requested", False):
        return
    bar = st.progress(0.0, text=t("mnist.download_starting"))
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = int(100 * done / total)
        if percent != shown[0]:  # one update per percent, not one per 64 KB
            shown[0] = percent
            bar.progress(percent / 100, text=t("mnist.download_progress", done=f"{done / 1e6:.1f}",
                                                total=f"{total / 1e6:.1f}"))

    try:
        download(folder, mirrors(), timeout=30, log=lambda _line: None, progress=progress)
    except (DownloadError, OSError) as err:
        bar.empty()
        st.error(t("mnist.download_error", error=err))
        return
    st.session_state["mnist.downloaded"] = True
    st.rerun()


@st.cache_resource(show_spinner=False)
def _real_scores(folder: str, n: int) -> np.ndarray:
    return _generator().score(to_unit(load_split("test", folder).images[:n]))


def real_scores(folder: str, n: int = 64) -> np.ndarray:
    """D(x) of the first ``n`` test images, the reference for the samples' scores."""
    with st.spinner(t("mnist.spinner_real")):
        return _real_scores(folder, n)


# ----- "Train from scratch": one live GAN per browser session ------------------------------------------------------
LIVE_KEY = "mnist.live"


@st.cache_resource(show_spinner=False)
def classifier():
    """The shipped classifier that judges the live samples (immutable, shared by every session)."""
    return load_classifier()


def class_histogram(images: np.ndarray) -> np.ndarray:
    """The shipped classifier's share of each digit among ``images`` in [0, 1] (n, 28, 28), shape (10,)."""
    probs, _ = classify(classifier(), images)
    return histogram_of(probs)


def live_run(folder: str) -> LiveMnist:
    """This session's live GAN (``st.session_state["mnist.live"]``), made on first use: it trains on the full
    training set of ``folder`` when downloaded, else on the shipped 10,000 (``live_source`` says which). It lives
    in the session's state only, so it is freed with the session when the tab closes."""
    run = st.session_state.get(LIVE_KEY)
    if run is None:
        source = training_set(folder)
        images = training_images(source)
        with st.spinner(t("mnist.live_spinner")):
            run = LiveMnist(images, classifier(), seed=0, device="auto")
        st.session_state[LIVE_KEY] = run
        st.session_state[f"{LIVE_KEY}.source"] = len(images)
    return run


def live_source() -> int:
    """How many training images this session's live GAN trains on (60,000 or the shipped 10,000)."""
    return st.session_state.get(f"{LIVE_KEY}.source", 0)


def reset_live() -> None:
    """Reset: the next page run makes a fresh, untrained GAN (with the full set if it is there by then)."""
    st.session_state.pop(LIVE_KEY, None)
    st.session_state[f"{LIVE_KEY}.mode"] = "paused"
    st.session_state[f"{LIVE_KEY}.message"] = None
