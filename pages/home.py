"""Home: the GAN story in a few lines, and the way to the pages."""

import streamlit as st

import ganviz.ui

ganviz.ui.ensure_navigation()

st.title("ganviz: watch a GAN learn")
st.markdown(
    "Generative Adversarial Nets (Goodfellow et al., 2014) train two networks against each other. "
    "The **generator** G turns noise z ~ p_z into samples x = G(z), whose distribution is p_g. "
    "The **discriminator** D(x) estimates the probability that x came from the data rather than from G. "
    "They play the two-player minimax game with value function"
)
st.latex(r"\min_G \max_D V(D,G) = \mathbb{E}_{x\sim p_\text{data}}[\log D(x)] + \mathbb{E}_{z\sim p_z}[\log(1-D(G(z)))]")
st.markdown(
    "**Algorithm 1** trains them in turns. For each iteration: update D **k** times, each time on a fresh "
    "minibatch of m real samples and m generated ones, ascending V; then update G once on m fresh noise "
    "samples, descending V (in practice G maximises log D(G(z)) instead: the *non-saturating* loss)."
)
st.markdown("For a fixed G, the best discriminator (Proposition 1) is")
st.latex(r"D^*_G(x) = \frac{p_\text{data}(x)}{p_\text{data}(x) + p_g(x)}")
st.markdown("and plugging it in gives the generator's criterion (Theorem 1)")
st.latex(r"C(G) = \max_D V(D,G) = -\log 4 + 2\cdot \mathrm{JSD}(p_\text{data} \,\|\, p_g)")
st.markdown(
    "The Jensen-Shannon divergence is 0 only when p_g = p_data, so the game's global minimum, C(G) = −log 4, "
    "is reached exactly when the generator reproduces the data, and there D* = 1/2 everywhere."
)
st.page_link("pages/figure1.py", label="Figure 1: a 1D GAN learning live, drawn as in the paper", icon=":material/show_chart:")
st.page_link("pages/two_d.py", label="2D: a GAN learns ring8, grid25, a spiral or your own drawing, with D's landscape and G's manifold",
             icon=":material/grain:")
st.page_link("pages/mode_collapse.py", label="Mode collapse: a plain GAN and a remedy side by side, with the modes each one covers",
             icon=":material/scatter_plot:")
st.page_link("pages/theory.py", label="Theory: Proposition 1, Theorem 1 and the non-saturating loss, to poke with sliders",
             icon=":material/functions:")
