"""The model diagram: the beat it lights is the trainer's own and each beat lights what it uses (the live pages
showing it: tests/ui/test_diagram_page.py)."""

from dataclasses import replace

import plotly.graph_objects as go
import pytest

from ganviz.views.diagram import FORWARD, GRADIENTS, NODES, beat_highlight, diagram_caption, diagram_figure, lit_elements
from ganviz.views.palette import D_STYLE, G_STYLE
from ganviz.i18n import CATALOGS
from ganviz.lessons.presets import FIGURE1
from ganviz.core.trainer import Trainer

EN, KO = CATALOGS["en"].STRINGS, CATALOGS["ko"].STRINGS


@pytest.fixture(scope="module")
def trainer():
    return Trainer(replace(FIGURE1, k=2, batch=16, width=8, device="cpu"))


def test_the_highlight_follows_the_trainers_beats(trainer):
    assert beat_highlight(trainer) == "idle", "no beat yet"
    seen = []
    for _ in range(7):
        trainer.beat()
        seen.append((beat_highlight(trainer), trainer.phase, trainer.step))
    assert seen == [("d", 1, 0), ("d", 2, 0), ("g", 0, 1), ("d", 1, 1), ("d", 2, 1), ("g", 0, 2), ("d", 1, 2)]
    trainer.train(3)  # finishes the half-done iteration, then whole ones: no beat to light
    assert beat_highlight(trainer) == "idle" and trainer.phase == 0
    trainer.beat()
    assert beat_highlight(trainer) == "d"


def test_a_last_beat_that_contradicts_the_phase_lights_nothing():
    class State:  # a D beat with no D step done, a G beat in mid-iteration: not states a trainer can be in
        pass

    for last_beat, phase in (("d", 0), ("g", 1), (None, 1)):
        state = State()
        state.last_beat, state.phase = last_beat, phase
        assert beat_highlight(state) == "idle"


def styles(figure: dict) -> dict[str, list[dict]]:
    """Every shape's and annotation's style, by element name."""
    found = {}
    for shape in figure["layout"]["shapes"]:
        found.setdefault(shape["name"], []).append(dict(colour=shape["line"]["color"], width=shape["line"]["width"],
                                                        dash=shape["line"].get("dash")))
    for note in figure["layout"]["annotations"]:
        if note.get("showarrow"):
            found.setdefault(note["name"], []).append(dict(colour=note["arrowcolor"], width=note["arrowwidth"]))
    return found


def widest(figure: dict, name: str) -> float:
    return max(style["width"] for style in styles(figure)[name])


@pytest.mark.parametrize("dim", [1, 2])
def test_each_beat_lights_what_it_uses_and_greys_the_rest(dim):
    d, g, idle = (diagram_figure(h, dim) for h in ("d", "g", "idle"))
    for figure in (d, g, idle):
        go.Figure(data=figure["data"], layout=figure["layout"])  # valid in Plotly's schema
    every = set(NODES) | set(FORWARD) | set(GRADIENTS)
    assert set(styles(d)) == every
    # D's update arrow and D's loss in the D step only; G's update arrow and G's loss in the G step only.
    assert widest(d, "grad_d") > widest(g, "grad_d") and widest(g, "grad_g") > widest(d, "grad_g")
    assert widest(d, "d_loss") > widest(g, "d_loss") and widest(g, "g_loss") > widest(d, "g_loss")
    assert widest(d, "real") > widest(g, "real"), "the G step draws no real data"
    for name in ("z", "G", "fake", "D", "Dx", "z_G", "G_fake", "fake_D", "D_Dx"):  # both beats use these
        assert widest(d, name) == widest(g, name), name
    for figure, highlight in ((d, "d"), (g, "g")):
        lit = lit_elements(highlight)
        thin = max(widest(figure, name) for name in every - lit)
        assert min(widest(figure, name) for name in lit) > thin
        assert {s["colour"] for name in every - lit for s in styles(figure)[name]} == {"#cccccc"}, "unlit is grey"
    assert lit_elements("idle") == set() and len({widest(idle, name) for name in NODES}) == 1


def test_the_1d_diagram_wears_figure_1s_line_styles():
    fig = styles(diagram_figure("d", dim=1))
    assert fig["real"][0]["colour"] == "black" and fig["real"][0]["dash"] == "dot"
    assert fig["fake"][0]["colour"] == G_STYLE["color"] and fig["fake"][0]["dash"] == "solid"
    assert fig["D"][0]["colour"] == D_STYLE["color"] and fig["D"][0]["dash"] == "dash"
    flat = styles(diagram_figure("d", dim=2))
    assert flat["real"][0]["dash"] == "solid" and flat["D"][0]["dash"] == "solid"


def test_the_labels_say_who_is_updated_and_who_is_held_fixed():
    def label(figure, node):
        (text,) = [n["text"] for n in figure["layout"]["annotations"] if n["name"] == node and not n.get("showarrow")]
        return text

    d, g, idle = (diagram_figure(h) for h in ("d", "g", "idle"))
    assert EN["diagram.updated"] in label(d, "D") and EN["diagram.fixed"] in label(d, "G")
    assert EN["diagram.fixed"] in label(g, "D") and EN["diagram.updated"] in label(g, "G")
    assert EN["diagram.fixed"] not in label(idle, "D") + label(idle, "G")
    with pytest.raises(ValueError, match="unknown highlight"):
        diagram_caption("x")
