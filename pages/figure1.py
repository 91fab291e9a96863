"""Figure 1 of the paper, live: a 1D GAN trains while p_data, p_g and D(x) are drawn."""

import streamlit as st

import ganviz.ui
from ganviz.figures import figure1, history_figure
from ganviz.trainer import TrainConfig
from ganviz.ui.controls import sidebar_config
from ganviz.ui.live import LiveRun
from ganviz.ui.live_chart import live_plotly_chart

ganviz.ui.ensure_navigation()
KEY = "fig1"
DEFAULTS = TrainConfig(dist="gaussian", loss="nonsaturating", optimizer="sgd", lr_d=0.05, lr_g=0.05,
                       momentum=0.5, batch=128, prior="uniform", width=32, seed=0, device="auto")

st.title("Figure 1, live")
st.caption(
    "The data density p_data (black, dotted), the generator's density p_g (green, solid) and the "
    "discriminator D(x) (blue, dashed). Below, the lines of z and x: each arrow sends an evenly spaced z to G(z), "
    "so you see G squeeze and stretch the uniform noise into p_g."
)

config, pacing = sidebar_config(KEY, DEFAULTS, ["gaussian", "bimodal"], frame_seconds=0.1, iterations_per_frame=20)
run = LiveRun(KEY)
run.sync(config)
run.toolbar(config)
show_d_star = st.toggle("Overlay the optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x))", value=True,
                        key=f"{KEY}.d_star")
run.show_message()


def draw(snap, trainer):
    m = snap.metrics
    cols = st.columns(5)
    cols[0].metric("step", f"{m['step']:,}", help="Algorithm-1 iterations done (G updates).")
    cols[1].metric("JSD(p_data ‖ p_g)", f"{m['jsd']:.4f}", help="In nats; 0 when p_g = p_data, at most log 2 ≈ 0.693.")
    cols[2].metric("C(G) = −log 4 + 2·JSD", f"{m['criterion']:.4f}", help="Its minimum, −log 4 ≈ −1.386, means p_g = p_data.")
    cols[3].metric("D on real data", f"{m['d_real']:.3f}", help="E over p_data of D(x): D's average verdict on real samples.")
    cols[4].metric("D on fakes", f"{m['d_fake']:.3f}", help="E over p_g of D(x): D's average verdict on generated samples.")
    live_plotly_chart(figure1(snap, show_d_star=show_d_star), key=f"{KEY}.figure")
    live_plotly_chart(history_figure(trainer.history), key=f"{KEY}.history")
    if not snap.d_is_probability:
        st.caption("With this loss D is a critic, not a probability: the blue curve is σ(critic(x)).")


run.fragment(pacing, draw)

run.show_frozen(lambda snap, title: figure1(snap, show_d_star=show_d_star, title=title, height=320, compact=True))

with st.expander("What am I looking at?"):
    st.markdown(
        "This is Figure 1 of Goodfellow et al. (2014), computed live. D is trained to tell samples of p_data "
        "from samples of p_g; G is trained to fool D. Near convergence: (a) D is partially accurate; (b) trained "
        "alone, D converges to D*; (c) after an update of G, D's gradient has guided G(z) to regions more likely "
        "to be classified as data; (d) after enough steps, p_g = p_data and D(x) = 1/2 everywhere."
    )
    st.markdown(
        "**How p_g is computed.** Not from random samples: G is evaluated at 8,192 equally likely values of z "
        "(the quantiles of p_z), each carrying probability 1/8,192, and that mass is spread evenly between "
        "neighbouring outputs. The result is G's exact density up to the width of a grid cell, without sampling "
        "noise, so the JSD you see is the JSD of the generator itself."
    )
    st.latex(r"\mathrm{JSD}(p\,\|\,q) = \tfrac12 \mathrm{KL}\big(p\,\|\,\tfrac{p+q}{2}\big) + \tfrac12 \mathrm{KL}\big(q\,\|\,\tfrac{p+q}{2}\big)")
    st.markdown("Try: press Play and watch p_g move onto p_data; pause, press *Train D to optimality* to see D settle on D*; "
                "take snapshots along the way to rebuild panels (a)-(d).")
