"""The theory, in numbers: Proposition 1, Theorem 1 and why G uses the non-saturating loss."""

import math
from dataclasses import replace

import numpy as np
import streamlit as st

import ganviz.ui
from ganviz.measure import theory
from ganviz.views.figure1 import figure1
from ganviz.lessons.fixed_g import DiscriminatorFit
from ganviz.lessons.proposition2 import FunctionSpaceRun, ParametricRun
from ganviz.measure.gaussian_fits import fit_all
from ganviz.i18n import t
from ganviz.lessons.presets import THEORY_RACE, presets_for
from ganviz.lessons.race import Race
from ganviz.lessons.vae import VAE_RUNS, compare_1d, compare_2d, load_mnist_vae, mnist_samples, sharpness, train_vae
from ganviz.files.checkpoints import load_checkpoint
from ganviz.mnist import WeightsError
from ganviz.mnist.render import grid as digit_grid
from ganviz.mnist.weights import load_classifier, load_generator
from ganviz.frames.snapshot import take_snapshot
from ganviz.views.palette import RACE_RUNS
from ganviz.views.theory import (criterion_curve_figure, densities_figure, gap_figure, gaussian_fits_figure,
                                   objectives_figure, proposition1_figure, proposition2_criterion_figure,
                                   proposition2_figure, race_jsd_figure, sweep_figure, elbo_figure,
                                   vae_density_figure, vae_samples_figure)
from ganviz.core.trainer import DivergenceError
from ganviz.ui.controls import LEARNING_RATES, copy_widgets, mixture_picker
from ganviz.ui.live import Loop, RaceRun
from ganviz.ui.live_chart import live_plotly_chart

ganviz.ui.ensure_navigation()
KEY = "theory"
PLOT = {"displaylogo": False}
presenting = ganviz.ui.presenting()
RACE_PRESETS = {p.field: p for p in presets_for("theory")}  # the measured races, by the field their runs differ in

st.title(t("theory.title"))
if not presenting:
    st.caption(t("theory.caption"))

with st.sidebar:
    st.header(t("theory.sidebar_header"))
    st.caption(t("theory.sidebar_caption"))
    p_data = mixture_picker(f"{KEY}.data", "p_data", dict(kind="gaussian", means=(1.0, -2.0), stds=(0.6, 0.4), weight=0.5))
    st.divider()
    p_g = mixture_picker(f"{KEY}.g", "p_g", dict(kind="gaussian", means=(-1.0, 2.5), stds=(1.0, 0.5), weight=0.5))
    st.button(t("theory.copy"), icon=":material/content_copy:", on_click=copy_widgets,
              args=(f"{KEY}.data", f"{KEY}.g"), width="stretch", key=f"{KEY}.copy", help=t("theory.copy_help"))

grid = theory.Grid1D.covering(p_data, p_g)  # fine cells, wide enough to hold (almost) all the mass
lo, hi = theory.view_window(p_data, p_g)
shown = (grid.x >= lo) & (grid.x <= hi)
pd, pg = p_data.pdf(grid.x), p_g.pdf(grid.x)
d_star = theory.optimal_discriminator(pd, pg)
v_star = theory.criterion(pd, pg, grid.dx)

prop1, thm1, prop2, sat, fits_tab, vae_tab = st.tabs([t("theory.tab_prop1"), t("theory.tab_thm1"),
                                                       t("theory.tab_prop2"), t("theory.tab_saturation"),
                                                       t("theory.tab_fits"), t("theory.tab_vae")])


def show_message(box, message) -> None:
    """A message stored untranslated as (kind, i18n key, values), said in the reader's language."""
    if message and len(message) == 3:
        kind, key, values = message
        getattr(box, kind)(t(key, **values))


# ----- Proposition 1 --------------------------------------------------------------------------
with prop1:
    st.latex(r"V(D,G)=\int p_{data}(x)\log D(x)\,dx+\int p_g(x)\log(1-D(x))\,dx"
             r"\quad\le\quad V(D^*,G),\qquad D^*(x)=\frac{p_{data}(x)}{p_{data}(x)+p_g(x)}")
    left, right = st.columns([1, 2.2])
    with left:
        kind = st.radio(t("theory.candidate"), ["sigmoid", "blend"], key=f"{KEY}.cand", horizontal=True,
                        format_func={name: t(f"theory.candidate_{name}") for name in ("sigmoid", "blend")}.get,
                        help=t("theory.candidate_help"))
        if kind == "sigmoid":
            centre = st.slider(t("theory.centre"), -5.0, 5.0, 0.0, 0.1, key=f"{KEY}.centre",
                               help=t("theory.centre_help"))
            slope = st.slider(t("theory.slope"), -10.0, 10.0, 2.0, 0.1, key=f"{KEY}.slope",
                              help=t("theory.slope_help"))
            d = theory.sigmoid_discriminator(grid.x, centre, slope)
            label = t("theory.candidate_sigmoid_label", slope=f"{slope:g}", centre=f"{centre:g}")
            param_label, current = t("theory.centre"), centre
            params = np.linspace(-5, 5, 101)
            sweep = [theory.sigmoid_value(pd, pg, grid.x, c, slope, grid.dx) for c in params]
            v_d = theory.sigmoid_value(pd, pg, grid.x, centre, slope, grid.dx)
        else:
            blend = st.slider(t("theory.blend"), 0.0, 1.0, 0.5, 0.01, key=f"{KEY}.blend", help=t("theory.blend_help"))
            d = theory.blended_discriminator(d_star, blend)
            label = t("theory.candidate_blend_label", blend=f"{blend:g}")
            param_label, current = t("theory.blend"), blend
            params = np.linspace(0, 1, 101)
            sweep = [theory.value(pd, pg, theory.blended_discriminator(d_star, s), grid.dx) for s in params]
            v_d = v_star if blend == 0 else theory.value(pd, pg, d, grid.dx)  # blend 0: D* itself, V computed stably
        st.metric("V(D*, G)", f"{v_star:.5f}", help=t("theory.v_star_help"))
        st.metric(t("theory.v_candidate"), f"{v_d:.5f}" if math.isfinite(v_d) else "−∞",
                  delta=(t("theory.v_below", gap=f"{v_d - v_star:.5f}") if math.isfinite(v_d)
                         else t("theory.v_minus_inf")),
                  delta_color="off", help=t("theory.v_candidate_help"))
    with right:
        st.plotly_chart(proposition1_figure(grid.x[shown], pd[shown], pg[shown], d_star[shown], d[shown], label),
                        key=f"{KEY}.prop1", config=PLOT)
    if not presenting:
        st.plotly_chart(sweep_figure(params, np.array(sweep), v_star, current, v_d, param_label), key=f"{KEY}.sweep",
                        config=PLOT)
        st.caption(t("theory.why_d_star"))

    st.subheader(t("theory.fit_header"))
    if not presenting:
        st.caption(t("theory.fit_caption"))
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
        fit_loop.pause()

    fit_loop.buttons(f"{KEY}.fit", reset_fit, t("theory.fit_play"), ":material/model_training:",
                     t("theory.fit_play_help"), t("theory.fit_reset_help"))

    def fit_tick():
        ganviz.ui.use_language()
        try:
            done = fit.converged(fit.train(10))
        except DivergenceError:  # a NaN: say so and stop, the page stays up
            st.session_state[f"{KEY}.fit_msg"] = ("error", "theory.fit_diverged", {})
            return False
        if done or fit.steps >= 5000:
            st.session_state[f"{KEY}.fit_msg"] = ("success", "theory.fit_done", {"steps": f"{fit.steps:,}"})
            return False

    def fit_draw():
        ganviz.ui.use_language()
        now = fit.measure(grid)
        cols = st.columns(4)
        cols[0].metric(t("theory.d_steps"), f"{fit.steps:,}", help=t("theory.d_steps_help"))
        cols[1].metric(t("theory.gap"), f"{now['gap']:.4f}", help=t("theory.gap_help"))
        cols[2].metric(t("theory.v_network"), f"{now['value']:.4f}", help=t("theory.v_network_help"))
        cols[3].metric("V(D*, G)", f"{now['value_star']:.4f}", help=t("theory.v_star_help"))
        figure = proposition1_figure(grid.x[shown], pd[shown], pg[shown], now["d_star"][shown], now["d"][shown],
                                     t("theory.network_d"), height=460)
        if presenting:  # the figure alone, full width: the gap's history is secondary
            live_plotly_chart(figure, key=f"{KEY}.fit_fig")
        else:
            a, b = st.columns([2.2, 1])
            with a:
                live_plotly_chart(figure, key=f"{KEY}.fit_fig")
            with b:
                live_plotly_chart(gap_figure(fit.history), key=f"{KEY}.gap")
        show_message(st, st.session_state.get(f"{KEY}.fit_msg"))

    fit_loop.fragment(0.15, fit_tick, fit_draw)

# ----- Theorem 1 ------------------------------------------------------------------------------
with thm1:
    st.latex(r"C(G)=\max_D V(D,G)=V(D^*,G)=-\log 4+2\cdot\mathrm{JSD}(p_{data}\,\|\,p_g)")
    st.latex(r"2\cdot\mathrm{JSD}(p_{data}\,\|\,p_g)=\mathrm{KL}\Big(p_{data}\,\Big\|\,\tfrac{p_{data}+p_g}{2}\Big)"
             r"+\mathrm{KL}\Big(p_g\,\Big\|\,\tfrac{p_{data}+p_g}{2}\Big)")
    t1 = theory.theorem1(pd, pg, grid.dx)
    a, b, c = st.columns(3)
    a.metric(t("theory.v_plug"), f"{t1.v_at_d_star:.10f}", help=t("theory.v_plug_help"))
    b.metric("−log 4 + 2·JSD(p_data ‖ p_g)", f"{t1.via_jsd:.10f}", help=t("theory.jsd_nats", jsd=f"{t1.jsd:.10f}"))
    c.metric(t("theory.difference"), f"{t1.difference:.1e}", help=t("theory.difference_help"))
    if not presenting:
        a, b, c = st.columns(3)
        a.metric("KL(p_data ‖ m)", f"{t1.kl_data_m:.6f}", help="m = (p_data + p_g)/2")
        b.metric("KL(p_g ‖ m)", f"{t1.kl_g_m:.6f}", help="m = (p_data + p_g)/2")
        c.metric(t("theory.jsd_sum"), f"{t1.jsd:.6f}", help=t("theory.jsd_sum_help"))

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
        right.success(t("theory.global_minimum"))
    elif not presenting:
        right.caption(t("theory.lowest_c", c=f"{curve.min():.4f}"))

# ----- Proposition 2 ---------------------------------------------------------------------------------
def mixture_key(mixture) -> tuple:
    """A mixture's parameters as plain numbers: what a cached computation or a run depends on."""
    return tuple(tuple(np.round(np.ravel(a), 9)) for a in (mixture.means[:, 0], mixture.stds, mixture.weights))


P2_RATES, P2_LRS = (0.05, 0.1, 0.2, 0.5, 1.0), (1e-3, 3e-3, 1e-2, 3e-2)


def train_proposition2(p2: dict) -> None:
    """The button's callback: 100 more steps of both runs, C(G) charted every 5."""
    for _ in range(20):
        p2["function"].train(5)
        p2["parametric"].train(5)
        p2["history"].append((p2["function"].step, p2["function"].criterion, p2["parametric"].criterion))

with prop2:
    if not presenting:
        st.markdown(t("theory.p2_intro"))
    cols = st.columns(3)
    rate = cols[0].select_slider(t("theory.p2_rate"), P2_RATES, value=0.2, key=f"{KEY}.p2_rate",
                                 help=t("theory.p2_rate_help"))
    p2_lr = cols[1].select_slider(t("theory.p2_lr"), P2_LRS, value=3e-3, key=f"{KEY}.p2_lr", format_func="{:g}".format,
                                  help=t("theory.p2_lr_help"))
    p2_offset = cols[2].slider(t("theory.p2_offset"), -4.0, 4.0, -2.5, 0.5, key=f"{KEY}.p2_offset",
                               help=t("theory.p2_offset_help"))
    p2_settings = (mixture_key(p_data), rate, p2_lr, p2_offset)
    p2 = st.session_state.get(f"{KEY}.p2")
    if p2 is None or p2["settings"] != p2_settings:
        p2_grid = theory.Grid1D.covering(p_data, theory.mixture_1d([p2_offset], [1.0]), n_std=5, cells=800)
        p2_data = p_data.pdf(p2_grid.x)
        parametric = ParametricRun(p2_data, p2_grid, lr=p2_lr, offset=p2_offset, seed=0)
        function = FunctionSpaceRun(p2_data, parametric.p_g.copy(), p2_grid, rate=rate)
        p2 = dict(settings=p2_settings, grid=p2_grid, p_data=p2_data, function=function, parametric=parametric,
                  history=[(0, function.criterion, parametric.criterion)])
        st.session_state[f"{KEY}.p2"] = p2
    a, b = st.columns(2)
    a.button(t("theory.p2_steps"), icon=":material/play_arrow:", key=f"{KEY}.p2_train", width="stretch",
             on_click=train_proposition2, args=(p2,), help=t("theory.p2_steps_help"))
    b.button(t("theory.p2_reset"), icon=":material/replay:", key=f"{KEY}.p2_reset", width="stretch",
             on_click=st.session_state.pop, args=(f"{KEY}.p2", None))
    step, c_function, c_parametric = p2["history"][-1]
    above_function, above_parametric = c_function + theory.LOG4, c_parametric + theory.LOG4
    a, b = st.columns(2)
    a.metric(t("theory.p2_metric_function"), f"{above_function:.4f}", help=t("theory.p2_metric_help"))
    b.metric(t("theory.p2_metric_parametric"), f"{above_parametric:.4f}", help=t("theory.p2_metric_help"))
    if step > 0 and above_function < 1e-3:
        st.success(t("theory.p2_reached", step=step, gap=f"{above_parametric:.4f}"))
    elif step > 0:
        st.info(t("theory.p2_not_yet", step=step, function=f"{above_function:.4f}", parametric=f"{above_parametric:.4f}"))
    left, right = st.columns(2)
    p2_shown = (p2["grid"].x >= lo) & (p2["grid"].x <= hi)
    left.plotly_chart(proposition2_figure(p2["grid"].x[p2_shown], p2["p_data"][p2_shown], p2["function"].p_g[p2_shown],
                                          p2["parametric"].p_g[p2_shown]), key=f"{KEY}.p2_densities", config=PLOT)
    steps, c_f, c_p = zip(*p2["history"])
    right.plotly_chart(proposition2_criterion_figure(steps, c_f, c_p), key=f"{KEY}.p2_criterion", config=PLOT)
    if not presenting:
        st.caption(t("theory.p2_gap"))


# ----- Which divergence: maximum likelihood against the GAN ----------------------------------------
@st.cache_resource(max_entries=64, show_spinner=False)  # shared: the fits are frozen dataclasses
def gaussian_fits_of(distance: float, weight: float) -> tuple:
    """Two modes of std 0.5, ``distance`` apart, the left one of ``weight``; the grid; the three single-Gaussian fits."""
    target = theory.mixture_1d([-distance / 2, distance / 2], [0.5, 0.5], [weight, 1.0 - weight])
    fit_grid = theory.Grid1D.covering(target, n_std=8, cells=1500)
    p = target.pdf(fit_grid.x)
    return fit_grid, p, fit_all(p, fit_grid.x, fit_grid.dx)


with fits_tab:
    if not presenting:
        st.markdown(t("theory.fits_intro"))
    cols = st.columns(2)
    distance = cols[0].slider(t("theory.fits_distance"), 1.0, 8.0, 4.0, 0.5, key=f"{KEY}.fits_distance",
                              help=t("theory.fits_distance_help"))
    weight = cols[1].slider(t("theory.fits_weight"), 0.5, 0.9, 0.7, 0.05, key=f"{KEY}.fits_weight",
                            help=t("theory.fits_weight_help"))
    fit_grid, fit_p, fits = gaussian_fits_of(distance, weight)
    left, right = st.columns([1.6, 1])
    left.plotly_chart(gaussian_fits_figure(fit_grid.x, fit_p, fits), key=f"{KEY}.fits", config=PLOT)
    rows = "\n".join(f"| {t(f'theory.fit_{name}')} | {fit.mean:.3f} | {fit.std:.3f} | {max(fit.value, 0.0):.4f} |"
                     for name, fit in fits.items())  # max: a fit that is exact can come out at -1e-17
    right.markdown(t("theory.fits_table", rows=rows))
    if not presenting:
        right.caption(t("theory.fits_try"))

# ----- VAE vs GAN: an explicit model (a likelihood bound) beside an implicit one (samples only) ------
VAE_TARGETS = ("bimodal", "ring8", "mnist")
MNIST_SHOWN = 1000  # samples of each model the classifier judges (the grids show the first 32)


@st.cache_resource(max_entries=4, show_spinner=False)  # shared by every session: a fixed seed gives the same run
def vae_comparison(dist: str) -> dict:
    """The VAE of ``VAE_RUNS[dist]``, trained here (seconds), beside the shipped converged GAN of the same target."""
    config, steps = VAE_RUNS[dist]
    vae = train_vae(config, steps)
    gan = load_checkpoint(dist, "converged", device="cpu")
    out = compare_1d(vae, gan) if dist == "bimodal" else compare_2d(vae, gan)
    out.update(history=vae.history, steps=steps, bounds=vae.target.bounds, centres=vae.target.means)
    return out


@st.cache_resource(show_spinner=False)
def mnist_comparison() -> dict:
    """The shipped MNIST VAE and GAN: samples of each, the classifier's confident share over MNIST_SHOWN of each."""
    vae = load_mnist_vae()
    classifier = load_classifier()
    vae_images = mnist_samples(vae.model, MNIST_SHOWN, seed=0)
    gan_images = load_generator(with_discriminator=False).sample(MNIST_SHOWN, seed=0)
    return {"vae_images": vae_images, "gan_images": gan_images, "card": vae.info,
            "vae_sharp": sharpness(classifier, vae_images), "gan_sharp": sharpness(classifier, gan_images)}


def vae_table(rows) -> str:
    """A markdown table: the quantity, the GAN's value, the VAE's."""
    return t("theory.vae_table", rows="\n".join(f"| {name} | {gan} | {vae} |" for name, gan, vae in rows))


with vae_tab:
    if not presenting:
        st.markdown(t("theory.vae_intro"))
        st.latex(r"\log p_\theta(x)\;\ge\;\mathrm{ELBO}(x)=\mathbb{E}_{q_\phi(z|x)}\big[\log p_\theta(x|z)\big]"
                 r"-\mathrm{KL}\big(q_\phi(z|x)\,\|\,p(z)\big),\qquad z=\mu_\phi(x)+\sigma_\phi(x)\odot\epsilon,"
                 r"\;\epsilon\sim\mathcal{N}(0,I)")
    vae_target = st.radio(t("theory.vae_target"), VAE_TARGETS, horizontal=True, key=f"{KEY}.vae_target",
                          format_func=lambda name: t(f"theory.vae_target_{name}"), help=t("theory.vae_target_help"))
    no_formula = t("theory.vae_no_formula")
    if vae_target == "mnist":
        try:
            with st.spinner(t("theory.vae_loading")):
                mn = mnist_comparison()
        except WeightsError as err:
            st.error(t("theory.vae_weights_missing", error=str(err)))
        else:
            cols = st.columns(2)
            for col, name, images in ((cols[0], "gan", mn["gan_images"]), (cols[1], "vae", mn["vae_images"])):
                col.markdown(f"**{t(f'theory.vae_mnist_{name}')}**")
                col.image(digit_grid(images[:32], cols=8, scale=2), width="content")
            card = mn["card"]
            st.markdown(vae_table([
                (t("theory.vae_row_sharp", n=MNIST_SHOWN), f"{mn['gan_sharp']:.1%}", f"{mn['vae_sharp']:.1%}"),
                (t("theory.vae_row_elbo_mnist"), no_formula, f"{card.get('test_elbo', float('nan')):.1f}"),
            ]))
            if not presenting:
                st.caption(t("theory.vae_caption_mnist", epochs=card.get("epochs", "?"),
                             gan=f"{mn['gan_sharp']:.0%}", vae=f"{mn['vae_sharp']:.0%}"))
    else:
        shown_key = f"{KEY}.vae_shown"

        def show_vae(target: str) -> None:  # a callback: it runs before the script, whatever reruns the script makes
            st.session_state[shown_key] = st.session_state.get(shown_key, ()) + (target,)

        st.button(t("theory.vae_train", steps=f"{VAE_RUNS[vae_target][1]:,}"), key=f"{KEY}.vae_train",
                  icon=":material/play_arrow:", help=t("theory.vae_train_help"), on_click=show_vae, args=(vae_target,))
        if vae_target not in st.session_state.get(shown_key, ()):
            if not presenting:  # in presentation mode the button's tooltip says it
                st.info(t("theory.vae_press"))
        else:
            with st.spinner(t("theory.vae_training")):
                cmp = vae_comparison(vae_target)
            left, right = st.columns([1.6, 1])
            steps_, elbos = zip(*cmp["history"])
            if vae_target == "bimodal":
                left.plotly_chart(vae_density_figure(cmp["x"], cmp["p_data"], cmp["p_g"], cmp["p_vae"]),
                                  key=f"{KEY}.vae_density", config=PLOT)
                gan, vae = cmp["gan"], cmp["vae"]
                right.markdown(vae_table([
                    ("JSD(p_data ‖ ·)", f"{gan['jsd']:.4f}", f"{vae['jsd']:.4f}"),
                    (t("theory.vae_row_gap"), f"{gan['gap']:.2%}", f"{vae['gap']:.2%}"),
                    ("ELBO", no_formula, f"{vae['elbo']:.3f}"),
                    (t("theory.vae_row_log_likelihood"), no_formula, f"{vae['log_likelihood']:.3f}"),
                ]))
                right.plotly_chart(elbo_figure(steps_, elbos, vae["log_likelihood"]), key=f"{KEY}.vae_elbo",
                                   config=PLOT)
                caption = t("theory.vae_caption_1d")
            else:
                left.plotly_chart(vae_samples_figure(cmp["gan_samples"], cmp["vae_samples"], cmp["centres"],
                                                     cmp["bounds"]), key=f"{KEY}.vae_samples", config=PLOT)
                gan, vae = cmp["gan"], cmp["vae"]
                right.markdown(vae_table([
                    (t("theory.vae_row_modes"), f"{gan['modes']} / 8", f"{vae['modes']} / 8"),
                    (t("theory.vae_row_hq"), f"{gan['hq']:.1%}", f"{vae['hq']:.1%}"),
                    ("ELBO", no_formula, f"{vae['elbo']:.3f}"),
                ]))
                right.plotly_chart(elbo_figure(steps_, elbos), key=f"{KEY}.vae_elbo", config=PLOT)
                caption = t("theory.vae_caption_2d")
            if not presenting:
                st.caption(caption)
    if not presenting:
        st.caption(t("theory.vae_explicit_implicit"))


# ----- Why the non-saturating loss -------------------------------------------------------------
runs = RaceRun(f"{KEY}.race", take_snapshot)  # the two runs of the tab "Why the non-saturating loss"


def preset_widgets(field: str) -> dict:
    """The race's widget values (keys after ``theory.``) that load the measured race of ``field`` (``RACE_PRESETS``).

    A race of losses takes k from its widget; a race of k takes the loss from its widget.
    """
    preset = RACE_PRESETS[field]
    c = preset.config
    settings = {"compare": preset.field, "offset": c.g_offset, "lr": c.lr_d, "seed": c.seed}
    settings.update({"k": c.k} if preset.field == "loss" else {"race_loss": c.loss})
    return settings


def load_race(field: str) -> None:
    """A preset button: set the race's widgets, start both runs from step 0, and play."""
    for widget, value in preset_widgets(field).items():
        st.session_state[f"{KEY}.{widget}"] = value
    runs.restart()


def run_label(race: Race, name) -> str:
    """A run's short name: its loss in a race of losses, its k in a race of k."""
    return t(f"theory.run_{name}") if race.field == "loss" else f"k = {name}"


def run_title(race: Race, name) -> str:
    if race.field == "loss":
        return t(f"theory.run_title_{name}")
    return t("theory.run_title_k", k=name, loss=t(f"theory.run_{race.trainers[name].config.loss}"))


with sat:
    if not presenting:
        st.markdown(t("theory.saturation_intro"))
    st.latex(r"\frac{\partial}{\partial s}\log\big(1-\sigma(s)\big)=-\sigma(s)=-D(G(z))"
             r"\qquad\frac{\partial}{\partial s}\big(-\log\sigma(s)\big)=-\big(1-D(G(z))\big)")
    objectives_box = st.container()  # filled below, once the runs exist (their markers sit on the curves)
    if not presenting:
        st.markdown(t("theory.experiment"))
    for col, (field, preset) in zip(st.columns(len(RACE_PRESETS)), RACE_PRESETS.items()):
        col.button(t(preset.title_key), key=f"{KEY}.race_preset.{preset.name}", icon=":material/science:",
                   on_click=load_race, args=(field,), width="stretch", help=t(preset.caption_key))
    # The first visit shows the minimax-vs-non-saturating race; a race of k starts with the minimax loss.
    for widget, value in {**preset_widgets("k"), **preset_widgets("loss")}.items():
        st.session_state.setdefault(f"{KEY}.{widget}", value)
    cols = st.columns([1.3, 1, 1, 1.2, 0.8])
    compare = cols[0].radio(t("theory.compare"), list(RACE_PRESETS), key=f"{KEY}.compare",
                            format_func={field: t(f"theory.compare_{field}") for field in RACE_PRESETS}.get,
                            help=t("theory.compare_help"))
    offset = cols[1].slider(t("theory.offset"), -4.0, 0.0, step=0.5, key=f"{KEY}.offset", help=t("theory.offset_help"))
    if compare == "loss":
        k = cols[2].slider(t("theory.k"), 1, 5, key=f"{KEY}.k", help=t("theory.k_help"))
        loss = THEORY_RACE.loss  # each run has its own
    else:
        k = THEORY_RACE.k  # each run has its own
        loss = cols[2].radio(t("theory.race_loss"), ["minimax", "nonsaturating"], key=f"{KEY}.race_loss",
                             format_func={name: t(f"theory.run_{name}") for name in ("minimax", "nonsaturating")}.get,
                             help=t("theory.race_loss_help"))
    lr = cols[3].select_slider(t("theory.lr"), LEARNING_RATES, key=f"{KEY}.lr", format_func=lambda v: f"{v:g}",
                               help=t("theory.lr_help"))
    seed = int(cols[4].number_input(t("theory.seed"), 0, 10_000, key=f"{KEY}.seed", help=t("theory.seed_help")))
    config = replace(THEORY_RACE, loss=loss, k=k, lr_d=lr, lr_g=lr, g_offset=offset, seed=seed)
    values = RACE_PRESETS[compare].values
    race = runs.sync(lambda: Race.varying(config, compare, list(values)),
                     lambda race: race.field == compare and not race.config.needs_new_model(config))
    if race.config != config:
        race.apply(config)  # new live settings (k, learning rate)
    preset = RACE_PRESETS[compare]
    if not presenting and replace(config, **{compare: values[0]}) == replace(preset.config, **{compare: values[0]}):
        st.info(t(preset.caption_key), icon=":material/science:")  # the preset's measured story
    # Drawn outside the live fragment (it is the costliest figure): its markers move on pause, reset or step.
    objectives_box.plotly_chart(
        objectives_figure([dict(label=run_label(race, name), loss=trainer.config.loss,
                                d_fake=trainer.history[-1]["d_fake"], colour=RACE_RUNS.get(name, "gray"))
                           for name, trainer in race.trainers.items()]),
        key=f"{KEY}.objectives", config=PLOT)

    runs.buttons(f"{KEY}.race", runs.reset, t("live.play"), play_help=t("theory.race_play_help"),
                 reset_help=t("theory.race_reset_help"))

    def race_draw():
        ganviz.ui.use_language()
        snaps = {name: take_snapshot(trainer) for name, trainer in race.trainers.items()}
        for name, snap in snaps.items():
            race.trainers[name].record(snap.metrics)  # the history the JSD chart below shows
        panels = st.columns(2)
        for col, (name, snap) in zip(panels, snaps.items()):
            m = snap.metrics
            grad = m["d_fake"] if race.trainers[name].config.loss == "minimax" else 1.0 - m["d_fake"]
            col.markdown(f"**{run_title(race, name)}**")
            a, b, c = col.columns(3)
            a.metric(t("metric.step"), f"{m['step']:,}", help=t("metric.step_help"))
            b.metric("JSD", f"{m['jsd']:.3f}", help=t("theory.race_jsd_help"))
            c.metric(t("theory.grad_size"), f"{grad:.4f}", help=t("theory.grad_size_help"))
            with col:
                live_plotly_chart(figure1(snap, compact=True, height=330), key=f"{KEY}.race_{name}")
            if name in race.failures:
                col.error(ganviz.ui.divergence_text(race.failures[name]))
        live_plotly_chart(race_jsd_figure([(run_label(race, name), RACE_RUNS.get(name, "gray"), trainer.history)
                                           for name, trainer in race.trainers.items()]), key=f"{KEY}.race_jsd")

    runs.fragment(0.3, lambda: runs.advance(15, until=4000), race_draw)

with st.expander(t("explain.title")):
    st.markdown(t("theory.explain"))
