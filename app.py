"""ganviz: the front door. Run with `streamlit run app.py`."""

import streamlit as st

st.set_page_config(page_title="ganviz: GANs, live", page_icon="🎲", layout="wide")

PAGES = [
    st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("pages/figure1.py", title="Figure 1", icon=":material/show_chart:", url_path="figure1"),
    st.Page("pages/two_d.py", title="2D", icon=":material/grain:", url_path="two_d"),
    st.Page("pages/mode_collapse.py", title="Mode collapse", icon=":material/scatter_plot:", url_path="mode_collapse"),
    st.Page("pages/theory.py", title="Theory", icon=":material/functions:", url_path="theory"),
    st.Page("pages/mnist.py", title="MNIST", icon=":material/draw:", url_path="mnist"),
]

st.navigation(PAGES).run()
