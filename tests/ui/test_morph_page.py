"""The 2D page shows the noise-to-manifold morph on demand (AppTest), without adding a metrics row."""

import json

from streamlit.testing.v1 import AppTest


def test_the_2d_page_shows_the_morph_on_demand():
    at = AppTest.from_file("../../navigation.py", default_timeout=60)
    at.run()
    at.switch_page("pages/two_d.py").run()
    at.button(key="p2d.step").click().run()
    assert not [c for c in at.get("plotly_chart") if '"frames"' in c.proto.spec]
    history = len(at.session_state["p2d.trainer"].history)
    at.toggle(key="p2d.morph").set_value(True).run()
    (chart,) = [c for c in at.get("plotly_chart") if '"frames"' in c.proto.spec]
    fig = json.loads(chart.proto.spec)
    assert len(fig["frames"]) == 21
    assert len(at.session_state["p2d.trainer"].history) == history  # showing the morph adds no metrics row
    assert not at.exception
