"""One frame of a live page as the browser draws it: the numbers, the figure, the diagram, the notes.

A page describes its frame once, as a function ``view(snap, trainer) ->
LiveFrame``; the same description is drawn by Streamlit's own elements
(AppTest, or a server without ganviz's routes) and by the live view in the
browser (``ganviz.ui.live_view``), which receives ``frame_json(...)`` either
with the page or, while the run plays, over the run's stream
(``ganviz.frames.worker``). Building it reads only the snapshot and the trainer:
it runs in the run's worker thread, so nothing here may touch Streamlit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

from .projector import for_projector
from .wire import figure_json

Metric = tuple[str, str, str]  # label, value, help


@dataclass
class Panel:
    """One run of a race, side by side with the others: its name, its numbers and its figure."""

    title: str
    metrics: list[Metric]
    figure: dict
    badge: str = ""  # a short tag after the title (e.g. "replay")
    error: str = ""  # why this run stopped (a divergence), shown under its figure


@dataclass
class LiveFrame:
    """What a live page shows of one snapshot (or, with ``panels``, of several runs in lockstep)."""

    metrics: list[Metric]
    figure: dict | None
    side: dict | None = None  # the model diagram, beside the figure (None: not shown)
    side_caption: str = ""  # one line under the diagram: what the beat just did
    side_colour: str = "gray"  # the caption's colour: D's, G's or neutral
    notes: list[str] = field(default_factory=list)  # short lines under the figure
    history: Callable[[], dict] | None = None  # builds the history chart (None: not shown)
    panels: list[Panel] = field(default_factory=list)  # a race's runs, drawn side by side instead of ``figure``
    below: Callable[[], list[dict]] | None = None  # builds charts drawn in a row under the history (with it)
    below_title: str = ""  # one line over those charts
    headline: str = ""  # one line under the figure or the panels, larger than the notes: what the class sees now


def frame_json(frame: LiveFrame, status: dict, message: dict | None, projector: bool,
               history: bool = True) -> bytes:
    """``frame`` as the JSON the browser's live view reads.

    ``status``: {"state", "text", "step", "rate"} for the status line; ``message``: {"kind", "text"} or None;
    ``projector``: figures drawn for a projector (larger type and lines); ``history``: build the history chart
    now (it is sent less often than the figure: see ``ganviz.ui.live_view``).
    """
    def fig(figure: dict) -> str:
        return figure_json(for_projector(figure) if projector else figure)

    head = json.dumps({"status": status, "message": message, "notes": frame.notes,
                       "metrics": [{"label": label, "value": value, "help": help_text}
                                   for label, value, help_text in frame.metrics],
                       "side_caption": frame.side_caption, "side_colour": frame.side_colour,
                       "headline": frame.headline, "below_title": frame.below_title},
                      separators=(",", ":"), ensure_ascii=False)
    parts = [head[:-1], ',"figure":', fig(frame.figure) if frame.figure is not None else "null"]
    parts += [',"side":', fig(frame.side) if frame.side is not None else "null"]
    if frame.panels:
        panels = []
        for panel in frame.panels:
            text = json.dumps({"title": panel.title, "badge": panel.badge, "error": panel.error,
                               "metrics": [{"label": label, "value": value, "help": help_text}
                                           for label, value, help_text in panel.metrics]},
                              separators=(",", ":"), ensure_ascii=False)
            panels.append(text[:-1] + ',"figure":' + fig(panel.figure) + "}")
        parts += [',"panels":[', ",".join(panels), "]"]
    if history and frame.history is not None:
        parts += [',"history":', fig(frame.history())]
    if history and frame.below is not None:
        parts += [',"below":[', ",".join(fig(chart) for chart in frame.below()), "]"]
    parts.append("}")
    return "".join(parts).encode()
