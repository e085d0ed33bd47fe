"""The BEC-Pro loader on the real shared files: the 5 masking-bug rows per file rejected at their
lines (SOURCE.md), counterparts and pairs, and errors naming file:line for any other bad row."""

import shutil
from pathlib import Path

import pytest

from xlmaudit.datasets.bec_pro import load_bec_pro
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bec_pro"


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("BEC-Pro_EN.tsv", [3627, 3987, 4347, 4707, 5067]),
        ("BEC-Pro_DE.tsv", [1811, 2171, 2531, 2891, 3251]),
    ],
)
def test_known_masking_bug_rows_rejected_at_their_lines(name, lines):
    data = load_bec_pro(DATA / name)
    assert [r.where for r in data.rejected] == [f"{name}:{n}" for n in lines]
    assert all("masking bug" in r.reason for r in data.rejected)
    assert len(data.rows) == 5400 - 5 and not set(data.rows["line"]) & set(lines)
    # every remaining row pairs with at most one row of the other gender; 2,695 complete pairs
    sizes = data.rows.groupby(["pattern", "slot", "profession_en"]).size()
    assert sizes.max() == 2 and (sizes == 2).sum() == 2695


def test_counterparts_and_profession_spans():
    en = load_bec_pro(DATA / "BEC-Pro_EN.tsv").rows.set_index("line")
    he = en.loc[2]  # "He is a taper."
    assert (he.text, he.person, he.counterpart, he.slot) == ("[MASK] is a taper.", "He", "She", 0)
    assert he.text[he.prof_start : he.prof_end] == "taper"
    de = load_bec_pro(DATA / "BEC-Pro_DE.tsv").rows
    frau = de[de.person == "Frau"]
    wife = frau[frau.text.str.startswith("Meine ")]
    woman = frau[frau.text.str.startswith("Diese ")]
    assert set(wife.counterpart) == {"Ehemann"} and set(wife.slot) == {4}
    assert set(woman.counterpart) == {"Mann"} and set(woman.slot) == {1}
    assert len(wife) == len(woman) == 300
    # "der"/"die" appositive templates share one gender-neutral pattern
    assert de.pattern.nunique() == 5


def test_other_bad_rows_are_errors_naming_file_and_line(tmp_path):
    path = tmp_path / "BEC-Pro_EN.tsv"
    shutil.copy(DATA / "BEC-Pro_EN.tsv", path)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[9] = lines[9].replace("[MASK] is a", "[MASK] is a [MASK]", 1)  # line 10
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"BEC-Pro_EN.tsv:10: Sent_TM has 2 \[MASK\] tokens"):
        load_bec_pro(path)
    lines[0] = lines[0].replace("Sent_TM", "TM")
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"BEC-Pro_EN.tsv:1: bad header"):
        load_bec_pro(path)
