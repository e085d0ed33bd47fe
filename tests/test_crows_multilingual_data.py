"""Issue 15 groundwork: French and revised-English CrowS-Pairs files, on the real shared copies.

Expected numbers are copied from ../shared/data/crows_pairs_multilingual/SOURCE.md, not from
the loader's KNOWN table, so a wrong table entry fails here.
"""

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from xlmaudit.cli import main
from xlmaudit.datasets.crows_multilingual import (
    EN_210,
    EN_1467,
    FR_210,
    FR_1467,
    load_crows_multilingual,
)
from xlmaudit.datasets.fetch import file_digests
from xlmaudit.datasets.sources import SOURCES
from xlmaudit.errors import InputError

DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "crows_pairs_multilingual"
HEADER = "\tsent_more\tsent_less\tstereo_antistereo\tbias_type\n"

# SOURCE.md "Files and counts": (pairs in the file, stereo, antistereo), before any exclusion.
COUNTS = {
    FR_210: (1677, 1466, 211),
    EN_210: (1677, 1466, 211),
    FR_1467: (1467, 1257, 210),
    EN_1467: (1467, 1257, 210),
}
# SOURCE.md "Data-quality problems" and "Alignment": (file, line, pair id, code).
BAD_ROWS = {
    (FR_210, 60, "59", "identical"),
    (FR_210, 374, "379", "identical"),
    (FR_210, 383, "388", "identical"),
    (FR_210, 130, "129", "empty"),
    (FR_1467, 374, "379", "identical"),
    (FR_1467, 130, "129", "empty"),
    (FR_1467, 404, "409", "bias_type"),  # Race-color
    (FR_1467, 839, "858", "bias_type"),  # Race-color
    (EN_1467, 404, "409", "bias_type"),  # Race-color
    (EN_1467, 1255, "1293", "bias_type"),  # bias_type "stereo"
}
# SOURCE.md "Provenance" table: git blob ids and sizes.
BLOBS = {
    FR_210: ("3fd27f02da70b9ae15d1bfcbc63ea82009d49472", 309085),
    EN_210: ("83e2f43dbe3ef69d2047ce154704b567217ae9f4", 267281),
    FR_1467: ("1c65aded962dedbbc1b3b58fe142ec7f2a899bd9", 282955),
    EN_1467: ("481c0be3894019dc65110f0888810577d2beecaf", 244066),
}
REMOVED = {7, 176, 211, 304, 318, 330, 340, 463, 498, 572, 586, 589, 643, 653, 694, 700, 774}
REMOVED |= {785, 812, 834, 849, 860, 866, 907, 912, 971, 1026, 1044, 1050, 1080, 1085, 1089}
REMOVED |= {1110, 1118, 1149, 1221, 1246, 1253, 1255, 1274, 1502}


def load(name):
    return load_crows_multilingual(DIR / name)


@pytest.mark.parametrize("name", list(COUNTS))
def test_row_counts_and_directions(name):
    got = load(name)
    n, stereo, anti = COUNTS[name]
    assert len(got.pairs) + len(got.rejected) == n
    assert got.language == ("fr" if "FR" in name else "en")
    assert set(got.pairs.language) == {got.language}
    # every rejected row is a stereo pair (ids 59, 129, 379, 388, 409, 858, 1293)
    assert got.pairs.direction.value_counts().to_dict() == {
        "stereo": stereo - len(got.rejected),
        "antistereo": anti,
    }


def test_bias_types_of_en_revised_210_match_source_table():
    pairs = load(EN_210).pairs  # nothing rejected here, so the SOURCE.md totals hold exactly
    assert dict(Counter(pairs.bias_type)) == {
        "race-color": 508,
        "gender": 320,
        "nationality": 216,
        "socioeconomic": 190,
        "religion": 111,
        "sexual-orientation": 93,
        "age": 91,
        "physical-appearance": 72,
        "disability": 65,
        "autre": 11,
    }
    fr = load(FR_210).pairs
    assert (fr.bias_type == "autre").sum() == 13
    assert set(fr[fr.bias_type == "autre"].pair_id.str[:2]) == {"LA"}  # autre only in LA rows


def test_fr_and_en_revised_share_ids():
    fr, en = load(FR_210), load(EN_210)
    fr_ids = {*fr.pairs.pair_id, *(r.pair_id for r in fr.rejected)}
    assert fr_ids == set(en.pairs.pair_id)
    original = {str(i) for i in range(1508)} - {str(i) for i in REMOVED}
    assert len(original) == 1467 and set(en.pairs.pair_id) == original | {
        f"LA{i}" for i in range(210)
    }
    assert list(en.pairs.pair_id[:3]) == ["0", "1", "2"] and en.pairs.pair_id.iloc[-1] == "LA209"
    both = fr.pairs.merge(en.pairs, on="pair_id", suffixes=("_fr", "_en"))
    assert len(both) == 1673
    assert (both.direction_fr == both.direction_en).all()
    assert (both.bias_type_fr != both.bias_type_en).sum() == 141  # revised "French perspective"
    assert set(load(FR_1467).pairs.pair_id) | {"129", "379", "409", "858"} == original
    assert set(load(EN_1467).pairs.pair_id) | {"409", "1293"} == original


def test_every_known_bad_row_is_rejected_at_its_line():
    found = set()
    for name in COUNTS:
        got = load(name)
        lines = (DIR / name).read_text(encoding="utf-8").split("\n")
        for r in got.rejected:
            assert r.file == name and r.where == f"{name}:{r.line}"
            assert lines[r.line - 1].startswith(f"{r.pair_id}\t")  # the stated line holds that id
            assert r.pair_id not in set(got.pairs.pair_id)
            found.add((r.file, r.line, r.pair_id, r.code))
    assert found == BAD_ROWS
    reasons = {(r.line, r.reason) for r in load(EN_1467).rejected}
    assert any(line == 1255 and "'stereo'" in why for line, why in reasons)
    assert any("identical" in r.reason for r in load(FR_210).rejected if r.line == 383)


def test_quote_rows_are_kept_and_noted():
    raw_en = load(EN_1467)  # raw quotes read literally: kept intact
    assert raw_en.pairs.set_index("line").sent_more[100].startswith('"Yes sir! Right away sir!" ')
    assert [n.where for n in raw_en.notes] == [f"{EN_1467}:100"]
    for name in (EN_210, FR_210):  # the +210 files lost those quotes; the pair itself is valid
        got = load(name)
        assert [(n.where, n.code) for n in got.notes] == [(f"{name}:100", "quotes")]
        assert '"' not in got.pairs.set_index("line").sent_more[100]


@pytest.mark.parametrize("name", list(BLOBS))
def test_checksums_match_source_md_and_data_list(name, capsys):
    blob, size = BLOBS[name]
    data = (DIR / name).read_bytes()
    assert hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest() == blob
    src = next(s for s in SOURCES.values() if s.relpath == f"crows_pairs_multilingual/{name}")
    assert (src.git_blob, src.n_bytes) == (blob, size) and len(data) == size
    assert file_digests(DIR / name) == {"sha256": src.sha256, "git_blob": blob}
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    assert src.name in out and src.sha256 in out and src.url in out


def write(tmp_path, body, name="mine.csv", header=HEADER):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def test_hand_made_bad_files_name_file_and_line(tmp_path):
    ok = "0\tLes A sont x.\tLes B sont x.\tstereo\tgender\n"
    assert len(load_crows_multilingual(write(tmp_path, ok), "fr").pairs) == 1
    with pytest.raises(InputError, match=r"mine\.csv:1: bad header"):
        load_crows_multilingual(write(tmp_path, ok, header=HEADER.replace("\t", ",")), "fr")
    body = ok + "1\tSame.\tSame.\tstereo\tgender\nLA2\tA\tB\tstereo\n3\tA\tB\tstereo\tgenre\n"
    with pytest.raises(InputError) as e:
        load_crows_multilingual(write(tmp_path, body), "fr")
    msg = str(e.value)
    assert "mine.csv:3: sent_more and sent_less are identical" in msg
    assert "mine.csv:4: expected 5 fields, got 4" in msg
    assert "mine.csv:5: bias_type 'genre'" in msg and "3 bad row(s)" in msg
    with pytest.raises(InputError, match=r"mine\.csv:3: unparseable line"):
        load_crows_multilingual(write(tmp_path, ok + '1\t"A" b\tB\tstereo\tgender\n'), "fr")
    with pytest.raises(InputError, match=r"mine\.csv:3: pair id 'x1'"):
        load_crows_multilingual(write(tmp_path, ok + "x1\tA\tB\tstereo\tgender\n"), "en")
    with pytest.raises(InputError, match="language must be 'fr' or 'en'"):
        load_crows_multilingual(write(tmp_path, ok))


def test_unknown_bad_row_in_a_published_file_name_is_an_error(tmp_path):
    lines = (DIR / FR_210).read_text(encoding="utf-8").split("\n")
    fields = lines[60].split("\t")  # line 61, id 60: a good pair; make it a bad one
    lines[60] = "\t".join([fields[0], fields[1], fields[1], *fields[3:]])
    copy = tmp_path / FR_210
    copy.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_crows_multilingual(copy)
    assert f"{FR_210}:61: sent_more and sent_less are identical" in str(e.value)
    assert "1 bad row(s)" in str(e.value)  # lines 60, 130, 374, 383 stay known rejections
