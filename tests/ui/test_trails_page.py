"""The 2D page's trails through the app (AppTest): drawn behind G's samples, cleared by Reset, gone when off."""

import json

from streamlit.testing.v1 import AppTest

from ganviz.frames.trails import TRACKED_2D
from ganviz.i18n import t


def sent_figure(at) -> dict:
    """The live figure the 2D page sent last (see tests/ui/test_live_chart.py)."""
    (chart,) = [e for e in at.get("bidi_component") if json.loads(e.json).get("uirevision") == "p2d.figure"]
    return json.loads(json.loads(chart.json)["figure"])


def test_the_2d_page_draws_trails_and_a_reset_clears_them():
    at = AppTest.from_file("../../navigation.py", default_timeout=60)
    at.run()
    at.switch_page("pages/two_d.py").run()
    at.toggle(key="p2d.trails").set_value(True).run()
    for _ in range(4):
        at.button(key="p2d.step").click().run()
    _, buffer = at.session_state["p2d.trail_buffer"]
    assert len(buffer) == 5  # steps 0 to 4
    trail = [d for d in sent_figure(at)["data"] if d.get("name") == t("tracking.fig.trails", n=TRACKED_2D)]
    assert len(trail) == 4 and all(d["x"].count(None) == TRACKED_2D for d in trail)  # 5 positions, 4 segments
    at.button(key="p2d.reset").click().run()
    _, buffer = at.session_state["p2d.trail_buffer"]
    assert len(buffer) == 1  # only the new run's step 0
    at.toggle(key="p2d.trails").set_value(False).run()
    assert not [d for d in sent_figure(at)["data"] if "trail" in str(d.get("name"))]
    assert not at.exception
