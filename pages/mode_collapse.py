"""Mode collapse: a plain GAN and a remedy, side by side, on the same target with the same seed."""

from dataclasses import replace

import streamlit as st

import ganviz.ui
from ganviz.views.figure2d import figure2d
from ganviz.views.modes import mode_timeline_figure, modes_over_time_figure
from ganviz.i18n import t
from ganviz.lessons.published import measured_line, measured_table, method_label, published_table
from ganviz.lessons.presets import presets_for
from ganviz.lessons.race import Race
from ganviz.remedies.methods import METHODS, config_for
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.ui.live import RaceRun
from ganviz.ui.live_chart import live_plotly_chart
from ganviz.ui.stability import map_rates, stability_section

ganviz.ui.ensure_navigation()
KEY = "mc"
TARGETS = ["ring8", "grid25"]
REMEDIES = [name for name in METHODS if name != "gan"]
PRESETS = {p.name: p for p in presets_for("mode_collapse")}  # <target>-collapse and <target>-remedy
presenting = ganviz.ui.presenting()
runs = RaceRun(f"{KEY}.race", take_snapshot_2d)  # the plain GAN and the remedy, in lockstep

st.title(t("mode_collapse.title"))
if not presenting:
    st.caption(t("mode_collapse.caption"))


def decay_note(config) -> str:
    if not config.decay_end:
        return ""
    return t("mode_collapse.decay", floor=f"{config.decay_floor:g}", start=f"{config.decay_start:,}",
             end=f"{config.decay_end:,}")


def load_preset(preset) -> None:
    """Set the sidebar to a measured preset (its target, seed and, if it names one, remedy), back to step 0, and
    play."""
    dist = preset.config.dist
    st.session_state[f"{KEY}.dist"] = dist
    st.session_state[f"{KEY}.seed"] = preset.config.seed
    if preset.method:
        st.session_state[f"{KEY}.remedy.{dist}"] = preset.method
    runs.restart()


if not presenting:
    st.markdown(t("mode_collapse.presets_intro"))
    # Two rows of one button per target: the plain GAN's collapse, then the remedy's answer.
    for kind in ("collapse", "remedy"):
        for col, name in zip(st.columns(2), TARGETS):
            preset = PRESETS[f"{name}-{kind}"]
            col.button(t(preset.title_key), key=f"{KEY}.preset.{name}.{kind}", on_click=load_preset, args=(preset,),
                       width="stretch", icon=":material/science:", help=t("mode_collapse.preset_help"))
            col.caption(f"{t(preset.caption_key)} {measured_line(name, preset.method or 'gan')}")

with st.sidebar:
    st.header(t("mode_collapse.experiment"))
    dist = st.selectbox(t("mode_collapse.target"), TARGETS, format_func=lambda name: t(f"target.{name}"),
                        key=f"{KEY}.dist", help=t("mode_collapse.target_help"))
    collapse = PRESETS[f"{dist}-collapse"]
    preset, best_method = collapse.config, PRESETS[f"{dist}-remedy"].method
    st.session_state.setdefault(f"{KEY}.remedy.{dist}", best_method)  # widgets' first values (presets set them too)
    st.session_state.setdefault(f"{KEY}.seed", preset.seed)
    remedy = st.selectbox(t("mode_collapse.remedy"), REMEDIES, key=f"{KEY}.remedy.{dist}", format_func=method_label,
                          help=t("mode_collapse.remedy_help"))
    st.caption(t(f"mode_collapse.method.{remedy}.description") + f" ({METHODS[remedy].citation})")
    seed = int(st.number_input(t("controls.seed"), 0, 10_000, key=f"{KEY}.seed", help=t("mode_collapse.seed_help")))
    speed = st.slider(t("controls.speed"), 1, 200, 50, key=f"{KEY}.speed", help=t("mode_collapse.speed_help"))
    st.divider()
    st.caption(t("mode_collapse.preset_settings", dist=dist, loss=preset.loss, k=preset.k, optimizer=preset.optimizer,
                 lr_d=f"{preset.lr_d:g}", lr_g=f"{preset.lr_g:g}", batch=preset.batch, z_dim=preset.z_dim,
                 depth=preset.depth, width=preset.width, decay=decay_note(preset), steps=f"{collapse.steps:,}"))

base = replace(preset, seed=seed, **map_rates(KEY, dist, runs))  # a cell of the stability map sets the rates
# The runs are named by method, not by label, so that switching the language does not restart them.
configs = {"gan": config_for("gan", base), remedy: config_for(remedy, base)}
race = runs.sync(lambda: Race(configs), lambda race: race.configs == configs)
runs.buttons(KEY, runs.reset, play_help=t("mode_collapse.play_help"), reset_help=t("mode_collapse.reset_help"),
             step=runs.step, step_help=t("mode_collapse.step_help"))
n_modes = 8 if dist == "ring8" else 25


def divergence(name: str) -> str:
    """What stopped run ``name``, in the current language (the race keeps the facts, not a sentence)."""
    return ganviz.ui.divergence_text(race.failures[name])


def draw():
    snaps = {name: take_snapshot_2d(trainer, n_show=1000, grid_lines=9) for name, trainer in race.trainers.items()}
    for name, snap in snaps.items():
        race.trainers[name].record(snap.metrics)  # the history the charts show
    labels = {name: method_label(name) for name in snaps}
    cols = st.columns(2)
    for i, (col, (name, snap)) in enumerate(zip(cols, snaps.items())):
        m = snap.metrics
        with col:
            st.markdown(f"**{labels[name]}**")
            a, b, c = st.columns(3)
            a.metric(t("metric.step"), f"{m['step']:,}", help=t("metric.step_help"))
            b.metric(t("mode_collapse.modes_covered"), f"{m['modes']} / {n_modes}",
                     help=t("mode_collapse.modes_covered_help"))
            c.metric(t("mode_collapse.hq"), f"{100 * m['hq']:.1f}%", help=t("mode_collapse.hq_help"))
            live_plotly_chart(figure2d(snap, show_manifold=True, height=470), key=f"{KEY}.fig{i}")
            if name in race.failures:
                st.error(divergence(name))
    if presenting:
        return  # the projector shows the two runs and their numbers; the charts below are for the desk
    histories = {labels[name]: trainer.history for name, trainer in race.trainers.items()}
    live_plotly_chart(modes_over_time_figure(histories, n_modes), key=f"{KEY}.modes")
    st.markdown(t("mode_collapse.timeline"))
    cols = st.columns(2)
    for i, (col, (name, rows)) in enumerate(zip(cols, histories.items())):
        with col:
            live_plotly_chart(mode_timeline_figure(rows, n_modes, title=name, height=260 if n_modes == 8 else 420),
                              key=f"{KEY}.timeline{i}")


runs.fragment(0.3, lambda: runs.advance(speed), draw)

if not presenting:
    st.subheader(t("mode_collapse.tables"))
    st.caption(t("mode_collapse.tables_caption"))
    st.markdown(t("mode_collapse.published"))
    st.dataframe(published_table(), hide_index=True, width="stretch")
    st.markdown(t("mode_collapse.measured"))
    st.dataframe(measured_table(), hide_index=True, width="stretch")

with st.expander(t("explain.title")):
    st.markdown(t("mode_collapse.explain_figures"))
    st.markdown(t("mode_collapse.explain"))

stability_section(KEY, runs)  # the stability map (ganviz/ui/stability.py): a cell loads into the race above
