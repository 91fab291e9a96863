"""The MNIST page under AppTest: it samples offline, with and without the data folder."""

from streamlit.testing.v1 import AppTest

APP = "../../navigation.py"
PAGE = "pages/mnist.py"


def open_page(monkeypatch, folder):
    monkeypatch.setenv("GANVIZ_MNIST_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def images(at):
    return at.get("image")


def test_the_page_samples_and_shows_the_nearest_training_images(monkeypatch, mnist_dir):
    at = open_page(monkeypatch, mnist_dir)
    assert len(images(at)) == 4  # samples, Figure 2, Figure 3, training progress
    assert any(c.value.startswith("Distances from each row's last sample") for c in at.caption)
    assert all("download" not in i.value for i in at.info)
    parzen = at.table[0].value  # Table 1: the paper's row, ours, and real images
    assert list(parzen["Parzen log-likelihood"])[0] == "225 ± 2" and len(parzen) == 3


def test_new_samples_and_rerolls_change_the_seeds(monkeypatch, mnist_dir):
    at = open_page(monkeypatch, mnist_dir)
    seed = at.number_input(key="mnist.seed").value
    at.button(key="mnist.new").click().run()
    assert at.number_input(key="mnist.seed").value != seed
    left = at.number_input(key="mnist.left").value
    at.button(key="mnist.reroll_left").click().run()
    assert at.number_input(key="mnist.left").value != left
    at.select_slider(key="mnist.n").set_value(16).run()
    at.slider(key="mnist.steps").set_value(6).run()
    at.select_slider(key="mnist.frame").set_value(0).run()
    assert not at.exception
    assert at.select_slider(key="mnist.frame").value == 0


def test_without_data_the_page_still_samples_and_says_how_to_get_it(monkeypatch, tmp_path):
    at = open_page(monkeypatch, tmp_path)
    assert len(images(at)) == 4
    assert any("python -m ganviz mnist download" in i.value and "GANVIZ_MNIST_DIR" in i.value for i in at.info)
