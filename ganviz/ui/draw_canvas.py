"""A canvas to draw on with a mouse, a pen or a finger: ``draw_canvas(key, points, done, on_stroke)``.

The canvas shows the square window [low, high]^2 with a grid, tick labels and
the current points (black dots). Dragging on it draws a stroke; when the
pointer is lifted the stroke is sent to Python, which turns it into points
(``ganviz.core.strokes.points_from_strokes``) and reruns the page, whose new points
the canvas then shows.

How it works, with public Streamlit APIs and nothing from a CDN:

* A small ``st.components.v2.component`` with inline JavaScript, its styles in a
  shadow root (``isolate_styles=True``). A keyed instance stays mounted across
  reruns; Streamlit calls the JavaScript again with the new ``data`` and the
  same ``parentElement``, and the JavaScript keeps its one ``<canvas>`` there.
* Pointer Events (``pointerdown``/``pointermove``/``pointerup``) serve mouse, pen
  and touch alike; ``touch-action: none`` makes a finger draw instead of
  scrolling the page, and pointer capture keeps the stroke when it leaves the
  canvas. Only the first pointer draws (a second finger is ignored). Positions
  are recorded in data coordinates, at least ``step`` apart, from every
  coalesced event (a fast hand gives the browser's full sampling). A stroke
  that leaves the window is cut there and goes on where it comes back, so no
  position outside the window is sent.
* On ``pointerup`` the component sets its trigger value ``stroke`` to
  ``{"strokes": [{"id": ..., "lines": [[[x, y], ...], ...]}, ...]}``: every
  stroke not yet acknowledged, so a stroke drawn while the page was rerunning
  is not lost (a trigger keeps only its last value per run). Python handles
  the strokes with an ``id`` above the one it handled last and sends that id
  back as ``done``; the canvas draws the strokes above ``done`` in blue until
  then. Ids are the drawing time in milliseconds, made strictly increasing,
  so they keep growing across page reloads.

AppTest runs no JavaScript: there the call emits the component element, and a
test sets the trigger value itself (see tests/ui/test_draw_canvas.py).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import streamlit as st

_CSS = """
.ganviz-draw { width: 100%; max-width: 460px; }
.ganviz-draw canvas {
  display: block; width: 100%; aspect-ratio: 1 / 1;
  touch-action: none; user-select: none; -webkit-user-select: none; cursor: crosshair;
  border-radius: 0.5rem;
}
"""

_JS = """
const M = { left: 30, right: 8, top: 8, bottom: 30 };  // room for the tick labels; left + right = top + bottom

// The plot area's side in CSS pixels and the maps between data and CSS pixels.
function frame(state) {
  const side = state.canvas.clientWidth;
  const [low, high] = state.data.window;
  const size = side - M.left - M.right;
  const scale = size / (high - low);
  return {
    side, low, high, scale,
    px: (x) => M.left + (x - low) * scale,
    py: (y) => M.top + (high - y) * scale,
    x: (px) => low + (px - M.left) / scale,
    y: (py) => high - (py - M.top) / scale,
  };
}

function draw(state) {
  const { canvas } = state;
  const dpr = window.devicePixelRatio || 1;
  const side = canvas.clientWidth;
  if (!side) return;  // hidden (an inactive tab): drawn when the resize observer sees it
  if (canvas.width !== Math.round(side * dpr)) {
    canvas.width = Math.round(side * dpr);
    canvas.height = Math.round(side * dpr);
  }
  const f = frame(state);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, side, side);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, side, side);
  // grid, zero lines, frame, tick labels
  ctx.lineWidth = 1;
  for (const t of state.data.ticks) {
    ctx.strokeStyle = t === 0 ? "#c8c8c8" : "#ececec";
    ctx.beginPath();
    ctx.moveTo(f.px(t), f.py(f.low)); ctx.lineTo(f.px(t), f.py(f.high));
    ctx.moveTo(f.px(f.low), f.py(t)); ctx.lineTo(f.px(f.high), f.py(t));
    ctx.stroke();
  }
  ctx.strokeStyle = "#9a9a9a";
  ctx.strokeRect(f.px(f.low), f.py(f.high), f.px(f.high) - f.px(f.low), f.py(f.low) - f.py(f.high));
  ctx.fillStyle = "#555555";
  ctx.font = "12px sans-serif";
  for (const t of state.data.labels) {
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    ctx.fillText(String(t), f.px(t), f.py(f.low) + 6);
    ctx.textAlign = "right"; ctx.textBaseline = "middle";
    ctx.fillText(String(t), f.px(f.low) - 5, f.py(t));
  }
  // the points the target is made of (an uploaded one may lie outside the window: not drawn over the labels)
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.px(f.low), f.py(f.high), f.px(f.high) - f.px(f.low), f.py(f.low) - f.py(f.high));
  ctx.clip();
  ctx.fillStyle = "#000000";
  const r = Math.max(1.6, Math.min(3, f.scale * 0.05));
  for (const [x, y] of state.data.points) {
    ctx.beginPath();
    ctx.arc(f.px(x), f.py(y), r, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
  // strokes on their way to Python, and the one being drawn
  ctx.strokeStyle = "#1f77b4";
  ctx.fillStyle = "#1f77b4";
  ctx.lineWidth = 3;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  const strokes = state.active ? [...state.pending, state.active] : state.pending;
  for (const stroke of strokes) {
    for (const line of stroke.lines) {
      if (line.length === 1) {
        ctx.beginPath(); ctx.arc(f.px(line[0][0]), f.py(line[0][1]), 2.5, 0, 2 * Math.PI); ctx.fill();
        continue;
      }
      ctx.beginPath();
      line.forEach(([x, y], i) => (i ? ctx.lineTo(f.px(x), f.py(y)) : ctx.moveTo(f.px(x), f.py(y))));
      ctx.stroke();
    }
  }
  if (!state.data.points.length && !strokes.length && state.data.hint) {
    ctx.fillStyle = "#8a8a8a";
    ctx.font = "15px sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "middle";
    ctx.fillText(state.data.hint, f.px((f.low + f.high) / 2), f.py((f.low + f.high) / 2));
  }
}

// Add the pointer's position (one event) to the stroke being drawn.
function record(state, event) {
  const stroke = state.active;
  const rect = state.canvas.getBoundingClientRect();
  const f = frame(state);
  const x = f.x(event.clientX - rect.left), y = f.y(event.clientY - rect.top);
  if (x < f.low || x > f.high || y < f.low || y > f.high) {
    stroke.current = null;  // outside the window: the line ends here
    return;
  }
  if (!stroke.current) {
    stroke.current = [];
    stroke.lines.push(stroke.current);
  }
  const last = stroke.current[stroke.current.length - 1];
  if (last && Math.hypot(x - last[0], y - last[1]) < state.data.step) return;
  stroke.current.push([Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
}

function finish(state, event) {
  const stroke = state.active;
  if (!stroke || event.pointerId !== stroke.pointerId) return;
  state.active = null;
  if (event.type !== "pointercancel" && stroke.lines.length) {
    state.pending.push({ id: stroke.id, lines: stroke.lines });
    state.setTriggerValue("stroke", { strokes: state.pending.map(({ id, lines }) => ({ id, lines })) });
  }
  draw(state);
}

function listen(state) {
  const { canvas } = state;
  canvas.addEventListener("pointerdown", (event) => {
    if (state.active || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.preventDefault();
    try {
      canvas.setPointerCapture(event.pointerId);  // the stroke goes on outside the canvas
    } catch (err) {}  // a pointer the browser no longer tracks: draw without capture
    state.lastId = Math.max(Date.now(), state.lastId + 1);
    state.active = { id: state.lastId, pointerId: event.pointerId, lines: [], current: null };
    record(state, event);
    draw(state);
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!state.active || event.pointerId !== state.active.pointerId) return;
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    for (const e of events.length ? events : [event]) record(state, e);
    draw(state);
  });
  canvas.addEventListener("pointerup", (event) => finish(state, event));
  canvas.addEventListener("pointercancel", (event) => finish(state, event));
  canvas.addEventListener("lostpointercapture", (event) => finish(state, event));
  new ResizeObserver(() => draw(state)).observe(canvas);
}

// Called on mount and again with new `data` on each rerun, same parentElement.
export default function ({ data, parentElement, setTriggerValue }) {
  let canvas = parentElement.querySelector(".ganviz-draw canvas");
  if (!canvas) {
    const box = document.createElement("div");
    box.className = "ganviz-draw";
    canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    box.appendChild(canvas);
    parentElement.appendChild(box);
    canvas.ganviz = { canvas, pending: [], active: null, lastId: 0 };
    listen(canvas.ganviz);
  }
  const state = canvas.ganviz;
  state.data = data;
  state.setTriggerValue = setTriggerValue;
  state.pending = state.pending.filter((stroke) => stroke.id > data.done);
  canvas.setAttribute("aria-label", data.label);
  canvas.dataset.points = String(data.points.length);  // for tests and curious readers
  draw(state);
}
"""

_canvas = st.components.v2.component("ganviz.draw_canvas", js=_JS, css=_CSS, isolate_styles=True)


def draw_canvas(key: str, points: np.ndarray, done: int, on_stroke: Callable[[], None],
                window: tuple[float, float] = (-4.0, 4.0), step: float = 0.03, hint: str = "",
                label: str = "") -> None:
    """Draw the canvas over ``window`` with ``points`` (n x 2); call ``on_stroke`` when strokes arrive.

    In ``on_stroke``, ``stroke_value(key)`` holds the strokes; acknowledge
    them by passing the largest ``id`` handled as ``done`` on the next run.
    ``step`` is the least distance (data units) between recorded positions;
    ``hint`` is written on an empty canvas; ``label`` is its accessible name.
    """
    low, high = window
    ticks = list(range(int(np.ceil(low)), int(np.floor(high)) + 1))
    _canvas(
        key=key,
        data={
            "points": np.round(np.asarray(points, dtype=np.float64).reshape(-1, 2), 3).tolist(),
            "window": [float(low), float(high)],
            "ticks": ticks,
            "labels": [t for t in ticks if t % 2 == 0],
            "step": float(step),
            "done": int(done),
            "hint": hint,
            "label": label,
        },
        on_stroke_change=on_stroke,
    )


def stroke_value(key: str) -> list[dict]:
    """The strokes the canvas under ``key`` sent this run: ``[{"id": int, "lines": [[[x, y], ...], ...]}, ...]``.

    Anything else a browser might send is dropped here (a value that is not a
    list of such dicts gives ``[]``); the lines themselves are checked by
    ``points_from_strokes``.
    """
    value = st.session_state.get(key) or {}
    sent = value.get("stroke") if isinstance(value, dict) else None
    strokes = sent.get("strokes") if isinstance(sent, dict) else None
    if not isinstance(strokes, list):
        return []
    return [s for s in strokes if isinstance(s, dict) and isinstance(s.get("id"), int)
            and not isinstance(s.get("id"), bool) and isinstance(s.get("lines"), list)]
