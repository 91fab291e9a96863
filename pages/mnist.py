"""MNIST: sample a pretrained generator (the paper's Figures 2 and 3, training progress and Table 1), or train a
small GAN from scratch, live ("Train from scratch")."""

import numpy as np
import streamlit as st

import ganviz.ui
from ganviz.frames.session import FRAME_BUDGET_S
from ganviz.i18n import t
from ganviz.mnist import IdxError, WeightsError, data_dir, has_data
from ganviz.mnist.idx import to_unit
from ganviz.mnist.render import grid
from ganviz.ui import mnist as cache
from ganviz.ui.live import Loop
from ganviz.ui.live_chart import live_plotly_chart
from ganviz.views.mnist_live import classes_figure, d_histograms_figure, losses_figure

ganviz.ui.ensure_navigation()
KEY = "mnist"
GRID_COLS = {16: 8, 32: 16, 64: 16, 100: 20, 144: 24}  # number of samples -> columns
ROWS, PER_ROW = 5, 6  # Figure 2: rows of samples, then the nearest training image to the last one
# Measured with ganviz.mnist.nearest over the first 200 test images: 10th, 50th, 90th percentiles 2.0, 4.3, 5.5.
REAL_NN = {"low": "2", "high": "5.5", "median": "4.3"}
REAL_NN_SUBSET = {"low": "2.5", "high": "6.3", "median": "4.8"}  # the same against the shipped 10,000
presenting = ganviz.ui.presenting()
SCALE = 3 if presenting else 2  # the samples' enlargement: larger on a projector (the other figures are at 3)
LIVE_STEP = 25  # iterations trained by the live mode's Step button
LIVE_FRAME_S = 0.25  # the live mode's frame period while playing

st.title(t("mnist.title"))
view = st.segmented_control(t("mnist.view"), ("pretrained", "live"), default="pretrained", key=f"{KEY}.view",
                            format_func=lambda v: t(f"mnist.view_{v}"), help=t("mnist.view_help"))
if not presenting and view != "live":
    st.caption(t("mnist.caption"))

try:
    gen = cache.generator()
except WeightsError as err:
    st.error(t("mnist.weights_error", error=ganviz.ui.plain(err, ganviz.ui.REASON_LIMIT)))
    st.stop()
folder = data_dir()
card = cache.card()


def live_section() -> None:
    """Train from scratch: Algorithm 1 on MNIST in this session, the fixed-noise grid redrawn every frame."""
    st.subheader(t("mnist.live_title"))
    if not presenting:
        st.caption(t("mnist.live_caption"))
    run = cache.live_run(folder)
    loop = Loop(cache.LIVE_KEY)

    def step_once():
        loop.pause()
        train(LIVE_STEP)

    def train(n: int | None) -> bool:
        try:
            if n is None:
                run.train_for(FRAME_BUDGET_S)
            else:
                run.train(n)
        except FloatingPointError:  # the losses blew up: say so and stop; Reset starts afresh
            st.session_state[f"{cache.LIVE_KEY}.message"] = "mnist.live_diverged"
            return False
        return True

    loop.buttons(f"{KEY}.live", cache.reset_live, play_help=t("mnist.live_play_help"),
                 reset_help=t("mnist.live_reset_help"), step=step_once,
                 step_help=t("mnist.live_step_help", n=LIVE_STEP))

    def draw() -> None:
        frame = run.frame()
        m = st.columns(4)
        m[0].metric(t("mnist.live_metric_step"), f"{frame.step:,}", help=t("mnist.live_metric_step_help"))
        m[1].metric(t("mnist.live_metric_seconds"), f"{frame.seconds:.0f} s",
                    help=t("mnist.live_metric_seconds_help"))
        m[2].metric(t("mnist.live_metric_confident"), f"{frame.confident:.0%}",
                    help=t("mnist.live_metric_confident_help"))
        m[3].metric(t("mnist.live_metric_d"), f"{frame.d_real.mean():.2f} / {frame.d_fake.mean():.2f}",
                    help=t("mnist.live_metric_d_help"))
        left, right = st.columns([1, 1.3])
        left.image(grid(frame.grid, cols=8, scale=3), width="content")
        with right:
            live_plotly_chart(classes_figure(frame.histogram), key=f"{KEY}.live_classes", height=300)
        left, right = st.columns(2)
        with left:
            live_plotly_chart(lambda: losses_figure(run.history), key=f"{KEY}.live_losses", height=300,
                              every=0.5 if loop.playing else 0.0)
        with right:
            live_plotly_chart(d_histograms_figure(frame.d_real, frame.d_fake), key=f"{KEY}.live_d", height=300)
        message = st.session_state.get(f"{cache.LIVE_KEY}.message")
        if message:
            st.error(t(message))
        if not presenting:
            st.caption(t("mnist.live_data", n=f"{cache.live_source():,}",
                         device=run.trainer.device.type.upper()))

    loop.fragment(LIVE_FRAME_S, lambda: train(None), draw)
    if not presenting:
        with st.expander(t("explain.title")):
            st.markdown(t("mnist.live_explain"))


if view == "live":
    live_section()
    st.stop()


def d_labels(images) -> list[str] | None:
    scores = gen.score(images)
    return None if scores is None else [f"D={s:.2f}" for s in scores]


# ----- samples ---------------------------------------------------------------------------------
st.subheader(t("mnist.samples"))
if f"{KEY}.seed" not in st.session_state:
    st.session_state[f"{KEY}.seed"] = 0


def reroll(key: str) -> None:
    """A fresh random seed in the number box ``key``."""
    st.session_state[key] = int(np.random.default_rng().integers(0, 1_000_000))


cols = st.columns([1, 1.3, 2, 3], vertical_alignment="bottom")
seed = cols[0].number_input(t("mnist.seed"), min_value=0, max_value=2**31 - 1, step=1, key=f"{KEY}.seed",
                            help=t("mnist.seed_help"))
cols[1].button(t("mnist.new"), key=f"{KEY}.new", on_click=reroll, args=(f"{KEY}.seed",), icon=":material/casino:",
               help=t("mnist.new_help"))
n = cols[2].select_slider(t("mnist.n"), list(GRID_COLS), value=64, key=f"{KEY}.n", help=t("mnist.n_help"))
show_d = cols[3].toggle(t("mnist.show_d"), value=gen.discriminator is not None, key=f"{KEY}.show_d",
                        disabled=gen.discriminator is None, help=t("mnist.show_d_help"))
samples = gen.sample(n, int(seed))
st.image(grid(samples, cols=GRID_COLS[n], scale=SCALE, labels=d_labels(samples) if show_d else None),
         width="content")
if gen.discriminator is not None:
    real = cache.real_scores(folder) if has_data(folder) else None
    mean = f"{gen.score(samples).mean():.2f}"
    if presenting:
        m = st.columns(4)
        m[0].metric(t("mnist.metric_d_samples"), mean, help=t("mnist.metric_d_samples_help"))
        if real is not None:
            m[1].metric(t("mnist.metric_d_real", n=len(real)), f"{real.mean():.2f}", help=t("mnist.metric_d_real_help"))
    else:
        st.caption(t("mnist.d_mean", mean=mean)
                   + (t("mnist.d_mean_real", n=len(real), mean=f"{real.mean():.2f}") if real is not None else "")
                   + t("mnist.d_explain"))

# The classifier's reading of these samples: a digit drawn too often or too rarely is partial mode collapse.
left, right = st.columns([1.3, 1])
with left:
    st.plotly_chart(classes_figure(cache.class_histogram(samples), height=260), key=f"{KEY}.classes",
                    config={"displayModeBar": False})
if not presenting:
    quality_figures = card.get("evaluation", {}).get("quality", {})
    overall = quality_figures.get("samples", {}).get("histogram")
    real_hist = quality_figures.get("real_images", {}).get("histogram")
    right.caption(t("mnist.classes_caption", n=n)
                  + (t("mnist.classes_overall", low=f"{min(overall):.1%}", high=f"{max(overall):.1%}",
                       digits=", ".join(f"{d}: {h:.0%}" for d, h in enumerate(overall)),
                       real_low=f"{min(real_hist):.1%}", real_high=f"{max(real_hist):.1%}")
                     if overall and real_hist else ""))

# ----- Figure 2 --------------------------------------------------------------------------------
st.subheader(t("mnist.fig2_title"))
if not presenting:
    st.caption(t("mnist.fig2_caption", per_row=PER_ROW))
rows = gen.sample(ROWS * PER_ROW, int(seed)).reshape(ROWS, PER_ROW, 28, 28)
source = cache.training_set(folder)  # the downloaded 60,000 images, else the 10,000 shipped with ganviz
try:
    found, index, distance = cache.nearest_training(rows[:, -1], source)
except IdxError as err:
    st.error(t("mnist.data_error", error=ganviz.ui.plain(err, ganviz.ui.REASON_LIMIT)))
    st.image(grid(rows.reshape(-1, 28, 28), cols=PER_ROW), width="content")
else:
    layout = np.concatenate([rows, to_unit(found)[:, None]], axis=1).reshape(-1, 28, 28)
    labels = [f"#{index[i // (PER_ROW + 1)]:,}" if (i + 1) % (PER_ROW + 1) == 0 else ""
              for i in range(len(layout))]
    st.image(grid(layout, cols=PER_ROW + 1, outline={r * (PER_ROW + 1) + PER_ROW for r in range(ROWS)},
                  labels=labels), width="content")
    distances = ", ".join(f"{d:.1f}" for d in distance)
    st.caption(t("mnist.fig2_distances_short" if presenting else "mnist.fig2_distances",
                 distances=distances, **(REAL_NN if source else REAL_NN_SUBSET))
               + " " + t("mnist.fig2_searched_full" if source else "mnist.fig2_searched_subset"))
if st.session_state.pop(f"{KEY}.downloaded", False):
    st.success(t("mnist.download_done", folder=folder))
if source is None:
    cache.download_button(folder, compact=presenting)

# ----- Figure 3 --------------------------------------------------------------------------------
st.subheader(t("mnist.fig3_title"))
if not presenting:
    st.caption(t("mnist.fig3_caption"))
for side, default in (("left", 0), ("right", 1)):  # a 7 that morphs into an 8 with the shipped weights
    if f"{KEY}.{side}" not in st.session_state:
        st.session_state[f"{KEY}.{side}"] = default


c = st.columns([1, 1.1, 1, 1.1, 2.5], vertical_alignment="bottom")
left = c[0].number_input(t("mnist.left"), min_value=0, max_value=2**31 - 1, step=1, key=f"{KEY}.left",
                         help=t("mnist.left_help"))
c[1].button(t("mnist.reroll_left"), key=f"{KEY}.reroll_left", on_click=reroll, args=(f"{KEY}.left",),
            icon=":material/casino:", help=t("mnist.reroll_left_help"))
right = c[2].number_input(t("mnist.right"), min_value=0, max_value=2**31 - 1, step=1, key=f"{KEY}.right",
                          help=t("mnist.right_help"))
c[3].button(t("mnist.reroll_right"), key=f"{KEY}.reroll_right", on_click=reroll, args=(f"{KEY}.right",),
            icon=":material/casino:", help=t("mnist.reroll_right_help"))
steps = c[4].slider(t("mnist.steps"), 5, 16, 10, key=f"{KEY}.steps", help=t("mnist.steps_help"))
z_left, z_right = gen.latents(1, int(left))[0], gen.latents(1, int(right))[0]
t_values = np.linspace(0, 1, steps, dtype=np.float32)[:, None]
strip = gen.generate((1 - t_values) * z_left + t_values * z_right)
st.image(grid(strip, cols=steps, labels=[f"t={v:.2f}" for v in t_values[:, 0]]), width="content")

# ----- training progress -----------------------------------------------------------------------
st.subheader(t("mnist.progress_title"))
try:
    frames, frame_steps = cache.progress()
except WeightsError as err:
    st.warning(t("mnist.progress_error", error=ganviz.ui.plain(err, ganviz.ui.REASON_LIMIT)))
else:
    batch = card.get("config", {}).get("batch", 64)
    train_images = card.get("config", {}).get("train_images", 50_000)
    chosen = st.select_slider(t("mnist.frame"), options=[int(s) for s in frame_steps], value=int(frame_steps[-1]),
                              key=f"{KEY}.frame", help=t("mnist.frame_help"),
                              format_func=lambda s: t("mnist.frame_option", step=f"{s:,}",
                                                      epoch=f"{s * batch / train_images:.1f}"))
    k = int(np.flatnonzero(frame_steps == chosen)[0])
    st.image(grid(frames[k], cols=16), width="content")
    if not presenting:
        st.caption(t("mnist.progress_caption", n=len(frames[k])))

# ----- Table 1 -------------------------------------------------------------------------------
st.subheader(t("mnist.table1_title"))
evaluation = card.get("evaluation", {})
parzen, quality = evaluation.get("parzen"), evaluation.get("quality")
if presenting:  # the key numbers, not the tables
    m = st.columns(4)
    if parzen:
        s = parzen["samples"]
        m[0].metric(t("mnist.metric_parzen_paper"), "225 ± 2", help=t("mnist.metric_parzen_help"))
        m[1].metric(t("mnist.metric_parzen_ours"), f"{s['mean']:.0f} ± {s['se']:.0f}",
                    help=t("mnist.metric_parzen_help"))
    if quality:
        q = quality["samples"]
        m[2].metric(t("mnist.metric_confident"), f"{q['confident']:.1%}", help=t("mnist.metric_confident_help"))
        m[3].metric(t("mnist.metric_frechet"), f"{q['frechet']:.1f}", help=t("mnist.metric_frechet_help"))
else:
    parzen_ll, sigma = t("mnist.col_parzen"), t("mnist.col_sigma")
    if parzen:
        s, r = parzen["samples"], parzen.get("real_images")
        table = [{t("mnist.col_model"): t("mnist.row_paper"), parzen_ll: "225 ± 2", sigma: "—"},
                 {t("mnist.col_model"): t("mnist.row_samples"), parzen_ll: f"{s['mean']:.0f} ± {s['se']:.0f}",
                  sigma: f"{s['sigma']:.3f}"}]
        if r:
            table.append({t("mnist.col_model"): t("mnist.row_real"), parzen_ll: f"{r['mean']:.0f} ± {r['se']:.0f}",
                          sigma: f"{r['sigma']:.3f}"})
        st.table(table)
        st.caption(t("mnist.parzen_caption"))
    if quality:
        q, r = quality["samples"], quality.get("real_images")
        images, confident, kl, frechet = (t("mnist.col_images"), t("mnist.col_confident"), t("mnist.col_kl"),
                                          t("mnist.col_frechet"))
        table = [{images: t("mnist.row_samples"), confident: f"{q['confident']:.1%}",
                  kl: f"{q['kl_uniform']:.3f}", frechet: f"{q['frechet']:.1f}"}]
        if r:
            table.append({images: t("mnist.row_real"), confident: f"{r['confident']:.1%}",
                          kl: f"{r['kl_uniform']:.3f}", frechet: f"{r['frechet']:.1f}"})
        st.table(table)
        st.caption(t("mnist.quality_caption"))
    if not evaluation:
        st.info(t("mnist.no_evaluation"))

with st.expander(t("mnist.card_title")):
    fields = {"generator": t("mnist.card_generator"), "discriminator": t("mnist.card_discriminator"),
              "data": t("mnist.card_data"), "recipe": t("mnist.card_recipe"), "steps": t("mnist.card_steps"),
              "epochs": t("mnist.card_epochs"), "seed": t("mnist.card_seed"),
              "training_seconds": t("mnist.card_training_seconds"), "machine": t("mnist.card_machine")}
    st.markdown("\n".join(f"- **{name}**: {card[f]}" for f, name in fields.items() if f in card))
    st.markdown(t("mnist.card_usage"))

with st.expander(t("explain.title")):
    st.markdown(t("mnist.explain"))
    st.markdown(t("mnist.explain_try"))
