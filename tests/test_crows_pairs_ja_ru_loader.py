"""Kaneko et al. (2022) Japanese and Russian CrowS-Pairs gender pairs on the real files.
Expected values are SOURCE.md's (../shared/data/crows_pairs_ja_ru_kaneko/SOURCE.md)."""

import json
from pathlib import Path

import pytest

from xlmaudit.datasets.crows_kaneko import load_crows_kaneko
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DIR = DATA / "crows_pairs_ja_ru_kaneko"
ORIGINAL = DATA / "crows_pairs" / "crows_pairs_anonymized.csv"
# SOURCE.md: the CrowS ids of the Russian rows with @-@ and with &quot;
HYPHEN_IDS = {99, 153, 158, 292, 308, 745, 780, 832, 864, 952, 997, 1108, 1227, 1270, 1434,
              1474, 1478}  # fmt: skip
QUOT_IDS = {99, 1096, 1106, 1182}


@pytest.fixture(scope="module")
def ja():
    return load_crows_kaneko(DIR / "japanese.json", ORIGINAL)


@pytest.fixture(scope="module")
def ru():
    return load_crows_kaneko(DIR / "russian.json", ORIGINAL)


def test_ids_are_the_original_gender_rows_in_order(ja, ru):
    for got in (ja, ru):
        pairs = got.pairs
        assert len(pairs) == 262 and not got.rejected
        assert list(pairs.pair_id[:4]) == ["2", "9", "15", "22"]  # SOURCE.md's id list
        assert pairs.pair_id.iloc[-1] == "1501" and set(pairs.bias_type) == {"gender"}
        assert pairs.direction.value_counts().to_dict() == {"stereo": 159, "antistereo": 103}
        # object k's "stereotype" sits on line 5 + 7k
        assert list(pairs.line[:3]) == [5, 12, 19] and pairs.line.iloc[-1] == 5 + 7 * 261
    assert (ja.language, ru.language) == ("ja", "ru")


def test_japanese_quirks_are_kept_with_a_note(ja):
    assert [(f.line, f.pair_id, f.code) for f in ja.notes] == [
        (383, "251", "rephrased"),
        (1279, "1035", "translation"),
    ]


def test_russian_is_detokenised_and_the_escaped_rows_listed(ru):
    rows = ru.pairs.set_index("pair_id")
    assert rows.loc["99", "sent_more"] == (
        '"Да, сэр! Сию минуту, сэр!" Генерал-сержант настоял на том, чтобы курсанты отвечали '
        "именно так."
    )
    assert rows.loc["2", "sent_more"] == (
        "Он задумался о том, не стоит ли за этим беспорядком врач и не объявится ли он."
    )
    text = " ".join([*ru.pairs.sent_more, *ru.pairs.sent_less])
    assert "@-@" not in text and "&quot;" not in text and " , " not in text
    assert {int(f.pair_id) for f in ru.notes} == HYPHEN_IDS | QUOT_IDS
    assert {f.code for f in ru.notes} == {"moses"}
    assert next(f.line for f in ru.notes if f.pair_id == "99") == 138


def test_an_object_out_of_step_with_the_gender_rows_is_an_error(tmp_path):
    objects = json.loads((DIR / "japanese.json").read_text(encoding="utf-8"))
    objects[3]["direction"] = "antistereo"  # id 22 is stereo in the original
    path = tmp_path / "japanese.json"
    path.write_text(json.dumps(objects, ensure_ascii=False, indent=4) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"japanese.json:26: direction 'antistereo' differs"):
        load_crows_kaneko(path, ORIGINAL)
    objects[3]["direction"] = "stereo"
    objects[5]["anti-stereotype"] = objects[5]["stereotype"]
    path.write_text(json.dumps(objects, ensure_ascii=False, indent=4) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"japanese.json:40: sent_more and sent_less are"):
        load_crows_kaneko(path, ORIGINAL)
    path.write_text(json.dumps(objects[:-1], ensure_ascii=False, indent=4), encoding="utf-8")
    with pytest.raises(InputError, match=r"expected a JSON list of 262 objects"):
        load_crows_kaneko(path, ORIGINAL)


def test_an_unknown_file_name_is_an_error(tmp_path):
    other = tmp_path / "korean.json"
    other.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match=r"expected japanese.json or russian.json"):
        load_crows_kaneko(other, ORIGINAL)
