"""A classroom's load: N students open the app at once and each trains live, against one server.

    .venv/bin/python tools/load_test.py --sessions 10 --seconds 30 [--page figure1] [--own-contexts] [--json]
    .venv/bin/python tools/load_test.py --follow 20 --seconds 20 [--korean 10] [--readers 80] [--pin]
    .venv/bin/python tools/load_test.py --follow 0 --readers 20 --pin   # followers that only read the stream

Starts ``streamlit run app.py`` on a free localhost port (with
``server.disconnectedSessionTTL`` set by ``--ttl`` so closed tabs are dropped
quickly), opens ``--sessions`` browser contexts in one headless Chromium (each
context is a separate Streamlit session, like a separate student), presses
Play in each, and for ``--seconds`` samples:

* each session's step counter once a second: frames/s (distinct steps seen) and
  iterations/s (the counter's slope), per session;
* the server process's CPU (% of one core) and resident memory, every 0.5 s;
* errors: Streamlit exception boxes, and sessions that lost their connection.

Half-way through, one more student opens the page: the time until their first
figure is drawn is the server's responsiveness under load. Then one session is
paused and must stand still while the others go on (no shared trainer). At the
end every tab is closed, and the server's log (``ganviz.ui.sessions``) must
show every session closed and every trainer freed; the resident memory before,
at the peak and after the release is reported. (Streamlit's runtime loop keeps
the last session it served referenced while nobody is connected, so one last
visit to the home page, which holds no trainer, plays the next student.)

Frames are counted in each page: those its live view drew (a MutationObserver on
its step) and those it received over its stream; iterations/s is the step
counter's slope. Each drawn frame also says what it cost the server's worker
(``server_train_ms_median``, ``server_frame_ms_median``: training, and the
snapshot, figure and JSON) and the page what drawing it took
(``browser_draw_ms``). The server's own counters are read from its log (sessions
open and held, trainers alive, workers stopped for want of a viewer or gone on
because their tab was still connected) and from ``/proc`` (its threads: a run's
worker is one; ``server_threads_cpu_pct_busiest``).

``--pin`` puts the server on CPU 0 and Chromium (and this tool) on CPU 1
(``sched_setaffinity``; every thread and child process inherits it), as in a
classroom where each student's browser runs on the student's own machine: the
server's share is then measured apart from the browsers' drawing.

``--own-contexts`` opens each page in a browser context (a window) of its own. In one context Chromium runs
the renderer of every page but the last one opened at background priority (its main thread at nice 5), so on
a busy machine those pages wait long for each drawing; a student's page is the foreground tab of their own
browser. The pages then share no cache (each loads plotly.js).

``--follow N`` measures follow mode instead (``run_follow``): one teacher shares
a playing run, N students open ``?follow=CODE`` in one headless Chromium; it
reports the teacher's iterations/s alone and with the followers, each
follower's frames/s (received over its stream, and drawn), the server's CPU per
follower-frame, and that every follower is told when the teacher's tab closes.

Everything runs on 127.0.0.1; nothing else is contacted. ``run_load`` is the
same as a function, for ``tests/e2e/test_load.py`` (which uses a small N).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import CHROMIUM, CHROMIUM_ARGS, free_port, server_log, start_server, stop_server, wait_healthy  # noqa: E402

READ_STEP = """() => {
  const live = document.querySelector('.gz-live');  // the streamed live view (ganviz/ui/live_view.py)
  const m = live ? null : [...document.querySelectorAll('[data-testid="stMetric"]')]
      .find(e => e.querySelector('[data-testid="stMetricLabel"]')?.innerText.trim() === 'step');
  const v = live && live.dataset.step !== undefined ? live.dataset.step
      : m ? m.querySelector('[data-testid="stMetricValue"]').innerText.replace(/,/g, '') : null;
  const app = document.querySelector('[data-testid="stApp"]');
  return [v === null ? null : Number(v), app ? app.getAttribute('data-test-connection-state') : null,
          document.querySelectorAll('[data-testid="stException"]').length];
}"""
PLAY = {"figure1": "fig1-play", "two_d": "p2d-play"}
TICKS = os.sysconf("SC_CLK_TCK")


class ProcessMonitor(threading.Thread):
    """Samples a process's CPU (% of one core) and resident memory (MB) every ``every`` seconds."""

    def __init__(self, pid: int, every: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.every, self.samples, self.stop = pid, every, [], threading.Event()

    def _read(self):
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu_seconds = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
        with open(f"/proc/{self.pid}/status") as f:
            rss_kb = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
        return cpu_seconds, rss_kb / 1024

    def run(self):
        last_t, (last_cpu, _) = time.monotonic(), self._read()
        while not self.stop.wait(self.every):
            try:
                cpu, rss = self._read()
            except (OSError, AttributeError):
                return
            now = time.monotonic()
            self.samples.append((now, 100 * (cpu - last_cpu) / (now - last_t), rss))
            last_t, last_cpu = now, cpu

    def rss_now(self) -> float:
        return self._read()[1]


SERVER_CPU, BROWSER_CPU = 0, 1  # --pin: the server on one core, the browsers (and this tool) on the other


def pin_server(pid: int) -> None:
    """Every thread of process ``pid`` on ``SERVER_CPU`` (threads made later inherit their maker's)."""
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            os.sched_setaffinity(int(tid), {SERVER_CPU})
        except OSError:  # that thread has ended
            pass


def launch_chromium(pw, pin: bool = False):
    """Headless Chromium; ``pin``: on ``BROWSER_CPU`` with this tool (and Playwright's driver, started after)."""
    executable = CHROMIUM
    if pin:
        os.sched_setaffinity(0, {BROWSER_CPU})
        import tempfile

        wrapper = Path(tempfile.mkdtemp(prefix="ganviz-load-")) / "chromium"
        wrapper.write_text(f'#!/bin/sh\nexec taskset -c {BROWSER_CPU} {CHROMIUM} "$@"\n')
        wrapper.chmod(0o755)
        executable = str(wrapper)
    return pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def _threads(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"Threads:\s+(\d+)", f.read()).group(1))


def _thread_names(pid: int) -> list[str]:
    """The names of process ``pid``'s threads (a run's worker is ``ganviz-<run key>``; Python's names are cut
    to 15 characters)."""
    names = []
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            names.append(Path(f"/proc/{pid}/task/{tid}/comm").read_text().strip())
        except OSError:
            pass
    return sorted(names)


def _progress(what: str) -> None:
    print(f"load_test: {time.strftime('%H:%M:%S')} {what} (load {os.getloadavg()[0]:.1f})", file=sys.stderr,
          flush=True)


def _open(browser, url: str, timeout_s: float, ready: str = ".js-plotly-plot .main-svg", count_sse: bool = False,
          wait: bool = True, context=None):
    """A new page (a new Streamlit session: each page has its own websocket) at ``url``, in ``context`` or a new
    browser context; returns what to close (the page, or the context made for it), the page and the seconds until
    ``ready`` (``count_sse``: the page counts the frames its live view receives, ``COUNT_SSE``). ``wait`` False:
    only asked for; the third value is then the moment it was asked for (``time.monotonic``)."""
    if context is None:
        context = owner = browser.new_context(viewport={"width": 1200, "height": 900})
    else:
        owner = None
    if count_sse:
        context.add_init_script(COUNT_SSE)
    page = context.new_page()
    owner = owner or page
    page.set_default_timeout(timeout_s * 1000)
    start = time.monotonic()
    if not wait:
        page.goto(url, wait_until="commit")
        return owner, page, start
    page.goto(url)
    page.wait_for_selector(ready)
    return owner, page, time.monotonic() - start


def _open_all(browser, url: str, n: int, timeout_s: float, context=None) -> list:
    """``n`` sessions at ``url`` (pages of ``context``, else each its own context), all asked for first and then
    waited for (they load side by side), counting their streams' frames; each with the seconds until its first
    figure."""
    asked = [_open(browser, url, timeout_s, count_sse=context is None, wait=False, context=context) for _ in range(n)]
    done = []
    for owner, page, start in asked:
        page.wait_for_selector(".js-plotly-plot .main-svg")
        done.append((owner, page, time.monotonic() - start))
    return done


def _all_released(freed: dict, sessions: int) -> bool:
    return freed["sessions_closed"] >= sessions and freed["trainers_alive_at_end"] == 0


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def _click(page, css_key: str) -> None:
    page.locator(f".st-key-{css_key} button").first.click()


def _freed(log_text: str) -> dict:
    """The app's own counters, from its log (``ganviz.ui.sessions``): sessions opened, closed, still open and
    held at the end; trainers freed and alive at the end; workers that stopped for want of a viewer."""
    closed = re.findall(r"ganviz: session closed \((\d+) open(?:, (\d+) held)?", log_text)
    freed = re.findall(r"ganviz: trainer freed \((\d+) alive\)", log_text)
    opened = re.findall(r"ganviz: session opened \((\d+) open", log_text)
    held = re.findall(r"ganviz: session (?:opened|closed|released|dropped)[^(]*\(\d+ open, (\d+) held", log_text)
    return {"sessions_opened": len(opened), "sessions_closed": len(closed),
            "sessions_open_at_end": int(closed[-1][0]) if closed else None,
            "sessions_held_last_logged": int(held[-1]) if held else None,
            "trainers_freed": len(freed), "trainers_alive_at_end": int(freed[-1]) if freed else None,
            "workers_stopped_no_viewer": len(re.findall(r"worker of \S+ stopped: no viewer", log_text)),
            # a worker whose tab missed its stream past the idle time while connected (starved), and went on
            "workers_starved_went_on": len(re.findall(r"worker of \S+ goes on: no viewer", log_text)),
            # the training pool's summaries (ganviz/frames/pool.py): [rounds, mean runs a round, chunks alone]
            "pool_reports": [[int(a), float(b), int(c)] for a, b, c in re.findall(
                r"training pool: (\d+) rounds of ([\d.]+) runs on average, (\d+) chunks alone", log_text)]}


def run_load(sessions: int = 3, seconds: float = 20.0, page: str = "figure1", ttl: int = 2,
             release_wait: float = 30.0, timeout_s: float = 120.0, browser=None, pin: bool = False,
             own_contexts: bool = False) -> dict:
    """Run the load test (see the module docstring) and return its measurements as a dict.

    ``browser``: a Playwright Chromium to open the sessions in (the caller's, e.g. a test's); by default one
    is launched and closed here. ``pin``: the server on one core, the browsers on the other (``--pin``).
    ``own_contexts``: each page in a browser context of its own (``--own-contexts``).
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            chromium = launch_chromium(pw, pin)
            try:
                return run_load(sessions, seconds, page, ttl, release_wait, timeout_s, chromium, pin, own_contexts)
            finally:
                chromium.close()

    port = free_port()
    server = start_server("app.py", port, "--server.disconnectedSessionTTL", str(ttl))
    errors, result = [], {"sessions": sessions, "page": page, "seconds": seconds, "ttl_s": ttl,
                          "cores": os.cpu_count(), "torch_threads": os.environ.get("GANVIZ_TORCH_THREADS", "1"),
                          "pinned": pin, "own_contexts": own_contexts, "load_before": round(os.getloadavg()[0], 1)}
    try:
        wait_healthy(server, port, timeout=timeout_s)
        if pin:
            pin_server(server.pid)
        monitor = ProcessMonitor(server.pid)
        result["rss_mb_idle"] = round(monitor.rss_now(), 1)
        result["threads_idle"] = _threads(server.pid)
        idle_threads = _thread_names(server.pid)
        monitor.start()
        url = f"http://127.0.0.1:{port}/{page}"
        # One browser context for all the pages (each page is its own session): they share the browser's cache,
        # so ten pages load in about the time of a few.
        # In one context Chromium runs every page's renderer but the last one opened at background priority
        # (its main thread at nice 5): ``own_contexts`` gives each page a context (a window) of its own, each
        # renderer in the foreground as on a student's own laptop; the pages then share no cache.
        shared = browser.new_context(viewport={"width": 1200, "height": 900})
        shared.add_init_script(COUNT_SSE)
        within = None if own_contexts else shared
        opened = [_open(browser, url, timeout_s, count_sse=own_contexts, context=within)]
        result["rss_mb_one_session"] = round(monitor.rss_now(), 1)  # the libraries are loaded by now
        _progress("one session open")
        opened += _open_all(browser, url, sessions - 1, timeout_s, context=within)
        result["first_frame_s_median"] = round(statistics.median(o[2] for o in opened), 2)
        _progress(f"{sessions} sessions open")
        for _, p, _ in opened:
            _click(p, PLAY[page])
        _progress("all playing")
        time.sleep(3.0)  # past the first frames
        result["threads_playing"] = _threads(server.pid)
        newcomer, first = None, []
        for _, p, _ in opened:  # each page counts its frames from now on (a busy page answers slowly)
            p.evaluate(WATCH_STEPS)
            first.append((time.monotonic(), p.evaluate(LIVE_STEP)))
        start = time.monotonic()  # every page's window lasts at least ``seconds``
        cpu0, threads0 = _cpu_seconds(server.pid), _thread_cpu(server.pid)
        # The pages are left alone while they play (a busy page answers an evaluation slowly); half-way through,
        # a newcomer asks for the page (its first figure is waited for after the measurement).
        time.sleep(seconds / 2)
        newcomer = _open(browser, url, timeout_s, wait=False, context=within)
        time.sleep(max(0.0, seconds - (time.monotonic() - start)))
        last, counts = [], []
        for i, (_, p, _) in enumerate(opened):
            counts.append(p.evaluate(READ_WATCH))
            step, state, boxes = p.evaluate(READ_STEP)
            last.append((time.monotonic(), step))
            if boxes:
                errors.append(f"session {i}: {boxes} exception box(es)")
            if state not in (None, "CONNECTED"):
                errors.append(f"session {i}: connection {state}")
        _progress("measured: " + json.dumps(
            {"per_session": [{"drawn": c[0], "received": c[1], "iterations": b[1] - a[1], "seconds": round(b[0] - a[0], 1)}
                             for a, b, c in zip(first, last, counts)], **result}))
        if newcomer is not None:
            newcomer[1].wait_for_selector(".js-plotly-plot .main-svg")
            result["newcomer_first_frame_s"] = round(time.monotonic() - newcomer[2], 2)
        result["server_cpu_pct_playing"] = round(100 * (_cpu_seconds(server.pid) - cpu0)
                                                 / (time.monotonic() - start), 1)
        threads1 = _thread_cpu(server.pid)
        share = _thread_share(threads0, threads1, time.monotonic() - start)
        result["server_main_thread_cpu_pct"] = share["main (event loop)"]
        # Each thread's share while they played, busiest first: the runs' workers are the busy ones (Python 3.11's
        # thread names do not reach the kernel, so they are told apart by their CPU).
        used = sorted((100 * (cpu - threads0.get(tid, (name, 0.0))[1]) / (time.monotonic() - start)
                       for tid, (name, cpu) in threads1.items() if tid != min(threads1)), reverse=True)
        result["server_threads_cpu_pct_busiest"] = [round(u, 1) for u in used[:sessions + 2]]
        # One student pauses: their run must stand still while the others go on.
        _, paused_page, _ = opened[0]
        _click(paused_page, PLAY[page])
        time.sleep(2.0)
        before = [p.evaluate(READ_STEP)[0] for _, p, _ in opened]
        time.sleep(3.0)
        after = [p.evaluate(READ_STEP)[0] for _, p, _ in opened]
        result["paused_session_still"] = before[0] == after[0]
        result["others_moved_while_one_paused"] = sum(b != a for b, a in zip(before[1:], after[1:]))
        for context, _, _ in opened + ([newcomer] if newcomer else []):
            context.close()
        shared.close()
        _progress("every tab closed: " + json.dumps({k: result.get(k) for k in ("paused_session_still",
                                                       "others_moved_while_one_paused", "newcomer_first_frame_s")}))
        # Streamlit's runtime loop keeps the last session it served referenced (a loop variable) while no
        # session is connected, so the last tab's trainers would stay until the next visitor. A visit to the
        # home page (which holds no trainer) plays that next visitor.
        _wait_for(lambda: _freed(server_log(server))["sessions_closed"] >= sessions + (1 if newcomer else 0),
                  release_wait)
        probe, _, _ = _open(browser, url.rsplit("/", 1)[0] + "/", timeout_s, ready=".katex")
        probe.close()
        peak = max((s[2] for s in monitor.samples), default=float("nan"))
        cpu = [s[1] for s in monitor.samples]
        total = sessions + (1 if newcomer else 0) + 1  # + the probe
        _wait_for(lambda: _all_released(_freed(server_log(server)), total), release_wait)
        # The probe's own session goes after its TTL like any closed tab's: then nothing is held.
        _wait_for(lambda: _freed(server_log(server))["sessions_held_last_logged"] == 0, ttl + 15)
        time.sleep(1.0)
        monitor.stop.set()
        cpu0 = _cpu_seconds(server.pid)
        time.sleep(3.0)  # nothing trains any more: a worker thread left running would show here
        result["server_cpu_pct_after_release"] = round(100 * (_cpu_seconds(server.pid) - cpu0) / 3.0, 1)
        per_session, costs = [], []
        for (t0, s0), (t1, s1), (drawn, received, cost, shown, draw_ms) in zip(first, last, counts):
            span = t1 - t0
            costs += cost
            per_session.append({"frames_per_s": round(drawn / span, 2), "received_per_s": round(received / span, 2),
                                "iters_per_s": round((s1 - s0) / span, 1),
                                # the browser's main-thread time per drawn frame (the figure; not the charts below)
                                "browser_draw_ms": round(draw_ms / shown, 1) if shown else None})
        if costs:  # what the drawn frames cost the server's worker: training, and the rest (snapshot, figure, JSON)
            result["server_train_ms_median"] = round(statistics.median(c[0] for c in costs), 1)
            result["server_frame_ms_median"] = round(statistics.median(c[1] for c in costs), 1)
            result["server_frame_ms_p90"] = round(sorted(c[1] for c in costs)[int(0.9 * (len(costs) - 1))], 1)
        draws = [p["browser_draw_ms"] for p in per_session if p["browser_draw_ms"] is not None]
        result["browser_draw_ms_median"] = round(statistics.median(draws), 1) if draws else None
        rss_after = monitor.rss_now()
        result.update({
            "per_session": per_session,
            "frames_per_s_min": min(p["frames_per_s"] for p in per_session),
            "frames_per_s_median": statistics.median(p["frames_per_s"] for p in per_session),
            "received_per_s_median": statistics.median(p["received_per_s"] for p in per_session),
            "iters_per_s_min": min(p["iters_per_s"] for p in per_session),
            "iters_per_s_median": statistics.median(p["iters_per_s"] for p in per_session),
            "server_cpu_pct_median": round(statistics.median(cpu), 1) if cpu else None,
            "server_cpu_pct_max": round(max(cpu), 1) if cpu else None,
            "rss_mb_peak": round(peak, 1),
            "rss_mb_after_release": round(rss_after, 1),
            "rss_change_pct": round(100 * (rss_after - result["rss_mb_idle"]) / result["rss_mb_idle"], 1),
            "threads_after_release": _threads(server.pid),
            # Threads beyond the idle server's (asyncio's executor and Streamlit's pools keep theirs); a run's
            # worker among them would train, which server_cpu_pct_after_release shows.
            "threads_left": len(list((Counter(_thread_names(server.pid)) - Counter(idle_threads)).elements())),
            "errors": errors,
            **_freed(server_log(server)),
            "load_after": round(os.getloadavg()[0], 1),
        })
        return result
    finally:
        stop_server(server)


# Counts, in a page, the frames its live view receives over server-sent events (before any page script runs).
COUNT_SSE = """(() => { const ES = window.EventSource; window.__sse = 0;
  function Counted(url, options) { const es = new ES(url, options);
    es.addEventListener('message', () => { window.__sse += 1; }); return es; }
  Counted.prototype = ES.prototype;
  for (const name of ['CONNECTING', 'OPEN', 'CLOSED']) Counted[name] = ES[name];
  window.EventSource = Counted; })();"""
# Every step the live view draws from now on (a MutationObserver on its data-step), with what each drawn frame cost
# the server (its status.cost: [training ms, the rest of the frame ms], as the worker measured it), and the
# live view's own drawing time (its frames and drawMs counters, ganviz/ui/live_view.py's show).
WATCH_STEPS = """() => { const r = document.querySelector('.gz-live'); window.__steps = new Set([r.dataset.step]);
  window.__sseStart = window.__sse; window.__costs = [];
  window.__drawStart = [r.frames ?? 0, r.drawMs ?? 0];
  new MutationObserver(() => { window.__steps.add(r.dataset.step); if (r.cost) window.__costs.push(r.cost); })
    .observe(r, {attributes: true, attributeFilter: ['data-step']}); }"""
READ_WATCH = """() => { const r = document.querySelector('.gz-live');
  return [window.__steps.size - 1, window.__sse - window.__sseStart, window.__costs,
          (r.frames ?? 0) - window.__drawStart[0], (r.drawMs ?? 0) - window.__drawStart[1]]; }"""
LIVE_STEP = "() => { const r = document.querySelector('.gz-live'); return r ? Number(r.dataset.step) : null; }"


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def _thread_cpu(pid: int) -> dict[int, tuple[str, float]]:
    """Each thread of process ``pid``: its name and CPU seconds so far."""
    found = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                head, tail = f.read().rsplit(")", 1)
            fields = tail.split()
            found[int(tid)] = (head.split("(", 1)[1], (int(fields[11]) + int(fields[12])) / TICKS)
        except (OSError, IndexError):
            pass
    return found


def _thread_share(before: dict, after: dict, span: float) -> dict[str, float]:
    """% of one core each kind of thread used between two ``_thread_cpu`` readings: the server's main thread
    (its event loop: the pages' streams and websockets), the busiest other thread (the teacher's run's worker:
    the only one that trains; Python 3.11 gives threads no names the kernel shows) and the rest together (the
    sessions' script runs, Streamlit's own threads)."""
    used = {tid: (cpu - before.get(tid, (name, 0.0))[1]) for tid, (name, cpu) in after.items()}
    main = min(after)
    busiest = max((tid for tid in used if tid != main), key=used.get, default=None)
    share = {"main (event loop)": used.get(main, 0.0), "worker (busiest thread)": used.get(busiest, 0.0),
             "other threads": sum(v for tid, v in used.items() if tid not in (main, busiest))}
    return {kind: round(100 * value / span, 1) for kind, value in share.items()}


def _teacher_rate(page, seconds: float) -> tuple[float, float]:
    """The teacher's iterations/s over ``seconds`` (its step counter's slope) and the seconds it took."""
    start, first = time.monotonic(), page.evaluate(LIVE_STEP)
    time.sleep(seconds)
    span = time.monotonic() - start
    return (page.evaluate(LIVE_STEP) - first) / span, span


class StreamReader(threading.Thread):
    """A follower without a browser: reads a live view's stream (server-sent events) as the browser does, renewing
    it when the server asks (``?after=`` the last frame), and counts the frames it receives."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.frames, self.errors, self.stop = url, 0, 0, threading.Event()

    def run(self):
        import urllib.request

        after = 0
        while not self.stop.is_set():
            try:
                with urllib.request.urlopen(f"{self.url}?after={after}", timeout=30) as stream:
                    event = None
                    for line in stream:
                        if self.stop.is_set():
                            return
                        if line.startswith(b"id: "):
                            after = int(line[4:])
                        elif line.startswith(b"event: "):
                            event = line[7:].strip()
                        elif line.startswith(b"data: "):
                            if event is None:
                                self.frames += 1
                            elif event == b"closed":
                                return
                        elif line == b"\n":
                            event = None
            except OSError:
                self.errors += 1
                time.sleep(0.5)


def run_follow(followers: int = 20, seconds: float = 20.0, page: str = "figure1", ttl: int = 2,
               korean: int = 0, readers: int = 0, timeout_s: float = 300.0, browser=None, pin: bool = False) -> dict:
    """Follow mode: one teacher plays and shares its run, ``followers`` students follow it in the browser
    (``korean`` of them in Korean: a second variant built per frame) and ``readers`` more read the first
    follower's stream without a browser (``StreamReader``: the server's side of a follower, without the
    drawing). Measures the teacher's iterations/s alone and with the followers (``seconds`` each), each
    follower's frames/s (received over its stream, and drawn), the server's CPU per follower-frame, and that the
    browser followers are told when the teacher's tab closes (after ``ttl`` s). With ``followers`` 0, one
    follower's page is opened only to learn the stream's address and closed before the readers read.
    ``pin``: the server on one core, the browsers on the other (``--pin``)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            chromium = launch_chromium(pw, pin)
            try:
                return run_follow(followers, seconds, page, ttl, korean, readers, timeout_s, chromium, pin)
            finally:
                chromium.close()

    key = PLAY[page].split("-")[0]
    port = free_port()
    server = start_server("app.py", port, "--server.disconnectedSessionTTL", str(ttl))
    result = {"mode": "follow", "followers": followers, "korean_followers": korean, "stream_readers": readers,
              "page": page, "seconds": seconds, "cores": os.cpu_count(), "pinned": pin,
              "load_before": round(os.getloadavg()[0], 1)}
    errors = []
    try:
        wait_healthy(server, port, timeout=timeout_s)
        if pin:
            pin_server(server.pid)
        base = f"http://127.0.0.1:{port}"
        teacher_context, teacher, _ = _open(browser, f"{base}/{page}", timeout_s, ready=".gz-live .gz-fig.js-plotly-plot")
        teacher.locator(f".st-key-{key}-lessons button").first.click()
        teacher.locator(f".st-key-{key}-share button").first.click()
        teacher.keyboard.press("Escape")
        label = teacher.locator(f".st-key-{key}-share_info button").first
        label.wait_for()
        code = re.search(r"([1-9]?[A-Z]{6}) ", label.inner_text() + " ").group(1)
        _click(teacher, PLAY[page])
        time.sleep(3.0)  # past the first frames
        cpu0, threads0 = _cpu_seconds(server.pid), _thread_cpu(server.pid)
        alone, span = _teacher_rate(teacher, seconds)
        result["teacher_iters_per_s_alone"] = round(alone, 1)
        result["server_cpu_pct_teacher_alone"] = round(100 * (_cpu_seconds(server.pid) - cpu0) / span, 1)
        result["server_threads_cpu_pct_alone"] = _thread_share(threads0, _thread_cpu(server.pid), span)
        _progress("teacher alone: " + json.dumps(result))
        opened = []
        began = time.monotonic()
        # One browser context for the students' pages (each page is its own session; they share the cache).
        students = browser.new_context(viewport={"width": 1000, "height": 700})
        students.add_init_script(COUNT_SSE)
        for i in range(followers):  # every page asked for first, then waited for: they load side by side
            student = context = students.new_page()
            student.set_default_timeout(timeout_s * 1000)
            lang = "ko" if i < korean else "en"
            student.goto(f"{base}/?follow={code}&lang={lang}", wait_until="commit")
            opened.append((context, student))
        for _, student in opened:
            student.wait_for_selector(".gz-live .gz-fig.js-plotly-plot")
        result["followers_opened_in_s"] = round(time.monotonic() - began, 1)
        _progress(f"{followers} followers open")
        if opened:
            stream = opened[0][1].evaluate("() => document.querySelector('.gz-live').streamUrl")
        elif readers:  # a follower's page only to learn the stream's address
            probe, probe_page, _ = _open(browser, f"{base}/?follow={code}", timeout_s,
                                         ready=".gz-live .gz-fig.js-plotly-plot")
            stream = probe_page.evaluate("() => document.querySelector('.gz-live').streamUrl")
            probe.close()
        else:
            stream = None
        pool = [StreamReader(f"{base}{stream}") for _ in range(readers if stream else 0)]
        for reader in pool:
            reader.start()
        time.sleep(2.0)
        for _, student in opened:
            student.evaluate(WATCH_STEPS)
        counted = [reader.frames for reader in pool]
        cpu0, threads0 = _cpu_seconds(server.pid), _thread_cpu(server.pid)
        rate, span = _teacher_rate(teacher, seconds)
        cpu = _cpu_seconds(server.pid) - cpu0
        result["server_threads_cpu_pct_with_followers"] = _thread_share(threads0, _thread_cpu(server.pid), span)
        counts = [student.evaluate(READ_WATCH) for _, student in opened]
        counts += [(0, reader.frames - before) for reader, before in zip(pool, counted)]
        drawn, received = [c[0] / span for c in counts[:followers]], [c[1] / span for c in counts]
        frames = sum(c[1] for c in counts)
        for reader in pool:
            reader.stop.set()
        if pool:
            result["stream_reader_frames_per_s_min"] = round(min(received[followers:]), 2)
            result["stream_reader_errors"] = sum(reader.errors for reader in pool)
        result.update({
            "teacher_iters_per_s_with_followers": round(rate, 1),
            "teacher_rate_change_pct": round(100 * (rate - alone) / alone, 1),
            "follower_frames_per_s_received_min": round(min(received), 2) if received else None,
            "follower_frames_per_s_received_median": round(statistics.median(received), 2) if received else None,
            "follower_frames_per_s_drawn_min": round(min(drawn), 2) if drawn else None,
            "follower_frames_per_s_drawn_median": round(statistics.median(drawn), 2) if drawn else None,
            "follower_frames_received": frames,
            "server_cpu_pct_with_followers": round(100 * cpu / span, 1),
            # All the server's CPU (the teacher's training included) per frame a follower received: an upper bound.
            "server_cpu_ms_per_follower_frame_all": round(1000 * cpu / max(frames, 1), 2),
            # The server's CPU beyond the teacher alone, per frame a follower received (noisy on a busy machine).
            "server_cpu_ms_per_follower_frame": round(1000 * (cpu - result["server_cpu_pct_teacher_alone"] / 100 * span)
                                                      / max(frames, 1), 2),
        })
        _progress("with followers: " + json.dumps(result))
        for i, (_, student) in enumerate(opened):
            if student.locator('[data-testid="stException"]').count():
                errors.append(f"follower {i}: exception box")
        teacher_context.close()  # the teacher leaves: every follower must be told
        told_at = time.monotonic()
        told = [_wait_for(lambda s=student: s.locator('[data-testid="stAlert"]').count() > 0, ttl + 30)
                for _, student in opened]
        result["followers_told_teacher_left"] = sum(told)
        result["told_within_s"] = round(time.monotonic() - told_at, 1)
        students.close()
        result["errors"] = errors
        result["worker_stopped_for_no_viewer"] = len(re.findall(r"worker of \S+ stopped: no viewer", server_log(server)))
        result["load_after"] = round(os.getloadavg()[0], 1)
        return result
    finally:
        stop_server(server)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=10, help="concurrent students (default 10)")
    ap.add_argument("--seconds", type=float, default=30.0, help="how long they train (default 30)")
    ap.add_argument("--page", choices=sorted(PLAY), default="figure1")
    ap.add_argument("--ttl", type=int, default=2, help="server.disconnectedSessionTTL in seconds (default 2)")
    ap.add_argument("--follow", type=int, metavar="N",
                    help="follow mode: one teacher shares a playing run and N students follow it (instead of "
                         "--sessions students training their own runs)")
    ap.add_argument("--korean", type=int, default=0, metavar="K",
                    help="follow mode: K of the N followers read in Korean (a second language built per frame)")
    ap.add_argument("--readers", type=int, default=0, metavar="R",
                    help="follow mode: R more followers that read the stream without a browser (the server's side "
                         "of a follower, without the drawing)")
    ap.add_argument("--pin", action="store_true",
                    help=f"the server on CPU {SERVER_CPU}, Chromium and this tool on CPU {BROWSER_CPU} (as if each "
                         "student's browser ran on the student's own machine)")
    ap.add_argument("--own-contexts", action="store_true",
                    help="each page in a browser context of its own: every renderer in the foreground (in one "
                         "context Chromium runs all but the last page's renderer at background priority)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    if args.follow is not None:
        result = run_follow(args.follow, args.seconds, args.page, args.ttl, args.korean, args.readers, pin=args.pin)
    else:
        result = run_load(args.sessions, args.seconds, args.page, args.ttl, pin=args.pin, own_contexts=args.own_contexts)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:32s} {value}")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
