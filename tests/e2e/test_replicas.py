"""Two replicas behind nginx (deploy/nginx-ganviz.conf) on loopback: sessions spread, stick, and survive a restart.

Starts two ``streamlit run app.py`` replicas and nginx with the repo's config
(its ports and temp folder rewritten to free ones), then opens browser sessions
through the proxy: they must land on both replicas, each one's WebSocket must
stay with its replica (training runs), and when one replica restarts, its
students must reconnect by themselves to a fresh session that tells them so,
while the other replica's students train on undisturbed. A student pinned to
one replica who opens a follow link of a run shared on the other is routed to
the sharer's replica (the code's first digit, GANVIZ_REPLICA) and sees its frames.
Skipped without nginx, unless GANVIZ_REQUIRE_BROWSER=1 (CI), where it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO_ROOT, REQUIRED
from .driver import click, css_key, plot_state, step, wait_for

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
SESSIONS = 4


@pytest.fixture
def proxied(tmp_path, browser):
    if NGINX is None:
        if REQUIRED:
            pytest.fail("nginx is required for the replica test (GANVIZ_REQUIRE_BROWSER=1): apt-get install nginx")
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    from screenshot import free_port, start_server, wait_healthy

    proxy_port, ports = free_port(), [free_port(), free_port()]
    conf = (REPO_ROOT / "deploy" / "nginx-ganviz.conf").read_text()
    conf = conf.replace("127.0.0.1:8600", f"127.0.0.1:{proxy_port}").replace("/tmp/ganviz-nginx", str(tmp_path))
    for old, new in zip(("8601", "8602"), ports):
        conf = conf.replace(f"127.0.0.1:{old}", f"127.0.0.1:{new}")
    (tmp_path / "nginx.conf").write_text(conf)
    env = {port: {**os.environ, "GANVIZ_MAX_SESSIONS": "10", "GANVIZ_REPLICA": str(i + 1)}  # as the config's order
           for i, port in enumerate(ports)}
    replicas = {port: start_server("app.py", port, env=env[port]) for port in ports}
    nginx = subprocess.Popen([NGINX, "-c", str(tmp_path / "nginx.conf")], stdout=subprocess.DEVNULL,
                             stderr=subprocess.STDOUT)
    try:
        for port, server in replicas.items():
            wait_healthy(server, port, timeout=120)
        yield f"http://127.0.0.1:{proxy_port}", replicas, env
    finally:
        nginx.terminate()
        nginx.wait(timeout=15)
        for server in replicas.values():
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


def replica_of(context) -> int:
    cookie = next(c["value"] for c in context.cookies() if c["name"] == "ganviz_replica")
    return int(re.fullmatch(r"127\.0\.0\.1:(\d+)", cookie).group(1))


def test_sessions_spread_stick_and_survive_a_replica_restart(proxied, browser):
    from screenshot import start_server, wait_healthy

    url, replicas, env = proxied
    students = []
    for _ in range(SESSIONS):
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(f"{url}/figure1")
        page.wait_for_selector(".js-plotly-plot .main-svg")
        students.append((context, page))
    where = [replica_of(context) for context, _ in students]
    assert set(where) == set(replicas), f"sessions are spread over both replicas ({where})"

    for _, page in students:
        click(page, "fig1.play")
    assert all(wait_for(lambda p=page: (step(p) or 0) > 0, timeout=90) for _, page in students), \
        "every student trains through the proxy (the WebSocket goes to the replica that served the page)"

    # Follow mode: the first student shares their run; a student pinned to the other replica opens the link and
    # is routed to the sharer's replica by the code's digit, and sees that run's frames.
    sharer, home = students[0][1], where[0]
    click(sharer, "fig1.share", menu="fig1.lessons")
    sharer.keyboard.press("Escape")
    label = sharer.locator(css_key("fig1.share_info") + " button").first
    label.wait_for()
    code = re.search(r"\b([1-9][A-Z]{6})\b", label.inner_text()).group(1)
    assert code[0] == str(list(replicas).index(home) + 1), f"the code {code} names the sharer's replica {home}"
    other = next(port for port in replicas if port != home)
    follower_context = browser.new_context(viewport={"width": 1200, "height": 900})
    follower_context.add_cookies([{"name": "ganviz_replica", "value": f"127.0.0.1:{other}", "url": url}])
    follower = follower_context.new_page()
    follower.set_default_timeout(90_000)
    follower.goto(f"{url}/?follow={code}")
    follower.wait_for_selector(".gz-live .gz-fig.js-plotly-plot")
    assert replica_of(follower_context) == home, "the follow link pinned the student to the sharer's replica"
    first = step(follower)
    assert wait_for(lambda: (step(follower) or 0) > (first or 0), timeout=60), "the follower gets the run's frames"
    assert follower.get_by_text("No run is shared").count() == 0
    follower_context.close()

    restarted = where[0]
    replicas[restarted].terminate()
    replicas[restarted].wait(timeout=15)
    replicas[restarted] = start_server("app.py", restarted, env=env[restarted])
    wait_healthy(replicas[restarted], restarted, timeout=120)

    for (context, page), port in zip(students, where):
        if port == restarted:
            notice = wait_for(lambda p=page: p.get_by_text("server restarted").count(), timeout=90)
            assert notice, "a student of the restarted replica is told their run started afresh"
            assert wait_for(lambda p=page: plot_state(p, "fig1.live"), timeout=60), "and gets a working page"
            assert step(page) is not None and step(page) < 1_000
        else:
            before = step(page)
            assert wait_for(lambda p=page, b=before: (step(p) or 0) > b, timeout=60), \
                "students of the other replica train on"
            assert page.get_by_text("server restarted").count() == 0
    for context, _ in students:
        context.close()
