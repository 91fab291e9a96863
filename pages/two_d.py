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
from ganviz.ui.diagram import diagram_parts, diagram_toggle
from ganviz.ui.follow import share
from ganviz.ui.live import LiveRun, frame_notes
from ganviz.ui.live_view import streaming
from ganviz.views.live_frame import LiveFrame
from ganviz.ui.replay import replay_panel
from ganviz.ui.retune import switches
from ganviz.ui.runfile import save_load_panel
from ganviz.ui.tracking import morph_panel, run_trails, trails_into, trails_toggle

ganviz.ui.ensure_navigation()
ganviz.ui.compact_top()
KEY = "p2d"
TARGETS = ["ring8", "grid25", "gaussian2d", "spiral", "moons", "custom"]
DEFAULTS = RING8  # ring8 learned by a small GAN with 2-d noise (the preset ring8_learns)
presenting = ganviz.ui.presenting()

st.title(t("two_d.title"), help=t("two_d.caption"))

config, pacing = sidebar_config(KEY, DEFAULTS, TARGETS, frame_seconds=0.16, iterations_per_frame=40)
run = LiveRun(KEY, snapshot=take_snapshot_2d)
target = None
if config.dist == "custom":
    target = CustomTarget(f"{KEY}.custom").editor()
    if target is None:  # too few points yet: the presets still lead away from here
        with st.popover(t("live.lessons"), icon=":material/school:", help=t("live.lessons_help"),
                        key=f"{KEY}.lessons"):
            run.preset_buttons(presets_for("two_d"), per_row=1)
        st.stop()
run.sync(config, target)
lessons, view_menu = run.toolbar(config, target)
with lessons:
    run.preset_buttons(presets_for("two_d"), per_row=1)
    start_from_trained(run, config)  # shipped checkpoints: converged, collapsed
share(run, "two_d", lessons)  # publish the run to the class (?follow=CODE)
with view_menu:  # read by each frame: a playing run shows a flipped switch in its next frame (ganviz.ui.retune)
    shown = switches(KEY, lambda: {
        "manifold": st.toggle(t("two_d.manifold"), value=True, key=f"{KEY}.manifold", help=t("two_d.manifold_help")),
        "d_star": st.toggle(t("two_d.d_star"), value=False, key=f"{KEY}.d_star", help=t("two_d.d_star_help")),
        "arrows": st.toggle(t("two_d.arrows"), value=False, key=f"{KEY}.arrows", help=t("two_d.arrows_help")),
        "trails": trails_toggle(KEY, two_d=True), "diagram": diagram_toggle(KEY)})
run.show_preset_caption()
run.show_message()
trails = run_trails(run)
streamed = streaming()


def view(snap, trainer) -> LiveFrame:
    """What a frame shows: the numbers, D's landscape with G's manifold, the model diagram, notes, the history."""
    m = snap.metrics
    metrics = [(t("metric.step"), f"{m['step']:,}", t("metric.step_help")),
               (t("two_d.jsd"), f"{m['jsd']:.3f}", t("two_d.jsd_help"))]
    if "modes" in m:
        metrics += [(t("two_d.modes"), f"{m['modes']} / {len(trainer.target.means)}", t("two_d.modes_help")),
                    (t("two_d.hq"), f"{100 * m['hq']:.1f}%", t("two_d.hq_help"))]
    else:
        metrics += [(t("metric.d_real"), f"{m['d_real']:.3f}", t("two_d.d_real_help")),
                    (t("metric.d_fake"), f"{m['d_fake']:.3f}", t("two_d.d_fake_help"))]
    metrics.append((t("two_d.outside"), f"{100 * m['outside']:.1f}%", t("two_d.outside_help")))
    figure = figure2d(snap, show_d_star=shown["d_star"], show_manifold=shown["manifold"], show_arrows=shown["arrows"])
    figure = trails_into(trails, snap, figure, shown["trails"])
    with_diagram = pacing.slow or shown["diagram"]
    side, caption, colour = diagram_parts(trainer, dim=2) if with_diagram else (None, "", "gray")
    notes = frame_notes(trainer, pacing, with_diagram, streamed)
    if not snap.d_is_probability:
        notes.append(t("two_d.critic"))
    n_modes = len(trainer.target.means) if has_modes(trainer.target) else None
    history = None if presenting else (lambda: history_figure_2d(trainer.history, n_modes))
    return LiveFrame(metrics, figure, side, caption, colour, notes, history)


run.show(pacing, view)
morph_panel(run)

run.show_frozen(lambda snap, title: figure2d(snap, show_d_star=shown["d_star"], show_manifold=shown["manifold"],
                                            height=330, title=title))
replay_panel(run, lambda snap: figure2d(snap, show_d_star=shown["d_star"], show_manifold=shown["manifold"]),
             name="ganviz-2d")
if not presenting:
    save_load_panel(run, [name for name in TARGETS if name != "custom"], name="ganviz-2d")

with st.expander(t("explain.title")):
    if not presenting:  # (presentation mode hides the explanation)
        st.markdown(t("two_d.caption"))
    st.markdown(t("two_d.explain"))
    st.markdown(t("two_d.explain_collapse"))
    st.markdown(t("two_d.explain_jsd"))
    st.latex(r"\mathrm{JSD}(p\,\|\,q) = \tfrac12 \mathrm{KL}\big(p\,\|\,\tfrac{p+q}{2}\big) + \tfrac12 \mathrm{KL}\big(q\,\|\,\tfrac{p+q}{2}\big)")
    st.markdown(t("two_d.explain_try"))
