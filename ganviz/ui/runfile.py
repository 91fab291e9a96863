"""Save the page's run to one file and load it back later, to go on exactly where it stopped.

The file is ``ganviz.files.runfile``'s (safetensors and JSON, never a pickle); its config has passed
``TrainConfig.validate``. A loaded run replaces the page's run only if it fits the page: its target is
one of the page's and it uses no remedy nor decay (the sidebar has no control for those). It is then
loaded exactly as saved: the sidebar takes every value of its config, its sliders widened to a value
they do not list (k = 11, batch 100, lr_d 0.003, width 48, seed 50,000), and the fields it has no
control for (momentum, device) kept from the file and said under the controls (``controls.from_file``),
so the next frame goes on with the same model. Anything else is refused with the reason, and the current
run stays. After each upload the uploader starts afresh (a new widget key) and the file is dropped from
Streamlit's store of uploads (``forget_upload``), so the session does not keep the file's bytes.

Size: the uploader's label says the limit, ``runfile.MAX_BYTES`` (50 MB). The browser refuses a bigger file
at once with Streamlit's own line ("File must be 50.0MB or smaller."); one that gets past it (a browser on
Windows counts a MB as 2**20 bytes) is refused here, in the student's language, with its size and the limit.
"""

from __future__ import annotations

import streamlit as st

from ganviz.i18n import t
from ganviz.files.runfile import MAX_BYTES as RUN_MAX_BYTES
from ganviz.files.runfile import RunFileError, load_run, save_run
from ganviz.core.config import TrainConfig

from . import clip, in_language, upload_limit_mb
from .controls import set_widgets
from .live import LiveRun
from .sessions import trim_memory


def save_load_panel(run: LiveRun, targets: list[str], name: str) -> None:
    """A download button for the run and an uploader that loads one (refusing, with the reason, what does not fit)."""
    cols = st.columns([1, 2])
    cols[0].download_button(t("runfile.save"), data=in_language(lambda: save_run(run.trainer)),
                            file_name=f"{name}-step{run.trainer.step}.ganviz", mime="application/octet-stream",
                            key=f"{run.key}.save_run", on_click="ignore", icon=":material/save:",
                            help=t("runfile.save_help"), width="stretch")
    cols[1].file_uploader(t("runfile.load", limit=f"{RUN_MAX_BYTES / 1e6:g}"), type=None, key=uploader_key(run.key),
                          on_change=_load, args=(run, targets), help=t("runfile.load_help"),
                          max_upload_size=upload_limit_mb(RUN_MAX_BYTES))  # a long run's history passes 2 MB


def uploader_key(key: str) -> str:
    """The run uploader's widget key: ``<key>.load_run``, then a new one after each upload (``_load``), so the
    uploaded bytes are dropped from the session once read."""
    uploads = st.session_state.get(f"{key}.uploads", 0)
    return f"{key}.load_run" + (f".{uploads}" if uploads else "")


def _load(run: LiveRun, targets: list[str]) -> None:
    key = uploader_key(run.key)
    upload = st.session_state.get(key)
    if upload is None:
        return
    st.session_state[f"{run.key}.uploads"] = st.session_state.get(f"{run.key}.uploads", 0) + 1  # free the bytes
    data = upload.getvalue()
    forget_upload(upload)
    if len(data) > RUN_MAX_BYTES:
        run.say("error", "runfile.too_big", name=clip(upload.name), size=f"{len(data):,}", limit=f"{RUN_MAX_BYTES:,}",
                limit_mb=f"{RUN_MAX_BYTES / 1e6:g}")
        return
    try:
        trainer = load_run(data)
        problem = misfit(trainer.config, targets)
    except RunFileError as err:
        run.say("error", "runfile.refused", name=clip(upload.name), reason=str(err))
        return
    finally:
        del data
        trim_memory()  # the parse's garbage (tens of MB for a long history) goes back to the OS now
    if problem:
        run.say("error", problem[0], name=clip(upload.name), **problem[1])
        return
    set_widgets(run.key, trainer.config, from_file=True)  # the sidebar shows its values as saved
    run.adopt(trainer)
    run.say("success", "runfile.loaded", name=clip(upload.name), step=f"{trainer.step:,}")


def forget_upload(upload) -> None:
    """Drop ``upload`` (an ``UploadedFile`` whose bytes were read) from Streamlit's store of uploaded files.

    Streamlit keeps every file a session uploads until the session ends (after its tab closed, the reconnect
    window too), even once the uploader is gone: 50 MB per loaded run. ``st.chat_input`` drops its files this
    way after reading them; the uploader does not. A no-op where the store is not Streamlit's in-memory one."""
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None and isinstance(ctx.uploaded_file_mgr, MemoryUploadedFileManager):
        ctx.uploaded_file_mgr.remove_file(session_id=ctx.session_id, file_id=upload.file_id)


def misfit(config: TrainConfig, targets: list[str]) -> tuple[str, dict] | None:
    """Why a loaded run cannot go on this page (an i18n key and its values), or None if it can."""
    if config.dist not in targets or config.dist == "custom":
        return "runfile.wrong_page", {"dist": config.dist}
    extras = [name for name in ("remedy", "decay_end", "unroll", "pack") if getattr(config, name) != getattr(TrainConfig(), name)]
    if extras:
        return "runfile.not_on_sidebar", {"fields": ", ".join(extras)}
    return None
