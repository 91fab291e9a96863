"""live_plotly_chart under AppTest: no browser, so no JavaScript runs.

What can be checked here: the call works inside a ``run_every`` fragment, it
emits one component element whose JSON payload carries the figure, the element
keeps its id across ticks (so the browser keeps the same chart), and the
plotly.js URL it sends is local, naming the installed plotly package's file.
How the chart looks in a browser: tools/measure_live_chart.py.
"""

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs_version
from streamlit.testing.v1 import AppTest

from ganviz.ui.live_chart import PLOTLY_JS_DIR


def figure(tick: int, template: str = "plotly_white") -> go.Figure:
    fig = go.Figure(go.Heatmap(z=np.arange(6.0).reshape(2, 3) * tick))
    fig.add_scatter(x=[1, 2, 3], y=[tick, 0, -tick])
    return fig.update_layout(title=f"tick {tick}", template=template)


def live_page(as_dict: bool, height: int | None, template: str | None):
    import streamlit as st

    from ganviz.ui.live_chart import live_plotly_chart
    from tests.ui.test_live_chart import figure

    @st.fragment(run_every=0.2)
    def live():
        tick = st.session_state.tick = st.session_state.get("tick", 0) + 1
        fig = figure(tick, template) if template else figure(tick)
        live_plotly_chart(fig.to_dict() if as_dict else fig, key="chart", height=height)

    live()


def run(as_dict=False, height=None, template=None) -> AppTest:
    kwargs = dict(as_dict=as_dict, height=height, template=template)
    at = AppTest.from_function(live_page, kwargs=kwargs, default_timeout=30).run()
    assert not at.exception
    return at


def chart(at: AppTest):
    (element,) = at.get("bidi_component")
    return element.proto


def payload(at: AppTest) -> dict:
    return json.loads(chart(at).json)


def sent_figure(at: AppTest) -> dict:
    return json.loads(payload(at)["figure"])


def test_renders_in_a_fragment_and_sends_the_figure():
    at = run()
    assert chart(at).component_name == "ganviz.live_plotly_chart"
    assert sent_figure(at) == json.loads(pio.to_json(figure(tick=1)))
    assert payload(at)["uirevision"] == "chart"
    assert payload(at)["height"] is None


def test_a_tick_sends_new_data_to_the_same_element():
    at = run()
    first = chart(at).id
    at.run()  # AppTest does not drive run_every: one run = one tick
    assert not at.exception
    assert chart(at).id == first  # same id: the browser keeps the chart and its div
    assert sent_figure(at) == json.loads(pio.to_json(figure(tick=2)))


def test_a_figure_dict_and_a_height_work():
    at = run(as_dict=True, height=300)
    assert sent_figure(at) == json.loads(pio.to_json(figure(tick=1)))
    assert payload(at)["height"] == 300


def test_streamlits_placeholder_template_becomes_plotlys():
    # Streamlit makes its template the default: colours "#000001"... that only
    # st.plotly_chart fills in.
    at = run(template="streamlit")
    sent = sent_figure(at)
    assert sent["layout"]["template"]["layout"]["colorway"][0] == "#636efa"
    assert sent["data"][1]["y"] == [1, 0, -1]


def test_plotly_js_comes_from_the_installed_plotly_package():
    # The server side (the folder is served, the page loads plotly.js from it,
    # no request leaves the machine) is checked by tools/measure_live_chart.py:
    # AppTest mocks the component registry that serves files.
    src = payload(run())["src"]
    assert src.startswith("/component/ganviz.ui.live_chart.plotly_js/plotly.min.js?v=")
    head = (PLOTLY_JS_DIR / "plotly.min.js").read_text(encoding="utf-8")[:200]
    # ganviz's bundle is the plotly.js release the plotly package writes its figures for
    assert f"plotly.js (cartesian - minified) v{get_plotlyjs_version()}" in head


def throttled_page(every: float):
    import streamlit as st

    from ganviz.i18n import set_language
    from ganviz.ui.live_chart import live_plotly_chart
    from tests.ui.test_live_chart import figure

    set_language(st.session_state.get("lang", "en"))
    tick = st.session_state.tick = st.session_state.get("tick", 0) + 1

    def make():
        st.session_state.built = st.session_state.get("built", 0) + 1
        return figure(tick)

    live_plotly_chart(make, key="history", every=every)


def test_a_throttled_chart_is_rebuilt_at_most_once_per_period_and_resent_in_between():
    at = AppTest.from_function(throttled_page, kwargs=dict(every=60.0), default_timeout=30).run()
    first = sent_figure(at)
    for _ in range(3):
        at.run()
    assert at.session_state["tick"] == 4 and at.session_state["built"] == 1
    assert sent_figure(at) == first  # the same figure again: the browser skips the redraw
    at.session_state["lang"] = "ko"  # another language: rebuilt at once, whatever the period
    at.run()
    assert at.session_state["built"] == 2 and sent_figure(at)["layout"]["title"]["text"] == "tick 5"
    assert not at.exception


def test_a_chart_with_no_period_is_built_on_every_rerun():
    at = AppTest.from_function(throttled_page, kwargs=dict(every=0.0), default_timeout=30).run()
    at.run()
    at.run()
    assert at.session_state["built"] == 3 and sent_figure(at)["layout"]["title"]["text"] == "tick 3"


def test_the_browser_skips_an_unchanged_figure():
    from ganviz.ui.live_chart import _JS

    assert "div.drawn === data.figure" in _JS  # checked in a real browser by the e2e live-page tests

