"""ganviz: the front door. Run with `streamlit run app.py`.

``streamlit run`` finds ``app`` below, an ``st.App``, and serves it: every page
runs inside ``navigation.py`` (the page config, the language and presentation
switches, the menu of pages). Before the server takes its first visitor it
warms up (imports torch and the pages' modules, computes one frame of each live
page) and it serves plotly.js from a cached route: ``ganviz/ui/server.py``.
"""

import streamlit as st

from ganviz.ui.server import lifespan, routes

app = st.App("navigation.py", lifespan=lifespan, routes=routes())
