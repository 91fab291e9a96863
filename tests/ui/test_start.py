"""The app caps torch's threads at its start (``ganviz.ui.start_process``), not when ganviz.ui is imported."""

import threading

import torch


def threads_of_a_new_thread() -> int:
    """torch's thread count as a thread started now sees it (the cap holds for the threads started after it is set,
    such as each script run's)."""
    seen = []
    thread = threading.Thread(target=lambda: seen.append(torch.get_num_threads()))
    thread.start()
    thread.join()
    return seen[0]


def test_the_thread_cap_is_set_when_the_app_starts_not_on_import(monkeypatch):
    from streamlit.testing.v1 import AppTest

    import ganviz.ui

    before = torch.get_num_threads()
    monkeypatch.setenv("GANVIZ_TORCH_THREADS", "1")
    monkeypatch.setattr(ganviz.ui, "_started", False)
    try:
        torch.set_num_threads(2)
        import importlib

        importlib.reload(ganviz.ui)  # importing sets nothing
        assert threads_of_a_new_thread() == 2 and ganviz.ui._started is False
        at = AppTest.from_file("../../navigation.py", default_timeout=120)
        at.run()
        assert not at.exception and threads_of_a_new_thread() == 1 and ganviz.ui._started
    finally:
        torch.set_num_threads(before)
