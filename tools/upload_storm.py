"""One student's worst minute: a tab reloads the Figure 1 page and uploads a maximum-size run, 10 times, under a
session cap of 3; the server's resident memory before, during and 30 s after the tab closes.

    .venv/bin/python tools/upload_storm.py [--uploads 10] [--cap 3] [--after 30] [--json]

Starts ``streamlit run app.py`` on a free localhost port with ``GANVIZ_MAX_SESSIONS=--cap``, the classroom's
own ``server.disconnectedSessionTTL`` (.streamlit/config.toml) and run-app.sh's ``MALLOC_ARENA_MAX=2`` (unless
the environment sets another), makes a run file of 98 % of ``runfile.MAX_BYTES`` (a small run carrying a long
metrics history, the file of issue 26), and in one headless Chromium tab: opens the page, uploads the file, waits for "Loaded", reloads (a new session; the old one is
held for the TTL), ``--uploads`` times. Samples the server's RSS every 0.5 s. Then closes the tab, waits
``--after`` seconds and reads the RSS again. Reports the idle RSS (after one visit that loaded the libraries),
the peak, the RSS after, the refusals (``sessions.full``) and the sessions the server released early
(``ganviz: session released``). Everything runs on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from load_test import ProcessMonitor, _open  # noqa: E402
from screenshot import CHROMIUM, CHROMIUM_ARGS, free_port, server_log, start_server, wait_healthy  # noqa: E402


def max_size_run(path: Path) -> int:
    """Write a run of nearly ``MAX_BYTES`` to ``path``: a tiny model with ~190,000 metrics rows. Returns its size."""
    from ganviz.core.config import TrainConfig
    from ganviz.core.trainer import Trainer
    from ganviz.files.runfile import MAX_BYTES, save_run
    from ganviz.frames.snapshot import take_snapshot

    trainer = Trainer(TrainConfig(dist="bimodal", device="cpu", optimizer="sgd", lr_d=0.05, lr_g=0.05))
    trainer.record(take_snapshot(trainer).metrics)
    row, empty = trainer.history[0], len(save_run(trainer))
    per_row = len(json.dumps(json.dumps(row))) - 2 + 2  # in the header: escaped, then ", " before the next
    rows = int((MAX_BYTES * 0.98 - empty) / per_row)  # 2 % short of the limit: the header's padding, rounding
    trainer.history = [dict(row) for _ in range(rows)]  # a long lesson's history, as a saved file carries it
    data = save_run(trainer)
    path.write_bytes(data)
    return len(data)


# Where the page answers an upload: the live view's message (or an alert, on a page without one), or the
# uploader's own error line (Streamlit's browser code refuses a file over the uploader's limit without a word
# to the server).
ANSWERS = (".gz-msg.gz-success, .gz-msg.gz-error, [data-testid='stAlertContentSuccess'], "
           "[data-testid='stAlertContentError']")


def _answer(page, timeout_s: float) -> str:
    """The page's answer to an upload: the message's text, or the uploader's refusal; RuntimeError after
    ``timeout_s`` without one."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        answers = [text for text in page.locator(ANSWERS).all_inner_texts() if text.strip()]
        if answers:
            return answers[0]
        uploader = " ".join(page.locator("[class*='st-key-fig1-load_run']").all_inner_texts())  # its key changes
        if "or smaller" in uploader or "Error" in uploader:
            return f"the uploader refused it: {' '.join(uploader.split())}"
        time.sleep(0.25)
    raise RuntimeError(f"no answer to the upload in {timeout_s:.0f} s")


def run_storm(uploads: int = 10, cap: int = 3, after: float = 30.0, timeout_s: float = 180.0) -> dict:
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="ganviz-storm-"))
    run_file = folder / "long-lesson.ganviz"
    result = {"uploads": uploads, "cap": cap, "file_bytes": max_size_run(run_file), "after_s": after}
    port = free_port()
    env = dict(os.environ, GANVIZ_MAX_SESSIONS=str(cap))
    env.setdefault("MALLOC_ARENA_MAX", "2")  # as run-app.sh starts the app (MALLOC_ARENA_MAX=8 measures glibc's default)
    result["malloc_arena_max"] = env["MALLOC_ARENA_MAX"]
    server = start_server("app.py", port, env=env)
    try:
        wait_healthy(server, port, timeout=timeout_s)
        monitor = ProcessMonitor(server.pid)
        url = f"http://127.0.0.1:{port}/figure1"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            context, page, _ = _open(browser, url, timeout_s)  # loads the libraries: the idle baseline after it
            context.close()
            time.sleep(5)
            result["rss_mb_idle"] = round(monitor.rss_now(), 1)
            monitor.start()
            context, page, _ = _open(browser, url, timeout_s)
            start, refused, loaded = time.monotonic(), 0, 0
            for i in range(uploads):
                if i:
                    page.reload()
                    page.wait_for_selector(".js-plotly-plot .main-svg, [data-testid='stAlertContentError']")
                if page.get_by_text("limit (GANVIZ_MAX_SESSIONS)").count():
                    refused += 1
                    continue
                page.locator(".st-key-fig1-load_run input[type=file]").set_input_files(str(run_file))
                said = _answer(page, timeout_s)
                if "exactly as it was saved" not in said:
                    raise RuntimeError(f"upload {i + 1} was not loaded: {said}")
                loaded += 1
            result["seconds"] = round(time.monotonic() - start, 1)
            result["rss_mb_peak"] = round(max(s[2] for s in monitor.samples), 1)
            result["rss_mb_end_of_uploads"] = round(monitor.rss_now(), 1)
            context.close()
            time.sleep(after)
            result["rss_mb_after"] = round(monitor.rss_now(), 1)
            monitor.stop.set()
            browser.close()
        log = server_log(server)
        result.update(loaded=loaded, refused=refused, released_early=log.count("ganviz: session released"),
                      tracebacks=log.count("Traceback"))
        return result
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except Exception:  # noqa: BLE001
            server.kill()
        run_file.unlink(missing_ok=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--uploads", type=int, default=10)
    ap.add_argument("--cap", type=int, default=3)
    ap.add_argument("--after", type=float, default=30.0, help="seconds to wait after the tab closes (default 30)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = run_storm(args.uploads, args.cap, args.after)
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
