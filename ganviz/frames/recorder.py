"""A run's frames, kept for replay: a bounded history that thins itself evenly as the run grows.

A frame is a snapshot (``Snapshot1D`` or ``Snapshot2D``): state that can redraw
the figure, not a picture. ``FrameRecorder`` keeps at most ``max_frames`` of
them. It records every frame until it is full; then it drops every second
frame and from there on records only every second one (then every fourth, and
so on), so whatever the length of the run, the frames kept are evenly spaced
from its start to now, and memory stays bounded (about 35 kB per 1D frame,
so 200 frames are about 7 MB per session).
"""

from __future__ import annotations


class FrameRecorder:
    """Frames recorded at every ``stride``-th call to ``record``; ``stride`` doubles each time the recorder fills."""

    def __init__(self, max_frames: int = 200):
        if int(max_frames) != max_frames or max_frames < 2:
            raise ValueError(f"max_frames must be a whole number >= 2 (got {max_frames})")
        self.max_frames = int(max_frames)
        self.stride = 1
        self.frames: list = []
        self._offered = 0

    def record(self, frame) -> None:
        """Offer one frame (call it for every frame drawn); it is kept if it falls on the current stride."""
        if self._offered % self.stride == 0:
            self.frames.append(frame)
            if len(self.frames) > self.max_frames:
                self.frames = self.frames[::2]
                self.stride *= 2
        self._offered += 1

    def clear(self) -> None:
        self.__init__(self.max_frames)

    def __len__(self) -> int:
        return len(self.frames)

    def __getitem__(self, index: int):
        return self.frames[index]
