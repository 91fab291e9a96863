"""The MNIST page under AppTest: it samples offline, with and without the data folder, downloads MNIST from a
mirror on 127.0.0.1 with its button, and trains a GAN from scratch."""

import functools
import http.server
import json
import os
import threading

import torch
from streamlit.testing.v1 import AppTest

from ganviz.i18n.en import STRINGS as EN

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
    assert any(c.value.startswith("Distances from each row's last sample") and EN["mnist.fig2_searched_full"] in c.value
               for c in at.caption)
    assert not [b for b in at.button if b.key == "mnist.download"]
    classes = at.get("plotly_chart")[0].proto  # the classifier's reading of the 64 samples shown
    bars = json.loads(classes.spec)["data"][0]["y"]
    assert len(bars) == 10 and abs(sum(bars) - 1) < 0.01 and max(bars) < 0.5, bars  # every digit drawn, no collapse
    assert any(c.value.startswith("The shipped classifier's reading of the 64 samples above") and "Over 10,000" in c.value
               for c in at.caption)
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


def test_without_data_figure2_searches_the_shipped_subset_and_offers_the_download(monkeypatch, tmp_path):
    at = open_page(monkeypatch, tmp_path)
    assert len(images(at)) == 4
    assert any(c.value.startswith("Distances from each row's last sample") and EN["mnist.fig2_searched_subset"] in c.value
               for c in at.caption)
    assert at.button(key="mnist.download").label == EN["mnist.download"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_the_download_button_fetches_mnist_and_figure2_then_searches_all_60000(monkeypatch, tmp_path, mnist_dir):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=mnist_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("GANVIZ_MNIST_MIRRORS", f"http://127.0.0.1:{server.server_address[1]}/")
        at = open_page(monkeypatch, tmp_path / "mnist")
        at.button(key="mnist.download").click().run()
    finally:
        server.shutdown()
        server.server_close()
    assert not at.exception
    assert sorted(n for n in os.listdir(tmp_path / "mnist") if n.endswith(".gz")) == [
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
        "train-labels-idx1-ubyte.gz"]
    assert any(s.value.startswith("MNIST downloaded into") for s in at.success)
    assert any(EN["mnist.fig2_searched_full"] in c.value for c in at.caption)
    assert not [b for b in at.button if b.key == "mnist.download"]


def test_a_failed_download_says_so_and_keeps_the_subset(monkeypatch, tmp_path):
    monkeypatch.setenv("GANVIZ_MNIST_MIRRORS", "http://127.0.0.1:9/")  # port 9: nobody listens
    at = open_page(monkeypatch, tmp_path)
    at.button(key="mnist.download").click().run()
    assert not at.exception
    assert any(e.value.startswith(EN["mnist.download_error"].split(":")[0]) and "no mirror" in e.value
               for e in at.error)
    assert any(EN["mnist.fig2_searched_subset"] in c.value for c in at.caption)


def metric(at, key):
    return next(m.value for m in at.metric if m.label == EN[key])


def test_train_from_scratch_steps_plays_and_resets(monkeypatch, tmp_path):
    torch.set_num_threads(1)  # as the app trains
    at = open_page(monkeypatch, tmp_path)
    at.segmented_control(key="mnist.view").set_value("live").run()
    assert not at.exception
    assert metric(at, "mnist.live_metric_step") == "0"
    assert any(c.value.startswith("Training on 10,000 MNIST training images") for c in at.caption)
    at.button(key="mnist.live_step").click().run()
    assert metric(at, "mnist.live_metric_step") == "25"
    at.button(key="mnist.live_play").click().run()  # playing: each run of the page is one frame that trains
    assert int(metric(at, "mnist.live_metric_step").replace(",", "")) > 25
    assert at.button(key="mnist.live_play").label == EN["live.pause"]
    assert len(images(at)) == 1  # the grid; the charts are components
    at.button(key="mnist.live_reset").click().run()
    assert metric(at, "mnist.live_metric_step") == "0" and at.button(key="mnist.live_play").label == EN["live.play"]
    at.segmented_control(key="mnist.view").set_value("pretrained").run()
    assert len(images(at)) == 4
