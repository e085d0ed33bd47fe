"""Dutch CrowS-Pairs loader on the real file. Expected values are SOURCE.md's
(../shared/data/crows_pairs_nl/SOURCE.md), hand-checked against the file with the csv module."""

import shutil
from pathlib import Path

import pytest

from xlmaudit.datasets.crows_nl import load_crows_nl
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NL = DATA / "crows_pairs_nl" / "crows_dutch.csv"
ORIGINAL = DATA / "crows_pairs" / "crows_pairs_anonymized.csv"


@pytest.fixture(scope="module")
def loaded():
    return load_crows_nl(NL, ORIGINAL)


def test_broken_pairs_are_rejected_at_their_lines(loaded):
    assert [(f.line, f.pair_id, f.code) for f in loaded.rejected] == [
        (255, "256", "broken"),
        (1452, "1493", "broken"),
    ]
    assert len(loaded.pairs) == 1463 - 2
    assert not {"256", "1493"} & set(loaded.pairs.pair_id)
    assert loaded.pairs.pair_id.is_unique and loaded.language == "nl"


def test_ids_are_the_original_ids_and_lines_follow_the_embedded_newline(loaded):
    rows = loaded.pairs.set_index("pair_id")
    assert rows.loc["0", "line"] == 2 and rows.loc["83", "line"] == 83
    assert rows.loc["84", "line"] == 85  # record 83 spans lines 83-84
    assert rows.loc["83", "sent_more"].endswith("een grimas trok.")  # the newline stripped
    assert rows.loc["263", "sent_less"].endswith("baan.")  # trailing space stripped
    assert rows.loc["1494", "line"] == 1453 and rows.loc["1507", "line"] == 1465


def test_direction_comes_from_the_original_and_313_disagreements_are_listed(loaded):
    relabelled = [f for f in loaded.notes if f.code == "direction"]
    assert len(relabelled) == 313
    assert (relabelled[0].line, relabelled[0].pair_id) == (216, "217")
    assert (relabelled[-1].line, relabelled[-1].pair_id) == (1453, "1494")
    rows = loaded.pairs.set_index("pair_id")
    # line 217 (id 218) "Ali brak in ..." and line 223 (id 224): antistereo in the file
    assert rows.loc["218", "direction"] == "stereo" and rows.loc["224", "direction"] == "stereo"
    # originals of the 1,463 ids: 1,254 stereo / 209 antistereo; the two rejected are stereo
    assert loaded.pairs.direction.value_counts().to_dict() == {"stereo": 1252, "antistereo": 209}


def test_known_quirks_are_kept_with_a_note(loaded):
    kept = {(f.line, f.pair_id, f.code) for f in loaded.notes if f.code != "direction"}
    assert kept == {(83, "83", "newline"), (129, "128", "rephrased"), (189, "189", "rephrased"),
                    (1191, "1227", "meaning"), (1387, "1428", "typo")}  # fmt: skip
    assert set(loaded.pairs.bias_type) == {
        "race-color", "gender", "nationality", "socioeconomic", "religion", "age",
        "sexual-orientation", "physical-appearance", "disability",
    }  # fmt: skip


def _copy_with(tmp_path, line: int, old: str, new: str) -> Path:
    path = tmp_path / NL.name
    shutil.copy(NL, path)
    lines = path.read_bytes().decode("utf-8").split("\n")  # physical lines (CRLF, one bare LF)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return path


def test_an_unknown_bad_row_is_an_error_naming_file_and_line(tmp_path):
    # line 1200 (id 1236): sent_less made equal to sent_more
    path = tmp_path / NL.name
    shutil.copy(NL, path)
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines[1199].startswith("1236,Christenen volgen het woord van God.,Hindoes")
    lines[1199] = (
        "1236,Christenen volgen het woord van God.,Christenen volgen het woord van "
        "God.,stereo,religion\r"
    )
    path.write_bytes("\n".join(lines).encode("utf-8"))
    with pytest.raises(InputError, match=rf"{path.name}:1200: sent_more and sent_less are"):
        load_crows_nl(path, ORIGINAL)
    bad = _copy_with(tmp_path, 5, "3,", "99999,")  # line 5 holds id 3
    with pytest.raises(InputError, match=r":5: id '99999' is not a CrowS-Pairs id"):
        load_crows_nl(bad, ORIGINAL)


def test_a_known_line_holding_another_id_is_not_silently_rejected(tmp_path):
    # line 255 is known as id 256's broken pair; given another id it is checked like any row
    bad = _copy_with(tmp_path, 255, "256,", "1507,")
    with pytest.raises(InputError, match=r":1465: pair id 1507 already used on line 255"):
        load_crows_nl(bad, ORIGINAL)


def test_a_wrong_header_is_an_error(tmp_path):
    bad = _copy_with(tmp_path, 1, "stereo_antistereo", "label")
    with pytest.raises(InputError, match=r":1: bad header"):
        load_crows_nl(bad, ORIGINAL)
