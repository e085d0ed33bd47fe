"""A line of a data file that a loader excluded or noted, with why (``file:line`` in messages)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileRow:
    """One line of one file: excluded (a known bad row) or kept with a noted quirk."""

    file: str
    line: int
    reason: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"
