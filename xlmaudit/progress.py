"""Progress of long work when stderr is not a terminal (a log file, a CI job, ``2> run.log``).

tqdm redraws one line in place, which suits a terminal; redirected, it is switched off and a long
run printed nothing for minutes. :class:`LineProgress` instead writes a plain line at most every
``interval`` seconds (scored/total, rate, ETA); work that ends sooner prints nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from tqdm import tqdm

INTERVAL_S = 30.0  # seconds between lines


class LineProgress:
    """``update(n)`` after each step; a line on ``stream`` once ``interval`` s have passed since
    the start or the last line. ``clock`` is injectable (tests)."""

    def __init__(
        self,
        total: int,
        *,
        desc: str = "scoring",
        unit: str = "seq",
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        stream: TextIO | None = None,
    ) -> None:
        self.total, self.desc, self.unit, self.clock = total, desc, unit, clock
        self.interval = INTERVAL_S if interval is None else interval
        self.stream = stream
        self.done = 0
        self.start = self.last = clock()
        self.lines = 0

    def grow(self, n: int) -> None:
        """Add ``n`` units to the total (work planned while running, e.g. a beam search's later
        rounds), so ``done`` never passes ``total``."""
        self.total += n

    def update(self, n: int = 1) -> None:
        """Count ``n`` finished units; print a line when the interval has passed."""
        self.done += n
        now = self.clock()
        if now - self.last >= self.interval:
            self.last = now
            self.lines += 1
            print(self.line(now), file=self.stream or sys.stderr, flush=True)

    def line(self, now: float) -> str:
        """``scoring: 300/1000 seq (30%), 9.68 seq/s, ETA 01:12, 00:31 elapsed``."""
        elapsed = now - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        pct = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        eta = tqdm.format_interval((self.total - self.done) / rate) if rate > 0 else "?"
        head = f"{self.desc}: {self.done}/{self.total} {self.unit}{pct}"
        return (
            f"{head}, {rate:.3g} {self.unit}/s, ETA {eta}, {tqdm.format_interval(elapsed)} elapsed"
        )

    def close(self) -> None:
        """A last line when earlier lines were printed (so a log shows the work finished)."""
        if self.lines:
            self.lines = 0
            print(self.line(self.clock()), file=self.stream or sys.stderr, flush=True)
