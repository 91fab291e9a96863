"""The editor for a custom 2D target: click or lasso points on a canvas, or upload a CSV of x,y rows.

The points live in session state; the target the trainer sees is a Gaussian
KDE of them (``ganviz.custom_target.kde_target``) in a square window. The
target object is rebuilt only when the points change, so the live run knows a
new object means a new model. A malformed upload is refused with its reason
and the previous points stay.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from ganviz.custom_target import MIN_POINTS, BadPoints, check_points, drawing_bandwidth, kde_target, parse_points_csv
from ganviz.distributions import GaussianMixture

CANVAS = 4.0  # the canvas shows [-CANVAS, CANVAS]^2
CLICK_GRID = 41  # invisible points per axis that clicks and lassos select


def smiley() -> np.ndarray:
    """The starting drawing: two eyes and a smile, 40 points."""
    t = np.linspace(np.pi * 1.15, np.pi * 1.85, 24)
    mouth = np.stack([2.0 * np.cos(t), 2.0 * np.sin(t) + 0.6], axis=1)
    eye = np.array([[0.0, 0.0], [0.15, 0.1], [-0.15, 0.1], [0.0, 0.25], [0.1, -0.12], [-0.1, -0.12], [0.0, 0.12], [0.05, 0.0]])
    return np.concatenate([mouth, eye + [-1.0, 1.4], eye + [1.0, 1.4]])


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
        ss.setdefault(f"{key}.error", None)

    @property
    def points(self) -> np.ndarray:
        return st.session_state[f"{self.key}.points"]

    @property
    def target(self) -> GaussianMixture | None:
        return st.session_state[f"{self.key}.target"]

    def _set_points(self, points) -> None:
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        st.session_state[f"{self.key}.points"] = points
        st.session_state[f"{self.key}.target"] = square_target(points) if len(points) >= MIN_POINTS else None

    # ----- callbacks ---------------------------------------------------------------
    def _on_upload(self) -> None:
        upload = st.session_state.get(f"{self.key}.upload")
        if upload is None:
            return
        try:
            points = parse_points_csv(upload.getvalue())
            check_points(points)
        except BadPoints as err:
            st.session_state[f"{self.key}.error"] = f"{upload.name} was not used: {err} The previous points stay."
            return
        st.session_state[f"{self.key}.error"] = None
        self._set_points(points)

    def _on_select(self) -> None:
        state = st.session_state.get(f"{self.key}.canvas")
        selected = (state or {}).get("selection", {}).get("points", [])
        picked = [(p["x"], p["y"]) for p in selected if "x" in p and p.get("curve_number", 0) == 0]  # grid, not old points
        if picked:
            try:
                points = check_points(np.concatenate([self.points, np.array(picked, dtype=np.float64)]))
            except BadPoints as err:
                st.session_state[f"{self.key}.error"] = f"Those points were not added: {err}"
                return
            st.session_state[f"{self.key}.error"] = None
            self._set_points(points)

    def _undo(self) -> None:
        self._set_points(self.points[:-1])

    def _clear(self) -> None:
        self._set_points(np.zeros((0, 2)))

    # ----- the editor ----------------------------------------------------------------
    def editor(self) -> GaussianMixture | None:
        """Draw the editor; return the target, or None while there are too few points."""
        with st.expander("Your target: click to add a point, drag a lasso to add many, or upload a CSV",
                         icon=":material/draw:", expanded=self.target is None):
            st.caption(f"**{len(self.points)} points.** A click adds the grid point under the mouse; a lasso or box "
                       "(choose it in the chart's toolbar) adds every grid point inside it.")
            left, right = st.columns([1.2, 1])
            left.plotly_chart(self._canvas(), key=f"{self.key}.canvas", on_select=self._on_select,
                              selection_mode=("points", "box", "lasso"), config={"displaylogo": False})
            with right:
                st.file_uploader("Upload points (CSV: x,y per row, an optional header)", type=["csv", "txt"],
                                 key=f"{self.key}.upload", on_change=self._on_upload,
                                 help=f"Between {MIN_POINTS} and 10,000 rows of two numbers, at most 1 MB.")
                c1, c2, c3 = st.columns(3)
                c1.button("Undo", key=f"{self.key}.undo", on_click=self._undo, disabled=len(self.points) == 0,
                          width="stretch", help="Remove the last point added.")
                c2.button("Clear", key=f"{self.key}.clear", on_click=self._clear, width="stretch",
                          help="Remove every point and start a new drawing.")
                c3.button("Smiley", key=f"{self.key}.example", on_click=self._set_points, args=(smiley(),),
                          width="stretch", help="Start again from the example drawing.")
                st.caption("The target is a Gaussian kernel density estimate of your points: one small Gaussian on "
                           "each point, as wide as the typical gap between neighbouring points (at least 0.05, at "
                           f"most Scott's rule); now {self.target.stds[0]:.2f}. "
                           "Changing the points starts a new model." if self.target is not None else
                           "The target is a Gaussian kernel density estimate of your points.")
                if st.session_state[f"{self.key}.error"]:
                    st.error(st.session_state[f"{self.key}.error"])
        if self.target is None:
            st.info(f"Add at least {MIN_POINTS} points to train on your own target.")
        return self.target

    def _canvas(self) -> go.Figure:
        g = np.linspace(-CANVAS, CANVAS, CLICK_GRID)
        gx, gy = np.meshgrid(g, g)
        fig = go.Figure()
        fig.add_trace(go.Scatter(x=np.round(gx.ravel(), 3).tolist(), y=np.round(gy.ravel(), 3).tolist(), mode="markers",
                                 marker=dict(size=9, color="rgba(0,0,0,0.03)"), name="click here", hoverinfo="x+y",
                                 showlegend=False))
        pts = self.points
        fig.add_trace(go.Scatter(x=np.round(pts[:, 0], 3).tolist(), y=np.round(pts[:, 1], 3).tolist(), mode="markers",
                                 marker=dict(size=7, color="black"), name="your points", hoverinfo="skip",
                                 showlegend=False))
        fig.update_xaxes(range=[-CANVAS - 0.3, CANVAS + 0.3], zeroline=False)
        fig.update_yaxes(range=[-CANVAS - 0.3, CANVAS + 0.3], scaleanchor="x", scaleratio=1, zeroline=False)
        fig.update_layout(height=360, margin=dict(l=10, r=10, t=10, b=10), template="plotly_white",
                          dragmode="pan", hovermode="closest")  # pan: Streamlit selects on click only outside lasso/select mode
        return fig
