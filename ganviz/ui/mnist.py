"""Streamlit glue for the MNIST page: the pretrained networks and the data, loaded once per server.

Everything here is immutable after loading and shared by every session
(``st.cache_resource``): the generator, its discriminator, the progress frames,
the model card and, when the data folder is present, the 60,000 training images
the nearest-neighbour column searches.

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
from ganviz.mnist import load_generator, load_split, read_card, read_progress
from ganviz.mnist.idx import to_unit
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
def _training_images(folder: str) -> np.ndarray:
    return load_split("train", folder).images


def training_images(folder: str) -> np.ndarray:
    with st.spinner(t("mnist.spinner_train")):
        return _training_images(folder)


@st.cache_data(show_spinner=False, max_entries=64)
def _nearest_training(queries: np.ndarray, folder: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    images = _training_images(folder)
    index, distance = nearest(queries, images)
    return images[index], index, distance


def nearest_training(queries: np.ndarray, folder: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nearest training image to each query: (images uint8, indices, distances)."""
    training_images(folder)  # read first, under its own spinner
    with st.spinner(t("mnist.spinner_nearest")):
        return _nearest_training(queries, folder)


@st.cache_resource(show_spinner=False)
def _real_scores(folder: str, n: int) -> np.ndarray:
    return _generator().score(to_unit(load_split("test", folder).images[:n]))


def real_scores(folder: str, n: int = 64) -> np.ndarray:
    """D(x) of the first ``n`` test images, the reference for the samples' scores."""
    with st.spinner(t("mnist.spinner_real")):
        return _real_scores(folder, n)
