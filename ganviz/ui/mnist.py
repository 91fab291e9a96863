"""Streamlit glue for the MNIST page: the pretrained networks and the data, loaded once per server.

Everything here is immutable after loading and shared by every session
(``st.cache_resource``): the generator, its discriminator, the progress frames,
the model card and, when the data folder is present, the 60,000 training images
the nearest-neighbour column searches.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ganviz.mnist import load_generator, load_split, read_card, read_progress
from ganviz.mnist.idx import to_unit
from ganviz.mnist.nearest import nearest


@st.cache_resource(show_spinner="Loading the pretrained generator…")
def generator():
    return load_generator()


@st.cache_resource(show_spinner=False)
def progress():
    return read_progress()


@st.cache_resource(show_spinner=False)
def card() -> dict:
    return read_card()


@st.cache_resource(show_spinner="Reading the 60,000 MNIST training images…")
def training_images(folder: str) -> np.ndarray:
    return load_split("train", folder).images


@st.cache_data(show_spinner="Searching the 60,000 training images…", max_entries=64)
def nearest_training(queries: np.ndarray, folder: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nearest training image to each query: (images uint8, indices, distances)."""
    images = training_images(folder)
    index, distance = nearest(queries, images)
    return images[index], index, distance


@st.cache_resource(show_spinner=False)
def real_scores(folder: str, n: int = 64) -> np.ndarray:
    """D(x) of the first ``n`` test images, the reference for the samples' scores."""
    return generator().score(to_unit(load_split("test", folder).images[:n]))
