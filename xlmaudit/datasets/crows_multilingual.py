"""French CrowS-Pairs and the revised English CrowS-Pairs (Névéol et al. 2022), tab-separated.

Files and known defects: ../shared/data/crows_pairs_multilingual/SOURCE.md. Policy: the known
bad rows listed in ``KNOWN`` (by file name and 1-based line) are excluded and returned in
``rejected`` with their reason and ``file:line``; rows with a known quirk that still form a valid
pair are kept and listed in ``notes``. Any other bad row, or a wrong header, is an InputError
naming ``file:line`` and nothing is loaded (as in the English loader, ``crows.py``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from xlmaudit.datasets.crows import BIAS_TYPES, REQUIRED, pair_problems, raise_bad_rows
from xlmaudit.errors import InputError, utf8_errors

ML_BIAS_TYPES = (*BIAS_TYPES, "autre")  # French CrowS-Pairs adds "autre" (other), LA rows only
HEADER = ["", *REQUIRED]
COLUMNS = ("pair_id", "sent_more", "sent_less", "direction", "bias_type", "language", "line")
_ID = re.compile(r"(?:\d+|LA\d+)")

FR_210 = "crows_pairs_FR_languagearc_contribution+210.csv"
EN_210 = "crows_pairs_EN_revised+210.csv"
FR_1467 = "crows_pairs_FR.csv"
EN_1467 = "crows_pairs_EN_revised.csv"

# file name -> (language, standard CSV quoting?). crows_pairs_EN_revised.csv writes its double
# quotes raw, so it is read literally (QUOTE_NONE); a standard parse would drop them at line 100.
FILES: dict[str, tuple[str, bool]] = {
    FR_210: ("fr", True),
    EN_210: ("en", True),
    FR_1467: ("fr", True),
    EN_1467: ("en", False),
}

_RACE = "mislabelled bias_type 'Race-color' (upper case; race-color intended)"
_IDENT = "sent_more and sent_less are identical (no minimal difference)"
_EMPTY = "empty sent_less"
_QUOTES_LOST = "double quotes lost in the file (a standard parse of the raw-quoted source); kept"
# file name -> {line: (pair id, problem code, reason)}; code "quotes" = kept, listed in notes.
KNOWN: dict[str, dict[int, tuple[str, str, str]]] = {
    FR_210: {
        60: ("59", "identical", _IDENT + "; correct in crows_pairs_FR.csv"),
        130: ("129", "empty", _EMPTY),
        374: ("379", "identical", _IDENT),
        383: ("388", "identical", _IDENT + "; correct in crows_pairs_FR.csv"),
        100: ("99", "quotes", _QUOTES_LOST),
    },
    EN_210: {100: ("99", "quotes", _QUOTES_LOST)},
    FR_1467: {
        130: ("129", "empty", _EMPTY),
        374: ("379", "identical", _IDENT),
        404: ("409", "bias_type", _RACE),
        839: ("858", "bias_type", _RACE),
    },
    EN_1467: {
        404: ("409", "bias_type", _RACE),
        1255: ("1293", "bias_type", "mislabelled bias_type 'stereo' (socioeconomic intended)"),
        100: ("99", "quotes", "raw (unescaped) double quotes, read literally; quotes kept"),
    },
}


@dataclass(frozen=True)
class Flagged:
    """A known bad (rejected) or quirky (kept) row."""

    pair_id: str
    file: str
    line: int
    code: str  # identical | empty | bias_type | quotes
    reason: str
    row: dict | None = field(
        default=None, compare=False
    )  # the parsed row (COLUMNS), as in the file

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class CrowsMultilingual:
    """Loaded pairs (``COLUMNS``), the excluded known bad rows, and kept rows with a note."""

    pairs: pd.DataFrame
    language: str
    rejected: list[Flagged] = field(default_factory=list)
    notes: list[Flagged] = field(default_factory=list)


def load_crows_multilingual(path: str | Path, language: str | None = None) -> CrowsMultilingual:
    """Load one French / revised-English CrowS-Pairs file (the ``+210`` or the 1,467-pair version).

    ``language`` ('fr' or 'en') is taken from the file name for the four published files and
    must be given for any other file. ``pair_id`` is a string (original ids ``0``..``1507``,
    LanguageARC ids ``LA0``..``LA209``).
    """
    path = Path(path)
    known_lang, standard = FILES.get(path.name, (None, True))
    language = language or known_lang
    if language not in ("fr", "en"):
        raise InputError(f"{path}: language must be 'fr' or 'en' for an unregistered file name")
    known = KNOWN.get(path.name, {})
    rows, errors, rejected, notes, seen = [], [], [], [], {}
    quoting = csv.QUOTE_MINIMAL if standard else csv.QUOTE_NONE
    with utf8_errors(path), path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=quoting, strict=True)
        try:
            header = next(reader, None)
            if header != HEADER:
                raise InputError(
                    f"{path}:1: bad header {header!r}; expected tab-separated {HEADER!r}"
                )
            start = reader.line_num + 1
            for record in reader:
                row, problems = _parse(record, seen, start, language)
                codes = {code for code, _ in problems}
                entry = known.get(start)
                if problems and entry and codes == {entry[1]} and row["pair_id"] == entry[0]:
                    rejected.append(Flagged(entry[0], path.name, start, entry[1], entry[2], row))
                elif problems:
                    errors.extend(f"{path}:{start}: {msg}" for _, msg in problems)
                else:
                    if entry and entry[1] == "quotes":
                        notes.append(Flagged(entry[0], path.name, start, entry[1], entry[2]))
                    rows.append(row)
                start = reader.line_num + 1
        except csv.Error as e:
            raise InputError(f"{path}:{reader.line_num}: unparseable line ({e})") from None
    raise_bad_rows(path, errors)
    if not rows:
        raise InputError(f"{path}: no pairs")
    return CrowsMultilingual(pd.DataFrame(rows, columns=COLUMNS), language, rejected, notes)


def _parse(record: list[str], seen: dict[str, int], line: int, language: str):
    if len(record) != len(HEADER):
        return {"pair_id": None}, [("fields", f"expected {len(HEADER)} fields, got {len(record)}")]
    raw = dict(zip(HEADER, record, strict=True))
    problems = []
    pair_id = raw[""]
    if not _ID.fullmatch(pair_id):
        problems.append(("id", f"pair id {pair_id!r} is neither an integer nor LA<n>"))
    elif pair_id in seen:
        problems.append(("id", f"pair id {pair_id} already used on line {seen[pair_id]}"))
    else:
        seen[pair_id] = line
    problems.extend(pair_problems(raw, ML_BIAS_TYPES))
    row = {
        "pair_id": pair_id,
        "sent_more": raw["sent_more"],
        "sent_less": raw["sent_less"],
        "direction": raw["stereo_antistereo"],
        "bias_type": raw["bias_type"],
        "language": language,
        "line": line,
    }
    return row, problems


def with_excluded(loaded: CrowsMultilingual) -> pd.DataFrame:
    """The loaded pairs with the rejected rows put back in file order (as parsed), flagged in an
    ``excluded`` column (``"<code>: <reason>"``; ``""`` for the kept rows): for a suite that
    shows the known bad rows as not scored rather than dropping them."""
    bad = [{**f.row, "excluded": f"{f.code}: {f.reason}"} for f in loaded.rejected if f.row]
    frame = loaded.pairs.assign(excluded="")
    if bad:
        frame = pd.concat([frame, pd.DataFrame(bad, columns=[*COLUMNS, "excluded"])])
    return frame.sort_values("line", kind="stable").reset_index(drop=True)
