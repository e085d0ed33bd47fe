"""RuBia (Grigoreva et al. 2024): 2,221 Russian stereotype pairs written natively, tab-separated.

Files and known defects: ../shared/data/rubia/SOURCE.md. ``load_rubia`` returns the pairs in the
CrowS-Pairs multilingual frame (``crows_multilingual.COLUMNS``): ``sent_more`` = pro-trope,
``sent_less`` = anti-trope, ``direction`` always ``stereo``, ``bias_type`` = the domain (gender,
lgbtq, nationality, class), ``pair_id`` = ``rubia-<index>`` (the file's index column, prefixed
so that no RuBia pair shares an id with a CrowS-Pairs pair in a cross-language view), plus
``task_type`` (the subdomain).

Policy, as the multilingual CrowS loader: the known bad rows in ``KNOWN`` (the file line where
the record starts) are rejected and returned with their reason and ``file:line``; a cell whose
whitespace is repaired (an embedded line break, a double space) is kept and listed in
``notes``; the rows the authors leave out of their domain totals (the ``*_stereotype`` copies
of ``*_full`` rows, ``freeform_gendergap``) are not bad rows: they are left out and listed in
``left_out`` (code ``not_in_domain``), so no pair counts twice. Any other bad row, or a wrong
header, is an InputError naming ``file:line``; nothing is loaded.

``load_rubia_scored`` reads ``scored_data.tsv``, the authors' per-pair perplexities of 13 models.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from xlmaudit.datasets.crows import raise_bad_rows
from xlmaudit.datasets.crows_multilingual import COLUMNS, CrowsMultilingual, Flagged
from xlmaudit.errors import InputError, utf8_errors

HEADER = ["", "pro-trope", "anti-trope", "domain", "task_type"]
TASK_TYPES: dict[str, tuple[str, ...]] = {
    "class": ("freeform_full", "freeform_prof", "template_poor", "template_rich"),
    "gender": ("freeform_family_full", "freeform_family_stereotype", "freeform_full",
               "freeform_generic", "freeform_job", "freeform_prof_full",
               "freeform_prof_stereotype", "template_assoc", "template_hetpos"),
    "lgbtq": ("freeform_gendergap", "freeform_lgb", "freeform_repres", "freeform_transnb",
              "template_assoc"),
    "nationality": ("freeform_antisem", "freeform_enemy", "freeform_full", "freeform_immigrant",
                    "template_assoc"),
}  # fmt: skip
DOMAINS = tuple(TASK_TYPES)
# task types the authors' domain totals leave out (statistics.tsv; SOURCE.md)
NOT_IN_DOMAIN = {
    "freeform_family_stereotype": "a copy of a freeform_family_full row (same pair)",
    "freeform_prof_stereotype": "a copy of a freeform_prof_full row (same pair)",
    "freeform_gendergap": "left out of the lgbtq domain total by the authors",
}
RUBIA = "rubia.tsv"
# line where the record starts -> (index, problem code, reason)
KNOWN: dict[int, tuple[str, str, str]] = {
    1373: ("rubia-1370", "broken", "broken pair: pro-trope holds two sentences (split by a "
                                   "line break), anti-trope one; not a minimal pair"),
    2165: ("rubia-2161", "identical", "pro-trope and anti-trope are identical (no minimal "
                                      "difference)"),
}  # fmt: skip
EXTRA = ("task_type",)


@dataclass
class RubiaLoaded(CrowsMultilingual):
    """:class:`CrowsMultilingual` plus the valid rows left out of the domain totals."""

    left_out: list[Flagged] = field(default_factory=list)


def load_rubia(path: str | Path) -> RubiaLoaded:
    """Load ``rubia.tsv`` (see the module docstring); ``language`` is ``ru``."""
    path = Path(path)
    known = KNOWN if path.name == RUBIA else {}
    rows, errors, rejected, notes, left_out, seen = [], [], [], [], [], {}
    with utf8_errors(path), path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", strict=True)
        try:
            header = next(reader, None)
            if header != HEADER:
                raise InputError(f"{path}:1: bad header {header!r}; expected {HEADER!r}")
            start = reader.line_num + 1
            for record in reader:
                row, problems, repaired = _parse(record, seen, start)
                entry = known.get(start)
                codes = {code for code, _ in problems}
                if problems and entry and codes == {entry[1]} and row["pair_id"] == entry[0]:
                    rejected.append(Flagged(entry[0], path.name, start, entry[1], entry[2], row))
                elif problems:
                    errors.extend(f"{path}:{start}: {msg}" for _, msg in problems)
                elif row["task_type"] in NOT_IN_DOMAIN:
                    why = NOT_IN_DOMAIN[row["task_type"]]
                    flag = Flagged(row["pair_id"], path.name, start, "not_in_domain", why, row)
                    left_out.append(flag)
                else:
                    if repaired:
                        notes.append(Flagged(row["pair_id"], path.name, start, "whitespace",
                                             repaired))  # fmt: skip
                    rows.append(row)
                start = reader.line_num + 1
        except csv.Error as e:
            raise InputError(f"{path}:{reader.line_num}: unparseable line ({e})") from None
    raise_bad_rows(path, errors)
    if not rows:
        raise InputError(f"{path}: no pairs")
    pairs = pd.DataFrame(rows, columns=[*COLUMNS, *EXTRA])
    return RubiaLoaded(pairs, "ru", rejected, notes, left_out)


def _parse(record: list[str], seen: dict[str, int], line: int):
    """(row, [(code, message)], repair note) of one record."""
    if len(record) != len(HEADER):
        problem = ("fields", f"expected {len(HEADER)} fields, got {len(record)}")
        return {"pair_id": None}, [problem], ""
    index, pro, anti, domain, task = record
    problems: list[tuple[str, str]] = []
    if not index.isdigit():
        problems.append(("id", f"index {index!r} is not a non-negative integer"))
    elif index in seen:
        problems.append(("id", f"index {index} already used on line {seen[index]}"))
    else:
        seen[index] = line
    if domain not in TASK_TYPES:
        problems.append(("domain", f"domain {domain!r} not one of {', '.join(DOMAINS)}"))
    elif task not in TASK_TYPES[domain]:
        problems.append(("task_type", f"task_type {task!r} is not a {domain} task type"))
    more, less = " ".join(pro.split()), " ".join(anti.split())
    if not more or not less:
        problems.append(("empty", "empty pro-trope or anti-trope"))
    elif more == less:
        problems.append(("identical", "pro-trope and anti-trope are identical"))
    if ("\n" in pro or "\n" in anti) and _sentences(more) != _sentences(less):
        msg = "a line break splits one cell into more sentences than the other has"
        problems.append(("broken", msg))
    repaired = _repair_note(pro, anti)
    row = {"pair_id": f"rubia-{index}", "sent_more": more, "sent_less": less, "direction": "stereo",
           "bias_type": domain, "language": "ru", "line": line, "task_type": task}  # fmt: skip
    return row, problems, repaired


def _sentences(text: str) -> int:
    """Sentence-final marks in ``text`` (a final one is implied)."""
    return sum(text.rstrip(".!?").count(c) for c in ".!?") + 1


def _repair_note(pro: str, anti: str) -> str:
    """What whitespace normalisation changed in the two cells ("" when nothing)."""
    what = []
    for name, cell in (("pro-trope", pro), ("anti-trope", anti)):
        if "\n" in cell or "\r" in cell:
            what.append(f"line break in {name} replaced by a space")
        elif cell != " ".join(cell.split()):
            what.append(f"repeated or outer whitespace in {name} collapsed")
    return "; ".join(what)


SCORED = "scored_data.tsv"
SCORED_TEXT = ("pro-trope", "anti-trope", "domain", "task_type")


def load_rubia_scored(path: str | Path) -> pd.DataFrame:
    """``scored_data.tsv``: one row per scored pair, the 4 text columns then the 26 float
    columns ``ppl-pro-<model>`` / ``ppl-anti-<model>``, plus ``line``; a non-finite or
    unparseable number, or a wrong field count, is an InputError naming ``file:line``."""
    path = Path(path)
    rows, errors = [], []
    with utf8_errors(path), path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", strict=True)
        header = next(reader, None) or []
        numeric = header[len(SCORED_TEXT) :]
        if (
            tuple(header[: len(SCORED_TEXT)]) != SCORED_TEXT
            or not numeric
            or not all(c.startswith(("ppl-pro-", "ppl-anti-")) for c in numeric)
        ):
            raise InputError(f"{path}:1: bad header {header!r}")
        start = reader.line_num + 1
        for record in reader:
            row, problem = _scored_row(header, record)
            if problem:
                errors.append(f"{path}:{start}: {problem}")
            else:
                rows.append({**row, "line": start})
            start = reader.line_num + 1
    raise_bad_rows(path, errors)
    return pd.DataFrame(rows, columns=[*header, "line"])


def _scored_row(header: list[str], record: list[str]) -> tuple[dict, str]:
    if len(record) != len(header):
        return {}, f"expected {len(header)} fields, got {len(record)}"
    row: dict = dict(zip(header, record, strict=True))
    for col in header[len(SCORED_TEXT) :]:
        try:
            row[col] = float(row[col])
        except ValueError:
            return {}, f"{col} {row[col]!r} is not a number"
        if row[col] != row[col] or row[col] in (float("inf"), float("-inf")):
            return {}, f"{col} is not finite"
    return row, ""
