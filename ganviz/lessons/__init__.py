"""Lessons: the named presets every page offers, the mode-collapse race, multi-seed comparisons and the published numbers beside ours."""
