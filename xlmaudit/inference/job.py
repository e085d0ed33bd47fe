"""``Job``: the kernel rows one request needs and how their results become its response.

Its own module so that the request planners (:mod:`xlmaudit.inference.plan`) and the iterative
top-words beam search (:mod:`xlmaudit.inference.beam`) both build jobs without importing each
other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xlmaudit.inference.kernel import Row, RowResult
from xlmaudit.requests import Response


@dataclass
class Job:
    """The rows one request needs and how to turn their results into its response.

    ``finish`` may return another ``Job`` instead (the next round of an iterative request,
    e.g. the beam search of ``TopWordsRequest``); the scorer runs rounds until a response.
    """

    rows: list[Row]
    finish: Callable[[list[RowResult]], Response | Job]

    @property
    def width(self) -> int:
        return max((len(r.ids) for r in self.rows), default=0)
