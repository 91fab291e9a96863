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

Open and held. A tab that closes (or loses its connection) is *closed* at once, but Streamlit keeps its
session, trainers and all, for ``server.disconnectedSessionTTL`` seconds in case it comes back: the session
is *held* from its first page until Streamlit drops it. The cap counts held sessions, since those are what
take memory: a student who reloads the page five times holds five sessions. When a new session finds the cap
reached, the sessions of closed tabs are released first (``release_closed``: dropped from Streamlit's storage
as the TTL would drop them, their close callbacks run and their memory collected); so is every closed one
when the process passes ``GANVIZ_MEMORY_MB`` of resident memory (the janitor checks every few seconds).
A tab that reconnects is counted as open again; one whose session was released starts afresh.

``on_session_end(callback)`` registers a callback that runs once when the current session ends: released
early, or dropped by Streamlit (the janitor notices within ``JANITOR_SECONDS``). A session's background work
(a training thread) registers its stop there; the callback must not hold the session's state, or the state
could never be freed.

``tab_watcher()`` gives such work a plain callable that says whether the session's tab is still connected (its
websocket open, as Streamlit's session manager knows) and on the page it was made on: a run's worker
(``ganviz.frames.worker``) stops for want of a viewer only when it says no, so a tab that is open but starved of
CPU keeps its run, while a closed tab (disconnected) or one that went to another page frees it.

    ganviz: session opened (3 open, 4 held)
    ganviz: session closed (2 open, 4 held)
    ganviz: session released (2 open, 3 held): its tab closed and the cap was reached
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
from typing import Callable

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

_lock = threading.RLock()
_counts = {"sessions": 0, "trainers": 0}
# Every held session, by a token kept in its state ("ganviz.held"): its Streamlit session id and its close callbacks
# (``on_session_end``), from its first page to its end.
_held: dict[str, dict] = {}
HELD_KEY = "ganviz.held"
_tracked: "weakref.WeakSet[Trainer]" = weakref.WeakSet()
_libc = ctypes.CDLL(ctypes.util.find_library("c")) if ctypes.util.find_library("c") else None
# glibc's allocator: every page run is a thread, and glibc gives threads arenas of their own (8 per core), where
# freed memory stays for reuse. run-app.sh sets MALLOC_ARENA_MAX=2 (it must be set before the process starts:
# glibc fixes its arena limit when the second thread allocates); trim_memory hands free pages back.
GLIBC = _libc is not None and hasattr(_libc, "gnu_get_libc_version") and hasattr(_libc, "malloc_trim")


def counts() -> dict:
    """{"sessions": open sessions, "held": sessions held (open, or closed and kept for a reconnect),
    "trainers": trainers alive} in this server process."""
    with _lock:
        return dict(_counts, held=len(_held))


def _where() -> str:
    now = counts()
    return f"{now['sessions']} open, {now['held']} held"


def on_session_end(callback) -> None:
    """Run ``callback()`` once when the current browser session ends (released early by ``release_closed``,
    or dropped by Streamlit after its tab closed); a callback's error is logged, never raised. Call it from a
    page run. The callback must not reference the session's state (that would keep the state alive)."""
    token = st.session_state.get(HELD_KEY)
    with _lock:
        if token in _held:
            _held[token]["callbacks"].append(callback)
            return
    callback()  # the session has already ended


def _session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def _page_id() -> str:
    """The page this run is on (Streamlit's script hash of the page ``st.navigation`` picked; "" outside a run)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    try:
        return str(ctx.page_script_hash) if ctx is not None else ""
    except Exception:  # noqa: BLE001 - a Streamlit whose context changed shape: every page counts as the same
        return ""


def tab_watcher() -> Callable[[], bool]:
    """``connected()`` for background work that this page run starts (a run's worker): True while this session
    is held, its tab is connected (Streamlit's session manager counts it active: its websocket is open) and the
    session's latest page run was on this page. Call it from a page run; the callable holds two strings, not the
    session's state, and is safe to call from any thread. False when Streamlit's session manager cannot be reached
    (AppTest): the worker then stops on its idle time alone, as before."""
    token = st.session_state.get(HELD_KEY)
    with _lock:
        held = _held.get(token)
        page = held.get("page", "") if held else ""

    def connected() -> bool:
        with _lock:
            held = _held.get(token)
            if held is None or held.get("page", "") != page or held["session"] is None:
                return False
            session = held["session"]
        try:
            return bool(_manager().is_active_session(session))
        except Exception:  # noqa: BLE001 - no runtime (AppTest), or a Streamlit whose manager changed shape
            return False

    return connected


def _end(token: str, why: str) -> None:
    """The session is over: forget it and run its close callbacks."""
    with _lock:
        held = _held.pop(token, None)
    if held is None:
        return
    for callback in held["callbacks"]:
        try:
            callback()
        except Exception:  # noqa: BLE001 - one broken callback must not keep the others from running
            log.exception("a session's close callback failed")
    log.info("session released (%s): %s", _where(), why)


def release_closed(why: str = "its tab closed and the cap was reached") -> int:
    """Release now every held session whose tab is closed: close it in Streamlit's session manager (as its
    TTL would, later: out of the storage, shut down, its uploaded files dropped), run its close callbacks and
    collect its memory. Returns how many were released (0 when
    Streamlit's session storage cannot be reached, e.g. under AppTest)."""
    try:
        manager = _manager()
        closed = [info.session.id for info in manager._session_storage.list()]
    except Exception:  # noqa: BLE001 - no runtime (AppTest), or a Streamlit whose storage changed shape
        return 0
    released = 0
    for session_id in closed:
        if manager.is_active_session(session_id):  # its tab came back meanwhile
            continue
        manager.close_session(session_id)  # out of the storage, and shut down: its uploaded files go too
        with _lock:
            tokens = [token for token, held in _held.items() if held["session"] == session_id]
        for token in tokens:
            _end(token, why)
        released += 1
    if released:
        gc.collect()  # its trainers sit in reference cycles
        trim_memory()
    return released


def _manager():
    """Streamlit's session manager; its storage holds the sessions of closed tabs, kept for a reconnect
    (internal: see ``_start_janitor``)."""
    from streamlit.runtime import Runtime

    return Runtime.instance()._session_mgr


def resident_mb() -> float | None:
    """This process's resident memory in MB (Linux), else None."""
    try:
        with open("/proc/self/statm") as file:
            return int(file.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def memory_limit_mb() -> float | None:
    """``GANVIZ_MEMORY_MB``: past this resident memory, the sessions of closed tabs are released (None: no limit)."""
    text = os.environ.get("GANVIZ_MEMORY_MB", "").strip()
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"GANVIZ_MEMORY_MB must be a whole number >= 1 (got {text!r})")
    return float(text)


def trim_memory() -> None:
    """Hand the C allocator's free pages back to the OS (glibc's ``malloc_trim``; nothing elsewhere), so the
    server's resident memory falls once a session, a trainer or a parsed upload is freed: glibc keeps freed
    memory in its arenas (one per thread that ran a page) for reuse, and returns only the top of each heap
    by itself."""
    if GLIBC:
        _libc.malloc_trim(0)


def _change(what: str, by: int) -> int:
    with _lock:
        _counts[what] += by
        return _counts[what]


def _trainer_freed() -> None:
    alive = _change("trainers", -1)
    trim_memory()
    log.info("trainer freed (%d alive)", alive)


class _Session:
    def __init__(self):
        _change("sessions", +1)
        log.info("session opened (%s)", _where())


def _session_closed(_session: _Session) -> None:
    _change("sessions", -1)
    log.info("session closed (%s)", _where())
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
    """Hold this session (refused past the cap of held sessions, after releasing those of closed tabs), count it
    as open (again, after a reconnect), say so after a server restart, and track its Trainers."""
    _start_janitor()
    with _lock:
        new = st.session_state.get(HELD_KEY) not in _held  # a new session, or one released while its tab was away
    if new:
        cap = max_sessions()
        if cap is not None and counts()["held"] >= cap:
            release_closed()
        if cap is not None and counts()["held"] >= cap:
            st.error(t("sessions.full", cap=cap))
            st.stop()
        token = secrets.token_hex(8)
        with _lock:
            _held[token] = {"session": _session_id(), "callbacks": []}
        st.session_state[HELD_KEY] = token
    with _lock:  # the page this session shows now (``tab_watcher``: a run on another page is no longer watched)
        held = _held.get(st.session_state.get(HELD_KEY))
        if held is not None:
            held["page"] = _page_id()
    first_run = "ganviz.session" not in st.session_state
    # Every run: the resource is cached per session, but Streamlit releases it when the tab disconnects
    # (logged as closed), so a tab that reconnects opens, and is counted, again.
    st.session_state["ganviz.session"] = _session()
    if first_run:
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
                manager = Runtime.instance()._session_mgr
                cache = manager._session_storage._cache
                cache.expire()
                with _lock:
                    gone = [token for token, held in _held.items()
                            if held["session"] is not None and manager.get_session_info(held["session"]) is None]
                for token in gone:
                    _end(token, "Streamlit dropped it")
                limit, rss = memory_limit_mb(), resident_mb()
                if limit is not None and rss is not None and rss > limit:
                    release_closed(f"resident memory {rss:,.0f} MB passed GANVIZ_MEMORY_MB={limit:,.0f}")
                # A dropped session's trainers sit in reference cycles (closures, optimizers) that only the cycle
                # collector frees, and an idle server may not allocate enough to run it: collect for a few ticks
                # after any session comes or goes (Streamlit drops a session some moments after it closes).
                now = (len(cache), counts()["sessions"])
                if now != seen:
                    seen, collect_ticks = now, 3
                if collect_ticks:
                    collect_ticks -= 1
                    gc.collect()
                    trim_memory()  # what a closed tab's last page run left in its thread's arena
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
