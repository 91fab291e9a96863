"""The Theory page's "VAE vs GAN" tab on real runs: the VAE trains on press, its numbers sit beside the GAN's."""

from __future__ import annotations

import pytest

from ganviz.i18n import CATALOGS, set_language
from tests.ui.app_page import open_page

PAGE = "pages/theory.py"


def table(at, lang: str = "en") -> dict:
    """The tab's table, quantity -> (GAN, VAE) as shown."""
    head = CATALOGS[lang].STRINGS["theory.vae_table"].split("\n")[0]
    text = next(md.value for md in at.markdown if md.value.startswith(head))
    return {row.split("|")[1].strip(): (row.split("|")[2].strip(), row.split("|")[3].strip())
            for row in text.splitlines()[2:]}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_ring8_vae_covers_the_modes_with_a_lower_hq_share_than_the_gan(lang):
    set_language(lang)  # AppTest formats radios in the test's thread (tests/ui/app_page.py)
    strings = CATALOGS[lang].STRINGS
    at = open_page(PAGE, lang=lang, timeout=300)
    assert strings["theory.tab_vae"] in [tab.label for tab in at.tabs]
    assert strings["theory.vae_press"] in [i.value for i in at.info]  # nothing trains before the press
    at.radio(key="theory.vae_target").set_value("ring8").run()
    at.button(key="theory.vae_train").click().run()
    assert not at.exception
    rows = table(at, lang)
    assert rows[strings["theory.vae_row_modes"]] == ("8 / 8", "8 / 8")
    gan_hq, vae_hq = (float(v.rstrip("%")) for v in rows[strings["theory.vae_row_hq"]])
    assert vae_hq < 30 < 70 < gan_hq
    assert rows["ELBO"][0] == strings["theory.vae_no_formula"]  # the implicit model has no number to show
    assert strings["theory.vae_caption_2d"] in [c.value for c in at.caption]


def test_bimodal_vae_elbo_lies_below_its_log_likelihood():
    at = open_page(PAGE, timeout=300)
    at.button(key="theory.vae_train").click().run()
    assert not at.exception
    rows = table(at)
    elbo, log_likelihood = float(rows["ELBO"][1]), float(rows["log-likelihood E[log p(x)] (nats)"][1])
    assert elbo <= log_likelihood < 0
    assert float(rows["JSD(p_data ‖ ·)"][1]) < 0.03


def test_mnist_shows_both_models_and_the_vae_is_less_often_classified_with_confidence():
    at = open_page(PAGE, timeout=300)
    at.radio(key="theory.vae_target").set_value("mnist").run()
    assert not at.exception
    assert len(at.get("image")) == 2
    gan, vae = (float(v.rstrip("%")) for v in table(at)[CATALOGS["en"].STRINGS["theory.vae_row_sharp"].format(n=1000)])
    assert vae < gan
