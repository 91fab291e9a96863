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

``pointsOnCanvas(div, data)`` returns the traces for ``Plotly.react`` and keeps
the clouds on the ``div``; ``cloudsAfterReact(div)``, called after the react,
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

function pointsOnCanvas(div, data) {
  const clouds = [];
  const shown = data.map((trace, index) => {
    if (!isCloud(trace)) return trace;
    clouds.push({ ...trace, index });
    const { x, y, type, ...rest } = trace;
    return { ...rest, type: "scatter", x: [null], y: [null], hoverinfo: "skip" };
  });
  div.gzClouds = clouds;
  return clouds.length ? shown : data;
}

// After Plotly.react: from the first drawing on, every plotly.js drawing of the div redraws the clouds.
function cloudsAfterReact(div) {
  if (div.gzAfterPlot || !div.on || !(div.gzClouds ?? []).length) return;
  div.gzAfterPlot = true;
  div.on("plotly_afterplot", () => drawClouds(div));
  drawClouds(div);
}

function drawClouds(div) {
  const full = div._fullLayout, clouds = div.gzClouds ?? [];
  const box = div.querySelector(".svg-container");
  if (!full || !box) return;
  let canvas = div.gzCanvas;
  if (!clouds.length) { if (canvas) canvas.style.display = "none"; return; }
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
    const xs = numbers(trace.x), ys = numbers(trace.y), m = trace.marker;
    if (!xs || !ys) continue;
    const sprite = markerSprite(m, ratio), half = sprite.width / 2;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.beginPath(); ctx.rect(xa._offset, ya._offset, xa._length, ya._length); ctx.clip();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = m.opacity ?? 1;
    for (let i = 0, n = Math.min(xs.length, ys.length); i < n; i++) {
      const px = xa.c2p(xs[i]), py = ya.c2p(ys[i]);
      if (!Number.isFinite(px) || !Number.isFinite(py) || xs[i] === null || ys[i] === null) continue;
      ctx.drawImage(sprite, Math.round((xa._offset + px) * ratio - half), Math.round((ya._offset + py) * ratio - half));
    }
    ctx.restore();
  }
}

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
