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
    monkeypatch.setenv("GANVIZ_MAX_SESSIONS", str(sessions.counts()["sessions"]))
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
