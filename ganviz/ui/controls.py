"""Sidebar controls that turn widgets into a TrainConfig."""

from __future__ import annotations

from dataclasses import dataclass, fields as config_fields, replace

import streamlit as st

from ganviz.i18n import t
from ganviz.core.losses import LOSSES
from ganviz.core.config import TrainConfig

from .retune import live_settings

LEARNING_RATES = [1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5, 1.0]
BATCHES = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096]
WIDTHS = [4, 8, 16, 32, 64, 128]

TARGETS = ["gaussian", "bimodal", "gaussian2d", "ring8", "grid25", "spiral", "moons", "custom"]  # t("target.<name>")
Z_DIMS = [1, 2, 3, 4, 8, 16]
DEPTHS = [1, 2, 3, 4]
G_OFFSETS = [-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
K_MAX = 10  # the k slider's end, and the seed box's: widened only to show a loaded run's value
SEED_MAX = 10_000
FROM_FILE = "from_file"  # st.session_state["<page key>.from_file"]: the config of the run loaded from a file
FROM_PRESET = "from_preset"  # st.session_state["<page key>.from_preset"]: the config of the preset loaded last


def target_label(name: str) -> str:
    """The target's name as the sidebar shows it, in the current language."""
    return t(f"target.{name}") if name in TARGETS else name


@dataclass
class Pacing:
    """How the live loop advances: iterations per frame and seconds between frames.

    In slow motion (``slow``) each frame is one beat of Algorithm 1 (one D step,
    or the G step), ``SLOW_FRAME_SECONDS`` apart, so the class sees the two
    players take turns.
    """

    iterations_per_frame: int
    frame_seconds: float
    slow: bool = False


SLOW_FRAME_SECONDS = 1.2


def sidebar_config(key: str, defaults: TrainConfig, targets: list[str], frame_seconds: float = 0.2,
                   iterations_per_frame: int = 20) -> tuple[TrainConfig, Pacing]:
    """Draw the controls in the sidebar; return the config they describe and the pacing.

    ``frame_seconds`` is the live loop's tick and ``iterations_per_frame`` the
    slider's default: 0.08 s and 20 make 12.5 frames and 250 iterations a second.
    """
    sb = st.sidebar
    sb.header(t("controls.header"))
    with sb:  # a fragment: a playing run takes these without the page running (ganviz.ui.retune)
        fields, iterations, slow = live_settings(key, lambda: live_widgets(key, defaults, iterations_per_frame))
    loaded = st.session_state.get(f"{key}.{FROM_FILE}")  # a run loaded from a file: its values, as saved
    sb.divider()
    sb.caption(t("controls.new_model_caption"))
    dist = sb.selectbox(t("controls.target"), targets, targets.index(defaults.dist), key=f"{key}.dist",
                        format_func=target_label, help=t("controls.target_help"))
    loss = sb.selectbox(t("controls.loss"), list(LOSSES), list(LOSSES).index(defaults.loss), key=f"{key}.loss",
                        format_func=lambda name: t(f"loss.{name}"), help=t("controls.loss_help"))
    optimizer = sb.radio(t("controls.optimizer"), ["sgd", "adam"], ["sgd", "adam"].index(defaults.optimizer),
                         key=f"{key}.opt", format_func=lambda name: t(f"optimizer.{name}"), horizontal=True,
                         help=t("controls.optimizer_help"))
    prior = sb.radio(t("controls.prior"), ["uniform", "normal"], ["uniform", "normal"].index(defaults.prior),
                     key=f"{key}.prior", horizontal=True, format_func=lambda name: t(f"prior.{name}"),
                     help=t("controls.prior_help"))
    z_dim = sb.select_slider(t("controls.z_dim"), _offered(loaded, "z_dim", Z_DIMS), defaults.z_dim, key=f"{key}.z_dim",
                             help=t("controls.z_dim_help"))
    width = sb.select_slider(t("controls.width"), _offered(loaded, "width", WIDTHS), defaults.width, key=f"{key}.width",
                             help=t("controls.width_help"))
    depth = sb.select_slider(t("controls.depth"), _offered(loaded, "depth", DEPTHS), defaults.depth, key=f"{key}.depth",
                             help=t("controls.depth_help"))
    g_offset = sb.select_slider(t("controls.g_offset"), _offered(loaded, "g_offset", G_OFFSETS), defaults.g_offset,
                                key=f"{key}.g_offset", help=t("controls.g_offset_help"), format_func=_fmt)
    seed = int(sb.number_input(t("controls.seed"), 0, max(SEED_MAX, loaded.seed if loaded is not None else 0),
                               defaults.seed, key=f"{key}.seed", help=t("controls.seed_help")))
    preset = st.session_state.get(f"{key}.{FROM_PRESET}")
    # the fields without a control (momentum, device, the decay, sampling, D's input): the file's, else the last
    # preset's, else the page's
    kept = loaded if loaded is not None else preset if preset is not None else defaults
    config = replace(kept, dist=dist, loss=loss, **fields, optimizer=optimizer, prior=prior, z_dim=z_dim,
                     width=width, depth=depth, seed=seed, g_offset=float(g_offset))
    if loaded is not None:
        said = from_file_fields(loaded, defaults)
        if said:
            sb.caption(t("controls.from_file", fields=said))
    else:  # a preset's or the page's own fields without a control
        said = unshown_fields(kept)
        if said:
            sb.caption(t("controls.from_preset" if preset is not None else "controls.from_page", fields=said))
    pacing = Pacing(1, SLOW_FRAME_SECONDS, slow=True) if slow else Pacing(iterations, frame_seconds)
    st.session_state[f"{key}.pacing"] = pacing  # the one the run's frames read (a live change updates it)
    return config, pacing


def live_widgets(key: str, defaults: TrainConfig, iterations_per_frame: int) -> tuple[dict, int, bool]:
    """The sidebar's live settings: ``({k, lr_d, lr_g, batch}, iterations per frame, slow motion)``."""
    loaded = st.session_state.get(f"{key}.{FROM_FILE}")
    st.caption(t("controls.live_caption"))
    k = st.slider(t("controls.k"), 1, max(K_MAX, loaded.k if loaded is not None else 1), defaults.k, key=f"{key}.k",
                  help=t("controls.k_help"))
    lr_d = st.select_slider(t("controls.lr_d"), _offered(loaded, "lr_d", LEARNING_RATES), defaults.lr_d,
                            key=f"{key}.lr_d", format_func=_fmt, help=t("controls.lr_help"))
    lr_g = st.select_slider(t("controls.lr_g"), _offered(loaded, "lr_g", LEARNING_RATES), defaults.lr_g,
                            key=f"{key}.lr_g", format_func=_fmt, help=t("controls.lr_help"))
    batch = st.select_slider(t("controls.batch"), _offered(loaded, "batch", BATCHES), defaults.batch,
                             key=f"{key}.batch", help=t("controls.batch_help"))
    slow = st.toggle(t("controls.slow"), value=False, key=f"{key}.slow", help=t("controls.slow_help"))
    iterations = st.slider(t("controls.speed"), 1, 200, iterations_per_frame, key=f"{key}.speed",
                           help=t("controls.speed_help"))  # slow motion ignores it, and keeps it for later
    return dict(k=k, lr_d=lr_d, lr_g=lr_g, batch=batch), iterations, slow


def _offered(loaded: TrainConfig | None, name: str, base: list) -> list:
    """A slider's options, with a loaded run's value among them."""
    return with_value(base, getattr(loaded, name) if loaded is not None else None)


# The sidebar's widget keys (after "<page key>.") of each TrainConfig field it sets.
WIDGET_OF_FIELD = {"k": "k", "lr_d": "lr_d", "lr_g": "lr_g", "batch": "batch", "dist": "dist", "loss": "loss",
                   "optimizer": "opt", "prior": "prior", "z_dim": "z_dim", "width": "width", "depth": "depth",
                   "seed": "seed", "g_offset": "g_offset"}


def set_widgets(key: str, config: TrainConfig, from_file: bool = False, preset: bool = False) -> None:
    """Put ``config`` into the sidebar's widgets of page ``key`` (call before they are drawn, e.g. in a callback).

    ``from_file``: ``config`` is a loaded run's, shown exactly as saved (``FROM_FILE``: sliders widened to its
    values, the fields without a control kept); ``preset``: a preset's, whose fields without a control are kept
    (``FROM_PRESET``) until another preset or run is loaded; otherwise the sidebar goes back to its own choices.
    """
    st.session_state.pop(f"{key}.{FROM_FILE}", None)
    st.session_state.pop(f"{key}.{FROM_PRESET}", None)
    if from_file:
        st.session_state[f"{key}.{FROM_FILE}"] = config
    elif preset:
        st.session_state[f"{key}.{FROM_PRESET}"] = config
    for name, widget in WIDGET_OF_FIELD.items():
        st.session_state[f"{key}.{widget}"] = getattr(config, name)


def with_value(options: list, value) -> list:
    """``options`` with ``value`` among them, in order (a loaded run's value that the slider does not list)."""
    if value is None or value in options:
        return options
    return sorted([*options, value])


def from_file_fields(loaded: TrainConfig, defaults: TrainConfig) -> str:
    """The loaded run's values that the sidebar would not offer by itself ("momentum 0.7, device cpu, k 11"),
    or "" when it has none."""
    lists = {"lr_d": LEARNING_RATES, "lr_g": LEARNING_RATES, "batch": BATCHES, "z_dim": Z_DIMS, "width": WIDTHS,
             "depth": DEPTHS, "g_offset": G_OFFSETS}
    said = [f"{name} {getattr(loaded, name):g}" for name, values in lists.items() if getattr(loaded, name) not in values]
    said += [f"k {loaded.k}"] if loaded.k > K_MAX else []
    said += [f"seed {loaded.seed:,}"] if loaded.seed > SEED_MAX else []
    said += [f"momentum {loaded.momentum:g}"] if loaded.momentum != defaults.momentum else []
    said += [f"device {loaded.device}"] if loaded.device != defaults.device else []
    kept = unshown_fields(loaded, skip=("momentum", "device"))  # named above, as saved
    return ", ".join(said + ([kept] if kept else []))


# The fields no sidebar widget sets, which a preset or a file keeps (``unshown_fields`` names them).
UNSHOWN = ("momentum", "device", "decay_start", "decay_end", "decay_floor", "sampling", "d_input", "remedy", "unroll",
           "pack")


def unshown_fields(config: TrainConfig, skip: tuple = ()) -> str:
    """The fields of ``config`` without a widget that differ from a plain ``TrainConfig()`` (one reference for a
    preset, a file and the page's own run), by their names as the command line spells them ("decay_start 2000,
    decay_end 4500, decay_floor 0.05, sampling stratified"), or ""."""
    idle = {"decay_start": not config.decay_end, "decay_floor": not config.decay_end,  # fields that do nothing here
            "unroll": config.remedy != "unrolled", "pack": config.remedy != "pacgan",
            "momentum": config.optimizer != "sgd"}
    names = [f.name for f in config_fields(TrainConfig)
             if f.name in UNSHOWN and f.name not in skip and not idle.get(f.name, False)]
    plain = TrainConfig()
    values = {name: getattr(config, name) for name in names if getattr(config, name) != getattr(plain, name)}
    return ", ".join(f"{name} {_fmt(value) if isinstance(value, float) else value}" for name, value in values.items())


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
    from ganviz.measure.theory import mixture_1d

    ss = st.session_state
    for name, v in (("kind", default["kind"]), ("m1", default["means"][0]), ("s1", default["stds"][0]),
                    ("m2", default["means"][1]), ("s2", default["stds"][1]), ("w", default["weight"])):
        ss.setdefault(f"{key}.{name}", v)
    box = where or st.sidebar
    box.markdown(f"**{label}**")
    kind = box.radio(t("mixture.shape", label=label), ["gaussian", "mixture"], key=f"{key}.kind", horizontal=True,
                     label_visibility="collapsed", format_func=lambda name: t(f"mixture.{name}"))
    c1, c2 = box.columns(2)
    m1 = c1.slider(t("mixture.mean"), -4.0, 4.0, step=0.1, key=f"{key}.m1", help=t("mixture.mean_help", label=label))
    s1 = c2.slider(t("mixture.std"), 0.1, 2.0, step=0.05, key=f"{key}.s1", help=t("mixture.std_help", label=label))
    if kind == "gaussian":
        return mixture_1d([m1], [s1], name=label)
    m2 = c1.slider(t("mixture.mean2"), -4.0, 4.0, step=0.1, key=f"{key}.m2", help=t("mixture.mean2_help"))
    s2 = c2.slider(t("mixture.std2"), 0.1, 2.0, step=0.05, key=f"{key}.s2", help=t("mixture.std2_help"))
    w = box.slider(t("mixture.weight"), 0.05, 0.95, step=0.05, key=f"{key}.w", help=t("mixture.weight_help"))
    return mixture_1d([m1, m2], [s1, s2], [w, 1.0 - w], name=label)


def copy_widgets(src: str, dst: str, names=("kind", "m1", "s1", "m2", "s2", "w")) -> None:
    """Give the widgets under key prefix ``dst`` the values of those under ``src`` (use as an on_click)."""
    for name in names:
        if f"{src}.{name}" in st.session_state:
            st.session_state[f"{dst}.{name}"] = st.session_state[f"{src}.{name}"]
