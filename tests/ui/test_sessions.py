"""ganviz.ui.sessions: the session cap, the notice after a server restart, and trainers freed with their session."""

import gc

import pytest
from streamlit.testing.v1 import AppTest

from ganviz.core.config import TrainConfig
from ganviz.core.trainer import Trainer
from ganviz.ui import sessions

APP = "../../navigation.py"


def open_app(query=None):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def test_a_fresh_visit_gets_no_notice_and_the_url_names_this_server_run():
    at = open_app()
    assert not at.exception and not at.warning
    assert at.query_params["server"] == sessions.SERVER_RUN


def test_a_page_from_before_a_restart_is_told_its_run_is_gone():
    other = "0" * 8 if sessions.SERVER_RUN != "0" * 8 else "1" * 8
    at = open_app({"server": other})
    assert at.warning and "server restarted" in at.warning[0].value
    assert at.query_params["server"] == sessions.SERVER_RUN


@pytest.mark.parametrize("forged", ["../../etc/passwd", "<script>", "x" * 500, ""])
def test_a_forged_server_parameter_is_ignored(forged):
    at = open_app({"server": forged})
    assert not at.exception and not at.warning
    assert at.query_params["server"] == sessions.SERVER_RUN


def test_sessions_past_the_cap_are_refused_with_a_reason(monkeypatch):
    open_app()  # at least one session is open in this process
    monkeypatch.setenv("GANVIZ_MAX_SESSIONS", str(sessions.counts()["held"]))
    at = open_app()
    assert at.error and "limit (GANVIZ_MAX_SESSIONS)" in at.error[0].value
    assert not at.exception


@pytest.mark.parametrize("text", ["0", "-3", "many", "2.5"])
def test_a_bad_cap_is_refused_with_a_message(monkeypatch, text):
    monkeypatch.setenv("GANVIZ_MAX_SESSIONS", text)
    with pytest.raises(ValueError, match="GANVIZ_MAX_SESSIONS must be a whole number"):
        sessions.max_sessions()


def test_no_cap_by_default(monkeypatch):
    monkeypatch.delenv("GANVIZ_MAX_SESSIONS", raising=False)
    assert sessions.max_sessions() is None


class FakeState(dict):
    def to_dict(self):
        return dict(self)


def test_a_tracked_trainer_is_counted_until_it_is_freed(monkeypatch):
    freed = []
    original = sessions._trainer_freed
    monkeypatch.setattr(sessions, "_trainer_freed", lambda: (freed.append(1), original()))
    gc.collect()  # trainers of earlier tests that are already unreachable go first
    trainer = Trainer(TrainConfig(width=4))
    state = FakeState({"page.trainer": trainer})
    monkeypatch.setattr(sessions.st, "session_state", state)
    before = sessions.counts()["trainers"]
    sessions.track_trainers()
    sessions.track_trainers()  # each trainer once
    assert sessions.counts()["trainers"] == before + 1
    state.clear()  # the session ends
    del trainer
    gc.collect()
    assert freed == [1], "the trainer's finalizer ran once"


class FakeStorage:
    """Streamlit's storage of the sessions whose tabs closed (kept for a reconnect until their TTL)."""

    def __init__(self, closed):
        self.closed = list(closed)

    def list(self):
        return [type("Info", (), {"session": type("Session", (), {"id": sid})()})() for sid in self.closed]


class FakeManager:
    def __init__(self, storage):
        self._session_storage = storage

    def is_active_session(self, sid):
        return False

    def close_session(self, sid):
        self._session_storage.closed.remove(sid)


def test_the_cap_counts_held_sessions_and_releases_those_of_closed_tabs_first(monkeypatch):
    open_app()
    ended = []
    closed = "closed-tab-session"
    with sessions._lock:  # a closed tab's session, kept for its TTL
        sessions._held["token"] = {"session": closed, "callbacks": [lambda: ended.append("stopped")]}
    held = sessions.counts()["held"]
    monkeypatch.setenv("GANVIZ_MAX_SESSIONS", str(held))
    storage = FakeStorage([closed])
    monkeypatch.setattr(sessions, "_manager", lambda: FakeManager(storage))
    at = open_app()  # the cap is reached: the closed tab's session is released to make room
    assert not at.error and not at.exception
    assert ended == ["stopped"] and storage.closed == [] and "token" not in sessions._held
    assert sessions.counts()["held"] == held, "one released, one new"
    monkeypatch.setattr(sessions, "release_closed", lambda *a: 0)  # no closed tab left to release
    refused = open_app()
    assert refused.error and "limit (GANVIZ_MAX_SESSIONS)" in refused.error[0].value


def test_a_session_end_runs_its_callbacks_once_and_a_broken_one_does_not_stop_the_others():
    ran = []
    with sessions._lock:
        sessions._held["ending"] = {"session": None, "callbacks": [lambda: 1 / 0, lambda: ran.append(1)]}
    sessions._end("ending", "test")
    sessions._end("ending", "test")
    assert ran == [1] and "ending" not in sessions._held


def test_a_reconnected_tab_is_counted_as_open_again():
    from streamlit.runtime.caching import cache_resource_api

    at = open_app()
    session_id = sessions._held[at.session_state[sessions.HELD_KEY]]["session"]
    open_now = sessions.counts()["sessions"]
    cache_resource_api._resource_caches.clear_session(session_id)  # what Streamlit does when the tab disconnects
    assert sessions.counts()["sessions"] == open_now - 1
    at.run()  # the tab reconnects and reruns
    assert not at.exception and sessions.counts()["sessions"] == open_now


def test_a_memory_limit_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("GANVIZ_MEMORY_MB", "1500")
    assert sessions.memory_limit_mb() == 1500
    monkeypatch.setenv("GANVIZ_MEMORY_MB", "lots")
    with pytest.raises(ValueError, match="GANVIZ_MEMORY_MB must be a whole number"):
        sessions.memory_limit_mb()
    assert sessions.resident_mb() is None or sessions.resident_mb() > 10


def test_each_page_run_records_the_page_it_is_on():
    at = open_app()
    held = sessions._held[at.session_state[sessions.HELD_KEY]]
    home = held["page"]
    assert isinstance(home, str) and home, "the home page's run recorded its page"
    at.switch_page("pages/figure1.py").run()
    assert not at.exception
    assert held["page"] not in ("", home), "a run of another page records that page"


def test_a_tab_watcher_says_connected_while_the_tab_is_connected_and_on_its_page(monkeypatch):
    """What a run's worker asks before it stops for want of a viewer (ganviz.frames.worker)."""
    with sessions._lock:
        sessions._held["watched"] = {"session": "tab-session", "callbacks": [], "page": "figure1-hash"}
    monkeypatch.setattr(sessions.st, "session_state", FakeState({sessions.HELD_KEY: "watched"}))
    active = {"tab-session"}
    manager = type("Manager", (), {"is_active_session": lambda self, sid: sid in active})()
    monkeypatch.setattr(sessions, "_manager", lambda: manager)
    try:
        connected = sessions.tab_watcher()
        assert connected(), "open and on the run's page (a starved tab that has not read its stream)"
        active.clear()
        assert not connected(), "its websocket closed (the tab closed)"
        active.add("tab-session")
        assert connected(), "it reconnected"
        sessions._held["watched"]["page"] = "two_d-hash"
        assert not connected(), "the tab went to another page"
        sessions._held["watched"]["page"] = "figure1-hash"

        def unreachable():
            raise RuntimeError("no runtime")
        monkeypatch.setattr(sessions, "_manager", unreachable)
        assert not connected(), "no session manager to ask (AppTest): the idle time alone decides"
        monkeypatch.setattr(sessions, "_manager", lambda: manager)
    finally:
        sessions._end("watched", "test")
    assert not connected(), "the session has ended"
