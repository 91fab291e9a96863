"""The drawing canvas on the 2D page under AppTest: a stroke the canvas sends becomes points and the target.

AppTest runs no JavaScript and cannot set a component's value itself, so the
test sends what the browser sends: the component's trigger value ``stroke``
in the widget states of the next run (``AppTest._run``), under the id
Streamlit gives the component's trigger (``_make_trigger_id(id, "events")``).
The browser side is tests/e2e/test_drawing.py.
"""

import json

import numpy as np
import pytest
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

import ganviz.core.custom
from ganviz.core.strokes import STROKE_SPACING

APP = "../../navigation.py"
TWO_D = "pages/two_d.py"
ACROSS = [[-3.0, 0.0], [-1.0, 0.0], [3.0, 0.0]]  # 6 long: 6 / 0.15 + 1 = 41 points


@pytest.fixture
def editor() -> AppTest:
    """The 2D page's custom editor, cleared."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(TWO_D).run()
    at.selectbox(key="p2d.dist").set_value("custom").run()
    at.button(key="p2d.custom.clear").click().run()
    assert not at.exception and len(points(at)) == 0
    return at


def canvas(at: AppTest):
    (element,) = [e for e in at.get("bidi_component") if e.proto.component_name == "ganviz.draw_canvas"]
    return element.proto


def sent(at: AppTest) -> dict:
    """What the page gave the canvas to draw."""
    return json.loads(canvas(at).json)


def expanded(at: AppTest) -> bool:
    """Whether the page asks for the editor's expander to be open."""
    (editor,) = [e for e in at.expander if e.label == "Your target: draw it, click or lasso points, or upload a CSV"]
    return editor.proto.expanded


def points(at: AppTest) -> np.ndarray:
    return at.session_state["p2d.custom.points"]


def draw(at: AppTest, *strokes: tuple[int, list]) -> AppTest:
    """Send ``strokes`` ((id, lines) pairs) as the canvas does on pointerup, and rerun."""
    value = {"strokes": [{"id": stroke_id, "lines": lines} for stroke_id, lines in strokes]}
    states = at._tree.get_widget_states()
    states.widgets.append(WidgetState(id=_make_trigger_id(canvas(at).id, "events"),
                                      json_trigger_value=json.dumps([{"event": "stroke", "value": value}])))
    at._run(states)
    assert not at.exception
    return at


def test_a_stroke_becomes_points_and_the_target(editor):
    assert expanded(editor)
    at = draw(editor, (1, [ACROSS]))
    assert len(points(at)) == 41
    assert expanded(at), "the editor stays open though the drawing now makes a target"
    assert np.allclose(np.diff(points(at)[:, 0]), STROKE_SPACING) and np.allclose(points(at)[:, 1], 0)
    assert len(sent(at)["points"]) == 41 and sent(at)["done"] == 1, "the canvas shows them and drops its stroke"
    assert any("41 points" in c.value for c in at.caption)
    target = at.session_state["p2d.custom.target"]
    assert target is not None and len(target.means) == 41
    assert target.stds[0] == pytest.approx(STROKE_SPACING), "the kernel is the spacing (drawing_bandwidth)"
    at.button(key="p2d.step").click().run()
    assert not at.exception and at.session_state["p2d.trainer"].target is target, "the model trains on the drawing"


def test_undo_takes_back_a_whole_stroke_and_a_tap_is_one_point(editor):
    at = draw(editor, (1, [ACROSS]), (2, [[[0.5, 2.0]]]))  # two strokes in one message: a line and a tap
    assert len(points(at)) == 42
    at.button(key="p2d.custom.undo").click().run()
    assert len(points(at)) == 41
    at.button(key="p2d.custom.undo").click().run()
    assert len(points(at)) == 0 and at.info, "too few points: the page asks for more"


def test_a_stroke_sent_again_is_added_once(editor):
    """The canvas resends every stroke not yet acknowledged; those already handled are skipped."""
    at = draw(editor, (5, [ACROSS]))
    at = draw(at, (5, [ACROSS]), (6, [[[0.0, -1.0], [0.0, 1.0]]]))
    assert len(points(at)) == 41 + 14
    at = draw(at, (4, [[[1.0, 1.0]]]))
    assert len(points(at)) == 41 + 14 and sent(at)["done"] == 6


def test_refusals_keep_the_points(editor, monkeypatch):
    at = draw(editor, (1, [ACROSS]))
    at = draw(at, (2, [[[0.0, 0.0], [4.5, 0.0]]]))  # a forged value: the canvas never sends outside its window
    assert len(points(at)) == 41 and sent(at)["done"] == 2
    assert at.error[0].value == ("That stroke was not added: position 2 is outside the drawing window [-4.0, 4.0]. "
                                 "The previous points stay.")
    at = draw(at, (3, [[]]))
    assert "no stroke was drawn" in at.error[0].value and len(points(at)) == 41
    monkeypatch.setattr(ganviz.core.custom, "MAX_POINTS", 60)
    at = draw(at, (4, [ACROSS]))
    assert "82 points given; at most 60 are allowed" in at.error[0].value and len(points(at)) == 41
    at = draw(at, (5, [[[0.0, 1.0]]]))
    assert not at.error and len(points(at)) == 42, "a stroke that fits is added, and the refusal goes"


def test_a_malformed_value_is_ignored(editor):
    at = draw(editor, (1, [ACROSS]))
    for value in ([{"id": "x", "lines": [ACROSS]}], [{"id": True, "lines": [ACROSS]}], [{"id": 9}], "strokes"):
        states = at._tree.get_widget_states()
        states.widgets.append(WidgetState(id=_make_trigger_id(canvas(at).id, "events"), json_trigger_value=json.dumps(
            [{"event": "stroke", "value": {"strokes": value}}])))
        at._run(states)
        assert not at.exception and len(points(at)) == 41, value
