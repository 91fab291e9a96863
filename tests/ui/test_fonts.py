"""The shipped Korean web font: its faces as Streamlit declares them, and the route that serves its files."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

from starlette.requests import Request

from ganviz.ui import server


def _get(name: str):
    scope = {"type": "http", "method": "GET", "path": f"{server.FONT_PATH}/{name}", "query_string": b"",
             "headers": [], "path_params": {"name": name}}
    with ThreadPoolExecutor(1) as pool:  # a thread of its own: Playwright's event loop may run in this one
        return pool.submit(asyncio.run, server.font_file(Request(scope))).result()


def test_every_face_names_a_shipped_slice_and_leaves_latin_alone():
    faces = server.font_faces()
    files = {p.name for p in server.FONTS.glob("*.woff2")}
    assert len(faces) == len(files) > 50
    for face in faces:
        assert face["family"] == "Noto Sans KR" and face["weight"] == "100 900"
        name, _, version = face["url"].rpartition("/")[2].partition("?v=")
        assert name in files and version == json.loads((server.FONTS / "faces.json").read_text())["version"]
        assert not face["url"].startswith("/"), "relative, so that server.baseUrlPath applies"
        for span in face["unicodeRange"].split(","):
            assert int(span.removeprefix("U+").split("-")[0], 16) >= 0x250, span  # Latin stays Streamlit's


def test_the_faces_cover_every_hangul_syllable_the_korean_catalogue_uses():
    from ganviz.i18n.ko import STRINGS

    covered = set()
    for face in server.font_faces():
        for span in face["unicodeRange"].split(","):
            first, _, last = span.removeprefix("U+").partition("-")
            covered.update(range(int(first, 16), int(last or first, 16) + 1))
    used = {ord(c) for text in STRINGS.values() for c in str(text) if "\uac00" <= c <= "\ud7a3"}
    assert used and used <= covered, sorted(chr(c) for c in used - covered)[:20]


def test_a_slice_is_served_as_woff2_and_cached_for_a_year():
    name = server.font_faces()[0]["url"].rpartition("/")[2].partition("?")[0]
    response = _get(name)
    assert response.status_code == 200 and response.media_type == "font/woff2"
    assert response.body[:4] == b"wOF2"
    assert "immutable" in response.headers["cache-control"]


def test_anything_else_is_not_found():
    for name in ("../server.py", "faces.json", "OFL.txt", "nope.woff2", "%2e%2e%2fserver.py"):
        assert _get(name).status_code == 404, name
