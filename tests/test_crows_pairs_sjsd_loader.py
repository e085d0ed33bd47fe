"""S_JSD multilingual CrowS-Pairs gender subset loader on the real files. Expected values are
SOURCE.md's (../shared/data/s_jsd_multilingual/SOURCE.md), hand-checked with the csv module."""

import shutil
from pathlib import Path

import pytest

from xlmaudit.datasets.crows_sjsd import LANGUAGES, load_crows_sjsd
from xlmaudit.errors import InputError

DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "s_jsd_multilingual"


def path_of(lang: str) -> Path:
    return DIR / f"cps_translated_{lang}_formatted.csv"


@pytest.fixture(scope="module")
def loaded():
    return {lang: load_crows_sjsd(path_of(lang)) for lang in LANGUAGES}


def test_every_language_has_the_same_212_original_ids(loaded):
    en = loaded["en"].pairs
    assert len(en) == 212 and en.pair_id.iloc[0] == "2" and en.pair_id.is_unique
    assert set(en.bias_type) == {"gender"}
    assert en.direction.value_counts().to_dict() == {"stereo": 122, "antistereo": 90}
    for lang, got in loaded.items():
        assert got.language == lang
        expected = [p for p in en.pair_id if not (lang == "id" and p == "29")]
        assert list(got.pairs.pair_id) == expected, lang


def test_the_identical_indonesian_pair_is_rejected_at_line_7(loaded):
    bad = loaded["id"].rejected
    assert [(f.file, f.line, f.pair_id, f.code) for f in bad] == [
        ("cps_translated_id_formatted.csv", 7, "29", "identical")
    ]
    assert all(not got.rejected for lang, got in loaded.items() if lang != "id")


def test_the_parent_swap_rows_are_kept_with_a_note(loaded):
    for lang in ("ar", "id"):
        assert [(f.line, f.pair_id) for f in loaded[lang].notes] == [(56, "351")]
    assert all(not got.notes for lang, got in loaded.items() if lang not in ("ar", "id"))


def test_translations_are_scored_and_cells_stripped(loaded):
    fr = loaded["fr"].pairs.set_index("pair_id")
    # line 16 (ID 99): junk appended to A_en, which is not read; A_x / B_x are scored
    assert fr.loc["99", "sent_more"].startswith('"Oui, chef ! Tout de suite, chef !"')
    assert "Madeleine" in fr.loc["99", "sent_less"]
    fi = loaded["fi"].pairs
    assert not (fi.sent_more.str.strip().ne(fi.sent_more)).any()  # 58 fi rows had spaces


def test_an_unknown_bad_row_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / "cps_translated_de_formatted.csv"
    shutil.copy(path_of("de"), path)
    lines = path.read_text(encoding="utf-8").split("\n")
    fields = lines[2].split(",")  # line 3
    lines[2] = ",".join([*fields[:-1], "stereotype"])
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"formatted.csv:3: direction 'stereotype' not in"):
        load_crows_sjsd(path)


def test_the_language_comes_from_the_file_name_or_is_an_error(tmp_path):
    other = tmp_path / "pairs.csv"
    shutil.copy(path_of("ko"), other)
    with pytest.raises(InputError, match=r"language must be one of ar, de"):
        load_crows_sjsd(other)
    assert load_crows_sjsd(other, "ko").language == "ko"
