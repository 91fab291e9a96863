"""Demo for ganviz.ui.live_chart: a scatter + heatmap redrawn every 0.2 s.

    streamlit run tools/live_chart_demo.py              # live_plotly_chart
    streamlit run tools/live_chart_demo.py -- --plain   # st.plotly_chart, to compare
    streamlit run tools/live_chart_demo.py -- --columns # the chart inside st.columns

The figure title carries a tick counter ("tick 17"), which
tools/measure_live_chart.py reads from the page.
"""

import sys
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `streamlit run` adds tools/ only
from ganviz.ui.live_chart import live_plotly_chart  # noqa: E402

PLAIN = "--plain" in sys.argv
COLUMNS = "--columns" in sys.argv


def figure(tick: int) -> go.Figure:
    rng = np.random.default_rng(tick)
    t = tick / 10
    points = rng.normal(size=(200, 2)) * 0.3 + [np.cos(t), np.sin(t)]
    grid = np.linspace(-2, 2, 50)
    x, y = np.meshgrid(grid, grid)
    density = np.exp(-((x - np.cos(t)) ** 2 + (y - np.sin(t)) ** 2))
    fig = make_subplots(rows=1, cols=2, subplot_titles=("samples", "density"))
    fig.add_trace(go.Scatter(x=points[:, 0], y=points[:, 1], mode="markers"), row=1, col=1)
    fig.add_trace(go.Heatmap(z=density.round(3), x=grid, y=grid, showscale=False), row=1, col=2)
    fig.update_layout(title=f"tick {tick}", showlegend=False, height=420, uirevision="demo",
                      xaxis_range=[-2, 2], yaxis_range=[-2, 2])
    return fig


@st.fragment(run_every=0.2)
def live():
    st.session_state.tick = st.session_state.get("tick", 0) + 1
    fig = figure(st.session_state.tick)
    place = st.columns(2)[0] if COLUMNS else st.container()
    with place:
        if PLAIN:
            st.plotly_chart(fig, key="chart")
        else:
            live_plotly_chart(fig, key="chart")


st.title("live chart demo: " + ("st.plotly_chart" if PLAIN else "live_plotly_chart"))
live()
