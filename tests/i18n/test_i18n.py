"""The language catalogues: every key in every language, the same {fields}, and t() speaking the current language."""

import ast
import re
import string
from pathlib import Path

import pytest

from ganviz import i18n
from ganviz.i18n import CATALOGS, DEFAULT, LANGUAGES, set_language, t

ROOT = Path(__file__).resolve().parents[2]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", [c for c in CATALOGS if c != DEFAULT])
def test_every_language_has_every_key_with_the_same_fields(code):
    english, other = CATALOGS[DEFAULT].STRINGS, CATALOGS[code].STRINGS
    assert set(other) - set(english) == set(), "keys English does not have"
    assert set(english) - set(other) == set(), f"keys missing from {code}"
    for key, text in english.items():
        assert fields(other[key]) == fields(text), key
        assert other[key].strip(), key


def test_korean_is_really_korean():
    hangul = re.compile(r"[\uac00-\ud7a3]")
    ko = CATALOGS["ko"].STRINGS
    translated = [key for key, text in ko.items() if hangul.search(text)]
    assert len(translated) >= 0.8 * len(ko)


def test_t_speaks_the_current_language_and_fills_fields():
    set_language("ko")
    try:
        assert t("live.play") == "재생"
        assert t("live.frozen_title", panel="a", step="1,000", jsd="0.1") == "(a) 1,000단계, JSD 0.1"
    finally:
        set_language(DEFAULT)
    assert t("live.play") == "Play"
    assert LANGUAGES["ko"] == "한국어" and list(LANGUAGES)[0] == "en"


def test_unknown_language_and_unknown_key_are_refused():
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        set_language("xx")
    with pytest.raises(KeyError):
        t("no.such.key")


def _keys_used_in_code() -> set[str]:
    """Every literal key passed to t(...) in the app, the pages and the library."""
    used = set()
    files = [ROOT / "navigation.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ganviz/**/*.py")]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                used.add(node.args[0].value)
    return used


def test_every_key_the_code_asks_for_exists():
    missing = _keys_used_in_code() - set(CATALOGS[DEFAULT].STRINGS)
    assert missing == set()


def test_a_third_language_is_one_file(tmp_path, monkeypatch):
    """A module with NAME and STRINGS in the package is found without touching anything else."""
    (tmp_path / "xx.py").write_text('NAME = "Test"\nSTRINGS = {"live.play": "PLAY"}\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "__path__", [*i18n.__path__, str(tmp_path)])
    import sys
    monkeypatch.syspath_prepend(str(tmp_path))
    found = i18n._catalogs()
    sys.modules.pop("ganviz.i18n.xx", None)
    assert "xx" in found and found["xx"].NAME == "Test"
