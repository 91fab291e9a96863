"""The command line: ``ganviz train | compare | bench | mnist`` (``python -m ganviz`` too)."""

from .commands import main

__all__ = ["main"]
