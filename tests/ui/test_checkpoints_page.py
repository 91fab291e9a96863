"""The pages' "Start from a trained model" (AppTest): it loads a shipped checkpoint paused, with its config in the
sidebar; a live change keeps the run and a change of the model starts a fresh one."""

from streamlit.testing.v1 import AppTest

from ganviz.files.checkpoints import available

SHIPPED = {(c.target, c.kind): c for c in available()}


def page(path: str) -> AppTest:
    at = AppTest.from_file("../../navigation.py", default_timeout=60)
    at.run()
    at.switch_page(path).run()
    assert not at.exception
    return at


def step(at) -> int:
    return int(next(m.value for m in at.metric if m.label == "step").replace(",", ""))


def infos(at) -> str:
    return " ".join(e.value for e in at.info)


def toasts(at) -> str:
    return " ".join(e.value for e in at.toast)


def test_figure1_starts_from_the_collapsed_bimodal_run_and_a_new_width_starts_fresh():
    at = page("pages/figure1.py")
    assert at.selectbox(key="fig1.ckpt_kind").options == ["Converged: G has learned the target"], "gaussian: one kind"
    at.selectbox(key="fig1.dist").set_value("bimodal").run()
    at.selectbox(key="fig1.ckpt_kind").set_value("collapsed").run()
    at.button(key="fig1.ckpt_load").click().run()
    assert not at.exception
    trainer = at.session_state["fig1.trainer"]
    claimed = SHIPPED["bimodal", "collapsed"]
    assert step(at) == claimed.step and at.session_state["fig1.mode"] == "paused"
    assert at.select_slider(key="fig1.lr_d").value == claimed.config.lr_d == 0.002, "the sidebar shows its config"
    assert "collapsed GAN" in infos(at) and f"{claimed.step:,} iterations" in infos(at) and "100%" in infos(at)
    # The history chart has the run's way there: rows from step 0 to the loaded step, not one point.
    steps = [row["step"] for row in trainer.history]
    assert len(steps) > 50 and steps[0] == 0 and steps[-1] == claimed.step
    at.run()
    assert at.session_state["fig1.trainer"] is trainer and not toasts(at), "sidebar and run agree: the run stays"
    at.button(key="fig1.step").click().run()
    assert step(at) == claimed.step + 1 and at.session_state["fig1.trainer"] is trainer
    assert "Started from a trained model: a collapsed GAN" in infos(at), "a caption that is true after a step"
    assert "Paused" not in infos(at) and "JSD" not in infos(at), "the loaded numbers are not the run's any more"
    at.select_slider(key="fig1.width").set_value(16).run()
    assert step(at) == 0 and at.session_state["fig1.trainer"] is not trainer
    assert "New model" in toasts(at) and "collapsed GAN" not in infos(at)


def test_two_d_starts_from_the_converged_ring_keeps_it_through_a_live_change_and_a_new_z_starts_fresh():
    at = page("pages/two_d.py")
    assert at.selectbox(key="p2d.ckpt_kind").options[1] == "Collapsed: G is stuck on one mode"
    at.button(key="p2d.ckpt_load").click().run()
    assert not at.exception
    claimed = SHIPPED["ring8", "converged"]
    trainer = at.session_state["p2d.trainer"]
    assert step(at) == claimed.step and next(m.value for m in at.metric if m.label == "modes covered") == "8 / 8"
    assert "converged GAN" in infos(at) and "8 of 8" in infos(at)
    assert at.select_slider(key="p2d.lr_d").value == claimed.config.lr_d == 1e-4, "the sidebar shows its config"
    at.select_slider(key="p2d.lr_g").set_value(1e-3).run()  # a live setting: the run goes on
    assert at.session_state["p2d.trainer"] is trainer and not toasts(at) and "converged GAN" in infos(at)
    at.select_slider(key="p2d.z_dim").set_value(1).run()
    assert step(at) == 0 and at.session_state["p2d.trainer"] is not trainer and "New model" in toasts(at)
    at.selectbox(key="p2d.dist").set_value("spiral").run()
    assert at.selectbox(key="p2d.ckpt_kind").options == ["Converged: G has learned the target"]
    at.button(key="p2d.ckpt_load").click().run()
    assert step(at) == SHIPPED["spiral", "converged"].step and at.select_slider(key="p2d.z_dim").value == 2
