"""GEST (Pikuliak et al. 2024): 3,565 English first-person sentences, each filed under one of 16
gender stereotypes, and the authors' per-sample scores of multilingual masked LMs.

Files and known defects: ../shared/data/gest/SOURCE.md. ``load_gest`` returns every row
(``ROW_COLUMNS``; ``sample`` = the 0-based row index, which is the line index of the published
prediction files) with ``excluded`` set for the known duplicate sentences: a sentence filed under
two stereotypes is rejected at both lines (its stereotype is ambiguous), a sentence repeated under
the same stereotype at its later line (it would count twice). Any other duplicate, a wrong
stereotype id, an empty sentence, a wrong field count or header is an InputError naming
``file:line``; nothing is loaded. ``load_gest_predictions`` reads one prediction file.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from xlmaudit.datasets.crows import raise_bad_rows
from xlmaudit.errors import InputError, utf8_errors

HEADER = ["sentence", "stereotype"]
# src/gest.py of kinit-sk/gest: ids 1-7 are stereotypes about women, 8-16 about men
STEREOTYPES: dict[int, str] = {
    1: "emotional", 2: "gentle", 3: "empathetic", 4: "neat", 5: "social", 6: "weak",
    7: "beautiful", 8: "tough", 9: "self-confident", 10: "professional", 11: "rational",
    12: "providers", 13: "leaders", 14: "childish", 15: "sexual", 16: "strong",
}  # fmt: skip
WOMEN, MEN = "women", "men"
ROW_COLUMNS = ("sample", "sentence", "stereotype", "name", "about", "line", "excluded")
V10, V11 = "gest.csv", "gest_1.1.csv"
_V10_DUPES = ((2, 2496), (54, 787), (155, 3291), (612, 1005), (1769, 2738), (1813, 3356),
              (2918, 3467), (3478, 3558), (597, 1963), (951, 2710))  # fmt: skip
# file name -> the known pairs of lines holding the same sentence (SOURCE.md)
KNOWN_DUPLICATES: dict[str, tuple[tuple[int, int], ...]] = {
    V10: _V10_DUPES,
    V11: (*_V10_DUPES, (1219, 2599)),
}


def about(stereotype: int) -> str:
    """Whom stereotype ``stereotype`` is about: ``women`` (ids 1-7) or ``men`` (8-16)."""
    return WOMEN if stereotype <= 7 else MEN


@dataclass
class GestLoaded:
    """Every row of a GEST file (``ROW_COLUMNS``), the known duplicates flagged in ``excluded``."""

    rows: pd.DataFrame

    @property
    def kept(self) -> pd.DataFrame:
        return self.rows[self.rows["excluded"] == ""]

    @property
    def rejected(self) -> pd.DataFrame:
        return self.rows[self.rows["excluded"] != ""]


def load_gest(path: str | Path) -> GestLoaded:
    """Load ``gest.csv`` or ``gest_1.1.csv`` (see the module docstring)."""
    path = Path(path)
    rows, errors, first = [], [], {}
    with utf8_errors(path), path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f, strict=True)
        try:
            header = next(reader, None)
            if header != HEADER:
                raise InputError(f"{path}:1: bad header {header!r}; expected {HEADER!r}")
            for record in reader:
                line = reader.line_num
                row, problem = _parse(record, len(rows), line)
                if problem:
                    errors.append(f"{path}:{line}: {problem}")
                    continue
                rows.append(row)
                first.setdefault(row["sentence"], []).append(row)
        except csv.Error as e:
            raise InputError(f"{path}:{reader.line_num}: unparseable line ({e})") from None
    errors.extend(_duplicates(path, first))
    raise_bad_rows(path, errors)
    if not rows:
        raise InputError(f"{path}: no samples")
    return GestLoaded(pd.DataFrame(rows, columns=ROW_COLUMNS))


def _parse(record: list[str], index: int, line: int) -> tuple[dict, str]:
    if len(record) != len(HEADER):
        return {}, f"expected {len(HEADER)} fields, got {len(record)}"
    sentence, sid = record
    if not sentence.strip() or sentence != sentence.strip():
        return {}, f"empty sentence or outer whitespace: {sentence!r}"
    if not sid.isdigit() or int(sid) not in STEREOTYPES:
        return {}, f"stereotype {sid!r} is not an id 1-16"
    stereotype = int(sid)
    return {"sample": index, "sentence": sentence, "stereotype": stereotype,
            "name": STEREOTYPES[stereotype], "about": about(stereotype), "line": line,
            "excluded": ""}, ""  # fmt: skip


def _duplicates(path: Path, by_sentence: dict[str, list[dict]]) -> list[str]:
    """Flag the known duplicates in place; the unknown ones as error messages."""
    known = {tuple(p) for p in KNOWN_DUPLICATES.get(path.name, ())}
    errors = []
    for same in by_sentence.values():
        if len(same) < 2:
            continue
        lines = tuple(r["line"] for r in same)
        if lines not in known:
            ids = ", ".join(f"line {r['line']} (stereotype {r['stereotype']})" for r in same)
            errors.append(f"{path}:{lines[1]}: the sentence is repeated: {ids}")
            continue
        a, b = same
        if a["stereotype"] != b["stereotype"]:
            why = (
                f"duplicate sentence filed under two stereotypes (line {a['line']}: "
                f"{a['stereotype']}, line {b['line']}: {b['stereotype']}); label ambiguous"
            )
            a["excluded"] = b["excluded"] = why
        else:
            b["excluded"] = f"repeats line {a['line']} (same sentence and stereotype)"
    return errors


def load_gest_predictions(path: str | Path, *, n_rows: int) -> list[float]:
    """One published prediction file: one float per GEST row (``n_rows`` lines, no header); a
    line that is not a finite number, or a wrong line count, is an InputError (``file:line``)."""
    path = Path(path)
    with utf8_errors(path):
        lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != n_rows:
        raise InputError(f"{path}: {len(lines)} lines, expected one per GEST row ({n_rows})")
    values, errors = [], []
    for i, text in enumerate(lines, start=1):
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            errors.append(f"{path}:{i}: {text!r} is not a finite number")
        values.append(value)
    raise_bad_rows(path, errors)
    return values
