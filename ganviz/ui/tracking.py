"""Tracked samples on the pages: the Trails toggle, each run's trail buffer, and the noise-to-manifold morph.

The trails are built from the snapshots the page draws (``ganviz.frames.trails``); the
buffer lives in the session state next to the run and belongs to one trainer:
a reset, a new model or a loaded run starts it empty. The morph is a
client-side Plotly animation (``ganviz.views.morph``) of the current generator,
built from a snapshot when the toggle is on.
"""

from __future__ import annotations

import weakref

import streamlit as st

from ganviz.i18n import t
from ganviz.views.morph import morph_figure
from ganviz.frames.snapshot2d import Snapshot2D
from ganviz.frames.trails import TRACKED_2D, TRAIL_FRAMES, Trails, add_trails_1d, add_trails_2d, tracked_points

from .live import LiveRun


def trails_toggle(key: str, two_d: bool) -> bool:
    """The "Trails" toggle of the page whose keys start with ``key`` (its key: ``<key>.trails``)."""
    help_text = (t("tracking.trails_help_2d", n=TRACKED_2D, frames=TRAIL_FRAMES) if two_d
                 else t("tracking.trails_help_1d", frames=TRAIL_FRAMES))
    return st.toggle(t("tracking.trails"), value=False, key=f"{key}.trails", help=help_text)


def run_trails(run: LiveRun) -> Trails:
    """The trail buffer of ``run``'s trainer; a different trainer than last time (reset, new model, load) gets a new one."""
    name = f"{run.key}.trail_buffer"
    owner, trails = st.session_state.get(name, (None, None))
    if trails is None or owner() is not run.trainer:
        trails = Trails()
        st.session_state[name] = (weakref.ref(run.trainer), trails)
    return trails


def draw_trails(run: LiveRun, snap, figure: dict, show: bool) -> dict:
    """Add ``snap``'s tracked points to the run's trails, and when ``show``, draw the trails into ``figure``."""
    return trails_into(run_trails(run), snap, figure, show)


def trails_into(trails: Trails, snap, figure: dict, show: bool) -> dict:
    """``draw_trails`` with the buffer given (read by the page's run; the live view's worker calls this)."""
    trails.push(tracked_points(snap))
    if not show:
        return figure
    add = add_trails_2d if isinstance(snap, Snapshot2D) else add_trails_1d
    return add(figure, trails.polylines())


def morph_panel(run: LiveRun) -> None:
    """The "Show how G maps z to x" toggle (key ``<key>.morph``) and, when on, the morph of the run's current G."""
    if not st.toggle(t("tracking.morph"), value=False, key=f"{run.key}.morph", help=t("tracking.morph_help")):
        return
    snap = run.take(record=False)  # the G of now; adds no row to the history
    st.plotly_chart(morph_figure(snap.manifold_z, snap.manifold, bounds=snap.bounds, real=snap.real),
                    key=f"{run.key}.morph_chart", theme=None, config={"displayModeBar": False})
    z_dim = run.trainer.config.z_dim
    notes = [t("tracking.morph.caption", step=f"{snap.step:,}")]
    if z_dim == 1:
        notes.append(t("tracking.morph.one_dim"))
    elif z_dim > 2:
        notes.append(t("tracking.morph.high_dim", z_dim=z_dim))
    st.caption(" ".join(notes))
