"""CrowS-Pairs (Nangia et al. 2020) in its original CSV schema.

Policy for bad rows: every row is checked, all problems are collected, and one InputError lists
them with their line numbers (first 20 shown, with the total). Nothing is loaded from a file that
has a bad row, so a benchmark number is never computed on a silently shortened data set.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from xlmaudit.errors import InputError, utf8_errors

BIAS_TYPES = (
    "race-color",
    "gender",
    "socioeconomic",
    "nationality",
    "religion",
    "age",
    "sexual-orientation",
    "physical-appearance",
    "disability",
)
DIRECTIONS = ("stereo", "antistereo")
REQUIRED = ("sent_more", "sent_less", "stereo_antistereo", "bias_type")
OPTIONAL = ("annotations", "anon_writer", "anon_annotators")
COLUMNS = ("pair_id", "sent_more", "sent_less", "direction", "bias_type", "line")
MAX_LISTED = 20


def load_crows_pairs(path: str | Path) -> pd.DataFrame:
    """Load and validate ``crows_pairs_anonymized.csv``.

    Returns one row per pair with columns ``pair_id`` (the CSV's unnamed first column, int),
    ``sent_more``, ``sent_less``, ``direction`` (``stereo_antistereo``), ``bias_type``, ``line``
    (1-based line where the record starts), plus the optional metadata columns when present.
    """
    path = Path(path)
    with utf8_errors(path), path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        extra = _check_header(path, header)
        rows, errors, seen = [], [], {}
        start = reader.line_num + 1
        for record in reader:
            row, problems = _parse_row(header, record, seen, start)
            errors.extend(f"{path}:{start}: {p}" for p in problems)
            if not problems:
                rows.append(row)
            start = reader.line_num + 1
    raise_bad_rows(path, errors)
    if not rows:
        raise InputError(f"{path}: no pairs")
    return pd.DataFrame(rows, columns=[*COLUMNS, *extra])


def _check_header(path: Path, header: list[str] | None) -> list[str]:
    if not header:
        raise InputError(f"{path}:1: empty file, expected the CrowS-Pairs header")
    if header[0] != "":
        raise InputError(f"{path}:1: first column must be the unnamed row index, got {header[0]!r}")
    names = header[1:]
    missing = [c for c in REQUIRED if c not in names]
    unknown = [c for c in names if c not in REQUIRED + OPTIONAL]
    dupes = sorted({c for c in names if names.count(c) > 1})
    if missing or unknown or dupes:
        raise InputError(
            f"{path}:1: bad header (missing {missing}, unknown {unknown}, duplicated {dupes}); "
            f"expected ,{','.join(REQUIRED + OPTIONAL)}"
        )
    return [c for c in OPTIONAL if c in names]


def _parse_row(header, record, seen: dict[int, int], line: int) -> tuple[dict, list[str]]:
    if len(record) != len(header):
        return {}, [f"expected {len(header)} fields, got {len(record)}"]
    raw = dict(zip(header, record, strict=True))
    problems = []
    try:
        pair_id = int(raw[""])
    except ValueError:
        pair_id = None
        problems.append(f"pair id {raw['']!r} is not an integer")
    if pair_id is not None and pair_id in seen:
        problems.append(f"pair id {pair_id} already used on line {seen[pair_id]}")
    elif pair_id is not None:
        seen[pair_id] = line
    problems.extend(message for _, message in pair_problems(raw, BIAS_TYPES))
    row = {
        "pair_id": pair_id,
        "sent_more": raw["sent_more"],
        "sent_less": raw["sent_less"],
        "direction": raw["stereo_antistereo"],
        "bias_type": raw["bias_type"],
        "line": line,
        **{k: raw[k] for k in OPTIONAL if k in raw},
    }
    return row, problems


def pair_problems(raw: dict[str, str], bias_types: tuple[str, ...]) -> list[tuple[str, str]]:
    """Content problems of one CrowS-Pairs record as ``(code, message)``; codes: ``empty``,
    ``identical``, ``direction``, ``bias_type`` (shared with the multilingual loader)."""
    problems = []
    more, less = raw["sent_more"].strip(), raw["sent_less"].strip()
    if not more or not less:
        problems.append(("empty", "empty sent_more or sent_less"))
    elif more == less:
        problems.append(("identical", "sent_more and sent_less are identical"))
    if raw["stereo_antistereo"] not in DIRECTIONS:
        msg = f"stereo_antistereo {raw['stereo_antistereo']!r} not in {DIRECTIONS}"
        problems.append(("direction", msg))
    if raw["bias_type"] not in bias_types:
        msg = f"bias_type {raw['bias_type']!r} not one of {', '.join(bias_types)}"
        problems.append(("bias_type", msg))
    return problems


def raise_bad_rows(path: Path, errors: list[str]) -> None:
    """One InputError listing ``path:line: problem`` entries (first MAX_LISTED, with the total)."""
    if errors:
        listed = "\n  ".join(errors[:MAX_LISTED])
        more = f"\n  ... and {len(errors) - MAX_LISTED} more" if len(errors) > MAX_LISTED else ""
        raise InputError(f"{path}: {len(errors)} bad row(s); nothing loaded:\n  {listed}{more}")
