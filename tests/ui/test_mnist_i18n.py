"""The MNIST page in English, in Korean and in presentation mode (issue 7)."""

import streamlit as st
from tests.ui.app_page import open_page as open_app_page

from ganviz.i18n import CATALOGS, DEFAULT, set_language

PAGE = "pages/mnist.py"
EN, KO = CATALOGS[DEFAULT].STRINGS, CATALOGS["ko"].STRINGS


def open_page(monkeypatch, folder, lang=None, present=False):
    monkeypatch.setenv("GANVIZ_MNIST_DIR", str(folder))
    return open_app_page(PAGE, lang, present)


def texts(at) -> list[str]:
    """Every title, header, caption, markdown, info and metric label on the page."""
    found = [e.value for kind in ("title", "subheader", "caption", "markdown", "info", "error", "warning")
             for e in getattr(at, kind)]
    return found + [m.label for m in at.metric] + [e.label for e in at.expander]


def labels(at) -> list[str]:
    kinds = ("number_input", "button", "select_slider", "slider", "toggle")
    return [w.label for kind in kinds for w in getattr(at, kind)]


def test_english_page_keeps_its_texts(monkeypatch, mnist_dir):
    at = open_page(monkeypatch, mnist_dir)
    shown = texts(at)
    assert EN["mnist.title"] in shown and EN["mnist.fig2_title"] in shown and EN["mnist.card_title"] in shown
    assert {"Seed", "New samples", "Number of samples", "Reroll left", "Training step"} <= set(labels(at))
    assert all(w.help for kind in ("number_input", "select_slider", "slider", "toggle") for w in getattr(at, kind)
               if w.key and w.key.startswith("mnist."))
    assert all(b.help for b in at.button if b.key and b.key.startswith("mnist."))
    assert [e.label for e in at.expander] == [EN["mnist.card_title"], EN["explain.title"]]
    assert list(at.table[1].value.columns) == ["images", "confident (p > 0.9)", "KL(classes ‖ uniform)",
                                               "Fréchet distance"]


def test_korean_page_is_in_korean(monkeypatch, mnist_dir):
    at = open_page(monkeypatch, mnist_dir, lang="ko")
    shown = texts(at)
    for key in ("mnist.title", "mnist.caption", "mnist.samples", "mnist.fig2_title", "mnist.fig3_title",
                "mnist.progress_title", "mnist.table1_title", "mnist.parzen_caption", "mnist.explain"):
        assert KO[key] in shown, key
        assert EN[key] not in shown, key
    assert any(c.startswith("각 행의 마지막 샘플과") for c in shown)
    assert not any(c.startswith("Distances from each row's last sample") for c in shown)
    assert {KO["mnist.seed"], KO["mnist.new"], KO["mnist.n"], KO["mnist.show_d"], KO["mnist.left"],
            KO["mnist.reroll_right"], KO["mnist.steps"], KO["mnist.frame"]} <= set(labels(at))
    assert not {"Seed", "New samples", "Training step"} & set(labels(at))
    parzen = at.table[0].value
    assert list(parzen.columns) == [KO["mnist.col_model"], KO["mnist.col_parzen"], KO["mnist.col_sigma"]]
    assert list(parzen[KO["mnist.col_model"]]) == [KO["mnist.row_paper"], KO["mnist.row_samples"],
                                                   KO["mnist.row_real"]]
    assert list(parzen[KO["mnist.col_parzen"]])[0] == "225 ± 2"  # the numbers stay as they are
    help_texts = [w.help for w in at.toggle if w.key == "mnist.show_d"]
    assert help_texts == [KO["mnist.show_d_help"]]


def test_switching_language_keeps_the_seeds(monkeypatch, mnist_dir):
    at = open_page(monkeypatch, mnist_dir)
    at.number_input(key="mnist.seed").set_value(123).run()
    at.select_slider(key="mnist.n").set_value(16).run()
    at.sidebar.radio(key="ganviz.lang").set_value("ko").run()
    assert not at.exception
    assert KO["mnist.title"] in [e.value for e in at.title]
    assert at.number_input(key="mnist.seed").value == 123 and at.select_slider(key="mnist.n").value == 16
    assert at.number_input(key="mnist.seed").label == KO["mnist.seed"]


def test_without_data_korean_says_which_images_it_searched_and_offers_the_download(monkeypatch, tmp_path):
    at = open_page(monkeypatch, tmp_path, lang="ko")
    assert any(KO["mnist.fig2_searched_subset"] in c.value for c in at.caption)
    assert at.button(key="mnist.download").label == KO["mnist.download"]
    assert len(at.get("image")) == 4


def test_train_from_scratch_speaks_korean(monkeypatch, tmp_path):
    at = open_page(monkeypatch, tmp_path, lang="ko")
    set_language("ko")  # AppTest formats the control's value in this thread (see tests/ui/app_page.py)
    at.segmented_control(key="mnist.view").set_value("live").run()
    assert not at.exception
    shown = texts(at)
    assert KO["mnist.live_title"] in shown and KO["mnist.live_caption"] in shown
    assert {KO["mnist.live_metric_step"], KO["mnist.live_metric_confident"]} <= {m.label for m in at.metric}
    assert at.button(key="mnist.live_play").label == KO["live.play"]


def test_presentation_mode_keeps_the_digits_and_the_key_numbers(monkeypatch, mnist_dir):
    at = open_page(monkeypatch, mnist_dir, lang="ko", present=True)
    assert len(at.get("image")) == 4  # samples, Figure 2, Figure 3, training progress
    assert len(at.table) == 0  # Table 1 becomes a row of numbers
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[KO["mnist.metric_parzen_paper"]] == "225 ± 2"
    assert KO["mnist.metric_d_samples"] in metrics and KO["mnist.metric_frechet"] in metrics
    shown = texts(at)
    for key in ("mnist.caption", "mnist.fig2_caption", "mnist.fig3_caption", "mnist.parzen_caption"):
        assert not any(s.startswith(KO[key][:20]) for s in shown), key
    assert any(c.startswith("가장 가까운 훈련 이미지까지의 거리") for c in shown)
    at.button(key="mnist.new").click().run()  # the controls still work
    assert not at.exception


def test_spinners_speak_the_current_language(monkeypatch, mnist_dir):
    """The slow loads' spinners are built on each call, in the language of that run."""
    from ganviz.ui import mnist as cache

    said = []

    class Spinner:
        def __init__(self, text):
            said.append(text)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(st, "spinner", Spinner)
    set_language("ko")
    try:
        cache.generator()
        cache.nearest_training(cache.training_images(mnist_dir)[:2] / 255.0, mnist_dir)
    finally:
        set_language(DEFAULT)
    assert said == [KO["mnist.spinner_generator"], KO["mnist.spinner_train"], KO["mnist.spinner_train"],
                    KO["mnist.spinner_nearest"].format(n="60,000")]
    said.clear()
    cache.generator()
    assert said == [EN["mnist.spinner_generator"]]
