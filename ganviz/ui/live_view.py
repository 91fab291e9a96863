"""The live view in the browser: a page's status line, numbers, figure, diagram and history in one component.

``live_view(key, frame, stream)`` draws a frame (``ganviz.views.live_frame``)
that came with the page; while the run plays, ``stream`` is the URL of the
run's server-sent events (``ganviz.ui.server``'s ``/ganviz/live/<token>``) and
the component redraws each frame that arrives there, with ``Plotly.react`` on
the same ``<div>`` (partial updates, no rerun, nothing fades). When a streamed
frame says the run stopped by itself (it diverged, D's fit ended), the
component sets its ``stopped`` trigger: the page runs once and shows the new
state (buttons, message).

Between two real frames of a playing run the figure (a race: each of its
panels) may be drawn a few more times with its numbers interpolated from one
real frame to the next (tweens, at most 30 drawings a second, only while the
browser draws fast enough); the numbers and the status line change only with
real frames.

A view starved of CPU (its drawings slow, or streamed frames waiting long for
one: many tabs and the server on a few cores) draws no tweens, and redraws the
model diagram and the charts below the figure at most every 2 and 2.5 s, each
time from the newest frame that carries them (the diagram of a slow-motion run
stays with every frame); while the run plays, those charts' axes then hold
still and their lines go on the canvas, so a redraw costs plotly.js no layout.
A paused run's charts are drawn in full, as ever.

The figure takes the height the window leaves below it (within bounds), so the
whole figure is on screen at 1280x720 as at 1920x1080; a model diagram sits
beside it when the page is wide enough, else under it. Text from a frame is
set as text (``textContent``), never as HTML.
"""

from __future__ import annotations

import streamlit as st

from .live_chart import PLOTLY_LOADER_JS
from .points_layer import POINTS_LAYER_JS
from .server import LIVE_PATH, base_path, served

_CSS = """
.gz-live { display: flex; flex-direction: column; gap: 0.25rem; }
.gz-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem; min-height: 1.8rem; }
.gz-badge { border-radius: 0.5rem; padding: 0.05rem 0.55rem; font-size: 0.85rem; font-weight: 600; }
.gz-badge.gz-playing { background: rgba(33,195,84,0.16); color: #158237; }
.gz-badge.gz-paused { background: rgba(128,132,149,0.16); color: #555867; }
.gz-badge.gz-fit_d { background: rgba(28,131,225,0.16); color: #0b5fa5; }
.gz-badge.gz-diverged { background: rgba(255,43,43,0.16); color: #bd1111; }
.gz-line { font-size: 0.95rem; }
.gz-msg { font-size: 0.9rem; border-radius: 0.4rem; padding: 0.1rem 0.5rem; }
.gz-msg:empty { display: none; }
.gz-msg.gz-info { background: rgba(28,131,225,0.10); color: #0b4c86; }
.gz-msg.gz-success { background: rgba(33,195,84,0.12); color: #136b2e; }
.gz-msg.gz-warning { background: rgba(255,189,69,0.20); color: #7a5200; }
.gz-msg.gz-error { background: rgba(255,43,43,0.10); color: #9d1010; }
.gz-metrics { display: flex; flex-wrap: wrap; gap: 0.2rem 1.6rem; }
.gz-metric { display: flex; align-items: baseline; gap: 0.45rem; }
.gz-metric .gz-label { font-size: 0.85rem; color: rgba(49,51,63,0.75); }
.gz-metric .gz-value { font-size: 1.35rem; font-variant-numeric: tabular-nums; font-weight: 600; }
.gz-row { display: flex; gap: 0.5rem; align-items: flex-start; }
.gz-fig { flex: 1 1 auto; min-width: 0; }
.gz-side { flex: 0 0 30%; min-width: 0; }
.gz-side:empty, .gz-side.gz-off { display: none; }
.gz-side-caption { font-weight: 600; font-size: 0.9rem; }
.gz-side-caption.gz-blue { color: #1f5fbf; } .gz-side-caption.gz-green { color: #1d7a32; }
.gz-side-caption.gz-gray { color: #555867; }
.gz-row.gz-off, .gz-panels.gz-off, .gz-metrics:empty { display: none; }
.gz-panels { display: flex; gap: 1.2rem; align-items: stretch; }
.gz-panel { flex: 1 1 0; min-width: 0; display: flex; flex-direction: column; gap: 0.15rem; }
.gz-panel > .gz-fig { margin-top: auto; }  /* side by side at the same height, however many numbers above */
.gz-panel-title { font-weight: 700; font-size: 1.05rem; }
.gz-tag { margin-left: 0.5rem; border-radius: 0.4rem; padding: 0 0.4rem; font-size: 0.8rem; font-weight: 600;
          background: rgba(28,131,225,0.12); color: #0b5fa5; }
.gz-tag:empty { display: none; }
.gz-headline { font-size: 1rem; line-height: 1.35; }
.gz-headline:empty, .gz-below-title:empty { display: none; }
.gz-below-title { font-weight: 600; font-size: 0.95rem; margin-top: 0.4rem; }
.gz-below { display: flex; gap: 1rem; }
.gz-below > div { flex: 1 1 0; min-width: 0; }
.gz-notes { font-size: 0.8rem; color: rgba(49,51,63,0.7); }
.gz-notes div { line-height: 1.3; }
@media (max-width: 900px) { .gz-row { flex-direction: column; } .gz-side { flex-basis: auto; width: 100%; } }
/* On a projector the numbers are large, each under its label, so that they stay on one line at 1280 px
   (side by side they wrapped to two lines and left the figure a strip). */
.gz-live.gz-projector .gz-metric { flex-direction: column; align-items: flex-start; gap: 0; }
.gz-live.gz-projector .gz-metric .gz-value { font-size: 2.6rem; line-height: 1.1; }
.gz-live.gz-projector .gz-metric .gz-label { font-size: 1.05rem; }
.gz-live.gz-projector .gz-metrics { gap: 0.2rem 2rem; }
.gz-live.gz-projector .gz-line, .gz-live.gz-projector .gz-badge { font-size: 1.25rem; }
.gz-live.gz-projector .gz-msg { font-size: 1.15rem; }
.gz-live.gz-projector .gz-notes { font-size: 1.0rem; }
.gz-live.gz-projector .gz-panel-title { font-size: 1.4rem; }
.gz-live.gz-projector .gz-headline { font-size: 1.3rem; }
"""

_JS = PLOTLY_LOADER_JS + POINTS_LAYER_JS + """
const MIN_HEIGHT = 260, MAX_HEIGHT = 780;

function build(root) {
  const part = (cls, parent = root) => {
    const e = document.createElement("div");
    e.className = cls;
    parent.appendChild(e);
    return e;
  };
  const head = part("gz-head");
  root.badge = document.createElement("span"); root.badge.className = "gz-badge"; head.appendChild(root.badge);
  root.line = document.createElement("span"); root.line.className = "gz-line"; head.appendChild(root.line);
  root.msg = document.createElement("span"); root.msg.className = "gz-msg"; head.appendChild(root.msg);
  root.metrics = part("gz-metrics");
  const row = part("gz-row");
  root.row = row;
  root.fig = part("gz-fig", row);
  root.side = part("gz-side gz-off", row);
  root.diagram = part("gz-diagram", root.side);
  root.sideCaption = part("gz-side-caption", root.side);
  root.panels = part("gz-panels gz-off");
  root.headline = part("gz-headline");
  root.notes = part("gz-notes");
  root.history = part("gz-history");
  root.belowTitle = part("gz-below-title");
  root.below = part("gz-below");
}

function setMetrics(into, metrics) {
  if (into.childElementCount !== metrics.length) {
    into.replaceChildren();
    for (const m of metrics) {
      const box = document.createElement("div"); box.className = "gz-metric";
      const label = document.createElement("span"); label.className = "gz-label";
      const value = document.createElement("span"); value.className = "gz-value";
      box.append(label, value);
      into.appendChild(box);
    }
  }
  metrics.forEach((m, i) => {
    const box = into.children[i];
    box.dataset.label = m.label;
    box.title = m.help;
    box.children[0].textContent = m.label;
    if (box.children[1].textContent !== m.value) box.children[1].textContent = m.value;
  });
}

// The figure's height: what the window leaves below the figure's top (minus the notes), within bounds.
// Measuring makes the browser lay the whole page out, so a streamed frame whose text above and below the
// figure is what the last one had reuses the last answer (``root.refit`` asks for a new one: a resize, the
// page's own frame, the timed re-fits after the page settles).
function fitHeight(root, div = root.fig, more = "") {
  const around = [window.innerHeight, root.msg.textContent, root.notes.dataset.text, root.headline.textContent,
                  root.metrics.childElementCount, div === root.fig, more].join("\u0001");
  if (!root.refit && root.fitted && root.fitted.around === around) return root.fitted.height;
  const top = div.getBoundingClientRect().top + window.scrollY;
  const below = root.notes.getBoundingClientRect().height + root.headline.getBoundingClientRect().height + 10;
  const height = Math.round(Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, window.innerHeight - top - below)));
  root.fitted = { around, height };
  root.refit = false;
  return height;
}

// ``live``: a playing run's figure, whose lines go on the canvas too (points_layer.py). When what plotly.js
// would draw is what it drew last time (a live figure's SVG holds only axes, legend and labels), only the
// canvas is redrawn.
function plot(Plotly, div, figure, uirevision, height, live = false) {
  // A deep copy: plotly.js writes into the layout it is given (an axis's type and domain), and a figure drawn
  // twice (a tween's target, then the real frame) would otherwise look changed to sameSvg and be laid out again.
  let layout = { uirevision, ...structuredClone(figure.layout) };
  layout.font = { family: HANGUL_FALLBACK, ...(layout.font ?? {}) };
  if (height) layout.height = height;
  div.gzHeight = layout.height;
  const data = pointsOnCanvas(div, figure.data ?? [], live, layout);  // point clouds on a canvas, not WebGL
  layout = notesOnCanvas(div, layout, live);
  const config = { displaylogo: false, ...figure.config };
  const same = live && div.layout && sameSvg(div, data, layout, config);
  if (!live) div.gzSvgKey = null;
  if (!same) {
    Plotly.react(div, data, layout, config);
    div.gzReacts = (div.gzReacts ?? 0) + 1;  // read by tools/measure_page.py
  }
  cloudsAfterReact(div);
  if (same) drawClouds(div);
  if (!div.resizer) {  // follow the container's width: window, sidebar, presentation mode
    // Redrawn once resized, or the legend keeps its old margin and lands on the plot (as in live_chart.py).
    // Plots.resize drops the height the view gave the figure for the container's (plotly's 450 px on a race's
    // panel, below the window's edge, until its SVG next changed): it is given back.
    div.resizer = new ResizeObserver(() => {
      if (!div.layout) return;
      Plotly.Plots.resize(div).then(() => (div.gzHeight && div.layout.height !== div.gzHeight
        ? Plotly.relayout(div, { height: div.gzHeight }) : Plotly.redraw(div)));
    });
    div.resizer.observe(div);
  }
}

// Whether plotly.js's part of a figure (the traces but the canvas's, the layout) is the one it drew last.
function sameSvg(div, data, layout, config) {
  const key = JSON.stringify([data, layout, config]);
  const same = key === div.gzSvgKey;
  div.gzSvgKey = key;
  return same;
}

function show(root, frame) {
  const began = performance.now();
  const Plotly = root.Plotly;
  const s = frame.status;
  root.badge.className = `gz-badge gz-${s.state}`;
  root.badge.textContent = s.badge;
  root.line.textContent = s.line;
  root.dataset.state = s.state;
  root.dataset.step = s.step;
  root.msg.className = frame.message ? `gz-msg gz-${frame.message.kind}` : "gz-msg";
  root.msg.textContent = frame.message ? frame.message.text : "";
  setMetrics(root.metrics, frame.metrics);
  root.headline.textContent = frame.headline ?? "";
  setNotes(root, frame.notes);
  const race = racing(frame);
  root.row.classList.toggle("gz-off", race);
  root.panels.classList.toggle("gz-off", !race);
  if (race) showPanels(root, frame.panels, s.state === "playing" || s.state === "fit_d");
  root.side.classList.toggle("gz-off", !frame.side);
  if (frame.figure) {
    const height = fitHeight(root);
    plot(Plotly, root.fig, frame.figure, root.key, Math.abs(height - (root.height ?? 0)) > 6 ? height : root.height,
         s.state === "playing" || s.state === "fit_d");
    root.height = root.fig.layout?.height ?? height;
  }
  counted(root, performance.now() - began);
  if (frame.status.cost) root.cost = frame.status.cost;
  // The diagram and the charts below are drawn in a task of their own, after the figure: a click or a key
  // that waits for the browser gets in between, and the figure (what the click changed) shows first.
  root.rest = frame;
  // (After the next paint: the figure is on screen before the charts below take the main thread.)
  if (!root.restTimer) {
    root.restTimer = requestAnimationFrame(() => setTimeout(() => { root.restTimer = 0; showRest(root, root.rest); }, 0));
  }
}

function setNotes(root, lines) {
  const notes = lines.join("\\n");
  if (root.notes.dataset.text !== notes) {
    root.notes.dataset.text = notes;
    root.notes.replaceChildren(...lines.map((text) => {
      const line = document.createElement("div"); line.textContent = text; return line;
    }));
  }
}

function showRest(root, frame) {
  const began = performance.now();
  const Plotly = root.Plotly;
  // A starved view (``starving``) of a playing run redraws the diagram and the charts below at most every
  // STARVED_SIDE_MS / STARVED_BELOW_MS, each time from the newest frame that carries them; in slow motion the
  // diagram shows the figure's beat and is drawn with every frame.
  const thin = root.starved && frame.status.state === "playing";
  if (frame.side && (!thin || frame.status.slow || !root.sideAt || began - root.sideAt >= STARVED_SIDE_MS)) {
    plot(Plotly, root.diagram, frame.side, root.key + ".side", null);
    root.sideCaption.className = `gz-side-caption gz-${frame.side_colour}`;
    root.sideCaption.textContent = frame.side_caption;
    root.sideAt = began;
    root.drawnSide = (root.drawnSide ?? 0) + 1;  // read by the tools and the browser tests
  }
  if (frame.history || frame.below) root.charts = frame;  // the newest frame with the charts below
  const drawn = root.history.childElementCount + root.below.childElementCount > 0;
  if (thin && drawn) {
    if (root.charts && began - (root.belowAt ?? 0) >= STARVED_BELOW_MS) frame = root.charts;
    else frame = null;  // not due: the charts shown stay
  }
  if (frame) {
    root.charts = null;
    // A playing run's charts below the figure, while scrolled out of sight, wait: drawing them cost the browser
    // as much as all the figure's frames; they are drawn when they come into view (``watchBelow``).
    if (drawn && !root.belowInView && frame.status.state === "playing" && (frame.history || frame.below)) {
      root.unseen = frame;
    } else {
      root.unseen = null;
      showBelow(root, frame);
    }
  }
  root.drawMs += performance.now() - began;
  root.drawnRest = (root.drawnRest ?? 0) + 1;
}

function watchBelow(root) {
  root.belowInView = false;
  const seen = new Map();
  const watcher = new IntersectionObserver((entries) => {
    for (const entry of entries) seen.set(entry.target, entry.isIntersecting);
    root.belowInView = [...seen.values()].some(Boolean);
    if (root.belowInView && root.unseen && root.Plotly) {
      const frame = root.unseen;
      root.unseen = null;
      showBelow(root, frame);
    }
  });
  watcher.observe(root.history);
  watcher.observe(root.below);
}

function showBelow(root, frame) {
  const Plotly = root.Plotly;
  if (frame.history || frame.below) {
    root.drawnBelow = (root.drawnBelow ?? 0) + 1;  // read by the tools and the browser tests
    root.belowAt = performance.now();
  }
  // Starved and playing: the charts' axes hold still (``steady``) and their lines go on the canvas, so a redraw
  // costs plotly.js no new layout (30-130 ms a chart) until a line leaves its axes' ranges.
  const still = root.starved && frame.status.state === "playing";
  const draw = (div, chart, key) => plot(Plotly, div, still ? steady(div, chart) : chart, key, null, still);
  if (frame.history) draw(root.history, frame.history, root.key + ".history");
  else if (frame.history === undefined && !root.keepHistory) root.history.replaceChildren();
  if (frame.below) {
    root.belowTitle.textContent = frame.below_title ?? "";
    if (root.below.childElementCount !== frame.below.length) {
      root.below.replaceChildren(...frame.below.map(() => document.createElement("div")));
    }
    frame.below.forEach((chart, i) => draw(root.below.children[i], chart, `${root.key}.below${i}`));
  } else if (frame.below === undefined && !root.keepHistory) {
    root.below.replaceChildren();
    root.belowTitle.textContent = "";
  }
}

// A chart of a starved playing run with fixed ranges on its autoranged linear axes, kept on ``div`` while its data
// fit them: a step axis (x) gets room to grow (STEADY_ROOM of its span ahead), a value axis 8 % on each side. A
// chart with other than scatter traces, or an axis of another type, is returned as it is. The ranges cover the
// data and the chart's own lines (a guide at -log 4, say), as plotly.js's autorange would; the lines to join over
// gaps (``connectgaps``) are given without their gaps, as the canvas draws gaps.
const STEADY_ROOM = 0.5;

function steady(div, chart) {
  const data = chart.data ?? [], layout = structuredClone(chart.layout ?? {});
  if (!data.every((trace) => (trace.type ?? "scatter") === "scatter")) return chart;
  const span = new Map();  // axis name (xaxis2) -> [lo, hi] of what it shows
  const widen = (name, values) => {
    let [lo, hi] = span.get(name) ?? [Infinity, -Infinity];
    for (const v of values ?? []) if (typeof v === "number" && Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    span.set(name, [lo, hi]);
  };
  const axisOf = (ref, letter) => (ref ?? letter).replace(letter, `${letter}axis`);
  const traces = data.map((trace) => {
    const xs = numbers(trace.x), ys = numbers(trace.y);
    widen(axisOf(trace.xaxis, "x"), xs);
    widen(axisOf(trace.yaxis, "y"), ys);
    if (!trace.connectgaps || !xs || !ys) return trace;
    const keep = [...xs.keys()].filter((i) => xs[i] !== null && ys[i] !== null && xs[i] !== undefined && ys[i] !== undefined);
    return { ...trace, x: keep.map((i) => xs[i]), y: keep.map((i) => ys[i]) };
  });
  for (const s of layout.shapes ?? []) {
    if (/^x[0-9]*$/.test(s.xref ?? "")) widen(axisOf(s.xref, "x"), [s.x0, s.x1]);
    if (/^y[0-9]*$/.test(s.yref ?? "")) widen(axisOf(s.yref, "y"), [s.y0, s.y1]);
  }
  const kept = div.gzSteady ?? {};
  div.gzSteady = {};
  for (const [name, [lo, hi]] of span) {
    const axis = layout[name];
    if (!axis || (axis.type && axis.type !== "linear") || (Array.isArray(axis.range) && axis.autorange !== true)) continue;
    if (!(lo <= hi)) continue;
    const step = name.startsWith("x");
    let range = kept[name];
    // Kept while the data fit it and fill a good part of it (a range far wider than the data is made again).
    if (!range || lo < range[0] || hi > range[1] || (hi - lo) < 0.4 * (range[1] - range[0])) {
      const width = hi - lo || Math.abs(hi) || 1;
      range = step ? [lo, hi + STEADY_ROOM * width] : [lo - 0.08 * width, hi + 0.08 * width];
    }
    div.gzSteady[name] = range;
    layout[name] = { ...axis, range, autorange: false };
  }
  return { ...chart, data: traces, layout };
}

// Whether the view is starved of CPU (many tabs and the server on a few cores): its figure's recent drawings are
// slow (STARVED_DRAW_MS of wall time) or streamed frames wait long for their drawing (STARVED_LAG_MS from their
// arrival, a hold for a click excluded). Left again under half of both. ``root.forceStarved`` (true or false, set
// by the browser tests) overrides the measurement.
const STARVED_DRAW_MS = 40, STARVED_LAG_MS = 150, STARVED_SIDE_MS = 2000, STARVED_BELOW_MS = 2500;

function starving(root) {
  const slow = root.recentMs ?? 0, lag = root.lagMs ?? 0;
  const measured = root.starved ? slow > STARVED_DRAW_MS / 2 || lag > STARVED_LAG_MS / 2
    : slow > STARVED_DRAW_MS || lag > STARVED_LAG_MS;
  root.starved = typeof root.forceStarved === "boolean" ? root.forceStarved : measured;
  const flag = root.starved ? "1" : "";
  if (root.dataset.starved !== flag) root.dataset.starved = flag;  // (read by the browser tests)
}

// A race's runs side by side (``LiveFrame.panels``): each its title, numbers, figure and what stopped it. The
// figures share one height: what the window leaves below them, and at most a little more than their width.
function showPanels(root, panels, live) {
  if (root.panels.childElementCount !== panels.length) {
    root.panels.replaceChildren(...panels.map(() => {
      const box = document.createElement("div"); box.className = "gz-panel";
      const title = document.createElement("div"); title.className = "gz-panel-title";
      box.name = document.createElement("span");
      box.tag = document.createElement("span"); box.tag.className = "gz-tag";
      title.append(box.name, box.tag);
      box.numbers = document.createElement("div"); box.numbers.className = "gz-metrics";
      box.fig = document.createElement("div"); box.fig.className = "gz-fig";
      box.err = document.createElement("div"); box.err.className = "gz-msg gz-error";
      box.append(title, box.numbers, box.fig, box.err);
      return box;
    }));
  }
  panels.forEach((p, i) => {  // the text first: its rows push the figures down
    const box = root.panels.children[i];
    box.name.textContent = p.title;
    box.tag.textContent = p.badge;
    box.err.textContent = p.error;
    setMetrics(box.numbers, p.metrics);
  });
  const first = root.panels.children[0];
  const rows = panels.map((p) => `${p.metrics.length}:${p.error ? 1 : 0}:${p.badge ? 1 : 0}`).join(",");
  const fitted = Math.min(fitHeight(root, first.fig, rows), Math.max(MIN_HEIGHT, 1.2 * first.fig.clientWidth));
  const height = Math.abs(fitted - (root.panelHeight ?? 0)) > 6 ? fitted : root.panelHeight;
  root.panelHeight = height;
  panels.forEach((p, i) => {
    const [div, key] = drawnAt(root, true, i);
    plot(root.Plotly, div, p.figure, key, height, live);
  });
}

function racing(frame) {
  return Array.isArray(frame.panels) && frame.panels.length > 0;
}

// The figures of a frame that move while it plays: its figure, or each panel's of a race.
function figures(frame) {
  return racing(frame) ? frame.panels.map((p) => p.figure) : frame.figure ? [frame.figure] : [];
}

// Where figure ``i`` of a frame is drawn (``race``: a race's panel i): the plot's div, uirevision key and height.
function drawnAt(root, race, i) {
  if (race) return [root.panels.children[i].fig, `${root.key}.panel${i}`, root.panelHeight];
  return [root.fig, root.key, root.height];
}

// Between two real frames of a playing run, the figure (or each panel's of a race) is drawn at up to
// TWEEN_FPS with its numbers (x, y, z arrays of the same length) interpolated linearly from the last real
// frame to the new one, over the time frames take to come; the new real frame is drawn whole at the end
// (or when the next one comes first). A browser that takes more than TWEEN_MAX_MS to draw a frame skips the
// tweens.
const TWEEN_FPS = 30, TWEEN_MAX_MS = 25;

function lerpArray(a, b, t) {
  const from = numbers(a), to = numbers(b);  // typed-array JSON ({dtype, bdata}) decoded
  if (ArrayBuffer.isView(to)) {
    if (!ArrayBuffer.isView(from) || from.length !== to.length) return b;
    const out = new Float32Array(to.length), shape = b.shape && String(b.shape).split(",").map(Number);
    for (let i = 0; i < to.length; i++) out[i] = from[i] + (to[i] - from[i]) * t;
    return shape && shape.length === 2 ? Array.from({ length: shape[0] }, (_, r) => out.subarray(r * shape[1], (r + 1) * shape[1])) : out;
  }
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return b;
  return b.map((v, i) => {
    const u = a[i];
    if (Array.isArray(v)) return lerpArray(u, v, t);
    return typeof v === "number" && typeof u === "number" ? u + (v - u) * t : v;
  });
}

// A trace's part in its figure, the same from frame to frame: a tween moves each trace from the last frame's trace
// of the same part (in order among equals), not the one at the same index (G's cells are one trace per shade,
// and a shade without cells has none, so the traces after them shift).
function part(trace) {
  return [trace.type, trace.name, trace.legendgroup, trace.fillcolor, trace.xaxis, trace.yaxis].join("\u0001");
}

function lerpFigure(from, to, t) {
  const last = new Map();
  for (const trace of from.data) last.set(part(trace), [...(last.get(part(trace)) ?? []), trace]);
  const data = to.data.map((trace) => {
    const before = last.get(part(trace))?.shift();
    if (!before) return trace;
    const out = { ...trace };
    for (const axis of ["x", "y", "z"]) if (axis in trace) out[axis] = lerpArray(before[axis], trace[axis], t);
    return out;
  });
  return { data, layout: to.layout, config: to.config };
}

// A drawing of the figure (or the panels) done: root.frames, root.tweens and root.drawMs count them all (read by
// tools/measure_page.py and the browser tests); root.recentMs, the last ten or so drawings' average, decides
// whether tweens are drawn (the average since the page opened held them off for many seconds after plotly.js's
// first drawings, hundreds of ms each on a busy machine).
function counted(root, ms, tween = false) {
  root.frames = (root.frames ?? 0) + 1;
  if (tween) root.tweens = (root.tweens ?? 0) + 1;
  root.drawMs = (root.drawMs ?? 0) + ms;
  root.recentMs = root.recentMs === undefined ? ms : 0.9 * root.recentMs + 0.1 * ms;
  starving(root);
}

function arrive(root, frame) {
  const now = performance.now();
  // The time frames take to come: the gaps' recent average (the stream delivers some in twos, a few ms apart)
  const gap = root.arrivedAt ? Math.min(now - root.arrivedAt, 400) : 0;
  root.gapMs = root.gapMs ? 0.7 * root.gapMs + 0.3 * gap : gap;
  root.arrivedAt = now;
  const drawMs = root.recentMs ?? 0;
  const previous = root.real;
  root.real = frame;
  setNotes(root, frame.notes);  // the live settings say at once what the run trains with (tweens or not)
  const from = previous ? figures(previous) : [], to = figures(frame);
  if (previous && frame.status.state === "playing" && previous.status.state === "playing" &&
      root.gapMs > 1000 / TWEEN_FPS && drawMs < TWEEN_MAX_MS && !root.starved && !quiet(root) && racing(previous) === racing(frame) &&
      to.length > 0 && from.length === to.length) {
    // From this animation frame's time, as animate's steps read theirs (performance.now() is later by the
    // frame's parsing and drawing, which put the first tween a frame later, often after the next real frame).
    const at = document.timeline?.currentTime ?? now;
    root.tween = { from, to: frame, start: at, duration: root.gapMs, drawnAt: at };
  } else {
    root.tween = null;
    show(root, frame);
  }
  if (frame.status.stopped && !root.following) {  // a follower's stream goes on after the teacher pauses
    root.tween = null;
    show(root, frame);
    closeStream(root);
    root.trigger("stopped", root.pendingId ?? String(Date.now()));
  }
  if (root.tween) animate(root);
}

function animate(root) {
  if (root.animating) return;
  root.animating = true;
  const step = (now) => {
    const tween = root.tween;
    if (!tween) { root.animating = false; return; }
    const t = (now - tween.start) / tween.duration;
    if (t >= 1) {
      root.tween = null;
      root.animating = false;
      show(root, tween.to);
      return;
    }
    if (now - tween.drawnAt >= 1000 / TWEEN_FPS - 2 && held(root) <= 0 && !quiet(root)) {
      tween.drawnAt = now;
      const began = performance.now();
      const race = racing(tween.to);
      figures(tween.to).forEach((figure, i) => {
        const [div, key, height] = drawnAt(root, race, i);
        plot(root.Plotly, div, lerpFigure(tween.from[i], figure, t), key, height, true);
      });
      counted(root, performance.now() - began, true);
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

// A click or a key on the page's controls runs the page, whose answer the browser must take in and draw:
// for up to INPUT_HOLD_MS after one, streamed frames wait (the newest is kept), so the browser's time goes to
// that answer; the page's new frame ends the wait. The switches and live settings (``ganviz.ui.retune``) run
// only their fragment: their answer is the next streamed frame, which must not wait; for QUIET_MS after one
// the view draws no tweens (real frames at once), so the browser's time goes to the input and that frame.
const INPUT_HOLD_MS = 600, QUIET_MS = 500;
const CONTROLS = "button, input, label, select, textarea, [role=slider], [role=checkbox], [role=switch], [role=option]";
const STREAMED_CONTROLS = "[class*='-switches'], [class*='-live-settings']";
const LOCAL_CONTROLS = "[data-testid='stPopoverButton']";  // a menu that opens in the browser: nothing to wait for

function holdForInput(root) {
  const hold = (event) => {
    const target = event.target;
    if (!root.isConnected || !target?.closest || root.contains(target) || !target.closest(CONTROLS) ||
        target.closest(LOCAL_CONTROLS)) return;
    if (target.closest(STREAMED_CONTROLS)) root.quietUntil = performance.now() + QUIET_MS;
    else root.holdUntil = performance.now() + INPUT_HOLD_MS;
  };
  document.addEventListener("pointerdown", hold, { capture: true });
  document.addEventListener("keydown", hold, { capture: true });
}

function held(root) {
  return (root.holdUntil ?? 0) - performance.now();
}

function quiet(root) {
  return performance.now() < (root.quietUntil ?? 0);
}

function schedule(root) {
  if (root.raf || root.holdTimer) return;
  const wait = held(root);
  if (wait > 0) {
    root.holdTimer = setTimeout(() => { root.holdTimer = 0; schedule(root); }, wait);
    return;
  }
  root.raf = requestAnimationFrame(() => {
    root.raf = 0;
    const text = root.pending;
    root.pending = null;
    if (!text || !root.Plotly) return;
    // How long the newest frame waited for its drawing (the recent average; a hold for a click not counted).
    if (root.pendingAt) {
      const lag = Math.max(0, performance.now() - Math.max(root.pendingAt, root.holdUntil ?? 0));
      root.lagMs = root.lagMs === undefined ? lag : 0.8 * root.lagMs + 0.2 * lag;
      root.pendingAt = 0;
    }
    const frame = JSON.parse(text);
    if (frame.failed) {  // the run's worker failed: the page runs and says so
      closeStream(root);
      root.trigger("stopped", String(Date.now()));
      return;
    }
    if (!frame.status) return;  // the channel's closing frame
    if (root.tween) show(root, root.tween.to);  // a real frame arrived before the last tween ended
    arrive(root, frame);
  });
}

// Read the run's stream. Each stream ends after a few seconds with "renew" (so the server can always shut down
// gracefully) and the next one starts at once after the last frame this one sent. A view that left the page (the
// tab opened another page of the app) stops reading, so the server's worker sees no viewer and stops.
function follow(root, url, after) {
  const es = new EventSource(after ? `${url}?after=${after}` : url);
  root.es = es;
  es.onmessage = (event) => {
    if (root.es !== es) return;
    if (!root.isConnected) { left(root); return; }
    if (!root.pending) root.pendingAt = performance.now();  // (a re-fit's redraw of the last frame is not timed)
    root.pending = event.data;
    root.last = event.data;
    root.pendingId = event.lastEventId;
    schedule(root);
  };
  es.addEventListener("renew", (event) => {
    es.close();
    if (root.es === es && !root.isConnected) left(root);
    else if (root.es === es) follow(root, url, Number(event.data) || 0);
  });
  es.addEventListener("closed", () => {  // the run's session ended; a follower's page then says why
    es.close();
    if (root.following && root.es === es) root.trigger("stopped", String(Date.now()));
  });
  // Back after a lost connection (a sleeping laptop, Wi-Fi): the run's worker may have stopped for want
  // of a viewer, so the page runs once, which starts it again if the run still plays.
  // A stream refused for good (the server restarted: the run's token is unknown there) asks the page to run,
  // every 2 s until it has: the page then says what happened and starts afresh.
  es.onerror = () => {
    es.lost = true;
    if (es.readyState !== EventSource.CLOSED || root.es !== es) return;
    const drawn = root.drawn;
    const ask = () => {
      if (root.es !== es || root.drawn !== drawn || !root.isConnected) return;
      root.trigger("stopped", String(Date.now()));
      setTimeout(ask, 2000);
    };
    setTimeout(ask, 500);
  };
  es.onopen = () => {
    if (es.lost && root.es === es) { es.lost = false; root.trigger("stopped", String(Date.now())); }
  };
}

function closeStream(root) {
  if (root.es) root.es.close();
  root.es = null;
  root.pending = null;
}

function left(root) {  // the view is no longer in the page: stop reading; a view put back opens its stream anew
  closeStream(root);
  root.streamUrl = null;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector(":scope > .gz-live");
  if (!root) {
    root = document.createElement("div");
    root.className = "gz-live";
    parentElement.appendChild(root);
    build(root);
    holdForInput(root);
    watchBelow(root);
    window.addEventListener("resize", () => {
      root.height = null; root.panelHeight = null; root.refit = true;
      if (root.last) { root.pending = root.last; schedule(root); }
    });
  }
  root.key = data.key;
  root.trigger = setTriggerValue;
  root.following = !!data.follow;
  root.keepHistory = !data.projector;  // the projector shows no history; elsewhere a frame without one keeps it
  root.classList.toggle("gz-projector", !!data.projector);
  loadPlotly(data.src).then((Plotly) => {
    root.Plotly = Plotly;
    if (data.frame !== root.drawn) {
      root.drawn = data.frame;
      root.pageFrames = (root.pageFrames ?? 0) + 1;  // the page's own runs (read by the browser tests)
      root.holdUntil = 0;  // the page's answer is here; a streamed frame held meanwhile is older than it
      root.refit = true;  // and the page above the view may have changed
      root.pending = null;
      root.last = data.frame;
      root.tween = null;
      root.real = JSON.parse(data.frame);
      root.arrivedAt = performance.now();
      show(root, root.real);
      // The page may still be laying out above the view (its first run): fit the figure's height again once
      // it has settled, by drawing the newest frame again.
      const refit = () => {
        root.refit = true;  // (a streamed frame, if one comes first, re-fits)
        if (root.last && !root.es) { root.pending = root.last; schedule(root); }
      };
      for (const ms of [400, 1500]) setTimeout(refit, ms);
      document.fonts?.ready.then(refit);  // a web font that arrives later changes the heights above
    }
    if (data.stream !== root.streamUrl) {
      closeStream(root);
      root.streamUrl = data.stream;
      if (data.stream) follow(root, data.stream, 0);
    }
  }).catch((err) => { root.fig.textContent = String(err); });
}
"""

_view = st.components.v2.component("ganviz.live_view", js=_JS, css=_CSS, isolate_styles=False)


def streaming() -> bool:
    """Whether this server streams live frames: ganviz's routes are mounted (``streamlit run app.py``)."""
    return served["live"]


def stream_url(token: str) -> str:
    return f"{base_path()}{LIVE_PATH}/{token}"


def live_view(key: str, frame: bytes, stream: str | None, src: str, projector: bool, follow: bool = False) -> None:
    """Draw ``frame`` (``frame_json``'s bytes) in the page's live view; follow ``stream`` while the run plays.

    Off the projector a frame without a history chart keeps the last one (frames build it only now and then).
    ``follow``: a follower's view (``ganviz.ui.follow``): the stream stays open when the run stops, and its
    closing (the broadcast ended) makes the page run.
    """
    _view(key=f"{key}.live", data={"key": key, "frame": frame.decode(), "stream": stream, "src": src,
                                   "projector": projector, "follow": follow},
          on_stopped_change=lambda: None)
