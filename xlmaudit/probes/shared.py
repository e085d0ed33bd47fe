"""What the data-set kinds share: one item type for a data row or pair, path options relative
to the suite file (``data``), the ``labour_lexicon`` option (women's share of employment per
occupation) and the ``bias_types`` / ``domains`` filters. Template kinds share
:mod:`xlmaudit.probes.templated`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from xlmaudit.spec import ProbeSpec


@dataclass(frozen=True)
class RowItem:
    """One row of a data set (a BEC-Pro sentence, a WinoBias pro/anti pair): its id and fields;
    ``usable`` False for a known bad row, kept as an item (never scored) with its ``problem``."""

    id: str
    row: dict[str, Any]
    usable: bool = True
    problem: str = ""


def option_path(probe: ProbeSpec | None, key: str = "data") -> Path | None:
    """A path option of the probe (``data``: a file or folder), relative to its suite file; None
    when the probe has none (a kind then searches ``--data-dir``, ``$XLMAUDIT_DATA_DIR`` or the
    cache)."""
    value = probe.options.get(key) if probe is not None else None
    if value is None:
        return None
    path = Path(value)
    return path if path.is_absolute() else Path(probe.where.file).parent / path


def check_labour_lexicon(probe: ProbeSpec) -> None:
    """The ``labour_lexicon`` option, if given, names a suite lexicon with ``women_share``."""
    name = probe.options.get("labour_lexicon")
    if name is None:
        return
    if name not in probe.lexicons:
        raise probe.at("labour_lexicon").error(f"probe {probe.id!r}: no lexicon {name!r}")
    if "women_share" not in probe.lexicons[name].attributes:
        raise probe.at("labour_lexicon").error(
            f"probe {probe.id!r}: lexicon {name!r} has no women_share attribute"
        )


def labour_shares(probe: ProbeSpec) -> dict[str, float] | None:
    """occupation -> women's share of employment (%) from the probe's ``labour_lexicon``, or
    None when it has none."""
    name = probe.options.get("labour_lexicon")
    if name is None:
        return None
    return {e.term: float(e.attrs["women_share"]) for e in probe.lexicons[name].entries}


def keep_listed(
    probe: ProbeSpec, key: str, frame: pd.DataFrame, column: str, known: set[str], what: str
) -> pd.DataFrame:
    """``frame``'s rows whose ``column`` is in the probe's ``key`` option (all rows without it);
    a listed value not in ``known`` is an error at ``key`` (``unknown <what> [...]``)."""
    keep = probe.options.get(key)
    if not keep:
        return frame
    unknown = sorted(set(keep) - set(known))
    if unknown:
        raise probe.at(key).error(f"unknown {what} {unknown}")
    return frame[frame[column].isin(keep)]
