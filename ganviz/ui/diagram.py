"""The model diagram on a live page: a toggle, and the diagram with its caption for each frame.

The page calls ``diagram_toggle(key)`` with its other switches and
``diagram_parts(...)`` in its frame's view, so the diagram is redrawn (in
place) beside the figure on every frame and lights the beat the trainer has just done.
"""

from __future__ import annotations

import streamlit as st

from ganviz.views.diagram import beat_highlight, diagram_caption, diagram_figure
from ganviz.i18n import t

from .live import beat_caption

CAPTION_COLOUR = {"d": "blue", "g": "green", "idle": "gray"}  # D's colour, G's colour (as in Figure 1)


def diagram_toggle(key: str) -> bool:
    """The "Model diagram" switch (``<key>.diagram``, off by default; slow motion shows the diagram anyway)."""
    return st.toggle(t("diagram.toggle"), value=False, key=f"{key}.diagram", help=t("diagram.toggle_help"))


def diagram_parts(trainer, dim: int) -> tuple[dict, str, str]:
    """The diagram lit for the trainer's last beat, its one-line caption and the caption's colour (no Streamlit
    here: the live view's frames are built with it in the run's worker)."""
    highlight = beat_highlight(trainer)
    caption = diagram_caption(highlight) if highlight == "idle" else beat_caption(trainer)
    return diagram_figure(highlight, dim), caption, CAPTION_COLOUR[highlight]
