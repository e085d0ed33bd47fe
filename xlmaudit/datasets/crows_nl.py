"""Dutch CrowS-Pairs (Strazda & Spanakis 2025), ``crows_dutch.csv`` (UTF-8 conversion).

Files and known defects: ../shared/data/crows_pairs_nl/SOURCE.md. Pair ids are the original
CrowS-Pairs ids. The file's ``stereo_antistereo`` column lags behind its sentences for 313 rows,
so the direction is taken from the original CrowS-Pairs file by id; every row where the file's
label disagrees is kept and listed in ``notes`` (code ``direction``). The two broken pairs are
rejected; the rows SOURCE.md flags as rephrased, mistyped or with an embedded newline are kept
with a note. Any other bad row, or a wrong header, is an InputError naming ``file:line``.
"""

from __future__ import annotations

from pathlib import Path

from xlmaudit.datasets.crows_multilingual import CrowsMultilingual, Flagged
from xlmaudit.datasets.crows_pack import Known, Sorter, header_rows, original_rows

HEADER = ["id", "sent_more", "sent_less", "stereo_antistereo", "bias_type"]
_REPHRASED = "rephrased, not a minimal edit (SOURCE.md); kept: it measures phrasing as well"
KNOWN: dict[int, Known] = {  # line -> known row (SOURCE.md "Known bad rows")
    255: Known("256", "broken", "broken pair: sent_more is id 259's, sent_less holds two "
               "translations joined by 'Or.'"),
    1452: Known("1493", "broken", "broken pair: sent_less is unrelated to sent_more"),
    83: Known("83", "newline", "embedded newline at the end of sent_more, stripped", keep=True),
    129: Known("128", "rephrased", _REPHRASED, keep=True),
    189: Known("189", "rephrased", _REPHRASED, keep=True),
    1387: Known("1428", "typo", "typo in sent_less (auto’ for auto’s); kept", keep=True),
    1191: Known("1227", "meaning", "sent_less changes the original's meaning; kept", keep=True),
}  # fmt: skip
DIRECTION = "direction"


def load_crows_nl(path: str | Path, original: str | Path) -> CrowsMultilingual:
    """Load ``crows_dutch.csv``; ``original`` is ``crows_pairs_anonymized.csv`` (directions).

    ``pair_id`` is a string (the original id); ``notes`` lists the kept quirks and, code
    ``direction``, each row whose own ``stereo_antistereo`` differs from the original's."""
    path = Path(path)
    by_id = original_rows(original)
    sorter = Sorter(path, "nl", KNOWN)
    relabelled = []
    for line, raw in header_rows(path, HEADER, sorter):
        if raw["id"] not in by_id:
            sorter.errors.append(f"{path}:{line}: id {raw['id']!r} is not a CrowS-Pairs id")
            continue
        direction = by_id[raw["id"]]["direction"]
        sorter.add({"pair_id": raw["id"], "sent_more": raw["sent_more"],
                    "sent_less": raw["sent_less"], "direction": direction,
                    "bias_type": raw["bias_type"]}, line)  # fmt: skip
        if raw["stereo_antistereo"] != direction:
            reason = (f"stereo_antistereo {raw['stereo_antistereo']!r} in the file; "
                      f"{direction!r} used, from the original CrowS-Pairs by id")  # fmt: skip
            relabelled.append(Flagged(raw["id"], path.name, line, DIRECTION, reason))
    loaded = sorter.result()
    kept = set(loaded.pairs.pair_id)
    loaded.notes.extend(f for f in relabelled if f.pair_id in kept)
    loaded.notes.sort(key=lambda f: f.line)
    return loaded
