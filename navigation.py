"""The script every page runs inside: the page config, the language and presentation switches, the menu.

``app.py`` serves it (``st.App``); ``streamlit run navigation.py`` would serve the same pages without the
warm-up and the cached plotly.js route. Tests open pages through it (``AppTest.from_file``).
"""

import streamlit as st

import ganviz.ui
from ganviz.i18n import t
from ganviz.ui.live_chart import preload_plotly

ganviz.ui.start_process()  # torch's thread cap, before any page trains
st.set_page_config(page_title="ganviz: GANs, live", page_icon="🎲", layout="wide")
preload_plotly()  # plotly.js starts loading while the rest of the page runs
ganviz.ui.app_settings()  # the language switch and presentation mode, on every page

FOLLOWING = bool(st.query_params.get("follow"))  # a student's link /?follow=CODE opens the follow page
PAGES = [
    st.Page("pages/home.py", title=t("nav.home"), icon=":material/home:", default=not FOLLOWING),
    st.Page("pages/figure1.py", title=t("nav.figure1"), icon=":material/show_chart:", url_path="figure1"),
    st.Page("pages/two_d.py", title=t("nav.two_d"), icon=":material/grain:", url_path="two_d"),
    st.Page("pages/mode_collapse.py", title=t("nav.mode_collapse"), icon=":material/scatter_plot:",
            url_path="mode_collapse"),
    st.Page("pages/theory.py", title=t("nav.theory"), icon=":material/functions:", url_path="theory"),
    st.Page("pages/mnist.py", title=t("nav.mnist"), icon=":material/draw:", url_path="mnist"),
    st.Page("pages/follow.py", title=t("nav.follow"), icon=":material/cast_for_education:", url_path="follow",
            default=FOLLOWING),
]

ganviz.ui.run_page(st.navigation(PAGES))  # an unexpected error: one friendly line; the server logs the traceback
