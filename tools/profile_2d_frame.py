"""What one 2D live frame costs: the server's CPU by part, and the browser's drawing with and without WebGL.

    python tools/profile_2d_frame.py server            # CPU ms (this thread's) of each part of a frame, medians
    python tools/profile_2d_frame.py server --cprofile # and the functions that take it
    python tools/profile_2d_frame.py browser           # ms per drawing in headless Chromium: WebGL points vs canvas

``server`` trains the 2D page's defaults (``RING8``) for 200 iterations, then times the worker's parts of a frame
with ``time.thread_time`` (CPU, so waiting for a busy core does not count): the snapshot
(``take_snapshot_2d``), the figure (``figure2d``), the frame's JSON (``frame_json``, normal and presentation),
and the history chart (built every 0.5 s, not every frame). ``browser`` draws 12 frames of such a run in a
blank page with plotly.js, in turns of 24 drawings: as plotly.js draws them (the samples as WebGL) and as the
live view does (``ganviz/ui/points_layer.py``: the samples on a 2D canvas); it reports ``Plotly.react``'s
time and the time to the next animation frame (the drawing's paint included: software WebGL is read back
there). The machine is shared: note ``uptime`` and run it twice.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from ganviz.core.trainer import Trainer  # noqa: E402
from ganviz.frames.snapshot2d import take_snapshot_2d  # noqa: E402
from ganviz.lessons.presets import RING8  # noqa: E402
from ganviz.views.figure2d import figure2d, history_figure_2d  # noqa: E402
from ganviz.views.live_frame import LiveFrame, frame_json  # noqa: E402
from ganviz.views.wire import figure_json  # noqa: E402


def _trainer() -> Trainer:
    torch.set_num_threads(1)
    trainer = Trainer(replace(RING8, device="cpu"))
    trainer.train(200)
    return trainer


def _cpu_ms(work, reps: int = 40) -> float:
    times = []
    for _ in range(reps):
        began = time.thread_time()
        work()
        times.append(time.thread_time() - began)
    return 1000 * statistics.median(times)


def server(profile: bool) -> None:
    trainer = _trainer()
    snap = take_snapshot_2d(trainer)
    trainer.record(snap.metrics)
    history = [dict(trainer.history[-1], step=40 * i) for i in range(2000)]
    frame = lambda projector: frame_json(LiveFrame([("step", "1", "")], figure2d(snap)), {}, None, projector, False)  # noqa: E731
    parts = {"snapshot": lambda: take_snapshot_2d(trainer), "figure2d": lambda: figure2d(snap),
             "figure2d + frame JSON": lambda: frame(False), "the same, presentation": lambda: frame(True),
             "history chart (every 0.5 s)": lambda: figure_json(history_figure_2d(history, 8))}
    for name, work in parts.items():
        print(f"{name:30s} {_cpu_ms(work):6.2f} ms CPU")
    if profile:
        profiler = cProfile.Profile(time.thread_time)
        profiler.enable()
        for _ in range(30):
            frame(False)
            take_snapshot_2d(trainer)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def browser() -> None:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    from ganviz.ui.live_chart import PLOTLY_LOADER_JS  # noqa: PLC0415
    from ganviz.ui.points_layer import POINTS_LAYER_JS  # noqa: PLC0415
    from ganviz.ui.server import PLOTLY_JS  # noqa: PLC0415
    from screenshot import CHROMIUM, CHROMIUM_ARGS  # noqa: PLC0415

    trainer = _trainer()
    frames = []
    for _ in range(12):
        trainer.train(20)
        frames.append(json.loads(figure_json(figure2d(take_snapshot_2d(trainer)))))
    draw = """async ([figs, canvas, n]) => {
      const div = document.getElementById(canvas ? 'b' : 'a'), out = [];
      document.getElementById('a').style.display = canvas ? 'none' : '';
      document.getElementById('b').style.display = canvas ? '' : 'none';
      for (let i = 0; i < n; i++) {
        const f = structuredClone(figs[i % figs.length]), layout = {uirevision: 'x', ...f.layout, height: 640};
        const began = performance.now();
        if (canvas) { Plotly.react(div, pointsOnCanvas(div, f.data), layout); cloudsAfterReact(div); }
        else Plotly.react(div, f.data, layout);
        const drawn = performance.now();
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        if (i >= 4) out.push([drawn - began, performance.now() - began]);
      }
      return out;
    }"""
    results = {False: [], True: []}
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = chromium.new_page(viewport={"width": 1400, "height": 1100})
        page.set_content('<div id="a" style="width:900px"></div><div id="b" style="width:900px"></div>')
        page.add_script_tag(path=str(PLOTLY_JS))
        page.add_script_tag(content=PLOTLY_LOADER_JS + POINTS_LAYER_JS)
        for _ in range(3):
            for canvas in (False, True):
                results[canvas] += page.evaluate(draw, [frames, canvas, 28])
        chromium.close()
    for canvas, label in ((False, "points in WebGL (plotly.js)"), (True, "points on the canvas (live view)")):
        times = results[canvas]
        print(f"{label:34s} Plotly.react {statistics.median(t[0] for t in times):6.1f} ms, "
              f"to the next frame {statistics.median(t[1] for t in times):6.1f} ms (medians of {len(times)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=["server", "browser"])
    parser.add_argument("--cprofile", action="store_true", help="server: also print cProfile's top functions")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    server(args.cprofile) if args.part == "server" else browser()


if __name__ == "__main__":
    main()
