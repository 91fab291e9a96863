"""Settings a playing run takes without running the page: the display switches and the sidebar's live settings.

A click on a switch or a move of a slider used to run the whole page (every element sent again, the run's
worker stopped and started) before the figure changed. These widgets sit in fragments instead, whose rerun
draws only them:

* ``switches(key, draw)``: the page's display switches (D*, trails, the diagram...) in a dict that the run's
  worker reads for each frame; a change ends the worker's current frame early, which then shows it;
* ``live_settings(key, draw)``: k, the learning rates, the batch and the iterations per frame, handed to the
  run's worker thread (``Worker.post``), which applies them before its next frame.

When no worker plays the run (paused, or a plain ``streamlit run`` without ganviz's server), or what changed
is drawn elsewhere on the page too (frozen snapshots), the page runs as it always did. In a whole page's run
(and in AppTest) the fragments are only widgets and the page reads their values as before.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from . import use_language


def fragment_run() -> bool:
    """Whether this script run is a fragment's own (a widget in it changed), not the whole page's."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def playing_worker(key: str):
    """Run ``key``'s worker while its thread runs (the run plays or fits D under ganviz's server), else None."""
    worker = st.session_state.get(f"{key}.worker")
    return worker if worker is not None and worker.running else None


def switches(key: str, draw: Callable[[], dict]) -> dict:
    """The page's display switches: ``draw()`` makes the widgets and returns their values by name.

    Returns one dict per run, kept in the session and updated in place, which a frame's view reads when it is
    drawn (in the worker, too): a switch flipped while the run plays shows in the next streamed frame.
    """
    values = st.session_state.setdefault(f"{key}.switches", {})

    @st.fragment
    def box():
        use_language()  # a fragment's own run does not run navigation.py, which sets the language
        with st.container(key=f"{key}-switches"):  # the live view does not hold its frames for these
            new = draw()
        changed = new != values
        values.update(new)
        if changed and fragment_run():
            worker = playing_worker(key)
            if st.session_state.get(f"{key}.frozen") or worker is None or not worker.post(lambda: None):
                st.rerun(scope="app")  # nothing streams, or snapshots on the page show the switches too

    box()
    return values


def live_settings(key: str, draw: Callable[[], tuple]):
    """The sidebar's live settings: ``draw()`` makes the widgets and returns ``(fields, iterations, slow)``.

    ``fields``: k, lr_d, lr_g and batch (the TrainConfig fields ``Trainer.apply`` takes on the fly);
    ``iterations``: per frame; ``slow``: slow motion. Returns what ``draw()`` returned in the page's run. When
    one changes while the run plays, the run's worker takes it (``retune``); a change of slow motion, or one while
    nothing plays, runs the page.
    """

    @st.fragment
    def box():
        use_language()
        with st.container(key=f"{key}-live-settings"):
            drawn = draw()
        if fragment_run() and not retune(key, *drawn):
            st.rerun(scope="app")
        return drawn

    return box()


def retune(key: str, fields: dict, iterations: int, slow: bool) -> bool:
    """Hand new live settings to run ``key``'s playing worker; False when the page must run to take them."""
    worker, trainer = playing_worker(key), st.session_state.get(f"{key}.trainer")
    pacing = st.session_state.get(f"{key}.pacing")  # the pacing the worker's frames were made with
    if worker is None or trainer is None or pacing is None or slow or pacing.slow:
        return False
    config = replace(trainer.config, **fields)
    if trainer.config.needs_new_model(config):
        return False
    pacing.iterations_per_frame = iterations  # read by the worker's next frame
    return worker.post(lambda: None if config == trainer.config else trainer.apply(config))
