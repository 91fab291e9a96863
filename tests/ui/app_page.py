"""A page of the app under AppTest, opened in a language and, if asked, in presentation mode.

AppTest quirk for Korean tests that click: AppTest formats a select box's value
with its ``format_func`` in the test's own thread, so such a test must also call
``ganviz.i18n.set_language("ko")`` (tests/conftest.py sets English back after
every test).
"""

from streamlit.testing.v1 import AppTest

APP = "../../navigation.py"


def open_page(path: str, lang: str | None = None, present: bool = False, timeout: float = 120) -> AppTest:
    """``path`` (e.g. "pages/theory.py") run once inside navigation.py, with no exception on it."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if lang is not None:
        at.session_state["ganviz.lang"] = lang
    if present:
        at.session_state["ganviz.present"] = True
    at.run()
    at.switch_page(path).run()
    assert not at.exception
    return at
