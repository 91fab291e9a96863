"""Who is here: sessions and their trainers, counted and logged as they come and go.

Every browser tab is a Streamlit session; its trainers live in its own
``st.session_state`` and nothing mutable is shared between students. When a tab
closes, Streamlit drops the session after ``server.disconnectedSessionTTL``
seconds and the session's trainers are freed with it. This module makes that
visible in the server's log, which the load test (``tools/load_test.py``) reads:

    ganviz: session opened (3 open)
    ganviz: session closed (2 open)
    ganviz: trainer freed (4 alive)

``register()`` runs at the top of every page (from ``ensure_navigation``): the
first time in a session it refuses the session past ``GANVIZ_MAX_SESSIONS``,
says so if the server restarted under the student's page, and opens a
session-scoped resource whose release logs the departure. ``track_trainers()`` runs there and in every frame of the live
loops (a trainer is usually made after the top of the page): it gives each
Trainer in the session state a finalizer that logs when its memory is given back.
"""

from __future__ import annotations

import ctypes
import gc
import ctypes.util
import logging
import os
import re
import secrets
import threading
import time
import weakref

import streamlit as st

from ganviz.i18n import t
from ganviz.lessons.race import Race
from ganviz.core.trainer import Trainer

log = logging.getLogger("ganviz")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("ganviz: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False

_lock = threading.Lock()
_counts = {"sessions": 0, "trainers": 0}
_tracked: "weakref.WeakSet[Trainer]" = weakref.WeakSet()
_libc = ctypes.CDLL(ctypes.util.find_library("c")) if ctypes.util.find_library("c") else None


def counts() -> dict:
    """{"sessions": open sessions, "trainers": trainers alive} in this server process."""
    with _lock:
        return dict(_counts)


def _change(what: str, by: int) -> int:
    with _lock:
        _counts[what] += by
        return _counts[what]


def _trainer_freed() -> None:
    alive = _change("trainers", -1)
    if _libc is not None and hasattr(_libc, "malloc_trim"):
        _libc.malloc_trim(0)  # hand the freed arena pages back to the OS, so the server's RSS falls too
    log.info("trainer freed (%d alive)", alive)


class _Session:
    def __init__(self):
        log.info("session opened (%d open)", _change("sessions", +1))


def _session_closed(_session: _Session) -> None:
    log.info("session closed (%d open)", _change("sessions", -1))
    # Its trainers are freed by the janitor's collections once Streamlit drops the session (see _start_janitor).


@st.cache_resource(scope="session", on_release=_session_closed, show_spinner=False)
def _session() -> _Session:
    return _Session()


def _trainers_in(value):
    if isinstance(value, Trainer):
        yield value
    elif isinstance(value, Race):
        yield from value.trainers.values()
    elif hasattr(value, "trainer") and isinstance(getattr(value, "trainer", None), Trainer):
        yield value.trainer


SERVER_RUN = secrets.token_hex(4)  # changes whenever this server process restarts
_RUN_PATTERN = re.compile(r"[0-9a-f]{8}")


def max_sessions() -> int | None:
    """The session cap of this server process: ``GANVIZ_MAX_SESSIONS`` (a whole number >= 1), or None for no cap."""
    text = os.environ.get("GANVIZ_MAX_SESSIONS", "").strip()
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"GANVIZ_MAX_SESSIONS must be a whole number >= 1 (got {text!r})")
    return int(text)


def register() -> None:
    """Count this session once, refuse it past the cap, say so after a server restart, and track its Trainers."""
    _start_janitor()
    first_run = "ganviz.session" not in st.session_state
    if first_run:
        cap = max_sessions()
        if cap is not None and counts()["sessions"] >= cap:
            st.error(t("sessions.full", cap=cap))
            st.stop()
        st.session_state["ganviz.session"] = _session()
        _say_if_restarted()
    elif st.query_params.get("server") != SERVER_RUN:  # a page switch may have dropped it
        st.query_params["server"] = SERVER_RUN
    track_trainers()


def _say_if_restarted() -> None:
    """On a session's first run: if the page's URL names another server run, the server restarted under it.

    The URL carries ``?server=<SERVER_RUN>`` (8 hex digits, random per process;
    nothing else is read from it but ``lang``, see ``ganviz.ui.first_language``). When a replica restarts, the student's page
    reconnects by itself to a fresh session (on that replica or, behind the
    proxy, another one); the old run is gone, and this says so instead of
    silently showing step 0.
    """
    seen = st.query_params.get("server")
    if seen is not None and _RUN_PATTERN.fullmatch(seen) and seen != SERVER_RUN:
        st.warning(t("sessions.restarted"), icon=":material/restart_alt:")
    st.query_params["server"] = SERVER_RUN


_janitor_started = threading.Event()
JANITOR_SECONDS = 5.0


def _start_janitor() -> None:
    """Once per process: a thread that drops sessions whose tabs closed more than the TTL ago.

    Streamlit keeps a closed tab's session (and so its trainers) for
    ``server.disconnectedSessionTTL`` seconds, in case the tab reconnects, but it
    only reaps expired sessions when a session is saved (someone connects or
    leaves): the last tab to close stays in memory until the next visitor.
    This thread reaps them every few seconds instead, and collects the
    garbage they leave at once. It uses Streamlit's
    internal session storage; if that changes shape, it stops and says so once,
    and sessions are reaped lazily as before.
    """
    if _janitor_started.is_set():
        return
    _janitor_started.set()

    def reap_forever():
        from streamlit.runtime import Runtime

        seen, collect_ticks = None, 0
        while True:
            time.sleep(JANITOR_SECONDS)
            try:
                cache = Runtime.instance()._session_mgr._session_storage._cache
                cache.expire()
                # A dropped session's trainers sit in reference cycles (closures, optimizers) that only the cycle
                # collector frees, and an idle server may not allocate enough to run it: collect for a few ticks
                # after any session comes or goes (Streamlit drops a session some moments after it closes).
                now = (len(cache), counts()["sessions"])
                if now != seen:
                    seen, collect_ticks = now, 3
                if collect_ticks:
                    collect_ticks -= 1
                    gc.collect()
            except Exception as err:  # noqa: BLE001 - a Streamlit upgrade must not break the app
                log.info("closed sessions are reaped lazily (cannot reach Streamlit's session storage: %s)", err)
                return

    threading.Thread(target=reap_forever, name="ganviz-session-janitor", daemon=True).start()


def track_trainers() -> None:
    """Track every Trainer this session's state holds, each once (the live loops call this every frame)."""
    for value in list(st.session_state.to_dict().values()):
        for trainer in _trainers_in(value):
            if trainer not in _tracked:
                _tracked.add(trainer)
                _change("trainers", +1)
                weakref.finalize(trainer, _trainer_freed)
