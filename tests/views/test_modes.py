"""The mode-collapse lab's figures read the metrics rows correctly."""

import numpy as np
import pytest

from ganviz.views import modes
from tests.views.test_figures import validated

# Plain dicts, checked as valid Plotly figures and read back through go.Figure.
mode_timeline_figure, modes_over_time_figure = validated(modes.mode_timeline_figure), validated(modes.modes_over_time_figure)


def row(step, counts, n=2500):
    return {"step": step, "modes": int(np.count_nonzero(counts)), "hq": sum(counts) / n, "mode_counts": list(counts)}


def test_timeline_shares_per_mode_and_off_mode():
    rows = [row(0, [0] * 8), row(10, [2500, 0, 0, 0, 0, 0, 0, 0]), row(20, [0, 1000, 0, 0, 0, 0, 0, 500])]
    fig = mode_timeline_figure(rows, 8)
    z = np.array(fig.data[0].z)
    assert z.shape == (9, 3) and list(fig.data[0].y)[-1] == "off-mode"
    assert z[:, 0].tolist() == [0] * 8 + [1.0]  # nothing on any mode
    assert z[0, 1] == 1.0 and z[8, 1] == 0.0
    assert z[1, 2] == pytest.approx(0.4) and z[7, 2] == pytest.approx(0.2) and z[8, 2] == pytest.approx(0.4)
    assert np.allclose(z.sum(0), 1.0)


def test_timeline_thins_long_histories_but_keeps_the_last_step():
    rows = [row(s, [1] * 8) for s in range(1001)]
    fig = mode_timeline_figure(rows, 8, max_points=100)
    assert len(fig.data[0].x) <= 101 and fig.data[0].x[-1] == 1000


def test_modes_over_time_one_line_per_run():
    histories = {"plain GAN": [row(0, [0] * 8), row(5, [1] + [0] * 7)], "PacGAN": [row(0, [0] * 8), row(5, [1] * 8)]}
    fig = modes_over_time_figure(histories, 8)
    assert [t.name for t in fig.data] == ["plain GAN", "PacGAN"]
    assert list(fig.data[1].y) == [0, 8]
