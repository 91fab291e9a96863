"""The server around the pages: a warm-up before the first visitor, and plotly.js served once and cached.

``app.py`` hands both to ``st.App`` (Streamlit's documented ASGI entry point;
``streamlit run app.py`` finds it there):

* ``lifespan`` caps torch's threads (``ganviz.ui.start_process``), then runs
  ``warm_up`` before the server takes its first visitor, so
  that the first visitor does not pay for work that is the same for everyone:
  importing torch and the app, torch importing ``torch._dynamo`` the first time
  any ``torch.optim`` optimizer is built, first calls into torch and NumPy.
  ``warm_up`` imports what the pages import and computes one frame of the
  Figure 1 and 2D pages' default settings (and, on a machine with an
  accelerator, measures which device their sizes train faster on). What it
  saves is in results/performance-history.md ("Third pass").
* ``routes`` serves the installed plotly package's ``plotly.min.js`` (4.8 MB)
  gzip-compressed once, with a year's ``immutable`` caching (its URL names the
  plotly version). Streamlit's component route, the fallback, sends it with
  ``Cache-Control: public`` and no validator, so every new tab fetched the
  file again, the server compressed it again, and the browser compiled it again.
* ``routes`` also serves each playing run's frames as server-sent events
  under ``LIVE_PATH`` (``live_frames``; ``ganviz.frames.worker``), to the
  page that holds the run's unguessable token.
* ``routes`` also serves a Korean web font (``ganviz/ui/fonts``: Noto Sans KR's
  slices that hold Hangul, made by ``tools/make_korean_font.py``) under
  ``FONT_PATH``, and ``lifespan`` declares its faces as ``theme.fontFaces``;
  ``.streamlit/config.toml`` names the family first. A lab PC without a CJK
  font then shows Hangul, not boxes; a browser fetches only the slices a page uses.
"""

from __future__ import annotations

import ast
import asyncio
import gzip
import importlib
import json
import time
import webbrowser
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path

import plotly
from streamlit import config

ROOT = Path(__file__).resolve().parents[2]
# plotly.js's cartesian bundle (scatter, bar, heatmap, contour, histogram, image, pie; no WebGL traces), the
# same plotly.js release as the plotly package's: a third of the full bundle's size, so a new visitor's browser
# compiles it in about a third of the time (docs/performance.md). From npm, plotly.js-cartesian-dist-min.
PLOTLY_JS = Path(__file__).resolve().parent / "vendor" / "plotly" / "plotly.min.js"
PLOTLY_JS_VERSION = "4.1.1-cartesian"  # in the URL: a new bundle is a new URL for the browsers' caches
PLOTLY_PATH = "/ganviz/plotly.min.js"  # under server.baseUrlPath
CACHE_FOREVER = "public, max-age=31536000, immutable"
FONTS = Path(__file__).resolve().parent / "fonts" / "noto-sans-kr"
FONT_PATH = "/ganviz/fonts/noto-sans-kr"  # under server.baseUrlPath
LIVE_PATH = "/ganviz/live"  # under server.baseUrlPath: /ganviz/live/<token>, a run's frames as server-sent events
# Set by ``lifespan``: "live" from its start (the live-frame route is mounted: ``ganviz.ui.live_view.streaming``),
# "plotly" once plotly.js is compressed and ready (pages link to its route).
served = {"plotly": False, "live": False}


def plotly_url() -> str | None:
    """The versioned URL of ``PLOTLY_PATH`` where this process serves it (under ``st.App``), else None."""
    if not served["plotly"]:
        return None
    return f"{base_path()}{PLOTLY_PATH}?v={PLOTLY_JS_VERSION}"


def routes() -> list:
    """The extra routes for ``st.App``: plotly.js at ``PLOTLY_PATH``, the Korean font's files under ``FONT_PATH``."""
    from starlette.routing import Route

    return [Route(f"{base_path()}{PLOTLY_PATH}", plotly_js, methods=["GET", "HEAD"]),
            Route(f"{base_path()}{FONT_PATH}/{{name}}", font_file, methods=["GET", "HEAD"]),
            Route(f"{base_path()}{LIVE_PATH}/{{token}}", live_frames, methods=["GET"])]


async def live_frames(request):
    """A playing run's frames as server-sent events (``ganviz.frames.worker.Channel``), for the page that
    holds the run's token; any other token is refused. ``X-Accel-Buffering: no`` keeps nginx from holding
    frames back; gzip leaves ``text/event-stream`` alone."""
    from starlette.responses import Response, StreamingResponse

    from ganviz.frames.worker import find_channel

    channel = find_channel(request.path_params["token"])
    if channel is None:
        return Response("no such live run (it ended, or the server restarted)", status_code=404,
                        media_type="text/plain")
    after = request.query_params.get("after") or request.headers.get("last-event-id", "")  # the last frame it has
    return StreamingResponse(channel.events(int(after) if after.isdigit() else 0), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


async def plotly_js(request):
    """plotly.min.js, gzip-compressed when the browser accepts it (almost always), cached for a year."""
    from starlette.responses import Response

    headers = {"Cache-Control": CACHE_FOREVER, "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        body = await asyncio.to_thread(_plotly_gzip)
        headers["Content-Encoding"] = "gzip"  # Streamlit's gzip middleware leaves an encoded body alone
    else:
        body = PLOTLY_JS.read_bytes()
    return Response(body, media_type="text/javascript", headers=headers)


async def font_file(request):
    """One woff2 slice of the shipped font, cached for a year (each URL names the font's version)."""
    from starlette.responses import Response

    body = _font_files().get(request.path_params["name"])
    if body is None:  # only the shipped files' names: no path is ever built from the request
        return Response("no such font file", status_code=404, media_type="text/plain")
    return Response(body, media_type="font/woff2", headers={"Cache-Control": CACHE_FOREVER})


@cache
def _font_files() -> dict[str, bytes]:
    """The shipped font's slices by file name, read once (about 2 MB in all)."""
    return {path.name: path.read_bytes() for path in FONTS.glob("*.woff2")}


def font_faces() -> list[dict]:
    """The shipped font as Streamlit's ``theme.fontFaces``: one face per slice, with its unicode-range.

    The URLs are relative (no leading slash), so the browser resolves them under the page's own path,
    ``server.baseUrlPath`` included.
    """
    font = json.loads((FONTS / "faces.json").read_text())
    return [{"family": font["family"], "url": f"{FONT_PATH.lstrip('/')}/{face['file']}?v={font['version']}",
             "weight": font["weights"], "style": "normal", "unicodeRange": face["unicodeRange"]}
            for face in font["faces"]]


@cache
def _plotly_gzip() -> bytes:
    return gzip.compress(PLOTLY_JS.read_bytes(), compresslevel=9, mtime=0)


@asynccontextmanager
async def lifespan(app):
    """``st.App``'s start-up and shut-down: warm up (in a worker thread), then serve; open a browser like
    ``streamlit run`` does for a plain script (not when headless)."""
    config.set_option("theme.fontFaces", font_faces(), where_defined="ganviz.ui.server")
    served["live"] = True
    from . import start_process

    start_process()  # torch's thread cap, before the warm-up's first frames
    try:
        seconds = await asyncio.to_thread(warm_up)
        print(f"ganviz: warmed up in {seconds:.1f} s (imports, one frame of each live page); serving.", flush=True)
    except Exception as err:  # the pages will show it where it happens; the server still starts
        print(f"ganviz: warm-up failed ({type(err).__name__}: {err}); serving without it.", flush=True)
    await asyncio.to_thread(_plotly_gzip)
    served["plotly"] = True
    if not config.get_option("server.headless"):
        address, port = config.get_option("browser.serverAddress"), config.get_option("server.port")
        await asyncio.to_thread(webbrowser.open, f"http://{address}:{port}{base_path()}/")
    try:
        yield
    finally:
        served["plotly"] = served["live"] = False


def warm_up(pages: Path = ROOT / "pages") -> float:
    """Import every module the pages import and compute one frame of each live page's defaults; return seconds."""
    start = time.perf_counter()
    for name in page_imports(pages):
        importlib.import_module(name)
    from ganviz.views.figure1 import figure1
    from ganviz.views.figure2d import figure2d
    from ganviz.lessons.presets import FIGURE1_HELD, RING8
    from ganviz.frames.snapshot import take_snapshot
    from ganviz.frames.snapshot2d import take_snapshot_2d
    from ganviz.core.trainer import Trainer
    from ganviz.views.wire import figure_json

    for settings, snapshot, figure in ((FIGURE1_HELD, take_snapshot, figure1), (RING8, take_snapshot_2d, figure2d)):
        trainer = Trainer(settings)
        trainer.train(5)
        figure_json(figure(snapshot(trainer)))
    return time.perf_counter() - start


def page_imports(pages: Path) -> list[str]:
    """The modules the page scripts in ``pages`` import (``import a.b``, ``from a.b import c``), sorted."""
    names = set()
    for path in sorted(pages.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return sorted(names)


def base_path() -> str:
    """``server.baseUrlPath`` as a URL prefix: "" or "/name"."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""
