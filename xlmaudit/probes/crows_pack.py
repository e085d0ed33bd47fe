"""The ``dataset`` values of the ``crows-pairs`` kind for the id-aligned translations of issue
25 (Dutch, the S_JSD ten-language gender subset, Kaneko's Japanese and Russian), their loaders,
and the record of a loaded file in ``meta.json`` (``data.<dataset>``) shared with the French /
revised-English files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from xlmaudit.datasets.crows_sjsd import LANGUAGES as SJSD_LANGUAGES

if TYPE_CHECKING:
    from xlmaudit.datasets.crows_multilingual import CrowsMultilingual
    from xlmaudit.probes import RunContext
    from xlmaudit.spec import ProbeSpec

ORIGINAL = "crows-pairs"
# dataset option -> loader name
PACK: dict[str, str] = {
    "crows-pairs-nl": "nl",
    **{f"crows-pairs-sjsd-{g}": "sjsd" for g in SJSD_LANGUAGES},
    "crows-pairs-ja": "kaneko",
    "crows-pairs-ru": "kaneko",
}


def load_pack(probe: ProbeSpec, ctx: RunContext, dataset: str, path: Path) -> CrowsMultilingual:
    """One pack file, loaded; the Dutch and Kaneko loaders also read the original CrowS-Pairs
    file (directions, ids), recorded in ``meta.json`` as ``crows-pairs``. The file's language
    must be the probe's."""
    from xlmaudit.datasets import resolve_data_file
    from xlmaudit.datasets.crows_kaneko import load_crows_kaneko
    from xlmaudit.datasets.crows_nl import load_crows_nl
    from xlmaudit.datasets.crows_sjsd import load_crows_sjsd

    loader = PACK[dataset]
    if loader == "sjsd":
        loaded = load_crows_sjsd(path)
    else:
        original = resolve_data_file(ORIGINAL, data_dir=ctx.data_dir)
        ctx.record_data(ORIGINAL, original)
        load = load_crows_nl if loader == "nl" else load_crows_kaneko
        loaded = load(path, original)
    language = getattr(probe, "language", None)
    if language is not None and loaded.language != language:
        raise probe.at("dataset").error(
            f"{path.name} is {loaded.language!r} data but the probe's language is {language!r}"
        )
    return loaded


def record_loaded(
    ctx: RunContext, dataset: str, loaded: CrowsMultilingual, path: Path, *, notice: bool
) -> None:
    """``meta.json`` ``data.<dataset>``: kept and excluded counts, each excluded row and each
    kept row with a note (``file:line``); with ``notice``, one stderr line for the exclusions
    and, for the Dutch file, for the directions taken from the original."""
    from xlmaudit.datasets.crows_kaneko import DETOKENISER
    from xlmaudit.datasets.crows_nl import DIRECTION

    status = ctx.data_status.setdefault(dataset, {})
    status["n_kept"] = len(loaded.pairs)
    status["n_excluded"] = len(loaded.rejected)
    status["excluded"] = [f"{f.where}: pair {f.pair_id}: {f.reason}" for f in loaded.rejected]
    status["kept_with_note"] = [f"{f.where}: pair {f.pair_id}: {f.reason}" for f in loaded.notes]
    relabelled = sum(f.code == DIRECTION for f in loaded.notes)
    if relabelled:
        status["n_direction_from_original"] = relabelled
    if loaded.language == "ru" and PACK.get(dataset) == "kaneko":
        status["text"] = f"detokenised: {DETOKENISER}"
    if notice and loaded.rejected:
        where = ", ".join(f"{f.line} ({f.code})" for f in loaded.rejected)
        print(f"{dataset}: {len(loaded.rejected)} known bad row(s) of {path.name} excluded and "
              f"counted (n_excluded), never scored: lines {where}", file=sys.stderr)  # fmt: skip
    if notice and relabelled:
        print(f"{dataset}: stereo_antistereo of {path.name} disagrees with the original "
              f"CrowS-Pairs on {relabelled} kept rows; the original's direction is used "
              f"(rows listed in meta.json, kept_with_note)", file=sys.stderr)  # fmt: skip
