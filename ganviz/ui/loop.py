"""A play/pause switch and a fragment that ticks while it is on.

The smallest live loop (see ``live.py`` for the Figure 1 page's full one): a
flag ``<key>.running`` in session state, and ``fragment(seconds, tick, draw)``
which, while running, calls ``tick()`` then ``draw()`` every ``seconds``. When
``tick`` returns False the loop stops and the whole page reruns once, so its
buttons show the new state. Buttons flip the flag in callbacks, which run
before the page script, so the fragment is declared with the right timer.
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from ganviz.i18n import t

from . import use_language
from .live import echo_of_last_press
from .sessions import track_trainers


class Loop:
    def __init__(self, key: str):
        self.key = f"{key}.running"
        st.session_state.setdefault(self.key, False)

    @property
    def running(self) -> bool:
        return st.session_state[self.key]

    @running.setter
    def running(self, on: bool) -> None:
        st.session_state[self.key] = on

    def play(self, on: bool) -> None:
        """Set the switch to what the Play/Pause button said when it was drawn.

        A second press within ``PLAY_DEBOUNCE_S`` is taken for Streamlit's echo of the first
        (see ``LiveRun._play``).
        """
        if not echo_of_last_press(f"{self.key}.play_at"):
            self.running = on

    def buttons(self, key: str, reset: Callable[[], None], play_label: str | None = None,
                play_icon: str = ":material/play_arrow:", play_help: str = "", reset_help: str = "",
                step: Callable[[], None] | None = None, step_help: str = "") -> None:
        """A row of Play/Pause, an optional Step, and Reset buttons (keys ``<key>_play/_step/_reset``).

        The labels are in the current language; ``play_label`` (default: Play) names the play button.
        """
        cols = st.columns([1.3, 1, 1, 3] if step else [1.3, 1, 4])
        playing = self.running
        cols[0].button(t("live.pause") if playing else play_label or t("live.play"),
                       icon=":material/pause:" if playing else play_icon, key=f"{key}_play",
                       on_click=self.play, args=(not playing,), type="primary", width="stretch", help=play_help)
        if step:
            cols[1].button(t("live.step"), icon=":material/skip_next:", key=f"{key}_step", on_click=step,
                           width="stretch", help=step_help)
        cols[2 if step else 1].button(t("live.reset"), icon=":material/restart_alt:", key=f"{key}_reset",
                                      on_click=reset, width="stretch", help=reset_help)

    def fragment(self, seconds: float, tick: Callable[[], bool | None], draw: Callable[[], None]) -> None:
        was_running = self.running

        @st.fragment(run_every=seconds if was_running else None)
        def frame():
            use_language()  # a fragment's tick does not run navigation.py, which sets the language
            track_trainers()
            if self.running and tick() is False:
                self.running = False
            draw()
            if was_running and not self.running:
                st.rerun(scope="app")  # stop the timer and refresh the buttons

        frame()
