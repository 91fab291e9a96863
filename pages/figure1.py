"""Figure 1 of the paper, live: a 1D GAN trains while p_data, p_g and D(x) are drawn."""

import streamlit as st

import ganviz.ui
from ganviz.views.figure1 import figure1, history_figure
from ganviz.i18n import t
from ganviz.lessons.presets import FIGURE1, presets_for
from ganviz.ui.checkpoints import start_from_trained
from ganviz.ui.controls import sidebar_config
from ganviz.ui.diagram import diagram_toggle, model_diagram
from ganviz.ui.live import LiveRun
from ganviz.ui.live_chart import live_plotly_chart
from ganviz.ui.replay import replay_panel
from ganviz.ui.runfile import save_load_panel
from ganviz.ui.tracking import draw_trails, trails_toggle

ganviz.ui.ensure_navigation()
KEY = "fig1"
presenting = ganviz.ui.presenting()

st.title(t("figure1.title"))
if not presenting:
    st.caption(t("figure1.caption"))

config, pacing = sidebar_config(KEY, FIGURE1, ["gaussian", "bimodal"], frame_seconds=0.08, iterations_per_frame=20)
run = LiveRun(KEY)
if not presenting:
    run.preset_buttons(presets_for("figure1"))
    start_from_trained(run, config)  # shipped checkpoints: converged, collapsed
run.sync(config)
run.toolbar(config)
c1, c2, c3 = st.columns([2.2, 1, 1])
show_d_star = c1.toggle(t("figure1.d_star"), value=True, key=f"{KEY}.d_star", help=t("figure1.d_star_help"))
with c2:
    diagram_toggle(KEY)  # model_diagram reads it
with c3:
    show_trails = trails_toggle(KEY, two_d=False)
run.show_preset_caption()
run.show_message()


def draw(snap, trainer):
    m = snap.metrics
    cols = st.columns(5)
    cols[0].metric(t("metric.step"), f"{m['step']:,}", help=t("metric.step_help"))
    cols[1].metric("JSD(p_data ‖ p_g)", f"{m['jsd']:.4f}", help=t("metric.jsd_help"))
    cols[2].metric("C(G) = −log 4 + 2·JSD", f"{m['criterion']:.4f}", help=t("metric.criterion_help"))
    cols[3].metric(t("metric.d_real"), f"{m['d_real']:.3f}", help=t("metric.d_real_help"))
    cols[4].metric(t("metric.d_fake"), f"{m['d_fake']:.3f}", help=t("metric.d_fake_help"))
    model_diagram(KEY, trainer, pacing, dim=1)
    live_plotly_chart(draw_trails(run, snap, figure1(snap, show_d_star=show_d_star), show_trails), key=f"{KEY}.figure")
    if not presenting:
        live_plotly_chart(lambda: history_figure(trainer.history), key=f"{KEY}.history", every=run.chart_every())
    if not snap.d_is_probability:
        st.caption(t("figure1.critic"))


run.fragment(pacing, draw)

run.show_frozen(lambda snap, title: figure1(snap, show_d_star=show_d_star, title=title, height=320, compact=True))
replay_panel(run, lambda snap: figure1(snap, show_d_star=show_d_star), name="ganviz-figure1")
if not presenting:
    save_load_panel(run, ["gaussian", "bimodal"], name="ganviz-figure1")

with st.expander(t("explain.title")):
    st.markdown(t("figure1.explain"))
    st.markdown(t("figure1.explain_pg"))
    st.latex(r"\mathrm{JSD}(p\,\|\,q) = \tfrac12 \mathrm{KL}\big(p\,\|\,\tfrac{p+q}{2}\big) + \tfrac12 \mathrm{KL}\big(q\,\|\,\tfrac{p+q}{2}\big)")
    st.markdown(t("figure1.explain_try"))
