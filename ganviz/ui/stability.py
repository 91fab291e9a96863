"""The stability map under the Mode collapse page's race: the shipped sweep (``ganviz/files/sweeps/ring8_lr.jsonl``,
``ganviz.sweep.maps``) drawn by ``ganviz.views.stability``, and loading one of its cells into the race.

Loading a cell sets the page's own widget keys (``<key>.dist`` to the map's target, ``<key>.seed`` to the map's first
seed) and stores the cell's learning rates in ``<key>.map.rates``, then restarts the race; the page builds its
race's base config with ``map_rates`` on top of the preset's. A preset button, or *Back to the preset's rates*,
clears them.
"""

from __future__ import annotations

import streamlit as st

from . import presenting
from ..i18n import t
from ..sweep.maps import SHIPPED, shipped_map
from ..views.stability import MEASURES, rate, stability_figure

MAP = "ring8_lr"  # the shipped sweep: the plain GAN of the ring8 preset over lr_D x lr_G
MAP_DIST = "ring8"
N_MODES = 8


@st.cache_resource(show_spinner=False)
def _map():
    """The shipped map, read once per server process (it never changes while the app runs)."""
    return shipped_map(MAP)


def _rates_key(key: str) -> str:
    return f"{key}.map.rates"


def map_rates(key: str, dist: str, runs) -> dict:
    """The learning rates a loaded cell set for the race ``runs`` of page ``key`` ({} for none, or on another
    target). A restart into play that the map did not ask for is a preset's (the page's ``load_preset``): the preset
    brings its own rates, so the map's are dropped; Reset (a restart, paused) keeps them."""
    state = st.session_state
    if runs.race is None and runs.mode == "playing" and not state.pop(f"{key}.map.fresh", False):
        state[_rates_key(key)] = None
    rates = state.get(_rates_key(key))
    return dict(rates) if rates and dist == MAP_DIST else {}


def _load(key: str, runs, lr_d: float, lr_g: float) -> None:
    """Race the cell (``lr_d``, ``lr_g``): the map's target and first seed, the cell's rates, from step 0, playing."""
    grid = _map()
    st.session_state[f"{key}.dist"] = MAP_DIST
    st.session_state[f"{key}.seed"] = grid.seeds[0]
    st.session_state[_rates_key(key)] = {"lr_d": lr_d, "lr_g": lr_g}
    st.session_state[f"{key}.map.lr_d"], st.session_state[f"{key}.map.lr_g"] = lr_d, lr_g
    st.session_state[f"{key}.map.fresh"] = True  # this restart is the map's own (see map_rates)
    runs.restart()


def _on_click(key: str, runs) -> None:
    """A clicked cell of the map: a marker of the scatter (``customdata`` = [row, column]) or the heatmap under it
    (its x and y, the cell's axis labels), whichever plotly.js reports."""
    grid = _map()
    points = (st.session_state.get(f"{key}.map.chart") or {}).get("selection", {}).get("points", [])
    columns, rows = [rate(x) for x in grid.xs], [rate(y) for y in grid.ys]
    for point in reversed(points):
        if isinstance(point.get("customdata"), list):
            i, j = point["customdata"]
        elif point.get("x") in columns and point.get("y") in rows:
            i, j = rows.index(point["y"]), columns.index(point["x"])
        else:
            continue
        _load(key, runs, grid.xs[j], grid.ys[i])
        return


def _back(key: str, runs) -> None:
    st.session_state[_rates_key(key)] = None
    st.session_state[f"{key}.map.fresh"] = True
    runs.restart()


def stability_section(key: str, runs) -> None:
    """The map, its measure switch, a keyboard way to pick a cell, and how the map was made (not on the projector)."""
    if presenting() or not (SHIPPED / f"{MAP}.jsonl").exists():
        return
    grid = _map()
    state = st.session_state
    st.subheader(t("stability.title"))
    seeds = ", ".join(map(str, grid.seeds))
    st.markdown(t("stability.intro", steps=f"{grid.steps:,}", seeds=seeds, seed=grid.seeds[0]))
    measure = st.radio(t("stability.show"), list(MEASURES), horizontal=True, key=f"{key}.map.measure",
                       format_func=lambda name: t(f"stability.measure.{name}"), help=t("stability.show_help"))
    rates = state.get(_rates_key(key))
    selected = None
    if rates and rates["lr_d"] in grid.xs and rates["lr_g"] in grid.ys:
        selected = (grid.ys.index(rates["lr_g"]), grid.xs.index(rates["lr_d"]))
    figure = stability_figure(grid.xs, grid.ys, grid.values, measure, N_MODES, t("stability.lr_d"),
                              t("stability.lr_g"), selected=selected)
    st.plotly_chart(figure, key=f"{key}.map.chart", on_select=lambda: _on_click(key, runs), selection_mode="points",
                    config={"displaylogo": False, "displayModeBar": False})
    state.setdefault(f"{key}.map.lr_d", grid.xs[len(grid.xs) // 2])
    state.setdefault(f"{key}.map.lr_g", grid.ys[len(grid.ys) // 2])
    a, b, c = st.columns([1, 1, 1.2], vertical_alignment="bottom")
    lr_d = a.selectbox(t("stability.lr_d"), grid.xs, format_func=rate, key=f"{key}.map.lr_d")
    lr_g = b.selectbox(t("stability.lr_g"), grid.ys, format_func=rate, key=f"{key}.map.lr_g")
    c.button(t("stability.load"), key=f"{key}.map.load", on_click=_load, args=(key, runs, lr_d, lr_g),
             icon=":material/play_arrow:", width="stretch", help=t("stability.load_help"))
    if rates:
        st.info(t("stability.loaded", lr_d=rate(rates["lr_d"]), lr_g=rate(rates["lr_g"]), seed=grid.seeds[0]))
        st.button(t("stability.back"), key=f"{key}.map.back", on_click=_back, args=(key, runs),
                  help=t("stability.back_help"))
    st.caption(t("stability.how", command=grid.command, runs=grid.runs, file=f"ganviz/files/sweeps/{MAP}.jsonl"))
