"""The stability map's figure: a valid Plotly figure, evenly spaced cells, labels, crosses on divergences."""

import plotly.graph_objects as go
import pytest

from ganviz.i18n import set_language, t
from ganviz.views.stability import rate, stability_figure

XS, YS = [1e-5, 3e-5, 1e-4], [1e-4, 1e-3]
VALUES = {"modes": [[1.0, 2.5, None], [0.0, 8.0, 4.0]], "hq": [[0.1] * 3, [0.2] * 3],
          "jsd": [[0.6, 0.3, None], [0.69, 0.05, 0.2]], "diverged": [[0.0, 0.5, None], [0.0, 0.0, 1.0]]}


def test_rates_read_as_short_powers_of_ten():
    assert [rate(x) for x in XS] == ["1e-5", "3e-5", "1e-4"] and rate(0.001) == "1e-3" and rate(0.01) == "1e-2"


@pytest.mark.parametrize("measure", ["modes", "jsd", "diverged"])
def test_the_map_is_a_valid_figure_with_one_clickable_marker_per_cell(measure):
    figure = stability_figure(XS, YS, VALUES, measure, 8, "lr_D", "lr_G", selected=(1, 2))
    go.Figure(figure)  # plotly validates every property
    heat, click = figure["data"]
    assert heat["x"] == ["1e-5", "3e-5", "1e-4"] and heat["y"] == ["1e-4", "1e-3"] and heat["z"] == VALUES[measure]
    assert heat["text"][0][2] == "–"  # a cell the sweep has no run for
    assert click["customdata"] == [[i, j] for i in range(2) for j in range(3)]
    crosses = [cell for cell, symbol in zip(click["customdata"], click["marker"]["symbol"]) if symbol == "x"]
    assert crosses == [[0, 1], [1, 2]]  # the cells where a seed diverged
    assert figure["layout"]["shapes"][0]["x0"] == 1.5 and figure["layout"]["xaxis"]["type"] == "category"


def test_labels_follow_the_measure_and_the_language():
    assert stability_figure(XS, YS, VALUES, "modes", 8, "a", "b")["data"][0]["text"][1][1] == "8.0"
    assert stability_figure(XS, YS, VALUES, "diverged", 8, "a", "b")["data"][0]["text"][0][1] == "50%"
    assert stability_figure(XS, YS, VALUES, "modes", 8, "a", "b")["data"][0]["zmax"] == 8
    set_language("ko")
    try:
        heat, click = stability_figure(XS, YS, VALUES, "jsd", 8, "a", "b")["data"]
        assert t("stability.measure.jsd") in click["hovertemplate"] and "JSD" in heat["colorbar"]["title"]["text"]
        assert heat["hoverinfo"] == "skip"  # the markers carry the hover: plotly.js selects their points on a click
    finally:
        set_language("en")
