"""Streamlit glue shared by the pages: controls, the live loop, the language and presentation mode.

This is the only part of ganviz that imports Streamlit. All sessions of a
Streamlit server are threads of one process, so the app caps torch's thread
count once at its start, before any torch work (``start_process``).
"""

_started = False


def start_process() -> None:
    """Once per server process, before any training: cap torch's threads (``GANVIZ_TORCH_THREADS``, default 1;
    see ``ganviz.core.device.configure_threads``). ``server.lifespan`` calls it before the warm-up, and
    navigation.py on every run (after the first, a no-op), which covers ``streamlit run navigation.py`` and
    AppTest."""
    global _started
    if not _started:
        from ganviz.core.device import configure_threads

        configure_threads()
        _started = True


def ensure_navigation() -> None:
    """Make a page opened by a deep link run inside navigation.py's ``st.navigation``.

    Streamlit sees the ``pages/`` folder beside navigation.py and, until some script
    calls ``st.navigation``, runs a requested page on its own (the old
    multipage mode: no navigation.py, no page config, a different menu). That happens
    when a server's very first visitor opens e.g. ``/figure1`` directly. Every
    page calls this first: in that mode it switches Streamlit to navigation.py's
    navigation and reruns, which then serves the same page properly.

    It also counts the session and the trainers it holds (``sessions.register``).
    """
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    from .sessions import register

    use_language()
    register()


RAISE_ERRORS = "GANVIZ_RAISE_ERRORS"  # "1": let a page's unexpected exception through (the AppTest suite sets it)


def run_page(page) -> None:
    """Run the page navigation.py picked; an unexpected exception is logged on the server with its traceback,
    and the student sees one short, friendly line in their language instead of a blank page or a traceback.

    Streamlit's own control flow (rerun, stop) is not an ``Exception`` and passes through, as does an
    exception inside a fragment (Streamlit shows that one, without details: ``client.showErrorDetails``).
    With ``GANVIZ_RAISE_ERRORS=1`` the exception propagates, so tests see it.
    """
    import logging
    import os

    import streamlit as st
    from streamlit.errors import FragmentHandledException

    from ganviz.i18n import t

    try:
        page.run()
    except Exception as err:
        if isinstance(err, FragmentHandledException) or os.environ.get(RAISE_ERRORS) == "1":
            raise
        logging.getLogger("ganviz").exception("unexpected error on page %s", getattr(page, "url_path", "?"))
        st.error(t("app.unexpected"), icon=":material/sentiment_dissatisfied:")


def friendly(work) -> None:
    """Run ``work()`` (a live loop's frame, which runs outside ``run_page`` on its timer's ticks): an unexpected
    exception is logged with its traceback and the student sees the same friendly line as for a page
    (``GANVIZ_RAISE_ERRORS=1``: it propagates, so tests see it)."""
    import logging
    import os

    import streamlit as st

    from ganviz.i18n import t

    try:
        work()
    except Exception:
        if os.environ.get(RAISE_ERRORS) == "1":
            raise
        logging.getLogger("ganviz").exception("unexpected error in a live frame")
        st.error(t("app.unexpected"), icon=":material/sentiment_dissatisfied:")


def divergence_text(facts: dict) -> str:
    """A divergence (``DivergenceError.facts``: which, start, bad_step, step, lr_d, lr_g) said in the current language."""
    from ganviz.i18n import t

    return t(f"live.diverged_{facts['which']}", start=facts["start"], bad_step=facts["bad_step"], step=facts["step"],
             lr_d=f"{facts['lr_d']:g}", lr_g=f"{facts['lr_g']:g}")


LANG_KEY = "ganviz.lang"
PRESENT_KEY = "ganviz.present"


def first_language() -> str:
    """A new session's language: the URL's ``?lang=`` if it names one, else ``GANVIZ_LANG``, else English."""
    import os

    import streamlit as st

    from ganviz.i18n import DEFAULT, LANGUAGES

    for wanted in (st.query_params.get("lang"), os.environ.get("GANVIZ_LANG")):
        if wanted in LANGUAGES:
            return wanted
    return DEFAULT


def use_language() -> str:
    """Make the session's chosen language the one ``ganviz.i18n.t`` speaks in this run (or live-loop tick)."""
    import streamlit as st

    from ganviz.i18n import LANGUAGES, set_language

    code = st.session_state.get(LANG_KEY)
    if code not in LANGUAGES:
        code = first_language()
    set_language(code)
    return code


def presenting() -> bool:
    """True while presentation mode is on: no controls, large type, the figure and the key numbers."""
    import streamlit as st

    return bool(st.session_state.get(PRESENT_KEY, False))


def app_settings() -> None:
    """The top of the sidebar on every page: the language switch and the presentation-mode toggle.

    In presentation mode the sidebar is hidden, large type is set for a
    projector, and a button at the top of the page turns it off again.
    """
    import streamlit as st

    from ganviz.i18n import LANGUAGES, t

    st.session_state.setdefault(LANG_KEY, first_language())
    st.sidebar.radio("Language / 언어", list(LANGUAGES), key=LANG_KEY, format_func=LANGUAGES.get, horizontal=True,
                     on_change=_keep_widget_values,
                     help="Every label, caption and explanation in English or Korean; the run is kept. / "
                          "모든 글자와 설명을 영어 또는 한국어로 보여 줍니다. 학습은 그대로 이어집니다.")
    code = use_language()
    if st.query_params.get("lang") != code:  # in the address too, so a reload or a shared link keeps it
        st.query_params["lang"] = code
    st.sidebar.toggle(t("app.present"), key=PRESENT_KEY, help=t("app.present_help"))
    if presenting():
        st.html(f"<style>{PRESENTATION_CSS}</style>")
        st.button(t("app.present_exit"), key="ganviz.present_exit", icon=":material/close_fullscreen:",
                  on_click=_stop_presenting, help=t("app.present_help"))


def _keep_widget_values() -> None:
    """On a change of language: pin every widget's value, so no choice is lost when its labels change.

    The browser names a select box's or radio's choice by its label; labels
    change with the language, and a label the new language does not have would
    come back as the raw text instead of the option. Writing each value back
    through the Session State API (in this callback, before the widgets are
    drawn) makes the server send the values to the browser instead.
    """
    import streamlit as st
    from streamlit.errors import StreamlitAPIException

    for key in list(st.session_state.keys()):
        value = st.session_state.get(key)
        # Select boxes and radios hold text here; buttons and toggles (bools) must not be written back.
        if key != LANG_KEY and isinstance(value, str):
            try:
                st.session_state[key] = value
            except StreamlitAPIException:
                pass


def _stop_presenting() -> None:
    import streamlit as st

    st.session_state[PRESENT_KEY] = False


# Presentation mode: no sidebar (its widgets keep their values), large type for the last row of a classroom.
PRESENTATION_CSS = """
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarHeader"],
[data-testid="stExpander"], header[data-testid="stHeader"] { display: none !important; }
.stMainBlockContainer { max-width: 100% !important; padding-top: 1rem !important; }
.stMainBlockContainer p, .stMainBlockContainer li { font-size: 1.3rem !important; }
.stMainBlockContainer [data-testid="stMetricValue"], .stMainBlockContainer [data-testid="stMetricValue"] p {
  font-size: 3rem !important; }
.stMainBlockContainer [data-testid="stMetricLabel"] p { font-size: 1.35rem !important; }
h1 { font-size: 2.4rem !important; }
"""


# A live page's top is its figure: less room above the title, a smaller title (``compact_top``).
LIVE_PAGE_CSS = """
.stMainBlockContainer { padding-top: 3rem !important; padding-bottom: 2rem !important; }
header[data-testid="stHeader"] { background: transparent !important; }
.stMainBlockContainer h1 { font-size: 1.8rem !important; padding: 0 0 0.1rem 0 !important; }
"""


def compact_top() -> None:
    """Less space above a live page's title, so its figure fits under the toolbar at 1280x720."""
    import streamlit as st

    st.html(f"<style>{LIVE_PAGE_CSS}</style>")


def upload_limit_mb(max_bytes: int) -> int:
    """The ``max_upload_size`` (whole MB) of an uploader for files of at most ``max_bytes``: the browser refuses
    bigger files at once, and ganviz's own check refuses, with its reason, what slips between ``max_bytes`` and
    that. Streamlit's browser code counts this MB as 10**6 bytes (2**20 on Windows) and its server as 2**20, so
    it is rounded up in millions: a file of ``max_bytes`` passes every browser. At most ``server.maxUploadSize``
    in .streamlit/config.toml, which the server enforces for every upload."""
    import math

    return max(1, math.ceil(max_bytes / 10**6))


def in_language(make):
    """``make`` as a download's deferred data, run in the page's current language (it runs after the script)."""
    from ganviz.i18n import language, set_language

    code = language()

    def made():
        set_language(code)
        return make()

    return made


PLAIN_LIMIT = 80  # the most characters of outside text (a file's name or field, a CSV cell) a message quotes
REASON_LIMIT = 300  # the most characters of a refusal's reason (ganviz's own words, quoting at most 40 of the file's)
MARKDOWN_SPECIALS = set("\\`*_{}[]()<>#+-.!|~$:&=")


def clip(value, limit: int = PLAIN_LIMIT) -> str:
    """``value`` as one line of at most ``limit`` characters: control characters as spaces, cut with "…"."""
    text = "".join(" " if ch < " " or ch == "\x7f" else ch for ch in str(value))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def plain(value, limit: int = PLAIN_LIMIT) -> str:
    """``value`` (text from outside: an uploaded file's name or content, a CSV cell, a URL parameter) made safe to
    put into a message that Streamlit renders as Markdown: at most ``limit`` characters (cut with "…"), control
    characters and line breaks as spaces, and every Markdown sign escaped with a backslash, so an image, a link,
    a colour directive or HTML in it shows as the characters it is and is never rendered or fetched."""
    text = clip(value, limit)
    return "".join("\\" + ch if ch in MARKDOWN_SPECIALS else ch for ch in text)
