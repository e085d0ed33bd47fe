"""The CrowS-Pairs gender subset of Steinborn et al. (2022) in ten languages (S_JSD data).

Files ``cps_translated_<lang>_formatted.csv`` (ar de en fi fr id ko th vi zh), the same 212
original CrowS-Pairs ids in each; known defects: ../shared/data/s_jsd_multilingual/SOURCE.md.
``sent_more`` / ``sent_less`` are the translations ``A_x`` / ``B_x`` (as the authors' scorer
reads them; ``A_en`` / ``B_en`` are not read), ``direction`` the file's ``stereo_antistereo``
(the original label for all 212 ids), ``bias_type`` gender. The one known bad row (id line 7,
identical sentences) is rejected; the rows whose translator's English swaps another person than
the other languages' are kept with a note. Any other bad row is an InputError at ``file:line``.
"""

from __future__ import annotations

import re
from pathlib import Path

from xlmaudit.datasets.crows_multilingual import CrowsMultilingual
from xlmaudit.datasets.crows_pack import Known, Sorter, header_rows
from xlmaudit.errors import InputError

LANGUAGES = ("ar", "de", "en", "fi", "fr", "id", "ko", "th", "vi", "zh")
HEADER = ["ID", "A_en", "B_en", "A_x", "B_x", "stereo_antistereo"]
_FILE = re.compile(r"cps_translated_([a-z]{2})_formatted\.csv")
_PARENT = ("the translator's English swaps the parent, not the child (SOURCE.md): the pair "
           "differs from the other languages in what is swapped; kept")  # fmt: skip
KNOWN: dict[str, dict[int, Known]] = {  # language -> line -> known row (SOURCE.md)
    "id": {7: Known("29", "identical", "sent_more and sent_less (A_x, B_x) are identical: the "
                    "gender swap was lost in translation"),
           56: Known("351", "swap", _PARENT, keep=True)},
    "ar": {56: Known("351", "swap", _PARENT, keep=True)},
}  # fmt: skip


def load_crows_sjsd(path: str | Path, language: str | None = None) -> CrowsMultilingual:
    """Load one language's file; ``language`` defaults to the code in the file name."""
    path = Path(path)
    named = _FILE.fullmatch(path.name)
    language = language or (named.group(1) if named else None)
    if language not in LANGUAGES:
        raise InputError(f"{path}: language must be one of {', '.join(LANGUAGES)} "
                         f"(got {language!r}; not in the file name either)")  # fmt: skip
    sorter = Sorter(path, language, dict(KNOWN.get(language, {})))
    for line, raw in header_rows(path, HEADER, sorter):
        if not raw["ID"].isdigit():
            sorter.errors.append(f"{path}:{line}: ID {raw['ID']!r} is not an integer")
            continue
        sorter.add({"pair_id": raw["ID"], "sent_more": raw["A_x"], "sent_less": raw["B_x"],
                    "direction": raw["stereo_antistereo"], "bias_type": "gender"},
                   line)  # fmt: skip
    return sorter.result()
