"""A recorded run as a client-side Plotly animation: the browser plays it, with no server round trips.

``replay_figure(frames, draw)`` draws each recorded snapshot with the same
figure function the live page uses (``draw(snapshot)``, e.g. ``figure1``) and
packs the drawings as Plotly animation frames, with a Play/Pause button and a
slider labelled by training step. The traces and the annotations change from
frame to frame; the rest of the first frame's layout holds for all. Heatmaps and contours need Plotly's
full redraw on every frame; line and scatter traces animate without it.
"""

from __future__ import annotations

from typing import Callable

from ..i18n import t

FRAME_MS = 120  # how long each recorded frame stays on screen while playing
REDRAW_TYPES = {"heatmap", "contour", "histogram2d", "histogram2dcontour"}


def _as_dict(figure) -> dict:
    return figure if isinstance(figure, dict) else figure.to_dict()


def replay_figure(frames: list, draw: Callable[[object], object], frame_ms: int = FRAME_MS,
                  title: str | None = None) -> dict:
    """A Plotly figure (as a dict) that animates ``frames`` (snapshots with a ``.step``), each drawn by ``draw``."""
    if not frames:
        raise ValueError("there is nothing to replay yet: record at least one frame (press Play or Step)")
    drawn = [_as_dict(draw(frame)) for frame in frames]
    base = drawn[0]
    redraw = any(trace.get("type") in REDRAW_TYPES for trace in base["data"])
    names = [t("replay.at_step", step=f"{frame.step:,}") for frame in frames]
    layout = dict(base.get("layout", {}))
    margin = dict(layout.get("margin") or {})
    if title is not None:
        layout["title"] = {"text": title, "y": 0.99, "yanchor": "top", "x": 0.01, "xanchor": "left"}
        margin["t"] = max(margin.get("t", 0) or 0, 100)  # above the legend
    play = {"frame": {"duration": frame_ms, "redraw": redraw}, "transition": {"duration": 0}, "fromcurrent": True,
            "mode": "immediate"}
    pause = {"frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0}, "mode": "immediate"}
    layout["updatemenus"] = [{
        "type": "buttons", "direction": "left", "showactive": False, "x": 0.0, "y": -0.08, "xanchor": "left",
        "yanchor": "top", "pad": {"r": 10, "t": 10},
        "buttons": [{"label": f"▶ {t('live.play')}", "method": "animate", "args": [None, play]},
                    {"label": f"❚❚ {t('live.pause')}", "method": "animate", "args": [[None], pause]}],
    }]
    layout["sliders"] = [{
        "active": 0, "x": 0.2, "len": 0.8, "y": -0.04, "yanchor": "top",
        "currentvalue": {"prefix": t("replay.prefix"), "xanchor": "right"},
        "steps": [{"label": name, "method": "animate",
                   "args": [[name], {**pause, "frame": {"duration": 0, "redraw": redraw}}]} for name in names],
    }]
    margin["b"] = max(margin.get("b", 0) or 0, 110)  # room for the button and the slider
    layout["margin"] = margin
    return {"data": base["data"], "layout": layout,
            "frames": [_frame(name, fig) for name, fig in zip(names, drawn)]}


def _frame(name: str, figure: dict) -> dict:
    """One animation frame: the traces, and the annotations when the figure has some (they say per-frame things,
    such as where p_g peaks off the chart)."""
    frame = {"name": name, "data": figure["data"]}
    annotations = figure.get("layout", {}).get("annotations")
    if annotations is not None:
        frame["layout"] = {"annotations": annotations}
    return frame
