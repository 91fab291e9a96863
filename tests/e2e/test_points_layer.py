"""The live view's point clouds on a canvas (ganviz/ui/points_layer.py), in a real headless Chromium.

A blank page with plotly.js and the layer's JavaScript draws a 2D frame of a short real run the way the live
view does (``pointsOnCanvas`` -> ``Plotly.react`` -> ``cloudsAfterReact``): the typed arrays decode to the
numbers Python sent, the samples leave WebGL for stand-ins that keep their legend entries, and the canvas has
each cloud's colour exactly where its last point lies and nothing outside the plot area.
"""

import json

import numpy as np
import pytest

from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer
from ganviz.frames.snapshot2d import take_snapshot_2d
from ganviz.i18n import t
from ganviz.ui.live_chart import PLOTLY_LOADER_JS
from ganviz.ui.points_layer import POINTS_LAYER_JS
from ganviz.ui.server import PLOTLY_JS
from ganviz.views import palette
from ganviz.views.figure2d import figure2d
from ganviz.views.plot import typed
from ganviz.views.wire import figure_json


@pytest.fixture
def blank(chromium):
    context = chromium.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.set_content('<div id="fig" style="width:800px"></div>')
    page.add_script_tag(path=str(PLOTLY_JS))
    page.add_script_tag(content=PLOTLY_LOADER_JS + POINTS_LAYER_JS)  # as the live view has them
    try:
        yield page
    finally:
        context.close()


def test_typed_arrays_decode_to_the_numbers_sent(blank):
    a = np.random.default_rng(0).normal(size=(3, 5)) * 1e3
    a[1, 2] = np.nan  # a gap stays a gap
    back = blank.evaluate("(spec) => Array.from(numbers(spec), (v) => Number.isNaN(v) ? 'nan' : v)", typed(a))
    expected = a.astype(np.float32).ravel()
    assert back[7] == "nan" and len(back) == a.size
    assert [v for i, v in enumerate(back) if i != 7] == [float(v) for i, v in enumerate(expected) if i != 7]
    assert blank.evaluate("() => numbers([1, null, 2])") == [1, None, 2]  # lists pass through


def test_the_clouds_are_drawn_on_the_canvas_and_keep_their_legend(blank):
    trainer = Trainer(TrainConfig(device="cpu", dist="ring8", z_dim=2))
    trainer.train(30)
    figure = figure2d(take_snapshot_2d(trainer))
    drawn = blank.evaluate("""(text) => {
      const fig = JSON.parse(text), div = document.getElementById('fig');
      Plotly.react(div, pointsOnCanvas(div, fig.data), {...fig.layout, height: 600});
      cloudsAfterReact(div);
      const L = div._fullLayout, xa = L.xaxis, ya = L.yaxis, canvas = div.querySelector('canvas.gz-points');
      const ctx = canvas.getContext('2d');
      const pixel = (x, y) => Array.from(ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data);
      const lastPoint = (trace) => {
        const xs = numbers(trace.x), ys = numbers(trace.y), i = xs.length - 1;
        return pixel(xa._offset + xa.c2p(xs[i]), ya._offset + ya.c2p(ys[i]));
      };
      const full = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let outside = 0;
      for (let y = 0; y < canvas.height; y++) for (let x = 0; x < canvas.width; x++) {
        const inPlot = x >= xa._offset - 1 && x <= xa._offset + xa._length + 1 &&
                       y >= ya._offset - 1 && y <= ya._offset + ya._length + 1;
        if (!inPlot && full[4 * (y * canvas.width + x) + 3] > 0) outside += 1;
      }
      return {
        types: div.data.map((t) => t.type),
        names: div.data.map((t) => t.name),
        legend: Array.from(div.querySelectorAll('.legendtext'), (e) => e.textContent),
        clouds: div.gzClouds.map((t) => [t.name, lastPoint(t)]),
        outside,
        glCanvas: div.querySelectorAll('.gl-canvas').length,
      };
    }""", figure_json(figure))
    assert "scattergl" not in drawn["types"] and drawn["glCanvas"] == 0  # no WebGL at all
    assert drawn["names"] == [trace["name"] for trace in figure["data"]]  # every trace, in its order
    names = [trace["name"] for trace in figure["data"] if trace["type"] == "scattergl"]
    assert set(names) <= set(drawn["legend"])  # the samples keep their legend entries
    colours = {trace["name"]: trace["marker"]["color"] for trace in figure["data"] if trace["type"] == "scattergl"}
    assert [name for name, _ in drawn["clouds"]] == names
    for name, rgba in drawn["clouds"]:  # each cloud's last point: its colour at its centre (drawn last, on top)
        expected = [int(colours[name][i:i + 2], 16) for i in (1, 3, 5)]
        assert max(abs(a - b) for a, b in zip(rgba[:3], expected)) <= 2, (name, rgba, colours[name])
        assert rgba[3] >= 0.75 * 255
    assert drawn["outside"] == 0, "nothing is drawn outside the plot area"


def test_other_traces_stay_as_they_are_but_webgl_is_drawn_as_svg(blank):
    data = [{"type": "scattergl", "mode": "markers", "x": [0, 1], "y": [0, 1], "marker": {"color": ["red", "blue"], "size": 4}},
            {"type": "scattergl", "mode": "lines", "x": [0, 1], "y": [0, 1]},
            {"type": "scatter", "mode": "markers", "x": [0, 1], "y": [0, 1], "marker": {"color": "red", "size": 4}}]
    kept = blank.evaluate("(data) => pointsOnCanvas(document.getElementById('fig'), data)", data)
    # ganviz's plotly.js (server.PLOTLY_JS) has no WebGL traces: the same traces, as SVG
    assert kept == [{**trace, "type": "scatter"} for trace in json.loads(json.dumps(data))]
    assert blank.evaluate("() => typeof Plotly.PlotSchema.get().traces.scattergl") == "undefined"


def test_tweens_interpolate_typed_arrays(blank):
    """The live view's tween (ganviz/ui/live_view.py) moves typed-array points and heatmaps too, not only lists."""
    from ganviz.ui.live_view import _JS

    start, end = _JS.index("function lerpArray"), _JS.index("function arrive")
    blank.add_script_tag(content=_JS[start:end])
    a, b = np.array([[0.0, 1.0], [2.0, -4.0]]), np.array([[1.0, 3.0], [2.0, 4.0]])
    middle = blank.evaluate("""([a, b, fa, fb]) => {
      const flat = lerpArray(fa, fb, 0.25), grid = lerpArray(a, b, 0.5);
      const fig = lerpFigure({data: [{type: 'heatmap', z: a}]}, {data: [{type: 'heatmap', z: b}]}, 0.5);
      return [Array.from(flat), grid.map((row) => Array.from(row)), fig.data[0].z.map((row) => Array.from(row)),
              lerpArray([0, 1], fb, 0.5) === fb];
    }""", [typed(a), typed(b), typed(a[0]), typed(b[0])])
    assert middle[0] == [0.25, 1.5]
    assert middle[1] == middle[2] == [[0.5, 2.0], [2.0, 0.0]]
    assert middle[3]  # arrays of another kind or length: the new frame's as it is


def test_a_cloud_hidden_from_the_legend_is_not_drawn(blank):
    trainer = Trainer(TrainConfig(device="cpu", dist="ring8", z_dim=2))
    figure = figure2d(take_snapshot_2d(trainer))
    real = next(i for i, trace in enumerate(figure["data"]) if trace["name"] == t("two_d.fig.real"))
    dark = blank.evaluate("""async ([text, real]) => {
      const fig = JSON.parse(text), div = document.getElementById('fig');
      Plotly.react(div, pointsOnCanvas(div, fig.data), {...fig.layout, height: 600});
      cloudsAfterReact(div);
      const count = () => {  // pixels of the real samples' near-black
        const canvas = div.querySelector('canvas.gz-points'), px = canvas.getContext('2d')
          .getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 100 && px[i] < 40 && px[i + 1] < 40 && px[i + 2] < 40) n++;
        return n;
      };
      const before = count();
      await Plotly.restyle(div, {visible: 'legendonly'}, [real]);  // what a click on its legend entry does
      return [before, count()];
    }""", [figure_json(figure), real])
    assert dark[0] > 100 and dark[1] == 0


def test_a_live_figure1_draws_its_lines_and_notes_on_the_canvas(blank):
    """A playing run's Figure 1 (``pointsOnCanvas(div, data, true, layout)`` and ``notesOnCanvas``): every curve
    leaves the SVG for a stand-in that keeps its legend entry, the canvas has p_g's green where p_g is drawn, the
    arrows' heads are on the x line, and the note over p_g's peak is on the canvas, not in the SVG."""
    from ganviz.frames.snapshot import take_snapshot
    from ganviz.views.figure1 import figure1

    trainer = Trainer(TrainConfig(device="cpu", dist="gaussian"))
    trainer.train(60)
    snap = take_snapshot(trainer)
    figure = figure1(snap, show_d_star=True)
    assert any("p_g" in note["text"] for note in figure["layout"]["annotations"]), "a run early enough to peak over the top"
    drawn = blank.evaluate("""(text) => {
      const fig = JSON.parse(text), div = document.getElementById('fig');
      const layout = notesOnCanvas(div, {...fig.layout, height: 600}, true);
      Plotly.react(div, pointsOnCanvas(div, fig.data, true, fig.layout), layout);
      cloudsAfterReact(div);
      drawClouds(div);
      const L = div._fullLayout, canvas = div.querySelector('canvas.gz-points'), ctx = canvas.getContext('2d');
      const pg = fig.data[1], xs = numbers(pg.x), ys = numbers(pg.y);
      let green = 0, tried = 0;
      for (let i = 0; i < xs.length; i += 1) {  // where p_g is drawn inside the panel, off its floor
        const y = ys[i];
        if (!(y > 0.05 * L.yaxis.range[1] && y < 0.95 * L.yaxis.range[1]) || Math.abs(ys[i + 1] - y) > 0.02) continue;
        const px = ctx.getImageData(Math.round(L.xaxis._offset + L.xaxis.c2p(xs[i])), Math.round(L.yaxis._offset + L.yaxis.c2p(y)), 1, 1).data;
        tried += 1;
        if (px[3] > 0 && px[1] > px[0] + 40 && px[1] > px[2]) green += 1;  // p_g's green (palette.P_G)
      }
      return {
        kept: div.data.map((t) => (t.x ?? []).length === 1 && t.x[0] === null),
        legend: Array.from(div.querySelectorAll('.legendtext'), (e) => e.textContent),
        svgPaths: div.querySelectorAll('.scatterlayer path.js-line').length,
        svgNotes: Array.from(div.querySelectorAll('.annotation-text'), (e) => e.textContent),
        canvasNotes: div.gzNotes.map((n) => n.text),
        green, tried,
      };
    }""", figure_json(figure))
    assert all(drawn["kept"]), "every trace of Figure 1 is a stand-in: its points are on the canvas"
    for name in (t("fig.p_data"), t("fig.p_g"), "D(x)", "D* = p_data/(p_data+p_g)"):
        assert name in drawn["legend"]
    assert any("p_g" in text for text in drawn["canvasNotes"]) and not any("p_g" in text for text in drawn["svgNotes"])
    assert drawn["tried"] >= 5 and drawn["green"] >= 0.8 * drawn["tried"], drawn


def test_lines_on_an_autoranged_axis_stay_in_the_svg(blank):
    """A line off plotly.js's SVG would no longer count in its axis's autorange: only fixed-range axes' lines move."""
    data = [{"type": "scatter", "mode": "lines", "x": [0, 1], "y": [0, 5], "line": {"color": "red", "width": 2}},
            {"type": "scatter", "mode": "lines", "x": [0, 1], "y": [0, 5], "line": {"color": "red", "width": 2},
             "xaxis": "x2", "yaxis": "y2"}]
    layout = {"xaxis": {"range": [0, 1]}, "yaxis": {"range": [0, 5]}, "xaxis2": {"anchor": "y2"}, "yaxis2": {"anchor": "x2"}}
    kept = blank.evaluate("([data, layout]) => pointsOnCanvas(document.getElementById('fig'), data, true, layout)",
                          [data, layout])
    assert kept[0]["x"] == [None] and kept[1] == data[1]
    assert blank.evaluate("([data, layout]) => pointsOnCanvas(document.getElementById('fig'), data, false, layout)",
                          [data, layout]) == data, "a paused run's figure keeps its SVG lines"


def test_a_live_2d_figure_draws_d_and_gs_cells_on_the_canvas_with_plotlys_colours(blank):
    """A playing run's 2D figure: D's heatmap leaves the SVG (its colour bar stays), G's cells and manifold too,
    and the canvas shows, in the middle of a heatmap cell, the colour plotly.js gives D's value there at the
    heatmap's opacity (nothing else is drawn over that cell in this check: manifold and samples off)."""
    trainer = Trainer(TrainConfig(device="cpu", dist="ring8", z_dim=2))
    trainer.train(30)
    snap = take_snapshot_2d(trainer)
    figure = figure2d(snap, show_manifold=False)
    figure["data"] = [trace for trace in figure["data"] if trace["type"] == "heatmap"]
    drawn = blank.evaluate("""(text) => {
      const fig = JSON.parse(text), div = document.getElementById('fig');
      Plotly.react(div, pointsOnCanvas(div, fig.data, true, fig.layout), {...fig.layout, height: 600});
      cloudsAfterReact(div);
      drawClouds(div);
      const L = div._fullLayout, xa = L.xaxis, ya = L.yaxis, heat = fig.data[0];
      const xs = heat.x, ys = heat.y, z = numbers(heat.z), nx = xs.length;
      const ctx = div.querySelector('canvas.gz-points').getContext('2d');
      const samples = [];
      for (const [r, c] of [[3, 4], [10, 20], [25, 7], [ys.length - 2, nx - 3]]) {
        const px = ctx.getImageData(Math.round(xa._offset + xa.c2p(xs[c])), Math.round(ya._offset + ya.c2p(ys[r])), 1, 1).data;
        samples.push([z[r * nx + c], Array.from(px)]);
      }
      return {samples, colourbar: div.querySelectorAll('.colorbar').length, standIn: div.data[0].x};
    }""", figure_json(figure))
    import plotly.colors

    assert drawn["colourbar"] == 1 and drawn["standIn"] == [1e12]
    heat = figure["data"][0]
    for value, (r, g, b, a) in drawn["samples"]:
        expected = plotly.colors.sample_colorscale(heat["colorscale"], [min(1.0, max(0.0, value))])[0]
        want = [float(v) for v in expected[4:-1].split(",")]
        assert a == pytest.approx(255 * heat["opacity"], abs=2)
        assert max(abs(got - w) for got, w in zip((r, g, b), want)) <= 4, (value, (r, g, b), want)


def test_a_tweens_heatmap_is_drawn_on_the_canvas_at_the_interpolated_values(blank):
    """Half-way between two real frames of a run, the live view's tween (``lerpFigure``, ganviz/ui/live_view.py) draws
    D's heatmap on the canvas with each cell the colour of the mean of its two values (its rows come out of the
    interpolation as typed arrays, which the canvas once read as nothing and left the heatmap out of every tween)."""
    import plotly.colors

    from ganviz.ui.live_view import _JS

    start, end = _JS.index("function lerpArray"), _JS.index("function arrive")
    blank.add_script_tag(content=_JS[start:end])
    trainer = Trainer(TrainConfig(device="cpu", dist="ring8", z_dim=2))
    frames = []
    for steps in (0, 60):
        trainer.train(steps)
        figure = figure2d(take_snapshot_2d(trainer), show_manifold=False)
        figure["data"] = [trace for trace in figure["data"] if trace["type"] == "heatmap"]
        frames.append(figure_json(figure))
    drawn = blank.evaluate("""([a, b]) => {
      const from = JSON.parse(a), to = JSON.parse(b), div = document.getElementById('fig');
      const fig = lerpFigure(from, to, 0.5);
      Plotly.react(div, pointsOnCanvas(div, fig.data, true, to.layout), {...to.layout, height: 600});
      cloudsAfterReact(div);
      drawClouds(div);
      const L = div._fullLayout, xa = L.xaxis, ya = L.yaxis, heat = to.data[0], nx = heat.x.length;
      const za = numbers(from.data[0].z), zb = numbers(heat.z);
      const ctx = div.querySelector('canvas.gz-points').getContext('2d');
      return [[3, 4], [10, 20], [25, 7], [heat.y.length - 2, nx - 3]].map(([r, c]) => {
        const px = ctx.getImageData(Math.round(xa._offset + xa.c2p(heat.x[c])), Math.round(ya._offset + ya.c2p(heat.y[r])), 1, 1).data;
        return [za[r * nx + c], zb[r * nx + c], Array.from(px)];
      });
    }""", frames)
    heat = json.loads(frames[1])["data"][0]
    assert any(abs(a - b) > 0.05 for a, b, _ in drawn), "the two frames differ where the test looks"
    for a, b, (r, g, bl, alpha) in drawn:
        expected = plotly.colors.sample_colorscale(heat["colorscale"], [min(1.0, max(0.0, (a + b) / 2))])[0]
        want = [float(v) for v in expected[4:-1].split(",")]
        assert alpha == pytest.approx(255 * heat["opacity"], abs=2), "the heatmap is drawn in the tween"
        assert max(abs(got - w) for got, w in zip((r, g, bl), want)) <= 4, ((a, b), (r, g, bl), want)
