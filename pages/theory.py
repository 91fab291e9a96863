"""The theory, in numbers: Proposition 1, Theorem 1 and why G uses the non-saturating loss."""

import math

import numpy as np
import streamlit as st

import ganviz.ui
from ganviz import theory
from ganviz.fixed_g import DiscriminatorFit
from ganviz.race import Race
from ganviz.snapshot import take_snapshot
from ganviz.figures import figure1
from ganviz.theory_figures import (criterion_curve_figure, densities_figure, gap_figure, objectives_figure,
                                   proposition1_figure, race_jsd_figure, sweep_figure)
from ganviz.trainer import TrainConfig
from ganviz.ui.controls import LEARNING_RATES, copy_widgets, mixture_picker
from ganviz.ui.live_chart import live_plotly_chart
from ganviz.ui.loop import Loop

ganviz.ui.ensure_navigation()
KEY = "theory"
PLOT = {"displaylogo": False}

st.title("The theory, in numbers")
st.caption("Proposition 1, Theorem 1 and the saturating loss of Goodfellow et al. (2014), each one a thing to poke. "
           "p_data and p_g (left) are exact densities: no network stands between you and the mathematics, "
           "except where one is trained on purpose.")

with st.sidebar:
    st.header("p_data and p_g")
    st.caption("Used by Proposition 1 and Theorem 1.")
    p_data = mixture_picker(f"{KEY}.data", "p_data", dict(kind="gaussian", means=(1.0, -2.0), stds=(0.6, 0.4), weight=0.5))
    st.divider()
    p_g = mixture_picker(f"{KEY}.g", "p_g", dict(kind="gaussian", means=(-1.0, 2.5), stds=(1.0, 0.5), weight=0.5))
    st.button("Make p_g equal to p_data", icon=":material/content_copy:", on_click=copy_widgets,
              args=(f"{KEY}.data", f"{KEY}.g"), width="stretch", key=f"{KEY}.copy",
              help="Theorem 1's minimum: then D* = 1/2 everywhere and C(G) = −log 4.")

grid = theory.Grid1D.covering(p_data, p_g)  # fine cells, wide enough to hold (almost) all the mass
lo, hi = theory.view_window(p_data, p_g)
shown = (grid.x >= lo) & (grid.x <= hi)
pd, pg = p_data.pdf(grid.x), p_g.pdf(grid.x)
d_star = theory.optimal_discriminator(pd, pg)
v_star = theory.criterion(pd, pg, grid.dx)

prop1, thm1, sat = st.tabs(["Proposition 1: the best D", "Theorem 1: the minimum of C(G)",
                            "Why G uses the non-saturating loss"])

# ----- Proposition 1 --------------------------------------------------------------------------
with prop1:
    st.latex(r"V(D,G)=\int p_{data}(x)\log D(x)\,dx+\int p_g(x)\log(1-D(x))\,dx"
             r"\quad\le\quad V(D^*,G),\qquad D^*(x)=\frac{p_{data}(x)}{p_{data}(x)+p_g(x)}")
    left, right = st.columns([1, 2.2])
    with left:
        kind = st.radio("candidate D", ["sigmoid", "blend"], key=f"{KEY}.cand", horizontal=True,
                        format_func={"sigmoid": "a sigmoid", "blend": "D* blended with ½"}.get,
                        help="Any function with values in (0, 1) is a discriminator. Try to beat D*.")
        if kind == "sigmoid":
            centre = st.slider("centre c", -5.0, 5.0, 0.0, 0.1, key=f"{KEY}.centre",
                               help="Where the candidate says ½.")
            slope = st.slider("slope a", -10.0, 10.0, 2.0, 0.1, key=f"{KEY}.slope",
                              help="How sharply it switches; negative flips it, 0 gives D = ½ everywhere.")
            d = theory.sigmoid_discriminator(grid.x, centre, slope)
            label, param_label, current = f"candidate D = σ({slope:g}·(x − {centre:g}))", "centre c", centre
            params = np.linspace(-5, 5, 101)
            sweep = [theory.sigmoid_value(pd, pg, grid.x, c, slope, grid.dx) for c in params]
            v_d = theory.sigmoid_value(pd, pg, grid.x, centre, slope, grid.dx)
        else:
            t = st.slider("blend t", 0.0, 1.0, 0.5, 0.01, key=f"{KEY}.blend",
                          help="D = (1 − t)·D* + t·½: D* itself at t = 0, the clueless D = ½ at t = 1.")
            d = theory.blended_discriminator(d_star, t)
            label, param_label, current = f"candidate D = (1 − {t:g})·D* + {t:g}·½", "blend t", t
            params = np.linspace(0, 1, 101)
            sweep = [theory.value(pd, pg, theory.blended_discriminator(d_star, s), grid.dx) for s in params]
            v_d = v_star if t == 0 else theory.value(pd, pg, d, grid.dx)  # t = 0: D* itself, V computed stably
        st.metric("V(D*, G)", f"{v_star:.5f}", help="The best any D can do against this p_g.")
        st.metric("V(D, G) of the candidate", f"{v_d:.5f}" if math.isfinite(v_d) else "−∞",
                  delta=f"{v_d - v_star:.5f} below D*" if math.isfinite(v_d) else "−∞: D is 0 or 1 where there is data",
                  delta_color="off",
                  help="Integrated on a grid of 4,000 cells. It is never above V(D*, G).")
    with right:
        st.plotly_chart(proposition1_figure(grid.x[shown], pd[shown], pg[shown], d_star[shown], d[shown], label),
                        key=f"{KEY}.prop1", config=PLOT)
    st.plotly_chart(sweep_figure(params, np.array(sweep), v_star, current, v_d, param_label), key=f"{KEY}.sweep",
                    config=PLOT)
    st.caption("Why D* wins: at each x, y ↦ a·log y + b·log(1 − y) with a = p_data(x), b = p_g(x) is largest at "
               "y = a/(a + b). The blue band in the lower plot is what the candidate loses at each x; it is never "
               "below zero, so the integral V cannot beat D* either.")

    st.subheader("Let a network find D*")
    st.caption("A small discriminator (2 hidden layers of 32 ReLU units, Adam) sees minibatches of p_data and of p_g "
               "and minimises the log loss, i.e. ascends V. It is never told the formula, yet it converges to D*.")
    signature = (p_data.means.tolist(), p_data.stds.tolist(), p_data.weights.tolist(),
                 p_g.means.tolist(), p_g.stds.tolist(), p_g.weights.tolist())
    if st.session_state.get(f"{KEY}.fit_for") != signature:
        st.session_state[f"{KEY}.fit"] = DiscriminatorFit(p_data, p_g, seed=0)
        st.session_state[f"{KEY}.fit_for"] = signature
        st.session_state[f"{KEY}.fit_msg"] = None
    fit: DiscriminatorFit = st.session_state[f"{KEY}.fit"]
    fit_loop = Loop(f"{KEY}.fit")

    def reset_fit():
        st.session_state[f"{KEY}.fit_for"] = None
        fit_loop.running = False

    fit_loop.buttons(f"{KEY}.fit", reset_fit, "Train D", ":material/model_training:",
                     "Train the network D against the fixed p_g, redrawing as it learns.", "A fresh, untrained network.")

    def fit_tick():
        try:
            done = fit.converged(fit.train(10))
        except Exception as err:  # a NaN: say so and stop, the page stays up
            st.session_state[f"{KEY}.fit_msg"] = ("error", str(err))
            return False
        if done or fit.steps >= 5000:
            st.session_state[f"{KEY}.fit_msg"] = ("success", f"D stopped improving after {fit.steps:,} steps: "
                                                  "its curve now lies on D*.")
            return False

    def fit_draw():
        now = fit.measure(grid)
        cols = st.columns(4)
        cols[0].metric("D steps", f"{fit.steps:,}")
        cols[1].metric("mean |D − D*|", f"{now['gap']:.4f}", help="Averaged under (p_data + p_g)/2.")
        cols[2].metric("V(D, G) of the network", f"{now['value']:.4f}")
        cols[3].metric("V(D*, G)", f"{now['value_star']:.4f}")
        a, b = st.columns([2.2, 1])
        with a:
            live_plotly_chart(proposition1_figure(grid.x[shown], pd[shown], pg[shown], now["d_star"][shown],
                                                  now["d"][shown], "the network D", height=460), key=f"{KEY}.fit_fig")
        with b:
            live_plotly_chart(gap_figure(fit.history), key=f"{KEY}.gap")
        msg = st.session_state.get(f"{KEY}.fit_msg")
        if msg:
            getattr(st, msg[0])(msg[1])

    fit_loop.fragment(0.15, fit_tick, fit_draw)

# ----- Theorem 1 ------------------------------------------------------------------------------
with thm1:
    st.latex(r"C(G)=\max_D V(D,G)=V(D^*,G)=-\log 4+2\cdot\mathrm{JSD}(p_{data}\,\|\,p_g)")
    st.latex(r"2\cdot\mathrm{JSD}(p_{data}\,\|\,p_g)=\mathrm{KL}\Big(p_{data}\,\Big\|\,\tfrac{p_{data}+p_g}{2}\Big)"
             r"+\mathrm{KL}\Big(p_g\,\Big\|\,\tfrac{p_{data}+p_g}{2}\Big)")
    t1 = theory.theorem1(pd, pg, grid.dx)
    a, b, c = st.columns(3)
    a.metric("V(D*, G): plug D* into V and integrate", f"{t1.v_at_d_star:.10f}",
             help="Sum over 4,000 cells of p_data·log D* + p_g·log(1 − D*).")
    b.metric("−log 4 + 2·JSD(p_data ‖ p_g)", f"{t1.via_jsd:.10f}", help=f"JSD = {t1.jsd:.10f} nats.")
    c.metric("difference", f"{t1.difference:.1e}", help="The two agree to rounding: Theorem 1 holds on the grid.")
    a, b, c = st.columns(3)
    a.metric("KL(p_data ‖ m)", f"{t1.kl_data_m:.6f}", help="m = (p_data + p_g)/2")
    b.metric("KL(p_g ‖ m)", f"{t1.kl_g_m:.6f}")
    c.metric("JSD = (sum of the two KL)/2", f"{t1.jsd:.6f}", help="In nats; 0 ≤ JSD ≤ log 2 ≈ 0.693.")

    data_mean = float(p_data.weights @ p_data.means[:, 0])
    g_mean = float(p_g.weights @ p_g.means[:, 0])
    g_means = np.linspace(data_mean - 6, data_mean + 6, 121)
    wide = theory.Grid1D.covering(p_data, theory.shifted(p_g, g_means[0]), theory.shifted(p_g, g_means[-1]))
    curve = theory.criterion_curve(p_data, p_g, g_means, wide)
    left, right = st.columns([1.6, 1])
    left.plotly_chart(criterion_curve_figure(g_means, curve, g_mean, t1.v_at_d_star, data_mean), key=f"{KEY}.curve",
                      config=PLOT)
    right.plotly_chart(densities_figure(grid.x[shown], pd[shown], pg[shown], d_star[shown]), key=f"{KEY}.thm1_fig",
                       config=PLOT)
    if t1.jsd < 1e-9:
        right.success("p_g = p_data: D* = ½ everywhere, JSD = 0 and C(G) = −log 4, the global minimum.")
    else:
        right.caption(f"Lowest C(G) on this slide: {curve.min():.4f}. It reaches −log 4 ≈ −1.3863 only if p_g has "
                      "p_data's shape as well as its place: try the sidebar's *Make p_g equal to p_data*.")

# ----- Why the non-saturating loss -------------------------------------------------------------
with sat:
    st.markdown("Early in training D easily tells the fakes apart, so **D(G(z)) ≈ 0**. There the minimax objective "
                "log(1 − D(G(z))) is flat and its gradient vanishes; −log D(G(z)) has the same fixed point but "
                "a strong gradient. The paper: *“Early in learning, when G is poor, D can reject samples with high "
                "confidence … log(1 − D(G(z))) saturates.”*")
    st.latex(r"\frac{\partial}{\partial s}\log\big(1-\sigma(s)\big)=-\sigma(s)=-D(G(z))"
             r"\qquad\frac{\partial}{\partial s}\big(-\log\sigma(s)\big)=-\big(1-D(G(z))\big)")
    objectives_box = st.container()  # filled below, once the runs exist (their markers sit on the curves)
    st.markdown("**The experiment.** The same 1D GAN, same seed, same everything, trained with each loss from a "
                "generator placed far to the left of the data. The preset below is one where the minimax run "
                "stays stuck at JSD = log 2 for all 4,000 steps with every seed we tried (0 to 5).")
    cols = st.columns(4)
    offset = cols[0].slider("G starts shifted by", -4.0, 0.0, -2.5, 0.5, key=f"{KEY}.offset",
                            help="Added to G's output when the networks are built; p_data is N(2, 0.5²).")
    k = cols[1].slider("k: D steps per G step", 1, 5, 3, key=f"{KEY}.k",
                       help="A stronger D (larger k) rejects fakes sooner, which is when minimax saturates.")
    lr = cols[2].select_slider("learning rate (both, SGD)", LEARNING_RATES, 0.05, key=f"{KEY}.lr",
                               format_func=lambda v: f"{v:g}")
    seed = int(cols[3].number_input("seed", 0, 10_000, 1, key=f"{KEY}.seed"))
    config = TrainConfig(dist="gaussian", optimizer="sgd", momentum=0.5, lr_d=lr, lr_g=lr, k=k, batch=128,
                         prior="uniform", width=32, depth=2, g_offset=offset, seed=seed)
    race: Race | None = st.session_state.get(f"{KEY}.race")
    if race is None or race.config.needs_new_model(config):
        race = Race.varying(config, "loss", ["minimax", "nonsaturating"])
        for trainer in race.trainers.values():
            take_snapshot(trainer)  # step 0
        st.session_state[f"{KEY}.race"] = race
    elif race.config != config:
        race.apply(config)
    race_loop = Loop(f"{KEY}.race")
    # Drawn outside the live fragment (it is the costliest figure): its markers move on pause, reset or step.
    objectives_box.plotly_chart(objectives_figure({loss: t.history[-1]["d_fake"] for loss, t in race.trainers.items()}),
                                key=f"{KEY}.objectives", config=PLOT)

    def reset_race():
        st.session_state[f"{KEY}.race"] = None
        race_loop.running = False

    race_loop.buttons(f"{KEY}.race", reset_race, play_help="Train both runs, 15 iterations of Algorithm 1 each per frame.",
                      reset_help="Both runs back to step 0, same seed.")

    def race_tick():
        race.train(15)
        return race.step < 4000 and len(race.errors) < len(race.trainers)

    def race_draw():
        snaps = {loss: take_snapshot(t) for loss, t in race.trainers.items()}
        panels = st.columns(2)
        for col, (loss, snap) in zip(panels, snaps.items()):
            m = snap.metrics
            grad = m["d_fake"] if loss == "minimax" else 1.0 - m["d_fake"]
            title = "minimax: G minimises log(1 − D(G(z)))" if loss == "minimax" else "non-saturating: G minimises −log D(G(z))"
            col.markdown(f"**{title}**")
            a, b, c = col.columns(3)
            a.metric("step", f"{m['step']:,}")
            b.metric("JSD", f"{m['jsd']:.3f}", help="log 2 ≈ 0.693 means p_g and p_data do not overlap at all.")
            c.metric("G's gradient size", f"{grad:.4f}", help="Mean |∂ objective / ∂ logit| over p_g: "
                     "D(G(z)) for minimax, 1 − D(G(z)) for non-saturating.")
            with col:
                live_plotly_chart(figure1(snap, compact=True, height=330), key=f"{KEY}.race_{loss}")
            if loss in race.errors:
                col.error(race.errors[loss])
        live_plotly_chart(race_jsd_figure({loss: t.history for loss, t in race.trainers.items()}), key=f"{KEY}.race_jsd")

    race_loop.fragment(0.3, race_tick, race_draw)

with st.expander("What am I looking at?"):
    st.markdown(
        "- **Proposition 1**: for a fixed generator, the best discriminator is D* = p_data/(p_data + p_g). "
        "Move the candidate D and watch V(D, G) stay below V(D*, G); train a network and watch it find D* by itself.\n"
        "- **Theorem 1**: plugging D* into V gives the virtual training criterion C(G) = −log 4 + 2·JSD. It is "
        "computed here both ways, on the same grid, and the digits agree. Its minimum −log 4 is reached only at "
        "p_g = p_data, where D* = ½: the discriminator can do no better than a coin.\n"
        "- **The non-saturating loss**: the minimax game gives G a gradient proportional to D(G(z)), nearly zero "
        "when D is sure the fakes are fake. Maximising log D(G(z)) instead gives the same fixed point with a "
        "strong gradient early on: Section 3 of the paper.\n\n"
        "All integrals are sums over 4,000 equal cells covering 8 standard deviations around every component, "
        "so the mass left outside is below 10⁻¹⁴."
    )
