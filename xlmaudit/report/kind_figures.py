"""Figures of one probe kind, registered beside their plots and found by discovery.

A plot module of ``xlmaudit/report`` registers a kind's figure maker with :func:`figures_for`::

    @figures_for("seat")                      # the kind's name, as meta.json records it
    def seat_figures(summary, suite): ...     # -> (name, Figure, caption) per figure

``frame="raw"`` passes the suite's raw frame instead of the run's summary. :func:`kind_figures`
imports every module of ``xlmaudit.report`` once (``pkgutil``), so a new module is found without
editing a list, and draws the figures of the kinds ``meta.json`` records for a suite.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from xlmaudit.report.run import RunData

Made = tuple[str, Figure, str]
Maker = Callable[[pd.DataFrame, str], Iterator[Made]]

_MAKERS: dict[str, list[tuple[str, Maker]]] = {}
_found = False


def figures_for(kind: str, *, frame: str = "summary") -> Callable[[Maker], Maker]:
    """Decorator: register ``maker(frame, suite)`` as figures of probe kind ``kind``.

    ``frame`` is ``"summary"`` (the run's summary frame) or ``"raw"`` (the suite's raw frame).
    """
    if frame not in ("summary", "raw"):
        raise ValueError(f"frame must be 'summary' or 'raw', got {frame!r}")

    def register(maker: Maker) -> Maker:
        _MAKERS.setdefault(kind, []).append((frame, maker))
        return maker

    return register


def figure_makers() -> dict[str, list[tuple[str, Maker]]]:
    """Import every module of ``xlmaudit.report`` (once) and return kind -> makers."""
    global _found
    if not _found:
        _found = True
        import xlmaudit.report as package

        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            importlib.import_module(info.name)
    return _MAKERS


def kind_figures(run: RunData, suite: str) -> Iterator[Made]:
    """The registered figures of every kind in ``suite`` (every registered kind when the run
    records no kinds, as an old run directory may not); each maker filters its own rows."""
    makers = figure_makers()
    recorded = run.meta.suites.get(suite)
    kinds = list(recorded.kinds if recorded else ()) or list(makers)
    for kind in kinds:
        for frame, maker in makers.get(kind, []):
            data = run.summary if frame == "summary" else run.raw.get(suite)
            if data is not None:
                yield from maker(data, suite)
