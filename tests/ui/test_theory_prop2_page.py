"""The Theory page's Proposition 2 and "maximum likelihood vs GAN" tabs on real runs, in English and Korean."""

from __future__ import annotations

import math

import pytest

from ganviz.i18n import set_language
from tests.ui.app_page import open_page

PAGE = "pages/theory.py"


def metric(at, label_start: str) -> float:
    return float(next(m.value for m in at.metric if m.label.startswith(label_start)))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_proposition2_in_p_g_reaches_minus_log4_and_the_mlp_lags(lang):
    set_language(lang)  # AppTest formats the sidebar's radios in the test's thread (tests/ui/app_page.py)
    at = open_page(PAGE, lang=lang)
    function_label = "C(G) + log 4, p_g" if lang == "ko" else "C(G) + log 4, in p_g"
    start_f, start_p = metric(at, function_label), metric(at, "C(G) + log 4, MLP")
    assert start_f == pytest.approx(start_p, abs=1e-3) and start_f > 0.5  # the same p_g to begin with
    for _ in range(2):
        at.button(key="theory.p2_train").click().run()
        assert not at.exception
    assert metric(at, function_label) < 1e-3  # Proposition 2: p_g itself reaches p_data
    parametric = metric(at, "C(G) + log 4, MLP")
    assert 1e-3 < parametric < start_p  # the MLP learns, but 200 steps leave it short
    said = [s.value for s in at.success]
    assert any("200" in text for text in said), said  # says which step it is, and that p_g = p_data now
    at.button(key="theory.p2_reset").click().run()
    assert metric(at, function_label) == pytest.approx(start_f, abs=1e-6)


def test_the_fits_table_shows_forward_kl_wider_than_reverse_kl():
    at = open_page(PAGE)  # two modes 4 apart, weights 0.7/0.3
    table = next(md.value for md in at.markdown if md.value.startswith("| fit |"))
    rows = {line.split("|")[1].strip(): [float(v) for v in line.split("|")[2:5]] for line in table.splitlines()[2:]}
    forward, reverse = rows["forward KL (maximum likelihood)"], rows["reverse KL"]
    assert forward[1] > 2 * reverse[1]  # sigma: over both modes, against one
    assert 0 < rows["JSD (GAN at D*)"][2] < math.log(2)
    assert abs(rows["JSD (GAN at D*)"][0] - (-2.0)) < 0.1  # the JSD takes the heavier mode here
    at.slider(key="theory.fits_weight").set_value(0.5).run()  # equal modes: the JSD's best single Gaussian is wide
    table = next(md.value for md in at.markdown if md.value.startswith("| fit |"))
    jsd = next(line for line in table.splitlines() if line.startswith("| JSD"))
    assert float(jsd.split("|")[3]) > 1.5
