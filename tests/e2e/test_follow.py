"""Follow the teacher in a real browser: a student's page at ?follow=CODE gets the teacher's frames (the same
steps, in the student's language), has none of the run's controls, can pause its own view, and is told when the
teacher stops sharing; a wrong code is refused. The same for the Mode collapse page's race: both panels and the
headline, in the student's language and layout.

Screenshots: ``shots/e2e/follow-teacher.png``, ``follow-student-ko.png``, ``follow-student-paused.png``,
``follow-ended.png``; ``follow-race-teacher.png``, ``follow-race-student-ko.png``,
``follow-race-student-presenting.png``, ``follow-race-paused.png``, ``follow-race-ended.png``.
"""

from __future__ import annotations

import re

from ganviz.i18n import set_language, t

from .conftest import SHOTS
from .driver import click, css_key, exceptions, open_menu, settle, step, wait_for

LIVE = ".gz-live .gz-fig.js-plotly-plot"
LIVE_STEP = "() => { const r = document.querySelector('.gz-live'); return r && r.dataset.step !== undefined ? Number(r.dataset.step) : null; }"
# Every step the live view draws, from now on (a MutationObserver on its data-step).
WATCH = """() => { const r = document.querySelector('.gz-live'); window.__steps = [];
  new MutationObserver(() => window.__steps.push(Number(r.dataset.step)))
    .observe(r, {attributes: true, attributeFilter: ['data-step']}); }"""


def _context(browser, lang: str):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale=lang)
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def test_a_student_follows_the_teachers_run_read_only_and_is_told_when_it_ends(browser, app_url):
    teacher_context, teacher = _context(browser, "en")
    student_context, student = _context(browser, "ko")
    try:
        teacher.goto(f"{app_url}/figure1")
        teacher.wait_for_selector(LIVE)
        settle(teacher)
        click(teacher, "fig1.share", menu="fig1.lessons")
        teacher.keyboard.press("Escape")
        settle(teacher)
        click(teacher, "fig1.share_info")  # the code on the page opens the QR code and the link
        link = wait_for(lambda: re.search(r"\?follow=([1-9]?[A-Z]{6})", teacher.inner_text("body")), timeout=60)
        assert link, "the menu shows the link with the code"
        code = link.group(1)
        teacher.screenshot(path=str(SHOTS / "follow-teacher.png"))
        teacher.keyboard.press("Escape")
        click(teacher, "fig1.play")
        assert wait_for(lambda: (teacher.evaluate(LIVE_STEP) or 0) > 0, timeout=60), "the teacher's run plays"

        student.goto(f"{app_url}/?follow={code.lower()}&lang=ko")
        student.wait_for_selector(LIVE)
        settle(student)
        student.evaluate(WATCH)
        assert wait_for(lambda: len(set(student.evaluate("() => window.__steps"))) >= 4, timeout=60), \
            "the student's view receives the teacher's frames as the run plays"
        set_language("ko")
        assert step(student, t("metric.step")) is not None, "in the student's language (Korean)"
        assert student.locator(css_key("fig1.play")).count() == 0 and student.locator(css_key("fig1.reset")).count() == 0
        assert student.locator(css_key("fig1.share")).count() == 0, "none of the run's controls"
        student.screenshot(path=str(SHOTS / "follow-student-ko.png"))

        click(teacher, "fig1.play")  # the teacher pauses: the student gets the very step the teacher stopped at
        assert wait_for(lambda: teacher.locator(".gz-live[data-state='paused']").count(), timeout=30)
        settle(teacher)
        stopped_at = teacher.evaluate(LIVE_STEP)
        assert wait_for(lambda: student.evaluate(LIVE_STEP) == stopped_at, timeout=30), \
            f"the student's view shows the teacher's step {stopped_at} ({student.evaluate(LIVE_STEP)})"
        seen = set(student.evaluate("() => window.__steps"))
        assert max(seen) == stopped_at and len(seen) >= 4

        student.locator(f"{css_key('follow.pause')} label").first.click()  # the student pauses their own view
        assert wait_for(lambda: student.locator(css_key("follow.timeline")).count(), timeout=30), "a timeline"
        settle(student)
        click(teacher, "fig1.play")
        assert wait_for(lambda: (teacher.evaluate(LIVE_STEP) or 0) > stopped_at + 50, timeout=60)
        assert student.evaluate(LIVE_STEP) <= stopped_at, "a paused view stands still while the teacher trains on"
        student.screenshot(path=str(SHOTS / "follow-student-paused.png"))
        student.locator(f"{css_key('follow.pause')} label").first.click()
        assert wait_for(lambda: (student.evaluate(LIVE_STEP) or 0) > stopped_at, timeout=60), "live again"

        click(teacher, "fig1.share_stop", menu="fig1.lessons")  # the teacher stops sharing: the student is told
        message = t("follow.refused_stopped", code=code)
        assert wait_for(lambda: student.get_by_text(message).count(), timeout=30), "the student is told"
        student.screenshot(path=str(SHOTS / "follow-ended.png"))
        assert exceptions(student) == [] and exceptions(teacher) == []

        student.goto(f"{app_url}/?follow=ZZZZZZ&lang=ko")  # a wrong code is refused
        assert wait_for(lambda: student.get_by_text(t("follow.refused_unknown", code="ZZZZZZ")).count(), timeout=30)
    finally:
        set_language("en")
        teacher_context.close()
        student_context.close()


# The race's panels in a live view: each one's title and step, and the headline under them.
RACE = """() => { const r = document.querySelector('.gz-live'); if (!r) return null;
  const panels = [...r.querySelectorAll('.gz-panel')].map(p => [p.querySelector('.gz-panel-title')?.innerText,
      Number(p.querySelector('.gz-metric .gz-value')?.innerText.replace(/,/g, ''))]);
  return {panels, headline: r.querySelector('.gz-headline')?.innerText || '', step: Number(r.dataset.step),
          projector: r.classList.contains('gz-projector'), history: !!r.querySelector('.gz-history .main-svg')}; }"""


def _race_shared(teacher, app_url) -> str:
    """The teacher opens the Mode collapse page and shares the race: its code."""
    teacher.goto(f"{app_url}/mode_collapse")
    teacher.wait_for_selector(LIVE)
    settle(teacher)
    click(teacher, "mc.race.share", menu="mc.menu")
    settle(teacher)
    teacher.keyboard.press("Escape")
    click(teacher, "mc.race.share_info")  # the code beside the race's buttons opens the QR code and the link
    link = wait_for(lambda: re.search(r"\?follow=([1-9]?[A-Z]{6})", teacher.inner_text("body")), timeout=60)
    assert link, "the menu shows the link with the code"
    teacher.screenshot(path=str(SHOTS / "follow-race-teacher.png"))
    teacher.keyboard.press("Escape")
    return link.group(1)


def test_students_follow_the_mode_collapse_race_in_their_own_language_and_layout(browser, app_url):
    from ganviz.remedies.methods import METHODS
    from ganviz.lessons.published import method_label

    teacher_context, teacher = _context(browser, "en")
    student_context, student = _context(browser, "ko")
    presenter_context, presenter = _context(browser, "en")
    try:
        code = _race_shared(teacher, app_url)
        student.goto(f"{app_url}/?follow={code}&lang=ko")
        student.wait_for_selector(LIVE)
        settle(student)
        presenter.goto(f"{app_url}/?follow={code}")  # a student who reads it in presentation mode
        presenter.wait_for_selector(LIVE)
        settle(presenter)
        presenter.locator(f"{css_key('ganviz.present')} label").first.click()
        assert wait_for(lambda: (presenter.evaluate(RACE) or {}).get("projector"), timeout=60), "a projector's layout"

        click(teacher, "mc_play")
        assert wait_for(lambda: (teacher.evaluate(LIVE_STEP) or 0) > 0, timeout=60), "the teacher's race plays"
        student.evaluate(WATCH)
        assert wait_for(lambda: len(set(student.evaluate("() => window.__steps"))) >= 4, timeout=90), \
            "the student's view receives the race's frames as it plays"
        race = student.evaluate(RACE)
        set_language("ko")
        titles = [method_label(name) for name in METHODS]
        assert len(race["panels"]) == 2 and all(title in titles for title, _ in race["panels"]), race["panels"]
        assert race["panels"][0][1] == race["panels"][1][1], "both runs at the same step"
        assert race["headline"].startswith(t("mode_collapse.now", step=f"{race['step']:,}").replace("**", "")), \
            "the headline, in Korean, at the frame's step"
        assert not race["projector"]
        assert wait_for(lambda: student.evaluate(RACE)["history"], timeout=60), "the desk's charts under the race"
        assert student.locator(css_key("mc_play")).count() == 0 and student.locator(css_key("mc.race.share")).count() == 0
        student.screenshot(path=str(SHOTS / "follow-race-student-ko.png"))
        shown = presenter.evaluate(RACE)
        set_language("en")
        assert len(shown["panels"]) == 2 and shown["projector"] and not shown["history"]
        assert shown["headline"].startswith(t("mode_collapse.now", step=f"{shown['step']:,}").replace("**", ""))
        assert all(title in [method_label(name) for name in METHODS] for title, _ in shown["panels"])
        presenter.screenshot(path=str(SHOTS / "follow-race-student-presenting.png"))

        click(teacher, "mc_play")  # the teacher pauses: the students get the very step the race stopped at
        assert wait_for(lambda: teacher.locator(".gz-live[data-state='paused']").count(), timeout=30)
        settle(teacher)
        stopped_at = teacher.evaluate(LIVE_STEP)
        for page in (student, presenter):
            assert wait_for(lambda: page.evaluate(LIVE_STEP) == stopped_at, timeout=30), \
                f"the student's view shows the race's step {stopped_at} ({page.evaluate(LIVE_STEP)})"
            assert {s for _, s in page.evaluate(RACE)["panels"]} == {stopped_at}

        student.locator(f"{css_key('follow.pause')} label").first.click()  # the student pauses their own view
        assert wait_for(lambda: student.locator(css_key("follow.timeline")).count(), timeout=30), "a timeline"
        settle(student)
        assert len(student.evaluate(RACE)["panels"]) == 2, "the recorded frames have both panels"
        click(teacher, "mc_play")
        assert wait_for(lambda: (teacher.evaluate(LIVE_STEP) or 0) > stopped_at, timeout=60)
        assert student.evaluate(LIVE_STEP) <= stopped_at, "a paused view stands still while the race goes on"
        student.screenshot(path=str(SHOTS / "follow-race-paused.png"))

        click(teacher, "mc.race.share_stop", menu="mc.menu")  # the teacher stops sharing: the students are told
        set_language("ko")
        assert wait_for(lambda: student.get_by_text(t("follow.refused_stopped", code=code)).count(), timeout=30)
        set_language("en")
        assert wait_for(lambda: presenter.get_by_text(t("follow.refused_stopped", code=code)).count(), timeout=30)
        student.screenshot(path=str(SHOTS / "follow-race-ended.png"))
        assert exceptions(student) == [] and exceptions(teacher) == [] and exceptions(presenter) == []
    finally:
        set_language("en")
        for context in (teacher_context, student_context, presenter_context):
            context.close()
