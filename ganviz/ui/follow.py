"""Follow the teacher in the browser: the teacher's share menu, and the follower's read-only page.

* ``share(run, page, menu)``: in a live page's "Lessons" menu, a button that
  publishes the run (``ganviz.frames.follow.publish``) and, once shared, one
  that stops sharing; while shared, a button above the figure keeps the code on
  screen (presentation mode too) and opens the QR code and the link. The
  teacher's session ending ends the broadcast (``on_session_end``).
* ``relay(key, render, renderer_for)``: the page's frame renderer, wrapped to
  feed the followers when the run is shared (``fan_out``); ``LiveRun.show`` calls it.
  ``relay_race(key, renderer_for)`` does the same for a race (``RaceRun.show``:
  the Mode collapse page's), whose frames are drawn from one moment's snapshots.
* ``follower_page()``: ``?follow=CODE`` (or the code typed in): the teacher's
  frames live in the follower's own language and layout, read-only; the
  follower can pause their own view and scrub the recorded frames. A wrong,
  ended or expired code is refused with the reason, as plain text.
"""

from __future__ import annotations

import io
import os
from contextlib import nullcontext
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from ganviz.frames import follow
from ganviz.i18n import language, t

from . import plain, presenting
from .live_chart import plotly_src
from .live_view import live_view, stream_url
from .sessions import on_session_end

PUBLIC_URL = "GANVIZ_PUBLIC_URL"  # the address students use (e.g. http://192.168.0.5:8501), if not the teacher's
FOLLOW_KEY = "follow"  # the follower page's widget keys start with it
NAV = {"figure1": "nav.figure1", "two_d": "nav.two_d", "mode_collapse": "nav.mode_collapse"}


def _broadcast(key: str) -> follow.Broadcast | None:
    """The live broadcast of run ``key`` in this session, if it is shared."""
    broadcast = st.session_state.get(f"{key}.broadcast")
    return broadcast if broadcast is not None and broadcast.live() else None


def relay(key: str, render, renderer_for, channel=None):
    """``render`` as is, or, while run ``key`` is shared, wrapped to feed the followers (``follow.fan_out``;
    ``channel``: the run's own, kept watched while followers read)."""
    broadcast = _broadcast(key)
    if broadcast is None:
        return render
    return follow.fan_out(broadcast, render, renderer_for, (language(), presenting()), channel)


def relay_race(key: str, renderer_for, channel=None):
    """A race's ``emit(draw, state, step, rate, message, stopped=None, cost=None) -> bytes``: ``draw(projector)``
    is one moment of the race as a ``LiveFrame`` in the current language, for a layout; ``renderer_for(projector)``
    makes a race's ``render(frame, state, step, rate, message, stopped=None, cost=None)``. The teacher's frame is
    rendered in the teacher's language and layout; while race ``key`` is shared, each wanted variant's frame is
    drawn and rendered too, from the same moment (``follow.feed``; ``channel``: the race's own, kept watched
    while followers read). Everything it reads of the session is read here, in the page's run."""
    teacher = (language(), presenting())
    render = renderer_for(teacher[1])
    broadcast = _broadcast(key)
    renders = {variant: renderer_for(variant[1]) for variant in follow.VARIANTS} if broadcast is not None else {}

    def emit(draw, state, step, rate, message, stopped=None, cost=None) -> bytes:
        frame = render(draw(teacher[1]), state, step, rate, message, stopped=stopped, cost=cost)
        if broadcast is not None:
            follow.feed(broadcast, teacher, step, frame, state == "playing",
                        lambda variant: renders[variant](draw(variant[1]), state, step, rate, message,
                                                         stopped=stopped), channel)
        return frame

    return emit


def follow_link(code: str) -> str:
    """The link students open: ``GANVIZ_PUBLIC_URL`` if set, else the address the teacher's browser uses."""
    base = os.environ.get(PUBLIC_URL) or (st.context.url or "")
    parts = urlsplit(base)
    return urlunsplit((parts.scheme or "http", parts.netloc, "/" + _base_path(parts.path), f"follow={code}", ""))


def _base_path(path: str) -> str:
    """The app's base path (``server.baseUrlPath``) with a trailing slash, or ""."""
    from .server import base_path

    base = base_path().strip("/")
    return f"{base}/" if base else ""


def qr_png(text: str) -> bytes:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def _start(key: str, page: str) -> None:
    broadcast = follow.publish(page)
    st.session_state[f"{key}.broadcast"] = broadcast
    code = broadcast.code
    on_session_end(lambda: follow.end(code, "left"))  # the teacher's tab closed: the followers are told


def _stop(key: str) -> None:
    broadcast = st.session_state.pop(f"{key}.broadcast", None)
    if broadcast is not None:
        broadcast.end("stopped")


def share(run, page: str, menu, banner=None) -> None:
    """The share and stop buttons (in ``menu``, the page's "Lessons" popover) and, while the run is shared, a
    button on the page (in ``banner``, a container, or where this is called) that keeps the code on screen and
    opens the QR code and the link (for the projector)."""
    key = run.key
    broadcast = _broadcast(key)
    with menu:
        st.divider()
        if broadcast is None:
            st.button(t("share.button"), key=f"{key}.share", icon=":material/cast_for_education:",
                      on_click=_start, args=(key, page), width="stretch", help=t("share.help"))
        else:
            st.button(t("share.stop"), key=f"{key}.share_stop", icon=":material/cancel_presentation:",
                      on_click=_stop, args=(key,), width="stretch", help=t("share.stop_help"))
    if broadcast is None:
        return
    link = follow_link(broadcast.code)
    with banner if banner is not None else nullcontext(), \
            st.popover(t("share.banner", code=broadcast.code, n=broadcast.followers), icon=":material/qr_code_2:",
                       key=f"{key}.share_info", help=t("share.how", hours=f"{follow.HOURS:g}")):
        st.markdown(t("share.code", code=broadcast.code))
        st.image(qr_png(link), width=300)
        st.code(link, language=None)
        st.caption(t("share.how", hours=f"{follow.HOURS:g}"))
        host = urlsplit(link).hostname or ""
        if host in ("localhost", "127.0.0.1", "::1") and not os.environ.get(PUBLIC_URL):
            st.warning(t("share.localhost"), icon=":material/wifi_off:")


# ----- the follower ---------------------------------------------------------------------
def _go() -> None:
    st.query_params["follow"] = follow.normal_code(st.session_state.get(f"{FOLLOW_KEY}.code", ""))


def _code_form(code: str = "") -> None:
    with st.form(f"{FOLLOW_KEY}.form", border=False):
        cols = st.columns([2, 1], vertical_alignment="bottom")
        cols[0].text_input(t("follow.code"), value=code, max_chars=16, key=f"{FOLLOW_KEY}.code",
                           placeholder="KMQPRT", help=t("follow.code_help"))
        cols[1].form_submit_button(t("follow.go"), icon=":material/login:", on_click=_go, width="stretch")


def _told_when_it_ends(broadcast: follow.Broadcast, seconds: float = 3.0) -> None:
    """A paused view reads no stream, so nothing tells it the broadcast ended: a timed fragment looks every
    ``seconds`` and, once it has, runs the page, which then says why."""
    @st.fragment(run_every=seconds)
    def watch() -> None:
        if not broadcast.live():
            st.rerun(scope="app")

    watch()


def follower_page() -> None:
    """The page a student opens with ``?follow=CODE``: the teacher's run, live and read-only."""
    code = follow.normal_code(st.query_params.get("follow", ""))
    broadcast, why = follow.lookup(code) if code else (None, "")
    if broadcast is None or not presenting():  # on a projector the figure takes the room
        st.title(t("follow.title"))
    if not code:
        st.markdown(t("follow.intro"))
        _code_form()
        return
    if broadcast is None:
        shown = plain(code, 16)
        st.error(t(f"follow.refused_{why}", code=shown, hours=f"{follow.HOURS:g}"), icon=":material/block:")
        if why == "unknown" and code[0].isdigit() and code[0] != follow.REPLICA:
            st.link_button(t("follow.other_server"), f"?follow={code}", icon=":material/open_in_new:")
        _code_form(code)
        return
    relay_ = broadcast.join((language(), presenting()))
    head = st.columns([4, 1], vertical_alignment="center")
    head[0].caption(t("follow.watching", code=code, page=t(NAV.get(broadcast.page, "nav.home"))))
    paused = head[1].toggle(t("follow.pause"), key=f"{FOLLOW_KEY}.pause", help=t("follow.pause_help"))
    if paused:
        _told_when_it_ends(broadcast)
        frames = list(relay_.recorder.frames)
        if not frames:
            st.caption(t("follow.empty"))
            return
        index = st.select_slider(t("replay.timeline"), options=list(range(len(frames))), value=len(frames) - 1,
                                 key=f"{FOLLOW_KEY}.timeline",
                                 format_func=lambda i: t("replay.at_step", step=f"{frames[i][0]:,}"),
                                 help=t("follow.timeline_help", n=len(frames)))
        live_view(FOLLOW_KEY, frames[index][1], None, plotly_src(), presenting(), follow=True)
        return
    frame = relay_.channel.frame
    if frame is None:  # the teacher's page has not drawn since sharing: the stream brings the first frame
        st.info(t("follow.waiting"), icon=":material/hourglass_top:")
        frame = b'{"status":{"state":"paused","badge":"","line":"","step":0,"stopped":true},"message":null,' \
                b'"notes":[],"metrics":[],"side_caption":"","side_colour":"gray","figure":{"data":[]},"side":null}'
    live_view(FOLLOW_KEY, frame, stream_url(relay_.channel.token), plotly_src(), presenting(), follow=True)
