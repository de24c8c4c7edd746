"""Errors a user sees: one line naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class MinutesError(Exception):
    """A document could not be read. ``str(err)`` is a one-line message for the user."""

    def __init__(self, path: str | Path | None, reason: str) -> None:
        self.path = str(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class PDFError(MinutesError):
    """The file is not a readable PDF (encrypted, corrupt, truncated, empty)."""
