"""A figure made legible from the last row of a classroom: ``for_projector(figure)``.

Presentation mode draws the same figures as the page, with every font, line
and marker scaled up. It works on any figure dict in Plotly's schema (as the
figure builders return them) and leaves the input untouched.
"""

from __future__ import annotations

FONT = 12  # plotly's default font size, for text that sets none
LINE = 2  # plotly's default line width
MARKER = 6  # plotly's default marker size


def for_projector(figure: dict, scale: float = 1.6) -> dict:
    """A copy of ``figure`` with fonts, marker sizes, line widths, margins and the annotations' offsets times
    ``scale``, and taller (at most 1.25 times)."""
    fig = _copied(figure)
    layout = fig.setdefault("layout", {})
    _font(layout, scale)
    for name, value in layout.items():
        if isinstance(value, dict) and name.startswith(("xaxis", "yaxis", "legend", "coloraxis")):
            _font(value, scale)
            _font(value.get("title") if isinstance(value.get("title"), dict) else {}, scale)
            value.setdefault("tickfont", {})["size"] = round(FONT * scale)
    if isinstance(layout.get("title"), dict):
        _font(layout["title"], scale)
    for note in layout.get("annotations") or []:
        _font(note, scale)
        for shift in ("xshift", "yshift"):
            if isinstance(note.get(shift), (int, float)):
                note[shift] = note[shift] * scale
    if layout.get("height"):
        layout["height"] = round(layout["height"] * min(scale, 1.25))
    # Margins hold text (ticks, titles, a legend pinned under the axes): larger text needs them larger.
    margin = layout.get("margin")
    if isinstance(margin, dict):
        layout["margin"] = {k: round(v * scale) if k in "lrtb" and isinstance(v, (int, float)) else v
                            for k, v in margin.items()}
    for trace in fig.get("data", []):
        line = trace.get("line")
        if isinstance(line, dict) and trace.get("type", "scatter") in ("scatter", "scattergl"):
            width = line.get("width", LINE)
            if isinstance(width, (int, float)) and width > 0:
                line["width"] = width * scale
        marker = trace.get("marker")
        if isinstance(marker, dict) and isinstance(marker.get("size", MARKER), (int, float)):
            marker["size"] = marker.get("size", MARKER) * scale
    return fig


def _copied(value):
    """``value`` with every dict, and every list of dicts or lists, copied; flat lists (data: numbers, strings, told
    by their first item, as Plotly's arrays hold one kind) are shared, as nothing here changes them: a deep copy
    of a 2D frame's data was most of a projector frame's cost (docs/performance.md)."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list) and value and isinstance(value[0], (dict, list)):
        return [_copied(item) for item in value]
    return value


def _font(holder: dict, scale: float) -> None:
    font = holder.setdefault("font", {})
    font["size"] = round(font.get("size", FONT) * scale)
