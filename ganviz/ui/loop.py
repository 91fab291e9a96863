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

    def toggle(self) -> None:
        self.running = not self.running

    def fragment(self, seconds: float, tick: Callable[[], bool | None], draw: Callable[[], None]) -> None:
        was_running = self.running

        @st.fragment(run_every=seconds if was_running else None)
        def frame():
            if self.running and tick() is False:
                self.running = False
            draw()
            if was_running and not self.running:
                st.rerun(scope="app")  # stop the timer and refresh the buttons

        frame()
