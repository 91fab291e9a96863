"""Presentation mode's figures: larger type, lines and markers; the original untouched."""

from ganviz.views.figure1 import figure1
from ganviz.views.projector import for_projector
from ganviz.frames.snapshot import take_snapshot
from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer


def test_fonts_lines_and_markers_grow_and_the_input_stays():
    fig = figure1(take_snapshot(Trainer(TrainConfig())))
    before = repr(fig)
    big = for_projector(fig, scale=2.0)
    assert repr(fig) == before, "the input figure is not changed"
    assert big["layout"]["font"]["size"] == 24
    assert big["layout"]["legend"]["font"]["size"] == 28  # 14 in the figure
    widths = [(a["line"]["width"], b["line"]["width"]) for a, b in zip(fig["data"], big["data"])
              if isinstance(a.get("line"), dict) and "width" in a["line"]]
    assert widths and all(b == 2 * a for a, b in widths)
    assert big["layout"]["height"] > fig["layout"]["height"]
    margin, big_margin = fig["layout"]["margin"], big["layout"]["margin"]
    assert all(big_margin[side] == 2 * margin[side] for side in "lrtb"), "larger text, larger margins"


def test_an_empty_figure_gets_a_font():
    assert for_projector({"data": []})["layout"]["font"]["size"] == round(12 * 1.6)
