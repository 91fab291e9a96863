"""A figure as the JSON text a live chart sends to the browser: ``figure_json(fig)``.

Figures are built as plain dicts of Python lists, strings and numbers
(``figures.py``, ``figures2d.py``): plotly.js reads them as they are, and
``json.dumps`` writes them several times faster than Plotly's validating
``Figure`` and its encoder. A ``plotly.graph_objects.Figure`` is accepted too
(and goes through Plotly's encoder, which also handles NumPy arrays and NaN).
"""

from __future__ import annotations

import json
from typing import Any

import plotly.io as pio


def figure_json(fig: Any) -> str:
    """``fig`` (a plain-dict figure or a plotly Figure) as compact JSON; NaN is not allowed in a plain dict (use None)."""
    if isinstance(fig, dict):
        return json.dumps(fig, separators=(",", ":"), allow_nan=False)
    return pio.to_json(fig, validate=False)
