"""Every word the pages show, in each language: ``t(key, **values)``.

Each language is one module in this package (``en.py``, ``ko.py``) holding
``NAME`` (the language's own name, for the switch) and ``STRINGS`` (key ->
text, with ``{name}`` fields for ``str.format``). Adding a third language is
adding one such file: it is found by itself. English is the reference: every
key exists there, and the tests check that every other language has the same
keys and the same ``{fields}``. Mathematical notation stays as it is in every
language.

The current language belongs to the running script (a ``ContextVar``): the
Streamlit glue sets it at the start of every run and every live-loop tick
(``ganviz.ui.use_language``); the figure builders read it through ``t``; the
command line never sets it and stays in English.
"""

from __future__ import annotations

import contextvars
import importlib
import pkgutil
from types import ModuleType

DEFAULT = "en"


def _catalogs() -> dict[str, ModuleType]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "STRINGS") and hasattr(module, "NAME"):
            found[info.name] = module
    return dict(sorted(found.items(), key=lambda item: item[0] != DEFAULT))  # English first


CATALOGS = _catalogs()
LANGUAGES = {code: module.NAME for code, module in CATALOGS.items()}  # code -> its own name, e.g. "ko" -> "한국어"
_current: contextvars.ContextVar[str] = contextvars.ContextVar("ganviz_language", default=DEFAULT)


def set_language(code: str) -> None:
    """Make ``code`` (a key of LANGUAGES) the language of ``t`` in this context."""
    if code not in CATALOGS:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    _current.set(code)


def language() -> str:
    """The code of the current language."""
    return _current.get()


def t(key: str, **values) -> str:
    """The text of ``key`` in the current language, with ``values`` filled in.

    A key missing from a language falls back to English (the tests keep that
    from happening); a key missing from English is a bug and raises KeyError.
    """
    text = CATALOGS[_current.get()].STRINGS.get(key)
    if text is None:
        text = CATALOGS[DEFAULT].STRINGS[key]
    return text.format(**values) if values else text
