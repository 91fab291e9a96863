"""The live view's point clouds on a 2D canvas: ``POINTS_LAYER_JS``, JavaScript for ``ganviz.ui.live_view``.

The 2D figure's samples are ``scattergl`` traces (WebGL: thousands of SVG
markers cost plotly.js far more). In a browser without a GPU (software WebGL,
as in headless Chromium with ``--disable-gpu``, or a PC without GPU drawing)
every WebGL drawing is read back pixel by pixel to be composited, the largest
part of a 2D frame's cost to the browser (docs/performance.md). The live view
therefore draws such traces itself, on one ``<canvas>`` laid over the plot
where plotly.js puts its WebGL canvas (over the SVG traces, under the hover
labels): the same circles, colours, opacity and white rim, in the trace's
order, clipped to its subplot. plotly.js keeps an SVG stand-in of each trace
with no points (its legend entry, the same marker; a click on it hides the
cloud, as before). Only plain marker clouds move there (one colour, size and
opacity per trace, circles); anything else stays WebGL. Hovering a point shows
no label (the clouds are redrawn many times a second while a run plays).

A playing run's lines may go there too (``pointsOnCanvas(div, data, true, layout)``, on axes with fixed ranges):
Figure 1's curves, the arrows z -> G(z) and the trails are redrawn many times a
second, and plotly.js spends ~30 ms re-laying out its SVG for each drawing
while a canvas draws them in about one. Plain line traces (one colour and
width, plotly's dash patterns, gaps at nulls; the arrows' heads) move there,
each with an empty SVG stand-in for its legend entry, so the frame's SVG stays
the same from frame to frame and plotly.js need not redraw it at all. A paused
run's figure keeps its SVG lines (and their hover labels).

``pointsOnCanvas(div, data, lines, layout)`` returns the traces for ``Plotly.react`` and keeps
the clouds (and lines) on the ``div``; ``cloudsAfterReact(div)``, called after the react,
has the canvas redrawn after every plotly.js drawing of the ``div``
(``plotly_afterplot``: new frames, tweens, resizes). ``numbers(v)``
reads a data array: a list, a typed array, or plotly's typed-array JSON
(``{dtype, bdata, shape}``, see ``ganviz.views.plot.typed``).
"""

POINTS_LAYER_JS = """
const TYPED = { f4: Float32Array, f8: Float64Array, i4: Int32Array, u1: Uint8Array, i1: Int8Array,
                u2: Uint16Array, i2: Int16Array, u4: Uint32Array };

// A data array as numbers: lists and typed arrays as they are, plotly's {dtype, bdata} decoded once (cached on it).
function numbers(v) {
  if (!v || Array.isArray(v) || ArrayBuffer.isView(v) || !TYPED[v.dtype] || typeof v.bdata !== "string") return v;
  if (!v.decoded) {
    const text = atob(v.bdata), bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    Object.defineProperty(v, "decoded", { value: new TYPED[v.dtype](bytes.buffer), enumerable: false });
  }
  return v.decoded;
}

function isCloud(trace) {
  const m = trace.marker ?? {};
  return trace.type === "scattergl" && trace.mode === "markers" && trace.visible !== false &&
    trace.visible !== "legendonly" && typeof m.color === "string" && typeof m.size === "number" &&
    (m.opacity === undefined || typeof m.opacity === "number") && (m.symbol ?? "circle") === "circle" &&
    (m.line === undefined || (typeof m.line.color === "string" && typeof m.line.width === "number"));
}

// A line trace the canvas draws as plotly.js would: lines (with gaps at nulls), or the arrows' lines with an
// arrow head at each point that has a marker size.
function isLine(trace) {
  const l = trace.line ?? {}, m = trace.marker ?? {};
  const arrows = trace.mode === "lines+markers" && m.symbol === "arrow" && m.angleref === "previous";
  return trace.type === "scatter" && (trace.mode === "lines" || arrows) && trace.visible !== false &&
    trace.visible !== "legendonly" && !trace.fill && typeof l.color === "string" &&
    (l.width === undefined || typeof l.width === "number") && (l.shape ?? "linear") === "linear";
}

// A trace's axes have fixed ranges in ``layout`` (a line off plotly.js's SVG no longer counts in its autorange).
function fixedAxes(trace, layout) {
  const axis = (name, letter) => layout?.[(name ?? letter).replace(letter, `${letter}axis`)];
  return [axis(trace.xaxis, "x"), axis(trace.yaxis, "y")].every((a) => a && Array.isArray(a.range) && a.autorange !== true);
}

// A live figure's plain text notes placed in data coordinates (no arrow, no HTML; e.g. where p_g peaks over the
// top) go on the canvas with its lines: they move with the curves, and plotly.js would recompute the whole
// figure for each move. Returns the layout plotly.js draws.
function notesOnCanvas(div, layout, live) {
  const notes = [], kept = [];
  for (const note of layout.annotations ?? []) {
    const axes = { xaxis: note.xref ?? "x", yaxis: note.yref ?? "y" };
    const onCanvas = live && note.showarrow === false && typeof note.text === "string" && !/[<&]/.test(note.text) &&
      /^x[0-9]*$/.test(axes.xaxis) && /^y[0-9]*$/.test(axes.yaxis) && fixedAxes(axes, layout) && !note.textangle;
    (onCanvas ? notes : kept).push(note);
  }
  div.gzNotes = notes;
  return notes.length ? { ...layout, annotations: kept } : layout;
}

function drawNotes(ctx, div, full, ratio) {
  for (const note of div.gzNotes ?? []) {
    const xa = full[(note.xref ?? "x").replace("x", "xaxis")], ya = full[(note.yref ?? "y").replace("y", "yaxis")];
    if (!xa || !ya) continue;
    const font = note.font ?? {}, size = font.size ?? full.font?.size ?? 12;
    const x = xa._offset + xa.c2p(note.x) + (note.xshift ?? 0), y = ya._offset + ya.c2p(note.y) - (note.yshift ?? 0);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = `${size}px ${font.family ?? full.font?.family ?? "sans-serif"}`;
    const width = ctx.measureText(note.text).width, pad = 1 + (note.borderpad ?? 1);
    const anchor = note.xanchor ?? "center";
    const left = anchor === "left" ? x : anchor === "right" ? x - width : x - width / 2;
    if (note.bgcolor) {
      ctx.fillStyle = note.bgcolor;
      ctx.fillRect(left - pad, y - size * 0.65 - pad, width + 2 * pad, size * 1.3 + 2 * pad);
    }
    ctx.fillStyle = font.color ?? "#444";
    ctx.textBaseline = "middle";
    ctx.fillText(note.text, left, y);
    ctx.restore();
  }
}

// A filled outline (G's manifold cells): one fill colour, its polygons separated by nulls.
function isFill(trace) {
  const l = trace.line ?? {};
  return trace.type === "scatter" && trace.fill === "toself" && trace.visible !== false &&
    trace.visible !== "legendonly" && typeof trace.fillcolor === "string" &&
    (!l.width || typeof l.color === "string");
}

// A heatmap of plain cells (no smoothing, one opacity, an explicit colour scale and range): an image.
function isHeat(trace) {
  const scale = trace.colorscale;
  return trace.type === "heatmap" && trace.visible !== false && !trace.zsmooth && Array.isArray(scale) &&
    scale.every((s) => Array.isArray(s) && typeof s[1] === "string" && s[1].startsWith("rgb(")) && typeof trace.zmin === "number" &&
    typeof trace.zmax === "number" && Array.isArray(trace.x) && Array.isArray(trace.y) && trace.x.length > 1 &&
    trace.y.length > 1 && (trace.opacity === undefined || typeof trace.opacity === "number");
}

function pointsOnCanvas(div, data, lines = false, layout = null) {
  const clouds = [];
  const kinds = data.map((trace) => {
    if (isCloud(trace)) return "cloud";
    if (!lines || !fixedAxes(trace, layout)) return null;
    return isLine(trace) ? "line" : isFill(trace) ? "fill" : isHeat(trace) ? "heat" : null;
  });
  // A heatmap goes on the canvas only if nothing it lies under stays in the SVG (the canvas is above the SVG).
  const svgLeft = data.some((trace, i) => !kinds[i] && trace.type !== "heatmap" && trace.visible !== false);
  const shown = data.map((trace, index) => {
    const kind = kinds[index] === "heat" && svgLeft ? null : kinds[index];
    if (!kind) return trace;
    clouds.push({ ...trace, index, gzKind: kind });
    if (kind === "heat") {  // the colour bar stays: a stand-in of one cell, far off the plot
      const { x, y, z, hovertemplate, ...rest } = trace;
      return { ...rest, x: [1e12], y: [1e12], z: [[trace.zmin]], hoverinfo: "skip" };
    }
    const { x, y, type, marker, ...rest } = trace;
    return { ...rest, ...(kind === "cloud" ? { marker } : {}), type: "scatter",
             mode: kind === "cloud" ? trace.mode : "lines", x: [null], y: [null], hoverinfo: "skip" };
  });
  div.gzClouds = clouds;
  return withoutWebGL(clouds.length ? shown : data);  // any other scattergl as SVG (live_chart.py)
}

// After Plotly.react: from the first drawing on, every plotly.js drawing of the div redraws the clouds.
function cloudsAfterReact(div) {
  if (div.gzAfterPlot || !div.on || !((div.gzClouds ?? []).length + (div.gzNotes ?? []).length)) return;
  div.gzAfterPlot = true;
  div.on("plotly_afterplot", () => drawClouds(div));
  drawClouds(div);
}

function drawClouds(div) {
  const full = div._fullLayout, clouds = div.gzClouds ?? [];
  const box = div.querySelector(".svg-container");
  if (!full || !box) return;
  let canvas = div.gzCanvas;
  if (!clouds.length && !(div.gzNotes ?? []).length) { if (canvas) canvas.style.display = "none"; return; }
  if (!canvas || canvas.parentNode !== box) {
    canvas = document.createElement("canvas");
    canvas.className = "gz-points";
    canvas.style.cssText = "position:absolute;left:0;top:0;pointer-events:none;";
    const paper = box.querySelector(":scope > svg.main-svg");  // the traces' SVG: the canvas goes right above it
    box.insertBefore(canvas, paper ? paper.nextSibling : box.firstChild);
    div.gzCanvas = canvas;
  }
  canvas.style.display = "";
  const ratio = window.devicePixelRatio || 1, width = full.width, height = full.height;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio); canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`; canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  for (const trace of clouds) {
    // A cloud hidden from its legend entry (a click there makes its stand-in "legendonly") is not drawn.
    const stand = (div._fullData ?? []).find((full) => full.index === trace.index);
    if (stand && stand.visible !== true) continue;
    const xa = full[(trace.xaxis ?? "x").replace("x", "xaxis")], ya = full[(trace.yaxis ?? "y").replace("y", "yaxis")];
    if (!xa || !ya || !xa._length || !ya._length) continue;
    const xs = numbers(trace.x), ys = numbers(trace.y);
    if (!xs || !ys) continue;
    // Each kind draws in CSS pixels (the canvas scaled by the device's pixel ratio), clipped to its subplot.
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.beginPath(); ctx.rect(xa._offset, ya._offset, xa._length, ya._length); ctx.clip();
    DRAW[trace.gzKind](ctx, trace, xs, ys, xa, ya, ratio);
    ctx.restore();
  }
  drawNotes(ctx, div, full, ratio);
}

function drawPoints(ctx, trace, xs, ys, xa, ya, ratio) {
  const m = trace.marker, sprite = markerSprite(m, ratio), half = sprite.width / 2;
  ctx.setTransform(1, 0, 0, 1, 0, 0);  // the sprites are stamped in device pixels
  ctx.globalAlpha = m.opacity ?? 1;
  for (let i = 0, n = Math.min(xs.length, ys.length); i < n; i++) {
    const px = xa.c2p(xs[i]), py = ya.c2p(ys[i]);
    if (!Number.isFinite(px) || !Number.isFinite(py) || xs[i] === null || ys[i] === null) continue;
    ctx.drawImage(sprite, Math.round((xa._offset + px) * ratio - half), Math.round((ya._offset + py) * ratio - half));
  }
}

// plotly.js's dash patterns (its Drawing.dashStyle), in units of the line's width (at least 3 px).
const DASHES = { dot: [1, 1], dash: [3, 3], longdash: [5, 5], dashdot: [3, 1, 1, 1], longdashdot: [5, 2, 1, 2] };

function drawLine(ctx, trace, xs, ys, xa, ya) {
  const style = trace.line, width = style.width ?? 2, unit = Math.max(width, 3);
  ctx.translate(xa._offset, ya._offset);
  ctx.strokeStyle = ctx.fillStyle = style.color;
  ctx.lineWidth = width;
  ctx.lineJoin = "round";
  const dash = DASHES[style.dash] ?? (typeof style.dash === "string" && style.dash.includes("px")
    ? style.dash.split(",").map((v) => parseFloat(v) / unit) : []);
  ctx.setLineDash(dash.map((v) => v * unit));
  const n = Math.min(xs.length, ys.length);
  const at = (i) => (xs[i] === null || ys[i] === null || xs[i] === undefined || ys[i] === undefined) ? null
    : [xa.c2p(xs[i]), ya.c2p(ys[i])];
  ctx.beginPath();
  let open = false;
  for (let i = 0; i < n; i++) {
    const p = at(i);
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) { open = false; continue; }
    if (open) ctx.lineTo(p[0], p[1]); else ctx.moveTo(p[0], p[1]);
    open = true;
  }
  ctx.stroke();
  const sizes = trace.marker?.size;
  if (trace.mode === "lines+markers" && sizes !== undefined) {  // arrow heads, pointing away from the point before
    ctx.setLineDash([]);
    ctx.fillStyle = trace.marker.color ?? style.color;
    for (let i = 1; i < n; i++) {
      const size = Array.isArray(sizes) ? sizes[i] : sizes, p = at(i), q = at(i - 1);
      if (!size || !p || !q) continue;
      const angle = Math.atan2(p[1] - q[1], p[0] - q[0]), r = size / 2;
      ctx.beginPath();
      ctx.moveTo(p[0] + r * Math.cos(angle), p[1] + r * Math.sin(angle));
      ctx.lineTo(p[0] + r * Math.cos(angle + 2.5), p[1] + r * Math.sin(angle + 2.5));
      ctx.lineTo(p[0] + r * Math.cos(angle - 2.5), p[1] + r * Math.sin(angle - 2.5));
      ctx.closePath(); ctx.fill();
    }
  }
}

function drawFill(ctx, trace, xs, ys, xa, ya) {
  ctx.translate(xa._offset, ya._offset);
  ctx.beginPath();
  let open = false;
  for (let i = 0, n = Math.min(xs.length, ys.length); i < n; i++) {
    if (xs[i] === null || ys[i] === null) { if (open) ctx.closePath(); open = false; continue; }
    const px = xa.c2p(xs[i]), py = ya.c2p(ys[i]);
    if (open) ctx.lineTo(px, py); else ctx.moveTo(px, py);
    open = true;
  }
  if (open) ctx.closePath();
  ctx.fillStyle = trace.fillcolor;
  ctx.fill();
  if (trace.line?.width) { ctx.lineWidth = trace.line.width; ctx.strokeStyle = trace.line.color; ctx.stroke(); }
}

// The heatmap's cells as one image: each cell the colour scale's colour at its value (linear between the
// scale's stops, as plotly.js does), drawn unsmoothed over the cells' extent, at the trace's opacity.
const colourTables = new Map();
function colourTable(scale) {
  const key = JSON.stringify(scale);
  let table = colourTables.get(key);
  if (!table) {
    const stops = scale.map(([v, c]) => [v, c.match(/[0-9.]+/g).slice(0, 3).map(Number)]);
    table = new Uint8ClampedArray(256 * 3);
    for (let i = 0; i < 256; i++) {
      const v = i / 255;
      let k = 1;
      while (k < stops.length - 1 && stops[k][0] < v) k++;
      const [v0, c0] = stops[k - 1], [v1, c1] = stops[k], f = v1 > v0 ? Math.min(1, Math.max(0, (v - v0) / (v1 - v0))) : 0;
      for (let j = 0; j < 3; j++) table[3 * i + j] = Math.round(c0[j] + (c1[j] - c0[j]) * f);
    }
    if (colourTables.size > 16) colourTables.clear();
    colourTables.set(key, table);
  }
  return table;
}

// A heatmap's z as one array, row after row: typed (decoded), or rows that are lists or typed arrays (a tween's
// rows are typed arrays, which Array.prototype.flat does not flatten).
function cells(z) {
  if (ArrayBuffer.isView(z)) return z;
  const out = new Float32Array(z.reduce((n, row) => n + row.length, 0));
  let at = 0;
  for (const row of z) { out.set(row, at); at += row.length; }
  return out;
}

let heatTile = null;
function drawHeat(ctx, trace, xs, ys, xa, ya) {
  const nx = xs.length, ny = ys.length, z = cells(numbers(trace.z));
  if (z.length !== nx * ny) return;
  const table = colourTable(trace.colorscale), lo = trace.zmin, span = (trace.zmax - trace.zmin) || 1;
  const image = new ImageData(nx, ny);
  for (let r = 0; r < ny; r++) {
    const row = ny - 1 - r;  // the image's top row is the largest y
    for (let c = 0; c < nx; c++) {
      const v = z[row * nx + c], at = 4 * (r * nx + c);
      if (!Number.isFinite(v)) continue;
      const i = 3 * Math.round(255 * Math.min(1, Math.max(0, (v - lo) / span)));
      image.data[at] = table[i]; image.data[at + 1] = table[i + 1]; image.data[at + 2] = table[i + 2];
      image.data[at + 3] = 255;
    }
  }
  heatTile ??= document.createElement("canvas");  // one scratch canvas for every heatmap's image
  const tile = heatTile;
  if (tile.width !== nx || tile.height !== ny) { tile.width = nx; tile.height = ny; }
  tile.getContext("2d").putImageData(image, 0, 0);
  const dx = (xs[nx - 1] - xs[0]) / (nx - 1), dy = (ys[ny - 1] - ys[0]) / (ny - 1);
  const left = xa.c2p(xs[0] - dx / 2), right = xa.c2p(xs[nx - 1] + dx / 2);
  const top = ya.c2p(ys[ny - 1] + dy / 2), bottom = ya.c2p(ys[0] - dy / 2);
  ctx.imageSmoothingEnabled = false;
  ctx.globalAlpha = trace.opacity ?? 1;
  ctx.drawImage(tile, xa._offset + left, ya._offset + top, right - left, bottom - top);
}

const DRAW = { cloud: drawPoints, line: drawLine, fill: drawFill, heat: drawHeat };

// One marker drawn once (the circle of diameter marker.size, its rim marker.line), stamped at every point.
const sprites = new Map();
function markerSprite(m, ratio) {
  const rim = m.line?.width ?? 0, key = [m.color, m.size, rim, m.line?.color, ratio].join("|");
  let sprite = sprites.get(key);
  if (!sprite) {
    const side = Math.ceil((m.size + 2 * rim) * ratio) + 2;
    sprite = document.createElement("canvas");
    sprite.width = sprite.height = side;
    const ctx = sprite.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.beginPath();
    ctx.arc(side / ratio / 2, side / ratio / 2, (m.size + rim) / 2, 0, 2 * Math.PI);  // the rim outside, as WebGL draws it
    ctx.fillStyle = m.color; ctx.fill();
    if (rim > 0) { ctx.lineWidth = rim; ctx.strokeStyle = m.line.color; ctx.stroke(); }
    if (sprites.size > 64) sprites.clear();
    sprites.set(key, sprite);
  }
  return sprite;
}
"""
