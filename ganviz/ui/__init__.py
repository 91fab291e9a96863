"""Streamlit glue shared by the pages: controls and the live loop.

This is the only part of ganviz that imports Streamlit. All sessions of a
Streamlit server are threads of one process, so torch's thread count is capped
once here, before any torch work (``GANVIZ_TORCH_THREADS``, default 1; see
``ganviz.device.configure_threads``).
"""

from ganviz.device import configure_threads

configure_threads()


def ensure_navigation() -> None:
    """Make a page opened by a deep link run inside app.py's ``st.navigation``.

    Streamlit sees the ``pages/`` folder beside app.py and, until some script
    calls ``st.navigation``, runs a requested page on its own (the old
    multipage mode: no app.py, no page config, a different menu). That happens
    when a server's very first visitor opens e.g. ``/figure1`` directly. Every
    page calls this first: in that mode it switches Streamlit to app.py's
    navigation and reruns, which then serves the same page properly.

    It also counts the session and the trainers it holds (``sessions.register``).
    """
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    from .sessions import register

    register()
