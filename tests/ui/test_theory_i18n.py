"""The theory page in English, in Korean and in presentation mode, and its two race presets on the page."""

import json

import pytest
from tests.ui.app_page import open_page
from streamlit.testing.v1 import AppTest

from ganviz.i18n import CATALOGS, set_language

THEORY = "pages/theory.py"
EN, KO = CATALOGS["en"].STRINGS, CATALOGS["ko"].STRINGS


def open_theory(lang: str = "en", present: bool = False) -> AppTest:
    # AppTest calls the widgets' format_func in the test's own thread when it sends a click back (e.g. the
    # mixture pickers' lambdas), so that thread speaks the page's language too.
    set_language(lang)
    return open_page(THEORY, lang, present, timeout=60)


def shown(at) -> set[str]:
    """Every text on the page: titles, headers, markdown, captions, messages, labels and their help texts."""
    out = set()
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "error"):
        out |= {e.value for e in getattr(at, kind)} | {e.value.strip("*") for e in getattr(at, kind)}  # **bold**
    out |= {tab.label for tab in at.tabs}
    for kind in ("metric", "button", "slider", "select_slider", "radio", "number_input"):
        for e in getattr(at, kind):
            out.add(e.label)
            if getattr(e, "help", None):
                out.add(e.help)
    return out


def plotly_text(at) -> str:
    return " ".join(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in at.get("plotly_chart"))


def test_korean_everywhere():
    at = open_theory("ko")
    texts = shown(at)
    assert at.title[0].value == KO["theory.title"]
    for key in ("theory.caption", "theory.tab_prop1", "theory.tab_thm1", "theory.tab_saturation", "theory.v_plug",
                "theory.v_candidate", "theory.difference", "theory.jsd_sum", "theory.fit_header", "theory.d_steps",
                "theory.gap", "theory.grad_size", "theory.saturation_intro", "theory.experiment", "theory.offset",
                "theory.offset_help", "theory.compare", "theory.k", "theory.lr_help", "theory.seed_help",
                "theory.race_preset.loss.title", "theory.race_preset.k.title", "theory.race_preset.loss.caption",
                "theory.run_title_minimax", "theory.run_title_nonsaturating", "theory.sidebar_header", "theory.copy",
                "theory.copy_help", "theory.why_d_star", "metric.step"):
        assert KO[key] in texts, key
        if EN[key] != KO[key]:
            assert EN[key] not in texts, key
    assert KO["theory.explain"] in texts  # in the "What am I looking at?" expander
    assert at.expander[0].label == KO["explain.title"]
    figures = plotly_text(at)
    for key in ("theory.fig_integrand_title", "theory.fig_gradient_axis", "theory.fig_objective_axis",
                "theory.fig_data_mean", "theory.fig_g_mean"):
        assert KO[key] in figures and EN[key] not in figures, key
    assert not at.exception


def test_english_is_unchanged():
    at = open_theory("en")
    texts = shown(at)
    assert at.title[0].value == "The theory, in numbers"
    assert "Why G uses the non-saturating loss" in texts and "V(D, G) of the candidate" in texts
    assert EN["theory.race_preset.loss.caption"] in texts  # the defaults are the minimax-vs-non-saturating preset
    assert KO["theory.title"] not in texts


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_presentation_mode_keeps_figures_and_key_numbers(lang):
    at = open_theory(lang, present=True)
    S = CATALOGS[lang].STRINGS
    texts = shown(at)
    assert at.title[0].value == S["theory.title"]
    for key in ("theory.v_candidate", "theory.v_plug", "theory.difference", "theory.gap", "theory.grad_size"):
        assert S[key] in texts, key  # the key numbers
    labels = [m.label for m in at.metric]
    assert "V(D*, G)" in labels and labels.count("JSD") == 2 and labels.count(S["metric.step"]) == 2
    for key in ("theory.caption", "theory.why_d_star", "theory.fit_caption", "theory.saturation_intro",
                "theory.experiment", "theory.jsd_sum", "theory.p2_intro", "theory.p2_gap", "theory.fits_intro",
                "theory.fits_try", "theory.vae_intro", "theory.vae_explicit_implicit"):
        assert S[key] not in texts, key  # secondary material is hidden
    assert not at.info, "the preset's long caption stays in its button's tooltip"
    assert "KL(p_data ‖ m)" not in labels
    # The main figures stay (the live ones too: the network's D, the two runs, their JSD); the sweep goes.
    charts = {chart.key for chart in at.get("plotly_chart")}
    assert charts == {"theory.prop1", "theory.curve", "theory.thm1_fig", "theory.objectives", "theory.p2_densities",
                      "theory.p2_criterion", "theory.fits"}
    assert at.session_state["ganviz.present"] is True and not at.exception


def test_k_preset_on_the_page_shows_its_caption():
    """The preset button loads k = 1 vs k = 5 (minimax, seed 2), plays, and k = 1 leaves log 2 while k = 5 stays."""
    at = open_theory("ko")
    at.button(key="theory.race_preset.k").click().run()
    assert at.session_state["theory.compare"] == "k" and at.session_state["theory.race.mode"] == "playing"
    race = at.session_state["theory.race"]
    assert set(race.trainers) == {1, 5} and all(t.config.loss == "minimax" for t in race.trainers.values())
    assert race.trainers[5].config.k == 5 and race.trainers[1].config.seed == race.trainers[5].config.seed == 2
    assert KO["theory.race_preset.k.caption"] in {e.value for e in at.info}
    for _ in range(7):  # AppTest does not drive the timer: each run is one tick of 15 iterations
        at.run()
    steps = [m.value for m in at.metric if m.label == KO["metric.step"]]
    assert len(steps) == 2 and steps[0] == steps[1] and int(steps[0].replace(",", "")) >= 100
    jsds = [float(m.value) for m in at.metric if m.label == "JSD"]
    assert jsds[0] < 0.3 and jsds[1] > 0.69  # panels in the order k = 1, k = 5
    titles = {e.value for e in at.markdown}
    assert f"**{KO['theory.run_title_k'].format(k=1, loss='minimax')}**" in titles
    at.button(key="theory.race_play").click().run()  # pause
    at.button(key="theory.race_preset.loss").click().run()  # back to the loss race
    race = at.session_state["theory.race"]
    assert set(race.trainers) == {"minimax", "nonsaturating"} and at.session_state["theory.k"] == 3
    assert KO["theory.race_preset.loss.caption"] in {e.value for e in at.info}
    assert not at.exception
