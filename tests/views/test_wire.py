"""figure_json: plain dicts on the fast path, plotly objects and NaN through Plotly's encoder."""

import base64
import json
import math

import numpy as np
import plotly.graph_objects as go

from ganviz.views.plot import typed
from ganviz.views.wire import figure_json


def test_plain_dict_is_compact_json():
    fig = {"data": [{"type": "scatter", "x": [1, 2], "y": [0.5, None]}], "layout": {"height": 300}}
    text = figure_json(fig)
    assert " " not in text and json.loads(text) == fig


def test_plotly_figures_numpy_and_nan_still_serialise_with_nan_as_null():
    fig = go.Figure(go.Scatter(x=np.arange(3), y=[1.0, math.nan, 2.0]))
    assert json.loads(figure_json(fig))["data"][0]["y"] == [1.0, None, 2.0]
    assert json.loads(figure_json({"data": [{"y": [math.nan]}]}))["data"][0]["y"] == [None]
    assert json.loads(figure_json({"data": list(fig.data)}))["data"][0]["type"] == "scatter"


def test_typed_arrays_round_trip_as_float32():
    a = np.array([[0.25, -1.5, 3.0], [7.0, 0.1, -2.0]])
    spec = typed(a)
    assert spec["dtype"] == "f4" and spec["shape"] == "2,3"
    back = np.frombuffer(base64.b64decode(spec["bdata"]), dtype="<f4").reshape(2, 3)
    assert np.allclose(back, a, rtol=1e-7)
    assert "shape" not in typed(a[0])
