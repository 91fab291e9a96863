"""2D: a GAN learns a distribution in the plane; D's landscape and G's manifold drawn live."""

import streamlit as st

import ganviz.ui
from ganviz.views.figure2d import figure2d, history_figure_2d
from ganviz.i18n import t
from ganviz.measure.modes import has_modes
from ganviz.lessons.presets import RING8, presets_for
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.ui.checkpoints import start_from_trained
from ganviz.ui.controls import sidebar_config
from ganviz.ui.custom import CustomTarget
from ganviz.ui.diagram import diagram_toggle, model_diagram
from ganviz.ui.live import LiveRun
from ganviz.ui.live_chart import live_plotly_chart
from ganviz.ui.replay import replay_panel
from ganviz.ui.runfile import save_load_panel
from ganviz.ui.tracking import draw_trails, morph_panel, trails_toggle

ganviz.ui.ensure_navigation()
KEY = "p2d"
TARGETS = ["ring8", "grid25", "gaussian2d", "spiral", "moons", "custom"]
DEFAULTS = RING8  # ring8 learned by a small GAN with 2-d noise (the preset ring8_learns)
presenting = ganviz.ui.presenting()

st.title(t("two_d.title"))
if not presenting:
    st.caption(t("two_d.caption"))

config, pacing = sidebar_config(KEY, DEFAULTS, TARGETS, frame_seconds=0.16, iterations_per_frame=40)
run = LiveRun(KEY, snapshot=take_snapshot_2d)
if not presenting:
    run.preset_buttons(presets_for("two_d"))  # above the custom editor, which may stop the page
    start_from_trained(run, config)  # shipped checkpoints: converged, collapsed
target = None
if config.dist == "custom":
    target = CustomTarget(f"{KEY}.custom").editor()
    if target is None:
        st.stop()
run.sync(config, target)
run.toolbar(config, target)
c1, c2, c3 = st.columns(3)
show_manifold = c1.toggle(t("two_d.manifold"), value=True, key=f"{KEY}.manifold", help=t("two_d.manifold_help"))
show_d_star = c2.toggle(t("two_d.d_star"), value=False, key=f"{KEY}.d_star", help=t("two_d.d_star_help"))
show_arrows = c3.toggle(t("two_d.arrows"), value=False, key=f"{KEY}.arrows", help=t("two_d.arrows_help"))
c1, c2, _ = st.columns(3)
with c1:
    show_trails = trails_toggle(KEY, two_d=True)
with c2:
    diagram_toggle(KEY)  # model_diagram reads it
run.show_preset_caption()
run.show_message()


def draw(snap, trainer):
    m = snap.metrics
    cols = st.columns(5)
    cols[0].metric(t("metric.step"), f"{m['step']:,}", help=t("metric.step_help"))
    cols[1].metric(t("two_d.jsd"), f"{m['jsd']:.3f}", help=t("two_d.jsd_help"))
    if "modes" in m:
        cols[2].metric(t("two_d.modes"), f"{m['modes']} / {len(trainer.target.means)}", help=t("two_d.modes_help"))
        cols[3].metric(t("two_d.hq"), f"{100 * m['hq']:.1f}%", help=t("two_d.hq_help"))
    else:
        cols[2].metric(t("metric.d_real"), f"{m['d_real']:.3f}", help=t("two_d.d_real_help"))
        cols[3].metric(t("metric.d_fake"), f"{m['d_fake']:.3f}", help=t("two_d.d_fake_help"))
    cols[4].metric(t("two_d.outside"), f"{100 * m['outside']:.1f}%", help=t("two_d.outside_help"))
    model_diagram(KEY, trainer, pacing, dim=2)
    figure = figure2d(snap, show_d_star=show_d_star, show_manifold=show_manifold, show_arrows=show_arrows)
    figure = draw_trails(run, snap, figure, show_trails)
    live_plotly_chart(figure, key=f"{KEY}.figure")
    if not presenting:
        n_modes = len(trainer.target.means) if has_modes(trainer.target) else None
        live_plotly_chart(lambda: history_figure_2d(trainer.history, n_modes), key=f"{KEY}.history",
                          every=run.chart_every())
    if not snap.d_is_probability:
        st.caption(t("two_d.critic"))


run.fragment(pacing, draw)
morph_panel(run)

run.show_frozen(lambda snap, title: figure2d(snap, show_d_star=show_d_star, show_manifold=show_manifold, height=330,
                                            title=title))
replay_panel(run, lambda snap: figure2d(snap, show_d_star=show_d_star, show_manifold=show_manifold), name="ganviz-2d")
if not presenting:
    save_load_panel(run, [name for name in TARGETS if name != "custom"], name="ganviz-2d")

with st.expander(t("explain.title")):
    st.markdown(t("two_d.explain"))
    st.markdown(t("two_d.explain_collapse"))
    st.markdown(t("two_d.explain_jsd"))
    st.latex(r"\mathrm{JSD}(p\,\|\,q) = \tfrac12 \mathrm{KL}\big(p\,\|\,\tfrac{p+q}{2}\big) + \tfrac12 \mathrm{KL}\big(q\,\|\,\tfrac{p+q}{2}\big)")
    st.markdown(t("two_d.explain_try"))
