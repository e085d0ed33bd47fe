"""Shared sorting of rows for the id-aligned CrowS-Pairs translations (issue 25): Dutch
(:mod:`~xlmaudit.datasets.crows_nl`), the S_JSD gender subset in ten languages
(:mod:`~xlmaudit.datasets.crows_sjsd`) and Kaneko et al.'s Japanese and Russian gender pairs
(:mod:`~xlmaudit.datasets.crows_kaneko`).

Policy, as in :mod:`xlmaudit.datasets.crows_multilingual`: a known bad row (its file, line and
pair id as the folder's SOURCE.md lists it) is rejected and returned with its reason and
``file:line``; a known quirk that still forms a pair is kept and listed in ``notes``; any other
problem is an InputError naming ``file:line`` and nothing is loaded. Every cell is stripped of
leading and trailing whitespace (SOURCE.md: trailing spaces, one embedded newline).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from xlmaudit.datasets.crows import BIAS_TYPES, DIRECTIONS, load_crows_pairs, raise_bad_rows
from xlmaudit.datasets.crows_multilingual import COLUMNS, CrowsMultilingual, Flagged
from xlmaudit.errors import InputError, utf8_errors


@dataclass(frozen=True)
class Known:
    """A row SOURCE.md lists: rejected (``keep`` False) or kept with a note."""

    pair_id: str
    code: str  # broken | identical | rephrased | typo | newline | ...
    reason: str
    keep: bool = False


@dataclass
class Sorter:
    """Collects the rows of one file: kept pairs, rejected known bad rows, notes, errors."""

    path: Path
    language: str
    known: dict[int, Known]
    rows: list[dict] = field(default_factory=list)
    rejected: list[Flagged] = field(default_factory=list)
    notes: list[Flagged] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)

    def add(self, row: dict, line: int) -> None:
        """Check one parsed row (``pair_id``, ``sent_more``, ``sent_less``, ``direction``,
        ``bias_type``; cells stripped here) found at ``line`` and sort it."""
        row = {**row, "sent_more": row["sent_more"].strip(), "sent_less": row["sent_less"].strip(),
               "language": self.language, "line": line}  # fmt: skip
        problems = self._problems(row, line)
        entry = self.known.get(line)
        if entry is not None and entry.pair_id != row["pair_id"]:
            entry = None  # not the row SOURCE.md names: checked as any other
        flagged = entry and Flagged(entry.pair_id, self.path.name, line, entry.code,
                                    entry.reason, row)  # fmt: skip
        if entry and not entry.keep and {c for c, _ in problems} <= {entry.code}:
            self.rejected.append(flagged)
        elif problems:
            self.errors.extend(f"{self.path}:{line}: {msg}" for _, msg in problems)
        else:
            if entry:
                self.notes.append(flagged)
            self.rows.append(row)

    def _problems(self, row: dict, line: int) -> list[tuple[str, str]]:
        problems = []
        pid = row["pair_id"]
        if pid in self.seen:
            problems.append(("id", f"pair id {pid} already used on line {self.seen[pid]}"))
        else:
            self.seen[pid] = line
        more, less = row["sent_more"], row["sent_less"]
        if not more or not less:
            problems.append(("empty", "empty sent_more or sent_less"))
        elif more == less:
            problems.append(("identical", "sent_more and sent_less are identical"))
        if row["direction"] not in DIRECTIONS:
            problems.append(("direction", f"direction {row['direction']!r} not in {DIRECTIONS}"))
        if row["bias_type"] not in BIAS_TYPES:
            problems.append(("bias_type", f"bias_type {row['bias_type']!r} not a CrowS type"))
        return problems

    def result(self) -> CrowsMultilingual:
        """The loaded file; an InputError listing every unknown bad row first."""
        raise_bad_rows(self.path, self.errors)
        if not self.rows:
            raise InputError(f"{self.path}: no pairs")
        frame = pd.DataFrame(self.rows, columns=COLUMNS)
        return CrowsMultilingual(frame, self.language, self.rejected, self.notes)


def original_rows(path: str | Path) -> dict[str, dict]:
    """The original CrowS-Pairs (``crows_pairs_anonymized.csv``) by pair id (a string): each
    row's ``direction`` and ``bias_type``; the English loader's checks apply."""
    pairs = load_crows_pairs(path)
    return {str(r.pair_id): {"direction": r.direction, "bias_type": r.bias_type}
            for r in pairs.itertuples(index=False)}  # fmt: skip


def csv_records(path: Path):
    """``(line, record)`` for each CSV record after the header (line: where it starts), with
    the header first as ``(1, header)``; an unparseable file is an InputError at its line."""
    with utf8_errors(path), path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f, strict=True)
        try:
            start = 1
            for record in reader:
                yield start, record
                start = reader.line_num + 1
        except csv.Error as e:
            raise InputError(f"{path}:{reader.line_num}: unparseable line ({e})") from None


def header_rows(path: Path, header: list[str], sorter: Sorter):
    """``(line, row)`` for each record of a CSV with ``header`` (row: header -> field): a wrong
    header is an InputError at line 1; a record with the wrong number of fields is an error
    collected by ``sorter`` at its line (and skipped)."""
    for line, record in csv_records(path):
        if line == 1:
            if record != header:
                raise InputError(f"{path}:1: bad header {record!r}; expected {header!r}")
            continue
        if len(record) != len(header):
            sorter.errors.append(f"{path}:{line}: expected {len(header)} fields, "
                                 f"got {len(record)}")  # fmt: skip
            continue
        yield line, dict(zip(header, record, strict=True))
