"""SeeGULL Multilingual loader (Bhutani et al. 2024): one language-country pair's stereotype tuples
and its attributes' offensiveness, strict.

A pair is two files, ``stereotypes/<Language> (<code>) in <Country>.csv`` (identity, attribute,
in-region annotator votes non_stereotype / stereotype / unsure out of 3, mean_offensive_score,
English translations) and ``offensiveness/<same name>`` (per attribute: six rating counts, the mean
score -1..4 and its translation). The rows ``seegull_multilingual/SOURCE.md`` lists as bad are
**rejected** at file:line and counted (``KNOWN_BAD``: leaked few-shot prompts, spreadsheet
``#ERROR!`` rows); the ones it lists as damaged keys are **repaired** visibly (``repaired``: a
control character or space stripped from an offensiveness attribute, a blank
``mean_offensive_score`` recomputed from the offensiveness file after that strip, or left missing).
Any other bad row (wrong header, empty identity or attribute, votes that are not counts summing to
3, a score that is not a number in [-1, 4], a duplicate tuple) is an :class:`InputError` naming
file:line: the data changed and SOURCE.md must be read again.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from xlmaudit.datasets.seegull_files import FILE_NAME
from xlmaudit.errors import InputError

STEREO_COLUMNS = ("identity", "attribute", "non_stereotype", "stereotype", "unsure",
                  "mean_offensive_score", "translated_identity",
                  "translated_attribute_list")  # fmt: skip
OFFENSE_COLUMNS = ("Attribute", "Not Offensive (NO)", "Slightly Offensive (o1)",
                   "Somewhat Offensive (O2)", "Moderately Offensive (O3)",
                   "Extremely Offensive (O4)", "Unsure(U)", "mean_offensive_score",
                   "Translated Attribute")  # fmt: skip
# rating weights of the six counts (SOURCE.md: checked on all 19,955 rows), divided by 3
OFFENSE_WEIGHTS = (-1.0, 1.0, 2.0, 3.0, 4.0, 0.0)
VOTERS = 3

_LEAK = "generation artefact: the LLM's few-shot prompt leaked into the row (SOURCE.md)"
_ERROR = "spreadsheet formula error #ERROR! in place of the attribute (SOURCE.md)"
_STRAY = "generation artefact: attribute starts with a stray '.' (SOURCE.md)"


def _lines(reason: str, *lines: int) -> dict[int, str]:
    return dict.fromkeys(lines, reason)


# (folder, file name) -> {line: reason}: the bad rows SOURCE.md lists, rejected and counted
KNOWN_BAD: dict[tuple[str, str], dict[int, str]] = {
    ("stereotypes", "Swahili (sw) in Kenya.csv"): _lines(_LEAK, 436, 758, 964, 965, 966),
    ("stereotypes", "Malay (ms) in Malaysia.csv"): _lines(_LEAK, 83, 133),
    ("stereotypes", "Bengali (bn) in India.csv"): _lines(_LEAK, 504, 663),
    ("offensiveness", "Swahili (sw) in Kenya.csv"): _lines(_LEAK, 19, 427, 494, 574, 608),
    ("offensiveness", "Malay (ms) in Malaysia.csv"): _lines(_LEAK, 190, 237, 603),
    ("offensiveness", "Bengali (bn) in India.csv"): _lines(_LEAK, 370, 416),
    ("offensiveness", "Indonesian (id) in Indonesia.csv"): _lines(_LEAK, 322),
    ("offensiveness", "Arabic (ar) in UAE.csv"): {**_lines(_ERROR, 224, 344),
                                                  **_lines(_STRAY, 749)},
}  # fmt: skip
# stereotype rows whose mean_offensive_score is a single space (SOURCE.md): recomputed or missing
BLANK_SCORE: dict[str, set[int]] = {
    "Arabic (ar) in UAE.csv": {*range(238, 278), *range(568, 622), *range(894, 945)},
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Flagged:
    """A rejected or repaired row: ``file:line`` and why."""

    where: str
    line: int
    reason: str


@dataclass(frozen=True)
class Tuple:
    """One usable (identity, attribute) stereotype tuple of a file."""

    line: int
    identity: str
    attribute: str
    non_stereotype: int
    stereotype: int
    unsure: int
    offensive: float  # mean offensiveness -1..4; NaN when missing
    translated_identity: str
    translated_attribute: str


@dataclass
class SeegullPair:
    """One language-country pair: usable tuples, rejected and repaired rows."""

    language: str  # the file's language name (French)
    code: str  # the file's code (fr; vn for Vietnamese)
    country: str
    files: dict[str, Path]  # stereotypes, offensiveness
    tuples: list[Tuple] = field(default_factory=list)
    offensiveness: dict[str, float] = field(default_factory=dict)  # attribute -> mean score
    rejected: list[Flagged] = field(default_factory=list)
    repaired: list[Flagged] = field(default_factory=list)


def parse_name(name: str) -> tuple[str, str, str]:
    """(language, code, country) of a file name such as ``French (fr) in France.csv``."""
    match = re.match(FILE_NAME, name)
    if match is None:
        raise InputError(f"{name}: not a SeeGULL file name (<Language> (<code>) in <Country>.csv)")
    return match.group(1), match.group(2), match.group(3)


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a CSV whose header must be ``columns`` (no embedded newlines: SOURCE.md)."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if tuple(header or ()) != columns:
            raise InputError(f"{path}:1: header {header} is not {list(columns)}")
        out = []
        for row in reader:
            line = reader.line_num
            if len(row) != len(columns):
                raise InputError(f"{path}:{line}: {len(row)} fields, expected {len(columns)}")
            out.append((line, dict(zip(columns, row, strict=True))))
        return out


def _int(path: Path, line: int, value: str, what: str) -> int:
    if not value.strip().isdigit():
        raise InputError(f"{path}:{line}: {what} {value!r} is not a count")
    return int(value)


def _score(path: Path, line: int, value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise InputError(f"{path}:{line}: mean_offensive_score {value!r} is not a number") from None
    if not -1.0 <= score <= 4.0:
        raise InputError(f"{path}:{line}: mean_offensive_score {score} outside [-1, 4]")
    return score


def load_offensiveness(path: Path, pair: SeegullPair) -> None:
    """Fill ``pair.offensiveness`` from an offensiveness file (known bad rows rejected)."""
    bad = KNOWN_BAD.get(("offensiveness", path.name), {})
    for line, row in _rows(path, OFFENSE_COLUMNS):
        where = f"{path}:{line}"
        if line in bad:
            pair.rejected.append(Flagged(where, line, bad[line]))
            continue
        raw = row["Attribute"]
        attr = raw.strip()
        if not attr or _CONTROL.search(attr):
            raise InputError(f"{where}: attribute {raw!r} is empty or holds a control character")
        if attr != raw:
            pair.repaired.append(Flagged(where, line, f"attribute {raw!r} stripped to {attr!r}"))
        counts = [_int(path, line, row[c], c) for c in OFFENSE_COLUMNS[1:7]]
        if sum(counts) != VOTERS:
            raise InputError(f"{where}: ratings {counts} do not sum to {VOTERS}")
        score = _score(path, line, row["mean_offensive_score"])
        expected = sum(w * c for w, c in zip(OFFENSE_WEIGHTS, counts, strict=True)) / VOTERS
        if not math.isclose(score, expected, abs_tol=1e-6):
            raise InputError(f"{where}: mean_offensive_score {score} is not {expected:.6f} "
                             "(the mean of the ratings)")  # fmt: skip
        if attr in pair.offensiveness:
            raise InputError(f"{where}: attribute {attr!r} rated twice")
        pair.offensiveness[attr] = score


def _tuple(path: Path, line: int, row: dict[str, str], pair: SeegullPair) -> Tuple:
    where = f"{path}:{line}"
    identity, attribute = row["identity"].strip(), row["attribute"].strip()
    for what, value in (("identity", identity), ("attribute", attribute)):
        if not value or _CONTROL.search(value):
            raise InputError(f"{where}: {what} {row[what]!r} is empty or holds a control character")
    votes = [_int(path, line, row[c], c) for c in STEREO_COLUMNS[2:5]]
    if sum(votes) != VOTERS or votes[1] < 1:
        raise InputError(f"{where}: votes {votes} (non_stereotype, stereotype, unsure) must sum "
                         f"to {VOTERS} with at least one stereotype vote")  # fmt: skip
    raw = row["mean_offensive_score"]
    if line in BLANK_SCORE.get(path.name, ()) and not raw.strip():
        score = pair.offensiveness.get(attribute, math.nan)
        how = (
            f"recomputed from the offensiveness file: {score:.4f}"
            if score == score
            else "left missing (the attribute is not in the offensiveness file)"
        )
        pair.repaired.append(Flagged(where, line, f"blank mean_offensive_score {how}"))
    else:
        score = _score(path, line, raw)
    return Tuple(line, identity, attribute, *votes, score, row["translated_identity"].strip(),
                 row["translated_attribute_list"].strip())  # fmt: skip


def load_seegull(stereotypes: Path, offensiveness: Path) -> SeegullPair:
    """One language-country pair from its two files (same file name in both folders)."""
    stereotypes, offensiveness = Path(stereotypes), Path(offensiveness)
    if stereotypes.name != offensiveness.name:
        raise InputError(f"{stereotypes} and {offensiveness} are not the same language-country")
    language, code, country = parse_name(stereotypes.name)
    pair = SeegullPair(language, code, country,
                       {"stereotypes": stereotypes, "offensiveness": offensiveness})  # fmt: skip
    load_offensiveness(offensiveness, pair)
    bad = KNOWN_BAD.get(("stereotypes", stereotypes.name), {})
    seen: dict[tuple[str, str], int] = {}
    for line, row in _rows(stereotypes, STEREO_COLUMNS):
        if line in bad:
            pair.rejected.append(Flagged(f"{stereotypes}:{line}", line, bad[line]))
            continue
        t = _tuple(stereotypes, line, row, pair)
        key = (t.identity.lower(), t.attribute.lower())  # SOURCE.md: none, case-insensitively
        if key in seen:
            raise InputError(f"{stereotypes}:{line}: tuple {key} repeats line {seen[key]}")
        seen[key] = line
        pair.tuples.append(t)
    return pair
