"""Korean renders as Hangul, not boxes, on a machine with no CJK font (this one has none, like a bare lab PC).

The app serves Noto Sans KR's Hangul slices itself (ganviz/ui/server.py). In Noto Sans KR every Hangul
syllable has the same advance, about one em; the fallback's "missing glyph" box has another, so the
measured width of Hangul syllables in the page's own font tells a real glyph from tofu.
"""

from __future__ import annotations

from .driver import open_page

MEASURE = """async (syllables) => {
    const family = getComputedStyle(document.body).fontFamily;
    await document.fonts.load(`40px ${family}`, syllables.join(''));
    const ctx = document.createElement('canvas').getContext('2d');
    const widths = (font) => { ctx.font = font; return syllables.map((s) => ctx.measureText(s).width); };
    return {family, shipped: widths(`40px ${family}`), fallback: widths('40px "no such font", sans-serif'),
            loaded: document.fonts.check(`40px ${family}`, syllables.join(''))};
}"""


def test_hangul_renders_in_the_shipped_font(page, app_url):
    slices = []
    page.on("response", lambda r: slices.append(r.status) if "/ganviz/fonts/noto-sans-kr/" in r.url else None)
    open_page(page, f"{app_url}", "?lang=ko", ready="h1")
    got = page.evaluate(MEASURE, ["가", "한", "힣", "뷁"])  # slices of their own: U+AC00, U+D55C, U+D7A3, U+BDC1
    assert got["family"].startswith('"Noto Sans KR"'), got
    assert got["loaded"], got
    width = got["shipped"][0]
    assert all(abs(w - width) < 0.01 for w in got["shipped"]), got  # Noto's Hangul: one advance for all
    assert 0.8 * 40 < width < 1.2 * 40, got  # about one em
    assert abs(width - got["fallback"][0]) > 0.1 * 40, got  # the system has no Hangul: its boxes differ
    assert slices and all(status == 200 for status in slices), slices


def test_latin_keeps_streamlits_own_font(page, app_url):
    open_page(page, f"{app_url}", "", ready="h1")
    family = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert '"Source Sans"' in family, family  # after Noto Sans KR, whose faces cover no Latin


def test_hangul_in_the_live_charts_uses_the_shipped_font(page, app_url):
    """Plotly's own fonts have no Hangul: the live chart falls back to the shipped font for it."""
    open_page(page, app_url, "figure1?lang=ko")
    legend = page.locator(".gz-fig .legendtext, .live-plotly-chart .legendtext").filter(has_text="데이터").first
    legend.wait_for()
    family = legend.evaluate("(el) => getComputedStyle(el).fontFamily")
    assert '"Noto Sans KR"' in family, family
    widths = page.evaluate("""async (family) => {
        await document.fonts.load(`40px ${family}`, '데이터');
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `40px ${family}`;
        const shipped = ctx.measureText('데').width;
        ctx.font = '40px "Open Sans", verdana, arial, sans-serif';
        return [shipped, ctx.measureText('데').width];
    }""", family)
    assert 0.8 * 40 < widths[0] < 1.2 * 40 and abs(widths[0] - widths[1]) > 4, widths
