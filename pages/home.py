"""Home: the GAN story in a few lines, and the way to the pages."""

import streamlit as st

import ganviz.ui
from ganviz.i18n import t

ganviz.ui.ensure_navigation()

st.title(t("home.title"))
st.markdown(t("home.intro"))
st.latex(r"\min_G \max_D V(D,G) = \mathbb{E}_{x\sim p_\text{data}}[\log D(x)] + \mathbb{E}_{z\sim p_z}[\log(1-D(G(z)))]")
st.markdown(t("home.algorithm"))
st.markdown(t("home.d_star"))
st.latex(r"D^*_G(x) = \frac{p_\text{data}(x)}{p_\text{data}(x) + p_g(x)}")
st.markdown(t("home.criterion"))
st.latex(r"C(G) = \max_D V(D,G) = -\log 4 + 2\cdot \mathrm{JSD}(p_\text{data} \,\|\, p_g)")
st.markdown(t("home.minimum"))
st.page_link("pages/figure1.py", label=t("home.link_figure1"), icon=":material/show_chart:")
st.page_link("pages/two_d.py", label=t("home.link_two_d"), icon=":material/grain:")
st.page_link("pages/mode_collapse.py", label=t("home.link_mode_collapse"), icon=":material/scatter_plot:")
st.page_link("pages/theory.py", label=t("home.link_theory"), icon=":material/functions:")
st.page_link("pages/mnist.py", label=t("home.link_mnist"), icon=":material/draw:")
st.caption(t("home.languages"))
