"""A run exported for slides: the replay as one self-contained HTML file, the metrics as CSV.

``replay_html`` writes the animation of ``replay.replay_figure`` with plotly.js
inlined (about 4.7 MB), so the file opens offline in any browser, on a
classroom PC with no network, with its own Play button and slider.
``metrics_csv`` writes a run's metrics rows (``trainer.history``): one row per
recorded frame, one column per metric, the step first.
"""

from __future__ import annotations

import csv
import io
import math

import plotly.io as pio


def replay_html(figure: dict, title: str = "ganviz replay") -> str:
    """The HTML page of an animated figure (see ``replay.replay_figure``), plotly.js included, nothing from a CDN."""
    html = pio.to_html(figure, include_plotlyjs=True, include_mathjax=False, full_html=True, auto_play=False,
                       config={"displaylogo": False, "responsive": True}, validate=False)
    return html.replace("<head>", f"<head><title>{_escape(title)}</title>", 1)


def metrics_csv(history: list[dict]) -> str:
    """CSV text of metrics rows: a column per key (``step`` first, then in order of appearance); NaN/inf left empty."""
    if not history:
        raise ValueError("there are no metrics to export yet: the run has no recorded frames")
    columns = []
    for row in history:
        columns += [key for key in row if key not in columns and _is_scalar(row[key])]
    if "step" in columns:
        columns.remove("step")
        columns.insert(0, "step")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in history:
        writer.writerow([_cell(row.get(key)) for key in columns])
    return out.getvalue()


def _is_scalar(value) -> bool:
    return isinstance(value, (int, float, str, bool)) or value is None


def _cell(value):
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return "" if value is None else value


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
