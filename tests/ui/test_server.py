"""The server around the pages (ganviz/ui/server.py): app.py's st.App, the warm-up, the cached plotly.js route."""

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import plotly
from starlette.requests import Request
from streamlit.web.server.app_discovery import discover_asgi_app

from ganviz.ui import server

ROOT = Path(__file__).resolve().parents[2]


def test_streamlit_run_app_py_finds_the_st_app():
    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.import_string == "app:app"
    assert (ROOT / "navigation.py").is_file()  # the script it serves
    assert '"navigation.py"' in (ROOT / "app.py").read_text()


def test_page_imports_are_what_the_pages_import():
    names = server.page_imports(ROOT / "pages")
    assert {"streamlit", "ganviz.ui", "ganviz.ui.live", "ganviz.views.figure1", "ganviz.views.figure2d"} <= set(names)
    assert names == sorted(set(names))


def test_page_imports_reads_both_import_forms(tmp_path):
    (tmp_path / "a.py").write_text("import json, os.path\nfrom collections import abc\nfrom . import x\n")
    assert server.page_imports(tmp_path) == ["collections", "json", "os.path"]


def test_warm_up_imports_the_pages_modules_and_computes_a_frame(tmp_path):
    (tmp_path / "page.py").write_text("import colorsys\n")
    seconds = server.warm_up(tmp_path)
    assert seconds > 0
    import sys

    assert "colorsys" in sys.modules


def _run(coroutine):
    """``asyncio.run(coroutine)`` in a thread of its own: after the browser tests, this thread may already run an
    event loop (Playwright's)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _get(accept_encoding: str):
    scope = {"type": "http", "method": "GET", "path": server.PLOTLY_PATH, "query_string": b"",
             "headers": [(b"accept-encoding", accept_encoding.encode())]}
    return _run(server.plotly_js(Request(scope)))


def test_plotly_js_is_sent_compressed_and_cached_for_a_year():
    response = _get("gzip, deflate, br")
    assert response.headers["content-encoding"] == "gzip"
    assert "immutable" in response.headers["cache-control"] and "max-age=31536000" in response.headers["cache-control"]
    assert gzip.decompress(response.body) == server.PLOTLY_JS.read_bytes()
    assert len(response.body) < server.PLOTLY_JS.stat().st_size / 2


def test_plotly_js_uncompressed_for_a_client_without_gzip():
    response = _get("identity")
    assert "content-encoding" not in response.headers
    assert response.body == server.PLOTLY_JS.read_bytes()


def test_pages_link_to_the_route_only_while_it_is_served(monkeypatch):
    assert server.plotly_url() is None
    monkeypatch.setitem(server.served, "plotly", True)
    assert server.plotly_url() == f"{server.PLOTLY_PATH}?v={server.PLOTLY_JS_VERSION}"
    from streamlit import config

    monkeypatch.setattr(config, "get_option", lambda name: "/class/" if name == "server.baseUrlPath" else None)
    assert server.plotly_url().startswith("/class/ganviz/plotly.min.js?v=")
    assert [route.path for route in server.routes()] == ["/class/ganviz/plotly.min.js",
                                                          "/class/ganviz/fonts/noto-sans-kr/{name}",
                                                          "/class/ganviz/live/{token}"]


def _live(token: str, last_event_id: str = ""):
    headers = [(b"last-event-id", last_event_id.encode())] if last_event_id else []
    scope = {"type": "http", "method": "GET", "path": f"{server.LIVE_PATH}/{token}", "query_string": b"",
             "headers": headers, "path_params": {"token": token}}
    return _run(server.live_frames(Request(scope)))


def test_a_live_stream_is_refused_for_an_unknown_token():
    response = _live("not-a-token")
    assert response.status_code == 404 and b"no such live run" in response.body


def test_a_live_stream_sends_the_runs_frames_as_server_sent_events():
    from ganviz.frames.worker import close_channel, open_channel

    channel = open_channel()
    channel.publish(b'{"step":1}')
    response = _live(channel.token)
    assert response.media_type == "text/event-stream"
    assert response.headers["x-accel-buffering"] == "no" and response.headers["cache-control"] == "no-store"

    async def first_events():
        chunks = []
        async for chunk in response.body_iterator:
            chunks.append(chunk)
            if chunk.startswith(b"id:"):
                close_channel(channel)
            if b"event: closed" in chunk:
                return chunks
    chunks = _run(first_events())
    assert chunks[0].startswith(b"retry:")
    assert b'id: 1\ndata: {"step":1}\n\n' in chunks
    assert chunks[-1].startswith(b"event: closed"), "a closed channel ends its viewers' streams"


def _start_and_stop(app=None) -> dict:
    """Run ``lifespan`` up to serving and back; return what ``served`` said while serving."""
    async def go():
        async with server.lifespan(app):
            return dict(server.served)

    return _run(go())


def test_the_server_starts_even_when_the_warm_up_fails(monkeypatch, capsys):
    def broken():
        raise ImportError("no module named nowhere")

    monkeypatch.setattr(server, "warm_up", broken)
    monkeypatch.setattr(server.config, "get_option", lambda name: True if name == "server.headless" else "")
    assert _start_and_stop() == {"plotly": True, "live": True}
    assert "warm-up failed (ImportError: no module named nowhere)" in capsys.readouterr().out
    assert server.served == {"plotly": False, "live": False}, "not served once the server has stopped"


def test_a_browser_tab_opens_unless_headless(monkeypatch):
    opened = []
    monkeypatch.setattr(server, "warm_up", lambda: 0.0)
    monkeypatch.setattr(server.webbrowser, "open", opened.append)
    options = {"server.headless": False, "browser.serverAddress": "localhost", "server.port": 8501,
               "server.baseUrlPath": ""}
    monkeypatch.setattr(server.config, "get_option", options.get)
    _start_and_stop()
    assert opened == ["http://localhost:8501/"]
    options["server.headless"] = True
    _start_and_stop()
    assert len(opened) == 1
