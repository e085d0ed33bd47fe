"""The ``rubia`` dataset of the ``crows-pairs`` kind: RuBia's Russian pairs (Grigoreva et al.
2024) as CrowS-Pairs pairs, its domains as bias types, and their record in ``meta.json``
(``data.rubia``: kept, excluded and left-out rows with ``file:line``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from xlmaudit.probes import RunContext
    from xlmaudit.spec import ProbeSpec

RUBIA = "rubia"


def rubia_pairs(probe: ProbeSpec, ctx: RunContext, path: Path, *, notice: bool) -> pd.DataFrame:
    """RuBia's pairs with its known bad rows flagged (``with_excluded``); the exclusions, the
    whitespace repairs and the rows left out of the authors' domain totals go into ``meta.json``
    and, with ``notice``, on stderr. The probe's language must be Russian."""
    from xlmaudit.datasets.crows_multilingual import with_excluded
    from xlmaudit.datasets.rubia import load_rubia

    loaded = load_rubia(path)
    language = getattr(probe, "language", None)
    if language is not None and language != loaded.language:
        raise probe.at("dataset").error(
            f"{path.name} is {loaded.language!r} data but the probe's language is {language!r}"
        )
    status = ctx.data_status.setdefault(RUBIA, {})
    status["n_kept"] = len(loaded.pairs)
    status["n_excluded"] = len(loaded.rejected)
    status["excluded"] = [f"{f.where}: pair {f.pair_id}: {f.reason}" for f in loaded.rejected]
    status["kept_with_note"] = [f"{f.where}: pair {f.pair_id}: {f.reason}" for f in loaded.notes]
    status["n_left_out"] = len(loaded.left_out)
    status["left_out"] = [f"{f.where}: pair {f.pair_id}: {f.reason}" for f in loaded.left_out]
    if notice:
        where = ", ".join(f"{f.line} ({f.code})" for f in loaded.rejected)
        print(f"{RUBIA}: {len(loaded.rejected)} known bad row(s) of {path.name} excluded and "
              f"counted (n_excluded), never scored: lines {where}; {len(loaded.left_out)} "
              "row(s) left out as the authors' domain totals leave them out (listed in "
              "meta.json)", file=sys.stderr)  # fmt: skip
    return with_excluded(loaded)
