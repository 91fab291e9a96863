"""A sweep's progress on stderr: a bar redrawn in place on a terminal, one line per finished run otherwise (a log
file, CI), both with the runs done, the time so far and the estimated time left (ETA: the mean time per run finished
so far, times the runs left: with parallel workers the runs finish faster, and so does the estimate)."""

from __future__ import annotations

import sys
import time

WIDTH = 24  # characters of the bar


def clock(seconds: float) -> str:
    """``75.3`` -> ``"1:15"``; ``3725`` -> ``"1:02:05"``."""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """``total`` runs to do now (those a results file already holds are not counted); ``tick(text)`` after each."""

    def __init__(self, total: int, stream=None, skipped: int = 0):
        self.total, self.done, self.skipped = total, 0, skipped
        self.stream = stream or sys.stderr
        self.start = time.perf_counter()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def status(self) -> str:
        """``"12/40 runs, 1:05 so far, ETA 2:31"``."""
        elapsed = time.perf_counter() - self.start
        left = self.total - self.done
        eta = clock(elapsed / self.done * left) if self.done else "?"
        return f"{self.done}/{self.total} runs, {clock(elapsed)} so far, ETA {eta}"

    def tick(self, text: str = "") -> None:
        """Count one finished run; draw the bar (terminal) or print ``text`` with the status (otherwise)."""
        self.done += 1
        if self.tty:
            filled = WIDTH * self.done // max(1, self.total)
            end = "\n" if self.done == self.total else ""
            self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {self.status()}\x1b[K{end}")
        else:
            self.stream.write(f"[{self.status()}] {text}\n")
        self.stream.flush()
