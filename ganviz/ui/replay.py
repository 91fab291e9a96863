"""Under a paused live run: scrub back through its recorded frames, replay them in the browser, export them.

The frames are the run's snapshots (``LiveRun.recorder``, at most
``RECORDED_FRAMES``, evenly thinned), not pictures, so each is redrawn with the
page's own figure function. The replay is a client-side Plotly animation
(``ganviz.views.replay``): the browser plays it with its own button and slider, with
no server round trips, smoothly even on a slow server. The downloads are built
only when clicked (``ganviz.files.export``; ``ganviz.views.video`` for GIF and MP4).
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from ganviz.files.export import metrics_csv, replay_html
from ganviz.i18n import t
from ganviz.views.replay import replay_figure
from ganviz.views.video import gif_bytes, mp4_bytes

from . import in_language, presenting
from .live import LiveRun


def replay_panel(run: LiveRun, draw: Callable[[object], dict], name: str) -> None:
    """The timeline slider, the replay and the downloads for ``run``; ``draw(snapshot)`` is the page's figure."""
    if run.mode != "paused":
        return
    frames = list(run.recorder.frames)
    st.subheader(t("replay.title"))
    if len(frames) < 2:
        st.caption(t("replay.empty"))
        return
    index = st.select_slider(t("replay.timeline"), options=list(range(len(frames))), value=len(frames) - 1,
                             key=f"{run.key}.timeline", format_func=lambda i: t("replay.at_step", step=f"{frames[i].step:,}"),
                             help=t("replay.timeline_help", n=len(frames)))
    show_replay = st.toggle(t("replay.animate"), key=f"{run.key}.animate", help=t("replay.animate_help"))
    if show_replay:
        st.plotly_chart(replay_figure(frames, draw), key=f"{run.key}.replay", theme=None)
    else:
        st.plotly_chart(draw(frames[index]), key=f"{run.key}.scrub", theme=None)
    if presenting():
        return
    history = list(run.trainer.history)
    cols = st.columns(4)
    cols[0].download_button(t("replay.html"), data=in_language(lambda: replay_html(replay_figure(frames, draw), title=name)),
                            file_name=f"{name}.html", mime="text/html", key=f"{run.key}.dl_html", on_click="ignore",
                            icon=":material/movie:", help=t("replay.html_help"), width="stretch")
    cols[1].download_button(t("replay.csv"), data=lambda: metrics_csv(history), file_name=f"{name}.csv",
                            mime="text/csv", key=f"{run.key}.dl_csv", on_click="ignore", icon=":material/table:",
                            help=t("replay.csv_help"), width="stretch")
    cols[2].download_button(t("replay.gif"), data=in_language(lambda: gif_bytes(frames)), file_name=f"{name}.gif",
                            mime="image/gif", key=f"{run.key}.dl_gif", on_click="ignore", icon=":material/gif_box:",
                            help=t("replay.gif_help"), width="stretch")
    cols[3].download_button(t("replay.mp4"), data=in_language(lambda: mp4_bytes(frames)), file_name=f"{name}.mp4",
                            mime="video/mp4", key=f"{run.key}.dl_mp4", on_click="ignore", icon=":material/videocam:",
                            help=t("replay.mp4_help"), width="stretch")
