"""Where a starved page's main thread goes: N students play Figure 1 at once, one page is profiled.

    .venv/bin/python tools/profile_starved.py --sessions 10 --seconds 5 [--json] [--out profile.json]

Starts ``streamlit run app.py`` on a free localhost port, opens ``--sessions`` pages in one headless Chromium
(one browser context, as ``tools/load_test.py`` does), presses Play in each and waits ``--warm`` seconds. Then
for ``--seconds`` it records, in the first page, a V8 CPU profile (DevTools ``Profiler``, 1 ms samples) and a
Chrome trace (``devtools.timeline``: the renderer's main-thread tasks with their thread CPU time), and in every
page the live view's own counters (frames received and drawn, tweens, the charts below drawn, its drawing
time; ``ganviz/ui/live_view.py``). It reports:

* ``trace_main_cpu_ms``: the profiled page's main thread, CPU ms by kind of work over the window (scripts,
  style and layout, paint, garbage collection, parsing), and its CPU per frame received;
* ``profile_ms``: the profile's samples by the live view's part they fall in (the figure's drawing ``show``,
  the charts below ``showBelow``, the diagram, tweens, parsing the frame), and the functions with the most
  self time;
* ``pages``: per page, frames received and drawn per second, the live view's time a drawing, and whether it
  had slowed down (``root.starved``);
* the renderers' CPU (``/proc``): each page's renderer process, % of one core.

The profile's times are wall-clock samples of the main thread (a starved thread's samples include time it
waited for a core); the trace's are the thread's own CPU time. Everything runs on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_test import COUNT_SSE, PLAY, TICKS, _click, _open, _open_all, _progress, launch_chromium  # noqa: E402
from screenshot import free_port, start_server, stop_server, wait_healthy  # noqa: E402

# The live view's counters in a page, read at the start and the end of the window.
COUNTERS = """() => { const r = document.querySelector('.gz-live');
  return {sse: window.__sse ?? 0, frames: r?.frames ?? 0, tweens: r?.tweens ?? 0, drawMs: r?.drawMs ?? 0,
          rest: r?.drawnRest ?? 0, below: r?.drawnBelow ?? 0, side: r?.drawnSide ?? 0, skipped: r?.skipped ?? 0,
          starved: !!r?.starved, lag: r?.lagMs ?? null, recent: r?.recentMs ?? null,
          step: Number(r?.dataset.step ?? 0), t: performance.now(), arrivals: window.__arrivals ?? []}; }"""
# The arrival time of each streamed frame (the page's clock), before the page's scripts run.
ARRIVALS = """(() => { const ES = window.EventSource; window.__arrivals = [];
  function Timed(url, options) { const es = new ES(url, options);
    es.addEventListener('message', () => { window.__arrivals.push(performance.now()); }); return es; }
  Timed.prototype = ES.prototype;
  for (const name of ['CONNECTING', 'OPEN', 'CLOSED']) Timed[name] = ES[name];
  window.EventSource = Timed; })();"""

# The live view's parts, by the function of ganviz/ui/live_view.py a sample falls in (the innermost one listed).
PARTS = ["showBelow", "showRest", "step", "show", "arrive", "schedule", "setNotes"]
KINDS = {  # trace event -> kind of work
    "FunctionCall": "script", "EvaluateScript": "script", "TimerFire": "script", "FireAnimationFrame": "script",
    "EventDispatch": "script", "v8.execute": "script", "RunMicrotasks": "script", "V8.Execute": "script",
    "UpdateLayoutTree": "style+layout", "Layout": "style+layout", "RecalculateStyles": "style+layout",
    "Paint": "paint", "PrePaint": "paint", "UpdateLayer": "paint", "UpdateLayerTree": "paint", "Layerize": "paint",
    "Commit": "paint", "MajorGC": "gc", "MinorGC": "gc", "V8.GC_SCAVENGER": "gc", "BlinkGC.AtomicPhase": "gc",
    "ParseHTML": "parse", "ParseAuthorStyleSheet": "parse",
}


def chromium_cpu() -> dict[int, tuple[str, float]]:
    """Each Chromium process on this machine: its type (browser, renderer, gpu-process, utility, ...) and CPU s."""
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            if b"chrom" not in cmd.split(b" ")[0]:
                continue
            kind = next((a.split(b"=", 1)[1].decode() for a in cmd.split(b" ") if a.startswith(b"--type=")), "browser")
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            found[int(pid)] = (kind, (int(fields[11]) + int(fields[12])) / TICKS)
        except OSError:
            continue
    return found


def renderer_cpu() -> dict[int, float]:
    """CPU seconds of each Chromium renderer process on this machine (``--type=renderer``)."""
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()  # (Chromium rewrites it as one line)
            if b"chrom" not in cmd.split(b" ")[0] or b"--type=renderer" not in cmd:
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            found[int(pid)] = (int(fields[11]) + int(fields[12])) / TICKS
        except OSError:
            continue
    return found


def profile_parts(profile: dict) -> dict:
    """The profile's sampled ms by live-view part (the innermost of PARTS on the stack) and the top self times."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {}
    for n in profile["nodes"]:
        for c in n.get("children", []):
            parent[c] = n["id"]
    deltas = profile["timeDeltas"][1:] + [0]
    by_part, self_ms, inclusive = defaultdict(float), defaultdict(float), defaultdict(float)
    for sample, dt in zip(profile["samples"], deltas):
        ms = dt / 1000
        node = nodes[sample]
        name = node["callFrame"]["functionName"] or "(anonymous)"
        self_ms[name] += ms
        part, seen, at = None, set(), sample
        while at is not None:
            fn = nodes[at]["callFrame"]["functionName"]
            if fn and fn not in seen:
                seen.add(fn)
                inclusive[fn] += ms
            if part is None and fn in PARTS:
                part = fn
            at = parent.get(at)
        if part is None:
            part = name if name.startswith("(") else "other script"
        by_part[part] += ms
    top = lambda d, n: {k: round(v, 1) for k, v in sorted(d.items(), key=lambda kv: -kv[1])[:n]}  # noqa: E731
    return {"by_part": top(by_part, 20), "self_top": top(self_ms, 25), "inclusive_top": top(inclusive, 30)}


def trace_main(events: list, pid: int) -> dict:
    """The renderer ``pid``'s main thread: CPU ms (thread time) of its top-level tasks and by kind of work."""
    main_tid = next((e["tid"] for e in events if e.get("pid") == pid and e.get("name") == "thread_name"
                     and e.get("args", {}).get("name") == "CrRendererMain"), None)
    mine = [e for e in events if e.get("pid") == pid and e.get("tid") == main_tid and e.get("ph") == "X"]
    tasks = [e for e in mine if e["name"] == "ThreadControllerImpl::RunTask"]  # (each nests a "RunTask")
    by_name = defaultdict(float)
    for e in mine:
        if "tdur" in e:
            by_name[e["name"]] += e["tdur"] / 1000
    kinds = defaultdict(float)
    for name, ms in by_name.items():
        if name in KINDS:
            kinds[KINDS[name]] += ms
    # Starting the profiler (a task of its own, about 300 ms) is the tool's cost, not the page's.
    profiler = by_name.get("CpuProfiler::StartProfiling", 0.0)
    return {"tasks_cpu_ms": round(sum(e.get("tdur", 0) for e in tasks) / 1000 - profiler, 1),
            "profiler_start_cpu_ms": round(profiler, 1),
            "tasks_wall_ms": round(sum(e.get("dur", 0) for e in tasks) / 1000, 1),
            "by_kind_cpu_ms": {k: round(v, 1) for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])},
            "by_event_cpu_ms": {k: round(v, 1) for k, v in sorted(by_name.items(), key=lambda kv: -kv[1])[:25]}}


def run(sessions: int, seconds: float, warm: float, page: str, out: Path | None) -> dict:
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = start_server("app.py", port)
    result = {"sessions": sessions, "seconds": seconds, "load_before": round(os.getloadavg()[0], 1)}
    try:
        wait_healthy(server, port, timeout=120)
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            url = f"http://127.0.0.1:{port}/{page}"
            shared = browser.new_context(viewport={"width": 1200, "height": 900})
            shared.add_init_script(COUNT_SSE)
            shared.add_init_script(ARRIVALS)
            opened = [_open(browser, url, 120, context=shared)]
            opened += _open_all(browser, url, sessions - 1, 120, context=shared)
            _progress(f"{sessions} sessions open")
            for _, p, _ in opened:
                _click(p, PLAY[page])
            time.sleep(warm)
            target = opened[0][1]
            cdp = shared.new_cdp_session(target)
            frame_id = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 1000})
            before = [p.evaluate(COUNTERS) for _, p, _ in opened]
            cpu0, all0, t0 = renderer_cpu(), chromium_cpu(), time.monotonic()
            browser.start_tracing(page=target, categories=["devtools.timeline", "toplevel", "v8", "disabled-by-default-devtools.timeline"])
            cdp.send("Profiler.start")
            time.sleep(seconds)
            profile = cdp.send("Profiler.stop")["profile"]
            trace = json.loads(browser.stop_tracing())
            cpu1, all1, span = renderer_cpu(), chromium_cpu(), time.monotonic() - t0
            after = [p.evaluate(COUNTERS) for _, p, _ in opened]
            events = trace["traceEvents"] if isinstance(trace, dict) else trace
            pid = next((f.get("processId") for e in events if e.get("name") == "TracingStartedInBrowser"
                        for f in e.get("args", {}).get("data", {}).get("frames", []) if f.get("frame") == frame_id), None)
            pages = []
            for a, b in zip(before, after):
                s = (b["t"] - a["t"]) / 1000
                arrived = [x for x in b["arrivals"] if a["t"] <= x <= b["t"]]
                drawn = b["frames"] - a["frames"] - (b["tweens"] - a["tweens"])
                pages.append({"received_per_s": round((b["sse"] - a["sse"]) / s, 2),
                              "drawn_per_s": round(drawn / s, 2),
                              "tweens_per_s": round((b["tweens"] - a["tweens"]) / s, 2),
                              "rest_per_s": round((b["rest"] - a["rest"]) / s, 2),
                              "below_per_s": round((b["below"] - a["below"]) / s, 2),
                              "draw_ms": round((b["drawMs"] - a["drawMs"]) / max(1, b["frames"] - a["frames"]), 1),
                              "iters_per_s": round((b["step"] - a["step"]) / s, 1), "starved": b["starved"],
                              "lag_ms": b["lag"] and round(b["lag"]), "recent_draw_ms": b["recent"] and round(b["recent"]),
                              # frames that came within 50 ms of the one before (the view draws only the newest)
                              "arrived_in_bursts": sum(1 for x, y in zip(arrived, arrived[1:]) if y - x < 50),
                              "arrived": len(arrived) - 1})
            result["pages"] = pages
            result["received_per_s_median"] = statistics.median(p["received_per_s"] for p in pages)
            result["drawn_per_s_median"] = statistics.median(p["drawn_per_s"] for p in pages)
            result["draw_ms_median"] = statistics.median(p["draw_ms"] for p in pages)
            result["renderers_cpu_pct"] = sorted((round(100 * (cpu1[k] - cpu0.get(k, 0)) / span, 1) for k in cpu1),
                                                 reverse=True)
            kinds = defaultdict(float)
            for k, (kind, cpu) in all1.items():
                kinds[kind] += cpu - all0.get(k, (kind, 0.0))[1]
            result["chromium_cpu_pct_by_type"] = {k: round(100 * v / span, 1) for k, v in kinds.items()}
            result["profiled_renderer_cpu_pct"] = (round(100 * (cpu1[pid] - cpu0.get(pid, 0)) / span, 1)
                                                   if pid in cpu1 else None)
            main = trace_main(events, pid) if pid else {}
            received = before[0], after[0]
            frames_in = max(1, received[1]["sse"] - received[0]["sse"])
            main["cpu_ms_per_frame_received"] = round(main.get("tasks_cpu_ms", 0) / frames_in, 1)
            result["trace_main"] = main
            result["profile_ms"] = profile_parts(profile)
            if out:
                out.write_text(json.dumps({"profile": profile, "trace": events}))
            shared.close()
            browser.close()
    finally:
        stop_server(server)
    result["load_after"] = round(os.getloadavg()[0], 1)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=10, help="pages playing at once (default 10)")
    ap.add_argument("--seconds", type=float, default=5.0, help="the profiled window (default 5)")
    ap.add_argument("--warm", type=float, default=6.0, help="seconds of play before it (default 6)")
    ap.add_argument("--page", choices=sorted(PLAY), default="figure1")
    ap.add_argument("--out", type=Path, help="write the raw CPU profile and trace there (JSON)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    result = run(args.sessions, args.seconds, args.warm, args.page, args.out)
    print(json.dumps(result, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
