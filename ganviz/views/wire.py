"""A figure as the JSON text a live chart sends to the browser: ``figure_json(fig)``.

Figures are built as plain dicts of Python lists, strings and numbers
(``plot``; ``figure1``, ``figure2d``, ``modes``, ...): plotly.js reads them as they are, and
``json.dumps`` writes them several times faster than Plotly's validating
``Figure`` and its encoder. A ``plotly.graph_objects.Figure`` is accepted too
(and goes through Plotly's encoder, which also handles NumPy arrays and NaN).
"""

from __future__ import annotations

import json
from typing import Any

import plotly.io as pio


def figure_json(fig: Any) -> str:
    """``fig`` (a plain-dict figure or a plotly Figure) as JSON that browsers parse (NaN becomes null).

    A dict of plain Python values without NaN takes the fast path
    (``json.dumps``); anything else (plotly objects or NumPy arrays inside,
    NaN) goes through Plotly's encoder.
    """
    if isinstance(fig, dict):
        try:
            return json.dumps(fig, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError):
            pass
    return pio.to_json(fig, validate=False)
