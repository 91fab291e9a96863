"""The stability map on the Mode collapse page: drawn from the shipped sweep, in both languages, and a cell loaded
into the race (through the page's own keys: target, seed, and the learning rates its base config takes)."""

import pytest

from ganviz.lessons.presets import PRESETS

from ganviz.i18n import CATALOGS, DEFAULT, set_language
from ganviz.sweep.maps import shipped_map
from tests.ui.app_page import open_page

PAGE = "pages/mode_collapse.py"
EN, KO = CATALOGS["en"].STRINGS, CATALOGS["ko"].STRINGS


def test_the_shipped_map_is_a_full_grid_of_small_size():
    from ganviz.sweep.maps import SHIPPED

    grid = shipped_map()
    assert (SHIPPED / "ring8_lr.jsonl").stat().st_size < 60_000
    assert len(grid.xs) >= 4 and len(grid.ys) >= 4 and len(grid.seeds) >= 2
    assert grid.runs == len(grid.xs) * len(grid.ys) * len(grid.seeds)
    assert all(v is not None for row in grid.values["modes"] for v in row)
    assert grid.base["dist"] == "ring8" and "ganviz sweep --preset ring8" in grid.command
    modes = [v for row in grid.values["modes"] for v in row]
    assert min(modes) < max(modes)  # the rates matter: the map is not flat


def test_the_map_is_drawn_below_the_race_in_english():
    at = open_page(PAGE, "en")
    assert EN["stability.title"] in [s.value for s in at.subheader]
    assert at.radio(key="mc.map.measure").value == "modes"
    assert "ganviz sweep --preset ring8" in " ".join(c.value for c in at.caption)


def test_a_cell_races_on_ring8_with_its_rates_and_a_preset_takes_them_back():
    grid = shipped_map()
    at = open_page(PAGE, "en")
    at.sidebar.selectbox(key="mc.dist").set_value("grid25").run()
    at.selectbox(key="mc.map.lr_d").set_value(grid.xs[0]).run()
    at.selectbox(key="mc.map.lr_g").set_value(grid.ys[-1]).run()
    at.button(key="mc.map.load").click().run()
    assert not at.exception
    race = at.session_state["mc.race"]
    assert at.session_state["mc.dist"] == "ring8" and at.session_state["mc.seed"] == grid.seeds[0]
    for config in race.configs.values():
        assert (config.dist, config.lr_d, config.lr_g, config.seed) == ("ring8", grid.xs[0], grid.ys[-1], grid.seeds[0])
    assert any("lr_D = 1e-5" in i.value for i in at.info)
    at.button(key="mc.preset.ring8-race").click().run()
    preset, race_preset = at.session_state["mc.race"].configs["gan"], PRESETS["ring8-race"].config
    assert (preset.lr_d, preset.lr_g) == (race_preset.lr_d, race_preset.lr_g) and not at.info


def test_back_to_the_preset_rates():
    grid = shipped_map()
    at = open_page(PAGE, "en")
    at.button(key="mc.map.load").click().run()
    assert at.session_state["mc.race"].configs["gan"].lr_d == grid.xs[len(grid.xs) // 2]
    at.button(key="mc.map.back").click().run()
    assert at.session_state["mc.race"].configs["gan"].lr_d == PRESETS["ring8-race"].config.lr_d and not at.exception


@pytest.fixture
def korean():
    set_language("ko")
    yield
    set_language(DEFAULT)


def test_the_map_in_korean(korean):
    at = open_page(PAGE, "ko")
    assert KO["stability.title"] in [s.value for s in at.subheader]
    assert at.button(key="mc.map.load").label == KO["stability.load"]
    assert EN["stability.intro"].split("**")[0][:40] not in " ".join(m.value for m in at.markdown)


def test_no_map_on_the_projector():
    at = open_page(PAGE, "en", present=True)
    assert EN["stability.title"] not in [s.value for s in at.subheader]
