"""Frames: read a Trainer into plain, immutable snapshots (1D and 2D), record them, and follow samples as trails."""
