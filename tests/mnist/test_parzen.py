"""The Parzen-window estimator of the paper's Table 1, against closed forms."""

import numpy as np
import pytest

from ganviz.mnist.parzen import SIGMAS, choose_sigma, log_likelihoods, parzen_estimate


def gaussian_log_pdf(r2, sigma, d):
    return -r2 / (2 * sigma**2) - d * np.log(sigma * np.sqrt(2 * np.pi))


def test_one_kernel_is_a_gaussian_density():
    d, sigma = 784, 0.2
    mu = np.zeros((1, d), dtype=np.float32)
    x = np.zeros((3, d), dtype=np.float32)
    x[1, :4] = 0.5  # squared distance 1
    x[2, :] = 0.1  # squared distance 7.84
    got = log_likelihoods(x, mu, [sigma])[0]
    assert got == pytest.approx(gaussian_log_pdf(np.array([0.0, 1.0, 7.84]), sigma, d), rel=1e-6)


def test_several_kernels_average_their_densities_in_any_batching():
    rng = np.random.default_rng(0)
    mu, x = rng.random((7, 5)), rng.random((11, 5))
    sigma = 0.3
    r2 = ((x[:, None, :] - mu[None, :, :]) ** 2).sum(-1)
    direct = np.log(np.exp(gaussian_log_pdf(r2, sigma, 5)).mean(axis=1))
    for batch in (1, 4, 100):
        assert log_likelihoods(x, mu, [sigma], batch=batch)[0] == pytest.approx(direct, rel=1e-5)


def test_far_points_stay_finite_thanks_to_log_sum_exp():
    mu = np.zeros((2, 784), dtype=np.float32)
    x = np.ones((1, 784), dtype=np.float32)  # squared distance 784: exp(-784 / 0.02) underflows
    got = log_likelihoods(x, mu, [0.1])[0, 0]
    assert np.isfinite(got) and got == pytest.approx(gaussian_log_pdf(784.0, 0.1, 784), rel=1e-6)


def test_the_width_is_chosen_on_the_validation_images():
    # one kernel at 0 in d = 4, validation images at squared distance r2: the mean log-likelihood
    # -r2 / (2 s^2) - d log s + const peaks at s = sqrt(r2 / d)
    d, r2 = 4, 4 * 10 ** (-4 / 3)  # the best sigma is 10 ** (-2 / 3), the grid's fourth point
    valid = np.zeros((5, d))
    valid[:, 0] = np.sqrt(r2)
    sigma, means = choose_sigma(np.zeros((1, d)), valid, SIGMAS)
    assert sigma == pytest.approx(10 ** (-2 / 3))
    assert max(means, key=means.get) == pytest.approx(sigma)
    assert list(means) == pytest.approx(list(np.logspace(-1, 0, 10)))


def test_the_estimate_reports_mean_and_standard_error_over_the_test_images():
    d = 3
    test = np.zeros((4, d))
    test[:, 0] = [0.0, 0.1, 0.2, 0.3]
    result = parzen_estimate(np.zeros((1, d)), np.zeros((2, d)), test, sigmas=[0.5, 1.0])
    assert result.sigma == 0.5  # the validation images sit on the kernel: the narrower one wins
    ll = gaussian_log_pdf(test[:, 0] ** 2, 0.5, d)
    assert result.mean == pytest.approx(ll.mean()) and result.se == pytest.approx(ll.std() / 2)
    assert result.n_kernels == 1 and result.n_test == 4


def test_images_and_kernels_must_have_the_same_size():
    with pytest.raises(ValueError, match="pixels"):
        log_likelihoods(np.zeros((1, 784)), np.zeros((1, 783)), [0.1])
