"""The 2D page in English, in Korean and in presentation mode; its presets; its refusals in the reader's language."""

import json

import numpy as np
import pytest
from tests.ui.app_page import open_page
from streamlit.testing.v1 import AppTest

from ganviz.core.custom import BadPoints, check_points, kde_target, parse_points_csv
from ganviz.i18n import CATALOGS, DEFAULT, set_language
from ganviz.lessons.presets import presets_for
from ganviz.core.strokes import MAX_POSITIONS, points_from_strokes
from ganviz.ui.controls import WIDGET_OF_FIELD
from ganviz.ui.custom import refusal

TWO_D = "pages/two_d.py"
EN, KO = CATALOGS["en"].STRINGS, CATALOGS["ko"].STRINGS


@pytest.fixture
def korean():
    """The test's own thread speaks Korean too: AppTest reads a selectbox's state back through its format_func."""
    set_language("ko")
    yield
    set_language(DEFAULT)


def page(lang: str = "en", present: bool = False) -> AppTest:
    return open_page(TWO_D, lang, present, timeout=60)


def texts(at: AppTest) -> list[str]:
    """Every title, markdown, caption, info and error the page shows, and every metric label."""
    found = [e.value for kind in ("title", "markdown", "caption", "info", "error") for e in getattr(at, kind)]
    return found + [m.label for m in at.metric]


def charts(at: AppTest) -> dict[str, dict]:
    """The live Plotly charts on the page, by key: the figure each one was sent."""
    sent = {}
    for element in at.get("bidi_component"):
        payload = json.loads(element.proto.json)
        sent[payload["uirevision"]] = json.loads(payload["figure"])
    return sent


def test_two_d_in_english():
    at = page("en")
    shown = texts(at)
    assert EN["two_d.title"] in shown and EN["two_d.caption"] in shown
    assert {"step", "JSD (smoothed)", "modes covered", "high-quality samples", "G's samples off the plot"} <= set(shown)
    assert [b.label for b in at.button if b.key.startswith("p2d.preset.")] == [
        EN[f"preset.{p.name}.title"] for p in presets_for("two_d")]
    assert {t.label for t in at.toggle} >= {"G's manifold", "contours of D*", "G's gradient arrows"}
    assert set(charts(at)) == {"p2d.figure", "p2d.history"}


def test_two_d_in_korean(korean):
    at = page("ko")
    shown = texts(at)
    assert KO["two_d.title"] in shown and KO["two_d.caption"] in shown
    assert EN["two_d.title"] not in shown and EN["two_d.caption"] not in shown
    labels = {m.label for m in at.metric}
    assert {"단계", "덮은 모드 수", "고품질 샘플"} <= labels and "modes covered" not in labels
    assert {t.label for t in at.toggle} >= {"G의 다양체", "D*의 등고선", "G의 그래디언트 화살표"}
    assert [b.label for b in at.button if b.key.startswith("p2d.preset.")] == [
        KO[f"preset.{p.name}.title"] for p in presets_for("two_d")]
    assert any(e.label == KO["explain.title"] for e in at.expander)
    sent = charts(at)
    names = {trace.get("name") for trace in sent["p2d.figure"]["data"]}
    assert {"생성된 G(z)", "실제 x ~ p_data"} <= names and "generated G(z)" not in names
    history = {trace.get("name") for trace in sent["p2d.history"]["data"]}
    assert {"D의 손실", "G의 손실", "덮은 모드 수"} <= history
    at.button(key="p2d.play").click().run()  # the live loop speaks Korean too
    at.run()
    assert not at.exception and KO["two_d.title"] in texts(at)


def test_two_d_in_presentation_mode(korean):
    at = page("ko", present=True)
    shown = texts(at)
    assert KO["two_d.title"] in shown and KO["two_d.caption"] not in shown, "the long caption is hidden"
    assert set(charts(at)) == {"p2d.figure"}, "the square figure stays, the history chart goes"
    assert {"단계", "덮은 모드 수", "고품질 샘플"} <= {m.label for m in at.metric}, "the key numbers stay"
    assert [b for b in at.button if b.key.startswith("p2d.preset.")], "the presets stay (in the Lessons menu)"
    at.button(key="p2d.play").click().run()
    at.run()
    assert not at.exception and set(charts(at)) == {"p2d.figure"}


@pytest.mark.parametrize("preset", presets_for("two_d"), ids=lambda p: p.name)
def test_two_d_preset_button_loads_its_config_and_plays(preset):
    at = page("en")
    at.button(key=f"p2d.preset.{preset.name}").click().run()
    assert not at.exception
    for field, widget in WIDGET_OF_FIELD.items():
        assert at.session_state[f"p2d.{widget}"] == getattr(preset.config, field), field
    trainer = at.session_state["p2d.trainer"]
    for field in WIDGET_OF_FIELD:
        assert getattr(trainer.config, field) == getattr(preset.config, field), field
    assert at.session_state["p2d.mode"] == "playing"
    assert any(EN[f"preset.{preset.name}.caption"] == i.value for i in at.info), "the preset says what it shows"
    at.run()
    assert not at.exception and trainer.step > 0 and at.session_state["p2d.trainer"] is trainer


def test_two_d_preset_from_the_custom_target():
    """A preset button works while the page shows the custom editor (even one with too few points)."""
    at = page("en")
    at.selectbox(key="p2d.dist").set_value("custom").run()
    at.button(key="p2d.custom.clear").click().run()
    assert at.info and not at.exception
    at.button(key="p2d.preset.curve").click().run()
    assert not at.exception and at.session_state["p2d.dist"] == "ring8" and at.session_state["p2d.z_dim"] == 1
    assert at.session_state["p2d.mode"] == "playing"


def test_two_d_custom_refusals_in_korean_and_after_switching():
    at = page("en")
    at.selectbox(key="p2d.dist").set_value("custom").run()
    at.file_uploader(key="p2d.custom.upload").set_value(("text.csv", b"x,y\n1,2\nhello,3\n", "text/csv")).run()
    english = at.error[0].value
    assert english == "text\\.csv was not used: line 3: 'hello' is not a number. The previous points stay."
    at.session_state["ganviz.lang"] = "ko"  # the stored refusal is said again in the new language
    at.run()  # (read back with the English labels it was drawn with)
    set_language("ko")
    try:
        _refusals_in_korean(at)
    finally:
        set_language(DEFAULT)


def _refusals_in_korean(at):
    assert not at.exception
    assert at.error[0].value == ("text\\.csv 파일은 쓰지 않았습니다: 3번째 줄: 'hello'은(는) 숫자가 아닙니다. "
                                 "이전 점들은 그대로 남습니다.")
    at.file_uploader(key="p2d.custom.upload").set_value(("one.csv", b"1,2\n", "text/csv")).run()
    assert "one\\.csv" in at.error[0].value and "점 1개만 있습니다" in at.error[0].value
    assert any("점 40개" in c.value for c in at.caption), "the smiley's 40 points stay"
    at.button(key="p2d.custom.clear").click().run()
    assert any("점을 2개 이상" in i.value for i in at.info)


BAD_FILES = [b"", b"x,y,z\n1,2,3\n4,5,6\n", b"x,y\n1,2\nhello,3\n", b"1,2\nnan,3\n", b"1,2\n", b"1,2\n3,4000\n",
             "x,y\n1,2\n3,\xe9\n".encode("latin-1"), b"x,y\n" + b"1,2\n" * 10_001, b"1,2\n" * 300_000]
BAD_POINTS = [[[0, 0]], np.zeros((10_001, 2)), [[0, 0], [float("inf"), 1]], [[0, 0], [1, 2000]], [[1, 2, 3]],
              [["a", "b"], [1, 2]]]
BAD_STROKES = [[[], []], [np.zeros((MAX_POSITIONS + 1, 2))], [[[0, 0], [5, 0]]]]  # drawn: see tests/core/test_strokes.py


def _refused(work) -> BadPoints:
    with pytest.raises(BadPoints) as info:
        work()
    return info.value


def test_two_d_every_refusal_has_a_reason_the_page_translates():
    """The page says each refusal in English exactly as the library does, and in Korean from the same facts."""
    errors = [_refused(lambda: parse_points_csv(data)) for data in BAD_FILES]
    errors += [_refused(lambda: check_points(points)) for points in BAD_POINTS]
    errors.append(_refused(lambda: kde_target([[0, 0], [1, 1]], bandwidth=-1.0)))
    errors += [_refused(lambda: points_from_strokes(strokes, window=(-4, 4))) for strokes in BAD_STROKES]
    reasons = [err.reason for err in errors]
    assert len(set(reasons)) == len(reasons), reasons
    assert {f"two_d.bad.{r}" for r in reasons} == {key for key in EN if key.startswith("two_d.bad.")}
    for err in errors:
        assert refusal(err.reason, err.values, str(err)) == str(err), "English: the library's own sentence"
        set_language("ko")
        try:
            korean = refusal(err.reason, err.values, str(err))
        finally:
            set_language(DEFAULT)
        assert korean != str(err) and any("\uac00" <= ch <= "\ud7a3" for ch in korean), korean
    assert refusal("no_such_reason", {}, "as the library says") == "as the library says"


def test_two_d_figures_speak_korean():
    from ganviz.views.figure2d import figure2d, history_figure_2d
    from ganviz.frames.snapshot2d import take_snapshot_2d
    from ganviz.core.config import TrainConfig
    from ganviz.core.trainer import Trainer

    trainer = Trainer(TrainConfig(device="cpu", dist="ring8", z_dim=2, width=16))
    trainer.train(2)
    snap = take_snapshot_2d(trainer)
    trainer.record(snap.metrics)
    set_language("ko")
    try:
        fig = figure2d(snap, show_d_star=True, show_arrows=True)
        history = history_figure_2d(trainer.history, n_modes=8)
    finally:
        set_language(DEFAULT)
    names = {trace["name"] for trace in fig["data"]}
    assert {"생성된 G(z)", "실제 x ~ p_data", "D* 등고선", "G의 다양체 (z 격자 → G)",
            "G의 그래디언트: G가 점을 옮기는 방향"} <= names
    assert fig["data"][0]["colorbar"]["ticktext"] == ["0 가짜", "½", "1 진짜"]
    titles = [a["text"] for a in history["layout"]["annotations"]]
    assert titles == ["JSD, 평활화 (nat)", "손실", "덮은 모드 수 / 고품질 %"]
    assert "modes covered" in {trace["name"] for trace in history_figure_2d(trainer.history, n_modes=8)["data"]}
