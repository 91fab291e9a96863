"""The live pages show the model diagram (AppTest): lit by each beat in slow motion with its caption once, in English
and Korean, and on the toggle outside slow motion."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from ganviz.i18n import CATALOGS, DEFAULT, set_language
from ganviz.ui.live import beat_caption
from ganviz.views.diagram import beat_highlight

from ..views.test_diagram import styles

APP = "../../navigation.py"
EN = CATALOGS["en"].STRINGS


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
