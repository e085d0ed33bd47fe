"""The Zhao et al. (2020) list loader on the real shared files: every known bad row rejected at
its file:line, one-form rows set apart, stray tabs repaired and noted, errors naming file:line."""

import shutil
from pathlib import Path

import pytest

from xlmaudit.datasets.zhao_occupations import load_zhao_lists
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FOLDER = DATA / "multilingual_bias_zhao2020" / "intrinsic"


def wheres(flagged):
    return {f.where for f in flagged}


def test_french_known_bad_rows_excluded_at_their_lines():
    z = load_zhao_lists(FOLDER, "fr")
    # SOURCE.md: Spanish words at line 28 and 66, line 23 househusbands -> hommes; found here:
    # 179 sailor -> matelot (masculine), 191/192 German or English, 207 composer swapped
    assert wheres(z.rejected) == {
        "fr_male_def_occ:23", "fr_male_def_occ:28", "fr_male_def_occ:66",
        "fr_female_def_occ:179", "fr_male_def_occ:191", "fr_female_def_occ:191",
        "fr_male_def_occ:192", "fr_male_def_occ:207", "fr_female_def_occ:207",
    }  # fmt: skip
    occ = z.rows[z.rows.noun_type == "occupation"]
    same_occ = [f for f in z.same_form if f.line >= 138]
    assert (len(occ), len(same_occ)) == (69, 47)  # + 4 rejected occupation rows = 120
    assert not set(occ["line"]) & {179, 191, 192, 207}
    assert "fr_female_def_occ:147" in wheres(z.same_form)  # journaliste / journaliste
    baker = occ.set_index("line").loc[140]
    assert (baker.masculine, baker.feminine) == ("boulanger", "boulangère")
    assert occ.set_index("line").loc[141].feminine == "femme de ménage"  # "_" -> space
    # stray tab on line 151 ("nurse\t\tinfirmière"): repaired, kept, noted
    assert "fr_female_def_occ:151" in wheres(z.notes)
    assert occ.set_index("line").loc[151].feminine == "infirmière"
    # "pére" in the pairs file read as "père", noted at its line
    assert ("mère", "père") in z.pairs and "fr_gender_pairs.json:1" in wheres(z.notes)


def test_german_and_spanish_known_bad_rows():
    de = load_zhao_lists(FOLDER, "de")
    assert {"de_male_def_occ:3", "de_male_def_occ:28", "de_male_def_occ:66",
            "de_female_def_occ:82", "de_female_def_occ:240"} <= wheres(de.rejected)  # fmt: skip
    assert {"de_female_def_occ:161", "de_female_def_occ:200", "de_male_def_occ:213"} <= wheres(
        de.rejected
    )
    occ = de.rows[de.rows.noun_type == "occupation"].set_index("line")
    assert len(occ) == 111
    assert (occ.loc[140].masculine, occ.loc[140].feminine) == ("Bäcker", "Bäckerin")  # capitalised
    assert (occ.loc[168].masculine, occ.loc[168].feminine) == ("Schlagzeuger", "Schlagzeugerin")
    assert "de_female_def_occ:145" in wheres(de.same_form)  # governor: gouverneur for both
    # the stray-tab lines SOURCE.md lists are repaired and noted, not rejected
    assert {"de_female_def_occ:139", "de_female_def_occ:156", "de_male_def_occ:206"} <= wheres(
        de.notes
    )
    es = load_zhao_lists(FOLDER, "es")
    assert wheres(es.rejected) == {"es_male_def_occ:178", "es_male_def_occ:247"}
    occ = es.rows[es.rows.noun_type == "occupation"].set_index("line")
    assert len(occ) == 95 and occ.loc[151].feminine == "enfermera"
    assert {"es_male_def_occ:28", "es_female_def_occ:151"} <= wheres(es.notes)


def copy_fr(tmp_path):
    for name in ("fr_male_def_occ", "fr_female_def_occ", "fr_gender_pairs.json"):
        shutil.copy(FOLDER / name, tmp_path / name)
    return tmp_path


def edit_line(path, n, text):
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[n - 1] = text
    path.write_text("\n".join(lines), encoding="utf-8")


def test_malformed_lines_are_errors_naming_file_and_line(tmp_path):
    folder = copy_fr(tmp_path)
    edit_line(folder / "fr_male_def_occ", 150, "mechanic\tmécanicien\textra")
    with pytest.raises(
        InputError, match=r"fr_male_def_occ:150: expected 'english<TAB>word', got 3"
    ):
        load_zhao_lists(folder, "fr")
    edit_line(folder / "fr_male_def_occ", 150, "mechanic\tmécanicien")
    edit_line(folder / "fr_female_def_occ", 160, "plumber\tplombière")  # line 160 is caretaker
    with pytest.raises(InputError, match=r"fr_female_def_occ:160: occupation 'plumber'"):
        load_zhao_lists(folder, "fr")
    with pytest.raises(InputError, match="language 'en' not one of"):
        load_zhao_lists(folder, "en")
