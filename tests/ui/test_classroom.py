"""The classroom features on the Figure 1 page under AppTest: presets, slow motion, D and G steps, status,
replay and export, the language switch and presentation mode."""

import sys
from dataclasses import replace

import pytest
from streamlit.testing.v1 import AppTest

from ganviz.i18n import t
from ganviz.lessons.presets import FIGURE1_HELD, presets_for

APP = "../../navigation.py"
KEY = "fig1"


@pytest.fixture
def at():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/figure1.py").run()
    assert not at.exception
    return at


def trainer(at):
    return at.session_state[f"{KEY}.trainer"]


@pytest.mark.parametrize("preset", presets_for("figure1"), ids=lambda p: p.name)
def test_a_preset_button_sets_the_sidebar_and_starts(at, preset):
    at.button(key=f"{KEY}.preset.{preset.name}").click().run()
    assert not at.exception
    # every field: those the sidebar's widgets set, and those it keeps from the preset (decay, sampling, D's input)
    assert trainer(at).config == preset.config
    assert at.selectbox(key=f"{KEY}.loss").value == preset.config.loss
    said = t("controls.from_preset", fields="\0").split("\0")[0]  # the caption's words before the fields
    kept = [c.value for c in at.sidebar.caption if c.value.startswith(said)]
    assert bool(kept) == (preset.name == "figure1_abcd"), kept  # the one preset with fields the sidebar lacks
    if kept:
        assert "sampling stratified" in kept[0] and "d_input standardised" in kept[0] and "decay_end 3500" in kept[0]
    assert trainer(at).step >= preset.warmup  # the warm-up, and the first frame's iterations when it plays
    assert trainer(at).d_hold == (preset.hold or None)  # its schedule (D out of sync: D held for a span)
    expected_mode = "fit_d" if preset.then == "fit_d" else "playing"
    if preset.name == "diverge":
        at.run()  # one tick: it diverges at once
        assert at.session_state[f"{KEY}.mode"] == "paused" and "diverged" in at.error[0].value
        assert "diverged" in at.markdown[0].value  # the status line
    else:
        assert at.session_state[f"{KEY}.mode"] == expected_mode
    assert t(f"preset.{preset.name}.caption") in [a.value for a in at.info]


def test_the_pages_own_run_names_the_settings_it_has_no_control_for(at):
    """The page's default run (the preset "(a) to (d)"'s setting) says what the sidebar cannot show; a preset in the
    paper's plain setting has nothing to add."""
    said = t("controls.from_page", fields="\0").split("\0")[0]
    kept = [c.value for c in at.sidebar.caption if c.value.startswith(said)]
    assert trainer(at).config == replace(FIGURE1_HELD, device=trainer(at).config.device)
    assert len(kept) == 1 and "sampling stratified" in kept[0] and "decay_start 1500" in kept[0], kept
    at.button(key=f"{KEY}.preset.figure1_paper").click().run()
    assert trainer(at).config.sampling == "random" and trainer(at).config.optimizer == "sgd"
    assert not [c.value for c in at.sidebar.caption if c.value.startswith(said)]


def test_same_preset_twice_gives_the_same_run(at, monkeypatch):
    # A frame trains fewer iterations when it runs out of its time budget (a loaded machine): lift the budget,
    # so both runs train the same iterations and only the preset decides what they do.
    monkeypatch.setattr("ganviz.frames.session.FRAME_BUDGET_S", 1e9)
    runs = []
    for _ in range(2):
        at.button(key=f"{KEY}.preset.figure1_abcd").click().run()
        at.run()
        at.run()
        runs.append((trainer(at).step, trainer(at).history[-1]["jsd"]))
    assert runs[0] == runs[1] and runs[0][0] > 0


def test_slow_motion_is_one_beat_per_frame_with_its_caption(at):
    at.toggle(key=f"{KEY}.slow").set_value(True).run()
    at.slider(key=f"{KEY}.k").set_value(2).run()
    at.button(key=f"{KEY}.play").click().run()
    beats = [(trainer(at).phase, trainer(at).step)]
    for _ in range(3):
        at.run()
        beats.append((trainer(at).phase, trainer(at).step))
    assert beats == [(1, 0), (2, 0), (0, 1), (1, 1)]
    captions = [m.value for m in at.markdown]  # slow motion shows the diagram; the beat's caption is under it
    assert any("Beat: D step 1 of 2" in c for c in captions)


def test_d_step_and_g_step_buttons_move_one_player(at):
    t = trainer(at)
    at.button(key=f"{KEY}.d_step").click().run()
    assert (t.d_steps, t.step) == (1, 0)
    assert "D took one step alone" in at.info[-1].value
    at.button(key=f"{KEY}.g_step").click().run()
    assert (t.d_steps, t.step) == (1, 0)
    assert "G took one step alone" in at.info[-1].value


def test_status_line_says_running_paused_and_the_rate(at):
    assert "paused" in at.markdown[0].value
    at.button(key=f"{KEY}.play").click().run()
    at.run()
    status = at.markdown[0].value
    assert "running" in status and "iterations/s" in status


def test_paused_run_can_be_scrubbed_replayed_and_exported(at):
    at.button(key=f"{KEY}.play").click().run()
    for _ in range(4):
        at.run()
    at.button(key=f"{KEY}.play").click().run()
    frames = at.session_state[f"{KEY}.recorder"].frames
    assert len(frames) >= 4
    timeline = at.select_slider(key=f"{KEY}.timeline")
    timeline.set_value(0).run()
    assert not at.exception
    at.toggle(key=f"{KEY}.animate").set_value(True).run()
    assert not at.exception
    figure = at.get("plotly_chart")[-1].proto.spec
    assert '"frames"' in figure and f'"step {frames[-1].step:,}"' in figure


def test_korean_keeps_the_run_and_every_choice():
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[f"{KEY}.dist"] = "bimodal"
    at.run()
    at.switch_page("pages/figure1.py").run()
    at.button(key=f"{KEY}.step").click().run()
    at.radio(key="ganviz.lang").set_value("ko").run()
    assert not at.exception
    assert at.title[0].value == "그림 1, 실시간"
    assert trainer(at).config.dist == "bimodal" and trainer(at).step == 1
    labels = [b.label for b in at.button]
    assert "재생" in labels and "Play" not in labels
    assert at.sidebar.slider(key=f"{KEY}.k").label == "k: G 한 번당 D 업데이트 횟수"


def test_presentation_mode_keeps_figure_and_numbers_and_can_be_left(at):
    at.toggle(key="ganviz.present").set_value(True).run()
    assert not at.exception
    assert any("stSidebar" in h.proto.body for h in at.get("html"))  # the CSS that hides the controls
    assert [m.label for m in at.metric][:2] == ["step", "JSD(p_data ‖ p_g)"]
    keys = [b.key for b in at.button]
    assert f"{KEY}.preset.figure1_abcd" in keys and f"{KEY}.fit_d" in keys and f"{KEY}.snap" in keys, \
        "the teaching buttons stay in presentation mode (in the Lessons menu and the toolbar)"
    at.button(key="ganviz.present_exit").click().run()
    assert at.session_state["ganviz.present"] is False


def test_the_downloads_build_valid_files(at):
    """The four download buttons' deferred data: an HTML replay with the frames, CSV rows, a GIF and an MP4."""
    import io

    from PIL import Image

    from ganviz import ui
    from ganviz.ui import replay as replay_ui

    at.button(key=f"{KEY}.play").click().run()
    for _ in range(3):
        at.run()
    at.button(key=f"{KEY}.play").click().run()
    assert len(at.get("download_button")) == 5  # HTML, CSV, GIF, MP4, and the run itself
    frames = at.session_state[f"{KEY}.recorder"].frames
    from ganviz.views.figure1 import figure1
    from ganviz.files.export import metrics_csv, replay_html
    from ganviz.views.replay import replay_figure

    html = ui.in_language(lambda: replay_html(replay_figure(frames, figure1)))()
    assert html.count('"name":"step ') + html.count('"name": "step ') >= len(frames)
    rows = metrics_csv(trainer(at).history).splitlines()
    assert rows[0].startswith("step,") and len(rows) == len(trainer(at).history) + 1
    gif = Image.open(io.BytesIO(replay_ui.gif_bytes(frames)))
    assert gif.n_frames == len(frames)
    assert replay_ui.mp4_bytes(frames)[4:8] == b"ftyp"


def test_a_loaded_run_must_fit_the_page():
    from dataclasses import replace

    from ganviz.lessons.presets import FIGURE1
    from ganviz.ui.runfile import misfit

    assert misfit(FIGURE1, ["gaussian", "bimodal"]) is None
    assert misfit(replace(FIGURE1, dist="ring8"), ["gaussian", "bimodal"]) == ("runfile.wrong_page", {"dist": "ring8"})
    assert misfit(replace(FIGURE1, remedy="pacgan"), ["gaussian"])[0] == "runfile.not_on_sidebar"


def test_the_page_offers_to_save_the_run(at):
    assert len(at.get("download_button")) == 1  # paused at step 0: the replay has nothing yet, the run can be saved
    assert len(at.get("file_uploader")) == 1


def test_the_2d_page_replays_and_exports_too():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/two_d.py").run()
    at.button(key="p2d.play").click().run()
    for _ in range(3):
        at.run()
    at.button(key="p2d.play").click().run()
    assert len(at.session_state["p2d.recorder"].frames) >= 3
    assert len(at.get("download_button")) == 5 and len(at.get("file_uploader")) == 1
    at.toggle(key="p2d.animate").set_value(True).run()
    assert not at.exception and '"frames"' in at.get("plotly_chart")[-1].proto.spec


@pytest.mark.friendly_errors
@pytest.mark.parametrize("lang, words", [("en", "Something went wrong on this page"), ("ko", "예상하지 못한 오류")])
def test_an_unexpected_error_is_one_friendly_line_and_the_server_logs_its_traceback(monkeypatch, lang, words):
    import logging

    from ganviz.ui import sessions

    logged = []
    monkeypatch.setattr(logging.getLogger("ganviz"), "exception",
                        lambda message, *args: logged.append((message % args, sys.exc_info()[1])))

    def broken():
        raise RuntimeError("boom in /srv/ganviz/secret/path.py")

    monkeypatch.setattr(sessions, "track_trainers", broken)
    at = AppTest.from_file("../../navigation.py", default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, "no traceback reaches the student"
    assert len(at.error) == 1 and words in at.error[0].value and "boom" not in at.error[0].value
    assert logged and isinstance(logged[0][1], RuntimeError) and "boom" in str(logged[0][1])
