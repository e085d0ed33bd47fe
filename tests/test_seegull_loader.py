"""SeeGULL Multilingual loader: the real files (bad rows SOURCE.md lists rejected at file:line and
counted, damaged keys repaired visibly) and small files written here (an unknown bad row is an
InputError naming file:line)."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from xlmaudit.datasets.seegull import (
    OFFENSE_COLUMNS,
    STEREO_COLUMNS,
    load_seegull,
    parse_name,
)
from xlmaudit.datasets.sources import SOURCES
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "seegull_multilingual"


def pair(name: str):
    return load_seegull(DATA / "stereotypes" / name, DATA / "offensiveness" / name)


def lines(flagged, folder: str) -> list[int]:
    return sorted(f.line for f in flagged if f"/{folder}/" in f.where)


def test_every_file_loads_and_only_the_listed_stereotype_rows_are_rejected():
    names = sorted(p.name for p in (DATA / "stereotypes").glob("*.csv"))
    assert len(names) == 23
    loaded = {n: pair(n) for n in names}
    # SOURCE.md: 25,861 tuples, of which the leaked-prompt rows of three files are rejected
    rejected = {n: lines(p.rejected, "stereotypes") for n, p in loaded.items()}
    assert {n: r for n, r in rejected.items() if r} == {
        "Swahili (sw) in Kenya.csv": [436, 758, 964, 965, 966],
        "Malay (ms) in Malaysia.csv": [83, 133],
        "Bengali (bn) in India.csv": [504, 663],
    }
    assert sum(len(p.tuples) for p in loaded.values()) == 25861 - 9
    assert sum(len(p.tuples) for p in loaded.values() if p.code == "fr") == 1238


def test_offensiveness_bad_rows_are_rejected_at_file_line():
    arabic = pair("Arabic (ar) in UAE.csv")
    # lines 224 and 344: `#ERROR!,3,0,0,0,0,0,-1,#ERROR!`; line 749: a stray "."
    assert lines(arabic.rejected, "offensiveness") == [224, 344, 749]
    assert "#ERROR!" not in arabic.offensiveness
    swahili = pair("Swahili (sw) in Kenya.csv")
    assert lines(swahili.rejected, "offensiveness") == [19, 427, 494, 574, 608]
    assert all("Swahili (sw) in Kenya.csv:" in f.where for f in swahili.rejected)


def test_arabic_keys_are_stripped_and_blank_scores_recomputed_visibly():
    arabic = pair("Arabic (ar) in UAE.csv")
    stripped = lines([f for f in arabic.repaired if "stripped" in f.reason], "offensiveness")
    # SOURCE.md: 100 form feeds, 3 U+001E (lines 100, 536, 723), 3 spaces (563, 566, 735)
    assert len(stripped) == 106 and {3, 4, 100, 536, 563, 723, 735} <= set(stripped)
    blank = lines([f for f in arabic.repaired if "blank" in f.reason], "stereotypes")
    assert blank == [*range(238, 278), *range(568, 622), *range(894, 945)]  # 145 rows
    # line 238's score is the offensiveness file's own mean for the stripped attribute
    with open(DATA / "stereotypes" / "Arabic (ar) in UAE.csv", encoding="utf-8", newline="") as f:
        attr = list(csv.DictReader(f))[238 - 2]["attribute"].strip()
    path = DATA / "offensiveness" / "Arabic (ar) in UAE.csv"
    with open(path, encoding="utf-8", newline="") as f:
        want = [float(r["mean_offensive_score"]) for r in csv.DictReader(f)
                if r["Attribute"].strip() == attr]  # fmt: skip
    (got,) = [t.offensive for t in arabic.tuples if t.line == 238]
    assert len(want) == 1 and got == want[0]
    # an attribute absent from the offensiveness file stays missing, never 0
    missing = [t for t in arabic.tuples if t.line in set(blank) and math.isnan(t.offensive)]
    assert missing and all(attr not in arabic.offensiveness for attr in
                           (t.attribute for t in missing))  # fmt: skip


def test_file_names_and_registered_checksums():
    assert parse_name("Vietnamese (vn) in Vietnam.csv") == ("Vietnamese", "vn", "Vietnam")
    src = SOURCES["seegull-stereotypes-fr-france"]
    assert src.relpath == "seegull_multilingual/stereotypes/French (fr) in France.csv"
    assert src.sha256 == "819ccc662935c599bff3050b6577f80af10ad1548bd22cc59c8681ed43d3faa8"
    assert src.license == "CC BY 4.0"
    assert sum(name.startswith("seegull-") for name in SOURCES) == 46


def write(folder: Path, stereo: list[list[object]], offense: list[list[object]]) -> Path:
    name = "French (fr) in France.csv"
    for part, header, rows in (("stereotypes", STEREO_COLUMNS, stereo),
                               ("offensiveness", OFFENSE_COLUMNS, offense)):  # fmt: skip
        (folder / part).mkdir(parents=True, exist_ok=True)
        with open(folder / part / name, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([header, *rows])
    return folder / "stereotypes" / name


GOOD = ["Afghans", "taliban", 1, 2, 0, 3.666666667, "Afghans", "Taliban"]
RATED = ["taliban", 0, 0, 0, 1, 2, 0, 3.666666667, "Taliban"]


@pytest.mark.parametrize(
    ("stereo", "offense", "message"),
    [
        ([GOOD, ["Irakiens", "", 1, 2, 0, 1, "Iraqis", ""]], [RATED], ":3: attribute"),
        ([GOOD, ["Irakiens", "x", 1, 1, 0, 1, "Iraqis", "x"]], [RATED], ":3: votes [1, 1, 0]"),
        ([GOOD, ["Irakiens", "x", 1, 2, 0, "n/a", "Iraqis", "x"]], [RATED], ":3: mean_offensive"),
        ([GOOD, ["afghans", "Taliban", 1, 2, 0, 1, "a", "t"]], [RATED], ":3: tuple"),
        ([GOOD], [RATED, ["x", 3, 0, 0, 0, 0, 0, 0.5, "x"]], ":3: mean_offensive_score 0.5"),
        ([GOOD], [["\x0ctaliban", 0, 0, 0, 1, 2, 0, 3.666666667, "T"], RATED], ":3: attribute"),
    ],
)
def test_an_unknown_bad_row_is_an_error_at_file_line(tmp_path, stereo, offense, message):
    path = write(tmp_path, stereo, offense)
    with pytest.raises(InputError, match="France.csv" + message.replace("[", r"\[")):
        load_seegull(path, tmp_path / "offensiveness" / path.name)


def test_a_clean_small_file_loads(tmp_path):
    path = write(tmp_path, [GOOD], [RATED])
    loaded = load_seegull(path, tmp_path / "offensiveness" / path.name)
    (t,) = loaded.tuples
    assert (t.identity, t.attribute, t.stereotype, t.offensive) == ("Afghans", "taliban", 2,
                                                                    3.666666667)  # fmt: skip
    assert loaded.rejected == loaded.repaired == []


def test_every_registered_file_is_the_copy_in_the_data_folder():
    from xlmaudit.datasets.fetch import file_digests

    for name, src in SOURCES.items():
        if name.startswith("seegull-"):
            got = file_digests(DATA.parent / src.relpath)
            assert (got["sha256"], got["git_blob"]) == (src.sha256, src.git_blob), name
            assert (DATA.parent / src.relpath).stat().st_size == src.n_bytes
