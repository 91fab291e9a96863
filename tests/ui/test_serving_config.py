"""The classroom proxy and the app agree on how large an upload may be (a long saved run must load back)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_nginx_accepts_what_streamlit_accepts():
    """The proxy lets through every upload body the app takes: its file up to ``server.maxUploadSize`` plus the
    multipart framing around it (Streamlit allows 1 MB for that)."""
    app = re.search(r"^maxUploadSize\s*=\s*(\d+)", (ROOT / ".streamlit" / "config.toml").read_text(), re.M)
    proxy = re.search(r"client_max_body_size\s+(\d+)m;", (ROOT / "deploy" / "nginx-ganviz.conf").read_text())
    assert app and proxy and int(proxy.group(1)) == int(app.group(1)) + 1


def test_students_see_no_tracebacks():
    """An unexpected error shows a generic line in the browser; the traceback stays in the server's log."""
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert re.search(r'^showErrorDetails\s*=\s*"none"', config, re.M)
    assert re.search(r'^toolbarMode\s*=\s*"viewer"', config, re.M)
