"""2D: a GAN learns a distribution in the plane; D's landscape and G's manifold drawn live."""

import streamlit as st

import ganviz.ui
from ganviz.figures2d import figure2d, history_figure_2d
from ganviz.modes import has_modes
from ganviz.snapshot2d import take_snapshot_2d
from ganviz.trainer import TrainConfig
from ganviz.ui.controls import sidebar_config
from ganviz.ui.custom import CustomTarget
from ganviz.ui.live import LiveRun
from ganviz.ui.live_chart import live_plotly_chart

ganviz.ui.ensure_navigation()
KEY = "p2d"
TARGETS = ["ring8", "grid25", "gaussian2d", "spiral", "moons", "custom"]
DEFAULTS = TrainConfig(dist="ring8", loss="nonsaturating", optimizer="adam", lr_d=1e-3, lr_g=1e-3, batch=256,
                       prior="uniform", z_dim=2, width=64, depth=2, seed=0, device="auto")

st.title("2D: a GAN learns a distribution in the plane")
st.caption("Black dots are real samples, green dots are G's samples. Behind them, D's verdict D(x): blue where D "
           "says *real*, red where it says *fake*, white at ½. The grey lines are G's manifold: a grid in z space "
           "pushed through G, so you see how G folds and stretches the noise.")

config, pacing = sidebar_config(KEY, DEFAULTS, TARGETS, frame_seconds=0.2, iterations_per_frame=40)
target = None
if config.dist == "custom":
    target = CustomTarget(f"{KEY}.custom").editor()
    if target is None:
        st.stop()
run = LiveRun(KEY, snapshot=take_snapshot_2d)
run.sync(config, target)
run.toolbar(config, target)
c1, c2, c3 = st.columns(3)
show_manifold = c1.toggle("G's manifold", value=True, key=f"{KEY}.manifold",
                          help="Lines of a grid in z space, pushed through G: how G bends the noise into the plane.")
show_d_star = c2.toggle("contours of D*", value=False, key=f"{KEY}.d_star",
                        help="Levels 0.1, 0.3, 0.5, 0.7, 0.9 of D* = p_data/(p_data + p_g), where either density has "
                             "mass. p_g here is estimated from 2,500 samples of G (see below).")
show_arrows = c3.toggle("G's gradient arrows", value=False, key=f"{KEY}.arrows",
                        help="For 40 generated points: the direction one G step pushes each point (−∂ G's loss / ∂x), "
                             "lengths relative to the longest.")
run.show_message()


def draw(snap, trainer):
    m = snap.metrics
    cols = st.columns(5)
    cols[0].metric("step", f"{m['step']:,}", help="Algorithm-1 iterations done (G updates).")
    cols[1].metric("JSD (smoothed)", f"{m['jsd']:.3f}",
                   help="JSD between p_data and p_g, both blurred by the same Gaussian kernel, in nats (log 2 ≈ 0.693 "
                        "means no overlap). p_g is estimated from 2,500 samples of G.")
    if "modes" in m:
        cols[2].metric("modes covered", f"{m['modes']} / {len(trainer.target.means)}",
                       help="A mode is covered if at least one high-quality sample has it as its nearest mode "
                            "(2,500 samples; the VEEGAN/PacGAN protocol).")
        cols[3].metric("high-quality samples", f"{100 * m['hq']:.1f}%",
                       help="The share of samples within 3 standard deviations of their nearest mode's centre.")
    else:
        cols[2].metric("D on real data", f"{m['d_real']:.3f}", help="Mean D(x) over real samples.")
        cols[3].metric("D on fakes", f"{m['d_fake']:.3f}", help="Mean D(x) over generated samples.")
    cols[4].metric("G's samples off the plot", f"{100 * m['outside']:.1f}%",
                   help="The share of p_g's (smoothed) mass outside the plotted window; it counts in the JSD.")
    live_plotly_chart(figure2d(snap, show_d_star=show_d_star, show_manifold=show_manifold, show_arrows=show_arrows),
                      key=f"{KEY}.figure")
    n_modes = len(trainer.target.means) if has_modes(trainer.target) else None
    live_plotly_chart(history_figure_2d(trainer.history, n_modes), key=f"{KEY}.history")
    if not snap.d_is_probability:
        st.caption("With this loss D is a critic, not a probability: the heatmap shows σ(critic(x)).")


run.fragment(pacing, draw)

run.show_frozen(lambda snap, title: figure2d(snap, show_d_star=show_d_star, show_manifold=show_manifold, height=330,
                                            title=title))

with st.expander("What am I looking at?"):
    st.markdown(
        "The same game as Figure 1, in the plane. D is trained to give real samples a high score and G's samples a "
        "low one; G is trained to move its samples where D scores high. The heatmap is D(x) on a 48 × 48 grid; the "
        "green points are G applied to one fixed batch of noise, so you can follow the same points from frame to "
        "frame.\n\n"
        "**Mode collapse.** On ring8 and grid25, count the modes G's samples reach: a generator that puts all its "
        "samples on a few modes can still fool a D that only looks at one sample at a time.\n\n"
        "**How p_g and the JSD are estimated.** In 2D, p_g is not computed from G exactly (as it is in 1D) but "
        "from 2,500 of G's samples: each is binned on a 128 × 128 grid and blurred by a Gaussian kernel whose "
        "width is 2% of the window. p_data is blurred the same way, from its exact cell masses, so a perfect G "
        "scores about 0 (up to ~0.004 nats of sampling noise). Blurring both can only bring them closer, so this "
        "JSD is a lower bound on the true one."
    )
    st.latex(r"\mathrm{JSD}(p\,\|\,q) = \tfrac12 \mathrm{KL}\big(p\,\|\,\tfrac{p+q}{2}\big) + \tfrac12 \mathrm{KL}\big(q\,\|\,\tfrac{p+q}{2}\big)")
    st.markdown("Try: ring8 with noise dimension 1 (G can only draw a curve through the modes); k = 5 against "
                "k = 1; the least-squares loss; your own drawing.")
