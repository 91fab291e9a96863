"""Mode collapse: a plain GAN and a remedy, side by side, on the same target with the same seed."""

from dataclasses import replace

import streamlit as st

import ganviz.ui
from ganviz.figures2d import figure2d
from ganviz.figures_modes import mode_timeline_figure, modes_over_time_figure
from ganviz.published import measured_line, measured_table, published_table
from ganviz.race import Race
from ganviz.remedies import METHODS, PRESET_CAPTIONS, PRESET_STEPS, PRESET_TITLES, PRESETS, config_for
from ganviz.snapshot2d import take_snapshot_2d
from ganviz.ui.live_chart import live_plotly_chart
from ganviz.ui.loop import Loop

ganviz.ui.ensure_navigation()
KEY = "mc"
TARGETS = {"ring8": "ring8: 8 Gaussians on a circle", "grid25": "grid25: 25 Gaussians on a grid"}
REMEDIES = [name for name in METHODS if name != "gan"]

st.title("Mode collapse: see it, measure it, fix it")
st.caption("Two GANs train in lockstep on the same target from the same seed. Left: a plain GAN, in a setting where "
           "it collapses onto a few modes. Right: the same GAN with a remedy. Each mode is one small Gaussian; a "
           "mode is *covered* when at least one of 2,500 generated samples lands within 3 standard deviations of it.")



def decay_note(config) -> str:
    if not config.decay_end:
        return ""
    return (f"; both learning rates fall linearly to {config.decay_floor:g}× between steps {config.decay_start:,} and "
            f"{config.decay_end:,}, so G's samples settle onto the modes it has found")


def load_preset(dist: str, kind: str) -> None:
    """Set the sidebar to a measured preset (``kind`` "collapse" or "remedy"), back to step 0, and play."""
    st.session_state[f"{KEY}.dist"] = dist
    st.session_state[f"{KEY}.seed"] = PRESETS[f"{dist}-collapse"].seed
    if kind == "remedy":
        st.session_state[f"{KEY}.remedy.{dist}"] = PRESETS[f"{dist}-remedy"][0]
    st.session_state[f"{KEY}.race"] = None
    Loop(f"{KEY}.race").running = True


st.markdown("**Presets**, measured over many seeds (tables at the bottom). Each starts both runs from step 0 and "
            "plays.")
for kind in ("collapse", "remedy"):
    for col, name in zip(st.columns(2), TARGETS):
        col.button(PRESET_TITLES[f"{name}-{kind}"], key=f"{KEY}.preset.{name}.{kind}", on_click=load_preset,
                   args=(name, kind), width="stretch", icon=":material/science:")
        method = "gan" if kind == "collapse" else PRESETS[f"{name}-remedy"][0]
        col.caption(f"{PRESET_CAPTIONS[f'{name}-{kind}']} {measured_line(name, method)}")

with st.sidebar:
    st.header("The experiment")
    dist = st.selectbox("target", list(TARGETS), format_func=TARGETS.get, key=f"{KEY}.dist",
                        help="The two standard mode-collapse benchmarks (Metz et al. 2017; Srivastava et al. 2017).")
    preset = PRESETS[f"{dist}-collapse"]
    best_method = PRESETS[f"{dist}-remedy"][0]
    st.session_state.setdefault(f"{KEY}.remedy.{dist}", best_method)  # widgets' first values (presets set them too)
    st.session_state.setdefault(f"{KEY}.seed", preset.seed)
    remedy = st.selectbox("remedy (right)", REMEDIES, key=f"{KEY}.remedy.{dist}",
                          format_func=lambda m: METHODS[m].label,
                          help="Each is a real implementation in ganviz/remedies.py; its docstring cites the paper.")
    st.caption(METHODS[remedy].description + f" ({METHODS[remedy].citation})")
    seed = int(st.number_input("seed", 0, 10_000, key=f"{KEY}.seed",
                               help="Same seed, same run. The preset collapses for most seeds."))
    speed = st.slider("iterations per frame", 1, 200, 50, key=f"{KEY}.speed",
                      help="Algorithm-1 iterations each run takes between two redraws: the speed of the movie.")
    st.divider()
    st.caption(f"Preset for {dist}: {preset.loss}, k = {preset.k}, {preset.optimizer} lr_D = {preset.lr_d:g}, "
               f"lr_G = {preset.lr_g:g}, batch {preset.batch}, z of dimension {preset.z_dim}, "
               f"{preset.depth} hidden layers of {preset.width}" + decay_note(preset) +
               f". Measured at step {PRESET_STEPS[dist]:,}.")

base = replace(preset, seed=seed)
configs = {"plain GAN": config_for("gan", base), METHODS[remedy].label: config_for(remedy, base)}
race: Race | None = st.session_state.get(f"{KEY}.race")
if race is None or race.configs != configs:
    race = Race(configs)
    for trainer in race.trainers.values():
        take_snapshot_2d(trainer)  # step 0
    st.session_state[f"{KEY}.race"] = race
loop = Loop(f"{KEY}.race")


def reset():
    st.session_state[f"{KEY}.race"] = None
    loop.running = False


def step_once():
    loop.running = False
    race.train(1)


loop.buttons(KEY, reset, play_help="Train both runs side by side, redrawing after each batch of iterations.",
             reset_help="Both runs back to step 0, same seed.", step=step_once,
             step_help="One Algorithm-1 iteration for each run.")
n_modes = 8 if dist == "ring8" else 25


def tick():
    race.train(speed)
    return len(race.errors) < len(race.trainers)


def draw():
    snaps = {name: take_snapshot_2d(t, n_show=1000, grid_lines=9) for name, t in race.trainers.items()}
    cols = st.columns(2)
    for i, (col, (name, snap)) in enumerate(zip(cols, snaps.items())):
        m = snap.metrics
        with col:
            st.markdown(f"**{name}**")
            a, b, c = st.columns(3)
            a.metric("step", f"{m['step']:,}")
            b.metric("modes covered", f"{m['modes']} / {n_modes}")
            c.metric("high-quality", f"{100 * m['hq']:.1f}%")
            live_plotly_chart(figure2d(snap, show_manifold=True, height=470), key=f"{KEY}.fig{i}")
            if name in race.errors:
                st.error(race.errors[name])
    histories = {name: t.history for name, t in race.trainers.items()}
    live_plotly_chart(modes_over_time_figure(histories, n_modes), key=f"{KEY}.modes")
    st.markdown("**Where G's samples land, step by step** (one row per mode; bright = many samples)")
    cols = st.columns(2)
    for i, (col, (name, rows)) in enumerate(zip(cols, histories.items())):
        with col:
            live_plotly_chart(mode_timeline_figure(rows, n_modes, title=name, height=260 if n_modes == 8 else 420),
                              key=f"{KEY}.timeline{i}")


loop.fragment(0.3, tick, draw)

st.subheader("The published numbers, and ours")
st.caption("Modes covered (mean over runs) and the share of high-quality samples, on 2,500 samples per run. "
           "Published rows are quoted from the papers named; the architectures differ from ours, so compare the "
           "pattern, not the digits.")
st.markdown("**Published** (as quoted in `ganviz/published.py`, which says what could and could not be checked)")
st.dataframe(published_table(), hide_index=True, width="stretch")
st.markdown("**Measured here** (`python -m ganviz compare --preset <target>`: the presets above, one run per seed, "
            "measured at the preset's last step; the run counts show how many seeds; `results/compare_<target>.json` "
            "records the commands and the machine)")
st.dataframe(measured_table(), hide_index=True, width="stretch")

with st.expander("What am I looking at?"):
    st.markdown(
        "**Mode collapse.** G only has to fool D, and D judges one sample at a time. A generator that puts all its "
        "samples on the one mode D currently believes in wins each round; D then learns that mode is fake, and G "
        "hops to another. The timeline shows those hops. The remedies give D (or G) a wider view:\n\n"
        "- **Unrolled GAN** (Metz et al. 2017): G's update looks ahead through K steps of D's training, so G is "
        "penalised for moves D would quickly punish.\n"
        "- **PacGAN** (Lin et al. 2018): D judges packs of m samples at once; a pack of near-identical samples "
        "gives a collapsed G away.\n"
        "- **Minibatch standard deviation** (Karras et al. 2018): D sees how varied the whole batch is.\n"
        "- **WGAN-GP** (Gulrajani et al. 2017): a critic with a gradient penalty gives G useful gradients "
        "everywhere, not only near D's decision boundary.\n\n"
        "The protocol (Srivastava et al. 2017; Lin et al. 2018): 2,500 samples; a sample is high-quality if it is "
        "within 3 standard deviations of its nearest mode; a mode is covered if it is the nearest mode of at least "
        "one high-quality sample."
    )
