"""The classroom features in a real browser: the language switch keeps the run, presentation mode hides the
controls and can be left, a preset loads and plays. Screenshots in both languages and in presentation mode."""

from __future__ import annotations

from .driver import click, css_key, exceptions, open_page, screenshot, settle, step, wait_for


def choose_language(page, name: str) -> None:
    page.locator(f"{css_key('ganviz.lang')} label", has_text=name).first.click()
    settle(page)


def test_korean_and_back_keeps_the_run(page, app_url):
    open_page(page, app_url, "figure1")
    click(page, "fig1.step")
    assert wait_for(lambda: step(page) == 1)
    choose_language(page, "한국어")
    assert wait_for(lambda: page.locator("h1", has_text="그림 1, 실시간").count() == 1), "the page speaks Korean"
    assert wait_for(lambda: step(page, "단계") == 1), "the run is the same run"
    assert page.locator(f"{css_key('fig1.play')} button", has_text="재생").count() >= 1
    screenshot(page, "figure1-ko")
    for path, title, ready in (("two_d", "2D", ".js-plotly-plot"), ("mode_collapse", "모드 붕괴", ".js-plotly-plot"),
                               ("theory", "이론", ".js-plotly-plot"), ("mnist", "MNIST", "[data-testid='stImage'] img")):
        page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()  # in the same session
        page.wait_for_selector(ready)
        settle(page)
        heading = page.locator("h1").first.inner_text()
        assert any("\uac00" <= ch <= "\ud7a3" for ch in heading), f"{path} speaks Korean: {heading!r}"
        screenshot(page, f"{path}-ko")
        assert exceptions(page) == [], path
    page.reload()  # a reload is a new session: the address keeps the language
    page.wait_for_selector("h1")
    settle(page)
    assert "lang=ko" in page.url
    assert any("\uac00" <= ch <= "\ud7a3" for ch in page.locator("h1").first.inner_text())
    open_page(page, app_url, "figure1")
    choose_language(page, "English")
    assert wait_for(lambda: page.locator("h1", has_text="Figure 1, live").count() == 1)
    assert exceptions(page) == []


def test_presentation_mode_hides_the_controls_and_can_be_left(page, app_url):
    open_page(page, app_url, "figure1")
    page.locator(f"{css_key('ganviz.present')} label").first.click()
    assert wait_for(lambda: page.locator(css_key("ganviz.present_exit")).count() == 1)
    assert wait_for(lambda: not page.locator("section[data-testid='stSidebar']").is_visible())
    click(page, "fig1.play")
    assert wait_for(lambda: (step(page) or 0) > 0, timeout=90)
    size = page.evaluate("""() => parseFloat(getComputedStyle(document.querySelector('.gz-metric .gz-value') ||
        document.querySelector('[data-testid="stMetricValue"] p') ||
        document.querySelector('[data-testid="stMetricValue"]')).fontSize)""")
    assert size >= 40, f"the numbers are projector-sized ({size}px)"
    screenshot(page, "figure1-presentation")
    click(page, "fig1.play")
    click(page, "ganviz.present_exit")
    assert wait_for(lambda: page.locator("section[data-testid='stSidebar']").is_visible())
    assert exceptions(page) == []


def test_a_preset_loads_and_plays(page, app_url):
    open_page(page, app_url, "figure1")
    click(page, "fig1.preset.saturating", menu="fig1.lessons")
    assert wait_for(lambda: (step(page) or 0) > 0, timeout=90), "the preset plays"
    assert page.get_by_text("G starts 2.5 to the left of the data").count() >= 1
    click(page, "fig1.play")
    assert exceptions(page) == []
