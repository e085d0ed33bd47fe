"""Zhao et al. (2020) gendered word and occupation lists for French, German and Spanish.

Files and known defects: ../shared/data/multilingual_bias_zhao2020/SOURCE.md. Each language has a
``xx_male_def_occ`` and an ``xx_female_def_occ`` file, parallel line by line, ``english<TAB>word``
(stray runs of tabs and empty fields occur: they are dropped, and the line is listed in
``notes``); lines 1-137 are gender-definitional nouns, lines 138-257 occupations. Plus
``xx_gender_pairs.json``: nine ``[female, male]`` seed pairs.

Policy: a known bad row (``KNOWN``: wrong language, wrong gender, not a person noun; by file and
1-based line) is excluded and returned in ``rejected`` with ``file:line`` and its reason; a row
whose two forms are identical (fr ``journaliste``) cannot contrast the forms and is returned in
``same_form``. Anything else that is malformed (field count, the English words of an occupation
row differing between the files, different line counts) is an InputError naming ``file:line``.
German forms are written with a capital first letter (German nouns; the files mix cases, and a
case difference between the two forms would confound their comparison); multi-word forms use a
space for the files' ``_``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from xlmaudit.datasets.rows import FileRow
from xlmaudit.errors import InputError, read_utf8

LANGUAGES = ("fr", "de", "es")
FIRST_OCCUPATION_LINE = 138  # lines 138-257 are occupations, 1-137 definitional nouns
N_LINES = 257
COLUMNS = ("line", "english", "english_female", "masculine", "feminine", "noun_type")

_ES = "a Spanish word in the {} list (copied from the Spanish file)"
_MALE_FORM = "the 'masculine' entry is the feminine form"
# (language, "male"|"female") -> {line: reason}; the rows SOURCE.md lists and those found in the
# occupation rows when this loader was written (checked by tests on the real files).
KNOWN: dict[tuple[str, str], dict[int, str]] = {
    ("de", "male"): {
        3: "wrong translation: wizards -> assistenten",
        28: _ES.format("German") + ": andrology -> andrología",
        66: _ES.format("German") + ": fiances -> prometidos",
        213: "plural form: dentist -> zahnärzte",
    },
    ("de", "female"): {
        82: "untranslated: sistren -> Sistren",
        161: "not a person noun: butcher -> Fleischerei (a butcher's shop)",
        200: "not a person noun: broadcaster -> Sendeanstalt (a broadcasting company)",
        240: "not a person noun: promoter -> Bauherrschaft",
    },
    ("fr", "male"): {
        23: "wrong translation: househusbands -> hommes",
        28: _ES.format("French") + ": andrology -> andrología",
        66: _ES.format("French") + ": fiances -> prometidos",
        191: "not French: administrator -> administrator",
        192: "German, not French: adventurer -> abenteurer",
        207: _MALE_FORM + ": composer -> compositrice (the female file has compositeur)",
    },
    ("fr", "female"): {
        179: "not the feminine form: sailor -> matelot (masculine; the male file has marin)",
        191: "German, not French: administrator -> administratoren",
        207: "the 'feminine' entry is the masculine form: composer -> compositeur",
    },
    ("es", "male"): {
        178: "not Spanish: president -> president",
        247: _MALE_FORM + ": senator -> senadora",
    },
    ("es", "female"): {},
}


ZhaoRow = FileRow  # A rejected or noted line of one file.


@dataclass
class ZhaoLists:
    """One language's usable rows (``COLUMNS``), seed pairs, and every row left out or noted."""

    language: str
    rows: pd.DataFrame
    pairs: list[tuple[str, str]]  # [female, male] seed words, the file's order
    rejected: list[ZhaoRow] = field(default_factory=list)  # known bad rows, excluded
    same_form: list[ZhaoRow] = field(default_factory=list)  # identical forms, excluded
    notes: list[ZhaoRow] = field(default_factory=list)  # kept, with a repaired quirk
    files: dict[str, Path] = field(default_factory=dict)


def file_names(language: str) -> dict[str, str]:
    """The data source name -> file name of ``language``'s three files."""
    return {
        f"zhao2020-{language}-{part.replace('_', '-')}": f"{language}_{part}"
        for part in ("male_def_occ", "female_def_occ")
    } | {f"zhao2020-{language}-gender-pairs": f"{language}_gender_pairs.json"}


def load_zhao_lists(folder: str | Path, language: str) -> ZhaoLists:
    """Load ``folder``/``<language>_{male,female}_def_occ`` and ``<language>_gender_pairs.json``."""
    if language not in LANGUAGES:
        raise InputError(f"Zhao et al. lists: language {language!r} not one of {LANGUAGES}")
    folder = Path(folder)
    paths = {g: folder / f"{language}_{g}_def_occ" for g in ("male", "female")}
    out = ZhaoLists(language, pd.DataFrame(columns=COLUMNS), [], files=dict(paths))
    lines = {g: _read_lines(p, out.notes) for g, p in paths.items()}
    if len(lines["male"]) != len(lines["female"]):
        raise InputError(
            f"{paths['female']}:{len(lines['female'])}: {len(lines['female'])} entries but "
            f"{paths['male']} has {len(lines['male'])} (the files are parallel line by line)"
        )
    rows = []
    for (n, (en_m, masc)), (_, (en_f, fem)) in zip(
        enumerate(lines["male"], 1), enumerate(lines["female"], 1), strict=True
    ):
        noun_type = "occupation" if n >= FIRST_OCCUPATION_LINE else "definitional"
        if noun_type == "occupation" and en_m != en_f and (en_m, en_f) != ("postman", "postwoman"):
            raise InputError(
                f"{paths['female']}:{n}: occupation {en_f!r} but {paths['male'].name} line {n} "
                f"has {en_m!r} (the English word must be the same in both files)"
            )
        bad = [
            (g, KNOWN[(language, g)][n]) for g in ("male", "female") if n in KNOWN[(language, g)]
        ]
        if bad:
            out.rejected += [ZhaoRow(paths[g].name, n, why) for g, why in bad]
            continue
        masc, fem = _form(masc, language), _form(fem, language)
        if masc.lower() == fem.lower():
            out.same_form.append(ZhaoRow(paths["female"].name, n, f"one form for both: {fem}"))
            continue
        rows.append((n, en_m, en_f, masc, fem, noun_type))
    out.rows = pd.DataFrame(rows, columns=COLUMNS)
    out.pairs = load_gender_pairs(folder / f"{language}_gender_pairs.json", out.notes)
    out.files["pairs"] = folder / f"{language}_gender_pairs.json"
    return out


def _read_lines(path: Path, notes: list[ZhaoRow]) -> list[tuple[str, str]]:
    """(english, word) per line; runs of tabs split once and empty fields dropped (noted)."""
    if not path.is_file():
        raise InputError(f"{path}: no such data file")
    text = read_utf8(path)
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        fields = [f.strip() for f in line.split("\t") if f.strip()]
        if len(fields) != 2:
            raise InputError(
                f"{path}:{n}: expected 'english<TAB>word', got {len(fields)} non-empty fields "
                f"in {line!r}"
            )
        if len(line.split("\t")) != 2:
            notes.append(ZhaoRow(path.name, n, "stray tabs / empty fields dropped"))
        out.append((fields[0], fields[1]))
    if len(out) != N_LINES:
        raise InputError(f"{path}:{len(out)}: {len(out)} entries, expected {N_LINES}")
    return out


def _form(word: str, language: str) -> str:
    word = word.replace("_", " ")
    return word[:1].upper() + word[1:] if language == "de" else word


# fr_gender_pairs.json writes "pére" for "père" (SOURCE.md); repaired and noted
_PAIR_FIXES = {"pére": "père"}


def load_gender_pairs(path: Path, notes: list[ZhaoRow]) -> list[tuple[str, str]]:
    """The ``[female, male]`` seed pairs of a ``xx_gender_pairs.json`` file."""
    if not path.is_file():
        raise InputError(f"{path}: no such data file")
    text = read_utf8(path)
    try:
        data = json.loads(text)
    except ValueError as e:
        raise InputError(f"{path}: not valid JSON ({e})") from None
    if not isinstance(data, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p) for p in data
    ):
        raise InputError(f"{path}: expected a JSON list of [female, male] word pairs")
    pairs = []
    for fem, masc in data:
        fixed = tuple(_PAIR_FIXES.get(w, w) for w in (fem, masc))
        if fixed != (fem, masc):
            line = _json_line(path, masc if fixed[1] != masc else fem)
            why = f"{fem}/{masc} read as {fixed[0]}/{fixed[1]}"
            notes.append(ZhaoRow(path.name, line, why))
        pairs.append((fixed[0], fixed[1]))
    return pairs


def _json_line(path: Path, word: str) -> int:
    """1-based line of ``word``'s first occurrence in the JSON file (escaped or not)."""
    spelled = (json.dumps(word), json.dumps(word, ensure_ascii=False))
    for n, line in enumerate(read_utf8(path).splitlines(), 1):
        if any(s in line for s in spelled):
            return n
    return 1
