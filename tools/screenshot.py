"""Screenshot a page of the Streamlit app in a real headless Chromium (offline).

Starts ``streamlit run`` on a free local port, opens a page in the system
Chromium (Debian package ``chromium``) through Playwright, optionally clicks
buttons, and saves a full-page PNG. Nothing is downloaded: there is no
``playwright install``; the browser is ``/usr/bin/chromium``.

Usage (from the repo root)::

    .venv/bin/python tools/screenshot.py --page figure1 --out shots/figure1.png
    .venv/bin/python tools/screenshot.py --page "" --out shots/home.png
    .venv/bin/python tools/screenshot.py --page figure1 --click "▶ Play" \\
        --wait 6 --frames 3 --interval 1 --out shots/play.png

``--page`` is the ``st.navigation`` url path ("" = home page). ``--click``
may be repeated; buttons are found by their visible label. With
``--frames N`` the shots are saved as ``<out>_0.png`` ... ``<out>_{N-1}.png``,
``--interval`` seconds apart. Any Streamlit exception shown on the page is
printed and makes the script exit with status 1. The server is always killed.
"""

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(app: str, port: int, *options: str, env: dict | None = None) -> subprocess.Popen:
    """``streamlit run app`` headless on 127.0.0.1:port; ``options`` are more ``--section.option value`` words."""
    cmd = [sys.executable, "-m", "streamlit", "run", app, *options,
           "--server.headless", "true", "--server.port", str(port),
           "--server.address", "127.0.0.1",
           "--server.fileWatcherType", "none",
           "--global.developmentMode", "false",
           "--browser.gatherUsageStats", "false"]
    log = tempfile.TemporaryFile(mode="w+")  # a file, so a full pipe can't block
    server = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    server.log = log
    return server


def stop_server(server: subprocess.Popen) -> None:
    """End a server ``start_server`` started: terminate, and kill it if it has not gone within 15 s."""
    server.terminate()
    try:
        server.wait(timeout=15)
    except Exception:  # noqa: BLE001 - the server must go whatever happened
        server.kill()


def server_log(server: subprocess.Popen) -> str:
    server.log.seek(0)
    return server.log.read()


def wait_healthy(server: subprocess.Popen, port: int, timeout: float = 60) -> None:
    url = f"http://127.0.0.1:{port}/_stcore/health"
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{server_log(server)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout}s")


def wait_settled(page, timeout_ms: int = 5000) -> None:
    """Wait for the script to finish running; a run_every fragment may keep
    the app flipping between running/notRunning, so just cap the wait."""
    try:
        page.wait_for_selector("[data-test-script-state='notRunning']",
                               timeout=timeout_ms)
    except PlaywrightTimeout:
        pass


def frame_paths(out: Path, frames: int) -> list[Path]:
    if frames <= 1:
        return [out]
    return [out.with_name(f"{out.stem}_{i}{out.suffix or '.png'}") for i in range(frames)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--page", default="", help="url path of the page ('' = home)")
    ap.add_argument("--out", required=True, help="PNG path to write")
    ap.add_argument("--click", action="append", default=[],
                    help="visible label of a button to click (repeatable); 'tab:LABEL' clicks a tab")
    ap.add_argument("--wait", type=float, default=1.0,
                    help="seconds to wait after loading/clicking")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=1000)
    ap.add_argument("--port", type=int, default=0, help="0 = pick a free port")
    ap.add_argument("--app", default="app.py", help="app file, relative to repo root")
    ap.add_argument("--frames", type=int, default=1, help="number of screenshots")
    ap.add_argument("--interval", type=float, default=1.0,
                    help="seconds between frames")
    ap.add_argument("--timeout", type=float, default=60, help="page load and button wait timeout (s)")
    args = ap.parse_args()

    port = args.port or free_port()
    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    server = start_server(args.app, port)
    try:
        wait_healthy(server, port, args.timeout)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width,
                                              "height": args.height})
            page.goto(f"http://127.0.0.1:{port}/{args.page.strip('/')}",
                      timeout=args.timeout * 1000)
            page.wait_for_selector("[data-testid='stApp']",
                                   timeout=args.timeout * 1000)
            wait_settled(page)
            for label in args.click:
                role, name = ("tab", label[4:]) if label.startswith("tab:") else ("button", label)
                page.get_by_role(role, name=name).first.click(timeout=args.timeout * 1000)  # a busy machine loads slowly
                page.wait_for_timeout(300)  # let the rerun start before waiting
                wait_settled(page)
            time.sleep(args.wait)
            for i, path in enumerate(frame_paths(out, args.frames)):
                if i:
                    time.sleep(args.interval)
                page.screenshot(path=str(path), full_page=True)
                print(f"saved {path}")
            errors = [e.inner_text() for e in
                      page.locator("[data-testid='stException']").all()]
            browser.close()
        for err in errors:
            print(f"Streamlit exception on page {args.page!r}:\n{err}\n",
                  file=sys.stderr)
        return 1 if errors else 0
    except KeyboardInterrupt:
        return 130
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
