"""The editor for a custom 2D target: draw it, click or lasso points on a canvas, or upload a CSV of x,y rows.

Drawing (mouse, pen or finger) is ``ganviz.ui.draw_canvas``; each stroke
becomes points one ``STROKE_SPACING`` apart along it (``ganviz.core.strokes``).
Undo takes back the last addition: a stroke, a lasso or a click (or, after a
file or the smiley, their last point).

The points live in session state; the target the trainer sees is a Gaussian
KDE of them (``ganviz.core.custom.kde_target``) in a square window. The
target object is rebuilt only when the points change, so the live run knows a
new object means a new model. A malformed upload is refused with its reason
and the previous points stay. The refusal is kept untranslated (the
``BadPoints`` reason code and its facts) and said in the reader's language
when shown (``refusal``), so switching the language translates it too.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from ganviz.core.custom import (MAX_BYTES, MAX_POINTS, MIN_POINTS, BadPoints, check_points, drawing_bandwidth,
                                  kde_target, parse_points_csv)
from ganviz.core.distributions import GaussianMixture
from ganviz.i18n import CATALOGS, DEFAULT, t
from ganviz.core.strokes import STROKE_SPACING, points_from_strokes
from ganviz.ui import REASON_LIMIT, plain, upload_limit_mb
from ganviz.ui.draw_canvas import draw_canvas, stroke_value
from ganviz.views import palette

CANVAS = 4.0  # the canvas shows [-CANVAS, CANVAS]^2
CLICK_GRID = 41  # invisible points per axis that clicks and lassos select


def smiley() -> np.ndarray:
    """The starting drawing: two eyes and a smile, 40 points."""
    angle = np.linspace(np.pi * 1.15, np.pi * 1.85, 24)
    mouth = np.stack([2.0 * np.cos(angle), 2.0 * np.sin(angle) + 0.6], axis=1)
    eye = np.array([[0.0, 0.0], [0.15, 0.1], [-0.15, 0.1], [0.0, 0.25], [0.1, -0.12], [-0.1, -0.12], [0.0, 0.12], [0.05, 0.0]])
    return np.concatenate([mouth, eye + [-1.0, 1.4], eye + [1.0, 1.4]])


def count_of(n: int, noun: str = "points") -> str:
    """``n`` points (or values), in the current language: "1 point", "5 points", "점 5개"."""
    if noun == "values":
        return t("two_d.custom.one_value", n=f"{n:,}") if n == 1 else t("two_d.custom.n_values", n=f"{n:,}")
    return t("two_d.custom.one_point", n=f"{n:,}") if n == 1 else t("two_d.custom.n_points", n=f"{n:,}")


def refusal(reason: str, values: dict, english: str) -> str:
    """Why some points were refused (a ``BadPoints`` reason and its facts), in the current language.

    A reason without a key in the catalogues falls back to the library's English message ``english``.
    """
    key = f"two_d.bad.{reason}"
    if key not in CATALOGS[DEFAULT].STRINGS:
        return plain(english, REASON_LIMIT)
    said = {}
    for name, value in values.items():
        if name == "count":
            said[name] = count_of(value, "values" if reason == "row_values" else "points")
        elif isinstance(value, float) and name == "limit":
            said[name] = f"{value:,.0f}"
        elif isinstance(value, int) and not isinstance(value, bool):
            said[name] = f"{value:,}"
        else:
            said[name] = plain(value) if name == "field" else str(value)  # a cell of the user's file: plain text
    return t(key, **said)


def square_target(points: np.ndarray) -> GaussianMixture:
    """The KDE of ``points`` in a square window that holds them (so the 2D plot keeps its aspect)."""
    kde = kde_target(points, bandwidth=drawing_bandwidth(points))
    (x0, x1), (y0, y1) = kde.bounds
    cx, cy, half = (x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0, 2.0) / 2
    return GaussianMixture(kde.means, kde.stds, bounds=[[cx - half, cx + half], [cy - half, cy + half]], name="custom")


class CustomTarget:
    """Session state of the editor under keys prefixed by ``key``."""

    def __init__(self, key: str):
        self.key = key
        ss = st.session_state
        if f"{key}.points" not in ss:
            self._set_points(smiley())
            ss[f"{key}.editing"] = False  # becomes True with the first change, and keeps the editor open
        ss.setdefault(f"{key}.error", None)
        ss.setdefault(f"{key}.added", [])  # sizes of the additions (strokes, lassos, clicks) at the end of the points
        ss.setdefault(f"{key}.stroke_done", 0)  # the id of the last stroke handled, sent back to the canvas

    @property
    def points(self) -> np.ndarray:
        return st.session_state[f"{self.key}.points"]

    @property
    def target(self) -> GaussianMixture | None:
        return st.session_state[f"{self.key}.target"]

    def _set_points(self, points, added=()) -> None:
        """New points; ``added`` lists the sizes of the undoable additions at their end (none: a new drawing)."""
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        st.session_state[f"{self.key}.points"] = points
        st.session_state[f"{self.key}.target"] = square_target(points) if len(points) >= MIN_POINTS else None
        st.session_state[f"{self.key}.added"] = list(added)
        st.session_state[f"{self.key}.editing"] = True

    def _add(self, additions: list[np.ndarray], kind: str) -> None:
        """Append ``additions`` (each one undoable), or keep the points and say why if the total is refused."""
        try:
            points = check_points(np.concatenate([self.points, *additions]))
        except BadPoints as err:
            st.session_state[f"{self.key}.error"] = (kind, "", err.reason, err.values, str(err))
            return
        st.session_state[f"{self.key}.error"] = None
        self._set_points(points, st.session_state[f"{self.key}.added"] + [len(a) for a in additions])

    # ----- callbacks ---------------------------------------------------------------
    def _on_upload(self) -> None:
        upload = st.session_state.get(f"{self.key}.upload")
        if upload is None:
            return
        try:
            points = parse_points_csv(upload.getvalue())
            check_points(points)
        except BadPoints as err:
            st.session_state[f"{self.key}.error"] = ("upload", upload.name, err.reason, err.values, str(err))
            return
        st.session_state[f"{self.key}.error"] = None
        self._set_points(points)

    def _on_select(self) -> None:
        state = st.session_state.get(f"{self.key}.canvas")
        selected = (state or {}).get("selection", {}).get("points", [])
        picked = [(p["x"], p["y"]) for p in selected if "x" in p and p.get("curve_number", 0) == 0]  # grid, not old points
        if picked:
            self._add([np.array(picked, dtype=np.float64)], "select")

    def _on_stroke(self) -> None:
        """Add the strokes the canvas sent that are newer than the last one handled, each one undoable."""
        done = st.session_state[f"{self.key}.stroke_done"]
        new = [s for s in stroke_value(f"{self.key}.draw") if s["id"] > done]
        if not new:
            return
        st.session_state[f"{self.key}.stroke_done"] = max(s["id"] for s in new)
        try:
            additions = [points_from_strokes(s["lines"], STROKE_SPACING, window=(-CANVAS, CANVAS)) for s in new]
        except BadPoints as err:
            st.session_state[f"{self.key}.error"] = ("draw", "", err.reason, err.values, str(err))
            return
        self._add(additions, "draw")

    def _undo(self) -> None:
        added = st.session_state[f"{self.key}.added"]
        last = added[-1] if added else 1
        self._set_points(self.points[:-last], added[:-1])

    def _clear(self) -> None:
        self._set_points(np.zeros((0, 2)))

    def error_text(self) -> str | None:
        """The last refusal, in the current language (stored as what happened, not as text)."""
        error = st.session_state[f"{self.key}.error"]
        if not error:
            return None
        if isinstance(error, str):  # said before this version
            return error
        kind, name, reason, values, english = error
        why = refusal(reason, values, english)
        if kind == "upload":
            return t("two_d.custom.upload_refused", name=plain(name), reason=why)
        if kind == "draw":
            return t("drawing.refused", reason=why)
        return t("two_d.custom.select_refused", reason=why)

    # ----- the editor ----------------------------------------------------------------
    def editor(self) -> GaussianMixture | None:
        """Draw the editor; return the target, or None while there are too few points."""
        # Streamlit applies a change of `expanded`: it must not flip to False when the first stroke makes a target.
        editing = self.target is None or st.session_state.get(f"{self.key}.editing", False)
        with st.expander(t("drawing.expander"), icon=":material/draw:", expanded=editing):
            left, right = st.columns([1.2, 1])
            draw, click = left.tabs([t("drawing.tab"), t("drawing.click_tab")])
            with draw:
                st.caption(t("drawing.how", points=count_of(len(self.points)), spacing=f"{STROKE_SPACING:g}"))
                draw_canvas(f"{self.key}.draw", self.points, st.session_state[f"{self.key}.stroke_done"],
                            self._on_stroke, window=(-CANVAS, CANVAS), step=STROKE_SPACING / 5,
                            hint=t("drawing.hint"), label=t("drawing.label"))
            with click:
                st.caption(t("two_d.custom.how", points=count_of(len(self.points))))
                st.plotly_chart(self._canvas(), key=f"{self.key}.canvas", on_select=self._on_select,
                                selection_mode=("points", "box", "lasso"), config={"displaylogo": False})
            with right:
                st.file_uploader(t("two_d.custom.upload"), type=["csv", "txt"], key=f"{self.key}.upload",
                                 on_change=self._on_upload, max_upload_size=upload_limit_mb(MAX_BYTES),
                                 help=t("two_d.custom.upload_help", min=MIN_POINTS, max=f"{MAX_POINTS:,}"))
                c1, c2, c3 = st.columns(3)
                c1.button(t("two_d.custom.undo"), key=f"{self.key}.undo", on_click=self._undo,
                          disabled=len(self.points) == 0, width="stretch", help=t("drawing.undo_help"))
                c2.button(t("two_d.custom.clear"), key=f"{self.key}.clear", on_click=self._clear, width="stretch",
                          help=t("two_d.custom.clear_help"))
                c3.button(t("two_d.custom.smiley"), key=f"{self.key}.example", on_click=self._set_points,
                          args=(smiley(),), width="stretch", help=t("two_d.custom.smiley_help"))
                if self.target is not None:
                    st.caption(t("two_d.custom.kde", h=f"{self.target.stds[0]:.2f}"))
                else:
                    st.caption(t("two_d.custom.kde_short"))
                error = self.error_text()
                if error:
                    st.error(error)
        if self.target is None:
            st.info(t("two_d.custom.too_few", min=MIN_POINTS))
        return self.target

    def _canvas(self) -> go.Figure:
        g = np.linspace(-CANVAS, CANVAS, CLICK_GRID)
        gx, gy = np.meshgrid(g, g)
        fig = go.Figure()
        fig.add_trace(go.Scatter(x=np.round(gx.ravel(), 3).tolist(), y=np.round(gy.ravel(), 3).tolist(), mode="markers",
                                 marker=dict(size=9, color="rgba(0,0,0,0.03)"), name=t("two_d.custom.click_here"),
                                 hoverinfo="x+y", showlegend=False))
        pts = self.points
        fig.add_trace(go.Scatter(x=np.round(pts[:, 0], 3).tolist(), y=np.round(pts[:, 1], 3).tolist(), mode="markers",
                                 marker=dict(size=7, color=palette.REAL), name=t("two_d.custom.your_points"),
                                 hoverinfo="skip", showlegend=False))
        fig.update_xaxes(range=[-CANVAS - 0.3, CANVAS + 0.3], zeroline=False)
        fig.update_yaxes(range=[-CANVAS - 0.3, CANVAS + 0.3], scaleanchor="x", scaleratio=1, zeroline=False)
        fig.update_layout(height=360, margin=dict(l=10, r=10, t=10, b=10), template="plotly_white",
                          dragmode="pan", hovermode="closest")  # pan: Streamlit selects on click only outside lasso/select mode
        return fig
