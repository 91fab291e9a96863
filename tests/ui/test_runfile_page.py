"""The page's run-file loader: a valid run loads exactly as saved, or is refused with the reason; the
message quoting the file is plain text (ganviz/ui/runfile.py, ganviz/ui/controls.py)."""

from dataclasses import replace

import pytest
import torch
from streamlit.testing.v1 import AppTest

from ganviz.core.trainer import Trainer
from ganviz.files.runfile import save_run
from ganviz.lessons.presets import FIGURE1

APP = "../../navigation.py"
CPU = replace(FIGURE1, device="cpu")


@pytest.fixture(scope="module")
def figure1():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/figure1.py").run()
    assert not at.exception
    return at


def upload(at, name: str, data: bytes):
    key = next(w.key for w in at.get("file_uploader") if w.key.startswith("fig1.load_run"))
    at.file_uploader(key=key).set_value((name, data, "application/octet-stream")).run()
    assert not at.exception


def saved(config, steps=3) -> tuple[bytes, Trainer]:
    trainer = Trainer(config)
    trainer.train(steps)
    return save_run(trainer), trainer


AS_SAVED = [  # the runs the issue found replaced or changed: k past the slider, a config field without a control,
    {"k": 11}, {"device": "cpu"}, {"optimizer": "sgd", "momentum": 0.7}, {"seed": 50_000},  # values off the sliders
    {"width": 48}, {"batch": 100}, {"lr_d": 0.003}, {"g_offset": 0.25},
]


@pytest.mark.parametrize("change", AS_SAVED, ids=lambda c: ",".join(c))
def test_a_valid_run_loads_exactly_as_saved_and_goes_on_with_the_same_model(figure1, change):
    at = figure1
    config = replace(CPU, **change)
    data, original = saved(config)
    upload(at, "run.ganviz", data)
    loaded = at.session_state["fig1.trainer"]
    assert loaded.config == config and loaded.step == 3
    assert at.success and "run\\.ganviz" in at.success[0].value  # the name as plain text (Markdown escaped)
    at.run()  # the next run of the page keeps it: nothing reset, nothing changed
    assert not at.exception
    assert at.session_state["fig1.trainer"] is loaded and loaded.config == config
    assert all(torch.equal(a, b) for a, b in zip(loaded.G.state_dict().values(), original.G.state_dict().values()))


def test_the_sidebar_says_which_values_come_from_the_file(figure1):
    at = figure1
    upload(at, "run.ganviz", saved(replace(CPU, k=11, optimizer="sgd", momentum=0.7))[0])
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "From the loaded file, kept as saved:" in captions and "k 11" in captions and "momentum 0.7" in captions


def test_markdown_in_a_refused_file_is_shown_as_plain_text(figure1):
    at = figure1
    name = "![beacon](http://example.invalid/x.png) [link](http://example.invalid) " + "x" * 500 + ".ganviz"
    upload(at, name, b"not a run file at all")
    message = at.error[0].value
    assert "\\!\\[beacon\\]\\(http\\://example\\.invalid/x\\.png\\)" in message, "every Markdown sign escaped"
    assert "x" * 100 not in message and "…" in message, "the name is quoted to at most 80 characters"


def test_the_uploader_starts_afresh_after_each_upload_so_the_bytes_are_not_kept(figure1):
    at = figure1
    before = [w.key for w in at.get("file_uploader")]
    upload(at, "junk.ganviz", b"junk")
    after = [w.key for w in at.get("file_uploader")]
    assert before != after and all(w.value is None for w in at.get("file_uploader"))


@pytest.fixture
def removed_uploads(monkeypatch):
    """The (session, file id) of every file dropped from Streamlit's store of uploads, and that store's files left."""
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager

    seen = {"removed": [], "left": None}
    remove = MemoryUploadedFileManager.remove_file

    def recording(self, session_id, file_id):
        remove(self, session_id, file_id)
        seen["removed"].append(file_id)
        seen["left"] = dict(self.file_storage.get(session_id) or {})

    monkeypatch.setattr(MemoryUploadedFileManager, "remove_file", recording)
    return seen


@pytest.mark.parametrize("data", [b"junk", None], ids=["refused", "loaded"])
def test_a_read_upload_is_dropped_from_streamlits_store_of_uploads(figure1, removed_uploads, data):
    """Streamlit keeps a session's uploads until the session ends (its reconnect window after the tab closed
    too): the loader drops the file once it has read it, loaded or refused."""
    at = figure1
    upload(at, "run.ganviz", data if data is not None else saved(CPU)[0])
    assert len(removed_uploads["removed"]) == 1 and removed_uploads["left"] == {}


@pytest.fixture(params=["en", "ko"])
def lang(request):
    """The page's language, and the test thread's too (AppTest reads a selectbox back through its format_func)."""
    from ganviz.i18n import DEFAULT, set_language

    set_language(request.param)
    yield request.param
    set_language(DEFAULT)


def test_a_file_over_the_limit_is_refused_with_its_size_and_the_limit_in_the_readers_language(lang):
    """The browser refuses a file over the uploader's limit itself; one that gets past it (a browser on Windows
    counts a MB as 2**20 bytes) is refused by ganviz before it is read, with its size and the limit."""
    from ganviz.files.runfile import MAX_BYTES
    from ganviz.i18n import CATALOGS

    from .app_page import open_page

    at = open_page("pages/figure1.py", lang)
    label = CATALOGS[lang].STRINGS["runfile.load"].format(limit="50")
    assert [w.label for w in at.get("file_uploader") if w.key.startswith("fig1.load_run")] == [label]
    before = at.session_state["fig1.trainer"]
    upload(at, "huge.ganviz", bytes(MAX_BYTES + 1))
    message = at.error[0].value
    said = {"en": ("50,000,001 bytes", "at most 50,000,000 bytes (50 MB)"), "ko": ("50,000,001바이트", "최대 50,000,000바이트(50 MB)")}
    assert all(part in message for part in said[lang]), message
    assert at.session_state["fig1.trainer"] is before
