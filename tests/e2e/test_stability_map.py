"""The Mode collapse page's stability map in a real browser: clicking a cell restarts the race with its rates."""

from __future__ import annotations

from ganviz.sweep.maps import shipped_map
from ganviz.views.stability import rate

from .driver import css_key, exceptions, open_page, screenshot, settle, wait_for


def test_clicking_a_cell_races_its_setting(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, app_url, "mode_collapse")
    chart = page.locator(f"{css_key('mc.map.chart')} .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    grid = shipped_map()
    points = page.locator(f"{css_key('mc.map.chart')} .scatterlayer .point")
    assert wait_for(lambda: points.count() == len(grid.xs) * len(grid.ys))
    target = points.nth(2)  # the markers go row by row: row 0 (the lowest lr_G), column 2
    box = target.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    settle(page)
    info = page.locator("[data-testid='stAlertContentInfo']")
    assert wait_for(lambda: info.count() and f"lr_D = {rate(grid.xs[2])}, lr_G = {rate(grid.ys[0])}" in info.first.inner_text(), timeout=60), \
        "the clicked cell's rates are said above the map"
    assert page.locator(f"{css_key('mc.map.chart')} .js-plotly-plot .shapelayer path").count() >= 1  # outlined
    screenshot(page, "mode_collapse-map-clicked")
    assert exceptions(page) == []


def test_the_map_is_drawn_in_korean(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, app_url, "mode_collapse?lang=ko")
    chart = page.locator(f"{css_key('mc.map.chart')} .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    grid = shipped_map()
    points = page.locator(f"{css_key('mc.map.chart')} .scatterlayer .point")
    assert wait_for(lambda: points.count() == len(grid.xs) * len(grid.ys))
    assert "D의 학습률" in chart.inner_text()
    screenshot(page, "mode_collapse-map-ko")
    assert exceptions(page) == []
