"""Drawing a custom 2D target in a real browser: a mouse drag and a finger's stroke add points to the target.

The canvas (ganviz/ui/draw_canvas.py) says how many points it was given to
draw in its ``data-points`` attribute, and the editor's caption says how many
the target has; both must grow by the stroke's length over the spacing. The
finger is Chromium's own touch input (the DevTools protocol's
``Input.dispatchTouchEvent``), so the browser makes the pointer events of
pointerType "touch" itself, and would scroll the page instead and cancel the
stroke (no points) if the canvas did not say ``touch-action: none``.
Screenshots: shots/e2e/two_d-drawn-*.png.
"""

from __future__ import annotations

import math
import re

from ganviz.core.strokes import STROKE_SPACING

from .driver import click, css_key, exceptions, open_page, screenshot, settle, wait_for

CANVAS = css_key("p2d.custom.draw") + " canvas"
WINDOW = 8.0  # the canvas shows [-4, 4]^2
MARGINS = 38  # CSS pixels of the canvas outside the plot area, across (draw_canvas.py's M.left + M.right)


def open_editor(page, app_url) -> dict:
    """The 2D page with the custom target chosen and its editor open (the smiley's 40 points); the canvas's box."""
    open_page(page, app_url, "two_d")
    combo = page.locator(css_key("p2d.dist") + " input[role=combobox]")
    combo.click()
    if not wait_for(lambda: page.locator("[role=listbox] [role=option]").count(), timeout=10):
        combo.press("ArrowDown")  # a click that landed during a rerun did not open it
    page.locator("[role=listbox] [role=option]").last.click()  # "custom" is the last target
    page.wait_for_selector(CANVAS, state="attached")
    settle(page)
    page.locator("[data-testid='stExpander']").filter(has=page.locator(CANVAS)).locator("summary").click()
    page.wait_for_selector(CANVAS)
    assert drawn(page) == shown(page) == 40
    return still(page)


def still(page) -> dict:
    """The canvas's box once it is in view, on top, and has stayed put for half a second (expander opened)."""
    boxes = []

    def settled():
        page.locator(CANVAS).scroll_into_view_if_needed()
        boxes.append(page.locator(CANVAS).bounding_box())
        page.wait_for_timeout(250)
        return len(boxes) >= 3 and boxes[-1] == boxes[-2] == boxes[-3] and on_top(page)

    assert wait_for(settled, timeout=20), f"the canvas keeps moving: {boxes[-3:]}"
    return boxes[-1]


def on_top(page) -> bool:
    """Whether the canvas is what a pointer hits near each of its corners (not something sliding over it)."""
    return page.locator(CANVAS).evaluate("""(canvas) => {
      const r = canvas.getBoundingClientRect(), host = canvas.getRootNode().host ?? canvas;
      return [[0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].every(([fx, fy]) => {
        const hit = document.elementFromPoint(r.left + fx * r.width, r.top + fy * r.height);
        return hit === canvas || hit === host || host.contains(hit);
      });
    }""")


def drawn(page) -> int:
    """How many points the canvas was given to draw."""
    return int(page.locator(CANVAS).get_attribute("data-points"))


def shown(page) -> int | None:
    """The point count in the editor's caption ("104 points.")."""
    tab = page.locator("[role=tabpanel]").filter(has=page.locator(CANVAS)).inner_text()
    found = re.search(r"([\d,]+) points?\.", tab)
    return int(found.group(1).replace(",", "")) if found else None


def grown(page, before: int) -> int | None:
    return wait_for(lambda: drawn(page) > before and shown(page) == drawn(page) and drawn(page), timeout=30)


def expected_points(path: list[tuple[float, float]], box: dict) -> int:
    """Points the stroke through ``path`` (CSS pixels) should give: one at its start and one every spacing."""
    pixels = sum(math.dist(a, b) for a, b in zip(path, path[1:]))
    return int(pixels / ((box["width"] - MARGINS) / WINDOW) / STROKE_SPACING) + 1


def test_a_mouse_drag_adds_points_to_the_target(page, app_url):
    box = open_editor(page, app_url)
    x0, y0 = box["x"] + 0.15 * box["width"], box["y"] + 0.8 * box["height"]
    path = [(x0 + 0.7 * box["width"] * i / 30, y0 - 0.5 * box["height"] * (i / 30) ** 2) for i in range(31)]
    page.mouse.move(*path[0])
    page.mouse.down()
    for x, y in path[1:]:  # a parabola from lower left to upper right
        page.mouse.move(x, y)
    page.mouse.up()
    after = grown(page, 40)
    expected = expected_points(path, box)
    assert after and abs(after - 40 - expected) <= 2, f"{after} points: 40 and about {expected} along the stroke"
    screenshot(page, "two_d-drawn-mouse")
    click(page, "p2d.custom.undo")
    assert wait_for(lambda: drawn(page) == shown(page) == 40, timeout=30), "Undo takes back the whole stroke"
    assert exceptions(page) == []


def test_a_finger_draws_instead_of_scrolling(browser, app_url):
    context = browser.new_context(viewport={"width": 1000, "height": 700}, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        box = open_editor(page, app_url)
        x, y = box["x"] + 0.3 * box["width"], box["y"] + 0.2 * box["height"]
        path = [(x + i, y + 0.028 * box["height"] * i) for i in range(25)]  # down: on a page, a finger scrolls so
        touch = context.new_cdp_session(page)
        touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for px, py in path[1:]:
            touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": px, "y": py}]})
        touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        after = grown(page, 40)
        expected = expected_points(path, box)
        assert after and abs(after - 40 - expected) <= 2, f"{after} points: 40 and about {expected} along the stroke"
        screenshot(page, "two_d-drawn-touch")
        assert exceptions(page) == []
    finally:
        context.close()
