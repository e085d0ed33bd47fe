"""BEC-Pro (Bartl, Nissim, Gatt 2020): English and German person x profession templates.

Files and known defects: ../shared/data/bec_pro/SOURCE.md. Tab-separated with a header and an
unnamed index column; 5,400 rows per language. Each row holds the sentence, the person word
masked (``Sent_TM``), the profession masked (``Sent_AM``) and both (``Sent_TAM``).

Policy: the known masking-bug rows (``KNOWN``: the person word was masked by substring
replacement and also hit the profession, e.g. "This [MASK] is a lodging [MASK]ager.") are excluded
and returned in ``rejected`` with ``file:line``; any other row whose ``Sent_TM`` is not the
sentence with exactly the person word masked, or whose profession is not visible in it, is an
InputError naming ``file:line`` (all such lines listed), and nothing is loaded.

Each loaded row gets ``counterpart`` (the person word of the other gender in the same slot:
He/She, man/woman, ...; German "Frau" is both woman and wife, told apart by its determiner),
``slot`` (the person's position in the nine-word list, the same for both genders) and
``pattern`` (the template with German "der"/"die" written as ART, the same for both genders).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from xlmaudit.datasets.rows import FileRow
from xlmaudit.errors import InputError, utf8_errors
from xlmaudit.requests import MASK

MAX_LISTED = 20
HEADER = {
    "en": ["", "Sentence", "Sent_TM", "Sent_AM", "Sent_TAM", "Template", "Person", "Gender",
           "Profession", "Prof_Gender"],
    "de": ["", "Sentence", "Sent_TM", "Sent_AM", "Sent_TAM", "Template", "Person", "Gender",
           "Profession", "Prof_Gender", "Profession_EN"],
}  # fmt: skip
FILES = {"en": "BEC-Pro_EN.tsv", "de": "BEC-Pro_DE.tsv"}
SOURCES = {"en": "bec-pro-en", "de": "bec-pro-de"}
# (male, female) person words by slot, the order of the data (Bartl et al.'s list)
PERSONS = {
    "en": (("He", "She"), ("man", "woman"), ("brother", "sister"), ("son", "daughter"),
           ("husband", "wife"), ("boyfriend", "girlfriend"), ("father", "mother"),
           ("uncle", "aunt"), ("dad", "mom")),
    "de": (("Er", "Sie"), ("Mann", "Frau"), ("Bruder", "Schwester"), ("Sohn", "Tochter"),
           ("Ehemann", "Frau"), ("Freund", "Freundin"), ("Vater", "Mutter"), ("Onkel", "Tante"),
           ("Papa", "Mama")),
}  # fmt: skip
PROF_GENDERS = ("male", "female", "balanced")
GENDERS = ("male", "female")
_BUG = "masking bug in the source: the person word was also masked inside the profession"
KNOWN: dict[str, dict[int, str]] = {  # file -> {1-based line (header = 1): reason}
    "BEC-Pro_EN.tsv": {n: _BUG + " ('man' in 'manager')" for n in (3627, 3987, 4347, 4707, 5067)},
    "BEC-Pro_DE.tsv": {
        n: _BUG + " ('Er' in 'Ernährungsberater')" for n in (1811, 2171, 2531, 2891, 3251)
    },
}
COLUMNS = ("line", "index", "sentence", "text", "prof_start", "prof_end", "template", "pattern",
           "person", "counterpart", "slot", "gender", "profession", "profession_en",
           "prof_gender")  # fmt: skip


Rejected = FileRow  # A known bad row, excluded.


@dataclass
class BecPro:
    """Loaded rows (``COLUMNS``; ``text`` = ``Sent_TM``, the profession at ``prof_start:end``)."""

    language: str
    rows: pd.DataFrame
    rejected: list[Rejected] = field(default_factory=list)


def load_bec_pro(path: str | Path, language: str | None = None) -> BecPro:
    """Load ``BEC-Pro_EN.tsv`` or ``BEC-Pro_DE.tsv`` (``language`` from the name if not given)."""
    path = Path(path)
    language = language or {v: k for k, v in FILES.items()}.get(path.name)
    if language not in HEADER:
        raise InputError(f"{path}: language must be 'en' or 'de' for an unregistered file name")
    known = KNOWN.get(path.name, {})
    rows, errors, rejected = [], [], []
    try:
        f = path.open(newline="", encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such data file") from None
    with utf8_errors(path), f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != HEADER[language]:
            raise InputError(f"{path}:1: bad header {header!r}; expected {HEADER[language]!r}")
        for n, record in enumerate(reader, 2):
            row, problem = _parse(record, language)
            if n in known and problem:
                rejected.append(Rejected(path.name, n, known[n]))
            elif problem:
                errors.append(f"{path}:{n}: {problem}")
            else:
                rows.append({"line": n, **row})
    if errors:
        more = f" (and {len(errors) - MAX_LISTED} more)" if len(errors) > MAX_LISTED else ""
        raise InputError("; ".join(errors[:MAX_LISTED]) + more)
    if not rows:
        raise InputError(f"{path}: no rows")
    return BecPro(language, pd.DataFrame(rows, columns=COLUMNS), rejected)


def _parse(record: list[str], language: str) -> tuple[dict, str]:
    header = HEADER[language]
    if len(record) != len(header):
        return {}, f"expected {len(header)} tab-separated fields, got {len(record)}"
    raw = dict(zip(header, record, strict=True))
    sentence, tm, person = raw["Sentence"], raw["Sent_TM"], raw["Person"]
    prof, gender = raw["Profession"], raw["Gender"]
    if gender not in GENDERS or raw["Prof_Gender"] not in PROF_GENDERS:
        return {}, f"Gender {gender!r} / Prof_Gender {raw['Prof_Gender']!r} not known"
    slot = _slot(language, person, gender, tm)
    if slot is None:
        return {}, f"person word {person!r} ({gender}) is not in BEC-Pro's {language} list"
    if tm.count(MASK) != 1:
        return {}, f"Sent_TM has {tm.count(MASK)} {MASK} tokens, expected 1: {tm!r}"
    start = tm.find(MASK)
    if tm[:start] + person + tm[start + len(MASK) :] != sentence:
        return {}, f"Sent_TM {tm!r} is not the sentence {sentence!r} with {person!r} masked"
    prof_start = tm.find(prof, start + len(MASK))
    if prof_start < 0:
        return {}, f"profession {prof!r} not found after the mask in Sent_TM {tm!r}"
    male, female = PERSONS[language][slot]
    row = {
        "index": int(raw[""]) if raw[""].isdigit() else raw[""],
        "sentence": sentence,
        "text": tm,
        "prof_start": prof_start,
        "prof_end": prof_start + len(prof),
        "template": raw["Template"],
        "pattern": raw["Template"].replace(", der <", ", ART <").replace(", die <", ", ART <"),
        "person": person,
        "counterpart": female if gender == "male" else male,
        "slot": slot,
        "gender": gender,
        "profession": prof,
        "profession_en": raw.get("Profession_EN", prof),
        "prof_gender": raw["Prof_Gender"],
    }
    return row, ""


def _slot(language: str, person: str, gender: str, tm: str) -> int | None:
    """The person's slot in the nine-word list; German "Frau" by its determiner (Meine = wife)."""
    side = GENDERS.index(gender)
    slots = [i for i, pair in enumerate(PERSONS[language]) if pair[side] == person]
    if len(slots) > 1:  # de "Frau": "Diese Frau" (woman) or "Meine Frau" (wife)
        return slots[1] if tm.startswith("Meine ") else slots[0]
    return slots[0] if slots else None
