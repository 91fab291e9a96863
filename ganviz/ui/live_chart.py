"""A Plotly chart that updates in place: ``live_plotly_chart(fig, key)``.

``st.plotly_chart`` builds a new chart whenever the figure's data changes
(streamlit#5107, #8782, #11424): a live chart blinks now and then and the user's
zoom is lost on every tick. This function draws the figure with
``Plotly.react`` on one and the same ``<div>`` across reruns instead, so the
chart never disappears and a zoom survives (``layout.uirevision``, set to
``key`` unless the figure sets its own).

How it works, all with public Streamlit APIs and nothing from a CDN:

* The chart is a small ``st.components.v2.component`` with inline JavaScript,
  mounted in the page (no iframe; ``isolate_styles=False`` so plotly.js's own
  global CSS applies). Streamlit keeps a keyed instance mounted across reruns
  and calls the JavaScript again with the new ``data`` and the same
  ``parentElement``; the JavaScript keeps one ``<div>`` there and redraws it.
* plotly.js is ganviz's copy of the cartesian bundle of the plotly.js release the
  installed plotly package was built for (``server.PLOTLY_JS``: no WebGL traces, so a
  ``scattergl`` is drawn as SVG), loaded once per page. Under ``app.py``
  ganviz's own route serves it, compressed once and cached by the browser for a
  year (``ganviz/ui/server.py``); elsewhere (``streamlit run navigation.py``)
  Streamlit's component route does: a v1 ``declare_component(path=...)``
  registers that folder to be served under ``<baseUrlPath>/component/<name>/``;
  the component is never mounted. No copy, no static folder, no config option.

AppTest runs no JavaScript: there the call just emits the component element,
whose JSON payload carries the figure (see tests/ui/test_live_chart.py).
Not supported: selections (``on_select``) and Streamlit's chart theme: the
figure is drawn with its own template, and with plotly's default template
where it would get Streamlit's (see ``_without_streamlit_template``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import plotly.io as pio
import streamlit as st
import streamlit.components.v1 as components_v1

from ganviz.views.projector import for_projector
from ganviz.views.wire import figure_json

from .server import PLOTLY_JS, PLOTLY_JS_VERSION, base_path, plotly_url, served

PLOTLY_JS_DIR = PLOTLY_JS.parent  # holds plotly.min.js (ganviz's copy of plotly.js: ``server.PLOTLY_JS``)

# The start of every ganviz component's JavaScript (this chart's, the live view's): the font fallback for Hangul,
# and plotly.js loaded once per page (the first component to load it shares it with the others through
# ``window.__ganvizPlotly``), leaving any ``window.Plotly`` of st.plotly_chart's as it was.
PLOTLY_LOADER_JS = """
const HANGUL_FALLBACK = '"Open Sans", verdana, arial, "Noto Sans KR", sans-serif';

// One load per page, shared by every component's module (each has its own copy of this code).
const plotlyBySrc = (window.__ganvizPlotlyBySrc ??= {});

// ganviz's plotly.js has no WebGL traces (server.PLOTLY_JS): a scattergl trace is drawn as SVG.
function withoutWebGL(data) {
  return data.map((trace) => trace.type === "scattergl" ? { ...trace, type: "scatter" } : trace);
}
function loadPlotly(src) {
  plotlyBySrc[src] ??= new Promise((resolve, reject) => {
    if (window.__ganvizPlotly) { resolve(window.__ganvizPlotly); return; }
    const before = window.Plotly;  // st.plotly_chart's own plotly.js may set it
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => {
      const ours = window.Plotly;
      if (before) window.Plotly = before;
      window.__ganvizPlotly ??= ours;
      resolve(ours);
    };
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
  return plotlyBySrc[src];
}
"""

_JS = PLOTLY_LOADER_JS + """
// Called on mount and again with new `data` on each rerun, same parentElement.
export default function ({ data, parentElement }) {
  let div = parentElement.querySelector(":scope > .live-plotly-chart");
  if (!div) {
    div = document.createElement("div");
    div.className = "live-plotly-chart";
    parentElement.appendChild(div);
  }
  // The same figure again (a throttled chart between its refreshes): nothing to redraw.
  if (div.drawn === data.figure && div.drawnHeight === data.height) return;
  const fig = JSON.parse(data.figure);
  const layout = { uirevision: data.uirevision, ...fig.layout };
  // Plotly's own fonts have no Hangul: fall back to the Korean font the app serves (ganviz/ui/server.py),
  // whose faces cover Hangul only, so Latin keeps Plotly's look.
  layout.font = { family: HANGUL_FALLBACK, ...(layout.font ?? {}) };
  if (data.height) layout.height = data.height;
  div.style.height = `${layout.height ?? 450}px`;  // hold the space while loading
  const config = { displaylogo: false, ...fig.config };
  loadPlotly(data.src)
    .then((Plotly) => {
      Plotly.react(div, withoutWebGL(fig.data ?? []), layout, config);
      div.drawn = data.figure;
      div.drawnHeight = data.height;
      if (!div.resizer) {  // follow the container's width: window, columns, sidebar
        // A resize after a react (presentation mode: a new figure, then a wider column) keeps the legend's old
        // margin, so the legend lands on the plot: redraw once the size is set (tests/e2e/test_chart_text.py).
        div.resizer = new ResizeObserver(() => Plotly.Plots.resize(div).then(() => Plotly.redraw(div)));
        div.resizer.observe(div);
      }
    })
    .catch((err) => { div.textContent = String(err); });
}
"""

_chart = st.components.v2.component("ganviz.live_plotly_chart", js=_JS, isolate_styles=False)

_PRELOAD_JS = PLOTLY_LOADER_JS + """
export default function ({ data }) { loadPlotly(data.src).catch(() => {}); }
"""
_preload = st.components.v2.component("ganviz.plotly_preload", js=_PRELOAD_JS, isolate_styles=False,
                                      css=".st-key-ganviz-plotly-preload { display: none; }")


def live_plotly_chart(fig: Any, key: str, height: int | None = None, every: float = 0.0) -> None:
    """Draw ``fig`` (a plotly Figure or its dict) and redraw it in place on reruns.

    ``key`` names the chart: keep it the same across reruns (it is also the
    default ``layout.uirevision``, so zoom and pan survive new data).
    ``height`` in pixels overrides ``layout.height`` (plotly's default: 450).
    In presentation mode the figure is drawn ``for_projector``: larger type and lines.

    ``every`` > 0 throttles a secondary chart: ``fig`` is then a function that
    builds the figure, called at most once per ``every`` seconds; in between, the
    last figure is sent again and the browser, seeing the same figure, skips the
    redraw (a history chart redrawn 2 times a second instead of 10 leaves the
    browser's time to the live figure). A change of language or presentation
    mode builds a new one at once.
    """
    from . import presenting

    if every > 0:
        _send(key, height, _throttled(fig, key, every, presenting()))
        return
    _send(key, height, _figure_text(fig() if callable(fig) else fig, presenting()))


def _figure_text(fig: Any, projector: bool) -> str:
    if projector:
        fig = for_projector(fig if isinstance(fig, dict) else fig.to_dict())
    return figure_json(_without_streamlit_template(fig))


def _throttled(make, key: str, every: float, projector: bool) -> str:
    """The JSON of ``make()``, rebuilt only when the last one is ``every`` seconds old or was built otherwise."""
    from ganviz.i18n import language

    slot, now, how = f"{key}.__sent", time.monotonic(), (language(), projector)
    last = st.session_state.get(slot)
    if last is None or last[2] != how or now - last[0] >= every:
        last = (now, _figure_text(make(), projector), how)
        st.session_state[slot] = last
    return last[1]


def _send(key: str, height: int | None, figure: str) -> None:
    _chart(key=key, data={"figure": figure, "src": plotly_src(), "uirevision": key, "height": height})


def _without_streamlit_template(fig: Any) -> Any:
    """``fig``, with plotly's default template where it has Streamlit's.

    Streamlit makes its "streamlit" template plotly's default; its colours are
    placeholders ("#000001", ...) that only ``st.plotly_chart`` fills in, so a
    figure made without a template of its own would be drawn in black.
    Plotly's "plotly" template is what ``st.plotly_chart(theme=None)`` shows.
    """
    try:
        placeholders = fig["layout"]["template"]["layout"]["colorway"][0] == "#000001"
    except (KeyError, IndexError, TypeError):
        placeholders = False
    if not placeholders:
        return fig
    layout = fig["layout"]
    layout = layout.to_plotly_json() if hasattr(layout, "to_plotly_json") else layout
    return {"data": fig["data"], "layout": {**layout, "template": pio.templates["plotly"]}}


def plotly_src() -> str:
    """The URL of the package's plotly.min.js: ganviz's cached route under ``app.py`` (``server.plotly_url``),
    else Streamlit's component route (AppTest, or ``streamlit run navigation.py``)."""
    url = plotly_url()
    if url:
        return url
    served = components_v1.declare_component("plotly_js", path=str(PLOTLY_JS_DIR))
    # The version busts the browser cache when plotly is upgraded.
    return f"{base_path()}/component/{served.name}/plotly.min.js?v={PLOTLY_JS_VERSION}"


def preload_plotly() -> None:
    """Start loading plotly.js (4.6 MB, then compiled) as the page's run begins, not when its first figure
    arrives: a hidden element at the top of the sidebar, under ganviz's server (where it is a cached route)."""
    if served["live"]:  # (``live_view.streaming``)
        with st.sidebar:
            _preload(key="ganviz-plotly-preload", data={"src": plotly_src()})
