"""The published and measured mode-collapse tables."""

import json

from ganviz.lessons import published


def test_published_rows_name_their_source_and_say_they_are_unverified():
    rows = published.published_table()
    assert {r["source"] for r in rows} == {published.VEEGAN, published.PACGAN}
    assert all(0 <= r["ring8 modes"] <= 8 and 0 <= r["grid25 modes"] <= 25 for r in rows)
    assert all(r["verified here"].startswith("no") for r in rows)


def test_measured_table_reads_compare_results(tmp_path, monkeypatch):
    summary = {"summary": True, "methods": {
        "gan": {"label": "plain GAN", "modes_mean": 2.5, "hq_mean": 0.9, "modes": [1, 2, 3, 4]},
        "pacgan": {"label": "PacGAN", "modes_mean": 8.0, "hq_mean": 0.85, "modes": [8, 8, 8, 8], "all_modes_good": 3}}}
    (tmp_path / "compare_ring8.json").write_text(json.dumps({"method": "gan", "seed": 0}) + "\n" + json.dumps(summary))
    monkeypatch.setattr(published, "RESULTS", tmp_path)
    rows = {r["method"]: r for r in published.measured_table()}
    assert rows["PacGAN"]["ring8 modes"] == 8.0 and rows["PacGAN"]["ring8 HQ %"] == 85.0
    assert rows["PacGAN"]["ring8 8/8 runs"] == "4/4" and rows["plain GAN"]["ring8 8/8 runs"] == "0/4"
    assert rows["PacGAN"]["ring8 all modes & HQ ≥ 0.8"] == "3/4"
    assert "grid25 modes" not in rows["PacGAN"]  # not measured: left blank


def test_measured_table_is_empty_without_results(tmp_path, monkeypatch):
    monkeypatch.setattr(published, "RESULTS", tmp_path)
    assert published.measured_table() == []


def test_measured_line_sums_up_one_method(tmp_path, monkeypatch):
    summary = {"summary": True, "steps": 20000, "n_modes": 8, "methods": {
        "pacgan": {"label": "PacGAN", "modes_mean": 8.0, "hq_mean": 0.91, "modes": [8, 8], "all_modes_good": 2}}}
    (tmp_path / "compare_ring8.json").write_text(json.dumps(summary))
    monkeypatch.setattr(published, "RESULTS", tmp_path)
    assert published.measured_line("ring8", "pacgan") == (
        "Measured over 2 seeds at step 20,000: 8.0 of 8 modes on average, HQ 91%; all 8 with HQ ≥ 80% in 2 of 2.")
    assert published.measured_line("ring8", "mbstd") == "" and published.measured_line("grid25", "pacgan") == ""
