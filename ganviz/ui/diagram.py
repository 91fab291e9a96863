"""The model diagram on a live page: a toggle, and the diagram with its caption drawn in the live fragment.

The page calls ``diagram_toggle(key)`` with its other switches and
``model_diagram(...)`` from its draw function, so the diagram is redrawn (in
place) on every frame and lights the beat the trainer has just done.
"""

from __future__ import annotations

import streamlit as st

from ganviz.views.diagram import beat_highlight, diagram_caption, diagram_figure
from ganviz.i18n import t

from .controls import Pacing
from .live import beat_caption, diagram_shown
from .live_chart import live_plotly_chart

CAPTION_COLOUR = {"d": "blue", "g": "green", "idle": "gray"}  # D's colour, G's colour (as in Figure 1)


def diagram_toggle(key: str) -> bool:
    """The "Model diagram" switch (``<key>.diagram``, off by default; slow motion shows the diagram anyway)."""
    return st.toggle(t("diagram.toggle"), value=False, key=f"{key}.diagram", help=t("diagram.toggle_help"))


def model_diagram(key: str, trainer, pacing: Pacing, dim: int = 1) -> None:
    """The diagram lit for the trainer's last beat, and one line saying what that beat does.

    Drawn when the toggle is on or in slow motion (``live.diagram_shown``); nothing otherwise. After a beat the line is
    the beat's own caption (which D step of k, the batch sizes), which the live fragment
    then leaves out (``LiveRun.fragment``), so the class reads it once.
    """
    if not diagram_shown(key, pacing):
        return
    highlight = beat_highlight(trainer)
    live_plotly_chart(diagram_figure(highlight, dim), key=f"{key}.diagram_chart")
    caption = diagram_caption(highlight) if highlight == "idle" else beat_caption(trainer)
    st.markdown(f":{CAPTION_COLOUR[highlight]}[**{caption}**]")
