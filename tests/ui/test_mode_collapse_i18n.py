"""The mode-collapse page in English, in Korean and in presentation mode, and the texts it builds on."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest
from tests.ui.app_page import open_page
from streamlit.testing.v1 import AppTest

from ganviz.lessons import published
from ganviz.views.modes import mode_timeline_figure, modes_over_time_figure
from ganviz.i18n import CATALOGS, DEFAULT, set_language, t
from ganviz.lessons.race import Race
from ganviz.core.config import TrainConfig
from ganviz.lessons.presets import presets_for
from ganviz.remedies.methods import METHODS

PRESETS = presets_for("mode_collapse")

PAGE = "pages/mode_collapse.py"
EN, KO = CATALOGS["en"].STRINGS, CATALOGS["ko"].STRINGS


def page(lang: str = "en", present: bool = False) -> AppTest:
    return open_page(PAGE, lang, present)


def texts(at) -> str:
    return " ".join([e.value for e in at.title] + [e.value for e in at.markdown] + [e.value for e in at.caption]
                    + [b.label for b in at.button] + [m.label for m in at.metric])


def steps(at) -> list[int]:
    return [int(m.value.replace(",", "")) for m in at.metric if m.label == t("metric.step")]


@pytest.fixture
def korean():
    """Korean in the test's thread too: AppTest calls the widgets' format_func there, not in the script's."""
    set_language("ko")
    yield
    set_language(DEFAULT)


def test_the_page_in_english():
    at = page("en")
    assert EN["mode_collapse.title"] in [e.value for e in at.title]
    labels = [b.label for b in at.button]
    assert {"Play", "Step", "Reset"} <= set(labels)
    assert all(EN[p.title_key] in labels for p in PRESETS)
    assert [m.label for m in at.metric][:3] == ["step", "modes covered", "high-quality"]
    assert "방법" not in at.dataframe[0].value.columns and "method" in at.dataframe[0].value.columns


def test_the_page_in_korean(korean):
    at = page("ko")
    all_text = texts(at)
    assert KO["mode_collapse.title"] in [e.value for e in at.title]
    for key in ("mode_collapse.title", "mode_collapse.caption", "mode_collapse.presets_intro",
                "mode_collapse.preset.ring8-race.title", "mode_collapse.preset.grid25-remedy.caption",
                "mode_collapse.replays_intro",
                "mode_collapse.tables_caption", "mode_collapse.timeline", "mode_collapse.modes_covered"):
        assert EN[key] not in all_text, key
    assert {"재생", "한 단계", "처음으로"} <= {b.label for b in at.button}
    assert all(KO[p.title_key] in all_text for p in PRESETS)
    assert [m.label for m in at.metric][:3] == ["단계", "포착한 모드", "고품질"]
    assert at.sidebar.header[0].value == "실험"
    assert at.selectbox(key="mc.remedy.ring8").value == "pacgan"
    assert "방법" in at.dataframe[0].value.columns and "출처" in at.dataframe[0].value.columns
    at.button(key="mc_step").click().run()
    assert steps(at) == [1, 1] and not at.exception
    at.button(key="mc_play").click().run()
    assert "일시 정지" in [b.label for b in at.button]
    at.button(key="mc_play").click().run()


def test_switching_the_language_keeps_the_runs():
    at = page("en")
    at.button(key="mc_step").click().run()
    assert steps(at) == [1, 1]
    at.sidebar.radio(key="ganviz.lang").set_value("ko").run()
    assert not at.exception and KO["mode_collapse.title"] in [e.value for e in at.title]
    assert [int(m.value.replace(",", "")) for m in at.metric if m.label == "단계"] == [1, 1]


def test_presentation_mode_keeps_the_two_runs_and_their_numbers(korean):
    at = page("ko", present=True)
    assert KO["mode_collapse.title"] in [e.value for e in at.title]
    assert len(at.dataframe) == 0, "no tables on the projector"
    assert [m.label for m in at.metric] == ["단계", "포착한 모드", "고품질"] * 2
    keys = {b.key for b in at.button}
    assert {"mc.preset.ring8-race", "mc.replay.ring8"} <= keys, "the presets and replays, in their popover"
    assert not any(KO["mode_collapse.caption"] == c.value for c in at.caption)
    at.button(key="mc_step").click().run()
    assert [int(m.value.replace(",", "")) for m in at.metric if m.label == "단계"] == [1, 1] and not at.exception


def test_a_divergence_is_told_in_the_current_language(korean):
    at = page("ko")
    race = at.session_state["mc.race"]
    race.errors["gan"] = "Training diverged (English, for the command line)"
    race.failures["gan"] = dict(which="g_loss", start=10, bad_step=12, step=10, lr_d=2e-05, lr_g=1.0)
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [KO["live.diverged_g_loss"].format(
        start=10, bad_step=12, step=10, lr_d="2e-05", lr_g="1")]


def test_the_race_keeps_the_facts_of_a_divergence():
    config = TrainConfig(dist="gaussian", optimizer="sgd", lr_d=0.05, lr_g=0.05, seed=0)
    race = Race.varying(config, "lr_g", [0.05, 1e6])
    race.train(5)
    facts = race.failures[1e6]
    assert set(facts) == {"which", "start", "bad_step", "step", "lr_d", "lr_g"} and facts["lr_g"] == 1e6
    assert "diverged" in race.errors[1e6] and 0.05 not in race.failures


def test_the_english_catalogue_matches_the_command_lines_texts():
    for name, method in METHODS.items():
        assert EN[f"mode_collapse.method.{name}.label"] == method.label
        assert EN[f"mode_collapse.method.{name}.description"] == method.description
    assert EN[PRESETS[0].title_key] == "ring8: plain GAN vs PacGAN, live"
    assert all(EN[p.caption_key] for p in PRESETS)


def row(step, counts, n=2500):
    return {"step": step, "modes": int(np.count_nonzero(counts)), "hq": sum(counts) / n, "mode_counts": list(counts)}


def test_figures_speak_korean(korean):
    fig = go.Figure(mode_timeline_figure([row(0, [0] * 8), row(10, [2500] + [0] * 7)], 8, title="기본 GAN"))
    assert list(fig.data[0].y) == [f"모드 {i}" for i in range(1, 9)] + ["모드 밖"]
    assert fig.layout.xaxis.title.text == "단계" and "샘플의 %{z:.1%}" in fig.data[0].hovertemplate
    fig = go.Figure(modes_over_time_figure({"기본 GAN": [row(0, [1] * 8)]}, 8))
    assert fig.layout.yaxis.title.text == "포착한 모드" and fig.layout.annotations[0].text == "모드 8개 전부"


def test_tables_speak_korean_but_keep_the_quoted_sources(korean, tmp_path, monkeypatch):
    rows = published.published_table()
    assert {r["출처"] for r in rows} == {published.VEEGAN, published.PACGAN}
    assert rows[0]["ring8 모드 수"] == 1.0 and rows[0]["방법"] == "GAN" and rows[0]["여기서 확인함"].startswith("아니요")
    summary = {"summary": True, "steps": 20000, "n_modes": 8, "methods": {
        "pacgan": {"label": "PacGAN", "modes_mean": 8.0, "hq_mean": 0.91, "modes": [8, 8], "all_modes_good": 2},
        "gan": {"label": "plain GAN", "modes_mean": 0.5, "hq_mean": 0.1, "modes": [1, 0]}}}
    (tmp_path / "compare_ring8.json").write_text(json.dumps(summary))
    monkeypatch.setattr(published, "RESULTS", tmp_path)
    measured = {r["방법"]: r for r in published.measured_table()}
    assert measured["기본 GAN"]["ring8 8/8 달성 횟수"] == "0/2" and measured["PacGAN"]["ring8 HQ %"] == 91.0
    assert published.measured_line("ring8", "pacgan") == (
        "시드 2개로 20,000단계에서 측정: 평균 8개 중 8.0개 모드, HQ 91%; 8개를 모두 포착하고 HQ ≥ 80%인 경우는 2번 중 2번.")
