"""The follow page and the share menu under AppTest: a code is refused with its reason in the reader's language,
a shared run's code opens a read-only view, and sharing ends with the teacher's Stop."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ganviz.frames import follow
from ganviz.i18n import set_language, t

from ganviz.ui import plain

from .app_page import APP, open_page


def _follower(code: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["ganviz.lang"] = lang
    at.query_params["follow"] = code
    at.run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_wrong_malformed_or_ended_code_is_refused_with_the_reason(lang):
    set_language(lang)
    wrong = next(code for code in ("KMQPRT", "KMQPRX", "KMQPRZ") if follow.lookup(code)[0] is None)
    at = _follower(wrong.lower()[:3] + " " + wrong[3:], lang)
    assert [e.value for e in at.error] == [t("follow.refused_unknown", code=wrong)]
    assert at.text_input(key="follow.code").value == wrong, "the code can be typed again"

    typed = "![a](http://e)"
    at = _follower(typed, lang)
    assert [e.value for e in at.error] == [t("follow.refused_malformed", code=plain(follow.normal_code(typed), 16))]
    assert "\\!\\[A\\]" in at.error[0].value, "what was typed is shown as plain text, never as Markdown"

    broadcast = follow.publish("figure1", replica="")
    broadcast.end("stopped")
    at = _follower(broadcast.code, lang)
    assert [e.value for e in at.error] == [t("follow.refused_stopped", code=broadcast.code)]


def test_the_follow_page_alone_asks_for_a_code_and_follows_what_is_typed():
    at = open_page("pages/follow.py")
    assert at.title[0].value == t("follow.title") and not at.error
    at.text_input(key="follow.code").input("kmq-prt")
    at.button[0].click().run()  # the form's submit button
    assert at.query_params["follow"] == "KMQPRT"
    if follow.lookup("KMQPRT")[0] is None:
        assert [e.value for e in at.error] == [t("follow.refused_unknown", code="KMQPRT")]


def test_the_teacher_shares_and_stops_and_a_follower_sees_the_run_read_only():
    at = open_page("pages/figure1.py")
    at.button(key="fig1.share").click().run()
    assert not at.exception
    broadcast = at.session_state["fig1.broadcast"]
    assert follow.lookup(broadcast.code) == (broadcast, "ok")
    assert any(broadcast.code in p.proto.popover.label for p in at.get("popover")), "the code stays on the page"
    assert any(f"follow={broadcast.code}" in c.value for c in at.code), "the link is in the menu"

    student = _follower(broadcast.code.lower(), "ko")
    set_language("ko")
    assert student.title[0].value == t("follow.title")
    assert any(broadcast.code in c.value for c in student.caption)
    assert student.toggle(key="follow.pause") is not None
    keys = {getattr(b, "key", None) for b in student.button}
    assert not any(k and k.startswith("fig1.") for k in keys), "the follower has none of the run's buttons"

    set_language("en")
    at.button(key="fig1.share_stop").click().run()
    assert follow.lookup(broadcast.code) == (None, "stopped")
    student.run()
    set_language("ko")
    assert student.error[0].value == t("follow.refused_stopped", code=broadcast.code)


def test_the_mode_collapse_race_is_shared_from_its_menu_and_followed():
    at = open_page("pages/mode_collapse.py")
    at.button(key="mc.race.share").click().run()
    assert not at.exception
    broadcast = at.session_state["mc.race.broadcast"]
    assert follow.lookup(broadcast.code) == (broadcast, "ok") and broadcast.page == "mode_collapse"
    assert any(broadcast.code in p.proto.popover.label for p in at.get("popover")), "the code stays on the page"
    assert any(f"follow={broadcast.code}" in c.value for c in at.code), "the link is in the menu"

    student = _follower(broadcast.code, "ko")
    set_language("ko")
    assert any(broadcast.code in c.value and t("nav.mode_collapse") in c.value for c in student.caption), \
        "the student is told whose page they follow"
    keys = {getattr(b, "key", None) for b in student.button}
    assert not any(k and k.startswith("mc") for k in keys), "the follower has none of the race's buttons"

    set_language("en")
    at.button(key="mc.race.share_stop").click().run()
    assert follow.lookup(broadcast.code) == (None, "stopped")
    student.run()
    set_language("ko")
    assert student.error[0].value == t("follow.refused_stopped", code=broadcast.code)
    set_language("en")
