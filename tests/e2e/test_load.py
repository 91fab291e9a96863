"""A small classroom against one server (tools/load_test.py with N = 3): everyone trains, nobody starves, nothing leaks.

CI runs on 2 cores, so N is small and nothing here is timed: the checks are
that every session trains and redraws, a pausing student stands still while
the others go on (their trainers are their own), a newcomer gets a drawn
figure, no session shows an error or loses its connection, and after every tab
closes the server's log shows each session closed and each trainer freed.
The figures themselves (frames/s, CPU, memory) are printed for the record.
"""

import json

from .conftest import REPO_ROOT  # noqa: F401 - puts tools/ on sys.path

N = 3


def test_a_small_class_trains_side_by_side_and_is_released(browser):
    from load_test import run_load

    result = run_load(sessions=N, seconds=20, page="figure1", ttl=2, release_wait=60, browser=browser)
    print(json.dumps(result, indent=1))
    assert result["errors"] == []
    assert all(s["iters_per_s"] > 0 and s["frames_per_s"] > 0 for s in result["per_session"]), "every session trains"
    assert result["paused_session_still"] and result["others_moved_while_one_paused"] == N - 1
    assert "newcomer_first_frame_s" in result
    assert result["sessions_closed"] == result["sessions_opened"] and result["sessions_open_at_end"] == 0
    assert result["trainers_alive_at_end"] == 0 and result["trainers_freed"] >= N
