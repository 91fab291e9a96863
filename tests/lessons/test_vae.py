"""The VAE beside the GAN, on real short runs: the ELBO rises and bounds the likelihood, the VAE covers the modes
and smears mass between them, the GAN's samples sit on the modes; the shipped MNIST VAE is blurrier than the GAN."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from ganviz.files.checkpoints import load_checkpoint
from ganviz.lessons.vae import (VAE, VAE_RUNS, VAEConfig, VAETrainer, compare_1d, compare_2d, gap_mass,
                                load_mnist_vae, marginal_density_1d, mnist_elbo, mnist_samples, sharpness, train_vae)
from ganviz.mnist import WeightsError
from ganviz.mnist.weights import load_classifier, load_generator


@pytest.fixture(scope="module")
def bimodal():
    return train_vae(*VAE_RUNS["bimodal"])


@pytest.fixture(scope="module")
def ring8():
    return train_vae(*VAE_RUNS["ring8"])


def test_the_elbo_rises_and_stays_below_the_exact_log_likelihood(bimodal):
    elbos = [e for _, e in bimodal.history]
    assert elbos[-1] > elbos[0] + 0.8, elbos[::5]  # from about -2.6 to about -1.4 nats
    x = bimodal.eval_x.double().numpy()[:, 0]
    log_p = np.log(marginal_density_1d(bimodal.model, x))  # the exact log p_θ(x) of the same batch
    assert bimodal.evaluate() <= log_p.mean()  # the ELBO is a lower bound ...
    assert log_p.mean() - bimodal.evaluate() < 0.2  # ... and a tight one after training


def test_the_reparametrisation_trick_carries_the_gradient_to_the_encoder():
    model = VAE(1, 1, 16, 1)
    elbo = model.elbo(torch.randn(64, 1), torch.Generator().manual_seed(0))[0].mean()
    elbo.backward()
    assert all(p.grad is not None and p.grad.abs().sum() > 0 for p in model.encoder.parameters())


def test_the_1d_vae_density_is_a_density_covering_both_modes(bimodal):
    gan = load_checkpoint("bimodal", "converged", device="cpu")
    cmp = compare_1d(bimodal, gan)
    dx = cmp["x"][1] - cmp["x"][0]
    assert cmp["p_vae"].sum() * dx == pytest.approx(1.0, abs=0.01)
    left = cmp["x"] < 0.25  # between the modes at -1.5 and 2
    assert 0.4 < cmp["p_vae"][left].sum() * dx < 0.6  # half the mass on each mode
    data_gap = gap_mass(cmp["x"], cmp["p_data"], bimodal.target)
    assert cmp["vae"]["gap"] > 10 * data_gap  # maximum likelihood smears mass where the data has almost none
    assert cmp["vae"]["elbo"] <= cmp["vae"]["log_likelihood"]
    assert cmp["vae"]["jsd"] < 0.03 and cmp["gan"]["jsd"] < 0.1


def test_on_ring8_the_vae_covers_every_mode_with_a_far_lower_hq_share_than_the_converged_gan(ring8):
    gan = load_checkpoint("ring8", "converged", device="cpu")
    cmp = compare_2d(ring8, gan)
    assert cmp["vae"]["modes"] == 8 and cmp["gan"]["modes"] == 8
    assert cmp["vae"]["hq"] < 0.3 < 0.7 < cmp["gan"]["hq"]  # measured 0.12 against 0.81
    assert ring8.history[-1][1] > ring8.history[0][1] + 2  # the ELBO rises here too


def test_an_unknown_target_is_refused():
    with pytest.raises(ValueError, match="unknown distribution"):
        VAETrainer(VAEConfig(dist="nowhere"))


def test_the_shipped_mnist_vae_is_blurrier_than_the_gan():
    vae = load_mnist_vae()
    classifier = load_classifier()
    vae_images = mnist_samples(vae.model, 1000, seed=0)
    gan_images = load_generator(with_discriminator=False).sample(1000, seed=0)
    assert vae_images.shape == (1000, 28, 28) and 0 <= vae_images.min() and vae_images.max() <= 1
    vae_sharp, gan_sharp = sharpness(classifier, vae_images), sharpness(classifier, gan_images)
    assert vae_sharp < gan_sharp, (vae_sharp, gan_sharp)
    assert vae.info["test_elbo"] < 0 and math.isfinite(vae.info["test_elbo"])


def test_the_shipped_mnist_vae_card_holds_its_test_elbo(mnist_dir):
    from ganviz.mnist.idx import load_split
    vae = load_mnist_vae()
    test = load_split("test", mnist_dir)
    assert mnist_elbo(vae.model, test.images) == pytest.approx(vae.info["test_elbo"], abs=1.0)  # float16 weights


def test_a_file_that_is_not_the_vae_is_refused(tmp_path):
    from ganviz.mnist.weights import WEIGHTS_DIR
    with pytest.raises(WeightsError, match="expected the vae"):
        load_mnist_vae(f"{WEIGHTS_DIR}/classifier.safetensors")
