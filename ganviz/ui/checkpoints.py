""""Start from a trained model": a page's run becomes one of the checkpoints shipped with ganviz, paused.

The control offers the kinds shipped for the sidebar's target (``ganviz.files.checkpoints``).
Loading one sets the sidebar's widgets to its config and adopts its trainer, so the
next run of the page finds sidebar and run in agreement and goes on with it; a later
change of a control that defines the model starts a fresh model, with ``LiveRun.sync``'s
"New model" notice. A caption under the control says what was loaded (step, JSD, modes)
while the run is still there and paused; once it has trained on, only what it started from.
"""

from __future__ import annotations

import streamlit as st

from ganviz.files.checkpoints import Checkpoint, CheckpointError, find, kinds_for, load_checkpoint
from ganviz.i18n import t
from ganviz.core.config import TrainConfig

from . import REASON_LIMIT, plain
from .controls import set_widgets, target_label
from .live import LiveRun


def start_from_trained(run: LiveRun, config: TrainConfig) -> None:
    """The kinds shipped for ``config.dist`` and a Load button (nothing for a target without any), then the caption."""
    try:
        kinds = kinds_for(config.dist)
    except CheckpointError as err:
        st.warning(t("checkpoints.unavailable", reason=plain(err, REASON_LIMIT)))
        return
    if not kinds:
        return
    choice = f"{run.key}.ckpt_kind"
    if st.session_state.get(choice) not in kinds:  # a kind of the previous target
        st.session_state[choice] = kinds[0]
    cols = st.columns([3, 1], vertical_alignment="bottom")
    cols[0].selectbox(t("checkpoints.label"), kinds, key=choice, format_func=lambda kind: t(f"checkpoints.kind.{kind}"),
                      help=t("checkpoints.help"))
    cols[1].button(t("checkpoints.load"), key=f"{run.key}.ckpt_load", icon=":material/model_training:",
                   on_click=_load, args=(run, config), width="stretch", help=t("checkpoints.load_help"))
    loaded = st.session_state.get(f"{run.key}.ckpt_loaded")
    if loaded and loaded[0] is run.trainer and not run.trainer.config.needs_new_model(config):
        at_start = run.trainer.step == loaded[1].step and run.mode == "paused"
        st.info(caption(loaded[1], len(run.trainer.target.means), at_start), icon=":material/model_training:")


def _load(run: LiveRun, config: TrainConfig) -> None:
    kind = st.session_state[f"{run.key}.ckpt_kind"]
    try:
        trainer = load_checkpoint(config.dist, kind, device=config.device)
        checkpoint = find(config.dist, kind)
    except CheckpointError as err:
        run.say("error", "checkpoints.refused", reason=str(err))
        return
    set_widgets(run.key, trainer.config, preset=True)  # its fields without a control (decay, sampling) are kept
    run.adopt(trainer)
    st.session_state[f"{run.key}.ckpt_loaded"] = (trainer, checkpoint)


def caption(checkpoint: Checkpoint, n_modes: int, at_start: bool = True) -> str:
    """What the checkpoint is, in the reader's language: kind, target, step, JSD, and modes or mass per mode.

    Those numbers are true of the run only ``at_start`` (still at the checkpoint's step, paused); once the
    run has trained on, the caption says only what it started from.
    """
    if not at_start:
        return t("checkpoints.started_from", kind=t(f"checkpoints.kind_name.{checkpoint.kind}"),
                 target=target_label(checkpoint.target), step=f"{checkpoint.step:,}")
    got = checkpoint.reached
    parts = [t("checkpoints.loaded", kind=t(f"checkpoints.kind_name.{checkpoint.kind}"),
               target=target_label(checkpoint.target), step=f"{checkpoint.step:,}", jsd=f"{got['jsd']:.3f}")]
    if "modes" in got:
        parts.append(t("checkpoints.loaded_modes", modes=got["modes"], n=n_modes, hq=f"{100 * got['hq']:.0f}"))
    if "mode_mass" in got:
        left, right = got["mode_mass"]
        parts.append(t("checkpoints.loaded_mass", left=f"{100 * left:.0f}", right=f"{100 * right:.0f}"))
    parts.append(t("checkpoints.loaded_then"))
    return " ".join(parts)
