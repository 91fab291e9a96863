"""The model diagram: the beat it lights is the trainer's own, each beat lights what it uses, and the live pages
show it (with its caption, in English and Korean) in slow motion."""

import json
from dataclasses import replace

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from ganviz.views.diagram import FORWARD, GRADIENTS, NODES, beat_highlight, diagram_caption, diagram_figure, lit_elements
from ganviz.views.palette import D_STYLE, G_STYLE
from ganviz.i18n import CATALOGS, DEFAULT, set_language
from ganviz.lessons.presets import FIGURE1
from ganviz.core.trainer import Trainer
from ganviz.ui.live import beat_caption

APP = "../../navigation.py"
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


def live_page(lang: str, page: str = "pages/figure1.py", key: str = "fig1") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["ganviz.lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    at.toggle(key=f"{key}.slow").set_value(True).run()
    at.slider(key=f"{key}.k").set_value(2).run()
    return at


def diagram_sent(at: AppTest, key: str) -> dict | None:
    for element in at.get("bidi_component"):
        payload = json.loads(element.proto.json)
        if payload.get("uirevision") == f"{key}.diagram_chart":
            return json.loads(payload["figure"])
    return None


def shown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_slow_motion_shows_the_diagram_lit_by_each_beat_with_its_caption_once(lang):
    words = CATALOGS[lang].STRINGS
    set_language(lang)  # the test thread reads widgets back in the page's language
    try:
        at = live_page(lang)
        assert any(words["diagram.caption_idle"] in text for text in shown(at)), "before the first beat"
        at.button(key="fig1.play").click().run()  # one beat per tick: d, d, g
        beats = []
        for _ in range(3):
            figure = diagram_sent(at, "fig1")
            lit = {name for name, s in styles(figure).items() if max(x["width"] for x in s) >= 3}
            beats.append(("grad_d" in lit, "grad_g" in lit))
            trainer = at.session_state["fig1.trainer"]
            assert beat_highlight(trainer) in ("d", "g")
            caption = beat_caption(trainer)  # which D step of k, in the page's language: said once, under the diagram
            assert any(caption in text for text in shown(at))
            assert not any(caption in c.value for c in at.caption)
            assert words["diagram.d_loss"] in json.dumps(figure, ensure_ascii=False)
            at.run()
        assert beats == [(True, False), (True, False), (False, True)]
        assert not at.exception
    finally:
        set_language(DEFAULT)


def test_the_toggle_shows_the_diagram_outside_slow_motion_and_it_is_off_by_default():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/two_d.py").run()
    assert diagram_sent(at, "p2d") is None, "off by default"
    at.toggle(key="p2d.diagram").set_value(True).run()
    figure = diagram_sent(at, "p2d")
    assert figure is not None and EN["diagram.real"].replace("\n", "<br>") in json.dumps(figure)
    assert any(EN["diagram.caption_idle"] in text for text in shown(at))
    at.button(key="p2d.step").click().run()
    assert any(EN["diagram.caption_idle"] in text for text in shown(at)), "a whole iteration: no beat to light"
    assert not at.exception
