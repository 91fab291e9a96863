"""Every page runs under Streamlit's AppTest without exceptions, buttons included.

AppTest does not drive ``run_every`` timers: each ``at.run()`` stands for one tick.
"""

import math

import pytest
from streamlit.testing.v1 import AppTest

import ganviz.core.trainer
from ganviz.frames.residual import CLOSE

APP = "../../navigation.py"
FIG1 = "pages/figure1.py"


def metric(at, label_start):
    for m in at.metric:
        if m.label.startswith(label_start):
            return m.value
    raise KeyError(label_start)


def step(at) -> int:
    return int(metric(at, "step").replace(",", ""))


@pytest.fixture
def fig1():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(FIG1).run()
    assert not at.exception
    return at


def test_home_tells_the_story():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    formulas = " ".join(e.body for e in at.latex)
    assert "V(D,G)" in formulas and "D^*" in formulas and "-\\log 4" in formulas and "JSD" in formulas


def test_figure1_plays_pauses_and_steps(fig1):
    at = fig1
    assert step(at) == 0
    at.button(key="fig1.play").click().run()
    first = step(at)
    at.run()
    at.run()
    assert step(at) > first > 0, "playing must advance training every tick"
    at.button(key="fig1.play").click().run()  # pause
    paused = step(at)
    at.run()
    assert step(at) == paused, "paused: no training"
    at.button(key="fig1.step").click().run()
    assert step(at) == paused + 1
    at.button(key="fig1.reset").click().run()
    assert step(at) == 0
    assert not at.exception


def test_figure1_live_controls_keep_the_run_and_model_controls_reset_it(fig1):
    at = fig1
    at.button(key="fig1.step").click().run()
    at.button(key="fig1.step").click().run()
    k = at.session_state["fig1.trainer"].config.k  # the page's default (3)
    at.slider(key="fig1.k").set_value(k + 1).run()
    at.select_slider(key="fig1.lr_d").set_value(0.01).run()
    assert step(at) == 2, "k and learning rates apply on the fly"
    trainer = at.session_state["fig1.trainer"]
    assert trainer.config.k == k + 1 and trainer.opt_d.param_groups[0]["lr"] == 0.01
    at.button(key="fig1.step").click().run()
    assert trainer.d_steps == 2 * k + k + 1
    at.number_input(key="fig1.seed").set_value(7).run()
    assert step(at) == 0, "a new seed means a new model"
    at.selectbox(key="fig1.dist").set_value("bimodal").run()
    at.radio(key="fig1.prior").set_value("normal").run()
    other = "nonsaturating" if at.session_state["fig1.trainer"].config.loss == "minimax" else "minimax"
    at.selectbox(key="fig1.loss").set_value(other).run()
    at.button(key="fig1.step").click().run()
    assert at.session_state["fig1.trainer"].config.loss == other
    assert not at.exception


def test_train_d_to_optimality_moves_d_onto_d_star(fig1):
    at = fig1
    at.slider(key="fig1.speed").set_value(100).run()
    at.button(key="fig1.play").click().run()
    for _ in range(3):
        at.run()
    at.button(key="fig1.fit_d").click().run()
    trainer = at.session_state["fig1.trainer"]
    g_step, gap_before = trainer.step, trainer.history[-1]["d_gap"]
    for _ in range(200):
        if at.session_state["fig1.mode"] == "paused":
            break
        at.run()
    assert at.session_state["fig1.mode"] == "paused", "fitting D must end by itself"
    assert trainer.step == g_step, "G stays frozen"
    gap_after = trainer.history[-1]["d_gap"]  # mean |D - D*| under (p_data + p_g)/2: the residual it stopped on
    assert gap_after < gap_before
    # the page says the residual it measured, and "close to D*" only when it is below CLOSE
    said = (at.success if gap_after < CLOSE[1] else at.warning)[0].value
    assert f"{gap_after:.3f}" in said and ("is close to D*" in said) == (gap_after < CLOSE[1])


def test_snapshots_freeze_panels(fig1):
    at = fig1
    at.button(key="fig1.snap").click().run()
    at.button(key="fig1.step").click().run()
    at.button(key="fig1.snap").click().run()
    frozen = at.session_state["fig1.frozen"]
    assert [s.step for s in frozen] == [0, 1]
    at.button(key="fig1.clear").click().run()
    assert at.session_state["fig1.frozen"] == []
    assert not at.exception


def test_divergence_is_caught_rolled_back_and_explained(fig1, monkeypatch):
    at = fig1
    at.button(key="fig1.step").click().run()
    real_d_step = ganviz.core.trainer.Trainer.d_step

    def exploding(self):
        loss = real_d_step(self)
        return loss * math.nan if self.step >= 3 else loss

    monkeypatch.setattr(ganviz.core.trainer.Trainer, "d_step", exploding)
    at.button(key="fig1.play").click().run()
    assert not at.exception
    assert at.error and "learning rate" in at.error[0].value
    assert at.session_state["fig1.mode"] == "paused"
    # Rolled back to the last good state: the start of the chunk that diverged at step 3 (the frame's chunks are
    # sized by the measured time per iteration, so that start is step 1, 2 or 3).
    assert at.session_state["fig1.trainer"].step in (1, 2, 3), "rolled back to the last good state"


# ----- the theory page ------------------------------------------------------------------------
THEORY = "pages/theory.py"


@pytest.fixture
def theory_page():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(THEORY).run()
    assert not at.exception
    return at


def number(at, label_start) -> float:
    text = metric(at, label_start).replace(",", "").replace("−", "-")
    return float(text)


def test_theory_theorem1_two_ways_agree_on_screen(theory_page):
    at = theory_page
    a, b = number(at, "V(D*, G): plug"), number(at, "−log 4 + 2·JSD")
    assert a == b and -math.log(4) < a < 0
    assert number(at, "difference") < 1e-6
    kl1, kl2, js = number(at, "KL(p_data"), number(at, "KL(p_g"), number(at, "JSD = ")
    assert js == pytest.approx((kl1 + kl2) / 2, abs=2e-6)


def test_theory_candidate_never_beats_d_star(theory_page):
    at = theory_page
    for centre, slope in [(0.0, 2.0), (1.5, -4.0), (-1.0, 8.0)]:
        at.slider(key="theory.centre").set_value(centre)
        at.slider(key="theory.slope").set_value(slope).run()
        assert number(at, "V(D, G) of the candidate") < number(at, "V(D*, G)")
    at.slider(key="theory.slope").set_value(0.0).run()  # D = 1/2 everywhere: V = -log 4 whatever p_g is
    assert number(at, "V(D, G) of the candidate") == pytest.approx(-math.log(4), abs=1e-5)
    at.radio(key="theory.cand").set_value("blend").run()
    at.slider(key="theory.blend").set_value(0.0).run()  # t = 0 is D* itself
    assert number(at, "V(D, G) of the candidate") == pytest.approx(number(at, "V(D*, G)"), abs=1e-5)
    assert not at.exception


def test_theory_p_g_equal_to_p_data_reaches_minus_log4(theory_page):
    at = theory_page
    at.radio(key="theory.data.kind").set_value("mixture").run()
    assert not at.exception
    at.button(key="theory.copy").click().run()
    assert number(at, "JSD = ") == 0.0
    assert number(at, "V(D*, G): plug") == pytest.approx(-math.log(4), abs=1e-9)
    assert any("global minimum" in s.value for s in at.success)


def test_theory_network_discriminator_converges(theory_page):
    at = theory_page
    gap0 = number(at, "mean |D − D*|")
    at.button(key="theory.fit_play").click().run()
    for _ in range(40):
        at.run()
        if at.session_state["theory.fit.mode"] == "paused":
            break
    assert number(at, "D steps") > 0
    assert number(at, "mean |D − D*|") < min(0.05, gap0 / 3)
    at.button(key="theory.fit_reset").click().run()
    assert number(at, "D steps") == 0
    assert not at.exception


def test_theory_minimax_stalls_beside_nonsaturating(theory_page):
    at = theory_page
    at.button(key="theory.race_play").click().run()
    for _ in range(12):
        at.run()
    steps = [int(m.value.replace(",", "")) for m in at.metric if m.label == "step"]
    assert len(steps) == 2 and steps[0] == steps[1] > 0
    jsds = [float(m.value) for m in at.metric if m.label == "JSD"]
    assert jsds[0] > 0.69 and jsds[1] < 0.69  # minimax still disjoint, non-saturating moving in
    at.button(key="theory.race_play").click().run()  # pause
    at.button(key="theory.race_reset").click().run()
    assert [m.value for m in at.metric if m.label == "step"] == ["0", "0"]
    assert not at.exception


# ----- the 2D page --------------------------------------------------------------------------------
TWO_D = "pages/two_d.py"


@pytest.fixture
def two_d():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(TWO_D).run()
    assert not at.exception
    return at


def test_two_d_plays_pauses_steps_and_resets(two_d):
    at = two_d
    assert step(at) == 0 and metric(at, "modes covered").endswith("/ 8")
    at.button(key="p2d.play").click().run()
    at.run()
    playing = step(at)
    at.run()
    assert step(at) > playing > 0
    at.button(key="p2d.play").click().run()
    paused = step(at)
    at.run()
    assert step(at) == paused
    at.button(key="p2d.step").click().run()
    assert step(at) == paused + 1
    at.button(key="p2d.reset").click().run()
    assert step(at) == 0
    for name in ("p2d.manifold", "p2d.d_star", "p2d.arrows"):
        at.toggle(key=name).set_value(True).run()
    at.button(key="p2d.snap").click().run()
    assert not at.exception


@pytest.mark.parametrize("target", ["grid25", "gaussian2d", "spiral", "moons"])
def test_two_d_trains_each_target(two_d, target):
    at = two_d
    at.selectbox(key="p2d.dist").set_value(target).run()
    at.button(key="p2d.step").click().run()
    assert step(at) == 1
    assert not at.exception
    has_modes = any(m.label == "modes covered" for m in at.metric)
    assert has_modes == (target == "grid25")


def test_two_d_controls_that_define_the_model_restart_it(two_d):
    at = two_d
    at.button(key="p2d.step").click().run()
    at.select_slider(key="p2d.z_dim").set_value(1).run()
    assert step(at) == 0
    at.select_slider(key="p2d.depth").set_value(3).run()
    at.slider(key="p2d.k").set_value(3).run()
    at.button(key="p2d.step").click().run()
    assert step(at) == 1 and not at.exception


def test_two_d_custom_target_upload_and_refusals(two_d):
    at = two_d
    at.selectbox(key="p2d.dist").set_value("custom").run()
    assert not at.exception and step(at) == 0  # starts from the example drawing
    upload = at.file_uploader(key="p2d.custom.upload")
    upload.set_value(("square.csv", b"x,y\n0,0\n1,0\n0,1\n1,1\n0.5,0.5\n", "text/csv")).run()
    assert not at.exception and not at.error
    assert any("5 points" in c.value for c in at.caption)
    at.button(key="p2d.step").click().run()
    assert step(at) == 1
    bad = {
        "three.csv": b"x,y,z\n1,2,3\n4,5,6\n",
        "text.csv": b"x,y\n1,2\nhello,3\n",
        "nan.csv": b"1,2\nnan,3\n",
        "one.csv": b"1,2\n",
        "latin1.csv": "x,y\n1,2\n3,\xe9\n".encode("latin-1"),
    }
    for name, content in bad.items():
        at.file_uploader(key="p2d.custom.upload").set_value((name, content, "text/csv")).run()
        assert not at.exception, name
        shown = name.replace(".", "\\.")  # the file's name as plain text: its Markdown signs escaped
        assert at.error and shown in at.error[0].value and "previous points stay" in at.error[0].value, name
        assert any("5 points" in c.value for c in at.caption), "a refused file must not replace the points"
        assert step(at) == 1, "a refused file must not restart the run"
    at.button(key="p2d.custom.clear").click().run()
    assert any("at least 2 points" in i.value for i in at.info) and not at.exception
    at.button(key="p2d.custom.example").click().run()
    assert not at.exception and step(at) == 0


def test_two_d_custom_target_refuses_a_huge_file(two_d):
    at = two_d
    at.selectbox(key="p2d.dist").set_value("custom").run()
    huge = b"x,y\n" + b"1.0,2.0\n" * 200_000  # 1.6 MB
    at.file_uploader(key="p2d.custom.upload").set_value(("huge.csv", huge, "text/csv")).run()
    assert not at.exception and at.error and "huge\\.csv" in at.error[0].value


def test_a_csv_cell_and_name_are_quoted_as_plain_text_and_short(two_d):
    at = two_d
    at.selectbox(key="p2d.dist").set_value("custom").run()
    cell = "![b](http://example.invalid/beacon.png)" + "z" * 900_000  # the 900 kB field that froze the tab
    at.file_uploader(key="p2d.custom.upload").set_value(("[x](http://example.invalid).csv",
                                                          f"x,y\n1,2\n3,{cell}\n".encode(), "text/csv")).run()
    message = at.error[0].value
    assert not at.exception and "\\!\\[b\\]\\(http\\://example" in message and "\\[x\\]\\(http" in message
    assert len(message) < 600 and "…" in message


def test_each_uploader_lets_through_what_ganviz_accepts_and_the_server_allows_it(two_d):
    """Streamlit's browser refuses files over an uploader's limit and the server over ``server.maxUploadSize``:
    a saved run (up to runfile.MAX_BYTES) must load back, custom points stop at custom_target.MAX_BYTES. The
    browser counts an uploader's MB as 10**6 bytes (2**20 on Windows), the server as 2**20."""
    import re
    from pathlib import Path

    from ganviz.core import custom as custom_target
    from ganviz.files import runfile

    at = two_d
    config = (Path(__file__).parents[2] / ".streamlit/config.toml").read_text()
    server_mb = int(re.search(r"^maxUploadSize\s*=\s*(\d+)", config, re.MULTILINE).group(1))
    run_mb = at.file_uploader(key="p2d.load_run").proto.max_upload_size_mb
    assert runfile.MAX_BYTES <= run_mb * 10**6 < run_mb * 2**20 <= server_mb * 2**20
    at.selectbox(key="p2d.dist").set_value("custom").run()
    points_mb = at.file_uploader(key="p2d.custom.upload").proto.max_upload_size_mb
    assert custom_target.MAX_BYTES <= points_mb * 10**6 < points_mb * 2**20 < 2 * custom_target.MAX_BYTES


# ----- the mode-collapse lab ----------------------------------------------------------------------
MODE_COLLAPSE = "pages/mode_collapse.py"


@pytest.fixture
def lab():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(MODE_COLLAPSE).run()
    assert not at.exception
    return at


def run_steps(at):
    return [int(m.value.replace(",", "")) for m in at.metric if m.label == "step"]


def test_mode_collapse_lab_runs_two_gans_in_lockstep(lab):
    at = lab
    assert run_steps(at) == [0, 0]
    assert [m.value.endswith("/ 8") for m in at.metric if m.label == "modes covered"] == [True, True]
    at.button(key="mc_play").click().run()
    at.run()
    steps = run_steps(at)
    assert steps[0] == steps[1] > 0
    at.button(key="mc_play").click().run()  # pause
    paused = run_steps(at)
    at.run()
    assert run_steps(at) == paused
    at.button(key="mc_step").click().run()
    assert run_steps(at) == [paused[0] + 1] * 2
    at.button(key="mc_reset").click().run()
    assert run_steps(at) == [0, 0]
    assert not at.exception
    assert len(at.dataframe) == 2  # published and measured tables


@pytest.mark.parametrize("remedy", ["unrolled", "pacgan", "mbstd", "wgan-gp"])
def test_mode_collapse_lab_each_remedy(lab, remedy):
    at = lab
    at.selectbox(key="mc.remedy.ring8").set_value(remedy).run()
    at.button(key="mc_step").click().run()
    assert run_steps(at) == [1, 1] and not at.exception


def test_mode_collapse_lab_grid25(lab):
    at = lab
    at.selectbox(key="mc.dist").set_value("grid25").run()
    assert [m.value.endswith("/ 25") for m in at.metric if m.label == "modes covered"] == [True, True]
    at.button(key="mc_step").click().run()
    assert run_steps(at) == [1, 1] and not at.exception


def test_mode_collapse_preset_buttons_load_their_setting_and_play(lab):
    from ganviz.lessons.published import measured_line
    from ganviz.i18n.en import STRINGS as EN
    from ganviz.lessons.presets import PRESETS, presets_for

    at = lab
    labels = [b.label for b in at.button]
    assert all(EN[p.title_key] in labels for p in presets_for("mode_collapse"))
    assert EN["mode_collapse.preset.ring8-remedy.title"] in labels and EN["mode_collapse.preset.grid25-remedy.title"] in labels
    captions = " ".join(c.value for c in at.caption)
    assert all(EN[p.caption_key] in captions for p in presets_for("mode_collapse"))
    assert measured_line("ring8", "pacgan") in captions  # the measured numbers, when results/ has them
    at.selectbox(key="mc.dist").set_value("grid25").run()
    at.selectbox(key="mc.remedy.grid25").set_value("pacgan").run()
    at.number_input(key="mc.seed").set_value(7).run()
    at.button(key="mc.preset.ring8-race").click().run()
    preset = PRESETS["ring8-race"]
    assert at.session_state["mc.dist"] == "ring8" and at.session_state["mc.race.mode"] == "playing"
    assert at.session_state["mc.remedy.ring8"] == "pacgan" and at.session_state["mc.seed"] == preset.config.seed
    race = at.session_state["mc.race"]
    assert race.configs["gan"] == preset.configs()["gan"] and race.configs["pacgan"] == preset.configs()["pacgan"]
    assert [m.value.endswith("/ 8") for m in at.metric if m.label == "modes covered"] == [True, True]
    assert run_steps(at)[0] == run_steps(at)[1] > 0  # it plays
    now = [m.value for m in at.markdown if m.value.startswith("Now, at step")]
    assert len(now) == 1 and "plain GAN" in now[0] and "PacGAN" in now[0], "what each run shows now"
    assert not at.exception


def test_mode_collapse_replays_a_measured_race_and_reset_goes_back_live(lab):
    from ganviz.files.races import recording_path, shipped_recording

    if not recording_path("ring8-remedy").exists():
        pytest.skip("ring8-remedy is not recorded (tools/record_races.py)")
    at = lab
    at.button(key="mc.replay.ring8").click().run()
    assert at.session_state["mc.replay"]["preset"] == "ring8-remedy"
    at.run()
    at.run()
    recording = shipped_recording("ring8-remedy")
    frame = at.session_state["mc.replay"]["frame"]
    assert frame >= 1 and run_steps(at) == [recording.step(frame)] * 2
    at.button(key="mc_play").click().run()  # pause
    at.button(key="mc_step").click().run()
    assert run_steps(at) == [recording.step(frame + 1)] * 2
    at.button(key="mc_reset").click().run()
    assert at.session_state["mc.replay"] is None and run_steps(at) == [0, 0]
    assert not at.exception
