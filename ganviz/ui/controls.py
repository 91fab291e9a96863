"""Sidebar controls that turn widgets into a TrainConfig."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ganviz.losses import LOSSES
from ganviz.trainer import TrainConfig

LEARNING_RATES = [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5, 1.0]
BATCHES = [16, 32, 64, 128, 256, 512]
WIDTHS = [4, 8, 16, 32, 64, 128]

TARGET_LABELS = {
    "gaussian": "One Gaussian (as in Figure 1)",
    "bimodal": "Two-Gaussian mixture",
    "gaussian2d": "One Gaussian",
    "ring8": "ring8: 8 Gaussians on a circle",
    "grid25": "grid25: 25 Gaussians on a grid",
    "spiral": "Spiral (Swiss roll)",
    "moons": "Two moons",
    "custom": "Your own points (draw or upload)",
}
Z_DIMS = [1, 2, 3, 4, 8, 16]
DEPTHS = [1, 2, 3, 4]
LOSS_LABELS = {
    "minimax": "minimax: G minimises log(1 − D(G(z))) (saturating)",
    "nonsaturating": "non-saturating: G maximises log D(G(z))",
    "lsgan": "least squares (LSGAN)",
    "wgan-gp": "Wasserstein + gradient penalty",
    "hinge": "hinge",
}


@dataclass
class Pacing:
    """How the live loop advances: iterations per frame and seconds between frames."""

    iterations_per_frame: int
    frame_seconds: float


def sidebar_config(key: str, defaults: TrainConfig, targets: list[str], frame_seconds: float = 0.2,
                   iterations_per_frame: int = 20) -> tuple[TrainConfig, Pacing]:
    """Draw the controls in the sidebar; return the config they describe and the pacing.

    ``frame_seconds`` is the live loop's tick and ``iterations_per_frame`` the
    slider's default: 0.1 s and 20 make 10 frames and 200 iterations a second.
    """
    sb = st.sidebar
    sb.header("Controls")
    sb.caption("k, the learning rates and m apply at once; the other controls start a new model.")
    k = sb.slider("k: D steps per G step", 1, 10, defaults.k, key=f"{key}.k",
                  help="Algorithm 1 updates D k times, on fresh minibatches, before each update of G.")
    lr_d = sb.select_slider("learning rate of D", LEARNING_RATES, defaults.lr_d, key=f"{key}.lr_d", format_func=_fmt)
    lr_g = sb.select_slider("learning rate of G", LEARNING_RATES, defaults.lr_g, key=f"{key}.lr_g", format_func=_fmt)
    batch = sb.select_slider("minibatch size m", BATCHES, defaults.batch, key=f"{key}.batch")
    iterations = sb.slider("iterations per frame", 1, 200, iterations_per_frame, key=f"{key}.speed",
                           help="How many Algorithm-1 iterations run between two redraws: the speed of the movie.")
    sb.divider()
    sb.caption("These start a new model:")
    dist = sb.selectbox("target p_data", targets, targets.index(defaults.dist), key=f"{key}.dist",
                        format_func=lambda name: TARGET_LABELS.get(name, name))
    loss = sb.selectbox("loss type", list(LOSSES), list(LOSSES).index(defaults.loss), key=f"{key}.loss",
                        format_func=lambda name: LOSS_LABELS.get(name, name),
                        help="minimax is the paper's game; non-saturating is the paper's practical recommendation.")
    optimizer = sb.radio("optimizer", ["sgd", "adam"], ["sgd", "adam"].index(defaults.optimizer), key=f"{key}.opt",
                         format_func={"sgd": "SGD + momentum (paper)", "adam": "Adam"}.get, horizontal=True)
    prior = sb.radio("noise prior p_z", ["uniform", "normal"], ["uniform", "normal"].index(defaults.prior),
                     key=f"{key}.prior", horizontal=True, format_func={"uniform": "uniform (paper)", "normal": "normal"}.get)
    z_dim = sb.select_slider("noise dimension", Z_DIMS, defaults.z_dim, key=f"{key}.z_dim",
                             help="The dimension of z. With 1, G draws a curve; with 2 or more it can cover an area.")
    width = sb.select_slider("network width (units per hidden layer)", WIDTHS, defaults.width, key=f"{key}.width",
                             help="Both G and D use this many ReLU units per hidden layer.")
    depth = sb.select_slider("hidden layers", DEPTHS, defaults.depth, key=f"{key}.depth",
                             help="How many hidden layers G and D each have.")
    seed = int(sb.number_input("seed", 0, 10_000, defaults.seed, key=f"{key}.seed"))
    config = TrainConfig(dist=dist, loss=loss, k=k, lr_d=lr_d, lr_g=lr_g, batch=batch, optimizer=optimizer,
                         momentum=defaults.momentum, prior=prior, z_dim=z_dim, width=width,
                         depth=depth, seed=seed, device=defaults.device)
    return config, Pacing(iterations, frame_seconds)


def _fmt(lr: float) -> str:
    return f"{lr:g}"


def mixture_picker(key: str, label: str, default: dict, where=None):
    """Widgets for a 1D Gaussian or two-Gaussian mixture; returns the ``GaussianMixture``.

    ``default`` has ``kind`` ("gaussian" or "mixture"), ``means``, ``stds`` (two
    each; the second is used by mixtures) and ``weight`` (of the first component).
    Widget keys are ``<key>.kind/.m1/.s1/.m2/.s2/.w``; their values live in
    session state (set before the widgets exist), so ``copy_widgets`` can move
    them between pickers without Streamlit's "default value" warning.
    """
    from ganviz.theory import mixture_1d

    ss = st.session_state
    for name, v in (("kind", default["kind"]), ("m1", default["means"][0]), ("s1", default["stds"][0]),
                    ("m2", default["means"][1]), ("s2", default["stds"][1]), ("w", default["weight"])):
        ss.setdefault(f"{key}.{name}", v)
    box = where or st.sidebar
    box.markdown(f"**{label}**")
    kind = box.radio(f"shape of {label}", ["gaussian", "mixture"], key=f"{key}.kind", horizontal=True,
                     label_visibility="collapsed", format_func={"gaussian": "Gaussian", "mixture": "two Gaussians"}.get)
    c1, c2 = box.columns(2)
    m1 = c1.slider("mean", -4.0, 4.0, step=0.1, key=f"{key}.m1", help=f"Where {label} is centred.")
    s1 = c2.slider("std", 0.1, 2.0, step=0.05, key=f"{key}.s1", help=f"How spread out {label} is.")
    if kind == "gaussian":
        return mixture_1d([m1], [s1], name=label)
    m2 = c1.slider("mean 2", -4.0, 4.0, step=0.1, key=f"{key}.m2", help="Centre of the second Gaussian.")
    s2 = c2.slider("std 2", 0.1, 2.0, step=0.05, key=f"{key}.s2", help="Spread of the second Gaussian.")
    w = box.slider("weight of the first Gaussian", 0.05, 0.95, step=0.05, key=f"{key}.w",
                   help="The share of the mass in the first Gaussian; the second gets the rest.")
    return mixture_1d([m1, m2], [s1, s2], [w, 1.0 - w], name=label)


def copy_widgets(src: str, dst: str, names=("kind", "m1", "s1", "m2", "s2", "w")) -> None:
    """Give the widgets under key prefix ``dst`` the values of those under ``src`` (use as an on_click)."""
    for name in names:
        if f"{src}.{name}" in st.session_state:
            st.session_state[f"{dst}.{name}"] = st.session_state[f"{src}.{name}"]
