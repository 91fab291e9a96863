"""Figure 1 of the paper, live: a 1D GAN trains while p_data, p_g and D(x) are drawn."""

import streamlit as st

import ganviz.ui
from ganviz.views.figure1 import figure1, history_figure
from ganviz.views.live_frame import LiveFrame
from ganviz.i18n import t
from ganviz.lessons.presets import FIGURE1_HELD, presets_for
from ganviz.ui.checkpoints import start_from_trained
from ganviz.ui.controls import sidebar_config
from ganviz.ui.diagram import diagram_parts, diagram_toggle
from ganviz.ui.follow import share
from ganviz.ui.live import LiveRun, frame_notes
from ganviz.ui.live_view import streaming
from ganviz.ui.replay import replay_panel
from ganviz.ui.retune import switches
from ganviz.ui.runfile import save_load_panel
from ganviz.ui.tracking import run_trails, trails_into, trails_toggle

ganviz.ui.ensure_navigation()
ganviz.ui.compact_top()
KEY = "fig1"
presenting = ganviz.ui.presenting()

st.title(t("figure1.title"), help=t("figure1.caption"))

config, pacing = sidebar_config(KEY, FIGURE1_HELD, ["gaussian", "bimodal"], frame_seconds=0.08, iterations_per_frame=20)
run = LiveRun(KEY)
run.sync(config)
lessons, view_menu = run.toolbar(config)
with lessons:
    run.preset_buttons(presets_for("figure1"), per_row=1)
    start_from_trained(run, config)  # shipped checkpoints: converged, collapsed
share(run, "figure1", lessons)  # publish the run to the class (?follow=CODE)
with view_menu:  # read by each frame: a playing run shows a flipped switch in its next frame (ganviz.ui.retune)
    shown = switches(KEY, lambda: {
        "d_star": st.toggle(t("figure1.d_star"), value=True, key=f"{KEY}.d_star", help=t("figure1.d_star_help")),
        "diagram": diagram_toggle(KEY), "trails": trails_toggle(KEY, two_d=False)})
run.show_preset_caption()
run.show_message()
trails = run_trails(run)
streamed = streaming()


def view(snap, trainer) -> LiveFrame:
    """What a frame shows: the numbers, Figure 1 (with trails), the model diagram, notes and the history."""
    m = snap.metrics
    metrics = [(t("metric.step"), f"{m['step']:,}", t("metric.step_help")),
               ("JSD(p_data ‖ p_g)", f"{m['jsd']:.4f}", t("metric.jsd_help")),
               ("C(G) = −log 4 + 2·JSD", f"{m['criterion']:.4f}", t("metric.criterion_help")),
               (t("metric.d_real"), f"{m['d_real']:.3f}", t("metric.d_real_help")),
               (t("metric.d_fake"), f"{m['d_fake']:.3f}", t("metric.d_fake_help"))]
    with_diagram = pacing.slow or shown["diagram"]
    figure = trails_into(trails, snap, figure1(snap, show_d_star=shown["d_star"]), shown["trails"])
    side, caption, colour = diagram_parts(trainer, dim=1) if with_diagram else (None, "", "gray")
    notes = frame_notes(trainer, pacing, with_diagram, streamed)
    if not snap.d_is_probability:
        notes.append(t("figure1.critic"))
    history = None if presenting else (lambda: history_figure(trainer.history))
    return LiveFrame(metrics, figure, side, caption, colour, notes, history)


run.show(pacing, view)

run.show_frozen(lambda snap, title: figure1(snap, show_d_star=shown["d_star"], title=title, height=320, compact=True))
replay_panel(run, lambda snap: figure1(snap, show_d_star=shown["d_star"]), name="ganviz-figure1")
if not presenting:
    save_load_panel(run, ["gaussian", "bimodal"], name="ganviz-figure1")

with st.expander(t("explain.title")):
    if not presenting:  # (presentation mode hides the explanation)
        st.markdown(t("figure1.caption"))
    st.markdown(t("figure1.explain"))
    st.markdown(t("figure1.explain_pg"))
    st.latex(r"\mathrm{JSD}(p\,\|\,q) = \tfrac12 \mathrm{KL}\big(p\,\|\,\tfrac{p+q}{2}\big) + \tfrac12 \mathrm{KL}\big(q\,\|\,\tfrac{p+q}{2}\big)")
    st.markdown(t("figure1.explain_try"))
